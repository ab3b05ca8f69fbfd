"""Before printing: split a table whose row-spanning group label would cross a page break.

Chromium leaves such a cell open at the bottom of the page and prints its label on the first
page only, so the continued rows of Table 三 (三、本年度办理结果 spans 22 rows) would stand
unlabelled under an open border. :data:`SPLIT_SCRIPT` runs in the page before it is printed:

1. it lays the document out as print would, in columns of the text block's size (156 × 225
   mm: the same fragmentation engine, so the same breaks), and finds, for each table with
   a first-column group label (``th.kit-span-label``), the first row that lands on the next
   page;
2. it restores the document and splits that table there: the first part ends with the last
   row that fits (its group cells now end there too, borders closed), and the continuation
   starts on the next page under a “续表” line with the header rows again and the group
   labels repeated, each marked （续）.

Tables that fit on one page, and every other table, are left as they are. A document with
several ``main`` elements (several reports printed at once, each from a new page:
:mod:`kit.export.print_many`) is measured report by report, each from its own first page.
"""

from __future__ import annotations

from kit.formats.page import PAGE

CONTINUED = "（续）"
CONTINUED_TABLE = "续表"

MIN_ROWS = 4  # fewer rows than this cannot hold the group label beside them: move them all

SPLIT_SCRIPT = """
([continued, continuedTable, minRows, widthMm, heightMm]) => {
  const mm = 96 / 25.4, width = widthMm * mm, height = heightMm * mm;
  const mains = [...document.querySelectorAll('main')];
  const candidates = root => [...root.querySelectorAll('table.kit-table')]
    .filter(t => t.tBodies.length && t.querySelector(':scope > tbody th.kit-span-label'));

  // The row at which each table's first group block would continue on the next page: every
  // report laid out at once, each in columns of its own (one layout for the whole print).
  const measure = groups => {
    const asPages = document.createElement('style');  // a page break is a column break here
    asPages.textContent = '.kit-continued { break-before: column !important; }';
    document.head.appendChild(asPages);
    const laid = groups.map(([root]) => {
      const columns = document.createElement('div');
      columns.style.cssText = `column-width:${width}px;column-gap:0;column-fill:auto;` +
        `height:${height}px;width:${width}px;overflow:visible;margin:0;padding:0`;
      const moved = [...root.childNodes];
      moved.forEach(n => columns.appendChild(n));
      root.appendChild(columns);
      return [root, columns, moved];
    });
    const found = groups.map(([, tables], g) => {
      const left0 = laid[g][1].getBoundingClientRect().left;
      const pageOf = row => Math.floor(
        (row.cells[row.cells.length - 1].getBoundingClientRect().left - left0 + 1) / width);
      return tables.map(table => {
        const rows = [...table.tBodies[0].rows];
        const first = rows.findIndex(r => r.querySelector('th.kit-span-label'));
        if (first < 0) return -1;
        const start = pageOf(rows[first]);
        let at = rows.findIndex((r, i) => i > first && pageOf(r) > start);
        if (at > first && at - first < minRows) at = first;  // too few rows for the label
        return at;
      });
    });
    laid.forEach(([root, columns, moved]) => {
      moved.forEach(n => root.appendChild(n));
      columns.remove();
    });
    asPages.remove();
    return found;
  };

  const split = (table, at) => {
    const rows = [...table.tBodies[0].rows];
    const spanning = [];
    rows.slice(0, at).forEach((row, r) => {
      for (const cell of row.cells) {
        if (cell.rowSpan > 1 && r + cell.rowSpan > at) spanning.push([cell, r]);
      }
    });
    const part = table.cloneNode(false);
    part.classList.add('kit-table-continued');
    for (const child of table.children) {
      if (child.tagName === 'COLGROUP' || child.tagName === 'THEAD') part.appendChild(child.cloneNode(true));
    }
    const rest = document.createElement('tbody');
    rows.slice(at).forEach(row => rest.appendChild(row));
    part.appendChild(rest);
    const firstRow = rest.rows[0];
    spanning.reverse().forEach(([cell, r]) => {
      const copy = cell.cloneNode(true);
      copy.rowSpan = cell.rowSpan - (at - r);
      cell.rowSpan = at - r;
      copy.appendChild(document.createTextNode(continued));
      firstRow.insertBefore(copy, firstRow.firstChild);
    });
    const note = document.createElement('p');
    note.className = 'kit-continued';
    note.textContent = continuedTable;
    const wrap = table.parentElement.classList.contains('kit-table-wrap') ? table.parentElement : table;
    const holder = wrap === table ? part : wrap.cloneNode(false);
    if (holder !== part) holder.appendChild(part);
    wrap.after(note, holder);
  };

  let splits = 0;
  const roots = mains.length ? mains : [document.body];
  for (let round = 0; round < 4; round++) {  // a continuation may need continuing again
    const groups = roots.map(root => [root, candidates(root)]).filter(([, t]) => t.length);
    if (!groups.length) break;
    const breaks = measure(groups);
    let due = 0;
    groups.forEach(([, tables], g) => tables.forEach((t, i) => {
      if (breaks[g][i] > 0) { split(t, breaks[g][i]); due++; }
    }));
    if (!due) break;
    splits += due;
  }
  return splits;
}
"""

#: the script's arguments: the 续 labels, the fewest rows kept together, the text block (mm)
SPLIT_ARGS = [CONTINUED, CONTINUED_TABLE, MIN_ROWS, PAGE.text_width, PAGE.text_height]
