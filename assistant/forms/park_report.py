"""Park compliance report: a park-plan :class:`CheckReport` as XLSX, DOCX or PDF.

It opens with one summary table — what is checked, the value with its unit, the threshold, the verdict in its
colour, the clause — and gives the details after (the sentence for people, what is missing, the verbatim quote).
Every value is read through :mod:`assistant.rules.present`: no rule id, no "True", no "33.3333".
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from assistant import textin
from assistant.errors import FormError
from assistant.forms.document import CellStyle, Form, Heading, Paragraph, Table, fields
from assistant.forms.labels import field_labels
from assistant.forms.output import defuse_formulas, write_atomic
from assistant.forms.render_docx import render_docx
from assistant.forms.render_pdf import render_pdf
from assistant.models import Citation
from assistant.rules import present
from assistant.verdicts import CheckReport

TITLE = "小微企业园规划合规检查报告"
# the summary a reader sees first: one row per criterion (no rule ids: the clause says where a rule stands)
SUMMARY_COLUMNS = (("序号", 5), ("检查项目", 32), ("数值", 15), ("标准", 24), ("结论", 8), ("依据条款", 24))
DETAIL_COLUMNS = (("序号", 6), ("检查项目", 24), ("说明", 46), ("待补充信息", 18), ("依据原文", 56))
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
    return present.clause_text(c)


def summary_cells(v: present.ItemView) -> tuple[str, ...]:
    """One summary row, in ``SUMMARY_COLUMNS`` order."""
    return (str(v.n), v.criterion, v.value, v.threshold, v.verdict_text, v.clause)


def detail_cells(v: present.ItemView) -> tuple[str, ...]:
    """One details row, in ``DETAIL_COLUMNS`` order."""
    quotes = "\n".join(f"{c}：{q}" for c, q in zip(v.clauses, v.quotes)) if len(v.clauses) == len(v.quotes) \
        else "\n".join(v.quotes)
    return (str(v.n), v.criterion, v.message, v.missing or "—", quotes or "（未注明依据）")


def _facts(report: CheckReport) -> list[tuple[str, str]]:
    return [("检查对象", report.subject), ("适用地区", report.jurisdiction),
            ("总体结论", present.overall_text(report)),
            ("依据文件", present.documents_text(report) or "—"),
            ("待补充信息", field_labels(report.missing_inputs) or "无")]


def render_report_xlsx(report: CheckReport, path: str | Path) -> None:
    """Sheet 汇总 (facts and the summary table, verdicts coloured), sheet 逐项说明 (messages and quotes)."""
    wb = Workbook()
    font, bold = Font(name="宋体", size=10.5), Font(name="宋体", size=10.5, bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    rows = present.views(report)

    def table(ws, r: int, columns, cells_of) -> int:
        for k, (name, width) in enumerate(columns, 1):
            c = ws.cell(row=r, column=k, value=name)
            c.font, c.fill, c.border = bold, PatternFill("solid", fgColor="EDEDED"), border
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(k)].width = width
        header = r
        for v in rows:
            r += 1
            for k, text in enumerate(cells_of(v), 1):
                c = ws.cell(row=r, column=k, value=text)
                c.font, c.alignment, c.border = font, wrap, border
            if cells_of is summary_cells:
                verdict = ws.cell(row=r, column=5)
                verdict.fill = PatternFill("solid", fgColor=v.fill.lstrip("#"))
                verdict.font = Font(name="宋体", size=10.5, bold=True, color=v.colour.lstrip("#"))
        ws.freeze_panes = ws.cell(row=header + 1, column=1)
        ws.auto_filter.ref = f"A{header}:{get_column_letter(len(columns))}{max(r, header)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        return r

    ws = wb.active
    ws.title = "汇总"
    n = len(SUMMARY_COLUMNS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=1, column=1, value=TITLE).font = Font(name="宋体", size=16, bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    r = 2
    for label, value in _facts(report):
        ws.cell(row=r, column=1, value=label).font = bold
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=n)
        c = ws.cell(row=r, column=2, value=value)
        c.font, c.alignment = font, wrap
        r += 1
    r = table(ws, r + 1, SUMMARY_COLUMNS, summary_cells) + 2
    for w in report.warnings:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        c = ws.cell(row=r, column=1, value=f"提示：{w}")
        c.font, c.alignment = Font(name="宋体", size=9), wrap
        r += 1
    details = wb.create_sheet("逐项说明")
    details.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(DETAIL_COLUMNS))
    details.cell(row=1, column=1, value=f"{TITLE}：逐项说明").font = Font(name="宋体", size=14, bold=True)
    table(details, 2, DETAIL_COLUMNS, detail_cells)
    wb.properties.title = TITLE
    defuse_formulas(wb)  # values from users and documents are text, never formulas
    wb.save(str(path))


def build_report_form(report: CheckReport) -> Form:
    """The report as a layout model (for DOCX and PDF): facts, one summary table, then the details."""
    rows = present.views(report)
    blocks: list = [fields(*_facts(report)), Heading("一、检查结果汇总")]
    if not rows:
        blocks.append(Paragraph("检查结果中没有检查项。"))
    else:
        blocks.append(Table(header=tuple(name for name, _ in SUMMARY_COLUMNS),
                            widths=tuple(w for _, w in SUMMARY_COLUMNS),
                            rows=tuple(summary_cells(v) for v in rows),
                            styles=tuple(CellStyle(row=i, col=4, color=v.colour, fill=v.fill, bold=True)
                                         for i, v in enumerate(rows))))
        blocks += [Heading("二、逐项说明"),
                   Table(header=tuple(name for name, _ in DETAIL_COLUMNS), widths=tuple(w for _, w in DETAIL_COLUMNS),
                         rows=tuple(detail_cells(v) for v in rows), size=8)]
    if report.warnings:
        blocks.append(Heading("三、提示"))
        blocks += [Paragraph(w, small=True) for w in report.warnings]
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

