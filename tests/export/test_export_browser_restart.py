"""A Chromium killed between two reports is relaunched: the next PDF is printed as usual."""

from __future__ import annotations

import signal

import psutil
import pytest

from kit.export.pdf import PdfPrinter

HTML = "<!DOCTYPE html><html lang='zh-CN'><body><p>下良镇人民政府</p></body></html>"


def chromium_children() -> list[psutil.Process]:
    found = []
    for p in psutil.Process().children(recursive=True):
        try:  # a helper process may end between listing and reading its name
            if "chrom" in (p.name() or "").lower():
                found.append(p)
        except psutil.NoSuchProcess:
            continue
    return found


@pytest.mark.browser
def test_a_killed_chromium_is_relaunched(tmp_path):
    with PdfPrinter() as printer:
        assert printer.pdf_bytes(HTML).startswith(b"%PDF")
        before = chromium_children()
        assert before, "Chromium should run as a child of this process"
        for process in before:
            process.send_signal(signal.SIGKILL)
        psutil.wait_procs(before, timeout=10)
        out = printer.print_html(HTML, tmp_path / "report.pdf")
        assert out.read_bytes().startswith(b"%PDF")
        after = chromium_children()
        assert after and not {p.pid for p in after} & {p.pid for p in before}
