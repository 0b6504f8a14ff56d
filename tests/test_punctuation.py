"""Punctuation around clause labels is assembled by one helper (assistant.formatting): a label's own brackets are
never doubled ("（（二十二））") and no "：" follows a label's own separator ("四、：", "6.：")."""

import re

import pytest

from assistant import formatting
from assistant.messages import fill, keys, text

GLITCH = re.compile(r"[（(][（(][^（）()]*[）)][）)]|、[：:]|\d[.．][：:]")


@pytest.mark.parametrize("label,body,expected", [
    ("四、", "建立健全工作机制", "四、建立健全工作机制"),
    ("6.", "完善配套", "6.完善配套"),
    ("（二十二）", "维修资金", "（二十二）维修资金"),
    ("结语", "以上", "结语：以上"),
    ("附件1", "汇总表", "附件1：汇总表"),
    ("三、（二）", "认定", "三、（二）认定"),
])
def test_labelled_never_doubles_a_separator(label, body, expected):
    assert formatting.labelled(label, body) == expected


@pytest.mark.parametrize("raw,expected", [
    ("（二十二）", "（二十二）"), ("二十二", "（二十二）"), ("(2)", "(2)"), ("（一）至（三）", "（（一）至（三））"),
    ("临海（四）", "（临海（四））"),
])
def test_bracketed_wraps_only_what_is_not_one_group(raw, expected):
    assert formatting.bracketed(raw) == expected


def test_tidy_repairs_outside_quotes_only():
    assert formatting.tidy("（（二十二））") == "（二十二）"
    assert formatting.tidy("((2))") == "(2)"
    assert formatting.tidy("见6.：内容") == "见6.内容"
    assert formatting.tidy("《通知》四、：“四、：原文”") == "《通知》四、“四、：原文”"
    assert formatting.tidy("金额为1.5：另计") == "金额为1.5：另计"   # a decimal is not a label


def test_the_tidy_scan_can_fail():
    assert GLITCH.search("《通知》四、：原文") and GLITCH.search("（（二十二））") and GLITCH.search("6.：x")


def test_every_message_with_every_clause_label_reads_cleanly(corpus):
    labels = sorted({c.label for c in corpus.clauses})
    for key in keys():
        for label in labels:
            for lang in ("zh", "en"):
                try:
                    out = text(key, lang, clause=label, title="某文件", quote="原文", asked="临海市", other="温州市",
                               missing="某词", places="某地", covered="某地", names="某事", line="某句")
                except (KeyError, IndexError):
                    continue  # the message takes other slots; the ones it takes are filled
                assert not GLITCH.search(out.replace("“原文”", "")), (key, label, out)


def test_param_clause_slots_in_brackets_are_not_doubled():
    from assistant.rules.params import load_params

    for p in load_params().params:
        out = fill("（{" + p.id + ":clause}）")
        assert not GLITCH.search(out), out
        assert formatting.bracketed(p.clause) in out


def test_calculator_descriptions_and_check_titles_read_cleanly():
    from assistant.rules import list_calculators
    from assistant.rules.criteria import criteria_for, jurisdictions_with

    for c in list_calculators():
        assert not GLITCH.search(c["description"]), c["description"]
    for check in ("park", "enterprise"):
        for city in jurisdictions_with(check):
            for c in criteria_for(check, city):
                assert not GLITCH.search(c.title()), c.title()
