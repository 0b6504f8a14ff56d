"""When a rule's value changes in rules/*.yaml (the 临海 draft published with other numbers), every verdict, message,
generated form and report follows — no figure is kept anywhere else."""

import shutil

import openpyxl
import pytest
import yaml

from conftest import ROOT


@pytest.fixture
def changed_rules(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    data = yaml.safe_load((rules / "linhai.yaml").read_text(encoding="utf-8"))
    for p in data["parameters"]:
        if p["id"] == "linhai.unit_area_min":
            p["min"] = 500
        if p["id"] == "linhai.transfer_ban_years":
            p["value"] = 3
    (rules / "linhai.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("XIAOWEI_RULES_DIR", str(rules))
    return rules


def _unit_item(report):
    return next(i for i in report.items if i.rule_id == "linhai.unit_area_min")


def test_before_the_change(tmp_path):
    from assistant.rules import check_enterprise, run

    item = _unit_item(check_enterprise({"jurisdiction": "临海市", "purchase_area_m2": 450}))
    assert item.verdict.value == "pass" and "400" in item.threshold
    assert run("transfer_ban", {"acquired_date": "2020-03-01"}).value.isoformat() == "2025-03-01"


def test_verdicts_messages_forms_and_reports_follow_the_parameter(changed_rules, tmp_path):
    from assistant.forms.entry_application import build_entry_form
    from assistant.forms.park_report import write_park_report
    from assistant.forms.profile import EnterpriseProfile
    from assistant.rules import check_enterprise, check_park, run
    from assistant.rules.calculators import REGISTRY

    # verdict and message
    item = _unit_item(check_enterprise({"jurisdiction": "临海市", "purchase_area_m2": 450}))
    assert item.verdict.value == "warning" and "500" in item.threshold and "400" not in item.message
    # a calculator's result, formula and description
    r = run("transfer_ban", {"acquired_date": "2020-03-01"})
    assert r.value.isoformat() == "2023-03-01" and "3年" in r.formula_zh and "5年" not in r.formula_zh
    assert "3年内" in REGISTRY["transfer_ban"].description
    # the entry application's commitment
    profile = EnterpriseProfile.parse({"企业名称": "某公司", "园区所在城市": "临海市"})
    text = repr(build_entry_form(profile))
    assert "自入园起3年内" in text and "自入园起5年内" not in text
    # the park report
    report = check_park({"jurisdiction": "临海市", "unit_areas_m2": [450, 900]})
    out = write_park_report(report, tmp_path / "report.xlsx")
    cells = [str(c.value) for row in openpyxl.load_workbook(out).active.iter_rows() for c in row if c.value]
    assert any("500" in c for c in cells) and not any("≥ 400" in c for c in cells)
