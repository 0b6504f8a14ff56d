"""园区指标核验 page in AppTest: plan in, verdicts out, report downloads; an impossible plan is an input error."""

from apphelpers import app_env, assert_no_exception, button, download_buttons, on_page, plain  # noqa: F401
from forms_text import docx_text, xlsx_values


def test_example_plan_checked_and_reports_downloadable(app_env):
    at = on_page("park")
    button(at, "载入临海市示例方案").click().run()
    assert_no_exception(at)
    button(at, "核验").click().run()
    assert_no_exception(at)
    report, questions, files = at.session_state["park.result"]
    assert report.jurisdiction == "临海市" and report.items
    labels = [plain(e.label) for e in at.expander]
    assert any("容积率 — " in x for x in labels)
    assert files["xlsx"][:2] == b"PK" and files["docx"][:2] == b"PK"
    assert any("容积率" in v for v in xlsx_values(files["xlsx"]))
    assert "小微企业园规划合规检查报告" in docx_text(files["docx"])
    assert {b.label for b in download_buttons(at)} == {"下载 XLSX", "下载 DOCX", "下载 PDF"}


def test_missing_data_is_unknown_and_asked_for(app_env):
    at = on_page("park")
    at.number_input(key="park.0.land_area_mu").set_value(80)
    button(at, "核验").click().run()
    assert_no_exception(at)
    report, questions, _ = at.session_state["park.result"]
    assert report.overall.value == "unknown" and questions
    assert any("还需补充的数据" in plain(e.label) for e in at.expander)


def test_impossible_plan_is_an_input_error(app_env):
    at = on_page("park")
    at.number_input(key="park.0.land_area_mu").set_value(10)            # 6666.67 m²
    at.number_input(key="park.0.building_footprint_m2").set_value(9000)  # more than the land
    button(at, "核验").click().run()
    assert_no_exception(at)
    assert at.error and "方案数据有误" in at.error[0].value and "建筑密度超过100%" in at.error[0].value
    assert "park.result" not in at.session_state


def test_wenzhou_list_fields_parse(app_env):
    from ui.park import check, example_plan

    plan = example_plan("温州市")
    report, _ = check(plan)
    assert report.jurisdiction == "温州市"
