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


def test_summary_table_coloured_and_ratios_against_their_bands(app_env):
    import re

    from apphelpers import chart_frames, charts

    at = on_page("park")
    button(at, "载入临海市示例方案").click().run()
    at.number_input(key="park.1.building_footprint_m2").set_value(18000)   # density below 35%: a soft miss
    button(at, "核验").click().run()
    assert_no_exception(at)
    report = at.session_state["park.result"][0]
    summary = at.dataframe[0].value
    assert list(summary.columns) == ["序号", "检查项目", "数值", "标准", "结论", "依据条款"]
    assert len(summary) == len(report.items)
    assert not summary["数值"].astype(str).str.contains(r"True|False|\d\.\d{3,}|linhai\.").any()
    density = summary.set_index("检查项目").loc["建筑密度"]
    assert density["数值"].endswith("%") and density["结论"] == "提示"
    styles = at.dataframe[0].proto.arrow_data.styler.styles
    assert "color" in styles and re.search(r"background-color: #FFF2CC", styles)   # the warning's colour
    import pandas as pd

    bands = pd.concat(chart_frames(charts(at)[0])).drop_duplicates("检查项目")
    assert "建筑密度" in set(bands["检查项目"]) and "容积率" in set(bands["检查项目"])
    row = bands.set_index("检查项目").loc["建筑密度"]
    assert row["下限"] == 35 and row["结论"] == "warning" and row["数值"] < 35


def test_pdf_report_opens_with_the_summary(app_env):
    from forms_text import pdf_text

    at = on_page("park")
    at.radio(key="park.city.0").set_value("温州市").run()
    button(at, "载入温州市示例方案").click().run()
    button(at, "核验").click().run()
    files = at.session_state["park.result"][2]
    text = pdf_text(files["pdf"])
    assert text.index("检查结果汇总") < text.index("逐项说明") and "wenzhou." not in text
