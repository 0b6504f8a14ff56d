"""Question-to-question matching: the per-point maxima by segments equal the general computation, and the scores
kept for a text give the same matches as computing them again."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.encoders import HashingEncoder
from assistant.knowledge.bank import load_bank
from assistant.knowledge.index import KnowledgeIndex

BANK = load_bank()
INDEX = KnowledgeIndex(BANK, HashingEncoder(64), root=None)


def _general(index: KnowledgeIndex, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    segmented, index._segmented = index._segmented, False
    try:
        return index._per_point(scores)
    finally:
        index._segmented = segmented


def test_the_bank_is_laid_out_point_by_point():
    assert INDEX._segmented


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.booleans())
def test_segment_maxima_equal_the_general_computation(seed, ties):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 3, len(INDEX.questions)).astype(float) if ties else rng.normal(size=len(INDEX.questions))
    best, which = INDEX._per_point(scores)
    best2, which2 = _general(INDEX, scores)
    assert np.array_equal(best, best2)
    assert np.array_equal(which, which2)          # the first of equal questions, both ways


def test_kept_scores_give_the_same_matches_as_fresh_ones():
    q = "维修资金每平方米交多少钱"
    first = INDEX.match(q, k=8)
    again = INDEX.match(q, k=8)
    filtered = INDEX.match(q, k=8, cities={"温州市"})
    fresh = KnowledgeIndex(BANK, HashingEncoder(64), root=None).match(q, k=8, cities={"温州市"})
    assert [m.point.point.id for m in first] == [m.point.point.id for m in again]
    assert [m.point.point.id for m in filtered] == [m.point.point.id for m in fresh]
    assert all(m.point.city == "温州市" for m in filtered)
