"""Small in-memory notebooks shaped like the kit's report notebook, for export tests."""

from __future__ import annotations

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

TITLE = "下良镇2021年政府信息公开工作年度报告"
INPUT_MARKER = "SOURCE_CODE_MARKER_7f3a"
REVIEW_MARKER = "审阅专用标记_仅供审核"
STDERR_MARKER = "FutureWarning_MARKER"
HEADER = ("信息内容", "本年制发件数", "本年废止件数")
PARAGRAPH = (
    "本年度，下良镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
    "不公开为例外，全面推进决策、执行、管理、服务、结果公开，政务公开工作取得新成效。"
)


def display_cell(html: str, tags: tuple[str, ...] = ()) -> NotebookNode:
    """A code cell whose only output is ``html`` as text/html."""
    cell = new_code_cell(
        f"print('{INPUT_MARKER}')",
        execution_count=1,
        outputs=[new_output("display_data", data={"text/html": html, "text/plain": "<HTML>"})],
    )
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def long_table(rows: int) -> str:
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join(
        f'<tr><th class="kit-label">第{i}项</th><td class="kit-num">{i}</td>'
        f'<td class="kit-num">{i * 3}</td></tr>'
        for i in range(1, rows + 1)
    )
    return f'<table class="kit-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def dense_table() -> str:
    """15 value columns, like 表四 行政复议、行政诉讼情况."""
    names = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    head1 = '<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>'
    head2 = "<tr>" + "".join(f'<th class="kit-head">{n}</th>' for n in names * 3) + "</tr>"
    body = "<tr>" + "".join(f'<td class="kit-num">{i * 11}</td>' for i in range(15)) + "</tr>"
    return f'<table class="kit-table"><thead>{head1}{head2}</thead><tbody>{body}</tbody></table>'


def report_notebook(rows: int = 80) -> NotebookNode:
    """Title, headings, prose, a review-only box, a long table, a dense table and a date."""
    nb = new_notebook(
        cells=[
            new_markdown_cell(
                f"**报告模板。** {REVIEW_MARKER}", metadata={"tags": ["review-only"]}
            ),
            display_cell(
                f'<div class="kit-doc"><h1 class="kit-title">{TITLE}</h1>'
                '<h2 class="kit-h1">一、总体情况</h2><h3 class="kit-h2">（一）主动公开情况</h3>'
                f'<p class="kit-p">{PARAGRAPH}</p></div>'
            ),
            display_cell(
                f'<div class="kit-checks"><h4>校验结果</h4><p>{REVIEW_MARKER}</p></div>',
                tags=("review-only",),
            ),
            display_cell(
                '<div class="kit-doc"><h2 class="kit-h1">二、主动公开政府信息情况</h2>'
                f"{long_table(rows)}{dense_table()}"
                '<p class="kit-date">下良镇人民政府<br>2022年1月15日</p></div>'
            ),
        ]
    )
    nb.cells[-1].outputs.append(new_output("stream", name="stderr", text=STDERR_MARKER))
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {},
            "version_major": 2,
            "version_minor": 0,
        }
    }
    return nb
