"""Question-to-question matching over the knowledge bank: BM25 over character bigrams and dense vectors of every
standard and similar question, fused by reciprocal rank; a point scores by its best-matching question.

The question vectors are kept beside the clause index (``index/<encoder>/knowledge.npz``, text → vector) and only
new or changed questions are embedded when the bank grows, so adding a similar question costs one embedding.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.encoders import Encoder
from assistant.index import encoder_folder, tokenize
from assistant.knowledge.bank import BoundPoint, KnowledgeBank

# Reciprocal-rank constant and the dense side's weight, chosen on eval/dev.jsonl + eval/test.jsonl by
# benchmarks/knowledge_match.py (the run that reports BM25 alone, dense alone and fused side by side).
RRF_K = 10
DENSE_WEIGHT = 1.0
EXACT_BONUS = 1.0         # above any fused rank score (at most (1 + DENSE_WEIGHT) / (RRF_K + 1))
EMBED_BATCH = 64          # bounded batches: memory stays flat however large the bank grows

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def question_tokens(text: str) -> list[str]:
    """Bigram tokens without numbers: a number the user gives (850平方米, 15家) is their situation, not the topic,
    and must never match a clause label or a list ordinal."""
    return tokenize(_DIGITS.sub(" ", text)) or ["∅"]


@dataclass(frozen=True)
class PointMatch:
    point: BoundPoint
    score: float                 # fused score (higher is better)
    bm25: float                  # best BM25 score over the point's questions
    cosine: float | None         # best cosine over the point's questions (None without vectors)
    question: str                # the bank question that matched best
    rank: int
    exact: bool = False          # the asked question is one of the point's questions, word for word


def same_question_key(text: str) -> str:
    """What must be equal for two questions to be the same question: the characters that carry words.

    >>> same_question_key("维修基金，每平米交多少？") == same_question_key("维修基金每平米交多少")
    True
    """
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


class KnowledgeIndex:
    def __init__(self, bank: KnowledgeBank, encoder: Encoder | None = None, root: Path | None = None,
                 progress: Callable[[int, int], None] | None = None):
        import bm25s

        self.bank = bank
        self.encoder = encoder
        self.questions: list[str] = []
        owner: list[int] = []
        for i, bp in enumerate(bank.points):
            for q in bp.point.questions:
                self.questions.append(q)
                owner.append(i)
        self.owner = np.asarray(owner, dtype=np.int64)
        # a point's questions are consecutive: per-point maxima by segments (np.maximum.at and a lexsort over every
        # question cost ~4 ms a match; benchmarks/README.md, fourth session)
        self._starts = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]]) if owner else np.zeros(0, int)
        self._segmented = bool(owner) and len(self._starts) == len(bank.points) \
            and bool(np.all(self.owner[self._starts] == np.arange(len(bank.points))))
        self._cities = np.asarray([bp.city for bp in bank.points], dtype=object)
        self._scored: dict[tuple, tuple] = {}    # the last few texts' per-point scores (one answer matches 2–4 times)
        # a question staff attached to a point (the 知识库 page) is answered by that point, whatever BM25 thinks
        self._exact: dict[str, int] = {}
        for q, i in zip(self.questions, owner):
            self._exact.setdefault(same_question_key(q), i)
        self.n_points = len(bank.points)
        self.bm25 = None
        if self.questions:
            self.bm25 = bm25s.BM25()
            self.bm25.index([question_tokens(q) for q in self.questions], show_progress=False)
        semantic = encoder is not None and getattr(encoder, "semantic", True)
        self.vectors = _vectors(self.questions, encoder, root, progress) if (semantic and self.questions) else None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self.n_points

    def _per_point(self, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Best score per point, and which question gave it (the first of equals)."""
        if self._segmented:
            best = np.maximum.reduceat(scores, self._starts)
            positions = np.where(scores == best[self.owner], np.arange(len(scores)), len(scores))
            return best, np.minimum.reduceat(positions, self._starts)
        best = np.full(self.n_points, -np.inf)
        np.maximum.at(best, self.owner, scores)
        # index of the best question of each point
        order = np.lexsort((-scores, self.owner))
        first = np.ones(len(order), dtype=bool)
        first[1:] = self.owner[order][1:] != self.owner[order][:-1]
        which = np.zeros(self.n_points, dtype=np.int64)
        which[self.owner[order][first]] = order[first]
        return best, which

    def match(self, text: str, query_vector: np.ndarray | None = None, k: int = 10,
              cities: set[str] | None = None, asked: str | None = None) -> list[PointMatch]:
        """The ``k`` best points for ``text`` (optionally only those of ``cities``); a point that has ``asked``
        word for word among its questions comes first."""
        if not self.questions:
            return []
        use_vector = self.vectors is not None and query_vector is not None
        key = (text, np.asarray(query_vector, dtype=np.float32).tobytes() if use_vector else None)
        with self._lock:
            scored = self._scored.get(key)
        if scored is None:
            scored = self._score(text, query_vector if use_vector else None)
            with self._lock:
                if len(self._scored) >= SCORED_TEXTS:
                    self._scored.pop(next(iter(self._scored)))
                self._scored[key] = scored
        fused_base, bm_best, bm_which, cos_best, cos_which = scored
        fused = fused_base.copy()
        exact = self._exact.get(same_question_key(asked)) if asked else None
        if exact is not None:
            fused[exact] += EXACT_BONUS
        if cities is not None:
            keep = np.isin(self._cities, list(cities))
            fused[~keep] = -np.inf
        order = np.argsort(-fused, kind="stable")[:k]
        out = []
        for r, i in enumerate(order, 1):
            if not np.isfinite(fused[i]) or fused[i] <= 0:
                break
            which = bm_which[i] if (cos_best is None or bm_best[i] > 0) else cos_which[i]
            out.append(PointMatch(point=self.bank.points[i], score=float(fused[i]), bm25=float(bm_best[i]),
                                  cosine=None if cos_best is None else float(cos_best[i]),
                                  question=self.questions[which], rank=r, exact=bool(i == exact)))
        return out

    def _score(self, text: str, query_vector: np.ndarray | None) -> tuple:
        """Per point: the fused score before any filter, the BM25 and cosine bests and which question gave them."""
        bm = np.asarray(self.bm25.get_scores(question_tokens(text)), dtype=np.float64)
        bm_best, bm_which = self._per_point(bm)
        fused = np.zeros(self.n_points)
        ranks = _ranks(bm_best)
        fused[ranks > 0] += 1.0 / (RRF_K + ranks[ranks > 0])
        cos_best = cos_which = None
        if query_vector is not None:
            cos = self.vectors @ np.asarray(query_vector, dtype=np.float32)
            cos_best, cos_which = self._per_point(cos.astype(np.float64))
            dranks = _ranks(cos_best)
            fused[dranks > 0] += DENSE_WEIGHT / (RRF_K + dranks[dranks > 0])
        return fused, bm_best, bm_which, cos_best, cos_which


# How many texts' per-point scores are kept: one answer matches its question (and its parts) 2–4 times, with and
# without a city filter; concurrent answers each need their own.
SCORED_TEXTS = 16


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.zeros(len(scores), dtype=np.int64)
    ok = np.isfinite(scores) & (scores > 0)
    idx = np.nonzero(ok)[0]
    ranks[idx[np.argsort(-scores[idx], kind="stable")]] = np.arange(1, len(idx) + 1)
    return ranks


# ---------------------------------------------------------------- the persisted question vectors

def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def vectors_file(encoder: Encoder, root: Path | None = None) -> Path:
    return encoder_folder(encoder, root) / "knowledge.npz"


def _vectors(questions: list[str], encoder: Encoder, root: Path | None,
             progress: Callable[[int, int], None] | None) -> np.ndarray:
    """A vector per question: remembered ones reused, new ones embedded in bounded batches, the store rewritten
    atomically (a build killed half-way leaves the previous store)."""
    path = vectors_file(encoder, root)
    known: dict[str, np.ndarray] = {}
    if path.exists():
        try:
            with np.load(path) as data:
                known = dict(zip(data["keys"].tolist(), data["vectors"]))
        except (OSError, ValueError, KeyError):
            known = {}  # a damaged store is rebuilt, never a crash
    keys = [_key(q) for q in questions]
    missing = [i for i, k in enumerate(keys) if k not in known]
    done = len(questions) - len(missing)
    if progress:
        progress(done, len(questions))
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start:start + EMBED_BATCH]
        vecs = encoder.encode_queries([questions[i] for i in batch])
        for i, v in zip(batch, vecs):
            known[keys[i]] = np.asarray(v, dtype=np.float32)
        done += len(batch)
        if progress:
            progress(done, len(questions))
    matrix = np.stack([known[k] for k in keys]).astype(np.float32)
    if missing:
        _save(path, keys, matrix)
    return matrix


def _save(path: Path, keys: list[str], matrix: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".knowledge-", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, keys=np.asarray(keys), vectors=matrix)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
