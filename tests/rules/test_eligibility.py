"""Enterprise eligibility: unknown facts are asked for, never assumed; questions shrink as answers come."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import RuleError
from assistant.rules.eligibility import (ENTERPRISE_FIELDS, EntryFacts, check_enterprise,
                                         enterprise_questions, from_form_profile, industry_fits)
from assistant.verdicts import Verdict

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "rules"
CITIES = ["临海市", "温州市", "慈溪市"]
YES_NO = [f for f, info in EntryFacts.model_fields.items() if info.annotation == (bool | None)]


@pytest.mark.parametrize("city", CITIES)
def test_nothing_known_means_nothing_decided(city):
    r = check_enterprise({"jurisdiction": city})
    assert r.overall is Verdict.unknown
    assert all(i.verdict is Verdict.unknown for i in r.items)
    qs = enterprise_questions({"jurisdiction": city})
    assert [q["field"] for q in qs] == list(r.missing_inputs)
    assert all(q["question_zh"].endswith("？") for q in qs)


@pytest.mark.parametrize("city", CITIES)
def test_every_asked_field_has_a_chinese_question(city):
    for f in check_enterprise({"jurisdiction": city}).missing_inputs:
        assert f in ENTERPRISE_FIELDS and f in EntryFacts.model_fields


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CITIES), st.dictionaries(st.sampled_from(YES_NO), st.booleans()))
def test_answering_never_adds_questions(city, answers):
    """Giving more facts can only remove questions, whatever the answers are."""
    before = {q["field"] for q in enterprise_questions({"jurisdiction": city})}
    after = {q["field"] for q in enterprise_questions({"jurisdiction": city, **answers})}
    assert after <= before
    for f in answers:
        assert f not in after


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["has_violations", "is_dirty_messy", "is_high_energy", "is_high_pollution"]),
                       st.booleans()))
def test_an_excluded_kind_fails_and_only_a_full_all_clear_passes(flags):
    r = check_enterprise({"jurisdiction": "临海市", **flags})
    item = next(i for i in r.items if i.rule_id == "linhai.excluded_enterprises")
    if any(flags.values()):
        assert item.verdict is Verdict.fail
    elif len(flags) == 4:
        assert item.verdict is Verdict.passed
    else:
        assert item.verdict is Verdict.unknown and len(item.missing) == 4 - len(flags)


def test_partial_profile_from_file():
    profile = json.loads((FIX / "enterprise_partial.json").read_text(encoding="utf-8"))
    r = check_enterprise(profile)
    verdicts = {i.rule_id: i.verdict for i in r.items}
    assert verdicts["linhai.legal_person_industrial"] is Verdict.passed
    assert verdicts["linhai.unit_area_min"] is Verdict.passed
    assert verdicts["linhai.domicile_in_locality"] is Verdict.unknown
    assert r.subject == "部分填写的企业" and any("征求意见稿" in w for w in r.warnings)


def test_industry_fit_by_name_or_by_answer():
    assert industry_fits(EntryFacts(jurisdiction="临海市", industry="汽车零部件", park_leading_industries=("汽车零部件",)))
    assert industry_fits(EntryFacts(jurisdiction="临海市", industry="纺织", park_leading_industries=("汽车",))) is None
    assert industry_fits(EntryFacts(jurisdiction="临海市", in_leading_industry_chain=False)) is False


def test_cixi_results_warn_they_come_from_a_reply_letter():
    r = check_enterprise({"jurisdiction": "慈溪市", "is_restricted_category": False, "meets_local_entry_conditions": True})
    assert r.overall is Verdict.passed
    assert any("答复" in w for w in r.warnings)


def test_city_argument_fills_a_missing_jurisdiction():
    assert check_enterprise({"purchase_area_m2": 500}, "临海").jurisdiction == "临海市"
    with pytest.raises(RuleError) as exc:
        check_enterprise({"purchase_area_m2": 500}, "杭州市")
    assert exc.value.field == "jurisdiction"


def test_forms_profile_is_accepted():
    from assistant.forms.profile import EnterpriseProfile as FormProfile

    fp = FormProfile.parse({"企业名称": "某机械有限公司", "是否具有独立法人资格的工业企业": "是", "申请面积": 380,
                            "产业链位置": "上下游配套", "上年度税收": 300, "用地面积": 10})
    p = from_form_profile(fp, "温州市")
    assert (p.is_independent_legal_person, p.in_leading_industry_chain, p.tax_per_mu_wan) == (True, True, 30)
    r = check_enterprise(fp, "临海市")
    area = next(i for i in r.items if i.rule_id == "linhai.unit_area_min")
    assert area.verdict is Verdict.warning          # 380 m² < 400 m², 一般 → soft
    assert "domicile_in_park_locality" in r.missing_inputs   # the form does not say; it is asked, not assumed


def test_the_yes_no_facts_are_found():
    assert {"is_industrial", "is_high_pollution", "is_four_nos", "is_restricted_category"} <= set(YES_NO)
