"""Follow-ups from the command line: ``ask --jsonl`` with conversations, and the ``chat`` REPL in a terminal."""

import json
import os
import pty
import select
import subprocess
import sys
import time

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    idx = tmp_path_factory.mktemp("idx")
    return dict(os.environ, XIAOWEI_ENCODER="hash:256", XIAOWEI_INDEX_DIR=str(idx),
                XIAOWEI_CHAT_HISTORY=str(idx / "history"))


def test_jsonl_with_two_interleaved_conversations(tmp_path, env):
    lines = [
        {"id": "a1", "conversation": "A", "question": "临海对建筑密度有什么要求？"},
        {"id": "b1", "conversation": "B", "question": "临海园区维修资金怎么收？"},
        {"id": "a2", "conversation": "A", "question": "那温州呢？"},
        {"id": "b2", "conversation": "B", "question": "那1200平方米呢？"},
        {"id": "x", "question": "那温州呢？"},   # no conversation: answered alone
    ]
    f = tmp_path / "conv.jsonl"
    f.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "assistant", "ask", "--jsonl", str(f)], capture_output=True, text=True,
                       cwd=ROOT, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    out = {x["id"]: x for x in map(json.loads, r.stdout.splitlines())}
    # A: the city changed, the topic kept — and 温州 sets no building density: said so, 临海's rule as contrast
    assert out["a2"]["refused"] and out["a2"]["not_covered_kind"] == "other_city" and out["a2"]["turn"] == 2
    assert "35%" in out["a2"]["answer"]
    # B: a figure added to a fee question computes the fee
    assert out["b2"]["kind"] == "calculation" and "14400" in out["b2"]["direct"]
    # alone, a bare "那温州呢？" asks which topic instead of guessing
    assert out["x"]["kind"] == "clarify" and "conversation" not in out["x"]


def _read_until(fd, marker: str, timeout: float = 120) -> str:
    buf, end = b"", time.time() + timeout
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            if marker.encode() in buf:
                return buf.decode("utf-8", "replace")
    raise AssertionError(f"did not see {marker!r}; got: {buf.decode('utf-8', 'replace')[-500:]}")


def test_chat_repl_two_turns_city_and_sources(env):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "chat"], stdin=slave, stdout=slave, stderr=slave,
                            cwd=ROOT, env=env, close_fds=True)
    os.close(slave)
    try:
        _read_until(master, "问 > ")
        os.write(master, "临海对建筑密度有什么要求？\n".encode())
        first = _read_until(master, "问 > ")
        assert "35%" in first and first.index("35%") < first.index("依据")  # the direct answer comes first
        os.write(master, "那温州呢？\n".encode())
        second = _read_until(master, "问 > ")
        assert "温州市的文件没有规定" in second
        os.write(master, "/city 温州市\n".encode())
        assert "按温州市回答" in _read_until(master, "问 > ")
        os.write(master, "/sources\n".encode())
        assert "《" in _read_until(master, "问 > ")
        os.write(master, b"\x04")  # Ctrl-D leaves
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
