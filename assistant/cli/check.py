"""``python -m assistant check park|enterprise <file.json>``: compliance and eligibility checks.

Examples::

    python -m assistant check park examples/linhai_plan.json
    python -m assistant check park examples/wenzhou_plan.json --json
    python -m assistant check enterprise examples/linhai_enterprise.json --questions
    python -m assistant check enterprise profile.json --as-of 2025-06-30 --json
"""

from __future__ import annotations

import argparse
import datetime as dt

from assistant.cli import emit, iso_date
from assistant.errors import RuleError
from assistant.rules.eligibility import ENTERPRISE_FIELDS, check_enterprise, enterprise_questions
from assistant.rules.park import PARK_FIELDS, check_park, load_json_file, park_questions
from assistant.verdicts import CheckReport, Verdict

LABELS = {**{k: v[0] for k, v in PARK_FIELDS.items()}, **{k: v[0] for k, v in ENTERPRISE_FIELDS.items()}}

MARK = {Verdict.passed: "✔ 符合  ", Verdict.fail: "✘ 不符合", Verdict.warning: "⚠ 提示  ", Verdict.unknown: "？待补充"}


def register(subparsers) -> None:
    p = subparsers.add_parser("check", help="园区方案合规检查、企业入园资格检查",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="check_command", metavar="WHAT", required=True)
    pp = sub.add_parser("park", help="园区方案合规检查（临海市、温州市）")
    pp.add_argument("plan", help="园区方案 JSON 文件（字段见 examples/*_plan.json）")
    pp.add_argument("--questions", action="store_true", help="只列出还需补充的问题")
    pp.add_argument("--json", action="store_true")
    pp.set_defaults(func=cmd_park)
    ep = sub.add_parser("enterprise", help="企业入园资格检查（临海市、温州市、慈溪市）")
    ep.add_argument("profile", help="企业情况 JSON 文件（字段见 examples/*_enterprise.json）")
    ep.add_argument("--as-of", type=iso_date, default=None, help="评估日期 YYYY-MM-DD（默认今天）")
    ep.add_argument("--questions", action="store_true", help="只列出还需补充的问题")
    ep.add_argument("--json", action="store_true")
    ep.set_defaults(func=cmd_enterprise)




def cmd_park(args) -> int:
    plan = load_json_file(args.plan, "园区方案", "plan")
    return _questions_or_report(args, plan, park_questions, check_park)


def cmd_enterprise(args) -> int:
    profile = load_json_file(args.profile, "企业情况", "profile")
    if "as_of" not in profile:
        # The day of the check is not a fact about the enterprise; today is the honest default.
        profile["as_of"] = (args.as_of or dt.date.today()).isoformat()
    elif args.as_of:
        raise RuleError("评估日期已在文件中给出（as_of），不要再用 --as-of", "as_of given twice", field="as_of")
    return _questions_or_report(args, profile, enterprise_questions, check_enterprise)


def _questions_or_report(args, facts: dict, questions, check) -> int:
    """``--questions``: what is still to be asked; otherwise the full report."""
    if args.questions:
        qs = questions(facts)
        emit(qs, args.json, render_questions(qs))
        return 0
    report = check(facts)
    emit(report.model_dump(mode="json"), args.json, render_report(report))
    return 0


def render_report(r: CheckReport) -> str:
    """A check report as readable Chinese text."""
    lines = [f"{r.subject}（{r.jurisdiction}）总体结论：{r.overall.label_zh}", ""]
    for it in r.items:
        cite = "；".join(dict.fromkeys(f"《{c.title}》{c.clause}" for c in it.citations))
        lines.append(f"{MARK[it.verdict]} {it.message}")
        lines.append(f"          依据：{cite}")
    if r.missing_inputs:
        lines += ["", "待补充的信息：" + "、".join(f"{LABELS.get(f, f)}（{f}）" for f in r.missing_inputs)]
    if r.warnings:
        lines += [""] + [f"提示：{w}" for w in r.warnings]
    return "\n".join(lines)


def render_questions(qs: list[dict]) -> str:
    if not qs:
        return "所有条件都已可判断，无需补充信息。"
    return "\n".join(f"{n}. {q['question_zh']}（{q['field']}）" for n, q in enumerate(qs, 1))
