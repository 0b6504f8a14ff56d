"""图表 page in AppTest: the Wenzhou plan per county (chart with data, the table below, blanks never drawn as 0),
the deadlines of a contract date on a timeline, dates typed in Chinese."""

import datetime as dt

from apphelpers import app_env, assert_no_exception, chart_frames, charts, on_page, plain  # noqa: F401

from assistant.rules.timeline import deadlines


def test_plan_chart_has_every_county_and_the_table_below(app_env):
    at = on_page("charts")
    assert_no_exception(at)
    plan = charts(at)[0]
    data = chart_frames(plan)[0]
    assert "温州市" not in set(data["县（市、区）"])          # the city total is off unless asked for
    assert dict(zip(data["县（市、区）"], data["数值"]))["乐清市"] == 1350
    assert "瓯江口产业集聚区" not in set(data["县（市、区）"])   # "-": no bar
    assert any("瓯江口产业集聚区·用地（“-”（未设定））" in plain(c.value) for c in at.caption)
    table = at.dataframe[0].value
    assert list(table["县（市、区）"])[:2] == ["温州市", "鹿城区"]
    assert table.set_index("县（市、区）").loc["瓯江口产业集聚区", "用地"] == "-"


def test_park_counts_by_type_keep_blank_cells_blank(app_env):
    at = on_page("charts")
    at.radio(key="charts.plan.view").set_value("parks").run()
    assert_no_exception(at)
    data = chart_frames(charts(at)[0])[0]
    assert set(data["系列"]) == {"工业小微园", "电商园", "科创园"}
    kechuang = data[data["系列"] == "科创园"]
    assert "文成县" not in set(kechuang["县（市、区）"]) and "泰顺县" not in set(kechuang["县（市、区）"])
    assert (data["数值"] > 0).all()
    table = at.dataframe[0].value.set_index("县（市、区）")
    assert table.loc["文成县", "科创园"] == ""                  # blank in the source, blank here
    at.checkbox(key="charts.plan.total").check().run()
    assert "温州市" in set(chart_frames(charts(at)[0])[0]["县（市、区）"])


def test_timeline_of_a_contract_date(app_env):
    at = on_page("charts")
    at.text_input(key="charts.contract").set_value("2024年8月31日").run()
    assert_no_exception(at)
    timeline = charts(at)[1]
    data = chart_frames(timeline)[0]
    expected = deadlines(dt.date(2024, 8, 31))
    assert list(data["截止日"]) == [p.end.isoformat() for p in expected]
    assert "临海市·开工期限" in set(data["期限"]) and "2025年2月28日" in set(data["截止"])


def test_a_bad_date_is_said_in_chinese(app_env):
    at = on_page("charts")
    at.text_input(key="charts.contract").set_value("2024-13-45").run()
    assert_no_exception(at)
    assert at.error and "日期有误" in at.error[0].value and "合同签订日期" in plain(at.error[0].value)
    assert len(charts(at)) == 1   # only the plan chart
