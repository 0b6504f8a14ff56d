"""Stage 4: hybrid retrieval — BM25 and dense ranks fused by weighted reciprocal rank.

Usage (builds or loads the index under ``index/``, so not a doctest; ``tests/test_retrieval.py`` runs it)::

    r = Retriever(encoder="hash:256")
    r.search("维修基金每平米交多少", k=3).hits[0].clause   # '（二十二）'
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from assistant import textin
from assistant.corpus import Corpus, load_corpus
from assistant.encoders import Encoder, get_encoder
from assistant.errors import QueryError
from assistant.index import SearchIndex, ensure_index
from assistant.query import AnalysedQuery, analyse


MAX_K = 100  # results per search: a page of results, not the corpus


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
        # per-passage attributes as arrays: filters and boosts are vector operations, not Python loops
        # (measured: the loops cost ~9 ms per query at 100 000 clauses, benchmarks/SCALE.md)
        self._city = np.array([p.city for p in index.passages])
        self._doc = np.array([p.doc_id for p in index.passages])
        self._status = np.array([p.status for p in index.passages])
        # one answer may search the same text more than once (a city filter and the wide search, a comparison's
        # cities, the related clauses of a refusal); the query embedding is most of a search's time
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vectors_lock = threading.Lock()
        _single_threaded_faiss()

    QUERY_CACHE_SIZE = 256

    def query_vector(self, text: str) -> np.ndarray:
        """The encoder's query embedding of ``text``, remembered for the last few hundred texts (read-only)."""
        with self._vectors_lock:
            vec = self._vectors.get(text)
            if vec is not None:
                self._vectors.move_to_end(text)
                return vec
        vec = self.encoder.encode_queries([text])[0]
        vec.setflags(write=False)
        with self._vectors_lock:
            self._vectors[text] = vec
            while len(self._vectors) > self.QUERY_CACHE_SIZE:
                self._vectors.popitem(last=False)
        return vec

    def clear_query_cache(self) -> None:
        """Forget remembered query embeddings (benchmarks time each question from cold)."""
        with self._vectors_lock:
            self._vectors.clear()

    def search(self, question: str, k: int = 5, city: str | None = None, doc_id: str | None = None,
               status: str | None = None, include_province: bool = True,
               query: AnalysedQuery | None = None) -> SearchResult:
        if not isinstance(k, int) or k < 1:
            raise QueryError("结果数 k 必须是正整数", "k must be a positive integer", field="k")
        if k > MAX_K:
            raise QueryError(f"结果数 k 不能超过 {MAX_K}", f"k must be at most {MAX_K}", field="k")
        q = query or analyse(textin.question(question))
        passages = self.index.passages
        n = len(passages)
        mask = np.ones(n, dtype=bool)
        if city:
            mask &= np.isin(self._city, [city, "浙江省"] if include_province else [city])
        if doc_id:
            mask &= self._doc == doc_id
        if status:
            mask &= self._status == status
        if not mask.any():
            return SearchResult(q, [], {"city": city, "doc_id": doc_id, "status": status})

        bm25 = self.index.bm25_scores(q.search_text)
        bm25_rank = _ranks(np.where(mask, bm25, -np.inf), positive_only=True)

        dense_text = q.search_text if self.fusion.dense_query_expansion else q.text
        qvec = self.query_vector(dense_text)
        _single_threaded_faiss()
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
            fused[np.isin(self._city, list(q.cities))] *= f.city_boost
        fused[~mask] = -np.inf
        order = _top_k(fused, k)
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


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest scores, best first, without sorting all of them."""
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


_faiss_thread = threading.local()


def _single_threaded_faiss() -> None:
    """One query at a time gains nothing from FAISS's threads, and they contend with the
    server's own threads (measured: 6.6 ms on one thread vs 24 ms on two under load).

    OpenMP keeps this setting per calling thread: set once in every thread that searches (a server's or
    a pool's threads, not only the one that built the retriever), else each of them spins up a team.
    """
    if getattr(_faiss_thread, "set", False):
        return
    import faiss

    faiss.omp_set_num_threads(1)
    _faiss_thread.set = True


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
_cleaned: list[bool] = []


def _clean_up_once(corpus: Corpus) -> None:
    """At a process's first search (an app server's start, a CLI command): remove what killed writers left in
    the corpus folder, if nobody is writing now. Index builds clean their own folder under their lock."""
    from assistant.corpus import clean_up

    _cleaned.append(True)
    try:
        clean_up(corpus.root)
    except OSError:  # a read-only corpus folder: nothing to clean, nothing to stop for
        pass


def get_retriever(encoder: str | None = None) -> Retriever:
    """One retriever per encoder per process, rebuilt when the corpus changes."""
    from assistant.encoders import encoder_spec

    corpus = load_corpus()
    key = (encoder_spec(encoder), corpus.fingerprint)
    with _shared_lock:
        if not _cleaned:
            _clean_up_once(corpus)
        if key not in _shared:
            _shared.clear()
            _shared[key] = Retriever(corpus=corpus, encoder=encoder)
        return _shared[key]
