"""Optional generative wording through an OpenAI-compatible chat endpoint — verified, or not used.

Configured by environment (nothing is configured by default)::

    XIAOWEI_LLM_BASE_URL   e.g. http://127.0.0.1:8000/v1
    XIAOWEI_LLM_MODEL      model name the endpoint expects
    XIAOWEI_LLM_API_KEY    optional bearer token
    XIAOWEI_LLM_TIMEOUT    seconds, default 15

The model only rephrases an answer from the clauses already retrieved. Its text
is accepted only if every sentence carries a ``[n]`` that names a cited clause,
every quoted passage (“…” or 「…」) is verbatim in the clause it names, and
every number in it appears in the cited clauses. Otherwise — and when the
endpoint is unset, unreachable or failing — the extractive answer stands. A
language model never computes: calculation answers are never sent.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from assistant.models import Citation

SYSTEM = ("你是浙江省小微企业园政策助手。只根据给出的条款回答，不得添加条款以外的信息或数字。"
          "用提问的语言回答，简洁。每一句话末尾必须用 [编号] 标明所依据的条款；引用原文时用“”括起，且必须与条款原文一字不差。"
          "You assist with Zhejiang small and micro enterprise park rules. Answer only from the numbered clauses given; "
          "end every sentence with [n] naming its clause; quote verbatim inside “ ” only.")


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 15.0

    @classmethod
    def from_env(cls) -> "LLMConfig | None":
        base, model = os.environ.get("XIAOWEI_LLM_BASE_URL"), os.environ.get("XIAOWEI_LLM_MODEL")
        if not base or not model:
            return None
        try:
            timeout = float(os.environ.get("XIAOWEI_LLM_TIMEOUT", "15"))
        except ValueError:
            timeout = 15.0
        return cls(base.rstrip("/"), model, os.environ.get("XIAOWEI_LLM_API_KEY") or None, timeout)


def build_messages(question: str, citations: list[Citation], clause_texts: list[str]) -> list[dict]:
    numbered = "\n\n".join(f"[{i}] 《{c.title}》{c.clause}：\n{t.strip()}"
                           for i, (c, t) in enumerate(zip(citations, clause_texts), 1))
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"条款：\n{numbered}\n\n问题：{question}"}]


def call(config: LLMConfig, messages: list[dict]) -> str | None:
    """The endpoint's reply text, or None on any failure (never raises)."""
    body = json.dumps({"model": config.model, "messages": messages, "temperature": 0}).encode()
    req = urllib.request.Request(f"{config.base_url}/chat/completions", data=body, method="POST",
                                 headers={"Content-Type": "application/json",
                                          **({"Authorization": f"Bearer {config.api_key}"} if config.api_key else {})})
    try:
        with urllib.request.urlopen(req, timeout=config.timeout) as resp:
            data = json.loads(resp.read().decode("utf-8"))
        return str(data["choices"][0]["message"]["content"]).strip() or None
    except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError):
        return None


_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_QUOTE = re.compile(r"[“「]([^”」]+)[”」]")
_REF = re.compile(r"\[(\d+)\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def verify(text: str, clause_texts: list[str]) -> list[str]:
    """Problems with a generated answer; empty means it may be shown."""
    problems = []
    n = len(clause_texts)
    for sentence in (s.strip() for s in _SENT.findall(text)):
        if not sentence or not re.search(r"\w", _REF.sub("", sentence)):
            continue
        refs = [int(x) for x in _REF.findall(sentence)]
        if not refs:
            problems.append(f"sentence without [n]: {sentence[:40]}")
            continue
        if any(r < 1 or r > n for r in refs):
            problems.append(f"reference out of range: {refs}")
            continue
        sources = [clause_texts[r - 1] for r in refs]
        for quote in _QUOTE.findall(sentence):
            if not any(quote in s for s in sources):
                problems.append(f"quote not verbatim: {quote[:40]}")
        for number in _NUMBER.findall(_REF.sub("", sentence)):
            if not any(number in s for s in sources):
                problems.append(f"number not in its clause: {number}")
    return problems


def rephrase(question: str, citations: list[Citation], clause_texts: list[str],
             config: LLMConfig | None = None) -> str | None:
    """Verified generated wording, or None (use the extractive answer)."""
    config = config or LLMConfig.from_env()
    if config is None or not citations:
        return None
    reply = call(config, build_messages(question, citations, clause_texts))
    if reply is None or verify(reply, clause_texts):
        return None
    return reply
