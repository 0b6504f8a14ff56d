"""Figures offered for a yes, and the figures a line states, by unit family."""

import pytest

from assistant.answer.offers import offered_figures, stated_families, unit_family


@pytest.mark.parametrize("question, offered", [
    ("临海厂房几年内不能卖，是不是3年", [("3", "年")]),
    ("公示期应该是7个工作日吧", [("7", "工作日")]),
    ("温州三年引导入园的，是1万家吧", [("1", "家")]),
    ("Is it 1200 m²?", [("1200", "面积")]),
    # a bound, an act, or no marker: a yes/no on the rule, no figure offered
    ("临海小微园容积率是不是2.0以下就行", []),
    ("临海入园企业5年内可以转让吗", []),
    ("我买了1200平", []),
    ("温州小微园开发运营单位第7年奖励20%吗", []),
])
def test_offered_figures(question, offered):
    assert offered_figures(question) == offered


def test_working_days_are_not_days_and_a_year_is_no_figure():
    assert unit_family("个工作日") == "工作日" and unit_family("日") == "天" and unit_family("万家") == "家"
    assert stated_families("温州市：2019年起，确保开工审批最多100天") == {"天"}
