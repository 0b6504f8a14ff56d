"""``python -m assistant rules …``: the rule parameters, as data (value or bounds, unit, soft or hard, clause, quote).

Examples::

    python -m assistant rules list
    python -m assistant rules list --city 温州市 --json
    python -m assistant rules show linhai.transfer_ban_years
    python -m assistant rules show wenzhou.quality_area_cap --json --as-of 2026-01-01
    python -m assistant rules matrix [--topic 费用与税收] [--out 规则对照.xlsx|规则对照.pdf] [--json]
"""

from __future__ import annotations

import argparse

from assistant.cli import emit, iso_date
from assistant.rules.params import Param, load_params


def register(subparsers) -> None:
    p = subparsers.add_parser("rules", help="规则参数：数值、单位、软硬、依据条款与原文（rules list / rules show ID）",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="rules_command", metavar="list|show|matrix")
    lp = sub.add_parser("list", help="全部规则参数，一行一条")
    lp.add_argument("--city", help="只列该辖区，如 临海市")
    lp.add_argument("--as-of", type=iso_date, help="按该日生效的数值（YYYY-MM-DD，默认今天）")
    lp.add_argument("--json", action="store_true")
    sp = sub.add_parser("show", help="一条规则参数的全部信息")
    sp.add_argument("id", help="参数 id，如 linhai.transfer_ban_years")
    sp.add_argument("--as-of", type=iso_date, help="按该日生效的数值（YYYY-MM-DD，默认今天）")
    sp.add_argument("--json", action="store_true")
    mp = sub.add_parser("matrix", help="规则对照表：每条数值规则一行、每个地区一列（可导出 XLSX 或一页 PDF）")
    mp.add_argument("--topic", help="只列该主题，如 费用与税收")
    mp.add_argument("--out", help="写入文件：.xlsx 或 .pdf（一页）")
    mp.add_argument("--as-of", type=iso_date, help="按该日生效的数值（YYYY-MM-DD，默认今天）")
    mp.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rules, rules_command="list", city=None, as_of=None, json=False)


def contract(p: Param) -> dict:
    """One parameter for machines: everything a person needs to check it against its clause."""
    dumped = p.model_dump(mode="json", include={"value", "min", "max", "steps"})
    return {"id": p.id, "description_zh": p.description_zh, "description_en": p.description_en,
            "jurisdiction": p.jurisdiction, "status": p.status.value, "status_zh": p.status.label_zh,
            "kind": p.kind, "value": dumped["value"], "min": dumped["min"], "max": dumped["max"],
            "steps": dumped["steps"], "unit": p.unit, "inclusive": p.inclusive,
            "soft": p.soft, "qualifier": p.qualifier, "threshold_zh": p.threshold_zh(),
            "figure": p.figure() if p.kind != "condition" else None,
            "doc_id": p.doc_id, "clause": p.clause, "quote": p.quote, "effective_date": p.effective_date,
            "versions": [v.model_dump(mode="json", by_alias=True, exclude_none=True) for v in p.versions],
            "note_zh": p.note_zh}


def _line(p: Param) -> str:
    soft = f"（{p.qualifier}：软性）" if p.soft else ""
    return f"{p.id:<44} {p.threshold_zh():<22} {p.jurisdiction} {p.clause}{soft}  {p.description_zh}"


def _show(p: Param) -> str:
    lines = [f"{p.id}：{p.description_zh}", f"  {p.description_en}",
             f"  要求：{p.threshold_zh()}{'（' + p.qualifier + '：软性要求，未达到为提示）' if p.soft else ''}",
             f"  辖区：{p.jurisdiction}　文件状态：{p.status.label_zh}　施行日期：{p.effective_date or '未载明'}",
             f"  依据：{p.doc_id} {p.clause}", f"  原文：“{p.quote}”"]
    if len(p.versions) > 1:
        lines.append("  各时期数值：" + "；".join(f"{v.from_date or '未定（草案）'}起" for v in p.versions))
    if p.applies_when_zh:
        lines.append(f"  适用：{p.applies_when_zh}")
    if p.note_zh:
        lines.append(f"  说明：{p.note_zh}")
    return "\n".join(lines)


def cmd_matrix(args) -> int:
    from assistant.rules.matrix import build_matrix

    m = build_matrix(as_of=args.as_of).filter(args.topic)
    if args.out:
        from assistant.forms.rule_matrix import write_rule_matrix

        out = write_rule_matrix(m, args.out, as_of=args.as_of)
        emit({"out": str(out), "rows": len(m.rows), "jurisdictions": list(m.jurisdictions)}, args.json,
             f"已生成规则对照表：{out}（{len(m.rows)} 条规则，{len(m.jurisdictions)} 个地区）")
        return 0
    records = m.to_records()
    width = max((len(r["规则"]) for r in records), default=4)
    lines = ["　".join(["规则".ljust(width, "　"), *m.jurisdictions])]
    lines += ["　".join([r["规则"].ljust(width, "　"), *(r[j] or "—" for j in m.jurisdictions)]) for r in records]
    emit(records, args.json, "\n".join(lines))
    return 0


def cmd_rules(args) -> int:
    if args.rules_command == "matrix":
        return cmd_matrix(args)
    params = load_params(as_of=args.as_of)
    if args.rules_command == "show":
        p = params.get(args.id)
        emit(contract(p), args.json, _show(p))
        return 0
    chosen = [p for p in params.params if not args.city or p.jurisdiction == args.city]
    emit([contract(p) for p in chosen], args.json, "\n".join(_line(p) for p in chosen) + f"\n共 {len(chosen)} 条")
    return 0
