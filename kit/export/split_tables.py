"""Before printing: where a table crosses a page break, end it there and go on under 续表.

Chromium breaks a table between any two rows: a row-spanning group label is left open at the
foot of the page and printed on the first page only, a band row of Table 二 ("第二十条第（五）
项" and its column header) can stay alone at a page's foot, and the rows on the next page have
no header of their own. :data:`SPLIT_SCRIPT` runs in the page before it is printed:

1. it lays the document out as print would, in columns of the text block's size (156 × 225
   mm, less a hair: :data:`SLACK_MM`; the same fragmentation engine, so the same breaks,
   with what avoids a page break made to avoid a column break too), and finds, for every table of the
   report (``table.kit-table``), the first body row that lands on a later page than the first;
2. a band or header row (a row of ``th.kit-head`` cells only) never ends a page: the break
   moves up to before it, so the band goes over with its rows; nor does a break leave a
   group label (三、本年度办理结果, （四）无法提供 …) beside fewer rows than its text needs
   (measured: lines × line height), above the break or below it with its 续 mark;
3. a table with fewer than :data:`MIN_ROWS` body rows before the break starts on the next
   page instead, with the heading just above it (no table begins with two rows at a page's
   foot and runs on over two more pages);
4. otherwise the table is split there: the first part ends with the last row that fits (its
   group cells now end there too, borders closed), and the continuation starts on the next
   page under a “续表” line, with the header rows again, the group labels repeated and marked
   （续）(set vertically where the label is: ︵续︶), and, in a table whose column headers are
   band rows in its body (Table 二), the band and header rows of the group it goes on with.

The steps repeat, one change per report at a time in reading order (a split or a move shifts
every later table), until nothing crosses a page.
A document with several ``main`` elements (several reports printed at once, each from a
new page: :mod:`kit.export.print_many`) is measured report by report, each from its own
first page.
"""

from __future__ import annotations

from kit.formats.page import CONTINUED, CONTINUED_TABLE, CONTINUED_VERTICAL, PAGE

MIN_ROWS = 4  # fewer body rows than this at a page's foot: the table starts on the next page

SPLIT_SCRIPT = """
([continued, continuedVertical, continuedTable, minRows, widthMm, heightMm, slackMm]) => {
  const mm = 96 / 25.4, width = widthMm * mm, height = (heightMm - slackMm) * mm;
  const mains = [...document.querySelectorAll('main')];
  const tablesOf = root => [...root.querySelectorAll('table.kit-table')]
    .filter(t => t.tBodies.length && t.tBodies[0].rows.length > 1);
  const isBand = row => row.cells.length > 0 &&
    [...row.cells].every(c => c.tagName === 'TH' && c.classList.contains('kit-head'));

  // The height a cell's text needs (lines × line height + padding), as laid out now.
  const needed = cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = new Set([...range.getClientRects()].filter(r => r.height > 0)
      .map(r => `${Math.round(r.left / width)}:${Math.round(r.top)}`));
    const style = getComputedStyle(cell);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
    return lines.size * line + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  };

  // For each table: the index of its first body row on a later page than its first row (-1
  // when it fits), the rows' heights, and what each row-spanning cell's text needs; every
  // report laid out at once, each in columns of its own (one page a column).
  const measure = groups => {
    const asPages = document.createElement('style');  // a page break is a column break here
    // (and the first rows' break-before: avoid, which columns and pages resolve differently:
    // here the script itself keeps MIN_ROWS together)
    asPages.textContent = '.kit-continued, .kit-next-page { break-before: column !important; } ' +
      '.kit-table > tbody > tr:nth-child(-n+3) { break-before: auto !important; }';
    document.head.appendChild(asPages);
    // what avoids a page break avoids a column break here (a heading kept with its text)
    const pageOnly = [];
    groups.forEach(([root]) => root.querySelectorAll('*').forEach(el => {
      const style = getComputedStyle(el);
      for (const prop of ['breakBefore', 'breakAfter', 'breakInside']) {
        if (style[prop] === 'avoid-page') { pageOnly.push([el, prop, el.style[prop]]); el.style[prop] = 'avoid'; }
      }
    }));
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
        const start = pageOf(rows[0]);
        const at = rows.findIndex((r, i) => i > 0 && pageOf(r) > start);
        const heights = rows.map(r => r.getBoundingClientRect().height);
        const need = new Map();
        if (at > 0) rows.forEach(r => [...r.cells].forEach(c => { if (c.rowSpan > 1) need.set(c, needed(c)); }));
        return {at, heights, need};
      });
    });
    laid.forEach(([root, columns, moved]) => {
      moved.forEach(n => root.appendChild(n));
      columns.remove();
    });
    asPages.remove();
    pageOnly.forEach(([el, prop, value]) => { el.style[prop] = value; });
    return found;
  };

  // Where to break a table measured to break at ``at``: never after a band row, never where a
  // group label's text would not fit beside the rows left above the break (then before the
  // group) or below it with its 续 mark (then one row earlier).
  const settle = (rows, {at, heights, need}) => {
    const sum = (from, to) => heights.slice(from, to).reduce((a, b) => a + b, 0);
    for (let guard = 0; guard <= rows.length && at > 0; guard++) {
      let changed = false;
      while (at > 0 && (isBand(rows[at - 1]) || rows[at].classList.contains('kit-total-row'))) {
        at--;  // a band goes over with its rows; a 合计 row stays with the row above
        changed = true;
      }
      rows.slice(0, at).forEach((row, r) => [...row.cells].forEach(cell => {
        if (changed || cell.rowSpan <= 1 || r + cell.rowSpan <= at) return;
        const text = need.get(cell) || 0, mark = cell.classList.contains('kit-span-label') ? 3 : 1;
        const line = parseFloat(getComputedStyle(cell).lineHeight) || 0;
        if (sum(r, at) < text) { at = r; changed = true; }
        else if (sum(at, r + cell.rowSpan) < text + mark * line) { at--; changed = true; }
      }));
      if (!changed) break;
    }
    return at;
  };

  const wrapOf = table =>
    table.parentElement.classList.contains('kit-table-wrap') ? table.parentElement : table;

  // Start the table on the next page, with the heading right above it.
  const moveOn = table => {
    const wrap = wrapOf(table), before = wrap.previousElementSibling;
    const first = before && /^H[1-6]$/.test(before.tagName) ? before : wrap;
    first.classList.add('kit-next-page');
  };

  const mark = (cell, vertical) => {
    const note = document.createElement('span');
    note.className = vertical ? 'kit-cont kit-cont-vertical' : 'kit-cont';
    note.textContent = vertical ? continuedVertical : continued;
    cell.appendChild(note);
  };

  const split = (table, at) => {
    const rows = [...table.tBodies[0].rows];
    const spanning = [];
    rows.slice(0, at).forEach((row, r) => {
      for (const cell of row.cells) {
        if (cell.rowSpan > 1 && r + cell.rowSpan > at) spanning.push([cell, r]);
      }
    });
    // the band and header rows the continued rows belong to (Table 二), unless a band opens it
    let bands = [];
    if (!isBand(rows[at])) {
      let end = at - 1;
      while (end >= 0 && !isBand(rows[end])) end--;
      let begin = end;
      while (begin > 0 && isBand(rows[begin - 1])) begin--;
      if (end >= 0) bands = rows.slice(begin, end + 1).map(r => r.cloneNode(true));
    }
    const part = table.cloneNode(false);
    part.classList.add('kit-table-continued');
    part.dataset.kitMoved = '1';  // a continuation starts a page: never moved on
    for (const child of table.children) {
      if (child.tagName === 'COLGROUP' || child.tagName === 'THEAD') part.appendChild(child.cloneNode(true));
    }
    const rest = document.createElement('tbody');
    bands.forEach((row, i) => {
      if (i === 0) mark(row.cells[0], false);
      rest.appendChild(row);
    });
    rows.slice(at).forEach(row => rest.appendChild(row));
    part.appendChild(rest);
    const firstRow = rest.rows[bands.length];
    spanning.reverse().forEach(([cell, r]) => {
      const copy = cell.cloneNode(true);
      copy.rowSpan = cell.rowSpan - (at - r);
      cell.rowSpan = at - r;
      mark(copy, copy.classList.contains('kit-span-label'));
      firstRow.insertBefore(copy, firstRow.firstChild);
    });
    const note = document.createElement('p');
    note.className = 'kit-continued';
    note.textContent = continuedTable;
    const wrap = wrapOf(table);
    const holder = wrap === table ? part : wrap.cloneNode(false);
    if (holder !== part) holder.appendChild(part);
    wrap.after(note, holder);
  };

  // One change per report and round, the first in reading order: a split or a move shifts
  // every later table, so they are measured again before anything is decided for them.
  let changes = 0;
  const roots = mains.length ? mains : [document.body];
  for (let round = 0; round < 16; round++) {
    const groups = roots.map(root => [root, tablesOf(root)]).filter(([, t]) => t.length);
    if (!groups.length) break;
    const breaks = measure(groups);
    let due = 0;
    groups.forEach(([, tables], g) => {
      const i = breaks[g].findIndex(b => b.at > 0);
      if (i < 0) return;
      const table = tables[i];
      const at = settle([...table.tBodies[0].rows], breaks[g][i]);
      if (at < minRows && !table.dataset.kitMoved) {  // too little of it here: move it on
        table.dataset.kitMoved = '1';
        moveOn(table);
      } else {
        split(table, Math.max(at, 1));
      }
      due++;
    });
    if (!due) break;
    changes += due;
  }
  return changes;
}
"""

#: the script's arguments: the 续 labels, the fewest rows kept together, the text block (mm),
__all__ = ["CONTINUED", "CONTINUED_TABLE", "CONTINUED_VERTICAL", "SPLIT_ARGS", "SPLIT_SCRIPT"]
#: a column this much shorter than the page, against rounding: 22 lines fill the text block
#: exactly, and a row measured to fit by a fraction of a pixel would print alone on the next
#: page, before the 续表 page
SLACK_MM = 0.2
SPLIT_ARGS = [CONTINUED, CONTINUED_VERTICAL, CONTINUED_TABLE, MIN_ROWS, PAGE.text_width, PAGE.text_height,
              SLACK_MM]
