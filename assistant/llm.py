"""Optional generative wording through an OpenAI-compatible chat endpoint — verified, or not used.

Configured by environment (nothing is configured by default)::

    XIAOWEI_LLM_BASE_URL   e.g. http://127.0.0.1:8000/v1
    XIAOWEI_LLM_MODEL      model name the endpoint expects
    XIAOWEI_LLM_API_KEY    optional bearer token
    XIAOWEI_LLM_TIMEOUT    seconds for the whole request (connect, send, headers, body), default 15

The model only rephrases an answer from the clauses already retrieved. Its text
is accepted only if it passes ``assistant.llm_verify`` (every sentence cites
``[n]``, quotes verbatim, every figure in the cited clauses, no negated
obligation, no markup or link). Otherwise — and when the endpoint is unset,
unreachable, slow, too large, not HTTP, not JSON or not the expected JSON — the
extractive answer stands: this path never raises and never takes longer than
its deadline. A language model never computes: calculation answers are never sent.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass

from assistant import textin
from assistant.llm_verify import verify
from assistant.models import Citation

SYSTEM = ("你是浙江省小微企业园政策助手。只根据给出的条款回答，不得添加条款以外的信息或数字。"
          "用提问的语言回答，简洁，纯文本（不用 Markdown、HTML 或链接）。每一句话末尾必须用 [编号] 标明所依据的条款；"
          "引用原文时用“”括起，且必须与条款原文一字不差。"
          "You assist with Zhejiang small and micro enterprise park rules. Answer only from the numbered clauses given, "
          "in plain text; end every sentence with [n] naming its clause; quote verbatim inside “ ” only.")

MAX_REPLY_BYTES = 1024 * 1024   # a reply is a few hundred bytes; the probe's 300 MB reply was read whole
MAX_REPLY_CHARS = 4000          # longer than any answer the model is asked for: not shown
DEFAULT_TIMEOUT = 15.0


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls) -> "LLMConfig | None":
        base, model = os.environ.get("XIAOWEI_LLM_BASE_URL"), os.environ.get("XIAOWEI_LLM_MODEL")
        if not base or not model:
            return None
        try:
            timeout = float(os.environ.get("XIAOWEI_LLM_TIMEOUT", DEFAULT_TIMEOUT))
        except ValueError:
            timeout = DEFAULT_TIMEOUT
        if not 0 < timeout <= 600:  # NaN, negative, absurd: the default
            timeout = DEFAULT_TIMEOUT
        return cls(base.rstrip("/"), model, os.environ.get("XIAOWEI_LLM_API_KEY") or None, timeout)


def build_messages(question: str, citations: list[Citation], clause_texts: list[str]) -> list[dict]:
    numbered = "\n\n".join(f"[{i}] 《{c.title}》{c.clause}：\n{t.strip()}"
                           for i, (c, t) in enumerate(zip(citations, clause_texts), 1))
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"条款：\n{numbered}\n\n问题：{question}"}]


def call(config: LLMConfig, messages: list[dict]) -> str | None:
    """The endpoint's reply text, or None on any failure (never raises, never outlasts ``config.timeout``)."""
    deadline = time.monotonic() + config.timeout
    body = json.dumps({"model": config.model, "messages": messages, "temperature": 0}).encode()
    headers = {"Content-Type": "application/json",
               **({"Authorization": f"Bearer {config.api_key}"} if config.api_key else {})}
    try:
        raw = post(f"{config.base_url}/chat/completions", body, headers, deadline)
        data = json.loads(raw.decode("utf-8"))   # RecursionError on a deeply nested reply: caught below
        content = data["choices"][0]["message"]["content"]
    except Exception:  # noqa: BLE001 - optional wording: every failure means "use the extractive answer"
        return None
    if not isinstance(content, str) or len(content) > MAX_REPLY_CHARS or textin.has_invalid_unicode(content):
        return None
    return textin.strip_controls(content, multiline=True).strip() or None


class ReplyError(Exception):
    """The endpoint did not give a usable HTTP reply in time (caught in ``call``)."""


def post(url: str, body: bytes, headers: dict, deadline: float, max_bytes: int = MAX_REPLY_BYTES) -> bytes:
    """POST and read the reply body, all of it before ``deadline`` (a monotonic time) and at most ``max_bytes``.

    A per-read socket timeout does not bound a reply dribbled one byte at a time, so a timer shuts the
    socket down at the deadline: whatever read is blocked then returns at once.
    """
    u = urllib.parse.urlsplit(url)
    if u.scheme not in ("http", "https") or not u.hostname:
        raise ReplyError(f"not an http(s) URL: {url}")
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise ReplyError("deadline passed")
    cls = http.client.HTTPSConnection if u.scheme == "https" else http.client.HTTPConnection
    conn = cls(u.hostname, u.port, timeout=remaining)
    timer = threading.Timer(remaining, _shut, args=(conn,))
    timer.daemon = True
    timer.start()
    try:
        path = (u.path or "/") + (f"?{u.query}" if u.query else "")
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        if resp.status != 200:
            raise ReplyError(f"HTTP {resp.status}")
        length = resp.getheader("Content-Length")
        if length is not None and (not length.strip().isdigit() or int(length) > max_bytes):
            raise ReplyError(f"reply too large: {length}")
        chunks, total = [], 0
        while chunk := resp.read1(64 * 1024):
            total += len(chunk)
            if total > max_bytes:
                raise ReplyError("reply too large")
            if time.monotonic() > deadline:
                raise ReplyError("deadline passed")
            chunks.append(chunk)
        if time.monotonic() > deadline:
            raise ReplyError("deadline passed")
        return b"".join(chunks)
    finally:
        timer.cancel()
        conn.close()


def _shut(conn: http.client.HTTPConnection) -> None:
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def rephrase(question: str, citations: list[Citation], clause_texts: list[str],
             config: LLMConfig | None = None) -> str | None:
    """Verified generated wording, or None (use the extractive answer)."""
    config = config or LLMConfig.from_env()
    if config is None or not citations:
        return None
    try:
        reply = call(config, build_messages(question, citations, clause_texts))
        if reply is None or verify(reply, clause_texts):
            return None
    except Exception:  # noqa: BLE001 - the optional path never takes an answer down
        return None
    return reply
