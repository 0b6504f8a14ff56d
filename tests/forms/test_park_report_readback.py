"""Read-back: the summary table of a real park report (XLSX, DOCX, PDF) shows no internal id, no boolean and no
ratio without its unit — every value as a person reads it."""

import json
import re
from pathlib import Path

import pytest
from forms_readback import docx_table_rows, pdf_text
from openpyxl import load_workbook

from assistant.forms.park_report import SUMMARY_COLUMNS, write_park_report
from assistant.rules import check_park
from assistant.rules.params import load_params
from assistant.rules.present import views

ROOT = Path(__file__).resolve().parents[2]
PLANS = {
    "linhai_example": ROOT / "examples" / "linhai_plan.json",
    "wenzhou_example": ROOT / "examples" / "wenzhou_plan.json",
    "wenzhou_failing": ROOT / "tests" / "fixtures" / "rules" / "wenzhou_plan_failing.json",
    "linhai_partial": ROOT / "tests" / "fixtures" / "rules" / "linhai_plan_partial.json",
}
INTERNAL_ID = re.compile(r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b")   # linhai.plot_ratio_min, land_area_mu
BOOLEAN = re.compile(r"\b(True|False|None|true|false|null)\b")
LONG_DECIMAL = re.compile(r"\d\.\d{3,}")


def _report(name):
    plan = json.loads(PLANS[name].read_text(encoding="utf-8"))
    return check_park(plan)


def _bad(cell: str) -> list[str]:
    return [p.pattern for p in (INTERNAL_ID, BOOLEAN, LONG_DECIMAL) if p.search(cell or "")]


def _units_ok(report, value_cells: list[str]) -> None:
    """A value whose rule is in % or ‰ carries it; a blank value is a dash, never empty."""
    units = {p.id: p.unit for p in load_params().params}
    for item, cell in zip(report.items, value_cells):
        assert cell, item.criterion
        if isinstance(item.value, (int, float)) and not isinstance(item.value, bool) and item.unit in ("%", "‰"):
            assert cell.endswith(item.unit), (item.criterion, cell)
        if item.value is None:
            assert cell == "—"
        if units.get(item.rule_id) in ("亩", "平方米", "个", "家", "年") and item.unit == units[item.rule_id]:
            assert cell.endswith(item.unit), (item.criterion, cell)


def test_the_scan_finds_what_it_looks_for():
    assert _bad("linhai.plot_ratio_min") and _bad("True") and _bad("33.3333") and _bad("land_area_mu")
    assert not _bad("16.67%") and not _bad("2025年1月15日") and not _bad("≥ 2.0") and not _bad("温州市实施意见9.")


@pytest.mark.parametrize("name", sorted(PLANS))
def test_xlsx_summary(tmp_path, name):
    report = _report(name)
    ws = load_workbook(write_park_report(report, tmp_path / "r.xlsx"))["汇总"]
    rows = [[("" if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] == "序号")
    body = rows[at + 1:at + 1 + len(report.items)]
    for row in body:
        for cell in row[:len(SUMMARY_COLUMNS)]:
            assert not _bad(cell), (cell, _bad(cell))
    _units_ok(report, [r[2] for r in body])
    for row in rows[:at]:   # the facts above the table too
        assert not any(_bad(c) for c in row), row


@pytest.mark.parametrize("name", sorted(PLANS))
def test_docx_summary(tmp_path, name):
    report = _report(name)
    rows = docx_table_rows(write_park_report(report, tmp_path / "r.docx"))
    at = rows.index([n for n, _ in SUMMARY_COLUMNS])
    body = rows[at + 1:at + 1 + len(report.items)]
    assert [r[1] for r in body] == [i.criterion for i in report.items]
    for row in body:
        for cell in row:
            assert not _bad(cell), (cell, _bad(cell))
    _units_ok(report, [r[2] for r in body])


@pytest.mark.parametrize("name", sorted(PLANS))
def test_pdf_summary(tmp_path, name):
    report = _report(name)
    text = pdf_text(write_park_report(report, tmp_path / "r.pdf"))
    summary = text[text.index("检查结果汇总"):text.index("逐项说明")]
    compact = summary.replace("\n", "").replace(" ", "")
    assert not _bad(summary), _bad(summary)
    for v in views(report):
        assert v.value.replace(" ", "") in compact, v.value
        assert v.verdict_text in summary


def test_verdicts_are_coloured_in_docx(tmp_path):
    from docx import Document

    report = _report("wenzhou_failing")
    out = write_park_report(report, tmp_path / "r.docx")
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "序号")
    colours = {}
    for row, item in zip(table.rows[1:], report.items):
        run = row.cells[4].paragraphs[0].runs[0]
        colours.setdefault(item.verdict.value, set()).add(str(run.font.color.rgb))
    assert len(colours) >= 2 and all(len(v) == 1 for v in colours.values())
    assert len({next(iter(v)) for v in colours.values()}) == len(colours)


def test_docx_is_compact(tmp_path):
    """The summary and the details are two tables, not one table per criterion."""
    from docx import Document

    report = _report("linhai_example")
    doc = Document(str(write_park_report(report, tmp_path / "r.docx")))
    assert len(doc.tables) == 3   # the facts, the summary, the details
