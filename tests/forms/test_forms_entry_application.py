"""入园申请表: values read back from DOCX and PDF in their places, blanks blank,
commitments quoted verbatim by city, checklist from a CheckReport."""

import datetime as dt

import pytest
from forms_readback import docx_label_values, docx_table_rows, docx_text, fixture_json, pdf_text
from forms_readback import full_profile, name_only_profile, eligibility_report  # noqa: F401 (pytest fixtures)

from assistant.errors import FormError
from assistant.forms.entry_application import build_entry_form, city_rules, write_entry_application
from assistant.forms.profile import EnterpriseProfile

# label on the form → the value the full fixture gives (as the form prints it)
EXPECTED = {
    "企业名称": "临海市恒达精密机械有限公司",
    "统一社会信用代码": "914403001922038216",
    "法定代表人": "王建国",
    "联系人": "李梅",
    "联系电话": "0576-85123456",
    "注册地址": "浙江省台州市临海市古城街道靖江南路188号",
    "是否具有独立法人资格的工业企业": "是",
    "拟入驻园区": "临海市东部小微企业产业园",
    "园区所在地（市、县）": "临海市",
    "拟购置或租赁": "购置",
    "申请面积（m²）": "1200",
    "上年度产值（万元）": "3200",
    "上年度税收（万元）": "156.5",
    "上年度综合能耗（吨标准煤）": "410",
    "用地面积（亩）": "12",
    "亩均税收（万元/亩）": "13.04",
    "亩均增加值（万元/亩）": "88",
    "所属行业（国民经济行业分类）": "通用设备制造业",
    "行业代码": "C3411",
    "产业链位置": "主导行业",
    "产业链说明（主导产品、上下游配套关系）": "为园区主导的泵阀产业提供精密铸件",
}
# 五度 table rows: (五度, 指标) → value
FIVE_DEGREES = {
    ("科技高度", "上年度研发投入（万元）"): "120",
    ("科技高度", "研发投入占上年度产值比例（按所填数据计算）"): "3.8%",
    ("投资强度", "投资强度（万元/亩）"): "450",
    ("投资强度", "计划投资额（万元）"): "2000",
    ("税收贡献度", "上年度税收（万元）"): "156.5",
    ("税收贡献度", "亩均税收（万元/亩）"): "13.04",
    ("两化融合度", "两化融合情况"): "已上线ERP与MES系统",
    ("员工文化程度", "员工人数（人）"): "48",
    ("员工文化程度", "学历结构·硕士及以上（人）"): "2",
    ("员工文化程度", "学历结构·本科（人）"): "10",
    ("员工文化程度", "学历结构·大专（人）"): "16",
    ("员工文化程度", "学历结构·高中及以下（人）"): "20",
    ("员工文化程度", "大专及以上学历占比（按所填数据计算）"): "58.3%",
}
LINHAI_13 = ("入园企业在5年内不得进行转让产权，如因企业发展壮大需要外迁或经营不善需转让产权的，转让前须取得属地镇（街道）"
             "或开发区审核同意")
LINHAI_10 = "入园时需将住所迁入园区所在地或重新在园区所在地设立独立的法人企业"
WENZHOU_13 = "入园企业取得小微企业园厂房产权或租赁使用权后，未经批准不得转让、转租。"


def five_degree_rows(path):
    return {(r[0], r[1]): r[2] for r in docx_table_rows(path) if len(r) == 3 and r[0] != "五度"}


def test_docx_has_every_value_in_its_place(tmp_path, full_profile):
    out = write_entry_application(full_profile, tmp_path / "申请表.docx")
    pairs = docx_label_values(out)
    for label, value in EXPECTED.items():
        assert value in pairs[label], f"{label}: {pairs.get(label)}"
    assert five_degree_rows(out) == FIVE_DEGREES


def test_name_only_docx_is_clearly_blank(tmp_path, name_only_profile):
    out = write_entry_application(name_only_profile, tmp_path / "blank.docx")
    pairs = docx_label_values(out)
    assert pairs["企业名称"] == ["临海市仅有名称科技有限公司"]
    for label in EXPECTED:
        if label != "企业名称":
            assert set(pairs[label]) == {""}, f"{label} should be blank: {pairs[label]}"
    assert set(five_degree_rows(out).values()) == {""}
    text = docx_text(out)
    assert "＿＿＿＿年＿＿月＿＿日" in text            # date left for the signer
    assert "未填写园区所在城市，未列出地方入园条款" in text
    assert "未进行入园条件检查" in text
    for value in ("914403001922038216", "王建国", "0576-85123456", "156.5", "C3411", "精密铸件"):
        assert value not in text


def test_pdf_has_every_value_and_labels(tmp_path, full_profile):
    out = write_entry_application(full_profile, tmp_path / "申请表.pdf")
    text = pdf_text(out)
    flat = text.replace("\n", "")
    for label, value in EXPECTED.items():
        assert value in flat, value
    for value in FIVE_DEGREES.values():
        assert value in flat
    # labels short enough not to wrap are followed directly by their value
    for label in ("企业名称", "统一社会信用代码", "法定代表人", "联系人", "联系电话", "注册地址",
                  "园区所在地（市、县）", "拟购置或租赁", "申请面积（m²）", "上年度产值（万元）",
                  "上年度税收（万元）", "用地面积（亩）", "亩均税收（万元/亩）", "行业代码", "产业链位置"):
        assert f"{label} {EXPECTED[label]}" in text, label
    for (degree, label), value in FIVE_DEGREES.items():
        assert f"{degree} {label} {value}" in text


def test_name_only_pdf_is_blank(tmp_path, name_only_profile):
    out = write_entry_application(name_only_profile, tmp_path / "blank.pdf")
    text = pdf_text(out)
    assert "临海市仅有名称科技有限公司" in text
    lines = text.splitlines()
    # Rows of the grid: label, (blank), label, (blank) → the line holds only the labels
    assert "统一社会信用代码 法定代表人" in lines
    assert "联系人 联系电话" in lines
    for value in ("914403001922038216", "王建国", "0576-85123456", "3200", "156.5", "C3411"):
        assert value not in text


def test_pdf_embeds_a_cjk_font(tmp_path, name_only_profile):
    from pypdf import PdfReader

    out = write_entry_application(name_only_profile, tmp_path / "f.pdf")
    fonts = []
    for page in PdfReader(str(out)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", []):
                fonts.append(desc.get_object()["/FontDescriptor"].get_object())
    assert fonts and all("/FontFile2" in f for f in fonts), "the TrueType font must be embedded"
    assert "\x00" not in pdf_text(out)


def test_linhai_commitments_quote_the_clauses_verbatim(tmp_path, full_profile):
    text = docx_text(write_entry_application(full_profile, tmp_path / "a.docx"))
    for clause, quote in (("（十三）", LINHAI_13), ("（十）", LINHAI_10)):
        assert f"{clause}：“" in text
        assert quote in text
    assert "（十三）：“入园企业在5年内不得进行转让产权" in text
    assert "征求意见稿，尚未生效" in text              # the draft is flagged
    assert WENZHOU_13 not in text


@pytest.mark.parametrize("city", ["温州市", "温州", "乐清市", "温州市鹿城区"])
def test_wenzhou_commitments_by_city(tmp_path, name_only_profile, city):
    text = docx_text(write_entry_application(name_only_profile, tmp_path / "w.docx", city=city))
    assert "13.：“" + WENZHOU_13 in text
    assert "9.：“实施企业入园合同管理" in text
    assert LINHAI_13 not in text
    assert "征求意见稿，尚未生效；正式文件发布后" not in text  # 温州's opinions are in force


def test_city_without_clauses_says_so(tmp_path, name_only_profile):
    text = docx_text(write_entry_application(name_only_profile, tmp_path / "c.docx", city="慈溪市"))
    assert "没有慈溪市的入园承诺条款" in text
    assert "本企业承诺：本申请表所填信息" in text


def test_city_rules_matching():
    assert city_rules("临海")[0] == "临海市"
    assert city_rules("瑞安市")[0] == "温州市"
    assert city_rules("台州市") == (None, None)
    assert city_rules(None) == (None, None)


def test_space_notes_follow_the_city(tmp_path, full_profile):
    text = docx_text(write_entry_application(full_profile, tmp_path / "s.docx"))
    assert "（二十）：“单个入园企业建筑面积一般不得低于400平方米”" in text


def test_checklist_from_report(tmp_path, full_profile, eligibility_report):
    out = write_entry_application(full_profile, tmp_path / "c.docx", report=eligibility_report)
    rows = [r for r in docx_table_rows(out) if len(r) == 7]
    assert rows[0][:3] == ["序号", "条件", "结论"]
    body = rows[1:]
    assert len(body) == len(eligibility_report.items)
    for row, item in zip(body, eligibility_report.items):
        assert row[1] == item.criterion
        assert row[2] == item.verdict.label_zh
        for c in item.citations:
            assert c.clause in row[6] and c.quote in row[6]
    assert body[1][3] == "350"
    text = docx_text(out)
    assert "待补充的信息：上年度综合能耗" in text
    assert "未进行入园条件检查" not in text

    # table cells that wrap interleave in extracted PDF text: look for short cells only
    pdf = pdf_text(write_entry_application(full_profile, tmp_path / "c.pdf", report=eligibility_report))
    assert "附：入园条件自查清单" in pdf
    assert "总体结论 待补充" in pdf
    assert "待补充的信息：上年度综合能耗" in pdf


def test_date_is_printed_when_given(tmp_path, name_only_profile):
    text = docx_text(write_entry_application(name_only_profile, tmp_path / "d.docx", date=dt.date(2025, 3, 8)))
    assert "日期：2025年3月8日" in text


def test_same_words_in_both_formats(full_profile, eligibility_report):
    form = build_entry_form(full_profile, eligibility_report)
    texts = form.texts()
    assert texts[0] == "小微企业园入园申请表"
    assert any(LINHAI_13 in t for t in texts)


def test_format_errors(tmp_path, name_only_profile):
    with pytest.raises(FormError, match="不支持的格式"):
        write_entry_application(name_only_profile, tmp_path / "a.txt")
    with pytest.raises(FormError, match="不一致"):
        write_entry_application(name_only_profile, tmp_path / "a.docx", "pdf")
    assert write_entry_application(name_only_profile, tmp_path / "noext", "pdf").read_bytes()[:5] == b"%PDF-"


def test_profile_fixture_is_what_the_test_expects():
    # keeps EXPECTED honest: every expected value comes from the fixture file
    raw = fixture_json("profile_full.json")
    p = EnterpriseProfile.parse(raw)
    assert p.name == EXPECTED["企业名称"] and p.requested_area_m2 == 1200
