"""The entry application: cites only its own city's (and the province's) clauses, and carries every fact the
self-check was told."""

import re

import pytest
from forms_readback import docx_text, pdf_text

from assistant.corpus import load_corpus
from assistant.forms import EnterpriseProfile, write_entry_application
from assistant.forms.prefill import application_data
from assistant.jurisdictions import registry
from assistant.rules import check_enterprise
from assistant.rules.criteria import jurisdictions_with

TITLE = re.compile(r"《([^《》]+)》")


def _cited_cities(text: str) -> set[str]:
    by_title = {d.meta.title: d.meta.city for d in load_corpus().documents}
    found = set()
    for title in TITLE.findall(text.replace("\n", "")):
        if title in by_title:
            found.add(by_title[title])
    return found


@pytest.mark.parametrize("city", ["临海市", "温州市", "慈溪市", "瑞安市", "浙江省"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_application_cites_only_its_city_and_the_province(tmp_path, city, fmt):
    profile = EnterpriseProfile.parse({"企业名称": "测试公司", "园区所在城市": city, "拟入驻园区": "测试园"})
    checked = registry().covering(city, jurisdictions_with("enterprise"))
    report = check_enterprise(profile, checked.name) if checked else None
    out = write_entry_application(profile, tmp_path / f"a.{fmt}", fmt, report, city=city)
    text = docx_text(out) if fmt == "docx" else pdf_text(out)
    allowed = set(registry().applicable(city, load_corpus().cities()))
    cited = _cited_cities(text)
    assert cited <= allowed, (city, cited - allowed)
    if city in ("临海市", "温州市", "瑞安市"):
        assert cited, "the city's own commitments are quoted"


def test_the_scan_sees_a_foreign_citation():
    wz = next(d.meta.title for d in load_corpus().documents if d.meta.city == "温州市")
    assert _cited_cities(f"依据：《{wz}》9.") == {"温州市"}


FACTS = {"jurisdiction": "温州市", "purchase_area_m2": 1800, "industry": "电气机械", "is_independent_legal_person": True,
         "is_industrial": True, "park_leading_industries": ["电气机械", "鞋服"], "total_tax_wan": 260,
         "tax_per_mu_wan": 35, "is_four_nos": False}


def test_every_fact_the_self_check_knows_is_on_the_application(tmp_path):
    data = application_data(FACTS, "测试电气有限公司", "瓯海智造小微园")
    assert data == {"企业名称": "测试电气有限公司", "拟入驻园区": "瓯海智造小微园", "园区所在城市": "温州市", "申请面积": 1800,
                    "所属行业": "电气机械", "是否具有独立法人资格的工业企业": "是", "产业链位置": "主导行业",
                    "产业链说明": "园区主导行业：电气机械、鞋服", "上年度税收": 260, "亩均税收": 35}
    profile = EnterpriseProfile.parse(data)
    text = docx_text(write_entry_application(profile, tmp_path / "a.docx", "docx",
                                             check_enterprise({**FACTS}), city="温州市"))
    for value in ("测试电气有限公司", "瓯海智造小微园", "1800", "电气机械", "主导行业", "园区主导行业：电气机械、鞋服", "260", "35"):
        assert value in text, value


@pytest.mark.parametrize("facts,position", [
    ({"in_leading_industry_chain": False}, "其他"),
    ({"in_leading_industry_chain": True, "industry": "包装", "park_leading_industries": ["鞋服"]}, "上下游配套"),
    ({"industry": "鞋服", "park_leading_industries": ["鞋服"]}, "主导行业"),
    ({"industry": "包装"}, None),
])
def test_chain_position_is_what_was_said(facts, position):
    assert application_data({"jurisdiction": "温州市", **facts}).get("产业链位置") == position


def test_a_no_is_carried_too():
    assert application_data({"jurisdiction": "临海市", "is_industrial": False})["是否具有独立法人资格的工业企业"] == "否"
    assert "是否具有独立法人资格的工业企业" not in application_data({"jurisdiction": "临海市", "is_industrial": True})
