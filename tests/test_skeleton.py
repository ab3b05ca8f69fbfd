"""Checks on the project skeleton: the lock file, the README's quick start and CI's entry point."""

import os
import re
from importlib import metadata
from pathlib import Path

import pytest

# dev.sh uninstalls these after installing the lock (see requirements.txt's header).
DELIBERATELY_UNINSTALLED = {"rfc3987-syntax"}

QUICK_START_COMMANDS = ["./dev.sh example", "./dev.sh test"]


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_lines(repo_root: Path) -> list[str]:
    lines = []
    for raw in (repo_root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _pins(repo_root: Path) -> dict[str, str]:
    pins = {}
    for line in _requirement_lines(repo_root):
        name, _, version = line.partition("==")
        pins[_normalize(name)] = version
    return pins


def _section(markdown: str, heading: str) -> str:
    """The text under the heading whose title contains `heading`, up to the next heading of
    the same or a higher level."""
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^(#+)\s+(.*)$", line)
        if m and heading in m.group(2):
            level = len(m.group(1))
            body = []
            for nxt in lines[i + 1 :]:
                n = re.match(r"^(#+)\s", nxt)
                if n and len(n.group(1)) <= level:
                    break
                body.append(nxt)
            return "\n".join(body)
    raise AssertionError(f"README.md has no heading containing {heading!r}")


def _commands_in_code_blocks(text: str) -> list[str]:
    commands = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append(line.removeprefix("$ ").strip())
    return commands


def test_every_requirement_is_pinned_exactly(repo_root):
    lines = _requirement_lines(repo_root)
    assert len(lines) > 50, "requirements.txt should be a full lock, transitive pins included"
    pinned = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*==[^=\s;]+")
    bad = [line for line in lines if not pinned.fullmatch(line)]
    assert not bad, f"lines not pinned with ==: {bad}"
    names = [_normalize(line.partition("==")[0]) for line in lines]
    assert len(names) == len(set(names)), "a package is pinned twice"


@pytest.mark.parametrize(
    "package",
    [
        "ipykernel",
        "jupyterlab",
        "ipywidgets",
        "pandas",
        "papermill",
        "nbconvert",
        "nbclient",
        "playwright",
        "pyyaml",
        "pytest",
        "dask",
        "distributed",
        "matplotlib",
        "ruff",
        "tqdm",
    ],
)
def test_key_packages_are_in_the_lock(repo_root, package):
    assert _normalize(package) in _pins(repo_root)


def test_installed_versions_match_the_lock(repo_root):
    wrong = []
    for name, pinned in _pins(repo_root).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            if name in DELIBERATELY_UNINSTALLED:
                continue
            installed = None
        if installed != pinned:
            wrong.append(f"{name}: pinned {pinned}, installed {installed}")
    assert not wrong, "run ./dev.sh setup; mismatches:\n" + "\n".join(wrong)


def test_readme_quick_start_has_exactly_the_two_commands(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    quick_start = _section(readme, "快速开始")
    assert _commands_in_code_blocks(quick_start) == QUICK_START_COMMANDS


def test_ci_runs_the_readme_test_command(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    quick_start = _commands_in_code_blocks(_section(readme, "快速开始"))
    test_command = [c for c in quick_start if "test" in c]
    assert test_command == ["./dev.sh test"]
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    ci_commands = [
        line.strip()
        for line in ci.splitlines()
        if line.strip() and not line.strip().startswith(("#", "set ", "cd "))
    ]
    assert ci_commands == [f"exec {test_command[0]}"], ci_commands


def test_scripts_are_executable(repo_root):
    for path in ("dev.sh", ".ci/run"):
        assert os.access(repo_root / path, os.X_OK), f"{path} is not executable"
