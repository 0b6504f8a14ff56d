"""``python -m assistant calc …``: run a rule calculator by name.

Examples::

    python -m assistant calc list
    python -m assistant calc fees --input '{"area_m2": 850}'
    python -m assistant calc construction_deadlines --input '{"contract_date": "2024-08-31"}' --json
    python -m assistant calc dormitory --input @dorm.json
"""

from __future__ import annotations

import argparse

from assistant import textin
from assistant.cli import emit
from assistant.errors import RuleError
from assistant.models import STATUS_ZH
from assistant.rules.calculators import CalcResult, list_calculators, run
from assistant.verdicts import Verdict

MARK = {Verdict.passed: "✔", Verdict.fail: "✘", Verdict.warning: "⚠", Verdict.unknown: "？"}


def register(subparsers) -> None:
    p = subparsers.add_parser("calc", help="规则计算器：费用、期限、比例、单位换算（calc list 查看全部）",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", nargs="?", default="list", help="计算器名称，或 list")
    p.add_argument("--input", default=None, help="JSON 对象，或 @文件名")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_calc)


def parse_json_arg(text: str | None, field: str = "input") -> dict:
    """``--input`` as a dict: inline JSON or ``@file.json``, through the input boundary (size, encoding,
    depth, number sizes; dates must lie in 1949–2100 — a year-9999 date overflowed the date arithmetic)."""
    if text is None:
        return {}
    if text.startswith("@"):
        data = textin.read_json_file(text[1:], field, what_zh="输入文件", error=RuleError)
        source = text[1:]
    else:
        data = textin.parse_json(text, "--input", field, what_zh="--input", error=RuleError)
        source = "--input"
    data = textin.expect_object(data, source, field, what_zh=source, error=RuleError)
    textin.check_dates_in(data, field, error=RuleError)
    return data


def cmd_calc(args) -> int:
    if args.name == "list":
        data = list_calculators()
        width = max(len(c["name"]) for c in data)
        lines = [f"{c['name']:<{width}}  {c['title_zh']}：{c['description']}\n{'':<{width}}  输入：{', '.join(c['inputs'])}"
                 for c in data]
        emit(data, args.json, "\n".join(lines))
        return 0
    result = run(args.name, parse_json_arg(args.input))
    emit(result.model_dump(mode="json"), args.json, render_result(result))
    return 0


def _value(v, unit: str) -> str:
    """``15300`` + ``元`` → ``15300 元``; dates and ratios without a space; booleans as 是/否."""
    if isinstance(v, bool):
        return "是" if v else "否"
    if v is None:
        return "—" + (f"（{unit}）" if unit else "")
    if unit in ("", "日期"):
        return str(v)
    return f"{v}{unit}" if unit in ("%", "‰") else f"{v} {unit}"


def render_result(r: CalcResult) -> str:
    """A calculation as readable Chinese text."""
    shown = Verdict(r.value).label_zh if r.items and r.value in {v.value for v in Verdict} else _value(r.value, r.unit)
    lines = [r.title_zh, f"结果：{shown}"]
    for p in r.parts:
        lines.append(f"  {p.label_zh}：{_value(p.value, p.unit)}")
    for it in r.items:
        lines.append(f"  {MARK[it.verdict]} {it.message}")
    lines.append(f"计算方法：{r.formula_zh}")
    for c in r.citations:
        lines.append(f"依据：《{c.title}》{c.clause}“{c.quote}”〔{STATUS_ZH[c.status] if c.status else ''}〕")
    lines += [f"提示：{w}" for w in r.warnings]
    return "\n".join(lines)

