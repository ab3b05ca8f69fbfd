#!/usr/bin/env bash
# Developer entry point for the township report kit.
#
#   ./dev.sh example   set up, then build the built-in example report into outputs/
#   ./dev.sh test      set up, then run ruff, lint-imports, mypy and the whole test suite (extra args go to pytest)
#   ./dev.sh app       set up, then open the clerk's form in the browser (python -m kit app)
#   ./dev.sh serve     set up, then start the county's desk (python -m kit serve; an empty desk
#                      gets the accounts of params/ and prints their one-time passwords)
#   ./dev.sh setup     only set up
#
# Set-up is idempotent and quick when already done:
#   (a) Debian packages chromium, fonts-noto-cjk, poppler-utils (+ fonts-arphic-ukai and
#       chromium-headless-shell if the archive has them, python3-venv if needed), installed
#       only when missing;
#   (b) .venv with Python 3.11+, `pip install -r requirements.txt` only when requirements.txt
#       changed, `pip install --no-deps -e .` only when pyproject.toml changed (sha256 stamps
#       inside .venv), then rfc3987-syntax removed (2 s of import at every Jupyter tool start);
#   (c) the Jupyter kernel "python3" checked to run the venv's Python;
#   (d) JupyterLab set to Chinese for this venv; the PDF fonts built once; the kit's bytecode
#       compiled (only what changed).
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD
VENV=$ROOT/.venv
VPY=$VENV/bin/python

APT_REQUIRED=(chromium fonts-noto-cjk poppler-utils postgresql libreoffice-writer-nogui libreoffice-calc-nogui)   # postgresql: the desk tests; Calc: a register saved as .xls
# start their own server; LibreOffice Writer: the tests open the .docx as a reader without Word would
APT_OPTIONAL=(fonts-arphic-ukai chromium-headless-shell)   # AR PL UKai, 楷体 for level-2
# headings; Chromium's headless shell prints the same PDFs as chromium at about half the cost
# (kit.export.browser prefers it)
PIP_VERSION=26.3                   # pip itself, upgraded before installing the lock
SLOW_IMPORT_PKG=rfc3987-syntax     # see requirements.txt header

export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_NO_INPUT=1

log() { printf '[dev.sh] %s\n' "$*" >&2; }
die() { printf '[dev.sh] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: ./dev.sh example        build the example report (襄垣县下良镇 2021) into outputs/
       ./dev.sh test [ARGS]    run ruff, lint-imports, mypy and pytest (ARGS are passed to pytest)
       ./dev.sh app [ARGS]     open the clerk's form in the browser (ARGS go to python -m kit app)
       ./dev.sh serve [ARGS]   start the county's desk, 报送与审核 (ARGS go to python -m kit serve)
       ./dev.sh setup          only install what is needed
EOF
    exit 2
}

# ---------------------------------------------------------------- (a) Debian packages
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo DEBIAN_FRONTEND=noninteractive "$@"
    else
        die "need root or sudo to run: $*"
    fi
}

deb_installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }

# True when the apt package lists offer a candidate version for the package.
deb_available() {
    local cand
    cand=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
    [[ -n $cand && $cand != "(none)" ]]
}

apt_lists_present() { compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; }

APT_UPDATED=0
apt_update_once() {
    if [[ $APT_UPDATED -eq 0 ]]; then
        log "apt-get update"
        as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
        APT_UPDATED=1
    fi
}

apt_install() {
    log "apt-get install $*"
    as_root apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 install -y -qq --no-install-recommends "$@"
}

# Extra Debian packages a step needs (filled by pick_python: python3-venv).
APT_EXTRA=()

setup_debian() {
    if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        log "no dpkg/apt-get here: install yourself ${APT_REQUIRED[*]} ${APT_OPTIONAL[*]}"
        return 0
    fi
    local p missing=() missing_opt=()
    for p in "${APT_REQUIRED[@]}" "${APT_EXTRA[@]}"; do
        deb_installed "$p" || missing+=("$p")
    done
    for p in "${APT_OPTIONAL[@]}"; do
        deb_installed "$p" || missing_opt+=("$p")
    done
    [[ ${#missing[@]} -eq 0 && ${#missing_opt[@]} -eq 0 ]] && return 0

    # Only optional packages missing: skip them quickly when the (present) package lists say
    # the archive does not have them, so that repeated runs stay fast.
    if [[ ${#missing[@]} -eq 0 ]] && apt_lists_present; then
        local any=0
        for p in "${missing_opt[@]}"; do deb_available "$p" && any=1; done
        if [[ $any -eq 0 ]]; then
            return 0
        fi
    fi

    apt_update_once
    local want=()
    for p in "${missing[@]}"; do
        if [[ $p == chromium ]] && ! deb_available chromium && deb_available chromium-browser; then
            log "no 'chromium' package here (Ubuntu?): installing chromium-browser instead"
            p=chromium-browser
        fi
        want+=("$p")
    done
    for p in "${missing_opt[@]}"; do
        if deb_available "$p"; then
            want+=("$p")
        else
            log "optional package $p is not in this machine's archive: skipped"
        fi
    done
    [[ ${#want[@]} -gt 0 ]] && apt_install "${want[@]}"
    for p in "${missing[@]}"; do
        [[ $p == chromium ]] && continue   # may have been replaced by chromium-browser
        deb_installed "$p" || die "Debian package $p did not install"
    done
}

# ---------------------------------------------------------------- (b) Python venv
py_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }

PY=""
pick_python() {
    if [[ -x $VPY ]] && py_ok "$VPY"; then
        return 0   # the venv is there and good; no base interpreter needed
    fi
    local c
    for c in python3.11 python3; do
        if command -v "$c" >/dev/null 2>&1 && py_ok "$c"; then
            PY=$(command -v "$c")
            break
        fi
    done
    [[ -n $PY ]] || die "need Python 3.11 or newer (python3.11 or python3) on PATH"
    if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        local ver
        ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        log "$PY cannot create a venv: will install python3-venv"
        APT_EXTRA+=(python3-venv)
        if command -v apt-cache >/dev/null 2>&1 && deb_available "python$ver-venv"; then
            APT_EXTRA+=("python$ver-venv")
        fi
    fi
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

stamp_matches() { [[ -f $VENV/$1 && $(cat "$VENV/$1") == "$2" ]]; }

setup_venv() {
    if [[ -e $VENV ]] && ! { [[ -x $VPY ]] && py_ok "$VPY"; }; then
        log "$VENV is broken or older than Python 3.11: recreating it"
        rm -rf "$VENV"
    fi
    if [[ ! -x $VPY ]]; then
        log "creating $VENV with $PY ($("$PY" -V 2>&1))"
        "$PY" -m venv "$VENV"
    fi

    local req_sha proj_sha
    req_sha=$(sha requirements.txt)
    if ! stamp_matches .kit-requirements.sha256 "$req_sha"; then
        if [[ $("$VPY" -m pip --version | awk '{print $2}') != "$PIP_VERSION" ]]; then
            log "pip install pip==$PIP_VERSION"
            "$VPY" -m pip install -q "pip==$PIP_VERSION"
        fi
        log "pip install -r requirements.txt (a few minutes the first time)"
        "$VPY" -m pip install -q -r requirements.txt
        drop_slow_import_pkg
        echo "$req_sha" > "$VENV/.kit-requirements.sha256"
        rm -f "$VENV/.kit-pyproject.sha256"   # reinstall the kit on top of new packages
    fi

    proj_sha=$(sha pyproject.toml)
    if ! stamp_matches .kit-pyproject.sha256 "$proj_sha"; then
        log "pip install --no-deps -e ."
        "$VPY" -m pip install -q --no-deps -e .
        echo "$proj_sha" > "$VENV/.kit-pyproject.sha256"
    fi
}

# Uninstall rfc3987-syntax, but only keep it uninstalled when pip check stays clean and
# notebook validation still works; otherwise put the pinned version back.
drop_slow_import_pkg() {
    "$VPY" -m pip show -q "$SLOW_IMPORT_PKG" >/dev/null 2>&1 || return 0
    log "pip uninstall $SLOW_IMPORT_PKG (saves ~2 s at every Jupyter tool start)"
    "$VPY" -m pip uninstall -q -y "$SLOW_IMPORT_PKG"
    if "$VPY" -m pip check >/dev/null 2>&1 \
        && "$VPY" -c 'import nbformat, jsonschema; nbformat.validate(nbformat.v4.new_notebook())' \
            >/dev/null 2>&1; then
        return 0
    fi
    log "removing $SLOW_IMPORT_PKG broke pip check or nbformat: reinstalling it"
    "$VPY" -m pip install -q --no-deps "$(grep -i "^$SLOW_IMPORT_PKG==" requirements.txt)"
}

# ---------------------------------------------------------------- (c) Jupyter kernel
# papermill runs notebooks with the kernel "python3"; it must be this venv's Python, not
# another one found through a user-wide kernelspec.
kernel_check() {
    "$VPY" - <<'EOF'
import os, subprocess, sys
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
try:
    spec = KernelSpecManager().get_kernel_spec("python3")
except NoSuchKernel:
    sys.exit("no kernel 'python3'")
exe = spec.argv[0]
v = sys.version_info
if exe in {"python", f"python{v[0]}", f"python{v[0]}.{v[1]}"}:
    exe = sys.executable  # what jupyter_client substitutes at launch
try:
    out = subprocess.run([exe, "-c", "import sys; print(sys.prefix)"],
                         capture_output=True, text=True, timeout=60).stdout.strip()
except OSError as e:
    sys.exit(f"kernel python3 ({spec.resource_dir}) cannot start {exe}: {e}")
if os.path.realpath(out) != os.path.realpath(sys.prefix):
    sys.exit(f"kernel python3 ({spec.resource_dir}) runs {exe} with prefix {out!r}, "
             f"not this venv ({sys.prefix})")
EOF
}

setup_kernel() {
    if kernel_check >/dev/null 2>&1; then
        return 0
    fi
    log "kernel python3 is not this venv's Python: installing a kernelspec into .venv"
    "$VPY" -m ipykernel install --sys-prefix --name python3 >/dev/null
    local why
    if ! why=$(kernel_check 2>&1); then
        log "$why"
        "$VENV/bin/jupyter" kernelspec list >&2 || true
        die "kernel python3 still points elsewhere: remove that kernelspec (jupyter kernelspec remove python3 outside the venv) or set JUPYTER_PREFER_ENV_PATH=1"
    fi
}

# TrueType copies of the Noto CJK fonts (kit/export/font_build.py) in ~/.local/share/fonts/kit,
# so that PDFs embed CID font subsets instead of Type 3 fonts; built once (a few minutes),
# then only when fonts-noto-cjk or the builder changes.
setup_fonts() {
    "$VPY" -m kit.export.font_build || die "could not build the PDF fonts (see the message above)"
}

# JupyterLab in Chinese by default (jupyterlab-language-pack-zh-CN is in requirements.txt):
# the project's settings overrides go where JupyterLab reads them for this venv.
LAB_OVERRIDES=kit/form/app_share/lab/settings/overrides.d/kit.json
setup_lab_settings() {
    local target="$VENV/share/jupyter/lab/settings/overrides.d/kit.json"
    if ! cmp -s "$LAB_OVERRIDES" "$target"; then
        mkdir -p "$(dirname "$target")"
        cp "$LAB_OVERRIDES" "$target"
    fi
}

# The kit's bytecode, compiled ahead (pip does this for site-packages): where the environment
# sets PYTHONDONTWRITEBYTECODE (many containers and CI images do), Python would otherwise
# compile the kit's modules from source at every start, ~20 ms of each `kit check`.
setup_bytecode() {
    "$VPY" -m compileall -q kit || die "could not compile the kit's modules"
}

setup() {
    pick_python
    setup_debian
    setup_venv
    setup_kernel
    setup_lab_settings
    setup_fonts
    setup_bytecode
}

# ---------------------------------------------------------------- commands
cmd_example() {
    setup
    local params=params/襄垣县/下良镇/2021.yaml out=outputs/襄垣县/下良镇/2021
    "$VPY" -m kit build --to html,pdf params/襄垣县/下良镇/2021.yaml
    log "example built from $params; outputs in $ROOT/$out/:"
    ls -l "$out" >&2 || true
}

cmd_test() {
    setup
    local ruff_status=0 status=0
    log "ruff check kit tests bench"
    "$VPY" -m ruff check kit tests bench || ruff_status=$?
    log "lint-imports (the layers contract in pyproject.toml)"
    "$VENV/bin/lint-imports" --no-cache || ruff_status=$?
    log "mypy (type hints of kit/, settings in pyproject.toml)"
    "$VPY" -m mypy || ruff_status=$?
    log "pytest $*"
    "$VPY" -m pytest "$@" || status=$?
    if [[ $status -eq 5 ]]; then
        log "pytest collected no tests: that is a failure"
    fi
    if [[ $status -ne 0 ]]; then
        exit "$status"
    fi
    if [[ $ruff_status -ne 0 ]]; then
        log "tests passed but ruff, lint-imports or mypy found problems"
        exit "$ruff_status"
    fi
}

[[ $# -ge 1 ]] || usage
command=$1
shift
case $command in
    example) [[ $# -eq 0 ]] || usage; cmd_example ;;
    test) cmd_test "$@" ;;
    setup) [[ $# -eq 0 ]] || usage; setup; log "setup done ($VENV)" ;;
    app) setup; exec "$VPY" -m kit app "$@" ;;
    serve) setup; exec "$VPY" -m kit serve "$@" ;;
    *) usage ;;
esac
