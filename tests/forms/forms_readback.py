"""Fixtures and readers for the forms tests: read generated DOCX/PDF files back.

Not a conftest.py: the suite's top-level tests import ``conftest`` by name, and a
second conftest module in a sub-folder would shadow theirs. Test modules import
the fixtures they use from here.
"""

import json
from pathlib import Path

import pytest

FORM_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "forms"


def fixture_json(name: str):
    return json.loads((FORM_FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def full_profile():
    from assistant.forms.profile import EnterpriseProfile

    return EnterpriseProfile.parse(fixture_json("profile_full.json"))


@pytest.fixture
def name_only_profile():
    from assistant.forms.profile import EnterpriseProfile

    return EnterpriseProfile.parse(fixture_json("profile_name_only.json"))


@pytest.fixture
def eligibility_report():
    from assistant.verdicts import CheckReport

    return CheckReport.model_validate(fixture_json("eligibility_report.json"))


@pytest.fixture
def park_check_report():
    from assistant.verdicts import CheckReport

    return CheckReport.model_validate(fixture_json("park_report.json"))


def docx_label_values(path) -> dict[str, list[str]]:
    """label → values of the cell(s) right of it, over every table row of a .docx.

    Merged cells repeat in python-docx's ``row.cells``; they are collapsed so a
    label maps to the one value beside it.
    """
    from docx import Document

    out: dict[str, list[str]] = {}
    for table in Document(str(path)).tables:
        for row in table.rows:
            cells, seen = [], set()
            for c in row.cells:
                if id(c._tc) not in seen:
                    seen.add(id(c._tc))
                    cells.append(c.text)
            for i in range(0, len(cells) - 1):
                out.setdefault(cells[i], []).append(cells[i + 1])
    return out


def docx_table_rows(path) -> list[list[str]]:
    """Every table row of a .docx as a list of distinct cell texts."""
    from docx import Document

    rows = []
    for table in Document(str(path)).tables:
        for row in table.rows:
            cells, seen = [], set()
            for c in row.cells:
                if id(c._tc) not in seen:
                    seen.add(id(c._tc))
                    cells.append(c.text)
            rows.append(cells)
    return rows


def docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    return "\n".join(parts)


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
