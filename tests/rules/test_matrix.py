"""规则对照: built from the rule parameters (a changed or added rule shows up), read back from XLSX and the
one-page PDF."""

import io
import shutil

import pytest
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader

from assistant.forms.rule_matrix import cell_text, write_rule_matrix
from assistant.rules.matrix import DATA_FILE, OTHER_TOPIC, QUANTITATIVE, band_text, build_matrix, row_key
from assistant.rules.params import load_params
from conftest import ROOT


def _cells(m):
    return [(r, j, c) for r in m.rows for j, c in r.cells.items()]


def test_every_quantitative_rule_is_one_cell_and_nothing_else():
    m = build_matrix()
    params = [p for p in load_params().params if p.kind in QUANTITATIVE]
    cells = _cells(m)
    assert sorted(c.param_id for _, _, c in cells) == sorted(p.id for p in params)
    for row, j, c in cells:
        p = next(p for p in params if p.id == c.param_id)
        assert row.key == row_key(p) and j == p.jurisdiction
        assert c.band == band_text(p) and c.soft == p.soft and c.status is p.status and c.clause == p.clause
        assert c.text.startswith(p.qualifier) if p.soft else c.text == c.band
    conditions = [p for p in load_params().params if p.kind == "condition"]
    assert conditions and not {p.id for p in conditions} & {c.param_id for _, _, c in cells}


def test_shared_rows_put_two_places_side_by_side():
    m = build_matrix()
    assert set(m.row("plot_ratio_min").cells) == {"临海市", "温州市"}
    nps = m.row("nonproduction_floor_share").cells
    assert nps["临海市"].text == "15%–25%" and nps["温州市"].text == "原则上 10%–25%" and nps["温州市"].soft
    assert m.jurisdictions[0] == "浙江省" and set(m.jurisdictions) >= {"温州市", "临海市", "慈溪市"}


def test_every_listed_row_exists_and_every_rule_has_a_topic():
    spec = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    names = {row_key(p) for p in load_params().params if p.kind in QUANTITATIVE}
    assert set(spec["rows"]) == names        # no stale row, no rule left under 其他
    assert OTHER_TOPIC not in build_matrix().topics


def test_filter_by_topic():
    m = build_matrix()
    fees = m.filter("费用与税收")
    assert fees.rows and {r.topic for r in fees.rows} == {"费用与税收"} and fees.topic == "费用与税收"
    assert m.filter("全部") is m and m.filter(None) is m
    from assistant.errors import RuleError

    with pytest.raises(RuleError, match="没有主题"):
        m.filter("不存在的主题")


def test_a_new_rule_and_a_changed_value_follow_the_data(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    data = yaml.safe_load((rules / "wenzhou.yaml").read_text(encoding="utf-8"))
    for p in data["parameters"]:
        if p["id"] == "wenzhou.plot_ratio_min":
            p["min"] = 2.5
    data["parameters"].append({
        "id": "wenzhou.acceptance_workdays_again", "description_zh": "新增的测试规则：验收工作日",
        "description_en": "a test rule", "clause": "18.", "quote": "验收总时间最多30个工作日", "kind": "max",
        "max": 30, "unit": "工作日"})
    (rules / "wenzhou.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("XIAOWEI_RULES_DIR", str(rules))
    m = build_matrix()
    assert m.row("plot_ratio_min").cells["温州市"].text == "一般 ≥ 2.5"
    new = m.row("acceptance_workdays_again")
    assert new.topic == OTHER_TOPIC and new.label == "新增的测试规则：验收工作日"
    assert new.cells["温州市"].text == "≤ 30个工作日" and m.topics[-1] == OTHER_TOPIC


def test_xlsx_reads_back(tmp_path):
    m = build_matrix()
    wb = load_workbook(write_rule_matrix(m, tmp_path / "对照.xlsx"))
    assert wb.sheetnames == ["规则对照", "依据原文"]
    ws = wb["规则对照"]
    rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    header = rows[3]
    assert list(header[:2]) == ["主题", "规则"] and [h.split("\n")[0] for h in header[2:]] == list(m.jurisdictions)
    by_label = {r[1]: r for r in rows[4:4 + len(m.rows)]}
    lh = list(m.jurisdictions).index("临海市") + 2
    assert by_label["容积率"][lh] == "≥ 2.0（四）\n征求意见稿"
    assert by_label["建筑密度"][lh].startswith("一般 ≥ 35%")
    assert by_label["建筑密度"][list(m.jurisdictions).index("温州市") + 2] is None   # not set: blank
    soft = ws.cell(row=4 + 1 + [r.label for r in m.rows].index("建筑密度"), column=lh + 1)
    assert soft.font.color is not None and soft.font.color.rgb.endswith("9A6700")
    quotes = [r for r in wb["依据原文"].iter_rows(values_only=True)][1:]
    assert len(quotes) == len(_cells(m))
    assert all(q[8].startswith("“") and q[8].strip("“”") in load_params().get(
        next(c.param_id for _, _, c in _cells(m) if c.quote == q[8].strip("“”"))).quote for q in quotes)


@pytest.mark.parametrize("topic", [None, "入园企业"])
def test_pdf_is_one_page_with_every_row(tmp_path, topic):
    m = build_matrix().filter(topic)
    out = write_rule_matrix(m, tmp_path / "对照.pdf")
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text().replace("\n", "").replace(" ", "")
    for row in m.rows:
        assert row.label.replace(" ", "")[:8] in text, row.label
    for _, _, c in _cells(m):
        assert cell_text(c).replace(" ", "")[:6] in text


def test_unsupported_format(tmp_path):
    from assistant.errors import FormError

    with pytest.raises(FormError, match="可选 xlsx 或 pdf"):
        write_rule_matrix(build_matrix(), tmp_path / "m.docx")


def test_cli_prints_and_writes(tmp_path, capsys):
    import json

    from assistant.cli import main

    assert main(["rules", "matrix", "--topic", "费用与税收", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["主题"] for r in records} == {"费用与税收"}
    assert next(r for r in records if r["规则"] == "物业专项维修资金")["临海市"] == "12元/平方米"
    assert main(["rules", "matrix", "--out", str(tmp_path / "m.pdf")]) == 0
    assert "已生成规则对照表" in capsys.readouterr().out and (tmp_path / "m.pdf").read_bytes()[:5] == b"%PDF-"
    assert main(["rules", "matrix", "--topic", "不存在"]) == 2
    assert "没有主题" in capsys.readouterr().err
