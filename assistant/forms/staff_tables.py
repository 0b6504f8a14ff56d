"""Staff report tables of 浙中小企业办〔2018〕14号 附件1–3, filled from rows, as XLSX.

Rows are dicts whose keys are the layout's column keys (the printed column
names; ``生产制造类·园区数量（个）`` where a name repeats). Tables with blocks
(附件2) take rows with a ``类别`` key, or a dict ``{"可建成": [...], …}``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from assistant import textin
from assistant.errors import FormError
from assistant.forms.output import defuse_formulas, write_atomic
from assistant.forms.profile import fmt_number
from assistant.forms.table_layout import Column, Section, TableLayout, load_layout

BLANK_CITY = "＿＿＿＿市"
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class StaffTableError(FormError):
    """Rows that do not fit the table; the message names the row and column."""


@dataclass
class FilledTable:
    """Validated rows per section label (``None`` for single-section tables)."""

    layout: TableLayout
    rows: dict[str | None, list[dict[str, Any]]]
    totals: dict[str, float | int] | None = None
    warnings: list[str] = field(default_factory=list)


def read_rows(path: str | Path) -> list[dict] | dict[str, list[dict]]:
    """Rows from a .json file (list, or dict of section → list) or a .csv file (UTF-8, header = keys)."""
    p = Path(path)
    if p.suffix.lower() != ".csv":
        return textin.read_json_file(p, "rows", what_zh="数据文件", error=StaffTableError)
    data = textin.read_file(p, "rows", max_bytes=textin.MAX_JSON_BYTES, what_zh="数据文件", error=StaffTableError)
    try:
        text = textin.strip_controls(data.decode("utf-8-sig"))  # -sig: Excel writes a BOM
        return [dict(r) for r in csv.DictReader(io.StringIO(text, newline=""))]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise StaffTableError(f"数据文件无法读取（应为 UTF-8 的 JSON 或 CSV）：{p.name}（{exc}）",
                              f"cannot read rows file (UTF-8 JSON or CSV expected): {p.name} ({exc})",
                              field="rows") from None


def _err(where: str, column: str | None, why: str, why_en: str) -> StaffTableError:
    col_zh = f"列“{column}”" if column else ""
    return StaffTableError(f"{where}{col_zh}{why}", f"{where} {column or ''}: {why_en}".strip(),
                           field=column)


def _cell(col: Column, raw: Any, where: str) -> Any:
    """One value checked against its column; '' and None mean blank."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if col.numeric:
        if isinstance(raw, bool):
            raise _err(where, col.key, f"应为数字，收到“{raw}”", "must be a number")
        if isinstance(raw, str):
            text = raw.strip()
            if not _NUMBER.match(text):
                raise _err(where, col.key, f"应为数字，收到“{raw}”", f"must be a number, got {raw!r}")
            raw = float(text)
        if not isinstance(raw, (int, float)) or not math.isfinite(raw):
            raise _err(where, col.key, f"应为数字，收到“{raw}”", f"must be a number, got {raw!r}")
        if raw < 0:
            raise _err(where, col.key, f"不能为负数，收到 {fmt_number(raw)}", f"must not be negative: {raw}")
        if col.type == "integer":
            if not float(raw).is_integer():
                raise _err(where, col.key, f"应为整数，收到 {fmt_number(raw)}", f"must be a whole number: {raw}")
            return int(raw)
        return int(raw) if float(raw).is_integer() else float(raw)
    text = str(raw).strip()
    if col.type == "choice" and text not in col.choices:
        raise _err(where, col.key, f"应为以下之一：{'、'.join(col.choices)}，收到“{text}”",
                   f"must be one of {', '.join(col.choices)}, got {text!r}")
    return text


def _group(layout: TableLayout, rows: Any) -> dict[str | None, list[tuple[int, dict]]]:
    """Rows per section, each with its 1-based position in the input."""
    labels = [s.label for s in layout.sections]
    grouped: dict[str | None, list[tuple[int, dict]]] = {label: [] for label in labels}
    if isinstance(rows, dict) and layout.section_key:
        for label, items in rows.items():
            if label not in grouped:
                raise _err(f"{layout.id}：", None, f"没有分块“{label}”（可用：{'、'.join(labels)}）",
                           f"no block {label!r}")
            if not isinstance(items, list):
                raise _err(f"{layout.id}“{label}”：", None, "应为行的列表", "must be a list of rows")
            grouped[label].extend((n, {**r, layout.section_key: label} if isinstance(r, dict) else r)
                                  for n, r in enumerate(items, 1))
        return grouped
    if not isinstance(rows, list):
        raise _err(f"{layout.id}：", None, "数据应为行的列表（JSON 数组）", "rows must be a JSON list")
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise _err(f"第{n}行：", None, "应为 JSON 对象（键为列名）", "each row must be an object")
        if layout.section_key:
            label = row.get(layout.section_key)
            if label not in grouped:
                raise _err(f"第{n}行：", layout.section_key,
                           f"应为以下之一：{'、'.join(labels)}，收到“{label or ''}”",
                           f"must be one of {labels}, got {label!r}")
        else:
            label = None
        grouped[label].append((n, row))
    return grouped


def fill_table(layout: TableLayout | str, rows: Any) -> FilledTable:
    """Validate ``rows`` against the layout; compute totals and run its cross-column checks."""
    layout = load_layout(layout) if isinstance(layout, str) else layout
    grouped = _group(layout, rows)
    out: dict[str | None, list[dict]] = {}
    given_total: tuple[str, dict] | None = None
    for label, items in grouped.items():
        section = layout.section(label)
        keys = {c.key for c in section.columns}
        clean_rows = []
        for n, raw in items:
            where = f"第{n}行{f'（{label}）' if label else ''}："
            if not isinstance(raw, dict):
                raise _err(where, None, "应为 JSON 对象（键为列名）", "each row must be an object")
            unknown = [k for k in raw if k not in keys and k != layout.section_key]
            if unknown:
                raise _err(where, unknown[0], f"不是本表的列。本表的列：{'、'.join(c.key for c in section.columns)}",
                           f"is not a column of {layout.id}")
            row = {c.key: _cell(c, raw.get(c.key), where) for c in section.columns}
            first = section.columns[0].key
            if layout.total and row[first] == layout.total.label:
                given_total = (where, row)
                continue
            for c in section.columns:
                if c.required and row[c.key] is None and any(v is not None for v in row.values()):
                    raise _err(where, c.key, "必填", "is required")
            if "序号" in keys and row["序号"] is None:
                row["序号"] = len(clean_rows) + 1
            clean_rows.append(row)
        out[label] = clean_rows
    filled = FilledTable(layout=layout, rows=out)
    if layout.total:
        filled.totals = _totals(layout.sections[0], out[None])
        if given_total:
            _compare_total(layout, filled.totals, *given_total)
    filled.warnings = _checks(layout, out)
    return filled


def _totals(section: Section, rows: list[dict]) -> dict[str, float | int]:
    totals = {}
    for c in section.columns:
        if c.sum:
            values = [r[c.key] for r in rows if r[c.key] is not None]
            # a column nobody filled stays blank in the total row too
            totals[c.key] = _tidy(sum(values)) if values else None
    return totals


def _tidy(x: float | int) -> float | int:
    """Sums of decimals drift (0.1 + 0.2); round to what people typed."""
    x = round(x, 6)
    return int(x) if float(x).is_integer() else x


def _compare_total(layout: TableLayout, totals: dict, where: str, given: dict) -> None:
    for key, want in totals.items():
        have = given.get(key)
        if have is not None and (want is None or abs(have - want) > 1e-6):
            raise _err(where.replace("行：", f"行（{layout.total.label}）："), key,
                       f"为 {fmt_number(have)}，但各行合计为 {fmt_number(want or 0)}",
                       f"total {have} does not match the sum of the rows {want}")


def _checks(layout: TableLayout, out: dict[str | None, list[dict]]) -> list[str]:
    warnings = []
    first = layout.sections[0].columns[0].key
    for label, rows in out.items():
        for n, row in enumerate(rows, 1):
            for chk in layout.checks:
                left = [row.get(k) for k in chk.left]
                right = [row.get(k) for k in chk.right]
                if any(v is None for v in (*left, *right)):
                    continue
                a, b = _tidy(sum(left)), _tidy(sum(right))
                bad = a != b if chk.kind == "equal" else a < b
                if bad:
                    name = row.get(first) or f"第{n}行"
                    warnings.append(f"{name}：{chk.message}（{'+'.join(chk.left)} = {fmt_number(a)}，"
                                    f"{'+'.join(chk.right)} = {fmt_number(b)}）")
    return warnings


# ---------------------------------------------------------------- XLSX output

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="EDEDED")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
FONT = "宋体"
HEADER_ROW_HEIGHT = 32  # points: two lines of a wrapped header


def _stamp_line(layout: TableLayout, city: str | None) -> str | None:
    if not layout.stamp_line:
        return None
    name = f"{city.strip().removesuffix('市')}市" if city and city.strip() else BLANK_CITY
    return layout.stamp_line.format(city=name)


def render_xlsx(filled: FilledTable, path: str | Path, *, city: str | None = None) -> None:
    """Write the filled table to ``path`` (the caller makes the write atomic)."""
    L = filled.layout
    wb = Workbook()
    ws = wb.active
    ws.title = L.id
    ncols = L.n_columns
    offset = 1 if L.section_key else 0  # the block-name column comes first
    body = Font(name=FONT, size=10.5)

    def merged(row: int, text: str, font: Font, align: Alignment, height: float | None = None) -> None:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        cell = ws.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, align
        if height:
            ws.row_dimensions[row].height = height

    ws.cell(row=1, column=1, value=L.id).font = Font(name="黑体", size=12)
    merged(2, L.title, Font(name=FONT, size=16, bold=True), CENTER, 30)
    r = 3
    stamp = _stamp_line(L, city)
    if stamp:
        merged(3, stamp, body, Alignment(horizontal="left", vertical="center"))
        r = 4
    first_table_row = r + 1
    r += 1
    for section in L.sections:
        top = r
        for cell in section.placed():
            row, col = r + cell.row, 1 + offset + cell.col
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=row, start_column=col,
                               end_row=row + cell.rowspan - 1, end_column=col + cell.colspan - 1)
            c = ws.cell(row=row, column=col, value=cell.text)
            c.font, c.alignment, c.fill = Font(name=FONT, size=10.5, bold=True), CENTER, HEAD_FILL
        for k in range(len(section.header)):
            ws.row_dimensions[r + k].height = HEADER_ROW_HEIGHT
        r += len(section.header)
        rows = filled.rows.get(section.label, [])
        for n, values in enumerate(rows + [None] * max(0, section.blank_rows - len(rows))):
            for k, col in enumerate(section.columns):
                value = None if values is None else values[col.key]
                if values is None and k == 0 and n < len(section.placeholders):
                    value = section.placeholders[n]  # the printed form's "**市" / "**县（市、区）"
                c = ws.cell(row=r, column=1 + offset + k, value=value)
                c.font, c.alignment = body, CENTER if col.numeric else LEFT
            ws.row_dimensions[r].height = 20
            r += 1
        if section.label is not None:
            ws.merge_cells(start_row=top, start_column=1, end_row=r - 1, end_column=1)
            c = ws.cell(row=top, column=1, value=section.label)
            c.font, c.alignment, c.fill = Font(name=FONT, size=10.5, bold=True), CENTER, HEAD_FILL
    if L.total:
        section = L.sections[0]
        ws.cell(row=r, column=1, value=L.total.label).font = Font(name=FONT, size=10.5, bold=True)
        ws.cell(row=r, column=1).alignment = CENTER
        for k, col in enumerate(section.columns[1:], 1):
            c = ws.cell(row=r, column=1 + k, value=(filled.totals or {}).get(col.key))
            c.font, c.alignment = Font(name=FONT, size=10.5, bold=True), CENTER
        r += 1
    for row in ws.iter_rows(min_row=first_table_row, max_row=r - 1, max_col=ncols):
        for c in row:
            c.border = BORDER
    r += 1
    for note in L.notes:
        merged(r, note, Font(name=FONT, size=9), LEFT)
        r += 1

    widest = max(L.sections, key=lambda s: len(s.columns))
    if L.section_key:
        ws.column_dimensions["A"].width = L.section_label_width
    for k, col in enumerate(widest.columns):
        ws.column_dimensions[get_column_letter(1 + offset + k)].width = col.width or 12
    if len(L.sections) == 1:
        ws.freeze_panes = ws.cell(row=first_table_row + len(L.sections[0].header), column=2)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = L.title
    defuse_formulas(wb)  # values from users and documents are text, never formulas
    wb.save(str(path))


def write_staff_table(table: TableLayout | str, rows: Any, out: str | Path, *,
                      city: str | None = None) -> FilledTable:
    """Validate ``rows`` and write the table to ``out`` (.xlsx, atomic). Returns the filled table."""
    filled = fill_table(table, rows)
    write_atomic(out, lambda tmp: render_xlsx(filled, tmp, city=city), suffixes=(".xlsx",))
    return filled
