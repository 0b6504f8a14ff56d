"""CLI: calc list / calc <rule> --input / check park / check enterprise, text and --json, exit code 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "rules"
EXAMPLES = ROOT / "examples"


def cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_calc_list(capsys):
    code, out, _ = cli(capsys, "calc", "list", "--json")
    names = {c["name"] for c in json.loads(out)}
    assert code == 0 and {"fees", "property_rooms", "construction_deadlines", "dormitory", "unit_convert"} <= names
    code, text, _ = cli(capsys, "calc", "list")
    assert code == 0 and "物业专项维修资金" in text


def test_calc_fees_text_and_json(capsys):
    code, text, _ = cli(capsys, "calc", "fees", "--input", '{"area_m2": 850}')
    assert code == 0
    assert "10200 元" in text and "5100 元" in text and "（二十二）" in text and "征求意见稿" in text
    code, out, _ = cli(capsys, "calc", "fees", "--input", '{"area_m2": 850}', "--json")
    data = json.loads(out)
    assert code == 0 and data["value"] == 15300 and data["citations"][0]["status"] == "draft"


def test_calc_input_from_file(capsys, tmp_path):
    f = tmp_path / "in.json"
    f.write_text('{"contract_date": "2024-08-31"}', encoding="utf-8")
    code, out, _ = cli(capsys, "calc", "construction_deadlines", "--input", f"@{f}", "--json")
    assert code == 0 and json.loads(out)["value"] == "2026-08-31"


@pytest.mark.parametrize("argv, field", [
    (["calc", "fees", "--input", '{"area_m2": -1}'], "area_m2"),
    (["calc", "fees", "--input", '{"area_m2": 0}'], "area_m2"),
    (["calc", "fees", "--input", "{not json"], "input"),
    (["calc", "fees", "--input", "[1, 2]"], "input"),
    (["calc", "nonexistent", "--input", "{}"], "calculator"),
    (["calc", "nonproduction_share", "--input",
      '{"jurisdiction": "临海市", "total_floor_area_m2": 100, "nonproduction_floor_area_m2": 101}'], "nonproduction_floor_area_m2"),
])
def test_invalid_input_exits_2_naming_the_field(capsys, argv, field):
    code, out, err = cli(capsys, *argv)
    assert code == 2 and field in err and "错误" in err
    code, out, _ = cli(capsys, *argv, "--json")
    data = json.loads(out)
    assert code == 2 and data["field"] == field and data["message"]


def test_check_park_text_and_json(capsys):
    code, text, _ = cli(capsys, "check", "park", str(FIX / "wenzhou_plan_failing.json"))
    assert code == 0 and "总体结论：不符合" in text and "✘" in text and "温州市" in text
    code, out, _ = cli(capsys, "check", "park", str(FIX / "wenzhou_plan_failing.json"), "--json")
    data = json.loads(out)
    assert data["overall"] == "fail" and data["items"] and data["items"][0]["citations"]


def test_check_park_report_feeds_the_forms(capsys):
    """The JSON report is a CheckReport the form commands can read back."""
    from assistant.verdicts import CheckReport

    code, out, _ = cli(capsys, "check", "park", str(EXAMPLES / "linhai_plan.json"), "--json")
    assert code == 0 and CheckReport.model_validate_json(out).overall.value == "pass"


def test_check_park_questions(capsys):
    code, text, _ = cli(capsys, "check", "park", str(FIX / "linhai_plan_partial.json"), "--questions")
    assert code == 0 and "招拍挂" in text
    code, out, _ = cli(capsys, "check", "park", str(FIX / "linhai_plan_partial.json"), "--questions", "--json")
    assert "development_mode" in [q["field"] for q in json.loads(out)]


def test_check_park_invalid_plan_exits_2(capsys):
    code, _, err = cli(capsys, "check", "park", str(FIX / "plan_density_over_100.json"))
    assert code == 2 and "building_footprint_m2" in err
    code, _, err = cli(capsys, "check", "park", str(FIX / "broken.json"))
    assert code == 2 and "JSON" in err


def test_check_enterprise(capsys):
    code, text, _ = cli(capsys, "check", "enterprise", str(EXAMPLES / "wenzhou_enterprise.json"))
    assert code == 0 and "总体结论：符合" in text
    code, out, _ = cli(capsys, "check", "enterprise", str(FIX / "enterprise_partial.json"), "--json",
                       "--as-of", "2025-01-01")
    data = json.loads(out)
    assert data["overall"] == "unknown" and "domicile_in_park_locality" in data["missing_inputs"]
    code, text, _ = cli(capsys, "check", "enterprise", str(FIX / "enterprise_partial.json"), "--questions")
    assert code == 0 and "住所" in text


def test_module_entry_point_runs():
    """``python -m assistant calc …`` works end to end in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-m", "assistant", "calc", "fees", "--input", '{"area_m2": 850}', "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["parts"][0]["value"] == 10200
    bad = subprocess.run([sys.executable, "-m", "assistant", "check", "park", str(FIX / "plan_density_over_100.json")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "building_footprint_m2" in bad.stderr
