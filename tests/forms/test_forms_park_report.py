"""Park compliance report: each rule's value, threshold, verdict and citation read back."""

import pytest
from forms_readback import FORM_FIXTURES, docx_label_values, docx_table_rows, docx_text, pdf_text
from forms_readback import park_check_report  # noqa: F401 (pytest fixtures)
from openpyxl import load_workbook

from assistant.errors import FormError
from assistant.forms.park_report import SUMMARY_COLUMNS, load_report, write_park_report


def _sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_xlsx_opens_with_the_summary_then_the_details(tmp_path, park_check_report):
    out = write_park_report(park_check_report, tmp_path / "合规.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "逐项说明"]
    ws = wb["汇总"]
    rows = _sheet_rows(ws)
    assert rows[0][0] == "小微企业园规划合规检查报告"
    facts = {r[0]: r[1] for r in rows[1:7]}
    assert facts["检查对象"] == "东部小微企业产业园（二期）规划"
    assert facts["总体结论"].startswith("不符合（共 3 项：符合 1 项，不符合 1 项，待补充 1 项）")
    assert facts["待补充信息"] == "成套住宅总建筑面积"
    header_at = next(i for i, r in enumerate(rows) if r[0] == "序号")
    assert tuple(rows[header_at][:6]) == tuple(name for name, _ in SUMMARY_COLUMNS)
    body = rows[header_at + 1:header_at + 1 + len(park_check_report.items)]
    col = {name: k for k, (name, _) in enumerate(SUMMARY_COLUMNS)}
    assert [r[col["检查项目"]] for r in body] == [i.criterion for i in park_check_report.items]
    assert [r[col["数值"]] for r in body] == ["62%", "28平方米", "—"]
    assert [r[col["标准"]] for r in body] == ["≥ 70%", "≤ 30 平方米", "—"]
    assert [r[col["结论"]] for r in body] == ["不符合", "符合", "待补充"]
    assert body[0][col["依据条款"]] == "温州市实施意见9." and body[2][col["依据条款"]] == "—"
    fills = [ws.cell(row=header_at + 2 + i, column=col["结论"] + 1).fill.fgColor.rgb for i in range(3)]
    fonts = [ws.cell(row=header_at + 2 + i, column=col["结论"] + 1).font.color.rgb for i in range(3)]
    assert len(set(fills)) == 3 and len(set(fonts)) == 3       # fail / pass / unknown look different
    details = _sheet_rows(wb["逐项说明"])
    d_at = next(i for i, r in enumerate(details) if r[0] == "序号")
    first = details[d_at + 1]
    assert "《温州市“百园万企”小微企业园示范引领工程实施意见》9.：“园区主导产业生产性用房建筑面积必须达到70%以上”" in first[4]
    assert details[d_at + 2][4].startswith("《临海市小微企业产业园提质升级工作方案（征求意见稿）》（尚未生效）（二十一）")
    assert details[d_at + 3][3] == "成套住宅总建筑面积" and details[d_at + 3][4] == "（未注明依据）"


def test_docx_report(tmp_path, park_check_report):
    out = write_park_report(park_check_report, tmp_path / "合规.docx")
    pairs = docx_label_values(out)
    assert pairs["总体结论"][0].startswith("不符合")
    rows = docx_table_rows(out)
    header_at = rows.index([name for name, _ in SUMMARY_COLUMNS])
    assert rows[header_at + 1] == ["1", "主导产业生产性用房建筑面积占比", "62%", "≥ 70%", "不符合", "温州市实施意见9."]
    assert "（未注明依据）" in docx_text(out)
    assert "规则编号" not in docx_text(out)


def test_pdf_report(tmp_path, park_check_report):
    text = pdf_text(write_park_report(park_check_report, tmp_path / "合规.pdf"))
    assert "小微企业园规划合规检查报告" in text and "检查结果汇总" in text and "逐项说明" in text
    assert text.index("检查结果汇总") < text.index("逐项说明")
    assert "62%" in text and "wenzhou." not in text


def test_load_report_errors(tmp_path):
    assert load_report(FORM_FIXTURES / "park_report.json").jurisdiction == "临海市"
    with pytest.raises(FormError, match="找不到检查结果文件"):
        load_report(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"subject": "x"}', encoding="utf-8")
    with pytest.raises(FormError, match="检查结果文件格式不对"):
        load_report(bad)


def test_unsupported_format(tmp_path, park_check_report):
    with pytest.raises(FormError, match="可选 xlsx、docx 或 pdf"):
        write_park_report(park_check_report, tmp_path / "r.csv")


def test_missing_fields_are_named_in_chinese():
    from assistant.forms.labels import field_label, field_labels

    assert field_label("domicile_in_park_locality") == "住所是否迁入园区所在地"
    assert field_label("land_area_mu") == "用地面积"
    assert field_label("成套住宅总建筑面积") == "成套住宅总建筑面积"      # already a name: unchanged
    assert field_labels(["land_area_mu", "land_area_mu", "x"]) == "用地面积、x"
