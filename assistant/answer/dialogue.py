"""Reading an enterprise's free-text replies in the eligibility dialogue: deterministic extraction of the facts the
entry criteria need ("做汽配的，独立法人，想买600平", "个体户", "亩均税收35万、纳税250万").

Phrases are data (``assistant/data/entry_facts.yaml``), numbers go through the one quantity parser, industries
through the industry list. Nothing is guessed: a fact not read stays unknown and is asked again.

>>> extract("做汽配的，独立法人，想买600平")
{'industry': '汽车零部件制造', 'is_industrial': True, 'is_independent_legal_person': True, 'purchase_area_m2': 600}
>>> extract("个体户")
{'is_independent_legal_person': False}
>>> extract("亩均税收35万、纳税250万")
{'tax_per_mu_wan': 35, 'total_tax_wan': 250}
>>> extract("是的", pending=["domicile_in_park_locality", "has_violations"])
{'domicile_in_park_locality': True}
"""

from __future__ import annotations

import functools
import re
import unicodedata
from fractions import Fraction
from pathlib import Path


from assistant.errors import QueryError
from assistant.quantities import find_dates, find_quantities, parse_number
from assistant.yamlio import load_yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "entry_facts.yaml"
BOOLEAN_FIELDS = ("is_independent_legal_person", "is_industrial", "domicile_in_park_locality", "has_violations",
                  "is_dirty_messy", "is_high_energy", "is_high_pollution", "in_leading_industry_chain",
                  "meets_mu_average_standard", "is_four_nos", "passed_five_degree_scoring", "is_restricted_category",
                  "meets_local_entry_conditions")


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(DATA.read_text(encoding="utf-8"))


def plain_question(field: str, fallback: str) -> str:
    """The question for ``field`` in plain words (the data's), or the formal one."""
    return _data()["ask"].get(field, fallback)


def _n(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


_WAN = r"([\d.,，]+|[零一二两三四五六七八九十百千]+)\s*万"


def _taxes(text: str) -> dict:
    out = {}
    per_mu = re.search(r"亩均(?:税收|纳税|交税)?[^\d零一二两三四五六七八九十百千万，,。；]{0,6}" + _WAN, text)
    total = re.search(r"(?:纳税总额|纳税|税收总额|一年交税|每年交税|交税|年纳税|总税收)[^\d零一二两三四五六七八九十百千万，,。；]{0,6}"
                      + _WAN, text)
    try:
        if per_mu:
            out["tax_per_mu_wan"] = _n(parse_number(per_mu.group(1)))
        if total and (not per_mu or total.start() != per_mu.start()):
            out["total_tax_wan"] = _n(parse_number(total.group(1)))
    except QueryError:
        pass
    return out


def extract(reply: str, pending: list[str] | tuple[str, ...] = ()) -> dict:
    """The facts a reply states. ``pending``: the fields the previous turn asked for, first first (a bare "是" or
    "没有" answers the first boolean one)."""
    text = unicodedata.normalize("NFKC", reply).strip()
    data = _data()
    facts: dict = {}
    # industry: the longest name said
    spoken = sorted(((alias, name, spec["industrial"]) for name, spec in data["industries"].items()
                     for alias in spec["say"]), key=lambda x: -len(x[0]))
    for alias, name, industrial in spoken:
        if alias in text and not re.search(r"主导(行业|产业)[是为：:]?[^，,。；]*" + re.escape(alias), text):
            facts["industry"] = name
            facts["is_industrial"] = industrial
            break
    leading = re.search(r"主导(?:行业|产业)[是为：:]?([^，,。；？?]+)", text)
    if leading:
        names = [name for alias, name, _ in spoken if alias in leading.group(1)]
        if names:
            facts["park_leading_industries"] = list(dict.fromkeys(names))
    for field, phrases in data["yes_no"].items():
        if any(p in text for p in phrases["denied"]):
            facts[field] = False
        elif any(p in text for p in phrases["said"]):
            facts.setdefault(field, True)
    # numbers: areas in m², taxes in 万元, dates
    try:
        quantities = find_quantities(text, field="reply")
        dates = find_dates(text, field="reply")
    except QueryError:
        quantities, dates = [], []
    taxes = _taxes(text)
    facts.update(taxes)
    areas = [q.value for q in quantities if q.unit == "平方米"]
    if areas:
        key = "local_area_cap_m2" if re.search(r"限面积|限购|最多能买|上限", text) else "purchase_area_m2"
        facts[key] = _n(areas[0])
    if dates:
        key = "as_of" if re.search(r"按.{0,6}(判断|算)|截至", text) else "production_start_date"
        facts[key] = dates[0].isoformat()
    # a bare yes or no answers the first question asked
    bare = re.sub(r"[\s，,。.！!？?]", "", text).lower()
    first_bool = next((f for f in pending if f in BOOLEAN_FIELDS and f not in facts), None)
    if first_bool and bare in data["short_no"]:
        facts[first_bool] = False
    elif first_bool and bare in data["short_yes"]:
        facts[first_bool] = True
    return facts
