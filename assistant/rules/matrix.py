"""规则对照: every quantitative rule as a row, every jurisdiction as a column, built from the rule parameters.

A parameter's row is its name after ``<slug>.`` (``linhai.plot_ratio_min`` and ``wenzhou.plot_ratio_min`` share
the row ``plot_ratio_min``); ``assistant/data/rule_matrix.yaml`` gives each row its topic and a short label. A
parameter that file does not list still appears (topic 其他, labelled by its description), so a new rule or a new
county shows up without a code change. A cell is the value or band as the document writes it, marked soft when the
rule says 原则上/一般, with its document's status and the clause it stands on.

>>> m = build_matrix()
>>> row = m.row("plot_ratio_min")
>>> row.label, row.cells["临海市"].text, row.cells["温州市"].text, row.cells["温州市"].soft
('容积率', '≥ 2.0', '一般 ≥ 2.0', True)
>>> row.cells["临海市"].status_label, row.cells["临海市"].clause
('征求意见稿', '（四）')
>>> "浙江省" in m.jurisdictions, "浙江省" in row.cells
(True, False)
>>> m.filter("费用与税收").row("fee_maintenance_fund").cells["临海市"].text
'12元/平方米'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from assistant.errors import ConfigError, RuleError
from assistant.models import Status
from assistant.rules.params import Param, load_params
from assistant.yamlio import load_yaml

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "rule_matrix.yaml"
QUANTITATIVE = ("min", "max", "range", "value", "schedule")
OTHER_TOPIC = "其他"
TITLE = "小微企业园规则对照表"


class _RowSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: str
    label: str


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    topics: tuple[str, ...]
    rows: dict[str, _RowSpec]


@functools.lru_cache(maxsize=1)
def _spec() -> _Spec:
    try:
        spec = _Spec.model_validate(load_yaml(DATA_FILE.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ConfigError(f"无法读取规则对照表配置：{exc}", f"cannot read the rule matrix layout: {exc}") from exc
    unknown = {r.topic for r in spec.rows.values()} - set(spec.topics)
    if unknown:
        raise ConfigError(f"规则对照表配置中有未列出的主题：{'、'.join(sorted(unknown))}",
                          f"rule matrix rows name unknown topics: {sorted(unknown)}")
    return spec


def band_text(p: Param) -> str:
    """The value or band as the document writes it: ``≥ 100亩``, ``15%–25%``, ``≤ 2万平方米``, ``3‰``, ``2/3``."""
    ge, le = ("≥", "≤") if p.inclusive else (">", "<")
    if p.kind == "min":
        return f"{ge} {p.figure('min')}"
    if p.kind == "max":
        return f"{le} {p.figure('max')}"
    if p.kind == "range":
        return p.figure().replace("-", "–")
    if p.kind == "value":
        return p.figure()
    if p.kind == "schedule":
        return p.threshold_zh()
    raise RuleError(f"参数 {p.id} 不是数值规则", f"parameter {p.id} states no figure", field=p.id)


@dataclass(frozen=True)
class Cell:
    """One jurisdiction's figure for one row."""

    param_id: str
    jurisdiction: str
    band: str              # ≥ 100亩
    soft: bool             # 原则上 / 一般
    qualifier: str | None
    status: Status
    doc_id: str
    title: str
    clause: str
    quote: str
    description: str
    applies_when: str | None = None

    @property
    def text(self) -> str:
        """The band with its soft qualifier in front: ``原则上 ≥ 100亩``."""
        return f"{self.qualifier} {self.band}" if self.soft else self.band

    @property
    def status_label(self) -> str:
        return self.status.label_zh

    @property
    def status_short(self) -> str:
        """The status in a word or two, for a narrow cell: 有效 / 征求意见稿 / 建议答复 / 期限已过 / 已废止."""
        return {Status.in_force: "现行有效", Status.draft: "征求意见稿", Status.reply_letter: "建议答复",
                Status.notice_expired: "期限已过", Status.repealed: "已废止"}[self.status]


@dataclass(frozen=True)
class Row:
    key: str
    topic: str
    label: str
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass(frozen=True)
class Matrix:
    jurisdictions: tuple[str, ...]
    rows: tuple[Row, ...]
    topics: tuple[str, ...]
    topic: str | None = None   # the filter applied, if any

    def row(self, key: str) -> Row:
        for r in self.rows:
            if r.key == key:
                return r
        raise RuleError(f"规则对照表中没有“{key}”这一行", f"no row {key!r} in the rule matrix", field="row")

    def filter(self, topic: str | None) -> "Matrix":
        """Only the rows of ``topic`` (None or 全部: every row)."""
        if not topic or topic == "全部":
            return self
        if topic not in self.topics:
            raise RuleError(f"没有主题“{topic}”；可选：{'、'.join(self.topics)}", f"no topic {topic!r}", field="topic")
        return Matrix(self.jurisdictions, tuple(r for r in self.rows if r.topic == topic), self.topics, topic)

    def documents(self) -> list[Cell]:
        """One cell per cited document (its title and status), in column order."""
        seen: dict[str, Cell] = {}
        for j in self.jurisdictions:
            for r in self.rows:
                c = r.cells.get(j)
                if c is not None:
                    seen.setdefault(c.doc_id, c)
        return list(seen.values())

    def to_records(self) -> list[dict]:
        """One dict per row: topic, label, then per jurisdiction the cell text (empty: not set)."""
        return [{"主题": r.topic, "规则": r.label,
                 **{j: (r.cells[j].text if j in r.cells else "") for j in self.jurisdictions}} for r in self.rows]


def row_key(p: Param) -> str:
    return p.id.split(".", 1)[1]


def build_matrix(as_of=None) -> Matrix:
    """The matrix of every quantitative parameter in force on ``as_of`` (default today)."""
    from assistant.corpus import load_corpus
    from assistant.jurisdictions import registry

    spec = _spec()
    params = [p for p in load_params(as_of=as_of).params if p.kind in QUANTITATIVE]
    corpus = load_corpus()
    rows: dict[str, Row] = {}
    for p in params:
        key = row_key(p)
        rs = spec.rows.get(key)
        row = rows.setdefault(key, Row(key, rs.topic if rs else OTHER_TOPIC, rs.label if rs else p.description_zh))
        meta = corpus.document(p.doc_id).meta
        row.cells[p.jurisdiction] = Cell(
            param_id=p.id, jurisdiction=p.jurisdiction, band=band_text(p), soft=p.soft, qualifier=p.qualifier,
            status=p.status, doc_id=p.doc_id, title=meta.title, clause=p.clause, quote=p.quote,
            description=p.description_zh, applies_when=p.applies_when_zh)
    order = {k: i for i, k in enumerate(spec.rows)}
    topics = (*spec.topics, *([OTHER_TOPIC] if any(r.topic == OTHER_TOPIC for r in rows.values()) else []))
    topic_order = {t: i for i, t in enumerate(topics)}
    ordered = sorted(rows.values(), key=lambda r: (topic_order[r.topic], order.get(r.key, len(order)), r.key))
    # every place with documents or rules: the province first, then cities and counties (the registry's order)
    have = set(corpus.cities()) | {p.jurisdiction for p in params}
    reg = registry()
    level = {"province": 0, "city": 1, "county": 2, "town": 3}
    names = list(reg.jurisdictions)
    columns = sorted(have, key=lambda j: (level[reg.jurisdictions[j].level] if j in reg.jurisdictions else 4,
                                          names.index(j) if j in names else len(names), j))
    used = tuple(t for t in topics if any(r.topic == t for r in ordered))
    return Matrix(tuple(columns), tuple(ordered), used)
