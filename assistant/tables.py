"""Questions answered by reading a parsed table: county × metric × year, and sums.

Works on any clause whose table has a first column of row names (the Wenzhou
action-plan tables). A cell is quoted verbatim from the clause text; a sum is
computed here and says which cells it adds.

>>> from assistant.corpus import load_corpus
>>> r = lookup(load_corpus(), "乐清市2020年计划开工多少亩？")
>>> [(c.row, c.column, c.value) for c in r.cells]
[('乐清市', '2020年开工数（亩）', '450')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus import Corpus
from assistant.models import Clause, Document

# question words → the column-name fragment they point at (order: most specific first)
METRICS = [
    (("开工",), "开工数"),
    (("竣工", "建成", "完工"), "竣工数"),
    (("工业小微园", "工业园", "工业小微企业园"), "工业小微园"),
    (("电商园", "电商"), "电商园"),
    (("科创园", "科创"), "科创园"),
    (("引导入园", "入园企业数", "入园企业目标"), "引导入园企业数"),
    (("小升规",), "小升规企业数"),
    (("专精特新",), "专精特新培育"),
    (("用地", "土地", "面积（亩）", "多少亩"), "用地"),
    (("建筑面积", "万平方米", "万㎡"), "建筑面积"),
]
YEARS = ("2019", "2020", "2021")
TOTAL_WORDS = ("合计", "总共", "一共", "三年", "总计", "加起来", "累计")


@dataclass
class Cell:
    row: str
    column: str
    value: str | None
    quote: str           # verbatim slice of the clause text holding the row


@dataclass
class TableAnswer:
    doc: Document
    clause: Clause
    cells: list[Cell]
    total: float | None = None
    total_of: list[str] = field(default_factory=list)


def _row_names(clause: Clause) -> list[str]:
    return [r[0] for r in clause.table.rows if r and r[0]]


def _short(name: str) -> str:
    """乐清市 → 乐清, 瓯江口产业集聚区 → 瓯江口; a question may use either."""
    return re.sub(r"(产业集聚区|市|区|县)$", "", name) or name


def _row_quote(clause: Clause, row_name: str) -> str:
    text = clause.text
    start = text.find("\t" + row_name + "\n")
    if start < 0:
        return row_name
    start += 1
    nxt = text.find("\n\n", start)
    return text[start: nxt if nxt >= 0 else len(text)].rstrip()


def table_clauses(corpus: Corpus) -> list[tuple[Document, Clause]]:
    return [(d, c) for d in corpus.documents for c in d.clauses
            if c.table is not None and c.table.rows and any(r[0] for r in c.table.rows)
            and any(any(ch.isdigit() for ch in (v or "")) for r in c.table.rows for v in r[1:])]


def lookup(corpus: Corpus, question: str) -> TableAnswer | None:
    """Answer from a table if the question names one of its rows and one of its metrics."""
    q = question
    best: TableAnswer | None = None
    for doc, clause in table_clauses(corpus):
        rows = _row_names(clause)
        named = [r for r in rows if r in q or (len(_short(r)) >= 2 and _short(r) in q)]
        # the city's own row (温州市) only when no county is named and the question speaks of the whole city
        county = [r for r in named if r != rows[0]]
        if county:
            named = county
        elif named and not (re.search(r"全市|温州市|全温州", q) and re.search(r"20(19|20|21)|计划|目标|行动", q)):
            named = []  # "温州市…" alone is a question about the city's rules, not its row in the plan table
        if not named:
            continue
        columns = _columns_for(clause, q)
        if not columns:
            continue
        cells = []
        for r in named:
            row = next(x for x in clause.table.rows if x[0] == r)
            values = dict(zip(clause.table.columns, row))
            for col in columns:
                cells.append(Cell(r, col, values.get(col), _row_quote(clause, r)))
        answer = TableAnswer(doc, clause, cells)
        numeric = [float(c.value) for c in cells if c.value and _is_num(c.value)]
        if len(columns) > 1 and len(named) == 1 and numeric and len({_unit(c.column) for c in cells}) == 1:
            answer.total = sum(numeric)
            answer.total_of = [c.column for c in cells if c.value and _is_num(c.value)]
        if best is None or len(cells) > len(best.cells):
            best = answer
    return best


def _columns_for(clause: Clause, q: str) -> list[str]:
    cols = list(clause.table.columns[1:])
    years = [y for y in YEARS if y in q]
    span = re.search(r"(20\d\d)\s*(?:年)?\s*(?:到|至|—|-|~)\s*(20\d\d)", q)
    if span:  # "2019到2021年" means every year between
        years = [y for y in YEARS if span.group(1) <= y <= span.group(2)]
    for words, fragment in METRICS:
        if any(w in q for w in words):
            hits = [c for c in cols if fragment in c]
            if not hits:
                continue
            if years:
                with_year = [c for c in hits if any(c.startswith(y) for y in years)]
                hits = with_year or hits
            return hits
    return []


def _is_num(v: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", v))


def _unit(column: str) -> str:
    m = re.search(r"（([^（）]+)）$", column)
    return m.group(1) if m else ""


def fmt_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
