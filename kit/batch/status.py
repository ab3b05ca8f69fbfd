"""How a report's build status reads, everywhere: the line printed per report, the summary
table, the index page and the state files use this one map."""

from __future__ import annotations

from typing import NamedTuple

from kit.batch.options import JobResult
from kit.rules.draft import unrewritten


class StatusText(NamedTuple):
    label: str  # in tables and on the index page
    tag: str  # at the head of the line printed when the report finishes: "[跳过] …"


SKIPPED = "skipped"  # not built: nothing changed since the last successful build
STATUSES: dict[str, StatusText] = {
    "ok": StatusText("成功", "成功"),
    "partial": StatusText("部分完成", "部分完成"),
    "failed": StatusText("失败", "失败"),
    "invalid": StatusText("参数有错误", "跳过"),
    "draft": StatusText("草稿", "草稿，未生成"),
    SKIPPED: StatusText("未改动", "跳过"),
}


def label(status: str) -> str:
    return STATUSES[status].label


def format_result(res: JobResult) -> str:
    """One built report's outcome, in Chinese, with what to do about a failure."""
    tag = STATUSES[res.status].tag + ("（草稿，每页标注“草稿”，不得发布）" if res.draft and res.ok else "")
    head = f"[{tag}] {res.job.name}（{res.seconds:.1f} 秒）"
    files = "、".join(str(p) for p in res.outputs)
    warnings = sum(not p.is_error for p in res.problems)
    if res.status == "ok":
        note = (f"；参数文件有 {warnings} 个警告，可运行 python -m kit check {res.job.params_path} 查看"
                if warnings else "")
        return f"{head}：{files}{note}"
    if res.status == "invalid":
        lines = [f"{head}：{res.error}请改正 {res.job.params_path} 后重新生成："]
        lines += [f"    {p.format()}" for p in res.problems if p.is_error]
        return "\n".join(lines)
    if res.status == "draft":
        lines = [f"{head}：{res.error}请改写 {res.job.params_path} 中的以下段落（删除标记"
                 "“【请按本年度情况改写】”，不要照抄上年）后重新生成；只想看排版效果时加 --draft"
                 "（生成的文件每页标注“草稿”，不得发布）："]
        lines += [f"    {p.format()}" for p in unrewritten(list(res.problems))]
        return "\n".join(lines)
    if res.status == "partial":
        return f"{head}：已生成 {files}；{res.error}"
    if res.failed_cell:
        lines = [f"{head}：笔记本运行到单元格 {res.failed_cell} 时出错：{res.error}"]
    else:
        lines = [f"{head}：{res.error}"]
    if res.outputs:
        lines.append(f"    出错的笔记本已保留，可打开查看：{res.outputs[0]}")
    return "\n".join(lines)
