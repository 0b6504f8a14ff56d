"""Park compliance report: each rule's value, threshold, verdict and citation read back."""

import pytest
from forms_readback import FORM_FIXTURES, docx_label_values, docx_table_rows, docx_text, pdf_text
from forms_readback import park_check_report  # noqa: F401 (pytest fixtures)
from openpyxl import load_workbook

from assistant.errors import FormError
from assistant.forms.park_report import COLUMNS, load_report, write_park_report


def test_xlsx_has_one_row_per_item_with_citations(tmp_path, park_check_report):
    out = write_park_report(park_check_report, tmp_path / "合规.xlsx")
    ws = load_workbook(out).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "小微企业园规划合规检查报告"
    summary = {r[0]: r[1] for r in rows[1:6]}
    assert summary["检查对象"] == "东部小微企业产业园（二期）规划"
    assert summary["总体结论"] == "不符合"
    assert summary["待补充信息"] == "成套住宅总建筑面积"
    header_at = next(i for i, r in enumerate(rows) if r[0] == "序号")
    assert tuple(rows[header_at]) == tuple(name for name, _ in COLUMNS)
    body = rows[header_at + 1:]
    assert len(body) == len(park_check_report.items)
    col = {name: k for k, (name, _) in enumerate(COLUMNS)}
    for row, item in zip(body, park_check_report.items):
        assert row[col["规则编号"]] == item.rule_id
        assert row[col["检查项目"]] == item.criterion
        assert row[col["结论"]] == item.verdict.label_zh
        assert row[col["标准"]] == item.threshold
        for c in item.citations:
            assert c.clause in row[col["依据条款"]] and c.title in row[col["依据条款"]]
            assert f"“{c.quote}”" in row[col["原文引用"]]
    assert body[0][col["数值"]] == "0.62"
    assert "（尚未生效）（二十一）" in body[1][col["依据条款"]]     # 临海's draft is flagged
    assert body[2][col["数值"]] is None and body[2][col["依据条款"]] is None  # unknown: blank, not "None"
    assert body[2][col["待补充信息"]] == "成套住宅总建筑面积"
    fills = [ws.cell(row=header_at + 2 + i, column=col["结论"] + 1).fill.fgColor.rgb for i in range(3)]
    assert len(set(fills)) == 3  # fail / pass / unknown look different


def test_docx_report(tmp_path, park_check_report):
    out = write_park_report(park_check_report, tmp_path / "合规.docx")
    pairs = docx_label_values(out)
    assert pairs["总体结论"] == ["不符合"]
    assert pairs["规则编号"][0] == "wenzhou.park.production_share"
    assert pairs["标准"][0] == "≥ 70%"
    cited = [r for r in docx_table_rows(out) if len(r) == 2 and r[0].startswith("《")]
    assert cited[0] == ["《温州市“百园万企”小微企业园示范引领工程实施意见》9.", "“园区主导产业生产性用房建筑面积必须达到70%以上”"]
    assert "（未注明依据）" in docx_text(out)


def test_pdf_report(tmp_path, park_check_report):
    text = pdf_text(write_park_report(park_check_report, tmp_path / "合规.pdf"))
    assert "小微企业园规划合规检查报告" in text
    assert "总体结论 不符合" in text and "规则编号 wenzhou.park.production_share" in text


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
