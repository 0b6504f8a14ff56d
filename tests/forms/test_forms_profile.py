"""Enterprise profile: only 企业名称 required; every error names its field in Chinese."""

import pytest

from assistant.forms.profile import EnterpriseProfile, ProfileError, load_profile

from forms_readback import FORM_FIXTURES, fixture_json
from forms_readback import full_profile, name_only_profile  # noqa: F401 (pytest fixtures)


def _error(**fields) -> ProfileError:
    with pytest.raises(ProfileError) as info:
        EnterpriseProfile.parse({"企业名称": "某某有限公司", **fields})
    return info.value


def test_name_alone_is_a_valid_profile():
    p = EnterpriseProfile.parse({"企业名称": "  临海市某某有限公司 "})
    assert p.name == "临海市某某有限公司"
    others = {k: v for k, v in p.model_dump().items() if k != "name"}
    assert others and all(v is None for v in others.values())


@pytest.mark.parametrize("data", [{}, {"企业名称": ""}, {"企业名称": "   "}, {"联系人": "李梅"}])
def test_name_is_required(data):
    with pytest.raises(ProfileError) as info:
        EnterpriseProfile.parse(data)
    assert info.value.field == "企业名称"
    assert info.value.message.startswith("企业名称：")


def test_chinese_and_attribute_keys_are_the_same_profile():
    chinese = EnterpriseProfile.parse(fixture_json("profile_full.json"))
    english = EnterpriseProfile.parse(chinese.model_dump(exclude_none=True))
    assert chinese == english
    assert chinese.education.bachelor == 10 and chinese.independent_industrial is True


def test_blank_strings_mean_unknown():
    p = EnterpriseProfile.parse({"企业名称": "某公司", "联系电话": "", "上年度产值": "", "拟购置或租赁": " "})
    assert p.contact_phone is None and p.output_value is None and p.acquisition is None


@pytest.mark.parametrize("phone", ["13812345678", "+8613812345678", "138 1234 5678", "0576-85123456",
                                   "057685123456", "0571-87059132", "010-62345678", "0576-85123456-808"])
def test_valid_phones(phone):
    assert EnterpriseProfile.parse({"企业名称": "某公司", "联系电话": phone}).contact_phone == phone


@pytest.mark.parametrize("phone", ["12345", "12812345678", "1381234567", "85123456", "0576-1234", "电话"])
def test_invalid_phones_name_the_field(phone):
    e = _error(联系电话=phone)
    assert e.field == "联系电话"
    assert e.message.startswith("联系电话：") and phone in e.message


@pytest.mark.parametrize("key, label", [("上年度产值", "上年度产值（万元）"), ("上年度税收", "上年度税收（万元）"),
                                        ("上年度综合能耗", "上年度综合能耗（吨标准煤）"), ("研发投入", "上年度研发投入（万元）"),
                                        ("员工人数", "员工人数（人）"), ("亩均税收", "亩均税收（万元/亩）")])
def test_negative_amounts_fail(key, label):
    e = _error(**{key: -1})
    assert e.message == f"{label}：不能为负数，收到 -1"


@pytest.mark.parametrize("area", [0, -50, 1_000_000, 5e7])
def test_absurd_areas_fail(area):
    e = _error(申请面积=area)
    assert e.field == "申请面积（m²）"


def test_plausible_areas_pass():
    for area in (30, 400, 1200.5, 20_000, 100_000):
        assert EnterpriseProfile.parse({"企业名称": "某公司", "申请面积": area}).requested_area_m2 == area


def test_type_errors_are_in_chinese_with_the_value():
    # the one quantity parser: "1,200" is 1200 here as in a question; "1,2" is ambiguous and refused, naming the field
    assert EnterpriseProfile.parse({"企业名称": "某公司", "上年度税收": "1,200"}).tax_paid == 1200
    assert EnterpriseProfile.parse({"企业名称": "某公司", "上年度税收": "一千二百"}).tax_paid == 1200
    assert _error(上年度税收="1,2").message == "上年度税收（万元）：“1,2”有歧义：千位分隔符后应为三位数字"
    assert _error(上年度税收="很多").message.startswith("上年度税收（万元）：")
    assert _error(员工人数=3.5).message == "员工人数（人）：应为整数，收到“3.5”"
    assert "应为以下之一：购置、租赁" in _error(拟购置或租赁="买").message
    assert _error(未知字段=1).message == "未知字段：不是可识别的字段"


def test_all_problems_are_reported_together():
    e = _error(联系电话="1", 上年度产值=-3, 申请面积=0)
    assert [label for label, _ in e.problems] == ["联系电话", "上年度产值（万元）", "申请面积（m²）"]


def test_education_cannot_exceed_headcount():
    e = _error(员工人数=5, 学历结构={"本科": 4, "大专": 3})
    assert e.message == "学历结构：各学历人数合计 7 人，超过员工人数 5 人"
    assert _error(学历结构={"本科": -1}).message.startswith("学历结构·本科（人）：不能为负数")


def test_industry_code_format():
    assert EnterpriseProfile.parse({"企业名称": "某", "行业代码": "C3411"}).industry_code == "C3411"
    assert _error(行业代码="34-11").field == "行业代码"


def test_derived_figures_only_when_inputs_known(full_profile, name_only_profile):
    assert full_profile.rd_ratio() == pytest.approx(120 / 3200)
    assert full_profile.college_share() == pytest.approx(28 / 48)
    assert name_only_profile.rd_ratio() is None and name_only_profile.college_share() is None


def test_load_profile_errors_are_readable(tmp_path):
    assert load_profile(FORM_FIXTURES / "profile_name_only.json").name
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception, match="不是有效的 JSON"):
        load_profile(bad)
    with pytest.raises(Exception, match="找不到企业信息文件"):
        load_profile(tmp_path / "missing.json")


def test_control_characters_in_the_name_are_removed_not_a_crash(tmp_path):
    """python-docx refused a NUL in 企业名称 (not XML); the profile boundary removes control characters."""
    from docx import Document

    from assistant.forms.entry_application import write_entry_application
    from assistant.forms.profile import EnterpriseProfile

    p = EnterpriseProfile.parse({"企业名称": "甲\x00科技\x1b[31m有限公司\x07", "联系人": "张\x0b三"})
    assert p.name == "甲科技有限公司" and p.contact_person == "张 三"   # a line-breaking character reads as a space
    out = write_entry_application(p, tmp_path / "a.docx", "docx")
    text = "\n".join(c.text for t in Document(out).tables for row in t.rows for c in row.cells)
    assert "甲科技有限公司" in text
