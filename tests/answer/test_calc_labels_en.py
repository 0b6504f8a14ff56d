"""An English calculation answer names its result in English: every calculator title and output label in
assistant/rules/calculators.py has an entry in assistant/data/calc_labels_en.yaml (labels built with f-strings match
one of its patterns), and a Chinese answer keeps the Chinese."""

import ast
import re
from pathlib import Path

import pytest

from assistant.answer import Assistant
from assistant.answer.handlers.calculation import _labels_en, label, result_line
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever
from assistant.rules.calculators import REGISTRY, run

CALCULATORS = Path(__file__).resolve().parents[2] / "assistant" / "rules" / "calculators.py"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _strings(node: ast.expr) -> set[str] | None:
    """Every string a label expression can take: a literal, literals joined with ``+``, a conditional of literals
    (``"履约保证金下限" + ("" if … else "（按封顶地价）")``); None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _strings(node.left), _strings(node.right)
        return None if left is None or right is None else {a + b for a in left for b in right}
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body), _strings(node.orelse)
        return None if body is None or orelse is None else body | orelse
    return None


def _sample(node: ast.JoinedStr) -> str:
    """An f-string label with each ``{…}`` replaced by "1": 第{year}年（比例{…}%） → 第1年（比例1%）."""
    return "".join(v.value if isinstance(v, ast.Constant) else "1" for v in node.values)


def _collected() -> tuple[set[str], set[str], set[str], list[str]]:
    """(titles, literal labels, f-string label samples, label expressions of any other kind) in calculators.py."""
    tree = ast.parse(CALCULATORS.read_text(encoding="utf-8"))
    titles, labels, samples, other = set(), set(), set(), []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id == "calculator":
            title = node.args[1] if len(node.args) > 1 else next(k.value for k in node.keywords if k.arg == "title_zh")
            titles.add(title.value)
        elif node.func.id == "Part":
            for k in node.keywords:
                if k.arg != "label_zh":
                    continue
                if isinstance(k.value, ast.JoinedStr):
                    samples.add(_sample(k.value))
                elif (found := _strings(k.value)) is not None:
                    labels |= found
                else:
                    other.append(ast.unparse(k.value))
    return titles, labels, samples, other


def test_the_parse_finds_every_registered_calculator_title():
    titles, labels, samples, _ = _collected()
    assert titles == {c.title_zh for c in REGISTRY.values()}
    assert "用地面积" in labels and "履约保证金下限（按封顶地价）" in labels and samples


def test_every_title_and_literal_label_has_an_english_entry():
    titles, labels, _, other = _collected()
    names, _ = _labels_en()
    assert not other, f"label_zh neither a literal nor an f-string, so it cannot be checked: {other}"
    missing = sorted((titles | labels) - set(names))
    assert not missing, f"add these to assistant/data/calc_labels_en.yaml: {missing}"
    untranslated = {zh: names[zh] for zh in titles | labels if not names[zh] or CJK.search(names[zh])}
    assert not untranslated


def test_every_f_string_label_is_translated_by_a_pattern():
    _, _, samples, _ = _collected()
    untranslated = [s for s in samples if CJK.search(label(s, "en"))]
    assert not untranslated, f"add a pattern to assistant/data/calc_labels_en.yaml for: {untranslated}"


def test_no_entry_is_left_from_a_label_the_calculators_no_longer_give():
    titles, labels, _, _ = _collected()
    names, _ = _labels_en()
    assert not sorted(set(names) - titles - labels)


@pytest.mark.parametrize("zh, en", [
    ("第3年（比例100%）", "year 3 (100%)"),
    ("第2幅（2.5亩）可否纳入", "parcel 2 (2.5 mu) may be included"),
    ("拟购置面积是否在2万平方米以内", "requested area within 20,000 m²"),
    ("用地面积", "site area"),
    ("按容积率下限至少需要的总建筑面积", "minimum total floor area at the plot-ratio floor"),
])
def test_labels_in_english(zh, en):
    assert label(zh, "en") == en and label(zh, "zh") == zh


def test_a_label_without_an_entry_stays_chinese():
    assert label("一个没有译文的标签", "en") == "一个没有译文的标签"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_calculator_example_is_titled_and_labelled_in_english(name):
    result = run(name, REGISTRY[name].example)
    assert not CJK.search(label(result.title_zh, "en"))
    assert not [p.label_zh for p in result.parts if CJK.search(label(p.label_zh, "en"))]
    if result.parts:  # the Chinese line keeps the Chinese labels
        assert result_line(result, "zh").startswith(f"{result.parts[0].label_zh} ")


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


def test_an_english_calculation_answer_has_no_chinese_in_its_first_line(assistant):
    r = assistant.ask("How much maintenance fund for 1,200 m² in Linhai?")
    first = r.answer.splitlines()[0]
    assert r.kind == "calculation" and "14,400 yuan" in first
    assert "maintenance fund" in first and not CJK.search(first), first


def test_a_chinese_calculation_answer_keeps_the_chinese_labels(assistant):
    r = assistant.ask("临海的厂房买了1200平方米，维修资金交多少？")
    first = r.answer.splitlines()[0]
    assert r.kind == "calculation"
    assert first.startswith("物业专项维修资金和物业保修金（计算）") and "物业专项维修资金 14400元" in first, first
