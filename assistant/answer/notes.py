"""Warnings that go with an answer: one note per cited document that is not plainly in force, and a note about the
city only when the user named or chose it (never for a city carried silently from an earlier turn)."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.corpus import Corpus
from assistant.messages import text
from assistant.models import Citation, Status

_STATUS_KEY = {Status.draft: "note.draft", Status.reply_letter: "note.reply_letter",
               Status.notice_expired: "note.notice_expired", Status.repealed: "note.repealed"}


def document_notes(corpus: Corpus, citations: Iterable[Citation], lang: str) -> list[str]:
    """One note per document, however many of its clauses are cited."""
    out = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations):
        meta = corpus.document(doc_id).meta
        key = _STATUS_KEY.get(meta.status)
        if key:
            out.append(text(key, lang, title=meta.title))
    return out


def city_notes(citations: Iterable[Citation], city: str | None, users_city: bool, lang: str,
               contrast: bool = False) -> list[str]:
    """"You asked about X, this clause is Y's": only for a city the user named or chose, and not for an answer that
    already says the city's documents are silent (a contrast)."""
    if not city or not users_city or contrast:
        return []
    others = sorted({c.city for c in citations if c.city and c.city not in (city, "浙江省")})
    return [text("note.other_city", lang, asked=city, other="、".join(others))] if others else []


def merge(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for g in groups for w in g))
