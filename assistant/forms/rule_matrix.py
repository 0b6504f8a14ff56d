"""The 规则对照 matrix as XLSX (two sheets: the matrix, then every rule with its verbatim quote) and as a one-page
PDF an officer can print (the font shrinks until the whole matrix fits one A4 page).

>>> from assistant.rules.matrix import build_matrix
>>> cell_text(build_matrix().row("plot_ratio_min").cells["温州市"])
'一般 ≥ 2.0〔5.〕'
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from assistant import formatting
from assistant.errors import FormError
from assistant.forms.document import CellStyle, Form, Paragraph, Table
from assistant.forms.output import defuse_formulas, write_atomic
from assistant.forms.render_pdf import render_pdf
from assistant.models import Status
from assistant.rules.matrix import TITLE, Cell, Matrix

SOFT_COLOUR = "#9A6700"   # 原则上 / 一般: the warning colour of the verdicts
STATUS_FILL = {Status.in_force: "#E6F4EA", Status.draft: "#FFF4E5", Status.reply_letter: "#E8F0FE",
               Status.notice_expired: "#F1F3F4", Status.repealed: "#FCE8E6"}
FORMATS = ("xlsx", "pdf")
PDF_SIZES = (8, 7.5, 7, 6.5, 6, 5.5, 5, 4.5)   # tried in turn until the matrix fits one page


def cell_text(c: Cell) -> str:
    """The figure and its clause, for a printed cell: ``一般 ≥ 2.0〔5.〕``."""
    return f"{c.text}{formatting.bracketed(c.clause, '〔', '〕')}"


def subtitle(m: Matrix, as_of: dt.date | None = None) -> str:
    day = formatting.date(as_of or dt.date.today())
    topic = f"主题：{m.topic}" if m.topic else "全部主题"
    return f"按规则参数生成，{day}适用的数值 · {topic} · {len(m.rows)} 条规则"


def legend() -> str:
    return "说明：“原则上”“一般”为软性要求（未达到时需说明理由，由主管部门审定）；〔〕内为条款；空白表示该地文件未规定此项数值。"


def documents_line(m: Matrix) -> str:
    return "依据文件：" + "；".join(f"{c.jurisdiction}《{c.title}》（{c.status_label}）" for c in m.documents())


def column_statuses(m: Matrix, j: str) -> str:
    labels = dict.fromkeys(r.cells[j].status_short for r in m.rows if j in r.cells)
    return "、".join(labels) or "未规定数值"


# ---------------------------------------------------------------- XLSX

def render_matrix_xlsx(m: Matrix, path: str | Path, as_of: dt.date | None = None) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "规则对照"
    body, bold = Font(name="宋体", size=10.5), Font(name="宋体", size=10.5, bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header = ["主题", "规则", *m.jurisdictions]
    n = len(header)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=1, column=1, value=TITLE).font = Font(name="宋体", size=16, bold=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.cell(row=2, column=1, value=subtitle(m, as_of)).font = Font(name="宋体", size=9)
    r = 4
    for k, name in enumerate(header, 1):
        label = name if k <= 2 else f"{name}\n{column_statuses(m, name)}"
        c = ws.cell(row=r, column=k, value=label)
        c.font, c.border, c.fill = bold, border, PatternFill("solid", fgColor="EDEDED")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(k)].width = (12, 30)[k - 1] if k <= 2 else 24
    ws.row_dimensions[r].height = 32
    for row in m.rows:
        r += 1
        for k, value in enumerate((row.topic, row.label), 1):
            c = ws.cell(row=r, column=k, value=value)
            c.font, c.alignment, c.border = body, wrap, border
        for k, j in enumerate(m.jurisdictions, 3):
            cell = row.cells.get(j)
            c = ws.cell(row=r, column=k, value=None if cell is None else f"{cell_text(cell)}\n{cell.status_short}")
            c.alignment, c.border = wrap, border
            c.font = body if cell is None or not cell.soft else Font(name="宋体", size=10.5, color=SOFT_COLOUR.lstrip("#"))
            if cell is not None:
                c.fill = PatternFill("solid", fgColor=STATUS_FILL[cell.status].lstrip("#"))
    ws.freeze_panes = ws.cell(row=5, column=3)
    ws.auto_filter.ref = f"A4:{get_column_letter(n)}{r}"
    r += 2
    for line in (legend(), documents_line(m)):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        c = ws.cell(row=r, column=1, value=line)
        c.font, c.alignment = Font(name="宋体", size=9), wrap
        ws.row_dimensions[r].height = 30
        r += 1
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    quotes = wb.create_sheet("依据原文")
    head = ("地区", "主题", "规则", "数值", "软性要求", "文件", "状态", "条款", "原文")
    widths = (10, 12, 28, 18, 10, 40, 14, 10, 60)
    for k, (name, w) in enumerate(zip(head, widths), 1):
        c = quotes.cell(row=1, column=k, value=name)
        c.font, c.border, c.fill = bold, border, PatternFill("solid", fgColor="EDEDED")
        quotes.column_dimensions[get_column_letter(k)].width = w
    q = 1
    for j in m.jurisdictions:
        for row in m.rows:
            cell = row.cells.get(j)
            if cell is None:
                continue
            q += 1
            values = (j, row.topic, row.label, cell.band, cell.qualifier if cell.soft else "否", f"《{cell.title}》",
                      cell.status_label, cell.clause, f"“{cell.quote}”")
            for k, v in enumerate(values, 1):
                c = quotes.cell(row=q, column=k, value=v)
                c.font, c.alignment, c.border = body, wrap, border
    quotes.freeze_panes = "A2"
    wb.properties.title = TITLE
    defuse_formulas(wb)  # text from documents stays text
    wb.save(str(path))


# ---------------------------------------------------------------- one-page PDF

def matrix_form(m: Matrix, size: float, as_of: dt.date | None = None) -> Form:
    header = ("主题", "规则", *(f"{j}\n{column_statuses(m, j)}" for j in m.jurisdictions))
    widths = (13, 40, *([max(24, 110 / max(len(m.jurisdictions), 1))] * len(m.jurisdictions)))
    rows, styles = [], []
    previous = None
    for i, row in enumerate(m.rows):
        cells = []
        for k, j in enumerate(m.jurisdictions, 2):
            c = row.cells.get(j)
            cells.append("" if c is None else cell_text(c))
            if c is not None:
                styles.append(CellStyle(row=i, col=k, color=SOFT_COLOUR if c.soft else None, fill=STATUS_FILL[c.status]))
        rows.append((row.topic if row.topic != previous else "", row.label, *cells))
        previous = row.topic
    return Form(title=TITLE, subtitle=subtitle(m, as_of), blocks=(
        Table(header=header, rows=tuple(rows), widths=widths, styles=tuple(styles), size=size, padding=0.5),
        Paragraph(legend(), small=True),
        Paragraph(documents_line(m), small=True),
    ))


def render_matrix_pdf(m: Matrix, path: str | Path, as_of: dt.date | None = None) -> float:
    """Write the matrix on one A4 page, in the largest font that fits; returns that font size."""
    with tempfile.TemporaryDirectory(prefix="xiaowei-matrix-") as tmp:
        best: tuple[float, bytes] | None = None
        lo, hi = 0, len(PDF_SIZES) - 1   # sizes shrink along the list: find the first that fits (binary search)
        while lo <= hi:
            mid = (lo + hi) // 2
            trial = Path(tmp) / f"trial-{mid}.pdf"
            if render_pdf(matrix_form(m, PDF_SIZES[mid], as_of), trial) == 1:
                best, hi = (PDF_SIZES[mid], trial.read_bytes()), mid - 1
            else:
                lo = mid + 1
        if best is not None:
            Path(path).write_bytes(best[1])
            return best[0]
    raise FormError(f"规则对照表有 {len(m.rows)} 行，无法排在一页内；请按主题筛选后再导出",
                    f"the matrix ({len(m.rows)} rows) does not fit one page; filter by topic first", field="topic")


def write_rule_matrix(m: Matrix, out: str | Path, fmt: str | None = None, as_of: dt.date | None = None) -> Path:
    """Write the matrix to ``out`` as XLSX or a one-page PDF (format from ``fmt`` or the suffix); atomic."""
    fmt = (fmt or Path(out).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise FormError(f"不支持的格式：{fmt or '（未指定）'}，可选 xlsx 或 pdf",
                        f"unsupported format {fmt!r}: use xlsx or pdf", field="format")
    if fmt == "xlsx":
        return write_atomic(out, lambda tmp: render_matrix_xlsx(m, tmp, as_of), suffixes=(".xlsx",))
    return write_atomic(out, lambda tmp: render_matrix_pdf(m, tmp, as_of), suffixes=(".pdf",))
