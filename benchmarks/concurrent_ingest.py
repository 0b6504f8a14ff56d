"""Two `ingest` processes at once, N rounds: how many rounds end corrupted, silently lost, or duplicated.

    python benchmarks/concurrent_ingest.py --rounds 20              # this checkout
    python benchmarks/concurrent_ingest.py --rounds 20 --root DIR   # another checkout (e.g. before the lock)

Each round copies corpus/ into a temporary folder; two worker processes (started once, everything
imported) wait for the round's start file and run the real CLI `ingest` at the same moment. The rounds cycle
through: same title and same file name (the issue's case), same title only, same file name only — different
document texts every time. A round is

- corrupted: the corpus no longer loads afterwards;
- silently lost: both exited 0 but fewer than two new documents are stored, or a stored text is not the
  document that was ingested under that id;
- duplicated: both exited 0 and two documents share a source file or (city, title);
- clean: one stored whole, the other refused with exit 2 and a message saying why.
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

RACER = r"""
import contextlib, io, json, os, sys, time
from pathlib import Path
from assistant.cli import main
import assistant.corpus, assistant.loaders  # noqa: F401
base, me, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
for i in range(rounds):
    r = base / str(i)
    while not (r / "go").exists():
        time.sleep(0.0005)
    os.environ["XIAOWEI_CORPUS_DIR"] = str(r / "corpus")
    spec = json.loads((r / f"{me}.json").read_text())
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["ingest", spec["file"], "--title", spec["title"], "--city", "温州市", "--json"])
    except BaseException as exc:  # the old code may raise instead of returning
        code = f"raised {type(exc).__name__}"
    (r / f"{me}.result.tmp").write_text(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()}))
    os.replace(r / f"{me}.result.tmp", r / f"{me}.result")
"""

KINDS = [(True, True), (True, False), (False, True)]


def prepare(base: Path, i: int, root: Path) -> Path:
    r = base / str(i)
    shutil.copytree(root / "corpus", r / "corpus")
    same_title, same_name = KINDS[i % len(KINDS)]
    for me in ("a", "b"):
        (r / me).mkdir(parents=True)
        path = r / me / ("同名文件.txt" if same_name else f"文件{me}.txt")
        path.write_text(f"关于小微企业园的通知\n一、总则\n（一）本文件由进程 {me} 导入，第 {i} 轮。\n", encoding="utf-8")
        title = "同一标题的通知" if same_title else f"进程{me}的通知"
        (r / f"{me}.json").write_text(json.dumps({"file": str(path), "title": title}))
    return r


def judge(r: Path, i: int, root: Path) -> str:
    results = {me: json.loads((r / f"{me}.result").read_text()) for me in ("a", "b")}
    check = subprocess.run([sys.executable, "-c", CHECK, str(r / "corpus")], capture_output=True, text=True,
                           cwd=root, env=dict(os.environ, PYTHONPATH=str(root)))
    if check.returncode != 0:
        return "corrupted"
    docs = json.loads(check.stdout)
    new = [d for d in docs if d["id"] not in ORIGINAL]
    wins = [me for me, res in results.items() if res["code"] == 0]
    for d in new:
        if not any(f"进程 {me} 导入，第 {i} 轮" in d["text"] for me in ("a", "b")):
            return "silently lost"
    if len(wins) == 2:
        if len(new) < 2:
            return "silently lost"
        sources = [d["source_file"] for d in new]
        titles = [d["title"] for d in new]
        if len(set(sources)) < 2 or len(set(titles)) < 2:
            return "duplicated"
        return "both stored"
    if len(wins) == 1 and len(new) == 1:
        loser = results["b" if wins[0] == "a" else "a"]
        told = loser["code"] == 2 and (loser["out"] + loser["err"]).strip()
        return "clean" if told else "loser not told"
    return f"other ({[res['code'] for res in results.values()]}, {len(new)} stored)"


CHECK = r"""
import json, sys
from assistant.corpus import load_corpus
c = load_corpus(sys.argv[1])
print(json.dumps([{"id": d.id, "title": d.meta.title, "source_file": d.meta.source_file, "text": d.text}
                  for d in c.documents], ensure_ascii=False))
"""
ORIGINAL = {"cixi-192-reply", "cixi-181-reply", "linhai-plan-draft", "zj-notice-2018-14", "wenzhou-opinions"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--root", type=Path, default=HERE, help="checkout whose code and corpus are used")
    args = ap.parse_args()
    root = args.root.resolve()
    with tempfile.TemporaryDirectory(prefix="race-") as tmp:
        base = Path(tmp)
        rounds = [prepare(base, i, root) for i in range(args.rounds)]
        env = dict(os.environ, PYTHONPATH=str(root))
        procs = [subprocess.Popen([sys.executable, "-c", RACER, str(base), me, str(args.rounds)], cwd=root, env=env,
                                  stdout=subprocess.PIPE, text=True) for me in ("a", "b")]
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        for r in rounds:
            (r / "go").touch()
            while not ((r / "a.result").exists() and (r / "b.result").exists()):
                time.sleep(0.005)
        for p in procs:
            p.wait()
        verdicts = [judge(r, i, root) for i, r in enumerate(rounds)]
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v] = counts.get(v, 0) + 1
    print(json.dumps({"rounds": args.rounds, "root": str(root), "verdicts": counts,
                      "per_kind": {f"same title={t}, same file={f}": [v for k, v in enumerate(verdicts)
                                                                        if KINDS[k % 3] == (t, f)]
                                   for t, f in KINDS}}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
