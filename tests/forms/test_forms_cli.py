"""``python -m assistant form …``: the three commands, their JSON output and their errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from forms_readback import FORM_FIXTURES, docx_text, pdf_text
from forms_readback import eligibility_report  # noqa: F401 (pytest fixtures)
from openpyxl import load_workbook

from assistant.cli import form as form_cli
from assistant.cli import main
from assistant.verdicts import CheckReport

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_entry_docx_and_pdf(tmp_path, capsys):
    profile = FORM_FIXTURES / "profile_full.json"
    code, out, _ = run(capsys, "form", "entry", "--profile", str(profile), "--format", "docx",
                       "--out", str(tmp_path / "a.docx"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data == {"out": str(tmp_path / "a.docx"), "form": "入园申请表", "checklist": False}
    assert "临海市恒达精密机械有限公司" in docx_text(tmp_path / "a.docx")

    code, out, _ = run(capsys, "form", "entry", "--profile", str(profile), "--out", str(tmp_path / "a.pdf"),
                       "--check-report", str(FORM_FIXTURES / "eligibility_report.json"), "--date", "2025-01-02")
    assert code == 0 and "已生成入园申请表" in out
    text = pdf_text(tmp_path / "a.pdf")
    assert "日期：2025年1月2日" in text and "附：入园条件自查清单" in text and "总体结论 待补充" in text


def test_entry_check_city_uses_the_eligibility_seam(tmp_path, capsys, monkeypatch, eligibility_report):
    calls = []

    def fake_check(profile, city):
        calls.append((profile.name, city))
        return eligibility_report

    monkeypatch.setattr(sys.modules[__name__], "fake_check", fake_check, raising=False)
    monkeypatch.setattr(form_cli, "ELIGIBILITY_CHECK", (__name__, "fake_check"))
    code, out, _ = run(capsys, "form", "entry", "--profile", str(FORM_FIXTURES / "profile_name_only.json"),
                       "--out", str(tmp_path / "c.docx"), "--check-city", "温州市", "--json")
    assert code == 0 and json.loads(out)["checklist"] is True
    assert calls == [("临海市仅有名称科技有限公司", "温州市")]
    text = docx_text(tmp_path / "c.docx")
    assert "13.：“入园企业取得小微企业园厂房产权" in text  # commitments follow the checked city


def test_missing_seam_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(form_cli, "ELIGIBILITY_CHECK", ("assistant.no_such_module", "check"))
    code, _, err = run(capsys, "form", "entry", "--profile", str(FORM_FIXTURES / "profile_name_only.json"),
                       "--out", str(tmp_path / "c.docx"), "--check-city", "临海市")
    assert code == 2
    assert "入园资格检查尚未提供" in err and "--check-report" in err
    assert not (tmp_path / "c.docx").exists()


def test_profile_errors_name_the_field(tmp_path, capsys):
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps({"企业名称": "某公司", "统一社会信用代码": "914403001922038217"}), encoding="utf-8")
    code, out, _ = run(capsys, "form", "entry", "--profile", str(bad), "--out", str(tmp_path / "x.pdf"), "--json")
    assert code == 2
    err = json.loads(out)
    assert err["field"] == "统一社会信用代码"
    assert err["message"] == "统一社会信用代码：校验位错误，应为 6"
    assert not (tmp_path / "x.pdf").exists()


def test_table_command(tmp_path, capsys):
    rows = tmp_path / "rows.json"
    rows.write_text(json.dumps([{"县（市、区）": "鹿城区", "新建成（家）": 2, "改造提升（家）": 1,
                                 "生产制造类·园区数量（个）": 2, "生产性服务等其他类·园区数量（个）": 2}],
                               ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "form", "table", "附件3", "--rows", str(rows), "--out", str(tmp_path / "t.xlsx"),
                       "--city", "温州市", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["table"] == "附件3" and data["rows"] == 1
    assert data["warnings"] and "按建设方式" in data["warnings"][0]
    ws = load_workbook(tmp_path / "t.xlsx").active
    assert ws["A9"].value == "鹿城区" and ws["B9"].value == 2 and ws["A16"].value == "总计"

    rows.write_text(json.dumps([{"县（市、区）": "鹿城区", "新建成": 2}], ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "form", "table", "3", "--rows", str(rows), "--out", str(tmp_path / "u.xlsx"))
    assert code == 2 and "列“新建成”不是本表的列" in err


def test_park_report_from_report_and_plan(tmp_path, capsys):
    code, out, _ = run(capsys, "form", "park-report", "--report", str(FORM_FIXTURES / "park_report.json"),
                       "--out", str(tmp_path / "r.xlsx"), "--json")
    assert code == 0 and json.loads(out) == {"out": str(tmp_path / "r.xlsx"), "items": 3, "overall": "fail"}

    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"jurisdiction": "临海市", "land_area_mu": 15, "total_floor_area_m2": 20000}),
                    encoding="utf-8")
    code, out, err = run(capsys, "form", "park-report", "--plan", str(plan), "--out", str(tmp_path / "p.docx"))
    assert code == 0, err
    assert "已生成合规检查报告" in out
    assert "小微企业园规划合规检查报告" in docx_text(tmp_path / "p.docx")


def test_report_and_plan_are_exclusive(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["form", "park-report", "--out", str(tmp_path / "r.xlsx")])
    capsys.readouterr()


@pytest.mark.parametrize("out, words", [
    ("{tmp}/no/such/dir/a.docx", "输出目录不存在"),
    ("{tmp}", "输出路径是一个目录"),
    ("{tmp}/a.xlsx", "与格式 docx 不一致"),
])
def test_unwritable_outputs_are_refused(tmp_path, capsys, out, words):
    code, _, err = run(capsys, "form", "entry", "--profile", str(FORM_FIXTURES / "profile_name_only.json"),
                       "--format", "docx", "--out", out.format(tmp=tmp_path))
    assert code == 2
    assert words in err


def test_module_entry_point(tmp_path):
    # the command is discovered by `python -m assistant` in a fresh interpreter
    out = tmp_path / "m.xlsx"
    proc = subprocess.run([sys.executable, "-m", "assistant", "form", "table", "附件1", "--rows",
                           str(FORM_FIXTURES / "rows_att1.json"), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "已生成附件1" in proc.stdout
    assert load_workbook(out).active["A5"].value == "台州市"


def test_fixture_reports_are_check_reports():
    for name in ("eligibility_report.json", "park_report.json"):
        CheckReport.model_validate_json((FORM_FIXTURES / name).read_bytes())


def test_check_city_with_the_real_eligibility_check(tmp_path, capsys):
    # the rules' check_enterprise accepts the form's profile: the checklist is filled end to end
    code, out, err = run(capsys, "form", "entry", "--profile", str(FORM_FIXTURES / "profile_full.json"),
                         "--out", str(tmp_path / "r.docx"), "--check-city", "临海市", "--json")
    assert code == 0, err
    assert json.loads(out)["checklist"] is True
    text = docx_text(tmp_path / "r.docx")
    assert "未进行入园条件检查" not in text
    missing = next(line for line in text.splitlines() if line.startswith("待补充的信息："))
    assert "住所是否迁入园区所在地" in missing
    assert "_" not in missing, "field ids must be shown by their Chinese names"


@pytest.mark.parametrize("table, rows, cell, value", [
    ("附件2", "rows_att2.json", "C6", "（示例）鹿城小微企业园"),
    ("附件3", "rows_att3.csv", "E10", 60.25),
])
def test_example_rows_files(tmp_path, capsys, table, rows, cell, value):
    out = tmp_path / f"{table}.xlsx"
    code, _, err = run(capsys, "form", "table", table, "--rows", str(FORM_FIXTURES / rows), "--out", str(out))
    assert code == 0, err
    assert load_workbook(out).active[cell].value == value
