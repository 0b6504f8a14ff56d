"""Stage 2: split a document's canonical text into clauses by its own numbering.

Numbering grammar (at the start of a line, after indentation):

============  ==================  =====================
kind          example             note
============  ==================  =====================
``cn``        一、                 section
``cn_paren``  （一） / (一)         item
``ar_paren``  （1） / (1)           item
``ar_dot``    1. / 1．              item (not ``3.0``)
``attach``    附件 / 附件2           a line of its own
============  ==================  =====================

Levels follow the order in which kinds first appear, as a reader would infer
them. A number is accepted only if it continues its kind's sequence (the next
number, or 1 under a new parent), so "2.2019年…" in an attachment list or a
wrapped PDF line starting with "3." is not mistaken for a clause.

The clauses partition the text: concatenating their ``text`` gives back the
document exactly. Unnumbered text before the first number is ``前言``; after the
last numbered item (and before any attachment) it is ``结语``. Labels that
repeat under different sections carry their section: ``三、（二）``.

>>> [c.label for c in segment("t", "前言\\n一、总则\\n（一）甲。\\n二、分则\\n（一）乙。\\n")]
['前言', '一、', '一、（一）', '二、', '二、（一）']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.models import Clause, Span, Table

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "[一二三四五六七八九十百千万〇零两]+"

_INDENT = r"^[ \t\u3000]*"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("cn", re.compile(_INDENT + rf"({_CN_NUM})、")),
    ("cn_paren", re.compile(_INDENT + rf"([（(]({_CN_NUM})[）)])")),
    # any number of digits: items 1000 and above were merged into one 结语 clause when this stopped at three;
    # the sequence check in _find_units keeps "2019." or a wrapped "3." from becoming a label
    ("ar_paren", re.compile(_INDENT + r"([（(](\d{1,7})[）)])")),
    ("ar_dot", re.compile(_INDENT + r"((\d{1,7})[.．])(?![\d.．])")),
]
_ATTACH = re.compile(r"^[ \t\u3000]*附\s*件\s*(\d{0,2})[ \t\u3000]*[:：]?[ \t\u3000]*$")
_TABLE_TITLE = re.compile(r"([\u4e00-\u9fff]{0,4}表(?:[（(][一二三四五六七八九十\d]+[）)])?)[ \t\u3000]*$")
_PREAMBLE, _CLOSING = "前言", "结语"


_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s: str) -> int:
    """Chinese numerals. ``cn_to_int("二十七") == 27``, ``cn_to_int("一千零一") == 1001``,
    ``cn_to_int("一万二千") == 12000``."""
    total, section, cur = 0, 0, 0
    for ch in s:
        if ch in _CN_UNITS:
            section += (cur or 1) * _CN_UNITS[ch]
            cur = 0
        elif ch == "万":
            total += (section + cur or 1) * 10_000
            section, cur = 0, 0
        else:
            cur = _CN_DIGITS[ch]
    return total + section + cur


@dataclass
class _Label:
    kind: str
    printed: str   # the label as printed, e.g. "（二十二）", "(2)", "10."
    number: int
    start: int     # offset of the line start in the text


def match_label(line: str) -> tuple[str, str, int] | None:
    """``(kind, printed, number)`` if the line starts with a clause number."""
    for kind, pat in _PATTERNS:
        m = pat.match(line)
        if m:
            if kind == "cn":
                return kind, m.group(1) + "、", cn_to_int(m.group(1))
            if kind == "cn_paren":
                return kind, m.group(1), cn_to_int(m.group(2))
            return kind, m.group(1), int(m.group(2))
    return None


def starts_with_label(line: str) -> bool:
    return match_label(line) is not None or bool(_ATTACH.match(line))


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line
        pos += len(line)


@dataclass
class _Unit:
    label: str
    kind: str            # preamble / section / item / closing / attachment / table
    level: int
    start: int
    parent: "_Unit | None" = None
    number_kind: str | None = None
    table_title: str | None = None


def segment(doc_id: str, text: str) -> list[Clause]:
    units = _find_units(text)
    return _to_clauses(doc_id, text, units)


def _find_units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    level_of: dict[str, int] = {}
    last_number: dict[str, tuple[int, int | None]] = {}  # kind -> (number, id(parent))
    stack: list[_Unit] = []
    in_attachment = False
    attach_numbers: list[int] = []
    # None: nothing pending; -1: the last item has body; >= 0: offset where trailing unnumbered text began
    after_body: int | None = None

    for start, line in _lines(text):
        am = _ATTACH.match(line.rstrip("\n"))
        if am:
            n = int(am.group(1)) if am.group(1) else 0
            if n == 0 or n == (attach_numbers[-1] + 1 if attach_numbers else 1):
                if after_body is not None and after_body >= 0:
                    units.append(_Unit(_CLOSING, "closing", 0, after_body))
                after_body = None
                attach_numbers.append(n)
                units.append(_Unit(f"附件{am.group(1)}", "attachment", 1, start))
                in_attachment = True
                continue
        if in_attachment or not line.strip():
            continue
        found = match_label(line)
        if found is not None:
            kind, printed, number = found
            level = level_of.get(kind, len(level_of) + 1)
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            prev = last_number.get(kind)
            if (prev is None and number == 1) or (prev is not None and (
                    number == prev[0] + 1 or (number == 1 and prev[1] != id(parent)))):
                level_of.setdefault(kind, level)
                last_number[kind] = (number, id(parent))
                unit = _Unit(printed, "section" if kind == "cn" else "item", level, start, parent, kind)
                units.append(unit)
                stack.append(unit)
                # unnumbered text after a label line that already states something may be a closing;
                # after a bare heading ("一、总体要求") it is that section's body
                after_body = -1 if _has_body(line, printed) else None
                continue
            # out of sequence: ordinary text
        if units and after_body == -1:
            after_body = start
    if after_body is not None and after_body >= 0:
        units.append(_Unit(_CLOSING, "closing", 0, after_body))
    return _split_table_attachments(text, units)


def _has_body(line: str, printed: str) -> bool:
    rest = line.strip()[len(printed):].strip()
    return "。" in rest or len(rest) > 40


def _split_table_attachments(text: str, units: list[_Unit]) -> list[_Unit]:
    """An unnumbered 附件 holding several titled tables becomes one clause per table.

    The title line ("…行动计划表（一）") names the clause; the 附件 line itself
    stays with the first table.
    """
    out: list[_Unit] = []
    for i, u in enumerate(units):
        if u.kind != "attachment" or u.label != "附件":
            out.append(u)
            continue
        end = units[i + 1].start if i + 1 < len(units) else len(text)
        titles = []
        for start, line in _lines(text[u.start:end]):
            m = _TABLE_TITLE.search(line.rstrip("\n"))
            if m and not line.startswith("\t") and "：" not in line:
                titles.append((u.start + start, m.group(1), line.strip()))
        if len(titles) < 2:
            out.append(u)
            continue
        for j, (start, short, full) in enumerate(titles):
            out.append(_Unit(short, "table", 1, u.start if j == 0 else start, table_title=full))
    return out


def _to_clauses(doc_id: str, text: str, units: list[_Unit]) -> list[Clause]:
    if not units or units[0].start > 0:
        units = [_Unit(_PREAMBLE, "preamble", 0, 0)] + units
    # where a label repeats, every label of that numbering kind carries its section, so that
    # 二、（四） reads like its siblings 二、（一）…（三） even though （四） itself is unique
    counts = Counter(u.label for u in units)
    repeating_kinds = {u.number_kind for u in units if counts[u.label] > 1 and u.number_kind}
    labels = [_path_label(u) if u.number_kind in repeating_kinds and u.parent is not None else u.label
              for u in units]
    # still ambiguous (should not happen in real documents): number the repeats
    seen: Counter = Counter()
    final = []
    for label in labels:
        seen[label] += 1
        final.append(label if seen[label] == 1 else f"{label}~{seen[label]}")

    index = {id(x): lab for x, lab in zip(units, final)}   # once, not per clause: O(n) for 10 000 items
    clauses = []
    for i, (u, label) in enumerate(zip(units, final)):
        end = units[i + 1].start if i + 1 < len(units) else len(text)
        body = text[u.start:end]
        table = parse_table(body, u.table_title or _first_line_title(body, u)) if u.kind in ("attachment", "table") else None
        clauses.append(Clause(
            id=f"{doc_id}#{label}",
            doc_id=doc_id,
            label=label,
            kind=u.kind,
            level=u.level,
            parent_path=tuple(_ancestor_labels(u, index)),
            heading=_heading(body, u),
            text=body,
            span=Span(start=u.start, end=end),
            table=table,
        ))
    return clauses


def _path_label(u: _Unit) -> str:
    parts = []
    node: _Unit | None = u
    while node is not None:
        parts.append(node.label)
        node = node.parent
    return "".join(reversed(parts))


def _ancestor_labels(u: _Unit, index: dict[int, str]) -> list[str]:
    out = []
    node = u.parent
    while node is not None:
        out.append(index.get(id(node), node.label))
        node = node.parent
    return list(reversed(out))


def _heading(body: str, u: _Unit) -> str | None:
    """Short title of a clause: "总体要求" for "一、总体要求", "指导思想" for "1.指导思想。…"."""
    if u.kind == "table":
        return u.table_title
    lines = [ln.strip() for ln in body.strip().split("\n") if ln.strip()]
    if not lines:
        return None
    if u.kind == "attachment":
        return lines[1] if len(lines) > 1 else None
    if u.kind in ("section", "item"):
        m = match_label(lines[0])
        rest = lines[0][len(m[1]):].strip() if m else lines[0]
        head = re.split(r"[。：:]", rest, maxsplit=1)[0].strip()
        return head if 0 < len(head) <= 16 else None
    return None


def _first_line_title(body: str, u: _Unit) -> str:
    return _heading(body, u) or u.label


# ---------------------------------------------------------------- tables

def parse_table(body: str, title: str) -> Table | None:
    """Parse the tab-cell table inside a clause body (TXT/DOCX convention).

    Cells start with a tab; a line without a tab continues the cell above; a
    blank line followed by a tab line starts a new row. PDFs carry no cell
    boundaries (empty cells vanish), so they yield no table, only text.
    """
    lines = body.split("\n")
    rows: list[list[str]] = []
    row: list[str] | None = None
    in_table = False
    pending_blank = False
    for i, line in enumerate(lines):
        if line.startswith("\t"):
            if row is None or (pending_blank and in_table):
                row = []
                rows.append(row)
            row.append(line[1:].strip())
            in_table = True
            pending_blank = False
        elif not line.strip():
            if in_table:
                pending_blank = True
        elif in_table and row:
            nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
            if nxt.startswith("\t"):
                row[-1] = (row[-1] + line.strip()).strip()
                pending_blank = False
            else:
                break
    rows = [r for r in rows if r]
    if len(rows) < 2:
        return None
    header_rows, data_rows = _split_header(rows)
    if not header_rows:
        return None
    width = max(len(r) for r in rows)
    columns = _flatten_header(header_rows, width)
    data = tuple(tuple((c or None) for c in (r + [""] * (width - len(r)))[:width]) for r in data_rows)
    return Table(title=title, header_rows=tuple(tuple(r) for r in header_rows), columns=tuple(columns), rows=data)


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(r"[-+]?\d+(?:\.\d+)?%?|-", cell.strip()))


def _split_header(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    for i, r in enumerate(rows):
        rest = r[1:]
        if (r[0] and (any(_is_number(c) for c in rest) or not any(rest))) or not any(r):
            return rows[:i], rows[i:]
    return rows, []


def _flatten_header(header_rows: list[list[str]], width: int) -> list[str]:
    """Merged header cells become column names: "2019年" over 开工数（亩） → "2019年开工数（亩）".

    Plain text keeps no column spans, so they are inferred bottom-up: a header
    cell sits over one column that no lower row names, or over a run of columns
    that lower rows subdivide; a run is shared among the cells that fall in it
    along the groups of the row below.
    """
    grid = [[""] * width for _ in header_rows]
    below: list[list[tuple[int, int]]] = [[(j, j + 1)] for j in range(width)]  # groups of the row below, per run
    claimed = [False] * width
    for r in range(len(header_rows) - 1, -1, -1):
        cells = header_rows[r]
        if len(cells) >= width:
            spans = [(j, j + 1) for j in range(width)]
        else:
            spans = _assign_spans(cells, width, claimed, below)
        groups = []
        for cell, (a, b) in zip(cells, spans):
            for j in range(a, b):
                grid[r][j] = cell
            if cell:
                groups.append((a, b))
                for j in range(a, b):
                    claimed[j] = True
        below = groups or below
    columns = []
    for j in range(width):
        parts: list[str] = []
        for r in range(len(header_rows)):
            if grid[r][j] and (not parts or parts[-1] != grid[r][j]):
                parts.append(grid[r][j])
        columns.append("".join(parts) or f"列{j + 1}")
    return columns


def _assign_spans(cells: list[str], width: int, claimed: list[bool], groups_below: list[tuple[int, int]]):
    """Column span of each cell of a short header row (see ``_flatten_header``)."""
    # segments of the width: single unclaimed columns, and runs of claimed ones (with their groups)
    segments: list[tuple[str, list[tuple[int, int]]]] = []
    j = 0
    while j < width:
        if not claimed[j]:
            segments.append(("single", [(j, j + 1)]))
            j += 1
            continue
        k = j
        while k < width and claimed[k]:
            k += 1
        groups = [g for g in groups_below if g[0] >= j and g[1] <= k] or [(j, k)]
        segments.append(("run", groups))
        j = k
    singles = sum(1 for kind, _ in segments if kind == "single")
    runs = [g for kind, g in segments if kind == "run"]
    run_cells = max(len(cells) - singles, len(runs))
    total_groups = sum(len(g) for g in runs) or 1
    quota = [max(1, round(run_cells * len(g) / total_groups)) for g in runs]
    spans: list[tuple[int, int]] = []
    ri = 0
    for kind, groups in segments:
        if kind == "single":
            spans.append(groups[0])
            continue
        n = min(quota[ri], len(groups))
        ri += 1
        per, extra = divmod(len(groups), n)
        g = 0
        for c in range(n):
            take = per + (1 if c < extra else 0)
            spans.append((groups[g][0], groups[g + take - 1][1]))
            g += take
    return spans[:len(cells)] + [(width, width)] * max(0, len(cells) - len(spans))
