"""Render a :class:`~assistant.forms.document.Form` as PDF with an embedded CJK font (fpdf2)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import FontFace

from assistant.forms.document import (FieldGrid, Form, Heading, PageBreak, Paragraph, SignatureBlock,
                                      Table)
from assistant.forms.fonts import find_cjk_font

FAMILY = "cjk"
LABEL_FILL = (237, 237, 237)
BODY_PT = 10.5
LINE_MM = 6.5


class _PDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.cell(0, 6, f"第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")


def _bold(pdf: FPDF):
    """The font has no bold face: stroke the glyph outlines to embolden titles."""
    return pdf.local_context(text_mode="FILL_STROKE", line_width=0.15)


def _field_grid(pdf: FPDF, grid: FieldGrid) -> None:
    label = FontFace(fill_color=LABEL_FILL)
    with pdf.table(col_widths=(26, 24, 26, 24), first_row_as_headings=False, wrapmode=WrapMode.CHAR,
                   line_height=LINE_MM, text_align="LEFT", padding=1.2) as table:
        for r in grid.rows:
            row = table.row()
            if len(r.pairs) == 1:
                row.cell(r.pairs[0][0], style=label)
                row.cell(r.pairs[0][1], colspan=3)
            else:
                for lab, value in r.pairs[:2]:
                    row.cell(lab, style=label)
                    row.cell(value)
    pdf.ln(2)


def _rgb(hex_colour: str | None):
    if not hex_colour:
        return None
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def _table(pdf: FPDF, t: Table) -> None:
    head = FontFace(fill_color=LABEL_FILL)
    pdf.set_font(FAMILY, size=t.size)
    with pdf.table(col_widths=t.widths, first_row_as_headings=False, wrapmode=WrapMode.CHAR,
                   line_height=t.size * 0.55, text_align="LEFT", padding=t.padding) as table:
        row = table.row()
        for h in t.header:
            row.cell(h, style=head)
        for r, values in enumerate(t.rows):
            row = table.row()
            for c, v in enumerate(values):
                s = t.style(r, c)
                row.cell(v, style=FontFace(color=_rgb(s.color), fill_color=_rgb(s.fill)) if s else None)
    pdf.set_font(FAMILY, size=BODY_PT)
    pdf.ln(2)


def _signature(pdf: FPDF, s: SignatureBlock) -> None:
    if pdf.get_y() > pdf.h - 75:  # keep the whole block on one page
        pdf.add_page()
    pdf.ln(6)
    top = pdf.get_y()
    half = pdf.epw / 2
    for signer in s.signers:
        pdf.set_x(pdf.l_margin)
        pdf.cell(half, 10, f"{signer}：＿＿＿＿＿＿＿＿", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_xy(pdf.l_margin + half, top)
    pdf.cell(half, 10, f"{s.stamp}：", new_x="LEFT", new_y="NEXT")
    with pdf.local_context(draw_color=(190, 190, 190), dash_pattern={"dash": 1, "gap": 1}):
        pdf.rect(pdf.l_margin + half + 10, top + 12, 40, 40)  # where the seal goes
    pdf.set_xy(pdf.l_margin + half, top + 56)
    pdf.cell(half, 10, f"日期：{s.date}", new_x="LMARGIN", new_y="NEXT")


def render_pdf(form: Form, path: str | Path) -> int:
    """Write ``form`` to ``path`` as PDF (the caller makes the write atomic); returns the number of pages."""
    pdf = _PDF(orientation="L" if form.landscape else "P", unit="mm", format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FAMILY, fname=str(find_cjk_font()))
    pdf.set_title(form.title)
    pdf.set_creator("xiaowei-assistant")
    pdf.add_page()

    pdf.set_font(FAMILY, size=17)
    with _bold(pdf):
        pdf.multi_cell(0, 10, form.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=BODY_PT)
    if form.subtitle:
        pdf.multi_cell(0, LINE_MM, form.subtitle, align="C", new_x="LMARGIN", new_y="NEXT",
                       wrapmode=WrapMode.CHAR)
    pdf.ln(2)
    for block in form.blocks:
        if isinstance(block, Heading):
            if pdf.get_y() > pdf.h - 40:  # no heading alone at the foot of a page
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font(FAMILY, size=12)
            with _bold(pdf):
                pdf.multi_cell(0, 8, block.text, new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR)
            pdf.set_font(FAMILY, size=BODY_PT)
        elif isinstance(block, Paragraph):
            size = 9 if block.small else BODY_PT
            pdf.set_font(FAMILY, size=size)
            with pdf.local_context(text_color=(70, 70, 70) if block.small else (0, 0, 0)):
                pdf.multi_cell(0, 5 if block.small else LINE_MM, block.text, align=block.align[0].upper(),
                               new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR)
            pdf.set_font(FAMILY, size=BODY_PT)
            pdf.ln(1)
        elif isinstance(block, FieldGrid):
            _field_grid(pdf, block)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, SignatureBlock):
            _signature(pdf, block)
        elif isinstance(block, PageBreak):
            pdf.add_page()
    pdf.output(str(path))
    return pdf.pages_count
