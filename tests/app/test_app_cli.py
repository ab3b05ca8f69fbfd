"""``python -m kit app`` without a browser: its arguments, its configuration, its template."""

from __future__ import annotations

import re

from kit.cli.app import SHARE, free_port, served_notebook, voila_config
from kit.cli.main import main
from kit.form.app import ALLOWED, DENIED, file_href


def test_a_missing_params_folder_is_a_chinese_usage_error(tmp_path, capsys):
    assert main(["app", "--no-browser", "--params", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "找不到参数目录" in err and "Traceback" not in err


def test_it_listens_on_loopback_only_and_serves_only_reports(tmp_path):
    config = voila_config(tmp_path / "params", tmp_path / "outputs", 8899, browser=False, token="t0k")
    assert config.Voila.ip == "127.0.0.1" and config.Voila.open_browser is False
    assert config.Voila.token == "t0k" and config.MappingKernelManager.cull_idle_timeout == 600
    assert config.VoilaConfiguration.template == "kit"
    allowed = [re.compile(p) for p in config.VoilaConfiguration.file_allowlist]
    denied = [re.compile(p) for p in DENIED]

    def served(path: str) -> bool:
        return any(p.fullmatch(path) for p in allowed) and not any(p.fullmatch(path) for p in denied)

    assert served("襄垣县/下良镇/2022/report.pdf") and served("襄垣县/下良镇/2022/report.docx")
    for private in ("襄垣县/下良镇/2022/report.ipynb", ".kit-app/app.ipynb", "index.html",
                    ".kit-build/襄垣县/下良镇/2022.json", "襄垣县/2022/review.zip"):
        assert not served(private), private
    assert list(config.VoilaConfiguration.file_allowlist) == list(ALLOWED)


def test_links_point_at_the_files_route(tmp_path):
    href = file_href(tmp_path)
    assert href(tmp_path / "襄垣县/下良镇/2022/report.pdf") == (
        "voila/files/%E8%A5%84%E5%9E%A3%E5%8E%BF/%E4%B8%8B%E8%89%AF%E9%95%87/2022/report.pdf")


def test_the_template_loads_nothing_from_outside():
    folder = SHARE / "voila" / "templates" / "kit"
    for name in ("page.html", "error.html", "404.html"):  # Voilà's own load Font Awesome from a CDN
        assert "https://" not in (folder / name).read_text(encoding="utf-8"), name
    index = (SHARE / "voila" / "templates" / "kit" / "index.html.j2").read_text(encoding="utf-8")
    assert index.count("| replace('<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net") == 2


def test_the_page_notebook_is_copied_into_the_outputs(tmp_path):
    page = served_notebook(tmp_path)
    assert page == tmp_path / ".kit-app" / "app.ipynb" and "clerk_app()" in page.read_text(encoding="utf-8")
    assert free_port(0) > 0
