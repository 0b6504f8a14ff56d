"""Citations for the clauses that forms quote, checked against the corpus text.

Forms quote a handful of fixed clauses (commitments, the source of a staff
table). Each quote is looked up in the document's verbatim text, so a typo in
``forms/*.yaml`` is an error rather than a misquotation on a signed form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.errors import FormError
from assistant.models import Citation, DocumentMeta, Span

CORPUS_DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"


@lru_cache(maxsize=16)
def _document(doc_id: str) -> tuple[DocumentMeta, str]:
    meta_path = CORPUS_DOCS / f"{doc_id}.yaml"
    if not meta_path.is_file():
        raise FormError(f"语料中没有文件：{doc_id}", f"no such corpus document: {doc_id}", field="doc_id")
    meta = DocumentMeta.model_validate(yaml.safe_load(meta_path.read_text(encoding="utf-8")))
    text = (CORPUS_DOCS / meta.text_file).read_text(encoding="utf-8")
    return meta, text


def cite(doc_id: str, clause: str, quote: str) -> Citation:
    """A Citation of ``quote`` in clause ``clause`` of ``doc_id``.

    The clause is found as a line starting with its label (labels are printed at
    the start of a paragraph); the quote must follow it before the next line that
    starts with a label of the same form.
    """
    meta, text = _document(doc_id)
    # "三、（二）": find the section "三、" first, then "（二）" after it
    prefix, label = re.fullmatch(r"([一二三四五六七八九十]+、)?(.+)", clause).groups()
    pos = 0
    if prefix:
        sec = re.search(rf"^[ \t\u3000]*{re.escape(prefix)}", text, flags=re.M)
        pos = sec.end() if sec else len(text)
    m = re.compile(rf"^[ \t\u3000]*{re.escape(label)}", flags=re.M).search(text, pos)
    if m is None:
        raise FormError(f"《{meta.title}》中找不到条款 {clause}", f"clause {clause} not found in {doc_id}",
                        field="clause")
    end = _clause_end(text, m.end(), label)
    start = text.find(quote, m.start(), end)
    if start < 0:
        raise FormError(f"《{meta.title}》{clause} 中没有这段原文：“{quote}”",
                        f"quote not found verbatim in {doc_id} {clause}: {quote!r}", field="quote")
    return Citation(doc_id=doc_id, source_file=meta.source_file, title=meta.title, clause=clause,
                    quote=quote, span=Span(start=start, end=start + len(quote)), status=meta.status,
                    city=meta.city)


_LABEL_FORMS = (
    r"（[一二三四五六七八九十]+）",   # （十三）
    r"\d+\.",                          # 9.
    r"[一二三四五六七八九十]+、",       # 二、
    r"附件\d",                         # 附件3
)


def _clause_end(text: str, after: int, label: str) -> int:
    """Where the next label of the same form as ``label`` starts (or the end)."""
    for form in _LABEL_FORMS:
        if re.fullmatch(form, label):
            nxt = re.compile(rf"^[ \t\u3000]*{form}", flags=re.M).search(text, after)
            return nxt.start() if nxt else len(text)
    return len(text)


def document_title(doc_id: str) -> str:
    return _document(doc_id)[0].title
