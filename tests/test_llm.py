"""Optional generative wording against a small local HTTP server on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from assistant import llm
from assistant.answer import Assistant
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever


class FakeEndpoint(BaseHTTPRequestHandler):
    reply: str | None = None
    status = 200
    requests: list = []

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers["Content-Length"])
        FakeEndpoint.requests.append((self.path, json.loads(self.rfile.read(length)), self.headers.get("Authorization")))
        if FakeEndpoint.status != 200:
            self.send_response(FakeEndpoint.status)
            self.end_headers()
            return
        body = json.dumps({"choices": [{"message": {"role": "assistant", "content": FakeEndpoint.reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = HTTPServer(("127.0.0.1", 0), FakeEndpoint)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/v1"
    httpd.shutdown()


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("i")))


@pytest.fixture
def configured(server, monkeypatch):
    monkeypatch.setenv("XIAOWEI_LLM_BASE_URL", server)
    monkeypatch.setenv("XIAOWEI_LLM_MODEL", "local-test")
    monkeypatch.setenv("XIAOWEI_LLM_API_KEY", "k")
    FakeEndpoint.status = 200
    FakeEndpoint.requests.clear()


Q = "维修基金每平米交多少"


def test_unset_means_extractive(assistant, monkeypatch):
    monkeypatch.delenv("XIAOWEI_LLM_BASE_URL", raising=False)
    assert assistant.ask(Q).wording == "extractive"


def test_verified_generation_is_used(assistant, configured):
    FakeEndpoint.reply = "物业专项维修资金按“12元/平方米缴存”[1]。物业保修金按“6元/平方米缴存”[1]。"
    a = assistant.ask(Q)
    assert a.wording == "generated" and a.answer == FakeEndpoint.reply
    path, body, auth = FakeEndpoint.requests[-1]
    assert path == "/v1/chat/completions" and body["model"] == "local-test" and auth == "Bearer k"
    assert "（二十二）" in body["messages"][1]["content"]  # the model sees only the retrieved clauses


@pytest.mark.parametrize("reply", [
    "物业专项维修资金按15元/平方米缴存[1]。",                # a number the clause does not have
    "物业专项维修资金按“每平方米十二元”缴存[1]。",            # a quote that is not verbatim
    "物业专项维修资金按12元/平方米缴存。",                    # a sentence without [n]
    "物业专项维修资金按12元/平方米缴存[7]。",                 # a reference to no cited clause
])
def test_unverifiable_generation_falls_back(assistant, configured, reply):
    FakeEndpoint.reply = reply
    a = assistant.ask(Q)
    assert a.wording == "extractive" and a.answer != reply and a.citations


def test_failing_or_unreachable_endpoint_falls_back(assistant, configured, monkeypatch):
    FakeEndpoint.status = 500
    assert assistant.ask(Q).wording == "extractive"
    monkeypatch.setenv("XIAOWEI_LLM_BASE_URL", "http://127.0.0.1:9/v1")  # discard port: nothing listens
    monkeypatch.setenv("XIAOWEI_LLM_TIMEOUT", "2")
    assert assistant.ask(Q).wording == "extractive"


def test_calculations_are_never_sent(assistant, configured):
    FakeEndpoint.reply = "随便说说[1]。"
    a = assistant.ask("我买了850平方米厂房，维修基金要交多少？")
    assert a.kind == "calculation" and a.wording == "extractive" and not FakeEndpoint.requests


def test_verify_accepts_numbers_from_the_clause():
    assert llm.verify("容积率应达到“2.0以上”[1]。", ["容积率应达到2.0以上，建筑密度一般不低于35%。"]) == []


# ---------------------------------------------------------------- faults: the extractive answer, every time, in time

import socket  # noqa: E402
import socketserver  # noqa: E402
import time  # noqa: E402


def _http(body: bytes, extra: bytes = b"") -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode()
            + b"\r\n" + extra + b"\r\n" + body)


def _reply(content: str) -> bytes:
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()


class FaultHandler(socketserver.BaseRequestHandler):
    mode = "ok"
    sent = 0            # bytes of the reply body sent before the client went away
    body_size = 0

    def handle(self):
        sock = self.request
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        while len(rest) < length:
            rest += sock.recv(65536)
        FaultHandler.sent = 0
        try:
            getattr(self, f"_{FaultHandler.mode}")(sock)
        except OSError:  # the client hung up: that is the point of most faults
            pass

    def _not_http(self, sock):
        sock.sendall(b"SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n")

    def _truncated(self, sock):
        body = _reply("物业专项维修资金按12元/平方米缴存[1]。")
        sock.sendall(_http(body)[:-len(body) // 2])   # headers promise more than is sent, then close

    def _nested(self, sock):
        sock.sendall(_http(b"[" * 200_000 + b"]" * 200_000))

    def _slow_drip(self, sock):
        body = _reply("物业专项维修资金按12元/平方米缴存[1]。")
        FaultHandler.body_size = len(body)
        sock.sendall(_http(body)[:-len(body)])
        for i in range(len(body)):       # one byte at a time: each read is quick, the whole is not
            sock.sendall(body[i:i + 1])
            FaultHandler.sent = i + 1
            time.sleep(0.2)

    def _huge(self, sock):
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")   # no length: read to close
        block = b" " * (1024 * 1024)
        for i in range(300):              # 300 MB unless the client stops reading
            sock.sendall(block)
            FaultHandler.sent = (i + 1) * len(block)

    def _contradicting(self, sock):
        sock.sendall(_http(_reply("维修基金无需缴纳，入园企业可免交[1]。")))

    def _chinese_figure(self, sock):
        sock.sendall(_http(_reply("物业专项维修资金每平方米缴纳一百元[1]。")))

    def _markup(self, sock):
        sock.sendall(_http(_reply("<b>物业专项维修资金</b>按“12元/平方米缴存”[1]，详见 http://evil.example/x [1]。")))


@pytest.fixture(scope="module")
def fault_server():
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FaultHandler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()
    srv.server_close()


FAULTS = ["not_http", "truncated", "nested", "slow_drip", "huge", "contradicting", "chinese_figure", "markup"]


@pytest.mark.parametrize("mode", FAULTS)
def test_model_faults_give_the_extractive_answer(assistant, fault_server, monkeypatch, mode):
    monkeypatch.setenv("XIAOWEI_LLM_BASE_URL", fault_server)
    monkeypatch.setenv("XIAOWEI_LLM_MODEL", "faulty")
    monkeypatch.setenv("XIAOWEI_LLM_TIMEOUT", "1.5")
    FaultHandler.mode = mode
    a = assistant.ask(Q)
    assert a.wording == "extractive" and a.citations and "12元/平方米" in a.answer
    if mode == "slow_drip":   # the answer came back while the endpoint was still dribbling
        assert FaultHandler.sent < FaultHandler.body_size
    if mode == "huge":        # the reply was not read whole
        assert FaultHandler.sent < 300 * 1024 * 1024


def test_the_deadline_covers_the_whole_request(fault_server):
    """A dribbled reply: each read returns within a second, the whole would take ~30 s."""
    FaultHandler.mode = "slow_drip"
    config = llm.LLMConfig(fault_server, "m", None, timeout=0.5)
    assert llm.call(config, [{"role": "user", "content": "x"}]) is None
    assert FaultHandler.sent < FaultHandler.body_size


def test_cli_json_never_carries_unverified_model_text(fault_server, tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    FaultHandler.mode = "markup"
    env = dict(os.environ, XIAOWEI_LLM_BASE_URL=fault_server, XIAOWEI_LLM_MODEL="m", XIAOWEI_LLM_TIMEOUT="3",
               XIAOWEI_ENCODER="hash:256", XIAOWEI_INDEX_DIR=str(tmp_path / "idx"))
    r = subprocess.run([sys.executable, "-m", "assistant", "ask", Q, "--json"], capture_output=True, text=True,
                       cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "<b>" not in out["answer"] and "http" not in out["answer"] and "12元/平方米" in out["answer"]


@pytest.mark.parametrize("reply, problem", [
    ("维修基金无需缴纳，入园企业可免交[1]。", "negates"),
    ("物业专项维修资金每平方米缴纳一百元[1]。", "number"),
    ("物业专项维修资金每平方米缴纳十五元[1]。", "number"),
    ("物业专项维修资金按1.2万元缴存[1]。", "number"),
    ("物业专项维修资金按百分之十二缴存[1]。", "number"),
    ("物业专项维修资金不用交[1]。", "negates"),
    ("详见[文件](http://x.example)[1]。", "markup"),
    ("详见 www.example.com [1]。", "markup"),
    ("物业专项维修资金按**12元**缴存[1]。", "markup"),
    (":material/warning: 按12元缴存[1]。", "markup"),
])
def test_verify_rejects_contradictions_figures_and_markup(reply, problem):
    clause = "（二十二）以工业地产开发建设的小微企业产业园，物业专项维修资金缴纳标准按照12元/平方米缴存，物业保修金缴纳标准按照6元/平方米缴存。"
    problems = llm.verify(reply, [clause])
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("reply", [
    "物业专项维修资金按十二元每平方米缴存[1]。",          # Chinese numerals with the clause's value
    "物业保修金为每平方米6元[1]。",
    "第（二十二）项规定了维修资金的缴存标准[1]。",
])
def test_verify_accepts_the_clauses_figures_in_any_script(reply):
    clause = "（二十二）以工业地产开发建设的小微企业产业园，物业专项维修资金缴纳标准按照12元/平方米缴存，物业保修金缴纳标准按照6元/平方米缴存。"
    assert llm.verify(reply, [clause]) == []


def test_verify_values_not_strings():
    assert llm.verify("面积不超过2万平方米[1]。", ["单体建筑面积不得超过20000平方米。"]) == []
    assert llm.verify("占比不低于百分之三十五[1]。", ["建筑密度一般不低于35%。"]) == []
    assert llm.verify("自二〇一九年一月一日起施行[1]。", ["本实施意见自2019年1月1日起施行。"]) == []
