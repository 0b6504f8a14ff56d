"""Park compliance report: a park-plan :class:`CheckReport` as XLSX, DOCX (or PDF).

One row per rule: rule id, what is checked, the value, the threshold, the
verdict, the message, and each citation as clause + verbatim quote.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from assistant import textin
from assistant.errors import FormError
from assistant.forms.document import Form, Heading, Paragraph, Table, fields
from assistant.forms.labels import field_labels
from assistant.forms.output import defuse_formulas, write_atomic
from assistant.forms.profile import fmt_number
from assistant.forms.render_docx import render_docx
from assistant.forms.render_pdf import render_pdf
from assistant.models import Citation, Status
from assistant.verdicts import CheckItem, CheckReport, Verdict

TITLE = "小微企业园规划合规检查报告"
COLUMNS = (("序号", 6), ("规则编号", 16), ("检查项目", 26), ("数值", 12), ("标准", 14), ("结论", 12),
           ("说明", 36), ("待补充信息", 16), ("依据条款", 30), ("原文引用", 50))
VERDICT_FILL = {Verdict.passed: "D9EAD3", Verdict.fail: "F4CCCC", Verdict.warning: "FFF2CC",
                Verdict.unknown: "E0E0E0"}
FORMATS = ("xlsx", "docx", "pdf")


def load_report(path: str | Path) -> CheckReport:
    """A CheckReport from JSON (as written by ``CheckReport.model_dump_json``), through the input boundary."""
    p = Path(path)
    data = textin.read_json_file(p, "report", what_zh="检查结果文件", error=FormError)
    try:
        return CheckReport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise FormError(f"检查结果文件格式不对（{where}：{first['msg']}）：{p}",
                        f"not a CheckReport JSON ({where}: {first['msg']}): {p}", field="report") from None


def clause_label(c: Citation) -> str:
    """《title》（尚未生效）clause — the draft mark tells a reader the rule is not yet in force."""
    draft = "（尚未生效）" if c.status is Status.draft else ""
    return f"《{c.title}》{draft}{c.clause}"


def _value(v) -> str:
    if v is None:
        return ""
    return fmt_number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)


def item_cells(n: int, item: CheckItem) -> tuple[str, ...]:
    """The report row for one item, as text, in ``COLUMNS`` order."""
    return (str(n), item.rule_id, item.criterion, _value(item.value), item.threshold or "",
            item.verdict.label_zh, item.message, field_labels(item.missing),
            "\n".join(clause_label(c) for c in item.citations),
            "\n".join(f"“{c.quote}”" for c in item.citations))


def _summary(report: CheckReport) -> list[tuple[str, str]]:
    return [("检查对象", report.subject), ("适用地区", report.jurisdiction),
            ("总体结论", report.overall.label_zh),
            ("待补充信息", field_labels(report.missing_inputs)),
            ("提示", "\n".join(report.warnings))]


def render_report_xlsx(report: CheckReport, path: str | Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "合规检查"
    font, bold = Font(name="宋体", size=10.5), Font(name="宋体", size=10.5, bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    n = len(COLUMNS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=1, column=1, value=TITLE).font = Font(name="宋体", size=16, bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    r = 2
    for label, value in _summary(report):
        ws.cell(row=r, column=1, value=label).font = bold
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=n)
        c = ws.cell(row=r, column=2, value=value or None)
        c.font, c.alignment = font, wrap
        r += 1
    r += 1
    header_row = r
    for k, (name, width) in enumerate(COLUMNS, 1):
        c = ws.cell(row=r, column=k, value=name)
        c.font, c.fill, c.border = bold, PatternFill("solid", fgColor="EDEDED"), border
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(k)].width = width
    for i, item in enumerate(report.items, 1):
        r += 1
        for k, text in enumerate(item_cells(i, item), 1):
            c = ws.cell(row=r, column=k, value=text or None)
            c.font, c.alignment, c.border = font, wrap, border
        ws.cell(row=r, column=6).fill = PatternFill("solid", fgColor=VERDICT_FILL[item.verdict])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n)}{max(r, header_row)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = TITLE
    defuse_formulas(wb)  # values from users and documents are text, never formulas
    wb.save(str(path))


def build_report_form(report: CheckReport) -> Form:
    """The report as a layout model (for DOCX and PDF)."""
    summary = _summary(report)
    blocks: list = [fields(*[(k, v) for k, v in summary])]
    if not report.items:
        blocks.append(Paragraph("检查结果中没有检查项。"))
    for i, item in enumerate(report.items, 1):
        cells = item_cells(i, item)
        blocks.append(Heading(f"{i}. {item.criterion}（{item.verdict.label_zh}）"))
        label = [name for name, _ in COLUMNS]
        blocks.append(fields((label[1], cells[1]),
                             ((label[5], cells[5]), (label[3], cells[3])),
                             (label[4], cells[4]),
                             (label[6], cells[6]),
                             (label[7], cells[7])))
        if item.citations:
            blocks.append(Table(header=("依据条款", "原文引用"), widths=(35, 65),
                                rows=tuple((clause_label(c), f"“{c.quote}”") for c in item.citations)))
        else:
            blocks.append(Paragraph("（未注明依据）", small=True))
    return Form(title=TITLE, subtitle=report.subject, blocks=tuple(blocks))


def write_park_report(report: CheckReport, out: str | Path, fmt: str | None = None) -> Path:
    """Write the report to ``out``; the format is ``fmt`` or the file suffix (xlsx/docx/pdf)."""
    fmt = (fmt or Path(out).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise FormError(f"不支持的格式：{fmt or '（未指定）'}，可选 xlsx、docx 或 pdf",
                        f"unsupported format {fmt!r}: use xlsx, docx or pdf", field="format")
    if fmt == "xlsx":
        writer = lambda tmp: render_report_xlsx(report, tmp)  # noqa: E731
    else:
        form = build_report_form(report)
        render = render_docx if fmt == "docx" else render_pdf
        writer = lambda tmp: render(form, tmp)  # noqa: E731
    return write_atomic(out, writer, suffixes=(f".{fmt}",))

