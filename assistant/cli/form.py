"""``python -m assistant form …``: entry application, staff tables, park compliance report.

Examples::

    python -m assistant form entry --profile p.json --format pdf --out 申请表.pdf
    python -m assistant form entry --profile p.json --out 申请表.docx --check-city 临海市
    python -m assistant form entry --profile p.json --out 申请表.docx --check-report eligibility.json
    python -m assistant form table 附件2 --rows rows.json --out 附件2.xlsx --city 温州市
    python -m assistant form park-report --report report.json --out 合规检查.xlsx
    python -m assistant form park-report --plan plan.json --out 合规检查.docx
"""

from __future__ import annotations

import argparse
import importlib

from assistant.cli import emit, iso_date
from assistant.errors import FormError

# The renderers (fpdf, python-docx, openpyxl) are imported by the command that writes a form: importing them
# here cost every other command (``ask`` too) 0.8 s, because the parser registers all subcommands.

# Seams to checks that assistant/rules provides. They are looked up when used,
# so the form commands work before those land; point these at the real
# functions when they do. Expected signatures:
#   eligibility(profile: EnterpriseProfile, city: str) -> CheckReport
#   park_check(plan_path: str) -> CheckReport
ELIGIBILITY_CHECK = ("assistant.rules.eligibility", "check_enterprise")
PARK_PLAN_CHECK = ("assistant.rules.park", "check_plan_file")


def _seam(target: tuple[str, str], what_zh: str, instead: str):
    module, name = target
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise FormError(f"{what_zh}尚未提供（{module}.{name}）；请改用 {instead} 传入检查结果 JSON。",
                        f"{module}.{name} is not available yet; pass a CheckReport JSON with {instead}.",
                        field=instead) from None




def _entry(args) -> int:
    from assistant.forms.entry_application import write_entry_application
    from assistant.forms.park_report import load_report
    from assistant.forms.profile import load_profile

    profile = load_profile(args.profile)
    report = None
    if args.check_report:
        report = load_report(args.check_report)
    elif args.check_city:
        check = _seam(ELIGIBILITY_CHECK, "入园资格检查", "--check-report")
        report = check(profile, args.check_city)
    city = args.city or profile.park_city or args.check_city
    out = write_entry_application(profile, args.out, args.format, report, city=city, date=args.date)
    data = {"out": str(out), "form": "入园申请表", "checklist": report is not None}
    emit(data, args.json, f"已生成入园申请表：{out}" + ("" if report else "（未附资格检查清单）"))
    return 0


def _table(args) -> int:
    from assistant.forms.staff_tables import read_rows, write_staff_table

    filled = write_staff_table(args.table, read_rows(args.rows), args.out, city=args.city)
    rows = sum(len(r) for r in filled.rows.values())
    data = {"out": args.out, "table": filled.layout.id, "rows": rows, "warnings": filled.warnings}
    text = "\n".join([f"已生成{filled.layout.id}（{filled.layout.title}，{rows}行）：{args.out}",
                      *[f"提示：{w}" for w in filled.warnings]])
    emit(data, args.json, text)
    return 0


def _park_report(args) -> int:
    from assistant.forms.park_report import load_report, write_park_report

    if args.report:
        report = load_report(args.report)
    else:
        check = _seam(PARK_PLAN_CHECK, "园区规划检查", "--report")
        report = check(args.plan)
    out = write_park_report(report, args.out)
    emit({"out": str(out), "items": len(report.items), "overall": report.overall.value}, args.json,
         f"已生成合规检查报告（{len(report.items)}项，总体结论：{report.overall.label_zh}）：{out}")
    return 0


def register(subparsers) -> None:
    form = subparsers.add_parser("form", help="生成表格：入园申请表、报表、合规检查报告",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = form.add_subparsers(dest="form_command", metavar="FORM", required=True)

    p = sub.add_parser("entry", help="入园申请表（DOCX 或 PDF）")
    p.add_argument("--profile", required=True, help="企业信息 JSON（键为中文字段名，只有“企业名称”必填）")
    p.add_argument("--format", choices=("docx", "pdf"), help="默认按 --out 的扩展名")
    p.add_argument("--out", required=True, help="输出文件")
    p.add_argument("--check-report", help="入园资格检查结果（CheckReport JSON），附在申请表后")
    p.add_argument("--check-city", help="按该城市的规定做入园资格检查并附清单，如 临海市")
    p.add_argument("--city", help="园区所在地（决定承诺条款；默认取企业信息中的“园区所在城市”）")
    p.add_argument("--date", type=iso_date, help="填表日期 YYYY-MM-DD（默认留空待手填）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_entry)

    p = sub.add_parser("table", help="浙中小企业办〔2018〕14号 附件1–3 报表（XLSX）")
    p.add_argument("table", help="附件1、附件2 或 附件3（也可写 1、2、3）")
    p.add_argument("--rows", required=True, help="数据：JSON（行的数组，或 {分块: [行]}）或 UTF-8 CSV；键为列名")
    p.add_argument("--out", required=True, help="输出 .xlsx 文件")
    p.add_argument("--city", help="填入盖章行的市名，如 温州市")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_table)

    p = sub.add_parser("park-report", help="园区规划合规检查报告（XLSX、DOCX 或 PDF）")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--report", help="园区规划检查结果（CheckReport JSON）")
    src.add_argument("--plan", help="园区规划数据文件：由园区规划检查直接生成报告（该检查上线后可用）")
    p.add_argument("--out", required=True, help="输出 .xlsx、.docx 或 .pdf 文件")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_park_report)
