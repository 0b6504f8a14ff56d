"""Switching the park's city keeps the answers the new city's check reads: every field any criterion ever asks
for is declared (fields / need / names / anchor / reads), so nothing asked is dropped."""

import pytest

from assistant.rules import check_enterprise
from assistant.rules.criteria import criteria_fields, jurisdictions_with
from assistant.rules.eligibility import answers_for_city

VALUES = {  # two answers per field, to walk both branches of every handler
    "industry": ("汽车零部件", "纺织"), "park_leading_industries": (("汽车零部件",), ("食品",)),
    "purchase_area_m2": (300, 30000), "production_start_date": ("2020-01-01", "2025-06-01"),
    "as_of": ("2026-01-01", "2021-01-01"), "tax_per_mu_wan": (40, 5), "total_tax_wan": (300, 10),
    "local_area_cap_m2": (5000, 200),
}


def _values(field):
    return VALUES.get(field, (True, False))


@pytest.mark.parametrize("city", jurisdictions_with("enterprise"))
def test_every_field_ever_asked_is_declared(city):
    declared = set(criteria_fields("enterprise", city))
    asked: set[str] = set()
    frontier = [{}]
    seen = set()
    while frontier:
        facts = frontier.pop()
        key = tuple(sorted(facts.items()))
        if key in seen or len(seen) > 400:
            continue
        seen.add(key)
        missing = check_enterprise({"jurisdiction": city, **facts}).missing_inputs
        asked |= set(missing)
        for field in missing[:2]:
            for v in _values(field):
                frontier.append({**facts, field: v})
    assert asked and asked <= declared, asked - declared


def test_switching_keeps_what_applies_and_names_the_rest():
    answers = {"is_industrial": True, "purchase_area_m2": 800, "industry": "汽车零部件", "is_four_nos": False}
    kept, dropped = answers_for_city("温州市", answers)
    assert kept == {"purchase_area_m2": 800, "industry": "汽车零部件", "is_four_nos": False}
    assert dropped == {"is_industrial": True}
    kept, dropped = answers_for_city("临海", answers)
    assert kept == {"is_industrial": True, "purchase_area_m2": 800, "industry": "汽车零部件"}
    assert dropped == {"is_four_nos": False}
    assert answers_for_city("温州市", {}) == ({}, {})


def test_kept_answers_still_decide_the_new_city():
    kept, _ = answers_for_city("温州市", {"purchase_area_m2": 800, "is_four_nos": True, "is_industrial": False})
    report = check_enterprise({"jurisdiction": "温州市", **kept})
    four = next(i for i in report.items if i.rule_id == "wenzhou.four_nos_excluded")
    assert four.verdict.value == "fail"
    assert "is_four_nos" not in report.missing_inputs and "purchase_area_m2" not in report.missing_inputs


def test_declared_fields_are_fields_of_the_model():
    from assistant.rules.eligibility import EntryFacts

    for city in jurisdictions_with("enterprise"):
        assert set(criteria_fields("enterprise", city)) <= set(EntryFacts.model_fields), city
