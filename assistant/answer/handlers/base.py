"""The handler contract and the one place an ``Answer`` is assembled (direct line, quotes, notes, verification)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from assistant.answer.context import Context
from assistant.answer.models import Answer
from assistant.answer.notes import city_notes, document_notes, merge
from assistant.errors import AssistantError
from assistant.messages import text
from assistant.models import Citation


class Handler(Protocol):
    """One kind of answer. ``can_handle`` is cheap; ``run`` may still decline (None) and let the next one try."""

    name: str

    def can_handle(self, ctx: Context) -> bool: ...

    def run(self, ctx: Context) -> Answer | None: ...


def verify(citations: Iterable[Citation], ctx: Context) -> None:
    """Refuse to return a quote that is not verbatim in its clause: faithfulness is the product."""
    for c in citations:
        clause = ctx.services.corpus.clause(c.doc_id, c.clause)
        if c.quote not in clause.text:
            raise AssistantError("内部错误：引文与原文不符", f"internal error: quote not verbatim in {c.doc_id}#{c.clause}")


def source_line(c: Citation, lang: str) -> str:
    return text("answer.source", lang, title=c.title, clause=c.clause, quote=c.quote)


def build(ctx: Context, *, kind: str, direct: str, citations: Iterable[Citation] = (), body: Iterable[str] = (),
          refused: bool = False, related: Iterable[Citation] = (), notes: Iterable[str] = (), quote_lines: bool = True,
          contrast: bool = False, **fields) -> Answer:
    """An answer whose first line is ``direct``; then ``body``; then a source line per quote; notes merged, one per
    document, and a city note only for a city the user named or chose."""
    f, lang = ctx.frame, ctx.frame.language
    citations, related = tuple(dict.fromkeys(citations)), tuple(dict.fromkeys(related))
    verify((*citations, *related), ctx)
    lines = [direct, *body]
    if quote_lines:
        lines += [source_line(c, lang) for c in citations]
    warnings = merge(notes, document_notes(ctx.services.corpus, citations, lang),
                     city_notes(citations, f.city, f.city_is_users, lang, contrast))
    fields.setdefault("city", f.city)
    fields.setdefault("city_source", f.city_source)
    fields.setdefault("answer_type", f.asks)
    return Answer(question=f.question, resolved_question=f.text, language=lang, answer="\n".join(x for x in lines if x),
                  direct=direct, kind=kind, refused=refused, citations=citations, related=related, warnings=warnings,
                  **fields)
