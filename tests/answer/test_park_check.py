"""An officer's park project in figures: each figure judged by its city's rule, a figure the city sets no rule for
said so (never judged by another city's), a single figure left to its calculator."""

from __future__ import annotations

import pytest

from assistant.answer import Assistant
from assistant.answer.handlers.park_check import park_facts, stated_facts
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever
from assistant.rules.params import get_param


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


def test_every_fact_names_rules_that_exist():
    for fact in park_facts().facts:
        for rule in fact.rules.values():
            for rid in ([rule] if isinstance(rule, str) else rule.values()):
                assert get_param(rid).id == rid


def test_the_figures_are_read_each_as_its_own_fact():
    got = {s.fact.name: float(s.value) for s in stated_facts(
        "临海某存量用地改造园区占地60亩，非生产性用房占地面积占总占地8%、建筑面积占总建筑面积20%，是否合规？")}
    assert got == {"land_area_mu": 60, "nonproduction_land_share": 0.08, "nonproduction_floor_share": 0.2}


def test_each_figure_gets_its_verdict_and_the_mode_picks_the_site_rule(assistant):
    a = assistant.ask("临海某招拍挂新建园区占地90亩，容积率2.2，建筑密度40%，是否符合建设要求？")
    verdicts = {i.split("]")[0].strip("· [") for i in a.answer.splitlines() if i.startswith("· [")}
    assert a.kind == "calculation" and "容积率符合" in a.direct and "建筑密度符合" in a.direct
    assert "园区占地面积提示" in a.direct and "还差10亩" in a.answer and verdicts <= {"符合", "提示", "不符合"}


def test_a_figure_the_city_sets_no_rule_for_is_not_judged(assistant):
    a = assistant.ask("温州某园区容积率1.8，建筑密度30%，是否符合要求？")
    assert "容积率提示" in a.direct and "建筑密度提示" not in a.direct and "建筑密度符合" not in a.direct
    assert "温州市的文件没有规定：建筑密度" in a.direct


def test_one_figure_is_left_to_its_calculator(assistant):
    assert assistant.ask("临海园区容积率1.8，是否符合？").kind != "park_check"
    assert "逐项核查" not in assistant.ask("临海园区容积率1.8，是否符合？").direct
