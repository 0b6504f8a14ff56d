"""Shared UI pieces: escaping (clause and user text never become markup), quote highlighting, field widgets."""

import doctest

import pytest
from apphelpers import plain

import ui.components
import ui.fields
from ui.components import highlighted_markdown, md_escape, split_quote


@pytest.mark.parametrize("module", [ui.components, ui.fields])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "**粗体** _斜体_ `代码`", "[链接](javascript:alert(1))", "$E=mc^2$",
    ":red[红色] :material/home:", "# 标题\n- 列表\n1. 编号", "&lt;b&gt; &amp;", "\t缩进的表格单元\n    四个空格",
    "反斜杠 \\ 和 | 竖线 | ~删除~",
])
def test_escaped_text_reads_back_unchanged(text):
    escaped = md_escape(text)
    assert "<" not in escaped.replace("\\<", "")
    for ch in "*_`[]$:#&|~":
        assert ch not in escaped.replace("\\" + ch, "").replace("\\\\", ""), (ch, escaped)
    expected = "\n".join(line.lstrip(" \t") for line in text.split("\n"))
    assert plain(escaped) == expected


def test_highlight_splits_the_clause_around_the_quote():
    text = "（五）前一句。被引用的一句，含*星号*。后一句。"
    quote = "被引用的一句，含*星号*。"
    assert split_quote(text, quote) == ("（五）前一句。", quote, "后一句。")
    md = highlighted_markdown(text, quote)
    assert md.count(":orange-background[") == 1
    assert "\\*星号\\*" in md
    # the quote at its own offset when the same words occur twice
    twice = "同一句。同一句。"
    assert split_quote(twice, "同一句。", 4) == ("同一句。", "同一句。", "")
    # a quote not in the text: the text, unmarked
    assert highlighted_markdown("正文", "别处") == "正文"


def test_field_kinds_follow_the_models():
    from assistant.rules import REGISTRY, ParkPlan
    from ui.fields import describe, to_input

    kinds = {n: describe(f.annotation, f.is_required()).kind for n, f in ParkPlan.model_fields.items()}
    assert kinds["land_area_mu"] == "number" and kinds["enterprise_count"] == "integer"
    assert kinds["has_dormitory"] == "bool" and kinds["contract_date"] == "date"
    assert kinds["development_mode"] == "choice" and kinds["unit_areas_m2"] == "number_list"
    assert kinds["leading_industries"] == "text_list"
    fees = REGISTRY["fees"].input_model.model_fields["area_m2"]
    assert describe(fees.annotation, fees.is_required()).optional is False
    assert to_input(describe(tuple[float, ...]), "600, 800，1200、 2400") == ["600", "800", "1200", "2400"]
    assert to_input(describe(float), 850.0) == 850
    assert to_input(describe(str), "  ") is None


_SHOWN = __import__("re").compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'])")


def shown(markdown: str) -> str:
    """What the renderer sees once escapes are resolved (word joiners kept: they are what breaks the links)."""
    return _SHOWN.sub(r"\1", markdown)


@pytest.mark.parametrize("text", [
    "详见 http://evil.example/领取补贴", "HTTPS://EVIL.EXAMPLE", "访问 www.evil.example 了解", "联系 a.b@evil.example",
    ":material/home: 首页", "表情 :smile: 与 :red[红]", "javascript:alert(1)", "ftp://x.example/y",
])
def test_urls_mails_icons_and_emoji_codes_are_not_rendered(text):
    import re

    out = shown(md_escape(text))
    assert not re.search(r"(?i)https?://|ftp://|www\.|\w@\w|:[a-z_]+[/:\[]", out), out
    assert out.replace("\u2060", "") == text   # and it reads as typed
    assert plain(md_escape(text)) == text


def test_badge_labels_are_escaped():
    from ui.components import label

    assert label(":material/home: 温州市") == "\\:\u2060material/home\\: 温州市"
    assert label("一\n二") == "一 二"
