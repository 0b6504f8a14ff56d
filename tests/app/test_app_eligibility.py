"""入园资格自测 page in AppTest: only missing facts are asked; the checklist; the prefilled application."""

from apphelpers import (app_env, assert_no_exception, button, download_buttons, has_text, on_page,  # noqa: F401
                        plain)


def _subheaders(at) -> list[str]:
    return [plain(s.value) for s in at.subheader]


def test_asks_only_missing_facts_and_checks(app_env):
    from assistant.rules import enterprise_questions

    at = on_page("eligibility")
    assert_no_exception(at)
    asked = enterprise_questions({"jurisdiction": "临海市"})
    assert f"还需要了解 {len(asked)} 项情况" in _subheaders(at)
    # answer three facts in one go (form values go with the submit)
    at.radio(key="elig.0.is_independent_legal_person").set_value(True)
    at.radio(key="elig.0.is_industrial").set_value(True)
    at.number_input(key="elig.0.purchase_area_m2").set_value(380)
    button(at, "提交，更新自测结果").click().run()
    assert_no_exception(at)
    facts = at.session_state["elig.facts"]
    assert facts == {"is_independent_legal_person": True, "is_industrial": True, "purchase_area_m2": 380}
    # answered facts are not asked again
    still = enterprise_questions({"jurisdiction": "临海市", **facts})
    assert f"还需要了解 {len(still)} 项情况" in _subheaders(at)
    keys = {w.key for w in at.radio} | {w.key for w in at.number_input}
    assert not any(k.endswith(("is_industrial", "is_independent_legal_person", "purchase_area_m2")) for k in keys
                   if k and k.startswith("elig.1."))
    # the checklist: the legal-person criterion passes, the 380 m² unit is a (soft) warning, the rest unknown
    labels = [plain(e.label) for e in at.expander]
    assert any("依法注册登记、具有独立法人资格的工业企业 — 符合" in x for x in labels), labels
    assert any("单个入园企业建筑面积 — 提示" in x for x in labels), labels
    assert any("待补充" in x for x in labels)
    assert has_text(at, "总体结论")
    assert any("征求意见稿" in plain(w.value) for w in at.warning)


def test_checklist_cites_clauses(app_env):
    at = on_page("eligibility")
    assert any("（十）" in plain(m.value) and "《" in plain(m.value) for m in at.markdown)


def test_prefilled_application_download(app_env):
    at = on_page("eligibility")
    at.radio(key="elig.city").set_value("温州市").run()
    at.text_input(key="elig.name").set_value("测试电气有限公司").run()
    button(at, "生成申请表（DOCX / PDF）").click().run()
    assert_no_exception(at)
    files = at.session_state["elig.files"]
    assert files["docx"][:2] == b"PK" and files["pdf"][:5] == b"%PDF-"
    assert {b.label for b in download_buttons(at)} == {"下载 DOCX", "下载 PDF"}
    from forms_text import docx_text

    text = docx_text(files["docx"])
    assert "测试电气有限公司" in text and "入园条件自查清单" in text and "温州市" in text


def test_application_needs_a_name(app_env):
    at = on_page("eligibility")
    button(at, "生成申请表（DOCX / PDF）").click().run()
    assert_no_exception(at)
    assert at.error and "企业名称" in at.error[0].value
    assert "elig.files" not in at.session_state


def test_switching_city_keeps_what_still_applies(app_env):
    at = on_page("eligibility")
    at.radio(key="elig.0.is_industrial").set_value(False)
    at.number_input(key="elig.0.purchase_area_m2").set_value(900)
    button(at, "提交，更新自测结果").click().run()
    assert at.session_state["elig.facts"] == {"is_industrial": False, "purchase_area_m2": 900}
    assert any("不符合" in plain(e.label) for e in at.expander)
    at.radio(key="elig.city").set_value("温州市").run()
    assert_no_exception(at)
    assert at.session_state["elig.facts"] == {"purchase_area_m2": 900}       # 温州 reads the area, not 工业企业
    note = plain(at.info[0].value)
    assert "保留了 1 项" in note and "是否工业企业（否）" in note
    keys = {w.key for w in at.number_input}
    assert not any(k.endswith("purchase_area_m2") for k in keys if k)        # not asked again
    at.radio(key="elig.city").set_value("慈溪市").run()
    assert at.session_state["elig.facts"] == {}
    assert "全部清除" not in " ".join(b.label for b in at.button)


def test_a_ratio_in_a_title_carries_its_unit(app_env):
    at = on_page("eligibility")
    at.radio(key="elig.city").set_value("温州市").run()
    at.number_input(key="elig.1.purchase_area_m2").set_value(25000)
    button(at, "提交，更新自测结果").click().run()
    assert_no_exception(at)
    labels = [plain(e.label) for e in at.expander]
    cap = next(x for x in labels if x.startswith(tuple(f"{n}. 购置厂房面积" for n in range(1, 20))))
    assert "2.5万平方米" in cap and "（2.5；" not in cap


def test_prefilled_application_carries_park_and_chain(app_env):
    from forms_text import docx_text

    at = on_page("eligibility")
    at.radio(key="elig.city").set_value("温州市").run()
    at.text_input(key="elig.name").set_value("测试电气有限公司").run()
    at.text_input(key="elig.park").set_value("瓯海智造小微园").run()
    at.text_input(key="elig.1.industry").set_value("电气机械")
    at.text_input(key="elig.1.park_leading_industries").set_value("电气机械、鞋服")
    button(at, "提交，更新自测结果").click().run()
    button(at, "生成申请表（DOCX / PDF）").click().run()
    assert_no_exception(at)
    text = docx_text(at.session_state["elig.files"]["docx"])
    assert "瓯海智造小微园" in text and "主导行业" in text and "园区主导行业：电气机械、鞋服" in text


def test_prefill_goes_to_the_application_page(app_env):
    from ui.eligibility import prefill_from_facts

    data = prefill_from_facts({"jurisdiction": "临海市", "purchase_area_m2": 500, "is_independent_legal_person": True,
                               "is_industrial": True, "industry": "泵阀"}, "某公司", "东部园")
    assert data == {"企业名称": "某公司", "拟入驻园区": "东部园", "园区所在城市": "临海市", "申请面积": 500,
                    "所属行业": "泵阀", "是否具有独立法人资格的工业企业": "是"}
    from assistant.forms import EnterpriseProfile

    assert EnterpriseProfile.parse(data).requested_area_m2 == 500


def test_button_carries_the_facts_to_the_application_page(app_env):
    at = on_page("eligibility")
    at.text_input(key="elig.name").set_value("某精密机械公司").run()
    at.number_input(key="elig.0.purchase_area_m2").set_value(600)
    button(at, "提交，更新自测结果").click().run()
    button(at, "到“申请表下载”页补充信息").click().run()
    assert_no_exception(at)
    assert at.title[0].value == "申请表下载"
    gen = at.session_state["application.gen"]
    assert at.text_input(key=f"application.{gen}.name").value == "某精密机械公司"
    assert at.text_input(key=f"application.{gen}.park_city").value == "临海市"
    assert at.text_input(key=f"application.{gen}.requested_area_m2").value == "600"
