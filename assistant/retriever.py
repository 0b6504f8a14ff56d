"""Stage 4: hybrid retrieval — BM25 and dense ranks fused by weighted reciprocal rank.

>>> r = Retriever(encoder="hash:256")          # doctest: +SKIP
>>> r.search("维修基金每平米交多少", k=3).hits[0].clause  # doctest: +SKIP
'（二十二）'
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from assistant.corpus import Corpus, load_corpus
from assistant.encoders import Encoder, get_encoder
from assistant.errors import QueryError
from assistant.index import SearchIndex, ensure_index
from assistant.query import AnalysedQuery, analyse


@dataclass(frozen=True)
class FusionConfig:
    bm25_weight: float = 1.0
    dense_weight: float = 0.2   # chosen on eval/dev.jsonl by benchmarks/tune_fusion.py
    rrf_k: int = 20
    city_boost: float = 1.5        # multiplier for clauses of a city the question names
    dense_query_expansion: bool = False


@dataclass
class Hit:
    clause_id: str
    doc_id: str
    source_file: str
    title: str
    clause: str
    text: str
    city: str
    status: str
    score: float
    bm25_rank: int | None
    dense_rank: int | None
    bm25_score: float
    dense_score: float

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SearchResult:
    query: AnalysedQuery
    hits: list[Hit]
    filters: dict = field(default_factory=dict)


class Retriever:
    """Loads (or builds) the index once; ``search`` is thread-safe and read-only."""

    def __init__(self, corpus: Corpus | None = None, encoder: Encoder | str | None = None,
                 index_root=None, fusion: FusionConfig | None = None, index: SearchIndex | None = None):
        self.corpus = corpus or load_corpus()
        self.encoder = encoder if (encoder is not None and not isinstance(encoder, str)) else get_encoder(encoder)
        if index is None:
            index, self.rebuilt_because = ensure_index(self.corpus, self.encoder, index_root)
        else:
            self.rebuilt_because = None
        self.index = index
        self.fusion = fusion or FusionConfig()
        self._position = {p.clause_id: i for i, p in enumerate(index.passages)}
        self._lock = threading.Lock()  # faiss search is thread-safe; the lock guards lazy state only

    def search(self, question: str, k: int = 5, city: str | None = None, doc_id: str | None = None,
               status: str | None = None, include_province: bool = True,
               query: AnalysedQuery | None = None) -> SearchResult:
        if not isinstance(k, int) or k < 1:
            raise QueryError("结果数 k 必须是正整数", "k must be a positive integer", field="k")
        q = query or analyse(question)
        passages = self.index.passages
        n = len(passages)
        mask = np.ones(n, dtype=bool)
        if city:
            allowed = {city} | ({"浙江省"} if include_province else set())
            mask &= np.array([p.city in allowed for p in passages])
        if doc_id:
            mask &= np.array([p.doc_id == doc_id for p in passages])
        if status:
            mask &= np.array([p.status == status for p in passages])
        if not mask.any():
            return SearchResult(q, [], {"city": city, "doc_id": doc_id, "status": status})

        bm25 = self.index.bm25_scores(q.search_text)
        bm25_rank = _ranks(np.where(mask, bm25, -np.inf), positive_only=True)

        dense_text = q.search_text if self.fusion.dense_query_expansion else q.text
        qvec = self.encoder.encode_queries([dense_text])[0]
        dk = min(n, max(100, k * 20))
        dscores_top, dids = self.index.dense_search(qvec, dk)
        dense = np.full(n, -np.inf, dtype=np.float32)
        valid = dids >= 0
        dense[dids[valid]] = dscores_top[valid]
        dense_rank = _ranks(np.where(mask, dense, -np.inf))

        f = self.fusion
        fused = np.zeros(n, dtype=np.float64)
        has_b = bm25_rank > 0
        has_d = dense_rank > 0
        fused[has_b] += f.bm25_weight / (f.rrf_k + bm25_rank[has_b])
        fused[has_d] += f.dense_weight / (f.rrf_k + dense_rank[has_d])
        if q.cities and not city:
            boost = np.array([p.city in q.cities for p in passages])
            fused[boost] *= f.city_boost
        fused[~mask] = -np.inf
        order = np.argsort(-fused, kind="stable")[:k]
        hits = []
        for i in order:
            if not np.isfinite(fused[i]) or fused[i] <= 0:
                break
            p = passages[i]
            doc = self.corpus.document(p.doc_id)
            clause = self.corpus.clause_by_id(p.clause_id)
            hits.append(Hit(
                clause_id=p.clause_id, doc_id=p.doc_id, source_file=doc.meta.source_file, title=doc.meta.title,
                clause=clause.label, text=clause.clean_text, city=p.city, status=p.status, score=float(fused[i]),
                bm25_rank=int(bm25_rank[i]) or None, dense_rank=int(dense_rank[i]) or None,
                bm25_score=float(bm25[i]), dense_score=float(dense[i]) if np.isfinite(dense[i]) else 0.0))
        return SearchResult(q, hits, {"city": city, "doc_id": doc_id, "status": status})


def _ranks(scores: np.ndarray, positive_only: bool = False) -> np.ndarray:
    """1-based rank of each entry by descending score; 0 where the entry is not ranked."""
    ranks = np.zeros(len(scores), dtype=np.int64)
    ok = np.isfinite(scores) & ((scores > 0) if positive_only else True)
    idx = np.nonzero(ok)[0]
    order = idx[np.argsort(-scores[idx], kind="stable")]
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


_shared: dict[tuple, Retriever] = {}
_shared_lock = threading.Lock()


def get_retriever(encoder: str | None = None) -> Retriever:
    """One retriever per encoder per process, rebuilt when the corpus changes."""
    from assistant.encoders import encoder_spec

    corpus = load_corpus()
    key = (encoder_spec(encoder), corpus.fingerprint)
    with _shared_lock:
        if key not in _shared:
            _shared.clear()
            _shared[key] = Retriever(corpus=corpus, encoder=encoder)
        return _shared[key]
