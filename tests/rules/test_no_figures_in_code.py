"""No Python source restates a rule's figure: every figure a user sees comes from a parameter through a template.

The scan reads every string literal (f-string parts included) under assistant/ and ui/ and looks for each
parameter's value written the ways a person would write it with its unit ("6个月", "70%", "2万㎡", "400平方米").
"""

import ast
import re
from fractions import Fraction
from pathlib import Path

import pytest

from assistant.rules.params import load_params

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*ROOT.glob("assistant/**/*.py"), *ROOT.glob("ui/**/*.py"), ROOT / "app.py"])

SPELLINGS = {"平方米": ["平方米", "㎡", "平米", "m2", "m²"], "万平方米": ["万平方米", "万㎡", "万平米"], "亩": ["亩"],
             "%": ["%", "％"], "‰": ["‰"], "个月": ["个月"], "年": ["年"], "日": ["日", "天"], "天": ["天", "日"],
             "工作日": ["个工作日", "工作日"], "家": ["家"], "个": ["个"], "元/平方米": ["元/平方米", "元/㎡", "元"],
             "万元": ["万元", "万"], "万元/亩": ["万元", "万"], "比例": [""], "": []}


def _numbers(p) -> list[Fraction]:
    return [x for x in (p.value, p.min, p.max) if x is not None] + [s.rate for s in p.steps]


def _written(x: Fraction) -> list[str]:
    out = []
    if x.denominator == 1:
        out.append(str(x.numerator))
    else:
        out.append(f"{x.numerator}/{x.denominator}")
        dec = float(x)
        if round(dec, 4) == dec:
            out.append(f"{dec:g}")
    return out


def written_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for p in load_params().params:
        for x in _numbers(p):
            for n in _written(x):
                if n + p.unit == "100%":
                    continue  # a whole ("占比超过100%") is arithmetic, not the fiscal-reward step
                for unit in SPELLINGS.get(p.unit, []):
                    if unit:
                        forms[n + unit] = p.id
                if p.unit == "比例":
                    forms[n] = p.id
    return forms


def string_literals(path: Path):
    """String constants except docstrings (which no user reads; their doctests run against the real parameters)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            docstrings.add(id(node.body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def offenders(forms: dict[str, str], sources=SOURCES) -> list[str]:
    pattern = re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))
    found = []
    for path in sources:
        for line, text in string_literals(path):
            for m in pattern.finditer(text):
                before = text[m.start() - 1] if m.start() else ""
                if before.isdigit() or before == ".":
                    continue  # "1200平方米" is not "200平方米"
                found.append(f"{path.relative_to(ROOT)}:{line}: {m.group(0)!r} restates {forms[m.group(0)]}")
    return found


def test_no_rule_figure_is_written_in_python_source():
    assert not offenders(written_forms())


def test_the_scan_finds_a_restated_figure(tmp_path, monkeypatch):
    bad = tmp_path / "bad.py"
    bad.write_text('"""Docstring: 6个月 is fine here."""\nMESSAGE = f"开工期限为合同签订后6个月内，{x}"\n', encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    found = offenders(written_forms(), [bad])
    assert len(found) == 1 and "6个月" in found[0] and "linhai.start_within_months" in found[0]


@pytest.mark.parametrize("form", ["6个月", "24个月", "100亩", "70%", "2万平方米", "15家", "12元/平方米", "400平方米", "2/3"])
def test_forms_cover_the_rules_people_quote(form):
    assert form in written_forms()
