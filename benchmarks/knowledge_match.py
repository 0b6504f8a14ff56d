"""Matching people's questions to provisions: clause retrieval alone against question-to-question matching over
the knowledge bank (BM25 alone, dense alone, both), each fused with the clause's retrieval rank as ``ask`` does.

    python benchmarks/knowledge_match.py [--sets dev test holdout2 holdout3 holdout4] [--json]

For every answerable question of a set, the clauses of the best-matched knowledge points (distinct, in order) are
compared with the set's expected clauses: Recall@1 and Recall@3. "clause only" is the hybrid clause retriever on
its own (what answered before knowledge points). Only aggregate figures are printed, so a blind set can be measured
without its questions being read.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer import context as context_module  # noqa: E402
from assistant.answer import get_assistant  # noqa: E402
from assistant.answer.context import Context  # noqa: E402
from assistant.answer.frame import frame  # noqa: E402
from assistant.evaluation import load_questions  # noqa: E402

MODES = ("clause only", "q2q BM25 + clause", "q2q dense + clause", "q2q BM25 + dense (no clause)",
         "q2q BM25 + dense + clause")


@contextmanager
def mode(assistant, name: str):
    """Switch sides of the matching off for one mode; everything is restored afterwards."""
    kindex = assistant.services.kindex
    vectors, get_scores, weight = kindex.vectors, kindex.bm25.get_scores, context_module.CLAUSE_WEIGHT
    try:
        if "dense" not in name:
            kindex.vectors = None
        if "BM25" not in name:
            kindex.bm25.get_scores = lambda tokens: np.zeros(len(kindex.questions))
        if "no clause" in name:
            context_module.CLAUSE_WEIGHT = 0.0
        yield
    finally:
        kindex.vectors, kindex.bm25.get_scores, context_module.CLAUSE_WEIGHT = vectors, get_scores, weight


def ranked_clauses(assistant, question: str, name: str) -> list[str]:
    ctx = Context(frame=frame(question, question), services=assistant.services, previous=None)
    if name == "clause only":
        ids = [h.clause_id for h in ctx.clause_hits(k=10)]
    else:
        ids = [m.point.clause_id for m in ctx.point_matches(k=20)]
    return list(dict.fromkeys(ids))


def measure(assistant, path: Path) -> dict:
    corpus = assistant.corpus
    by_file = {d.meta.source_file: d.id for d in corpus.documents}
    questions = [q for q in load_questions(path) if q.expected and not q.conversation]
    out = {"n": len(questions)}
    for name in MODES:
        h1 = h3 = 0
        with mode(assistant, name):
            for q in questions:
                expected = {f"{by_file.get(e.source_file, '')}#{e.clause}" for e in q.expected}
                top = ranked_clauses(assistant, q.question, name)
                h1 += bool(top[:1] and top[0] in expected)
                h3 += any(t in expected for t in top[:3])
        out[name] = {"R@1": round(h1 / len(questions), 3), "R@3": round(h3 / len(questions), 3)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["dev", "test", "holdout2", "holdout3", "holdout4"],
                    help="names under eval/ or paths of .jsonl files")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    assistant = get_assistant()
    results = {Path(s).stem: measure(assistant, Path(s) if s.endswith(".jsonl") else ROOT / "eval" / f"{s}.jsonl")
               for s in args.sets}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"encoder {assistant.retriever.encoder.model_id}; Recall@1 / Recall@3 of the expected clause")
    print("| set | n | " + " | ".join(MODES) + " |")
    print("|---|---|" + "---|" * len(MODES))
    for s, r in results.items():
        print(f"| {s} | {r['n']} | " + " | ".join(f"{r[m]['R@1']} / {r[m]['R@3']}" for m in MODES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
