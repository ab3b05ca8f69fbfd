"""The committed 虚构县 files are what the generator makes, and they are consistent."""

from county_helpers import COUNTY, PARAMS, load_generator

from kit.rules.validate import check_file


def test_committed_yaml_matches_generator():
    generated = load_generator().files()
    committed = {p.relative_to(PARAMS): p.read_text(encoding="utf-8")
                 for p in (PARAMS / COUNTY).rglob("*.yaml")}
    assert set(committed) == set(generated), "re-run tests/fixtures/make_test_county.py"
    for rel, text in generated.items():
        assert committed[rel] == text, f"{rel} differs: re-run tests/fixtures/make_test_county.py"


def test_every_file_checks_without_errors_and_r6_holds():
    files = sorted((PARAMS / COUNTY).rglob("*.yaml"))
    assert len(files) == 7
    for path in files:
        params, problems = check_file(path)
        assert params is not None
        assert [p.format() for p in problems if p.is_error] == [], path
        assert not [p for p in problems if p.rule in ("R1", "R6", "V-N10", "V-N11")], path
