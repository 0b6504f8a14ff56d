"""Park-plan check: one item per rule, unknown items name the missing input, reports carry the document status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import RuleError
from assistant.models import Status
from assistant.rules.params import load_params
from assistant.rules.park import PARK_FIELDS, ParkPlan, check_park, check_plan_file, park_questions
from assistant.verdicts import Verdict, overall_verdict

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "rules"
EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("city, prefix", [("临海市", "linhai."), ("温州市", "wenzhou.")])
def test_an_empty_plan_lists_only_its_citys_rules_and_asks_for_inputs(city, prefix):
    r = check_park({"jurisdiction": city})
    assert r.items and all(i.rule_id.startswith(prefix) for i in r.items)
    assert r.overall is Verdict.unknown
    assert all(i.verdict is Verdict.unknown and i.missing for i in r.items)
    assert set(r.missing_inputs) <= set(ParkPlan.model_fields)


def test_every_unknown_item_names_fields_the_plan_has():
    r = check_park({"jurisdiction": "临海市"})
    for item in r.items:
        assert set(item.missing) <= set(ParkPlan.model_fields), item
        assert all(f in PARK_FIELDS for f in item.missing), f"no question for {item.missing}"


def test_items_carry_value_threshold_and_citation():
    r = check_park(json.loads((EXAMPLES / "linhai_plan.json").read_text(encoding="utf-8")))
    assert r.overall is Verdict.passed and not r.missing_inputs
    for item in r.items:
        assert item.citations and item.message
        assert item.verdict is Verdict.passed
    plot = next(i for i in r.items if i.rule_id == "linhai.plot_ratio_min")
    assert plot.value == 2.25 and plot.threshold == "≥ 2.0"


def test_linhai_report_warns_that_the_rules_are_a_draft():
    r = check_park({"jurisdiction": "临海市", "land_area_mu": 100})
    assert any("征求意见稿" in w for w in r.warnings)
    assert all(c.status is Status.draft for i in r.items for c in i.citations)


def test_wenzhou_report_is_in_force_but_cautions_about_validity():
    r = check_park({"jurisdiction": "温州市"})
    assert all(c.status is Status.in_force for i in r.items for c in i.citations)
    assert any("核实" in w for w in r.warnings) and not any("征求意见稿" in w for w in r.warnings)


def test_the_same_share_differs_by_city():
    plan = {"total_floor_area_m2": 100000, "nonproduction_floor_area_m2": 12000}
    lh = check_park({"jurisdiction": "临海市", **plan})
    wz = check_park({"jurisdiction": "温州市", **plan})
    assert next(i for i in lh.items if i.rule_id == "linhai.nonproduction_floor_share").verdict is Verdict.fail
    assert next(i for i in wz.items if i.rule_id == "wenzhou.nonproduction_floor_share").verdict is Verdict.passed


def test_overall_follows_the_shared_rule():
    r = check_plan_file(FIX / "wenzhou_plan_failing.json")
    assert r.overall is overall_verdict(r.items) is Verdict.fail
    failing = [i.rule_id for i in r.items if i.verdict is Verdict.fail]
    assert failing == ["wenzhou.leading_industry_floor_share_min"]


def test_partial_plan_from_file():
    r = check_plan_file(FIX / "linhai_plan_partial.json")
    verdicts = {i.rule_id: i.verdict for i in r.items}
    assert verdicts["linhai.plot_ratio_min"] is Verdict.fail                # 80 亩 = 53333.33 m²: 100000 / 53333.33 = 1.875
    assert verdicts["linhai.nonproduction_floor_share"] is Verdict.fail     # 12% < 15%
    assert verdicts["linhai.land_area_new_min"] is Verdict.unknown          # 80 亩: depends on the mode
    start = next(i for i in r.items if i.rule_id == "linhai.start_within_months")
    assert start.missing == ("start_date",) and "2024-07-31" in start.threshold  # the deadline is known already


def test_questions_follow_the_missing_inputs():
    qs = park_questions(json.loads((FIX / "linhai_plan_partial.json").read_text(encoding="utf-8")))
    fields = [q["field"] for q in qs]
    assert "development_mode" in fields and "start_date" in fields
    assert "land_area_mu" not in fields and "total_floor_area_m2" not in fields
    assert all(q["question_zh"].endswith("？") and q["rule_ids"] for q in qs)


def test_answering_a_question_removes_it():
    plan = json.loads((FIX / "linhai_plan_partial.json").read_text(encoding="utf-8"))
    before = {q["field"] for q in park_questions(plan)}
    after = {q["field"] for q in park_questions({**plan, "development_mode": "renovation"})}
    assert "development_mode" in before and "development_mode" not in after and after < before


def test_invalid_plan_file_names_the_field():
    with pytest.raises(RuleError) as exc:
        check_plan_file(FIX / "plan_density_over_100.json")
    assert exc.value.field == "building_footprint_m2" and "100%" in exc.value.message


@pytest.mark.parametrize("name, field", [("broken.json", "plan"), ("does_not_exist.json", "plan")])
def test_unreadable_plan_file(name, field):
    with pytest.raises(RuleError) as exc:
        check_plan_file(FIX / name)
    assert exc.value.field == field


def test_every_park_rule_of_both_cities_can_appear():
    """No rule of the park chapters is forgotten by the check."""
    full = {"development_mode": "renovation", "land_area_mu": 120, "total_floor_area_m2": 180000,
            "building_footprint_m2": 30000, "nonproduction_land_m2": 4000, "nonproduction_floor_area_m2": 30000,
            "self_held_nonproduction_m2": 5000, "property_office_m2": 270, "property_business_m2": 270,
            "leading_industries": ["甲"], "enterprise_count": 20, "leading_industry_enterprise_count": 15,
            "unit_areas_m2": [500], "dorm_room_areas_m2": [20], "dorm_suite_areas_m2": [50], "dorm_total_floor_m2": 1000,
            "contract_date": "2024-01-01", "start_date": "2024-03-01", "completion_date": "2025-06-01",
            "has_professional_operator": True, "in_operation": True, "has_public_facilities": True,
            "leading_industry_production_floor_m2": 120000, "land_in_production_years": 6}
    seen = {i.rule_id for city in ("临海市", "温州市") for i in check_park({"jurisdiction": city, **full}).items}
    park_rules = {"linhai.land_area_renovation_min", "linhai.plot_ratio_min", "linhai.building_density_min",
                  "linhai.nonproduction_land_share_max", "linhai.nonproduction_floor_share", "linhai.self_held_share_min",
                  "linhai.property_rooms_total", "linhai.property_rooms_office", "linhai.property_rooms_business",
                  "linhai.start_within_months", "linhai.completion_within_months", "linhai.leading_industries_count",
                  "linhai.enterprise_count_min", "linhai.same_industry_share_min", "linhai.professional_operator",
                  "linhai.unit_area_min", "linhai.dorm_room_area_max", "linhai.dorm_suite_share_max",
                  "linhai.dorm_suite_area_max", "wenzhou.plot_ratio_min", "wenzhou.nonproduction_floor_share",
                  "wenzhou.leading_industry_floor_share_min", "wenzhou.construction_period_max",
                  "wenzhou.professional_operator_area_min", "wenzhou.public_facilities_area_min",
                  "wenzhou.redevelopment_production_years_min", "wenzhou.redevelopment_area_min"}
    assert park_rules <= seen, park_rules - seen
    assert seen <= {p.id for p in load_params().params}
