"""What the form tells the clerk about the file behind it: why it cannot be opened or saved,
and what of it the form cannot carry over. Plain words for the clerk; the file, the findings
and the command line go to ``detail`` (the folded 详细 part).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.base.errors import KitError
from kit.base.problems import Problem
from kit.form.clerk_text import said
from kit.form.fields import cell_key
from kit.params import yamlsource
from kit.params.model import ReportParams


class FormError(KitError):
    """The unit-year cannot be opened; the message is Chinese and names the fix (for the
    clerk: no paths or codes); ``detail`` holds the file and the findings for a technician."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def unreadable(what: str, path: Path, problems: list[Problem]) -> FormError:
    listing = "\n".join(f"· {said(p)}" for p in problems[:8])
    detail = "；".join([f"参数文件：{path}", *(p.format() for p in problems),
                       f"可运行 python -m kit check {path} 查看"])
    return FormError(f"{what}\n{listing}\n请按提示改正文件（可请技术人员按页面底部“详细”中的说明处理）。",
                     detail)


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    message: str  # Chinese, for the clerk
    conflict: bool = False  # the file changed on disk since it was loaded
    backup: Path | None = None
    detail: str = ""  # file paths, for the folded 详细 part


def unreadable_cells(path: Path, params: ReportParams) -> dict[str, str]:
    """The file's own text of cells it holds but that do not parse, so the form shows them
    (flagged) instead of 0."""
    doc, _ = yamlsource.read(path)
    tables = doc.data.get("tables") if doc is not None and isinstance(doc.data, dict) else None
    found = {}
    for table_id, row_id, col_id in params.invalid:
        try:
            raw = tables[table_id][row_id][col_id]  # type: ignore[index]
        except (KeyError, TypeError):
            continue
        found[cell_key(table_id, row_id, col_id)] = "" if raw is None else str(raw)
    return found


def not_saved(error: Exception, cause: OSError | None) -> SaveResult:
    """A failed save for the clerk: what stands in the way, without paths (those go to 详细)."""
    if isinstance(cause, PermissionError) or "没有写入权限" in str(error):
        why = "没有写入权限，请联系管理电脑的同事开通"
    elif "磁盘已满" in str(error):
        why = "磁盘已满，请清理磁盘空间"
    elif "是一个文件" in str(error) or "同名的文件夹" in str(error):
        why = "报告所在的文件夹里有同名的文件或文件夹挡住了保存或备份，请按“详细”中的说明删除或改名"
    else:
        why = "报告文件暂时无法写入（可能正被其他程序占用），请稍后再试"
    return SaveResult(False, f"未保存：{why}。表单中的内容仍在，处理后可再点“保存”。",
                      detail=str(error))


def file_notice(problems: list[Problem]) -> str:
    """What the form cannot carry over from the file (unknown keys and the like)."""
    dropped = [p for p in problems if p.is_error and p.rule != "V-N5"]
    if not dropped:
        return ""
    listing = "；".join(said(p) for p in dropped[:5])
    return (f"注意：文件中有 {len(dropped)} 处表单无法识别的内容（{listing}）。"
            "在表单中保存后，这些内容不会保留；如需保留，请先用文本编辑器改正文件再打开。")
