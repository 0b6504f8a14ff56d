"""计算器 page in AppTest: a fee computed with its formula and clause; invalid input gets a Chinese message."""

from apphelpers import app_env, assert_no_exception, button, has_text, on_page, texts  # noqa: F401


def test_every_calculator_has_a_form(app_env):
    from assistant.rules import list_calculators

    at = on_page("calculators")
    assert_no_exception(at)
    names = [c["name"] for c in list_calculators()]
    assert list(at.selectbox(key="calc.name").options) == [c["title_zh"] for c in list_calculators()]
    for name in names:
        at.selectbox(key="calc.name").set_value(name).run()
        assert_no_exception(at)
        button(at, "计算").click().run()
        assert_no_exception(at)
        assert not at.error, (name, [e.value for e in at.error])  # each example input computes
        assert at.session_state["calc.result"][0] == name


def test_fee_computed_with_formula_and_citation(app_env):
    at = on_page("calculators")
    at.number_input(key="calc.fees.area_m2").set_value(1000)  # form values go with the submit
    button(at, "计算").click().run()
    assert_no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["物业专项维修资金"] == "12000元"
    assert metrics["物业保修金"] == "6000元"
    assert metrics["合计"] == "18000元"
    shown = texts(at)
    assert any("1000 × 12 = 12000" in t for t in shown)             # the formula with the numbers
    assert any("《临海市小微企业产业园提质升级工作方案（征求意见稿）》" in t and "（二十二）" in t for t in shown)
    assert at.warning, "the draft status is flagged"


def test_invalid_input_is_explained_in_chinese(app_env):
    at = on_page("calculators")
    at.number_input(key="calc.fees.area_m2").set_value(-5)
    button(at, "计算").click().run()
    assert_no_exception(at)
    assert at.error and "无法计算" in at.error[0].value and "大于 0" in at.error[0].value
    assert "calc.result" not in at.session_state


def test_list_and_date_inputs(app_env):
    at = on_page("calculators")
    at.selectbox(key="calc.name").set_value("corner_land").run()
    at.text_input(key="calc.corner_land.parcels_mu").set_value("2.5，8、1")
    button(at, "计算").click().run()
    assert_no_exception(at)
    result = at.session_state["calc.result"][1]
    assert result.inputs["parcels_mu"] == [2.5, 8, 1]
    at.selectbox(key="calc.name").set_value("transfer_ban").run()
    button(at, "计算").click().run()
    assert_no_exception(at)
    assert has_text(at, "计算方法")


def test_dates_and_shares_read_as_a_person_writes_them(app_env):
    import datetime as dt

    from ui.calculators import shown

    assert shown(dt.date(2025, 2, 28), "日期") == "2025年2月28日" and shown("2025-02-28", "日期") == "2025年2月28日"
    assert shown(True) == "是" and shown(33.3333, "%") == "33.33%" and shown(None) == "—"
    at = on_page("calculators")
    at.selectbox(key="calc.name").set_value("construction_deadlines").run()
    button(at, "计算").click().run()
    assert_no_exception(at)
    values = {m.label: m.value for m in at.metric}
    assert values["最迟开工日"].endswith("日") and "日期" not in values["最迟开工日"] and "-" not in values["最迟开工日"]
