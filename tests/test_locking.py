"""Two writers at once: real processes racing to ingest, and the lock that makes one of them wait."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from assistant.corpus import clean_up, ingest_bytes, load_corpus
from assistant.errors import BusyError, IngestError
from assistant.locking import try_write_lock, write_lock

from conftest import ROOT, snapshot

# Each worker imports everything first, then for every round waits for that round's "go" file and runs the
# real CLI command in-process (so both processes enter `ingest` within a millisecond of each other).
_RACER = r"""
import contextlib, io, json, os, sys, time
from pathlib import Path
from assistant.cli import main
import assistant.corpus, assistant.loaders  # noqa: F401 - imported before the start signal
base, me, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
for i in range(rounds):
    r = base / str(i)
    while not (r / "go").exists():
        time.sleep(0.0005)
    os.environ["XIAOWEI_CORPUS_DIR"] = str(r / "corpus")
    spec = json.loads((r / f"{me}.json").read_text())
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["ingest", spec["file"], "--title", spec["title"], "--city", "温州市", "--json"])
    (r / f"{me}.result.tmp").write_text(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()}))
    os.replace(r / f"{me}.result.tmp", r / f"{me}.result")
"""

# (same title?, same file name?): the case (both) and each on its own
KINDS = [(True, True), (True, False), (False, True)]


def _round(base, i):
    r = base / str(i)
    shutil.copytree(ROOT / "corpus", r / "corpus")
    same_title, same_name = KINDS[i % len(KINDS)]
    for me in ("a", "b"):
        (r / me).mkdir(parents=True)
        name = "同名文件.txt" if same_name else f"文件{me}.txt"
        path = r / me / name
        path.write_text(f"关于小微企业园的通知\n一、总则\n（一）本文件由进程 {me} 导入，第 {i} 轮。\n", encoding="utf-8")
        title = "同一标题的通知" if same_title else f"进程{me}的通知"
        (r / f"{me}.json").write_text(json.dumps({"file": str(path), "title": title}))
    return r


def run_race(base, rounds):
    rounds_dirs = [_round(base, i) for i in range(rounds)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", _RACER, str(base), me, str(rounds)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for me in ("a", "b")]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready", p.stderr.read()
        for r in rounds_dirs:
            (r / "go").touch()
            deadline = time.monotonic() + 60
            while not ((r / "a.result").exists() and (r / "b.result").exists()):
                assert time.monotonic() < deadline, "a racer hung"
                # a racer that has written this round's result may already have exited (its last round)
                assert all(p.poll() is None or (r / f"{me}.result").exists() for me, p in zip(("a", "b"), procs)), \
                    [p.stderr.read() for p in procs]
                time.sleep(0.005)
        for p in procs:
            p.wait(timeout=30)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    return rounds_dirs


@pytest.mark.parametrize("rounds", [20])
def test_twenty_concurrent_ingests_corrupt_nothing_lose_nothing_and_tell_the_loser(tmp_path, rounds):
    for i, r in enumerate(run_race(tmp_path, rounds)):
        results = {me: json.loads((r / f"{me}.result").read_text()) for me in ("a", "b")}
        codes = sorted(res["code"] for res in results.values())
        assert codes == [0, 2], (i, results)                      # exactly one wins; the other is refused
        winner = next(me for me, res in results.items() if res["code"] == 0)
        loser = results["b" if winner == "a" else "a"]
        error = json.loads(loser["out"])
        assert error["field"] in ("file", "title") and error["message"] and error["message_en"], error
        assert "已" in error["message"]                            # 已收录同名文件 / 已有同名文档
        corpus = load_corpus(r / "corpus")                          # readable: nothing corrupted
        assert len(corpus.documents) == 6
        added = json.loads(results[winner]["out"])
        stored = corpus.document(added["id"])
        assert f"进程 {winner} 导入，第 {i} 轮" in stored.text      # the winner's document, whole
        assert not [p for p in (r / "corpus" / "documents").iterdir() if p.name.endswith(".tmp")]


def test_a_held_lock_makes_the_other_writer_wait_then_give_up_clearly(corpus_copy, monkeypatch):
    docs = corpus_copy / "documents"
    before = snapshot(corpus_copy)
    monkeypatch.setenv("XIAOWEI_LOCK_TIMEOUT", "0.3")
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys, time\n"
                               "fd = os.open(sys.argv[1], os.O_RDONLY)\nfcntl.flock(fd, fcntl.LOCK_EX)\n"
                               "print('locked', flush=True)\ntime.sleep(60)", str(docs)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not try_write_lock(docs)
        with pytest.raises(BusyError) as exc:
            ingest_bytes("一、总则\n".encode(), "x.txt", title="等待", city="温州市")
        assert exc.value.field == "lock" and "稍后" in exc.value.message
        assert snapshot(corpus_copy) == before
    finally:
        holder.kill()
        holder.wait()
    assert try_write_lock(docs)  # the kernel released the dead holder's lock
    ingest_bytes("一、总则\n".encode(), "x.txt", title="等待", city="温州市")


def test_two_threads_exclude_each_other(tmp_path):
    import threading

    inside, overlap = [], []

    def worker():
        with write_lock(tmp_path, "x", "x"):
            if inside:
                overlap.append(True)
            inside.append(1)
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not overlap


def test_leftovers_of_a_killed_ingest_are_removed_at_the_next_start(corpus_copy):
    docs = corpus_copy / "documents"
    (docs / ".killed-doc.txt.abc123.tmp").write_bytes(b"x" * 1024)
    (docs / "killed-doc.txt").write_text("一、总则\n", encoding="utf-8")   # text renamed, metadata never written
    assert sorted(clean_up(corpus_copy)) == [".killed-doc.txt.abc123.tmp", "killed-doc.txt"]
    assert len(load_corpus(corpus_copy).documents) == 5
    assert clean_up(corpus_copy) == []


def test_same_title_in_another_city_is_allowed_in_the_same_city_refused(corpus_copy):
    ingest_bytes("一、总则\n（一）甲。\n".encode(), "a.txt", title="实施意见", city="温州市")
    ingest_bytes("一、总则\n（一）乙。\n".encode(), "b.txt", title="实施意见", city="临海市")
    with pytest.raises(IngestError) as exc:
        ingest_bytes("一、总则\n（一）丙。\n".encode(), "c.txt", title="实施意见", city="温州市")
    assert exc.value.field == "title" and "同名文档" in exc.value.message


def test_the_next_command_removes_a_killed_ingests_temp_file(corpus_copy, tmp_path):
    leftover = corpus_copy / "documents" / ".big.txt.x1y2z3.tmp"
    leftover.write_bytes(b"\0" * (1024 * 1024))   # what a killed 10–19 MB ingest left, forever
    env = dict(os.environ, XIAOWEI_CORPUS_DIR=str(corpus_copy), XIAOWEI_ENCODER="hash:64",
               XIAOWEI_INDEX_DIR=str(tmp_path / "idx"))
    r = subprocess.run([sys.executable, "-m", "assistant", "search", "维修基金", "-k", "1"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not leftover.exists()
