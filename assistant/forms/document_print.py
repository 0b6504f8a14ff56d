"""One corpus document as a printable PDF: its metadata, then every clause beside its label (the labels a citation
uses: （二十二）, 三、（二）, 10.), tables as tables. The text is the stored text, verbatim.

>>> from assistant.corpus import load_corpus
>>> form = document_form(load_corpus().document("linhai-plan-draft"))
>>> form.title
'临海市小微企业产业园提质升级工作方案（征求意见稿）'
>>> rows = [r for b in form.blocks if isinstance(b, Table) for r in b.rows]
>>> next(r for r in rows if r[0] == "（二十二）")[1][:14]
'（二十二）以工业地产开发建设'
"""

from __future__ import annotations

from pathlib import Path

from assistant.forms.document import Form, Heading, Paragraph, Table, fields
from assistant.forms.output import write_atomic
from assistant.forms.render_pdf import render_pdf
from assistant.models import Document


def facts(doc: Document) -> list[tuple[str, str]]:
    m = doc.meta
    rows = [("地区", m.city), ("状态", m.status.label_zh), ("发文机关", m.issuer or "未载明"),
            ("文号", m.doc_number or "未载明"), ("成文日期", m.date.isoformat() if m.date else "未载明"),
            ("施行日期", m.effective_date.isoformat() if m.effective_date else "未载明"), ("来源文件", m.source_file)]
    return rows


def document_form(doc: Document) -> Form:
    blocks: list = [fields(*facts(doc))]
    for d in doc.meta.defects:
        blocks.append(Paragraph(f"已知问题：{d}", small=True))
    pending: list[tuple[str, str]] = []

    def flush() -> None:
        if pending:
            blocks.append(Table(header=("条款", "原文"), widths=(14, 86), rows=tuple(pending), size=9.5))
            pending.clear()

    for clause in doc.clauses:
        if clause.table is not None and clause.table.rows:
            flush()
            t = clause.table
            blocks.append(Heading(f"{clause.label}　{t.title or ''}".strip()))
            blocks.append(Table(header=tuple(t.columns), rows=tuple(tuple(c or "" for c in r) for r in t.rows),
                                widths=tuple([2.2] + [1] * (len(t.columns) - 1)), size=8))
            continue
        pending.append((clause.label, clause.clean_text))
    flush()
    return Form(title=doc.meta.title, subtitle=f"{doc.meta.city} · {doc.meta.status.label_zh} · 共 {len(doc.clauses)} 条",
                blocks=tuple(blocks))


def write_document_pdf(doc: Document, out: str | Path) -> Path:
    """The document as a PDF at ``out`` (atomic)."""
    form = document_form(doc)
    return write_atomic(out, lambda tmp: render_pdf(form, tmp), suffixes=(".pdf",))
