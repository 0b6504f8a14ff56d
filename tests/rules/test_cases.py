"""Data-driven cases (tests/rules/cases/*.yaml): thresholds exactly, just below and just above.

Each case names a calculator (``calc``) or a check (``check: park|enterprise``), its input,
and either what to expect or the field an invalid input must be blamed on (``error_field``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assistant.errors import RuleError
from assistant.rules.calculators import run
from assistant.rules.eligibility import check_enterprise
from assistant.rules.params import load_params
from assistant.rules.park import check_park

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[dict]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append({**case, "_file": path.name})
    return out


CASES = load_cases()

KNOWN_KEYS = {"id", "calc", "check", "input", "expect", "error_field", "threshold_of", "position", "_file"}
EXPECT_KEYS = {"value", "unit", "parts", "items", "absent", "overall", "missing", "not_missing"}


def _run(case):
    if "calc" in case:
        return run(case["calc"], case["input"])
    return {"park": check_park, "enterprise": check_enterprise}[case["check"]](case["input"])


def _same(actual, expected) -> bool:
    if isinstance(expected, dt.date):
        return actual == expected
    if isinstance(expected, bool) or expected is None:
        return actual is expected
    if isinstance(expected, (int, float)) and not isinstance(actual, bool):
        return actual == pytest.approx(expected, abs=1e-9)
    return actual == expected


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    assert set(case) <= KNOWN_KEYS, f"unknown keys in case {case['id']}: {set(case) - KNOWN_KEYS}"
    if "error_field" in case:
        with pytest.raises(RuleError) as exc:
            _run(case)
        assert exc.value.field == case["error_field"], exc.value.message
        assert case["error_field"] in exc.value.message  # the person reading it sees which field
        return
    result = _run(case)
    expect = case["expect"]
    assert set(expect) <= EXPECT_KEYS, f"unknown expectations in {case['id']}: {set(expect) - EXPECT_KEYS}"
    if "value" in expect:
        assert _same(result.value, expect["value"]), f"value {result.value!r} != {expect['value']!r}"
    if "unit" in expect:
        assert result.unit == expect["unit"]
    for key, want in expect.get("parts", {}).items():
        got = result.part(key)
        assert _same(got, want), f"part {key}: {got!r} != {want!r}"
    by_rule: dict[str, set[str]] = {}
    for item in result.items:
        by_rule.setdefault(item.rule_id, set()).add(item.verdict.value)
    for rule_id, verdict in expect.get("items", {}).items():
        assert rule_id in by_rule, f"no item for {rule_id}; items: {sorted(by_rule)}"
        assert by_rule[rule_id] == {verdict}, f"{rule_id}: {by_rule[rule_id]} != {verdict}"
    for rule_id in expect.get("absent", []):
        assert rule_id not in by_rule, f"{rule_id} should not apply"
    if "overall" in expect:
        assert result.overall.value == expect["overall"]
    if "missing" in expect:
        assert set(expect["missing"]) <= set(result.missing_inputs), result.missing_inputs
        if expect["missing"] == []:
            assert result.missing_inputs == ()
    for field in expect.get("not_missing", []):
        assert field not in result.missing_inputs


def test_enough_cases():
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES), "case ids must be unique"


def test_every_numeric_rule_is_pinned_at_its_threshold():
    """Each min/max/range rule has a case exactly at its threshold and one on at least one side of it."""
    positions: dict[str, set[str]] = {}
    for c in CASES:
        if "threshold_of" in c:
            positions.setdefault(c["threshold_of"], set()).add(c["position"])
    params = {p.id: p for p in load_params().params}
    assert set(positions) <= set(params), f"cases tag unknown rules: {set(positions) - set(params)}"
    lacking = [p.id for p in params.values() if p.kind in ("min", "max", "range")
               and not ("at" in positions.get(p.id, ()) and positions[p.id] & {"below", "above"})]
    assert not lacking, f"rules without at + below/above cases: {lacking}"


def test_every_value_rule_has_a_case():
    params = load_params().params
    tagged = {c.get("threshold_of") for c in CASES}
    lacking = [p.id for p in params if p.kind in ("value", "schedule") and p.id not in tagged]
    assert not lacking, f"value/schedule rules without a case: {lacking}"
