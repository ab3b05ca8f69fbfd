"""Plain text → :class:`Document`, including what a copy from a web page gives: each table
row on one line with its cells separated by tabs (the reference report
``shared/reference/xialiang-2021.txt`` is exactly that).

Lines with a tab are table rows; consecutive rows form one grid, also across blank lines
(copies often put one inside a table). Other non-empty lines are paragraphs.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from kit.reading.document import Cell, Document, Grid, Para, ReadError, clean

MAX_BYTES = 5_000_000


def decode_text(raw: bytes, source: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in ("gb18030", getattr(from_bytes(raw).best(), "encoding", None)):
        if name:
            try:
                return raw.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    raise ReadError(f"{source}：无法识别文字编码。请用记事本打开，以“UTF-8”编码另存后再试。")


def read_text(raw: bytes, source: str) -> Document:
    if len(raw) > MAX_BYTES:
        raise ReadError(f"{source}：文件有 {len(raw) // 1_000_000} MB，不像是一篇年报。请确认没有选错文件。")
    text = decode_text(raw, source)
    if not any(ch.isalnum() for ch in clean(text)):
        raise ReadError(f"{source}：文件中没有可读的文字（可能是损坏的文件，或者不是年报）。请确认没有选错文件。")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pieces: list[Para | Grid] = []
    rows: list[list[str]] = []

    def close() -> None:
        if rows:
            width = max(len(r) for r in rows)
            pieces.append(Grid(tuple(tuple(Cell(clean(t)) for t in r + [""] * (width - len(r))) for r in rows)))
            rows.clear()

    for index, line in enumerate(lines):
        if "\t" in line:
            rows.append(line.rstrip("\n").split("\t"))
            continue
        if not line.strip():
            following = next((ln for ln in lines[index + 1:] if ln.strip()), "")
            if rows and "\t" in following:
                continue  # a blank line inside a copied table
            close()
            continue
        close()
        pieces.append(Para(clean(line)))
    close()
    return Document(source, "text", pieces)
