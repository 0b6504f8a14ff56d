"""Form widgets generated from the rules' pydantic input models (calculators, park plan, enterprise facts).

A widget is chosen from the field's type: a number box for numbers, a text
box for dates (read by the one date parser, so 2024-05-01, 2024/5/1 and
2024年5月1日 all work and no English date picker appears), a 是/否/不清楚 choice
for yes-no facts, a select box for a fixed list, a text box for lists
("600, 800, 1200") and for text. Empty means "not given": the key is left out
and the rules say what is missing. Values are passed on as typed; the model
validates them and names the field in Chinese.

>>> describe(int | None).kind, describe(tuple[str, ...]).kind
('integer', 'text_list')
>>> to_input(describe(dt.date), "2024年5月1日"), to_input(describe(dt.date), "  ")
('2024-05-01', None)
>>> read_date("2024/3/31", "成文日期"), read_date("", "成文日期")
(datetime.date(2024, 3, 31), None)
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import streamlit as st
from pydantic import BaseModel

from assistant.errors import QueryError
from assistant.quantities import parse_date

UNKNOWN = "（不清楚 / 暂不填写）"
YES_NO = {True: "是", False: "否"}
# English literal values of the rules' models, as officers say them
LITERAL_ZH = {"new": "招拍挂新建", "renovation": "存量用地改造"}
# units by field-name ending; labels that already name their unit (…（平方米）) are left alone
UNITS = (("tax_per_mu_wan", "万元/亩"), ("_m2", "平方米"), ("_mu", "亩"), ("_wan", "万元"), ("_years", "年"),
         ("_count", "家"))
_SPLIT = re.compile(r"[,，、;；\s]+")
# labels for fields the models leave undescribed
FALLBACK_LABELS = {"unit": "金额单位（以上金额均按此单位）", "jurisdiction": "地区", "from_unit": "原单位", "to_unit": "换算为"}
DATE_HINT = "如 2024-05-01 或 2024年5月1日"
DATE_HELP = "日期格式：YYYY-MM-DD（如 2024-05-01），也可写 2024/5/1 或 2024年5月1日"


@dataclass(frozen=True)
class FieldKind:
    kind: str               # number | integer | date | bool | choice | number_list | date_list | text_list | text
    choices: tuple = ()
    optional: bool = True


def _strip_optional(tp) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return (args[0] if len(args) == 1 else tp), len(args) < len(typing.get_args(tp))
    return tp, False


def _base(tp):
    """``Annotated[Fraction, …]`` → ``Fraction``."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def describe(annotation, required: bool = False) -> FieldKind:
    tp, optional = _strip_optional(_base(annotation))
    tp = _base(tp)
    optional = optional or not required
    origin = typing.get_origin(tp)
    if origin is Literal:
        return FieldKind("choice", typing.get_args(tp), optional)
    if origin in (tuple, list):
        inner, _ = _strip_optional(_base(typing.get_args(tp)[0]))
        inner = _base(inner)
        if inner in (Fraction, float, int):
            return FieldKind("number_list", (), optional)
        if inner is dt.date:
            return FieldKind("date_list", (), optional)
        return FieldKind("text_list", (), optional)
    if tp is bool:
        return FieldKind("bool", (), optional)
    if tp is int:
        return FieldKind("integer", (), optional)
    if tp in (Fraction, float):
        return FieldKind("number", (), optional)
    if tp is dt.date:
        return FieldKind("date", (), optional)
    return FieldKind("text", (), optional)


def unit_of(field: str) -> str:
    for ending, unit in UNITS:
        if field.endswith(ending):
            return unit
    return ""


def label_with_unit(field: str, label: str) -> str:
    unit = unit_of(field)
    if unit and unit not in label:
        return f"{label}（{unit}）"
    return label


def _default_for_widget(kind: FieldKind, value):
    if value is None:
        return None
    if kind.kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if kind.kind in ("number_list", "date_list", "text_list") and isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value) if kind.kind == "text_list" else ", ".join(str(v) for v in value)
    if kind.kind == "number" and isinstance(value, (int, float, Fraction)) and not isinstance(value, bool):
        return float(value)
    return value


def widget(field: str, kind: FieldKind, label: str, *, key: str, default=None, help: str | None = None):
    """One input widget; returns the raw value (``None`` when left empty)."""
    value = _default_for_widget(kind, default)
    if kind.kind == "bool":
        options = [True, False, None]
        return st.radio(label, options, index=options.index(value) if value in options else 2, horizontal=True,
                        format_func=lambda v: "不清楚" if v is None else YES_NO[v], key=key, help=help)
    if kind.kind == "choice":
        options = ([None] if kind.optional else []) + list(kind.choices)
        index = options.index(value) if value in options else 0
        return st.selectbox(label, options, index=index, key=key, help=help,
                            format_func=lambda v: UNKNOWN if v is None else
                            (f"{LITERAL_ZH[v]}（{v}）" if v in LITERAL_ZH else str(v)))
    if kind.kind == "integer":
        return st.number_input(label, value=int(value) if isinstance(value, (int, float)) else None, step=1,
                               key=key, help=help, placeholder="未填写")
    if kind.kind == "number":
        return st.number_input(label, value=value, step=1.0, format="%g", key=key, help=help, placeholder="未填写")
    if kind.kind == "date":
        return date_text(label, key=key, value=value, help=help)
    hint = {"number_list": "多个数值用逗号分隔，如 600, 800, 1200", "date_list": "多个日期用逗号分隔，格式 YYYY-MM-DD",
            "text_list": "多项用顿号或逗号分隔"}.get(kind.kind)
    text = st.text_input(label, value=value if isinstance(value, str) else "", key=key, help=help or hint,
                         placeholder=hint or "未填写")
    return text


def date_text(label: str, *, key: str, value=None, help: str | None = None) -> str:
    """A date typed as text (Chinese label and hint; no English date picker); read it with :func:`read_date`."""
    shown = value.isoformat() if isinstance(value, dt.date) else (value or "")
    return st.text_input(label, value=shown, key=key, placeholder=DATE_HINT,
                         help=f"{help}。{DATE_HELP}" if help else DATE_HELP)


def read_date(text: str | None, label: str) -> dt.date | None:
    """A typed date, or None when left empty; a QueryError naming the field when it is not a date."""
    if text is None or not str(text).strip():
        return None
    return parse_date(str(text), field=label)


def to_input(kind: FieldKind, raw):
    """A widget's value as the model's input; ``None`` for empty. Nothing is judged here."""
    if raw is None:
        return None
    if kind.kind in ("number_list", "date_list", "text_list"):
        parts = [p for p in _SPLIT.split(str(raw).strip()) if p]
        return parts or None
    if kind.kind == "text":
        return str(raw).strip() or None
    if kind.kind == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        if not str(raw).strip():
            return None
        try:
            return parse_date(str(raw)).isoformat()
        except QueryError:
            return str(raw).strip()  # the model says, naming the field, that this is not a date
    if kind.kind == "number" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return raw


def model_form_fields(model: type[BaseModel], *, key_prefix: str, labels: dict[str, str] | None = None,
                      defaults: dict | None = None, only: list[str] | None = None,
                      helps: dict[str, str] | None = None) -> dict[str, Any]:
    """Widgets for the model's fields (or ``only`` those); returns ``{field: input}`` of the filled ones."""
    labels, defaults, helps = labels or {}, defaults or {}, helps or {}
    out: dict[str, Any] = {}
    for name in only or list(model.model_fields):
        info = model.model_fields[name]
        kind = describe(info.annotation, info.is_required())
        label = label_with_unit(name, labels.get(name) or info.description or FALLBACK_LABELS.get(name)
                                or info.title or name)
        if not kind.optional:
            label += " *"
        raw = widget(name, kind, label, key=f"{key_prefix}.{name}", default=defaults.get(name),
                     help=helps.get(name))
        value = to_input(kind, raw)
        if value is not None:
            out[name] = value
    return out
