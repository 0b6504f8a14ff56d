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
