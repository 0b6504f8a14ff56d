"""Citations for the clauses that forms quote, checked against the corpus text.

Forms quote a handful of fixed clauses (commitments, indicator sources). Each
quote must be a verbatim substring of its clause, so a typo in
``forms/*.yaml`` is an error rather than a misquotation on a signed form.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.corpus import Corpus, load_corpus
from assistant.errors import FormError, NotFoundError
from assistant.models import Citation, Span


@lru_cache(maxsize=1)
def _corpus() -> Corpus:
    return load_corpus()


def cite(doc_id: str, clause: str, quote: str, corpus: Corpus | None = None) -> Citation:
    """A Citation of ``quote`` in clause ``clause`` (label as printed) of ``doc_id``."""
    corpus = corpus or _corpus()
    try:
        cl = corpus.clause(doc_id, clause)
    except NotFoundError as exc:
        raise FormError(exc.message, exc.message_en, field="clause") from None
    meta = corpus.document(doc_id).meta
    at = cl.text.find(quote)
    if not quote or at < 0:
        raise FormError(f"《{meta.title}》{clause} 中没有这段原文：“{quote}”",
                        f"quote not found verbatim in {doc_id}#{clause}: {quote!r}", field="quote")
    start = cl.span.start + at
    return Citation(doc_id=doc_id, source_file=meta.source_file, title=meta.title, clause=clause,
                    quote=quote, span=Span(start=start, end=start + len(quote)), status=meta.status,
                    city=meta.city)
