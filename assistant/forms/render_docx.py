"""Render a :class:`~assistant.forms.document.Form` as a Word document (python-docx)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from assistant.forms.document import (FieldGrid, Form, Heading, PageBreak, Paragraph, SignatureBlock,
                                      Table)

# Word picks the East Asian font from w:eastAsia, not from the font name, so
# both are set; 宋体 is what government forms are printed in.
EAST_ASIAN_FONT = "宋体"
LATIN_FONT = "Times New Roman"
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT}
LABEL_SHADE = "EDEDED"


def _set_fonts(style_or_run, size: float | None = None) -> None:
    font = style_or_run.font
    font.name = LATIN_FONT
    if size:
        font.size = Pt(size)
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tcpr.append(shd)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _cell_text(cell, text: str, *, bold: bool = False, size: float = 10.5, shade: str | None = None,
               color: str | None = None) -> None:
    cell.text = ""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    for empty in p.runs:  # the run left by clearing the cell
        empty._r.getparent().remove(empty._r)
    run = p.add_run(text)
    run.bold = bold
    if color:
        run.font.color.rgb = _rgb(color)
    _set_fonts(run, size)
    if shade:
        _shade(cell, shade.lstrip("#").upper())


def _para(doc, text: str, *, bold=False, size=10.5, align="left", color: RGBColor | None = None):
    p = doc.add_paragraph()
    p.alignment = ALIGN[align]
    run = p.add_run(text)
    run.bold = bold
    if color is not None:
        run.font.color.rgb = color
    _set_fonts(run, size)
    return p


def _fix_widths(table, widths_cm: list[float]) -> None:
    """Word reads cell widths, LibreOffice the grid columns: set both, and no autofit."""
    table.autofit = False
    for col, w in zip(table.columns, widths_cm):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _gap(doc) -> None:
    """A small space after a table, so the next heading does not touch it."""
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    _set_fonts(p.add_run(""), 4)


def _field_grid(doc, grid: FieldGrid, usable_cm: float) -> None:
    table = doc.add_table(rows=len(grid.rows), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [usable_cm * w for w in (0.23, 0.27, 0.23, 0.27)]
    _fix_widths(table, widths)
    for r, row in enumerate(grid.rows):
        # room to write by hand in a blank cell
        table.rows[r].height, table.rows[r].height_rule = Cm(0.85), WD_ROW_HEIGHT_RULE.AT_LEAST
        cells = table.rows[r].cells
        if len(row.pairs) == 1:
            label, value = row.pairs[0]
            merged = cells[1].merge(cells[3])
            _cell_text(cells[0], label, shade=LABEL_SHADE)
            _cell_text(merged, value)
        else:
            for k, (label, value) in enumerate(row.pairs[:2]):
                _cell_text(cells[2 * k], label, shade=LABEL_SHADE)
                _cell_text(cells[2 * k + 1], value)
    _gap(doc)


def _table(doc, t: Table, usable_cm: float) -> None:
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(t.widths)
    _fix_widths(table, [usable_cm * w / total for w in t.widths])
    for r, values in enumerate((t.header, *t.rows)):
        table.rows[r].height, table.rows[r].height_rule = Cm(0.65), WD_ROW_HEIGHT_RULE.AT_LEAST
        cells = table.rows[r].cells
        for c, value in enumerate(values):
            style = t.style(r - 1, c) if r else None
            _cell_text(cells[c], value, bold=(r == 0) or bool(style and style.bold), size=9 if r == 0 else t.size,
                       shade=LABEL_SHADE if r == 0 else (style.fill if style else None),
                       color=style.color if style else None)
    _gap(doc)


def _signature(doc, s: SignatureBlock) -> None:
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)  # no style: no borders, just placement
    left, right = table.rows[0].cells
    left.text = ""
    for i, signer in enumerate(s.signers):
        p = left.paragraphs[0] if i == 0 else left.add_paragraph()
        _set_fonts(p.add_run(f"{signer}：＿＿＿＿＿＿＿＿"), 10.5)
        left.add_paragraph()
    right.text = ""
    _set_fonts(right.paragraphs[0].add_run(f"{s.stamp}："), 10.5)
    for _ in range(4):  # room for the seal
        right.add_paragraph()
    _set_fonts(right.add_paragraph().add_run(f"日期：{s.date}"), 10.5)


def render_docx(form: Form, path: str | Path) -> None:
    """Write ``form`` to ``path`` as .docx (the caller makes the write atomic)."""
    doc = Document()
    _set_fonts(doc.styles["Normal"], 10.5)
    section = doc.sections[0]
    if form.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)
    usable = (29.7 if form.landscape else 21.0) - 4.0

    _para(doc, form.title, bold=True, size=18, align="center")
    if form.subtitle:
        _para(doc, form.subtitle, size=10.5, align="center")
    for block in form.blocks:
        if isinstance(block, Heading):
            _para(doc, block.text, bold=True, size=12)
        elif isinstance(block, Paragraph):
            _para(doc, block.text, size=9 if block.small else 10.5, align=block.align,
                  color=RGBColor(0x40, 0x40, 0x40) if block.small else None)
        elif isinstance(block, FieldGrid):
            _field_grid(doc, block, usable)
        elif isinstance(block, Table):
            _table(doc, block, usable)
        elif isinstance(block, SignatureBlock):
            _signature(doc, block)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.core_properties.title = form.title
    doc.save(str(path))
