"""Plan tables as a calculator: read a cell, add a row, a column or a group of columns, find the largest or smallest
county (naming ties), divide, subtract, take a share of the city total, convert 万㎡ and 亩 to ㎡.

Works on the parsed tables of a document whose first column names rows (the Wenzhou opinions' 行动计划表（一）（二）);
the tables of one document are read as one grid (same rows, different columns). The words that name columns, rows
and operations are data (``assistant/data/plan_tables.yaml``); county names, short names and English names come
from the jurisdiction registry; numbers, units and the 亩 conversion come from :mod:`assistant.quantities`.

Every result names the cells it used (row, column, value as printed, a verbatim quote of the row), says which cells
were blank or "-" (never read as 0), and is labelled computed (计算) whenever anything was added, divided, compared or
converted.

>>> from assistant.corpus import load_corpus
>>> r = lookup(load_corpus(), "乐清市2020年计划开工多少亩？")
>>> [(c.row, c.column, c.value) for c in r.cells]
[('乐清市', '2020年开工数（亩）', '450')]
>>> r = lookup(load_corpus(), "乐清市2019到2021年开工数合计多少？")
>>> r.operation, r.value.value, r.value.unit
('sum', Fraction(1350, 1), '亩')
>>> r.headline("zh")
'乐清市2019–2021年开工数合计（计算）：1350亩'
"""

from __future__ import annotations

import functools
from decimal import Decimal
import re
import weakref
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Literal


from assistant.corpus import Corpus
from assistant.errors import QueryError
from assistant.models import Clause, Document
from assistant.quantities import MU_IN_M2, UNITS, Quantity, find_quantities, normalise, parse_number
from assistant.yamlio import load_yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "plan_tables.yaml"

Operation = Literal["cell", "cells", "sum", "max", "min", "ratio", "share", "difference", "filter", "absent"]
COMPUTED = ("sum", "max", "min", "ratio", "share", "difference", "filter")


# ---------------------------------------------------------------- vocabulary (data)

@dataclass(frozen=True)
class Metric:
    """Words for a column (or, for a group, several columns added together)."""

    name: str                      # the header fragment (开工数) or the group's name
    columns: tuple[str, ...]       # header fragments it covers: one, or the group's
    zh: tuple[str, ...]
    en_words: tuple[str, ...]
    en: str
    label_zh: str
    group: bool = False
    weak: tuple[str, ...] = ()     # also everyday words of the rules: count only with a cue (see the data file)


@dataclass(frozen=True)
class Vocabulary:
    metrics: tuple[Metric, ...]
    units_en: dict[str, str]
    words: dict[str, tuple[str, ...]]    # category → words (rows and operations)
    unit_cues: dict[str, tuple[str, ...]]
    question_words: tuple[str, ...]
    all_years: tuple[str, ...] = ()


@functools.lru_cache(maxsize=2)
def _vocabulary(path: str = str(DATA_FILE)) -> Vocabulary:
    raw = load_yaml(Path(path).read_text(encoding="utf-8"))
    metrics = [Metric(m["column"], (m["column"],), tuple(m["zh"]), tuple(m["en_words"]), m["en"], m["column"],
                      weak=tuple(_norm(w) for w in m.get("weak", ()))) for m in raw["metrics"]]
    metrics += [Metric(g["name"], tuple(g["columns"]), tuple(g["zh"]), tuple(g["en_words"]), g["en"], g["label_zh"],
                       group=True, weak=tuple(_norm(w) for w in g.get("weak", ()))) for g in raw["groups"]]
    words: dict[str, tuple[str, ...]] = {}
    for section in ("rows", "operations"):
        for key, values in raw[section].items():
            category = key.rsplit("_", 1)[0]
            words[category] = words.get(category, ()) + tuple(values)
    cues = {unit: tuple(_norm(w) for w in ws) for unit, ws in raw["unit_cues"].items()}
    return Vocabulary(tuple(metrics), dict(raw["units_en"]), words, cues, tuple(_norm(w) for w in raw["question_words"]),
                      tuple(_norm(w) for w in raw.get("all_years", ())))


# ---------------------------------------------------------------- cells

def _blank(value: str | None) -> bool:
    return value is None or value.strip() in ("", "-", "—", "－")


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    value: str | None    # as printed; None for an empty cell
    quote: str           # verbatim slice of the clause text holding the row
    clause: str = ""     # the clause (table) label

    @property
    def blank(self) -> bool:
        """Empty or "-": not set — never 0."""
        return _blank(self.value)

    @property
    def number(self) -> Fraction | None:
        if self.blank:
            return None
        try:
            return parse_number(self.value, field=f"{self.row} {self.column}")
        except QueryError:
            return None

    @property
    def unit(self) -> str:
        return _unit(self.column)

    def shown(self, lang: str = "zh") -> str:
        """The value as printed, or what an empty / "-" cell means."""
        if self.value is None or not self.value.strip():
            return "空白（未设定）" if lang == "zh" else "blank (not set)"
        if self.blank:
            return f"“{self.value.strip()}”（未设定）" if lang == "zh" else f"“{self.value.strip()}” (not set)"
        return self.value


@dataclass(frozen=True)
class Amount:
    """A number with the unit it is in (亩, 万㎡, ㎡, 个, 家, 万㎡/亩, %, 倍 or "")."""

    value: Fraction
    unit: str

    def text(self, lang: str = "zh") -> str:
        return _with_unit(fmt_fraction(self.value, lang), self.unit, lang)


@dataclass(frozen=True)
class Operand:
    """One side of a comparison, ratio or difference: a row's cells in some columns, added."""

    row: str
    what_zh: str               # 2019–2021年开工数
    what_en: str               # land started 2019–2021
    cells: tuple[Cell, ...]
    amount: Amount | None      # None when every cell is blank
    year: str | None = None    # when the sides are years of one row ("乐清哪一年开工最多")

    def name(self, lang: str = "zh") -> str:
        """How a list of winners names this side: the row, or the year."""
        if self.year:
            return f"{self.year}年" if lang == "zh" else self.year
        return self.row if lang == "zh" else _row_en(self.row)

    @property
    def label_zh(self) -> str:
        return self.row + self.what_zh

    @property
    def label_en(self) -> str:
        return f"{_row_en(self.row)}, {self.what_en}"

    @property
    def blanks(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.blank)


@dataclass
class TableResult:
    """What a table question computed: the operation, every cell used, the value with its unit, the blanks."""

    doc: Document
    clauses: list[Clause]
    operation: Operation
    cells: list[Cell]
    subject_zh: str
    subject_en: str
    value: Amount | None = None          # the figure (None: nothing to compute, e.g. only blank cells)
    converted: Amount | None = None      # the same figure in the unit the question asked for
    blanks: list[Cell] = field(default_factory=list)
    operands: list[Operand] = field(default_factory=list)   # per row (max/min/filter), or the two sides
    winners: list[Operand] = field(default_factory=list)    # max/min (ties: several), filter: the rows kept
    printed_total: Operand | None = None  # a sum over the counties: the city's own row, as printed
    note_zh: str = ""
    note_en: str = ""
    asked_count: bool = False            # the question asked a number of parks/firms; the columns are areas
    asked_land: bool = False             # the question asked a land area (用地, 亩); the columns are floor areas
    asked_floor: bool = False            # the question asked a floor area (建筑面积); the columns are land (亩)
    asked_per_park: bool = False         # the question asked one park's share; the plan gives county totals
    missing: str = ""                    # "row": a place the tables have no row for; "year": a year they do not cover
    growth: Amount | None = None         # a difference asked as a growth rate too ("增幅为多少"): over the second side
    years_not_split: list[str] = field(default_factory=list)   # years asked of columns the plan gives for all years only

    @property
    def clause(self) -> Clause:
        """The first table used."""
        return self.clauses[0]

    @property
    def computed(self) -> bool:
        return self.operation in COMPUTED or self.converted is not None

    # -- rendering

    def headline(self, lang: str = "zh") -> str:
        """The first line of an answer: the figure."""
        return _headline(self, lang)

    def cell_lines(self, lang: str = "zh") -> list[str]:
        """One line per cell used: row, column, value as printed."""
        lines = []
        for c in self.cells:
            if lang == "zh":
                lines.append(f"{c.row} | {c.column} | {c.shown('zh')}")
            else:
                lines.append(f"{_row_en(c.row)} ({c.row}) | {c.column} ({_column_en(c.column)}) | {c.shown('en')}")
        return lines

    def blank_line(self, lang: str = "zh") -> str:
        if not self.blanks:
            return ""
        cells = [f"{c.row} {c.column}：{c.shown('zh')}" if lang == "zh" else f"{_row_en(c.row)}, {c.column}: {c.shown('en')}"
                 for c in self.blanks]
        if lang == "zh":
            return "空白或“-”的单元格（未设定，未计入计算，不当作0）：" + "；".join(cells)
        return "Blank or “-” cells (not set; left out of the calculation, not read as 0): " + "; ".join(cells)

    def to_record(self) -> dict:
        """A JSON-ready record of the computation (for ``Answer.calculation`` and ``--json``)."""
        def amount(a: Amount | None):
            return None if a is None else {"value": str(a.value), "shown": fmt_fraction(a.value, "zh"),
                                           "shown_en": fmt_fraction(a.value, "en"), "unit": a.unit,
                                           "unit_en": _with_unit("", a.unit, "en").strip()}

        def cell(c: Cell):
            return {"table": c.clause, "row": c.row, "column": c.column, "value": c.value, "blank": c.blank}

        return {"operation": self.operation, "computed": self.computed, "subject": self.subject_zh,
                "subject_en": self.subject_en, "value": amount(self.value), "converted": amount(self.converted),
                "cells": [cell(c) for c in self.cells], "blanks": [cell(c) for c in self.blanks],
                "operands": [{"label": o.label_zh, "label_en": o.label_en, "amount": amount(o.amount),
                              "cells": [cell(c) for c in o.cells]} for o in self.operands],
                "winners": [o.label_zh for o in self.winners], "tied": len(self.winners),
                "printed_total": None if self.printed_total is None else {
                    "amount": amount(self.printed_total.amount), "cells": [cell(c) for c in self.printed_total.cells]},
                "note": self.note_zh}


# ---------------------------------------------------------------- the grid: a document's tables as one

@dataclass(frozen=True)
class Column:
    name: str            # as parsed: 2019年开工数（亩）
    base: str            # 开工数
    year: str | None     # 2019
    unit: str            # 亩
    clause: Clause


@dataclass
class Grid:
    doc: Document
    clauses: list[Clause]
    columns: list[Column]
    rows: list[str]
    values: dict[tuple[str, str], str | None]
    total_row: str | None          # the row of the document's own city (the whole), if there is one
    # the normalised words of every category, longest first: built once per grid (the answer asks every question)
    entries: list | None = field(default=None, repr=False, compare=False)

    @property
    def counties(self) -> list[str]:
        return [r for r in self.rows if r != self.total_row]

    @property
    def years(self) -> list[str]:
        return sorted({c.year for c in self.columns if c.year})

    def cell(self, row: str, column: Column) -> Cell:
        return Cell(row, column.name, self.values.get((row, column.name)), _row_quote(column.clause, row),
                    column.clause.label)


def _unit(column: str) -> str:
    m = re.search(r"（([^（）]+)）$", column)
    return m.group(1) if m else ""


def units_en() -> dict[str, str]:
    """How an English answer says a header's unit (``亩`` → ``mu``)."""
    return dict(_vocabulary().units_en)


def _column(name: str, clause: Clause) -> Column:
    m = re.match(r"^(\d{4})年", name)
    year = m.group(1) if m else None
    base = re.sub(r"（[^（）]+）$", "", name[m.end():] if m else name)
    return Column(name, base, year, _unit(name), clause)


def table_clauses(corpus: Corpus) -> list[tuple[Document, Clause]]:
    return [(d, c) for d in corpus.documents for c in d.clauses
            if c.table is not None and c.table.rows and any(r[0] for r in c.table.rows)
            and any(any(ch.isdigit() for ch in (v or "")) for r in c.table.rows for v in r[1:])]


# A corpus never changes after it is loaded (an upload loads a new one), so its grids are built once.
_GRIDS: "weakref.WeakKeyDictionary[Corpus, list[Grid]]" = weakref.WeakKeyDictionary()


def grids(corpus: Corpus) -> list[Grid]:
    cached = _GRIDS.get(corpus)
    if cached is None:
        cached = _GRIDS[corpus] = _build_grids(corpus)
    return cached


def _build_grids(corpus: Corpus) -> list[Grid]:
    by_doc: dict[str, Grid] = {}
    for doc, clause in table_clauses(corpus):
        g = by_doc.setdefault(doc.id, Grid(doc, [], [], [], {}, None))
        g.clauses.append(clause)
        cols = [_column(n, clause) for n in clause.table.columns[1:]]
        g.columns.extend(c for c in cols if c.name not in {x.name for x in g.columns})
        for row in clause.table.rows:
            if not row or not row[0]:
                continue
            if row[0] not in g.rows:
                g.rows.append(row[0])
            for col, v in zip(cols, row[1:]):
                g.values.setdefault((row[0], col.name), v)
    for g in by_doc.values():
        g.total_row = g.doc.meta.city if g.doc.meta.city in g.rows else None
    return list(by_doc.values())


def grid_records(grid: Grid) -> list[dict]:
    """Every cell of a grid in long form, for a chart or a table: the row (county), the column's base metric, year
    and unit, the number (None for a blank or "-" cell, never 0), the value as printed, whether it is blank, and
    whether the row is the city's own total.

    >>> from assistant.corpus import load_corpus
    >>> recs = grid_records(grids(load_corpus())[0])
    >>> r = next(r for r in recs if r["row"] == "乐清市" and r["column"] == "2020年开工数（亩）")
    >>> r["base"], r["year"], r["unit"], r["value"], r["blank"]
    ('开工数', '2020', '亩', 450.0, False)
    >>> [(r["value"], r["printed"], r["blank"]) for r in recs if r["row"] == "文成县" and r["base"] == "科创园"]
    [(None, None, True)]
    """
    out = []
    for row in grid.rows:
        for col in grid.columns:
            cell = grid.cell(row, col)
            n = cell.number
            out.append({"row": row, "column": col.name, "base": col.base, "year": col.year, "unit": col.unit,
                        "value": None if n is None else float(n), "printed": cell.value, "blank": cell.blank,
                        "shown": cell.shown(), "total": row == grid.total_row, "clause": col.clause.label})
    return out


def _row_quote(clause: Clause, row_name: str) -> str:
    text = clause.text
    start = text.find("\t" + row_name + "\n")
    if start < 0:
        return row_name
    start += 1
    nxt = text.find("\n\n", start)
    return text[start: nxt if nxt >= 0 else len(text)].rstrip()


# ---------------------------------------------------------------- reading the question

@dataclass(frozen=True)
class Token:
    kind: str            # metric | row | total | all | max | min | share | ratio | difference | sum | each | rule
    value: object        # Metric, row name, or the word
    start: int
    end: int
    word: str = ""       # as matched (normalised)


def _norm(text: str) -> str:
    return normalise(text).replace("’", "'").replace("‘", "'")


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _row_spellings(grid: Grid) -> list[tuple[str, str, str]]:
    """(spelling, kind, row) for every row: registry names (乐清市, 乐清, yueqing), or the name and its short form."""
    from assistant.jurisdictions import registry

    reg = registry()
    out: list[tuple[str, str, str]] = []
    for row in grid.rows:
        j = reg.jurisdictions.get(row)
        names = {row, *(j.names if j else ()), *((j.short,) if j else ()), *((j.en,) if j and j.en else ())}
        if j is None and len(_short(row)) >= 2:
            names.add(_short(row))
        kind = "total" if row == grid.total_row else "row"
        out += [(n, "city" if kind == "total" else kind, row) for n in names]
    return out


def _short(name: str) -> str:
    """乐清市 → 乐清, 瓯江口产业集聚区 → 瓯江口 (for rows the registry does not know)."""
    return re.sub(r"(产业集聚区|市|区|县)$", "", name) or name


def _tokens(text: str, grid: Grid) -> list[Token]:
    """Leftmost-longest words of every category in ``text`` (normalised)."""
    if grid.entries is None:
        grid.entries = _entries(grid)
    taken = [False] * len(text)
    found: list[Token] = []
    for word, kind, value in grid.entries:
        start = 0
        while (i := text.find(word, start)) >= 0:
            end = i + len(word)
            start = i + 1
            if any(taken[i:end]) or (word.isascii() and not _bounded(text, i, end)):
                continue
            for k in range(i, end):
                taken[k] = True
            found.append(Token(kind, value, i, end, word))
    return sorted(found, key=lambda t: t.start)


def _entries(grid: Grid) -> list[tuple[str, str, object]]:
    vocab = _vocabulary()
    entries: list[tuple[str, str, object]] = []
    for m in vocab.metrics:
        cols = [c for c in grid.columns if any(f in c.base for f in m.columns)]
        if not cols or (m.group and len({c.unit for c in cols}) != 1):
            continue
        entries += [(w, "metric", m) for w in (*m.zh, *m.en_words)]
    entries += [(w, kind, row) for w, kind, row in _row_spellings(grid)]
    for category, words in vocab.words.items():
        entries += [(w, category, w) for w in words]
    entries = [(_norm(w), k, v) for w, k, v in entries if w]
    entries.sort(key=lambda e: -len(e[0]))
    return entries


@dataclass
class Query:
    text: str
    lang: str
    tokens: list[Token]
    years: list[str]               # table years named (2019–2021 for "三年"), in order
    other_years: list[str]         # years named that the table does not have
    numbers: list[Quantity]        # quantities that are not years (thresholds)
    area_target: tuple[str, Fraction] | None   # an area unit asked for, not attached to a number: (canonical, factor)

    def kinds(self, *kinds: str) -> list[Token]:
        return [t for t in self.tokens if t.kind in kinds]

    def has(self, *kinds: str) -> bool:
        return any(t.kind in kinds for t in self.tokens)


_SPOKEN_RANGE = re.compile(r"(?<![\d.])(\d{2})\s*年?\s*(?:-|~|到|至)\s*(\d{2})\s*年")
_SPOKEN_YEAR = re.compile(r"(?<![\d.])(\d{2})\s*年(?![内后来底初中以之多半])")
_YEAR_LINK = re.compile(r"^\s*年?\s*(?:-|~|到|至|to|through|thru|until|till)\s*$")
_AREA_SPELLINGS = sorted((k for k, (canon, _) in UNITS.items() if canon in ("平方米", "亩") and k != "平"),
                         key=len, reverse=True)


def _read(question: str, grid: Grid) -> Query:
    from assistant.query import is_english

    text = _norm(question)
    try:
        quantities = find_quantities(text)
    except QueryError:
        quantities = []
    years: list[int] = []
    numbers: list[Quantity] = []
    previous: tuple[int, Quantity] | None = None
    for q in quantities:
        digits = re.findall(r"\d{4}", q.text)
        is_year = (q.value.denominator == 1 and 1949 <= q.value <= 2100 and q.unit in ("年", "")
                   and digits and not q.wan)
        if not is_year:
            if not (q.unit == "年" and q.value <= 10):     # 三年: the plan's years, not a number to compare
                numbers.append(q)
            continue
        written = [int(d) for d in digits]
        found = written
        if q.is_range or (len(found) == 2 and re.search(r"\d{4}\s*(?:-|~|到|至)\s*\d{4}", q.text)):
            found = list(range(found[0], found[-1] + 1))
        if previous is not None and _YEAR_LINK.match(text[previous[1].end:q.start]):
            found = list(range(previous[0] + 1, found[-1] + 1)) + found[1:]
        years += found or written   # a range written backwards ("2020年-2019") is its years as written
        previous = (years[-1], q)
    # "鹿城区19年要建几个": a spoken two-digit year, read only as one of the plan's own years ("19年内" is a period);
    # "19年到21年" is the years between
    for a, b in _SPOKEN_RANGE.findall(text):
        if "20" + a in grid.years and "20" + b in grid.years:
            years += list(range(int("20" + a), int("20" + b) + 1))
    years += [int("20" + m) for m in _SPOKEN_YEAR.findall(text) if "20" + m in grid.years]
    years = list(dict.fromkeys(years))
    table_years = [str(y) for y in years if str(y) in grid.years]
    other = [str(y) for y in years if str(y) not in grid.years]
    if not table_years and not other and any(re.search(rf"(?<!\d){re.escape(w)}", text) for w in _vocabulary().all_years):
        # "三年", "每年" mean the plan's years; "2023年" (which contains "3年") is a year the plan does not have
        table_years = list(grid.years)
    return Query(text, "en" if is_english(question) else "zh", _tokens(text, grid), table_years, other, numbers,
                 _area_target(text, numbers))


def _area_target(text: str, numbers: list[Quantity]) -> tuple[str, Fraction] | None:
    """The area unit a question asks its answer in ("多少平方米", "in square metres"), if any: the last one named
    that is not attached to a number of the question and is not a ratio's "per" (每亩, per mu)."""
    masked = list(text)
    for q in numbers:
        for i in range(q.start, min(q.end, len(masked))):
            masked[i] = " "
    for m in _PER.finditer(text):
        for i in range(*m.span()):
            masked[i] = " "
    s = "".join(masked)
    taken = [False] * len(s)
    found: list[tuple[int, str]] = []
    for spelling in _AREA_SPELLINGS:        # longest first: 万平方米 before 平方米
        for m in re.finditer(re.escape(spelling), s):
            if any(taken[m.start():m.end()]) or (spelling.isascii() and not _bounded(s, m.start(), m.end())):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append((m.start(), spelling))
    if not found:
        return None
    return UNITS[max(found)[1]]


_PER = re.compile(r"(?:平均每|每|per|for each|for every)\s*(亩|mu|万平方米|万m2|平方米|m2)(?![a-z])")


# ---------------------------------------------------------------- answering

# A plan table named by its own name.
_TABLE_NAME = re.compile(r"计划表|行动计划|表（[一二]）|plan table|action plan")


def _counties(q: Query, grid: Grid) -> set[str]:
    """The rows the question names other than the city's total row."""
    return {t.value for t in q.kinds("row")} - {grid.total_row}


def _names_a_column(q: Query) -> bool:
    """A column's own name (科创园), not only a word the rules share with the table (园区)."""
    return any(t.word not in t.value.weak for t in q.kinds("metric"))


def explicit_table_cue(corpus: Corpus, question: str) -> bool:
    """A county of the table (other than the city's total row), a year of the table or a table's own name."""
    for grid in grids(corpus):
        q = _read(question, grid)
        if _counties(q, grid) or any(y in q.text for y in grid.years) or _TABLE_NAME.search(q.text):
            return True
    return False


def names_a_table_part(corpus: Corpus, question: str) -> bool:
    """A column's own name (科创园, sci-tech parks) or every county: what only the plan table states, not a target
    sentence of the text."""
    return any(_names_a_column(q) or q.has("all") for q in (_read(question, grid) for grid in grids(corpus)))


def county_asked(corpus: Corpus, question: str) -> str | None:
    """The one county (a row other than the city's total) a question names, as the table prints it."""
    for grid in grids(corpus):
        rows = _counties(_read(question, grid), grid)
        if len(rows) == 1:
            return rows.pop()
    return None


def names_a_place_or_all(corpus: Corpus, question: str) -> bool:
    """Whether a question names rows of its own: a county, the city total (全市) or every county."""
    from assistant.jurisdictions import registry

    if registry().mentioned(question):
        return True
    return any(_read(question, grid).has("row", "city", "all", "total") for grid in grids(corpus))


def table_cue(corpus: Corpus, question: str) -> bool:
    """Whether the question points at the plan tables themselves, not only at words they share with the rules: a
    county of the table other than the city's total row, a year of the table, a column's own name, an aggregate
    over counties (哪个县最多), the city total (全市), or a plan word with a count ("计划建多少个")."""
    cues = _vocabulary().unit_cues
    for grid in grids(corpus):
        q = _read(question, grid)
        counted = any(_contains(q.text, w) for u in ("个", "家") for w in cues.get(u, ()))
        # written or spoken ("19年"), not implied by 每年/三年
        year = any(y in q.text or "20" + m == y for y in grid.years for m in [""] + _SPOKEN_YEAR.findall(q.text))
        if (_counties(q, grid) or year or _names_a_column(q) or q.has("all", "total")
                or (q.has("plan") and counted) or _TABLE_NAME.search(q.text)):
            return True
    return False


_DOC_NUMBER = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号")


_PROVINCE_DOCUMENT = re.compile(r"省里的?(通知|文件|表)|省(级)?通知|provincial notice|province's notice|"
                                r"notice (of|from) the province")


def _names_another_document(question: str, grid: Grid) -> bool:
    """"浙中小企业办〔2018〕14号文件要求的2019年计划…", "under the provincial notice…": a question about another
    document's list, not this table."""
    asked = {re.sub(r"\s|\[|\]|〔|〕", "", m) for m in _DOC_NUMBER.findall(question)}
    own = re.sub(r"\s|\[|\]|〔|〕", "", grid.doc.meta.doc_number or "")
    if grid.doc.meta.city != "浙江省" and _PROVINCE_DOCUMENT.search(question.lower()):
        return True
    return bool(asked) and not any(a in own for a in asked)


def lookup(corpus: Corpus, question: str) -> TableResult | None:
    """The table answer to ``question``, or None when it is not a question about a table's cells."""
    from assistant.jurisdictions import registry

    reg = registry()
    named = reg.mentioned(question)
    for grid in grids(corpus):
        # a question naming a place outside the table's city (慈溪, 杭州) is not about this table
        if any(grid.doc.meta.city not in {a.name for a in reg.ancestors(j.name)} for j in named):
            continue
        if _names_another_document(question, grid):
            continue
        q = _read(question, grid)
        result = _answer(grid, q)
        if result is not None:
            return result
    return None


PER_YEAR = "每年"   # years_not_split when a yearly figure is asked of the period's total
_PER_YEAR = re.compile(r"每年|每一年|一年(?:要|得|能|多少|几)|年均|(?<![a-z])(?:per year|each year|every year|a year|annually|"
                       r"yearly)(?![a-z])", re.I)


def _answer(grid: Grid, q: Query) -> TableResult | None:
    metrics = _metrics(grid, q)
    # "科创园…三类园区合计": a column named on its own and again inside a group is counted once (the group's)
    grouped = {c.name for m in metrics if m.group for c in _metric_columns(grid, m, [])}
    metrics = [m for m in metrics if m.group or not grouped
               or not {c.name for c in _metric_columns(grid, m, [])} <= grouped] or metrics
    years = bool(q.years or q.other_years)
    strong = any(t.word not in t.value.weak for t in q.kinds("metric"))
    if q.has("rule") and not (years or q.has("plan")) and not (strong and q.kinds("row")):
        # "乐清小微园用地要求多少亩": a rule, not the plan — unless a county is asked a column only the plan has
        # ("how many firms should Pingyang upgrade above designated size")
        return None
    counties = list(dict.fromkeys(t.value for t in q.kinds("row")))
    absent = _absent_place(grid, q)
    plan = years or q.has("plan", "total", "all")          # the question is about the plan's figures
    if not metrics or not _metric_cued(grid, q, metrics, bool(counties or absent), plan):
        return None
    unsplit: list[str] = []
    if q.years and not q.has("ratio", "share", "difference"):
        # "land started in 2019–2021", "floor area completed in 2020": the year picks the yearly column
        yearly = [m for m in metrics if any(c.year for c in _metric_columns(grid, m, []))]
        by_the_end = q.years == grid.years[-1:] and re.search(rf"(?:到|至|截至|截止到?|by|until)\s*{grid.years[-1]}", q.text)
        if not yearly and len(q.years) < len(grid.years) and not by_the_end:
            # "温州2020年要建多少个园": the parks are counted for the plan's years together, not one of them
            # (…"到2021年": up to the plan's last year is the whole period — its total answers)
            unsplit = list(q.years)
        elif not yearly and any(_PER_YEAR.fullmatch(t.word) for t in q.kinds("each")):
            unsplit = [PER_YEAR]   # "瑞安每年要培养多少家小升规的企业": each year's figure, of the period's total
        metrics = yearly or metrics
    elif _PER_YEAR.search(q.text) and not q.has("share", "difference") \
            and all(t.word in ("每", "per") for t in q.kinds("ratio")) \
            and not any(c.year for m in metrics for c in _metric_columns(grid, m, [])):
        # "瑞安每年要培养多少家小升规的企业": the plan gives the period's total, no yearly figure
        unsplit = [PER_YEAR]
    if absent and not counties:
        return _absent(grid, q, metrics, absent)
    if q.other_years and not q.years and any(c.year for m in metrics for c in _metric_columns(grid, m, [])):
        return _absent(grid, q, metrics, None)
    rows, all_rows = counties, q.has("all")
    aggregate = q.has("sum", "max", "min", "share")
    if not rows and not all_rows and grid.total_row:
        # "温州…" names the city's row only with a plan or aggregate word: "温州市的用地要求" is about rules
        if q.has("total") or (q.has("city") and (plan or aggregate or _strong_question(q))):
            rows = [grid.total_row]
    if not rows and not all_rows:
        if q.has("max", "min", "sum") or _threshold(q):
            all_rows = True
        elif plan and grid.total_row:
            rows = [grid.total_row]
        else:
            return None
    if not rows:
        rows = grid.counties
    result = _operation(q, grid, rows, metrics, all_rows)
    result.years_not_split = unsplit
    if _asks_count(q) and not any(c.unit in COUNT_UNITS for c in result.cells):
        result.asked_count = True   # "乐清2019年要开工几个小微园": the plan gives 亩 for that, not a number of parks
    if _ONE_PARK.search(q.text) and (result.operation != "ratio" or not (q.has("average") or "平均每" in q.text)):
        # (平均每个园: a ratio the table computes; 每个园 alone asks one park's own figure)
        result.asked_per_park = True   # "how much land does each park in Yueqing get": the plan gives county totals
    floor_only = bool(result.cells) and all(c.unit in FLOOR_UNITS for c in result.cells)
    # 亩 measures land, never floor space: "竣工多少亩" asks land, no conversion of floor space; "折合多少亩" asks only
    # a conversion; in "一共要用多少亩地？2021年要竣工多少" the 亩 belongs to another sentence than 竣工
    mu_asked = floor_only and q.area_target is not None and q.area_target[0] == "亩" and not q.has("convert")
    if mu_asked:
        result.converted = None
    if floor_only and (_LAND_ASKED.search(q.text) or (mu_asked and _unit_said_with(q.text, ("亩", "mu"), _metric_words(
            metrics, result.cells)))):
        result.asked_land = True    # "2019年计划竣工的用地面积是多少亩": 竣工数 is floor area (万㎡), not land
        result.converted = None
    if result.cells and all(c.unit == "亩" for c in result.cells) and _FLOOR_ASKED.search(q.text) \
            and not _LAND_ASKED.search(q.text) and not re.search(r"亩|(?<![a-z])mu(?![a-z])", q.text.lower()):
        # ("what land area and floor area …", "建筑面积有多少亩": the land is given, in the unit asked)
        result.asked_floor = True   # "2019年计划开工的建筑面积是多少万平方米": 开工数 is land (亩), no floor area
        result.converted = None
    return result


def _metric_words(metrics: list[Metric], cells: list[Cell]) -> list[str]:
    """The words of the metrics whose columns the cells are in."""
    return [w for m in metrics if any(col in c.column for col in m.columns for c in cells) for w in (*m.zh, *m.en_words)]


def _unit_said_with(text: str, units: tuple[str, ...], metric_words: list[str]) -> bool:
    """A unit word and one of the metric's words are said in the same sentence of the question."""
    for sentence in re.split(r"[？?。！!；;]", text.lower()):
        if any(re.search(rf"{u}(?![a-z])" if u.isascii() else u, sentence) for u in units) \
                and any(w.lower() in sentence for w in metric_words):
            return True
    return False


FLOOR_UNITS = ("万㎡", "㎡")
_ONE_PARK = re.compile(r"每个(小微)?园|每一个园|单个(小微)?园|一个(小微)?园区?(最少|至少|起码|最多|最小|最大)?(能|可以|可|要|得|分到|有|占)"
                       # "乐清那个小微园计划" names the plan, not one park
                       r"|[那这]个(小微)?园(?!区?的?(建设)?(计划|规划)(?!用地|面积|建设))"
                       r"|[那这]个(小微企业|产业)?园区(?!的?(建设)?(计划|规划)(?!用地|面积|建设))"
                       r"|(each|every|per|a single|one) (individual )?(small[- ]business |micro[- ]enterprise |small and micro )?"
                       r"park\b")
_LAND_ASKED = re.compile(r"用地|占地|土地|(?<![a-z])(land|site)(?![a-z])")
_FLOOR_ASKED = re.compile(r"建筑面积|厂房面积|floor (area|space)|building area|gross floor")


COUNT_UNITS = ("个", "家")


def _asks_count(q: Query) -> bool:
    """A number of parks or firms asked (几个园, 多少家, "how many new parks"): a bare English "how many" also asks for
    mu."""
    cues = _vocabulary().unit_cues
    return any(_contains(q.text, w) for u in COUNT_UNITS for w in cues.get(u, ()) if not w.isascii() and w != "数量") \
        or bool(_COUNTED_EN.search(q.text))


# English "how many … <things>" with up to ``gap`` words between, none of them a unit: a unit there asks an amount
# of the things ("how many mu of parks"), not their number. Shared with the answer handlers' counts.
def how_many_en(things: str, gap: int = 3) -> str:
    return (r"\bhow many (?:(?!(?:mu|hectares?|square|sq|m2|acres?|metres?|meters?)\b)[\w-]+ ){0,%d}?(?:%s)\b"
            % (gap, things))


_COUNTED_EN = re.compile(how_many_en("parks|firms|companies|enterprises|businesses"), re.I)


def _strong_question(q: Query) -> bool:
    """A column's own name (科创园, 小升规企业数, not 用地) and a question word: "温州市建设多少个科创园"."""
    strong = any(t.word not in t.value.weak for t in q.kinds("metric"))
    return strong and any(_contains(q.text, w) for w in _vocabulary().question_words)


def _contains(text: str, word: str) -> bool:
    start = 0
    while (i := text.find(word, start)) >= 0:
        if not word.isascii() or _bounded(text, i, i + len(word)):
            return True
        start = i + 1
    return False


def _metric_cued(grid: Grid, q: Query, metrics: list[Metric], row_named: bool, plan_cue: bool) -> bool:
    """Strong column words (开工数, 科创园, 小升规…) make a table question; weak ones (开工, 用地, 园区, land…) only
    with a plan cue, a cue for the column's unit, or a county and a question word (not for a group)."""
    tokens = q.kinds("metric")
    if not tokens:
        return True     # found through a unit ("2020年多少亩"), already a cue
    if any(t.word not in t.value.weak for t in tokens) or plan_cue:
        return True
    vocab = _vocabulary()
    for t in tokens:
        units = {c.unit for c in _metric_columns(grid, t.value, [])}
        if any(_contains(q.text, w) for u in units for w in vocab.unit_cues.get(u, ())):
            return True
        if row_named and q.has("max", "min", "sum", "share", "ratio", "difference"):
            return True
        if row_named and not t.value.group and any(_contains(q.text, w) for w in vocab.question_words):
            return True
    return False


def _metrics(grid: Grid, q: Query) -> list[Metric]:
    tokens = q.kinds("metric")
    if q.years:
        # "2021年竣工建筑面积": 建筑面积 right after 竣工 says what the yearly 竣工数 measures; it is not the park's
        # own 建筑面积 column beside it
        yearly = {id(t) for t in tokens if any(c.year for c in _metric_columns(grid, t.value, []))}
        tokens = [t for t in tokens if id(t) in yearly or not any(
            id(o) in yearly and o.end == t.start for o in tokens)]
    # "乐清的小微园用地": a group word counting parks right before another column's word says whose that is; it is
    # no column of its own
    tokens = [t for t in tokens if not (q.has("share") and t.value.group and any(
        o is not t and (o.start == t.end or (o.start == t.end + 1 and q.text[t.end] == "的")) for o in tokens))] \
        or tokens
    found = list(dict.fromkeys(t.value for t in tokens))
    # a unit may point at a column ("乐清2020年开工多少亩" is said; "2020年多少亩" means 开工数)
    units = []
    if re.search(r"亩|(?<![a-z])mu(?![a-z])", q.text):
        units.append("亩")
    if re.search(r"万(?:平方米|平米|m2|方)", q.text):
        units.append("万㎡")
    if found:
        # "乐清三年建多少亩的小微园": the unit asked outranks a group word whose columns count parks ("瓯江口要用多少亩地
        # 建小微园": 用地, not the parks counted beside it)
        fitting = [m for m in found if any(c.unit in units for c in _metric_columns(grid, m, []))]
        if units and fitting and any(m.group for m in found) and not q.has("ratio", "average"):
            return [m for m in found if not m.group or m in fitting]   # (a group counting parks drops out, no column)
        if not units or not all(m.group for m in found):
            return found
    out = []
    for unit in units:
        cols = [c for c in grid.columns if c.unit == unit and (bool(c.year) == bool(q.years))]
        for base in dict.fromkeys(c.base for c in cols):
            out.append(Metric(base, (base,), (), (), base, base))
    return out[:1]


def _metric_columns(grid: Grid, metric: Metric, years: list[str]) -> list[Column]:
    cols = [c for c in grid.columns if any(f in c.base for f in metric.columns)]
    if years and any(c.year for c in cols):
        chosen = [c for c in cols if c.year in years]
        cols = sorted(chosen, key=lambda c: (years.index(c.year), cols.index(c)))
    return cols


def _threshold(q: Query) -> Quantity | None:
    """A number to compare with ("超过1000亩", "more than 1,000 mu")."""
    return q.numbers[0] if q.numbers and q.has("above", "below") else None


def _absent_place(grid: Grid, q: Query) -> list[str]:
    """Places under the table's city that have no row (龙港市 was created after the plan was written)."""
    from assistant.jurisdictions import registry

    if grid.total_row is None:
        return []
    return [j.name for j in registry().mentioned(q.text)
            if j.parent == grid.total_row and j.name not in grid.rows]


# ---------------------------------------------------------------- operations

def _operation(q: Query, grid: Grid, rows: list[str], metrics: list[Metric], all_rows: bool) -> TableResult:
    ops = [t.kind for t in q.tokens]
    threshold = _threshold(q)
    if threshold is not None:
        return _filter(grid, q, rows if not all_rows else grid.counties, metrics[0], threshold)
    if "max" in ops or "min" in ops:
        kind = next(k for k in ops if k in ("max", "min"))
        if len(rows) == 1 and not all_rows and any(c.year for c in _metric_columns(grid, metrics[0], [])):
            return _extreme_years(grid, q, rows[0], metrics[0], kind)   # "乐清哪一年开工最多"
        pool = rows if len(rows) >= 2 else grid.counties
        return _extreme(grid, q, pool, metrics[0], kind)
    if "share" in ops:
        return _share(grid, q, rows, metrics)
    if "ratio" in ops and _two_sides(q, grid, rows, metrics):
        return _ratio(grid, q, rows, metrics)
    if "difference" in ops and _two_sides(q, grid, rows, metrics):
        return _difference(grid, q, rows, metrics)
    if "each" in ops and "sum" not in ops:
        return _cells(grid, q, rows, metrics, all_rows)
    one_row_several_cells = len(rows) == 1 and len(metrics) == 1 and len(_row_cells(grid, rows[0], metrics, q.years)) > 1
    if "sum" in ops or one_row_several_cells:      # a county's years, or a group of columns, add up
        return _sum(grid, q, rows, metrics, all_rows)
    return _cells(grid, q, rows, metrics, all_rows)


def _row_cells(grid: Grid, row: str, metrics: list[Metric], years: list[str]) -> list[Cell]:
    return [grid.cell(row, c) for m in metrics for c in _metric_columns(grid, m, years)]


def _operand(grid: Grid, q: Query, row: str, metric: Metric) -> Operand:
    cells = tuple(_row_cells(grid, row, [metric], q.years))
    numbers = [c.number for c in cells if c.number is not None]
    units = {c.unit for c in cells}
    amount = Amount(sum(numbers, Fraction(0)), units.pop()) if numbers and len(units) == 1 else None
    return Operand(row, _metric_zh(grid, metric, q.years), _metric_en(grid, metric, q.years), cells, amount)


def _pair_subject(a: Operand, b: Operand, joint_zh: str, joint_en: str) -> tuple[str, str]:
    """"乐清市与鹿城区用地之差" / "land, Yueqing minus Lucheng"; "乐清市建筑面积与用地之比" / "Yueqing, floor area ÷ land"."""
    if a.what_zh == b.what_zh:
        return (f"{a.row}与{b.row}{a.what_zh}{joint_zh}", f"{a.what_en}, {_row_en(a.row)} {joint_en} {_row_en(b.row)}")
    if a.row == b.row:
        return f"{a.row}{a.what_zh}与{b.what_zh}{joint_zh}", f"{_row_en(a.row)}, {a.what_en} {joint_en} {b.what_en}"
    return f"{a.label_zh}与{b.label_zh}{joint_zh}", f"{a.label_en} {joint_en} {b.label_en}"


def _result(grid: Grid, q: Query, operation: Operation, cells: list[Cell], subject_zh: str, subject_en: str,
            **kw) -> TableResult:
    used = list(dict.fromkeys(cells))
    labels = dict.fromkeys(c.clause for c in used)
    clauses = [c for c in grid.clauses if c.label in labels] or grid.clauses[:1]
    blanks = [c for c in used if c.blank]
    return TableResult(grid.doc, clauses, operation, used, subject_zh, subject_en, blanks=blanks, **kw)


def _converted(q: Query, amount: Amount | None) -> Amount | None:
    """The amount in the area unit the question asked for, when that differs from the table's unit."""
    if amount is None or q.area_target is None:
        return None
    m2 = _to_m2(amount)
    if m2 is None:
        return None
    canon, factor = q.area_target
    if canon == "亩":
        target = Amount(m2 / MU_IN_M2, "亩")
    else:
        target = Amount(m2 / factor, "万㎡" if factor == 10_000 else "㎡")
    return None if target.unit == amount.unit else target


def _to_m2(amount: Amount) -> Fraction | None:
    if amount.unit == "亩":
        return amount.value * MU_IN_M2
    spelling = normalise(amount.unit)
    if spelling in UNITS and UNITS[spelling][0] == "平方米":
        return amount.value * UNITS[spelling][1]
    return None


def _cells(grid, q, rows, metrics, all_rows) -> TableResult:
    cells = [c for r in rows for c in _row_cells(grid, r, metrics, q.years)]
    if len(cells) == 1:
        c = cells[0]
        amount = None if c.number is None else Amount(c.number, c.unit)
        return _result(grid, q, "cell", cells, _row_zh(grid, c.row) + _column_zh(c.column),
                       f"{_row_en(c.row)}, {_column_en(c.column)}", value=amount, converted=_converted(q, amount))
    who = "各县（市、区）" if all_rows else "、".join(_row_zh(grid, r) for r in rows)
    who_en = "every county" if all_rows else ", ".join(_row_en(r) for r in rows)
    return _result(grid, q, "cells", cells, who + "、".join(_metric_zh(grid, m, q.years) for m in metrics),
                   f"{who_en}: " + ", ".join(_metric_en(grid, m, q.years) for m in metrics))


def _sum(grid, q, rows, metrics, all_rows) -> TableResult:
    cells = [c for r in rows for c in _row_cells(grid, r, metrics, q.years)]
    numbers = [c for c in cells if c.number is not None]
    units = {c.unit for c in cells}
    who = "各县（市、区）" if all_rows else "、".join(_row_zh(grid, r) for r in rows)
    who_en = "all counties" if all_rows else " + ".join(_row_en(r) for r in rows)
    what = "、".join(_metric_zh(grid, m, q.years) for m in metrics)
    what_en = ", ".join(_metric_en(grid, m, q.years) for m in metrics)
    if len(units) != 1:
        return _result(grid, q, "cells", cells, who + what, f"{who_en}: {what_en}",
                       note_zh="这些栏目单位不同（" + "、".join(sorted(units)) + "），不能相加，以下分别列出。",
                       note_en="These columns have different units (" + ", ".join(sorted(units))
                               + "); they cannot be added, so each is listed.")
    amount = Amount(sum((c.number for c in numbers), Fraction(0)), units.pop()) if numbers else None
    printed = None
    if all_rows and grid.total_row and len(metrics) == 1:
        printed = _operand(grid, q, grid.total_row, metrics[0])
    return _result(grid, q, "sum", cells, who + what, f"{who_en}, {what_en}", value=amount,
                   converted=_converted(q, amount), printed_total=printed)


def _extreme(grid, q, pool, metric, kind) -> TableResult:
    operands = [_operand(grid, q, r, metric) for r in pool]
    valued = [o for o in operands if o.amount is not None]
    cells = [c for o in operands for c in o.cells]
    what = _metric_zh(grid, metric, q.years)
    what_en = _metric_en(grid, metric, q.years)
    if not valued:
        return _result(grid, q, kind, cells, what, what_en, operands=operands)
    pick = max if kind == "max" else min
    best = pick(o.amount.value for o in valued)
    winners = [o for o in valued if o.amount.value == best]
    return _result(grid, q, kind, cells, what, what_en, value=Amount(best, valued[0].amount.unit),
                   operands=operands, winners=winners, converted=_converted(q, Amount(best, valued[0].amount.unit)))


def _extreme_years(grid, q, row, metric, kind) -> TableResult:
    cols = _metric_columns(grid, metric, q.years if len(q.years) >= 2 else [])
    operands = []
    for col in cols:
        cell = grid.cell(row, col)
        amount = None if cell.number is None else Amount(cell.number, cell.unit)
        operands.append(Operand(row, _metric_zh(grid, metric, [col.year]), _metric_en(grid, metric, [col.year]),
                                (cell,), amount, year=col.year))
    valued = [o for o in operands if o.amount is not None]
    cells = [o.cells[0] for o in operands]
    subject, subject_en = row + metric.label_zh, f"{_row_en(row)}, {metric.en}"
    if not valued:
        return _result(grid, q, kind, cells, subject, subject_en, operands=operands)
    best = (max if kind == "max" else min)(o.amount.value for o in valued)
    winners = [o for o in valued if o.amount.value == best]
    return _result(grid, q, kind, cells, subject, subject_en, value=Amount(best, valued[0].amount.unit),
                   operands=operands, winners=winners)


def _filter(grid, q, pool, metric, threshold: Quantity) -> TableResult:
    operands = [_operand(grid, q, r, metric) for r in pool]
    first = next(t for t in q.tokens if t.kind in ("above", "below"))
    above, word = first.kind == "above", first.value
    inclusive = word in ("以上", "至少", "不少于", "不低于", "达到", "at least", "以下") or "及" in q.text
    unit = next((o.amount.unit for o in operands if o.amount), "")
    limit = _threshold_in(threshold, unit)
    cells = [c for o in operands for c in o.cells]
    if limit is None:
        return _result(grid, q, "cells", cells, _metric_zh(grid, metric, q.years), _metric_en(grid, metric, q.years),
                       note_zh=f"问题中的“{threshold.text}”与表中单位（{unit}）不同，无法比较。",
                       note_en=f"“{threshold.text}” is not in the table's unit ({unit}); cannot compare.")

    def keep(v: Fraction) -> bool:
        if above:
            return v >= limit if inclusive else v > limit
        return v <= limit if inclusive else v < limit

    winners = [o for o in operands if o.amount is not None and keep(o.amount.value)]
    relation = ("不少于" if inclusive else "超过") if above else ("不超过" if inclusive else "少于")
    relation_en = ("at least" if inclusive else "more than") if above else ("at most" if inclusive else "less than")
    limit_amount = Amount(limit, unit)
    return _result(grid, q, "filter", cells,
                   f"{_metric_zh(grid, metric, q.years)}{relation}{limit_amount.text('zh')}",
                   f"{_metric_en(grid, metric, q.years)} {relation_en} {limit_amount.text('en')}",
                   value=Amount(Fraction(len(winners)), "个"), operands=operands, winners=winners)


def _threshold_in(threshold: Quantity, unit: str) -> Fraction | None:
    if threshold.unit in ("", normalise(unit), unit) or (threshold.unit == "个" and unit in ("个", "家")):
        return threshold.value
    m2 = threshold.m2()
    col = _to_m2(Amount(Fraction(1), unit))
    if m2 is not None and col is not None:
        return m2 / col
    return None


def _sides(q: Query, grid: Grid, rows: list[str], metrics: list[Metric]) -> tuple[Operand, Operand] | None:
    """The two things a ratio or difference compares: two rows, two metrics, or two years of one metric."""
    if len(rows) >= 2:
        return _operand(grid, q, rows[0], metrics[0]), _operand(grid, q, rows[1], metrics[0])
    row = rows[0]
    if len(metrics) >= 2:
        first, second = metrics[0], metrics[1]
        per = _per_metric(q, metrics)
        if per is not None:
            second = per
            first = next(m for m in metrics if m != per)
        return _operand(grid, q, row, first), _operand(grid, q, row, second)
    metric = metrics[0]
    if len(q.years) >= 2 and any(c.year for c in _metric_columns(grid, metric, [])):
        a = Query(q.text, q.lang, q.tokens, [q.years[0]], [], q.numbers, q.area_target)
        b = Query(q.text, q.lang, q.tokens, [q.years[1]], [], q.numbers, q.area_target)
        return _operand(grid, a, row, metric), _operand(grid, b, row, metric)
    per = _per_unit(q)
    if per is not None:
        denominator = next((m for m in _all_metrics(grid) if not any(c.year for c in _metric_columns(grid, m, []))
                            and {c.unit for c in _metric_columns(grid, m, [])} == {per} and m != metric), None)
        if denominator is not None:
            return _operand(grid, q, row, metric), _operand(grid, q, row, denominator)
    return None


def _two_sides(q, grid, rows, metrics) -> bool:
    return _sides(q, grid, rows, metrics) is not None


def _all_metrics(grid: Grid) -> list[Metric]:
    return [m for m in _vocabulary().metrics if not m.group and any(f in c.base for c in grid.columns
                                                                   for f in m.columns)]


def _per_unit(q: Query) -> str | None:
    """"每亩" / "per mu": the unit the ratio is taken per."""
    m = _PER.search(q.text)
    if not m:
        return None
    return "亩" if m.group(1) in ("亩", "mu") else "万㎡"


def _per_metric(q: Query, metrics: list[Metric]) -> Metric | None:
    """In "每亩用地的建筑面积" / "floor area per mu of land" the metric after the per-word is the denominator."""
    per = [t for t in q.tokens if t.kind == "ratio" and t.value in ("每", "平均每", "per", "for each", "for every")]
    for p in per:
        after = [t for t in q.tokens if t.kind == "metric" and t.start >= p.end]
        if after and after[0].start - p.end <= 4:
            return after[0].value
    return None


def _ratio(grid, q, rows, metrics) -> TableResult:
    sides = _sides(q, grid, rows, metrics) if rows else None
    if sides is None:
        return _cells(grid, q, rows, metrics, False)
    a, b = sides
    cells = [*a.cells, *b.cells]
    subject, subject_en = _pair_subject(a, b, "之比", "÷")
    if a.amount is None or b.amount is None or b.amount.value == 0:
        return _result(grid, q, "ratio", cells, subject, subject_en, operands=[a, b])
    value = a.amount.value / b.amount.value
    if a.amount.unit == b.amount.unit:
        times = any(t.kind == "ratio" and t.word in ("几倍", "多少倍", "倍", "times", "times as") for t in q.tokens)
        unit = "倍" if times or len(rows) >= 2 else ""
        amount = Amount(value, unit)
    else:
        amount = Amount(value, f"{a.amount.unit}/{b.amount.unit}")
    converted = None
    m2 = _to_m2(Amount(a.amount.value, a.amount.unit))
    if a.amount.unit != b.amount.unit and m2 is not None and a.amount.unit != "㎡":
        converted = Amount(m2 / b.amount.value, f"㎡/{b.amount.unit}")   # 0.1259万㎡/亩 reads as 1259.26㎡/亩
    return _result(grid, q, "ratio", cells, subject, subject_en, value=amount, converted=converted, operands=[a, b])


def _share(grid, q, rows, metrics) -> TableResult:
    yearly = [c for c in _metric_columns(grid, metrics[0], []) if c.year]
    if len(metrics) >= 2 and rows:
        sides = _sides(q, grid, rows[:1], metrics)
    elif len(rows) == 1 and q.has("sum") and yearly and 0 < len(q.years) < len(grid.years):
        # "2019年开工数占三年合计的比例": the years named, of all the table's years, in one row
        whole = Query(q.text, q.lang, q.tokens, list(grid.years), [], q.numbers, q.area_target)
        sides = (_operand(grid, q, rows[0], metrics[0]), _operand(grid, whole, rows[0], metrics[0]))
    else:
        counties = [r for r in rows if r != grid.total_row]
        if not counties or grid.total_row is None:
            return _cells(grid, q, rows, metrics, False)
        # several counties added only when the question adds them ("平阳和苍南合计"); "分别/各占" asks each (the first
        # here, as before)
        together = counties if _ADDED_UP.search(q.text) else counties[:1]
        sides = (_together(grid, q, together, metrics[0]), _operand(grid, q, grid.total_row, metrics[0]))
    a, b = sides
    cells = [*a.cells, *b.cells]
    if b.row == grid.total_row and a.what_zh == b.what_zh:
        subject = f"{a.row}{a.what_zh}占全市（{b.row}）的比例"
        subject_en = f"{_row_en(a.row)}'s share of the city total, {a.what_en}"
    else:
        subject = f"{a.row}{a.what_zh}占{'' if a.row == b.row else b.row}{b.what_zh}的比例"
        subject_en = f"{_row_en(a.row)}, {a.what_en} as a share of {'' if a.row == b.row else _row_en(b.row) + ' '}{b.what_en}"
    if a.amount is None or b.amount is None or b.amount.value == 0:
        return _result(grid, q, "share", cells, subject, subject_en, operands=[a, b])
    return _result(grid, q, "share", cells, subject, subject_en,
                   value=Amount(a.amount.value / b.amount.value * 100, "%"), operands=[a, b])


_ADDED_UP = re.compile(r"合计|加起来|加在一起|合起来|一共|总共|两县共|两地共|combined|together|in total|between them", re.I)


def _together(grid, q, rows: list[str], metric) -> Operand:
    """One row's operand, or several rows added as one ("平阳和苍南合计占全市的比例"): their cells, their sum (None
    when any is blank — a share of what the plan leaves unset is not computed)."""
    ops = [_operand(grid, q, r, metric) for r in rows]
    if len(ops) == 1:
        return ops[0]
    units = {o.amount.unit for o in ops if o.amount is not None}
    amount = (Amount(sum((o.amount.value for o in ops), Fraction(0)), units.pop())
              if all(o.amount is not None for o in ops) and len(units) == 1 else None)
    return Operand("、".join(rows), ops[0].what_zh, ops[0].what_en, tuple(c for o in ops for c in o.cells), amount)


def _difference(grid, q, rows, metrics) -> TableResult:
    if q.has("all") and len(rows) > 2:
        # "温州各县2021年竣工比2019年增加多少": each county's figures, not the first two counties against each other
        return _cells(grid, q, rows, metrics, False)
    a, b = _sides(q, grid, rows, metrics)
    cells = [*a.cells, *b.cells]
    subject, subject_en = _pair_subject(a, b, "之差", "minus")
    if a.amount is None or b.amount is None:
        return _result(grid, q, "difference", cells, subject, subject_en, operands=[a, b])
    if a.amount.unit != b.amount.unit:
        return _result(grid, q, "cells", cells, subject, subject_en, operands=[a, b],
                       note_zh=f"单位不同（{a.amount.unit}、{b.amount.unit}），不能相减。",
                       note_en=f"Different units ({a.amount.unit}, {b.amount.unit}): cannot subtract.")
    amount = Amount(a.amount.value - b.amount.value, a.amount.unit)
    growth = Amount(amount.value / b.amount.value * 100, "%") if _GROWTH.search(q.text) and b.amount.value else None
    return _result(grid, q, "difference", cells, subject, subject_en, value=amount, operands=[a, b],
                   converted=_converted(q, amount), growth=growth)


# "增幅为多少", "by what percentage": the difference over the side it is compared with, as a percentage
_GROWTH = re.compile(r"增幅|增长率|涨幅|降幅|百分之几|增长了?百分|growth rate|percentage|per ?cent", re.I)


def _absent(grid, q, metrics, places) -> TableResult:
    if places:
        names = "、".join(places)
        en = ", ".join(_row_en(p) for p in places)
        return _result(grid, q, "absent", [], names, en, missing="row",
                       note_zh=f"行动计划表中没有{names}这一行；表中的县（市、区）是：{'、'.join(grid.counties)}。",
                       note_en=f"The plan tables have no row for {en}; their rows are: "
                               f"{', '.join(_row_en(r) for r in grid.counties)}.")
    years = "、".join(q.other_years)
    span = f"{grid.years[0]}–{grid.years[-1]}"
    return _result(grid, q, "absent", [], f"{years}年", years, missing="year",
                   note_zh=f"行动计划表只列{span}年的计划，没有{years}年的数字。",
                   note_en=f"The plan tables cover {span} only; they have no figures for {years}.")


# ---------------------------------------------------------------- words for rows, columns, numbers

def _row_zh(grid: Grid, row: str) -> str:
    return row


def _row_en(row: str) -> str:
    from assistant.jurisdictions import registry

    if "、" in row:   # rows added together
        return " and ".join(_row_en(r) for r in row.split("、"))
    j = registry().jurisdictions.get(row)
    if j is None:
        return row
    if j.level == "city":
        return f"{j.display_en} (city total)"
    return j.display_en


def _years_label(years: list[str]) -> str:
    if not years:
        return ""
    ints = sorted(int(y) for y in years)
    if len(ints) > 1 and ints == list(range(ints[0], ints[-1] + 1)):
        return f"{ints[0]}–{ints[-1]}"
    return "、".join(str(y) for y in ints)


def _metric_years(grid: Grid, metric: Metric, years: list[str]) -> list[str]:
    return [c.year for c in _metric_columns(grid, metric, years) if c.year]


def _metric_zh(grid: Grid, metric: Metric, years: list[str]) -> str:
    y = _years_label(_metric_years(grid, metric, years))
    return f"{y}年{metric.label_zh}" if y else metric.label_zh


def _metric_en(grid: Grid, metric: Metric, years: list[str]) -> str:
    y = _years_label(_metric_years(grid, metric, years)).replace("、", ", ")
    return f"{metric.en} {y}".strip()


def _column_zh(column: str) -> str:
    c = re.sub(r"（[^（）]+）$", "", column)
    return c


def _column_en(column: str) -> str:
    m = re.match(r"^(\d{4})年", column)
    base = re.sub(r"（[^（）]+）$", "", column[m.end():] if m else column)
    metric = next((x for x in _vocabulary().metrics if not x.group and any(f in base for f in x.columns)), None)
    name = metric.en if metric else base
    return f"{name} {m.group(1)}" if m else name


def fmt_fraction(x: Fraction, lang: str = "zh") -> str:
    """Exact when it is (1350, 16.875); else rounded, marked ≈ (0.1259, 1259.26)."""
    x = Fraction(x)
    sign = "-" if x < 0 else ""
    x = abs(x)
    if x.denominator == 1:
        body = f"{int(x):,}" if lang == "en" else str(int(x))
        return sign + body
    for places in (1, 2, 3):
        if (x * 10 ** places).denominator == 1:
            s = f"{float(x):,.{places}f}" if lang == "en" else f"{float(x):.{places}f}"
            return sign + s
    places = 2 if x >= 1 else 4
    s = f"{float(x):,.{places}f}" if lang == "en" else f"{float(x):.{places}f}"
    return "≈" + sign + s


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _with_unit(number: str, unit: str, lang: str) -> str:
    if lang == "zh":
        return f"{number}{unit}" if unit != "%" else f"{number}%"
    units_en = _vocabulary().units_en
    if "/" in unit:
        num, den = unit.split("/", 1)
        return f"{number} {units_en.get(num, num)}/{units_en.get(den, den)}"
    en = units_en.get(unit, unit)
    if en == "%":
        return f"{number}%"
    scaled = _scaled_en(number, unit)
    return scaled or f"{number} {en}".strip()


# A header unit an English reader does not count in (万㎡): the figure said in the base unit ("1.35 million m²").
_SCALE_EN = {"万㎡": (10_000, "m²")}


def _scaled_en(number: str, unit: str) -> str | None:
    """
    >>> _scaled_en("135", "万㎡"), _scaled_en("50", "万㎡"), _scaled_en("1,200", "亩")
    ('1.35 million m²', '500,000 m²', None)
    """
    if unit not in _SCALE_EN or not number:
        return None
    factor, base = _SCALE_EN[unit]
    try:
        value = Decimal(number.replace(",", "")) * factor
    except ArithmeticError:
        return None
    if value >= 1_000_000:
        return f"{(value / 1_000_000).normalize():f} million {base}"
    return f"{value.normalize():,f} {base}"


# ---------------------------------------------------------------- the first line of an answer

def _headline(r: TableResult, lang: str) -> str:
    line = _headline_of(r, lang)
    if r.years_not_split == [PER_YEAR]:
        return ("行动计划表没有按年份分列这一项（没有每年的数字），只有计划期合计——" + line if lang == "zh" else
                "The plan table gives no yearly figure for this, only the plan period's total — " + line)
    if r.years_not_split:
        years = "、".join(r.years_not_split)
        line = (f"行动计划表没有按年份分列这一项（没有{years}年单独的数字），只有计划期合计——" + line if lang == "zh" else
                f"The plan table does not split this by year (no figure for {years} alone), only the plan period's "
                f"total — " + line)
    return line


def _headline_of(r: TableResult, lang: str) -> str:
    zh = lang == "zh"
    calc = "（计算）" if zh else " (computed)"
    left_out = ("（计算，空白或“-”单元格未计入）" if zh else " (computed; blank or “-” cells left out)") if r.blanks else calc
    if r.operation == "absent":
        return r.note_zh if zh else r.note_en
    if r.operation == "cell":
        c = r.cells[0]
        if c.blank:
            return (f"{r.subject_zh}：{c.shown('zh')}——表中此格为空，不是0" if zh and c.value is None else
                    f"{r.subject_zh}：表中为{c.shown('zh')}，不是0" if zh else
                    f"{r.subject_en}: {c.shown('en')} in the table, not 0")
        line = f"{r.subject_zh}：{r.value.text('zh')}" if zh else f"{r.subject_en}: {r.value.text('en')}"
        if r.converted:
            line += (f"，换算（计算）为{r.converted.text('zh')}" if zh else
                     f", converted (computed): {r.converted.text('en')}")
        return line
    if r.operation == "cells":
        parts = [f"{c.row}{_column_zh(c.column)}：{c.shown('zh') if c.blank else _with_unit(c.value, c.unit, 'zh')}"
                 if zh else f"{_row_en(c.row)}, {_column_en(c.column)}: "
                            f"{c.shown('en') if c.blank else _with_unit(c.value, c.unit, 'en')}" for c in r.cells]
        note = (r.note_zh if zh else r.note_en)
        return ("；" if zh else "; ").join(parts) + (("。" + note) if zh and note else (" " + note) if note else "")
    if r.value is None:
        why = ("所用单元格为空白或“-”（未设定），无法计算" if zh else
               "the cells needed are blank or “-” (not set), so nothing can be computed")
        if r.note_zh:
            why = r.note_zh if zh else r.note_en
        return f"{r.subject_zh}：{why}" if zh else f"{r.subject_en}: {why}"
    value = r.value.text(lang)
    conv = ""
    if r.converted:
        shown = r.converted.text(lang)
        conv = f"（换算为{shown}）" if zh else f" ({'' if shown.startswith('≈') else '= '}{shown})"
    if r.operation == "sum":
        line = (f"{r.subject_zh}合计{left_out}：{value}{conv}" if zh else
                f"{r.subject_en}{left_out}: {value}{conv}")
        if r.printed_total is not None and r.printed_total.amount is not None:
            p = r.printed_total
            shown = p.amount.text(lang)
            several = len(p.cells) > 1
            line += ((f"；表中{p.row}（全市）一行" + ("合计（计算）" if several else "印为") + shown) if zh else
                     f"; the table's {_row_en(p.row)} row " + ("adds up to " if several else "prints ") + shown)
        return line
    if r.operation in ("max", "min"):
        most = ("最多" if r.operation == "max" else "最少") if zh else ("most" if r.operation == "max" else "least")
        names = "、".join(o.name("zh") for o in r.winners) if zh else _and([o.name("en") for o in r.winners])
        tie = len(r.winners) > 1
        blank_rows = [o.name(lang) for o in r.operands if o.amount is None]
        partly = [o.name(lang) for o in r.operands if o.amount is not None and o.blanks]
        line = (f"{r.subject_zh}{most}的是{names}"
                + (f"（{len(r.winners)}个并列，各{value}）" if tie else f"（{value}）") + "（计算比较）"
                if zh else
                f"{r.subject_en}, {most}: {names}" + (f" (tied, {value} each)" if tie else f" ({value})")
                + " (computed comparison)")
        if blank_rows:
            line += (f"；{'、'.join(blank_rows)}此项为空白或“-”（未设定），不参与比较" if zh else
                     f"; {_and(blank_rows)}: blank or “-” (not set), not compared")
        if partly:
            line += (f"；{'、'.join(partly)}有空白或“-”单元格，只计其余单元格" if zh else
                     f"; {_and(partly)}: some cells blank or “-”, only the others counted")
        return line
    if r.operation == "filter":
        names = "、".join(f"{o.row}（{o.amount.text('zh')}）" for o in r.winners) if zh else \
            _and([f"{_row_en(o.row)} ({o.amount.text('en')})" for o in r.winners])
        if not r.winners:
            names = "没有" if zh else "none"
        return (f"{r.subject_zh}的县（市、区）（计算比较）：{names}" if zh else
                f"Counties with {r.subject_en} (computed comparison): {names}")
    a, b = r.operands
    eq = " " if value.startswith("≈") else " = "
    if r.operation == "ratio":
        return (f"{r.subject_zh}（计算）：{a.amount.text('zh')} ÷ {b.amount.text('zh')}{eq}{value}{conv}" if zh else
                f"{r.subject_en} (computed): {a.amount.text('en')} ÷ {b.amount.text('en')}{eq}{value}{conv}")
    if r.operation == "share":
        return (f"{r.subject_zh}（计算）：{a.amount.text('zh')} ÷ {b.amount.text('zh')}{eq}{value}" if zh else
                f"{r.subject_en} (computed): {a.amount.text('en')} ÷ {b.amount.text('en')}{eq}{value}")
    if r.operation == "difference":
        rate = ""
        if r.growth is not None:
            shown = r.growth.text(lang)
            sign = " " if shown.startswith("≈") else " = "
            rate = (f"；增幅（计算）：{value} ÷ {b.amount.text('zh')}{sign}{shown}" if zh else
                    f"; growth (computed): {value} ÷ {b.amount.text('en')}{sign}{shown}")
        return (f"{r.subject_zh}（计算）：{a.amount.text('zh')} − {b.amount.text('zh')}{eq}{value}{conv}{rate}" if zh else
                f"{r.subject_en} (computed): {a.amount.text('en')} − {b.amount.text('en')}{eq}{value}{conv}{rate}")
    return f"{r.subject_zh}：{value}" if zh else f"{r.subject_en}: {value}"
