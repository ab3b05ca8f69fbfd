"""`python -m kit check` and `python -m kit new`, run as a user runs them."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def kit(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def tree(tmp_path):
    target = tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy(EXAMPLE, target)
    return tmp_path


def test_check_example_prints_warnings_and_exits_0():
    result = kit("check", "params/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 个错误" in result.stdout
    for rule in ("V-F8", "V-S2", "V-S6a"):
        assert rule in result.stdout
    assert "Traceback" not in result.stderr


def test_check_defaults_to_params_folder():
    result = kit("check")
    assert result.returncode == 0 and "params/襄垣县/下良镇/2021.yaml" in result.stdout


def test_broken_r1_exits_1_and_names_row_and_column(tree):
    path = tree / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    received: {natural: 0, commercial: 0,",
                                 "    received: {natural: 0, commercial: 2,"), encoding="utf-8")
    result = kit("check", str(path))
    assert result.returncode == 1
    assert "R1" in result.stdout and "（七）总计" in result.stdout and "商业企业" in result.stdout
    assert "表三" in result.stdout


def test_check_json(tree):
    result = kit("check", "--json", str(tree / "params"))
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["errors"] == 0 and data["warnings"] >= 3
    (problems,) = data["files"].values()
    assert {"rule", "severity", "message", "table", "row", "column", "section", "line"} <= set(problems[0])
    assert {p["severity"] for p in problems} == {"警告"}


def test_check_bad_yaml_no_traceback(tree):
    path = tree / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text("unit: [\n", encoding="utf-8")
    result = kit("check", str(path))
    assert result.returncode == 1 and "P-YAML" in result.stdout and "Traceback" not in result.stderr


def test_check_missing_path():
    result = kit("check", "no/such/place")
    assert result.returncode == 2 and "找不到" in result.stderr


def test_new_prefills_from_previous_year(tree):
    path = tree / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    received: {natural: 0, commercial: 0,", "    received: {natural: 3, commercial: 1,")
    text = text.replace("    disclosed: {natural: 0,", "    disclosed: {natural: 2,")
    text = text.replace("    carried_forward: {natural: 0, commercial: 0,",
                        "    carried_forward: {natural: 1, commercial: 1,")
    path.write_text(text, encoding="utf-8")
    result = kit("new", "襄垣县/下良镇", "2022", "--params", str(tree / "params"))
    assert result.returncode == 0, result.stderr
    new = tree / "params" / "襄垣县" / "下良镇" / "2022.yaml"
    from kit.params.loader import load_params

    params, problems = load_params(new)
    assert problems == []
    assert params.unit.province == "山西省" and params.year == 2022
    assert params.value("applications", "carried_over", "natural") == 1
    assert params.value("applications", "carried_over", "commercial") == 1
    assert params.value("applications", "received", "total") == 0
    assert "2022年1月1日" in params.preamble
    check = kit("check", str(new))
    assert "V-S5" in check.stdout  # last year's prose is marked until rewritten
    assert "R6" not in check.stdout


def test_new_never_overwrites(tree):
    result = kit("new", "襄垣县/下良镇", "2021", "--params", str(tree / "params"))
    assert result.returncode == 1 and "不会覆盖" in result.stderr
    assert (tree / "params" / "襄垣县" / "下良镇" / "2021.yaml").read_bytes() == EXAMPLE.read_bytes()


def test_new_without_previous_year(tree):
    result = kit("new", "襄垣县/古韩镇", "2023", "--params", str(tree / "params"))
    assert result.returncode == 0
    from kit.params.loader import load_params

    params, problems = load_params(tree / "params" / "襄垣县" / "古韩镇" / "2023.yaml")
    assert problems == [] and params.unit.city == "长治市"  # taken from a sibling unit


@pytest.mark.parametrize(("unit", "year"), [("../x/下良镇", "2022"), ("襄垣县/..", "2022"),
                                            ("襄垣县/下良镇", "2017"), ("下良镇", "2022")])
def test_new_rejects_bad_input(tree, unit, year):
    result = kit("new", unit, year, "--params", str(tree / "params"))
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert not list((tree.parent).glob("x"))
