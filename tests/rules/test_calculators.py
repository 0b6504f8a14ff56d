"""Calculators: the registry, their citations, and properties that hold for every input."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import RuleError
from assistant.models import Status
from assistant.rules import dates
from assistant.rules.calculators import REGISTRY, CalcResult, list_calculators, run
from assistant.rules.params import get_param, load_params

NAMES = sorted(REGISTRY)


def test_registry_lists_every_calculator_with_its_inputs():
    listed = {c["name"]: c for c in list_calculators()}
    assert set(listed) == set(REGISTRY) and len(listed) >= 15
    for name, c in listed.items():
        assert c["title_zh"] and c["description"] and c["inputs"]
        assert set(c["example"]) <= set(c["inputs"])


@pytest.mark.parametrize("name", NAMES)
def test_each_calculator_runs_on_its_example(name):
    calc = REGISTRY[name]
    r = calc.run(calc.example)
    assert isinstance(r, CalcResult) and r.calculator == name
    assert r.formula_zh and r.value is not None
    assert r.inputs and set(r.inputs) == set(calc.input_model.model_fields)
    assert calc.input_schema()["properties"]
    # Every calculator that applies a rule cites it; only unit conversion is pure arithmetic.
    assert bool(r.citations) == bool(calc.params)
    assert {c.quote for c in r.citations} <= {get_param(p).quote for p in calc.params}


@pytest.mark.parametrize("name", NAMES)
def test_results_citing_a_draft_say_so(name):
    r = REGISTRY[name].run(REGISTRY[name].example)
    for c in r.citations:
        assert c.status is not None and c.title and c.source_file and c.city
    if any(c.status is Status.draft for c in r.citations):
        assert any("征求意见稿" in w for w in r.warnings)
    if any(c.status is Status.reply_letter for c in r.citations):
        assert any("答复" in w for w in r.warnings)


def test_result_json_round_trips():
    r = run("construction_deadlines", {"contract_date": "2024-08-31"})
    data = r.model_dump(mode="json")
    assert data["parts"][0]["value"] == "2025-02-28"
    again = CalcResult.model_validate(data)
    assert str(again.part("start_by")) == "2025-02-28" and again.citations == r.citations


def test_unknown_calculator_names_the_field():
    with pytest.raises(RuleError) as exc:
        run("nope", {})
    assert exc.value.field == "calculator"


def test_fees_follow_the_parameters_not_literals(monkeypatch):
    """Change the parameter and the answer changes: nothing is hard-coded."""
    from assistant.rules import calculators

    p = get_param("linhai.fee_maintenance_fund")
    monkeypatch.setattr(calculators, "get_param",
                        lambda pid: p.model_copy(update={"value": Fraction(20)}) if pid == p.id else get_param(pid))
    assert run("fees", {"area_m2": 100}).part("maintenance_fund") == 2000


# ── properties ──

areas = st.decimals(min_value="0.01", max_value="1000000", places=2).map(str)


@settings(max_examples=200, deadline=None)
@given(areas)
def test_fees_are_18_yuan_per_square_metre(area):
    r = run("fees", {"area_m2": area})
    a = Fraction(area)
    assert Fraction(str(r.part("maintenance_fund"))) == a * 12
    assert Fraction(str(r.part("warranty_deposit"))) == a * 6


@settings(max_examples=100, deadline=None)
@given(areas, areas)
def test_fees_are_monotonic(a, b):
    lo, hi = sorted([Fraction(a), Fraction(b)])
    assert run("fees", {"area_m2": str(lo)}).value <= run("fees", {"area_m2": str(hi)}).value


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(1, 60))
def test_month_arithmetic_clamps_to_month_end(start, months):
    end = dates.add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == start.day or (end.day < start.day and (end + dt.timedelta(days=1)).day == 1)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_deadlines_are_ordered(contract):
    r = run("construction_deadlines", {"contract_date": contract.isoformat()})
    assert contract < r.part("start_by") < r.part("complete_by")
    assert (r.part("start_by") - contract).days <= 184


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(1, 60))
def test_workdays_skip_weekends(start, n):
    end = dates.add_workdays(start, n)
    days = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert end.weekday() < 5
    assert sum(d.weekday() < 5 for d in days) == n


@settings(max_examples=200, deadline=None)
@given(st.lists(st.decimals(min_value="-1000", max_value="1000", places=2).map(str), min_size=1, max_size=12))
def test_fiscal_reward_never_exceeds_positive_increments(increments):
    r = run("fiscal_reward", {"increments": increments})
    positive = sum(max(Fraction(x), 0) for x in increments[:8])
    assert 0 <= Fraction(str(r.value)) <= positive


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 500), st.data())
def test_leading_share_verdict_matches_exact_fraction(total, data):
    leading = data.draw(st.integers(0, total))
    r = run("leading_share", {"jurisdiction": "慈溪市", "enterprise_count": total, "leading_count": leading})
    assert (r.items[0].verdict.value == "pass") == (3 * leading >= 2 * total)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value="0.0001", max_value="100000", places=4).map(str),
       st.sampled_from(["亩", "平方米", "万平方米", "公顷"]), st.sampled_from(["亩", "平方米", "万平方米", "公顷"]))
def test_unit_conversion_round_trips(value, a, b):
    there = run("unit_convert", {"value": value, "from_unit": a, "to_unit": b}).value
    back = run("unit_convert", {"value": there, "from_unit": b, "to_unit": a}).value
    assert back == pytest.approx(float(value), rel=1e-9)


def test_all_parameters_loaded_once():
    assert load_params() is load_params()
