"""Adding a county is a data change: a registry entry, one document, one rule and one check criterion — and the
assistant answers, checks and renders a form for it without a line of Python changing."""

import shutil

import pytest
import yaml

from assistant.corpus import ingest_bytes, load_corpus
from conftest import ROOT

COUNTY = "示范县"          # not a real county: it exists only in this test's data
DOC = ("示范县小微企业园入园管理办法\n"
       "一、入园条件\n"
       "（一）入园企业应为依法注册的工业企业。\n"
       "（二）单个入园企业建筑面积不得低于300平方米。\n"
       "二、附则\n"
       "本办法自发布之日起施行。\n")


@pytest.fixture
def county(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    registry = yaml.safe_load((ROOT / "assistant" / "data" / "jurisdictions.yaml").read_text(encoding="utf-8"))
    registry["jurisdictions"][COUNTY] = {"level": "county", "parent": "台州市", "slug": "shifan", "short": "示范",
                                         "en": "Shifan", "names": [COUNTY, "示范"]}
    reg_file = tmp_path / "jurisdictions.yaml"
    reg_file.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("XIAOWEI_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("XIAOWEI_RULES_DIR", str(rules))
    monkeypatch.setenv("XIAOWEI_JURISDICTIONS", str(reg_file))
    doc = ingest_bytes(DOC.encode("utf-8"), "shifan.txt", city="示范", status="in_force", kind="管理办法",
                       doc_id="shifan-rules")
    (rules / "shifan.yaml").write_text(yaml.safe_dump({
        "doc_id": doc.id, "jurisdiction": COUNTY, "status": "in_force", "effective_date": None,
        "parameters": [{"id": "shifan.unit_area_min", "description_zh": "单个入园企业建筑面积下限",
                        "description_en": "Minimum floor area per enterprise", "clause": "一、（二）",
                        "quote": "单个入园企业建筑面积不得低于300平方米", "kind": "min", "min": 300, "unit": "平方米",
                        "qualifier": "不得"}],
        "criteria": [{"check": "enterprise", "kind": "value", "param": "shifan.unit_area_min",
                      "label": "单个入园企业建筑面积", "fields": ["purchase_area_m2"]}],
    }, allow_unicode=True), encoding="utf-8")
    return doc


def test_the_document_belongs_to_the_new_county(county):
    assert county.meta.city == COUNTY
    assert COUNTY in load_corpus().cities()


def test_the_county_is_checked_from_its_own_rule(county):
    from assistant.rules import check_enterprise
    from assistant.rules.criteria import jurisdictions_with

    assert COUNTY in jurisdictions_with("enterprise")
    small = check_enterprise({"jurisdiction": "示范", "purchase_area_m2": 299})
    big = check_enterprise({"jurisdiction": COUNTY, "purchase_area_m2": 300})
    assert [(i.rule_id, i.verdict.value) for i in small.items] == [("shifan.unit_area_min", "fail")]
    assert [(i.rule_id, i.verdict.value) for i in big.items] == [("shifan.unit_area_min", "pass")]
    assert "300 平方米" in small.items[0].threshold and small.items[0].citations[0].doc_id == "shifan-rules"


def test_the_county_is_answered_from_its_document(county, tmp_path):
    from assistant.answer import Assistant
    from assistant.encoders import HashingEncoder
    from assistant.retriever import Retriever

    assistant = Assistant(Retriever(corpus=load_corpus(), encoder=HashingEncoder(256), index_root=tmp_path / "idx"))
    a = assistant.ask("示范县单个入园企业建筑面积最少多少平方米？")
    assert not a.refused
    assert a.citations[0].doc_id == "shifan-rules" and "300平方米" in a.answer
    # a neighbouring county with no document is still not covered
    b = assistant.ask("三门县单个入园企业建筑面积最少多少？")
    assert b.refused


def test_a_form_is_rendered_for_the_county(county, tmp_path):
    from assistant.forms.entry_application import build_entry_form, write_entry_application
    from assistant.forms.profile import EnterpriseProfile
    from assistant.rules import check_enterprise

    profile = EnterpriseProfile.parse({"企业名称": "示范精工有限公司", "园区所在城市": "示范县", "申请面积": 280})
    report = check_enterprise(profile, "示范县")
    form = build_entry_form(profile, report)
    text = repr(form)
    assert "示范县" in text and "300 平方米" in text and "不符合" in text and "温州" not in text
    out = write_entry_application(profile, tmp_path / "申请表.docx", report=report)
    assert out.stat().st_size > 0
