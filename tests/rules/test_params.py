"""Rule parameters are data: each one quotes its clause verbatim and says what the words say."""

from __future__ import annotations

from fractions import Fraction
import re
from pathlib import Path

import pytest
import yaml

from assistant.errors import RuleError
from assistant.models import Status
from assistant.rules import params as P
from assistant.rules.coverage import number_tokens
from assistant.rules.params import INCLUSIVE_WORDS, SOFT_QUALIFIERS, load_param_file, load_params

PARAMS = load_params().params
IDS = [p.id for p in PARAMS]


def test_there_are_parameters_for_every_city():
    cities = {p.jurisdiction for p in PARAMS}
    assert cities == {"临海市", "温州市", "慈溪市"}
    assert len(IDS) == len(set(IDS))


@pytest.mark.parametrize("p", PARAMS, ids=IDS)
def test_quote_is_verbatim_in_its_clause(p, corpus):
    clause = corpus.clause(p.doc_id, p.clause)
    assert p.quote in clause.text, f"{p.id}: “{p.quote}” not in {clause.id}"


@pytest.mark.parametrize("p", PARAMS, ids=IDS)
def test_citation_points_at_the_quote(p, corpus):
    c = p.citation()
    doc = corpus.document(p.doc_id)
    assert (c.doc_id, c.clause, c.quote) == (p.doc_id, p.clause, p.quote)
    assert (c.title, c.source_file, c.status, c.city) == (doc.meta.title, doc.meta.source_file, doc.meta.status, doc.meta.city)
    assert c.span is not None and doc.text[c.span.start:c.span.end] == p.quote


@pytest.mark.parametrize("p", PARAMS, ids=IDS)
def test_status_and_date_are_the_documents(p, corpus):
    meta = corpus.document(p.doc_id).meta
    assert (p.status, p.effective_date, p.jurisdiction) == (meta.status, meta.effective_date, meta.city)


def test_linhai_is_a_draft_and_cixi_a_reply_letter():
    assert {p.status for p in PARAMS if p.doc_id == "linhai-plan-draft"} == {Status.draft}
    assert {p.status for p in PARAMS if p.doc_id == "cixi-192-reply"} == {Status.reply_letter}


@pytest.mark.parametrize("p", PARAMS, ids=IDS)
def test_soft_exactly_when_the_words_say_so(p):
    """原则上 / 一般 in the quoted words make the rule soft; nothing else does."""
    assert p.soft == any(w in p.quote for w in SOFT_QUALIFIERS), p.quote


@pytest.mark.parametrize("p", [p for p in PARAMS if p.kind in ("min", "max")], ids=lambda p: p.id)
def test_bounds_stated_inclusively_are_inclusive(p):
    """以上/以下/不低于/不超过/达到… include the number; every bound in the corpus is worded so."""
    assert any(w in p.quote for w in INCLUSIVE_WORDS), p.quote
    assert p.inclusive


@pytest.mark.parametrize("p", [p for p in PARAMS if p.kind == "range"], ids=lambda p: p.id)
def test_ranges_are_printed_as_a_dash_between_the_bounds(p):
    assert re.search(r"\d+%?\s*[-–—]\s*\d+", p.quote), p.quote
    assert p.inclusive


@pytest.mark.parametrize("p", [p for p in PARAMS if p.kind != "condition"], ids=lambda p: p.id)
def test_numbers_are_printed_in_the_quote(p):
    """The value is read off the quote, not made up: 35 % ↔ “35%”, 2 万平方米 ↔ “2万㎡”, 两年 ↔ 2."""
    printed = {t.value for t in number_tokens(p.quote)}
    stated = [x for x in (p.value, p.min, p.max) if x is not None] + [s.rate for s in p.steps]
    assert stated and set(stated) <= printed, f"{p.id}: {stated} vs printed {printed}"


def test_soft_rules_include_the_documented_ones():
    soft = {p.id for p in PARAMS if p.soft}
    assert {"linhai.land_area_new_min", "linhai.building_density_min", "linhai.enterprise_count_min",
            "linhai.leading_industries_count", "linhai.unit_area_min", "wenzhou.plot_ratio_min",
            "wenzhou.nonproduction_floor_share", "wenzhou.construction_period_max"} <= soft
    hard = {p.id for p in PARAMS if not p.soft}
    assert {"linhai.land_area_renovation_min", "linhai.plot_ratio_min",
            "wenzhou.leading_industry_floor_share_min"} <= hard


def test_every_parameter_is_used_by_a_calculator_or_a_check():
    from assistant.rules.criteria import criteria_for

    source = "".join(f.read_text(encoding="utf-8") for f in Path(P.__file__).parent.glob("*.py"))
    in_checks = {i for city in ("临海市", "温州市", "慈溪市") for check in ("park", "enterprise")
                 for c in criteria_for(check, city) for i in (c.param, *c.cites)}
    unused = [p.id for p in PARAMS if f'"{p.id}"' not in source and p.id not in in_checks]
    assert not unused, f"parameters nothing uses: {unused}"


def test_fraction_turns_percent_and_permille_into_ratios():
    assert P.get_param("linhai.building_density_min").fraction("min") * 100 == 35
    assert P.get_param("linhai.property_rooms_total").fraction() * 1000 == 3
    assert P.get_param("cixi.recognition_leading_share_min").fraction("min") * 3 == 2


# ── a broken rule file is an error with a reason, never a silent default ──

def _write(tmp_path: Path, params: list[dict], **header) -> Path:
    base = {"doc_id": "linhai-plan-draft", "jurisdiction": "临海市", "status": "draft", "effective_date": None}
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump({**base, **header, "parameters": params}, allow_unicode=True), encoding="utf-8")
    return path


GOOD = {"id": "linhai.test", "description_zh": "测试参数", "description_en": "a test", "clause": "（四）",
        "quote": "容积率应达到2.0以上", "kind": "min", "min": 2.0, "qualifier": "应"}


def test_a_good_file_loads(tmp_path):
    ps, doc_id, _ = load_param_file(_write(tmp_path, [GOOD]))
    assert (ps[0].id, doc_id, ps[0].status) == ("linhai.test", "linhai-plan-draft", Status.draft)


@pytest.mark.parametrize("change, field", [
    ({"surprise": 1}, "surprise"),                      # extra="forbid"
    ({"quote": "容积率应达到3.0以上"}, "linhai.test"),     # not in the document
    ({"kind": "max"}, None),                            # a max without max
    ({"qualifier": "原则上"}, None),                      # qualifier not in the quote
    ({"unit": "公里"}, "unit"),
    ({"status": "in_force"}, None),                     # file-level field repeated
])
def test_a_broken_parameter_is_rejected(tmp_path, change, field):
    with pytest.raises(RuleError) as exc:
        load_param_file(_write(tmp_path, [{**GOOD, **change}]))
    if field:
        assert field in (exc.value.field or "") or field in exc.value.message


def test_a_wrong_document_status_is_rejected(tmp_path):
    with pytest.raises(RuleError):
        load_param_file(_write(tmp_path, [GOOD], status="in_force"))


def test_duplicate_ids_are_rejected(tmp_path):
    _write(tmp_path, [GOOD, GOOD])
    with pytest.raises(RuleError):
        load_params(tmp_path)


def test_dated_values_are_chosen_by_date(tmp_path):
    """The draft's value, undated, and the final text's value beside it from its effective date."""
    import datetime as dt

    dated = {k: v for k, v in GOOD.items() if k != "min"}
    dated["values"] = [{"min": 2.0}, {"from": "2030-01-01", "min": 2.5, "note_zh": "正式稿"}]
    path = _write(tmp_path, [dated])
    before, _, _ = load_param_file(path, dt.date(2029, 12, 31))
    after, _, _ = load_param_file(path, dt.date(2030, 1, 1))
    assert (before[0].min, after[0].min) == (2, Fraction(5, 2))
    assert len(after[0].versions) == 2


def test_values_and_an_inline_value_together_are_rejected(tmp_path):
    both = {**GOOD, "values": [{"min": 2.0}]}
    with pytest.raises(RuleError):
        load_param_file(_write(tmp_path, [both]))
