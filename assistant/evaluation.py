"""Retrieval quality on a question set: Recall@1/3/5 and MRR, overall and per kind.

A question counts as found at k when any of its expected clauses is among the
first k hits (for comparisons, ``all@5`` also reports whether every expected
clause is). Questions with no expected clause (not covered) are left out of
recall; they measure refusal, which the answering stage reports.
"""

from __future__ import annotations

from fractions import Fraction

import json
from pathlib import Path

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source_file: str
    clause: str


class EvalQuestion(BaseModel):
    """One line of a question set (eval/FORMAT.md)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    question: str
    expected: list[Expected]
    kind: str
    style: Literal["formal", "colloquial", "english"] | None = None
    city: str | None = None
    answer_contains: list[str] = []
    not_covered_kind: Literal["other_city", "no_figure", "different_quantity", "place", "not_stated",
                              "topic_absent"] | None = None
    near_miss: list[Expected] = []
    conversation: str | None = None
    turn: int | None = None
    verdict: Literal["pass", "fail", "warning"] | None = None
    note: str | None = None

    @property
    def answerable(self) -> bool:
        return bool(self.expected)

    @property
    def voice(self) -> str:
        """formal / colloquial / english: the style, or what the kind implies for older lines."""
        return self.style or {"english": "english", "colloquial": "colloquial"}.get(self.kind, "formal")


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """Question lines of a JSONL file; a bad line is an error naming the file and the line."""
    from pydantic import ValidationError

    from assistant import textin

    data = textin.read_file(path, "file", max_bytes=textin.MAX_JSON_BYTES, what_zh="问题集文件")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise textin.InputError(f"问题集文件不是 UTF-8 编码（第 {exc.start} 字节）：{Path(path).name}",
                                f"{Path(path).name} is not UTF-8 (byte {exc.start})", field="file") from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where, where_en = f"{Path(path).name} 第 {n} 行", f"{Path(path).name} line {n}"
        item = textin.parse_json(line, where_en, "file", what_zh=where)
        try:
            out.append(EvalQuestion.model_validate(item))
        except ValidationError as exc:
            e = exc.errors()[0]
            raise textin.InputError(f"{where}格式不对（{'.'.join(map(str, e['loc']))}：{e['msg']}）",
                                    f"{where_en}: {'.'.join(map(str, e['loc']))}: {e['msg']}", field="file") from None
    if not out:
        raise textin.InputError(f"问题集文件中没有问题：{Path(path).name}", f"no questions in {Path(path).name}",
                                field="file")
    return out


def first_rank(hits, expected: list[Expected]) -> int | None:
    wanted = {(e.source_file, e.clause) for e in expected}
    for i, h in enumerate(hits, 1):
        if (h.source_file, h.clause) in wanted:
            return i
    return None


def all_found(hits, expected: list[Expected], k: int) -> bool:
    got = {(h.source_file, h.clause) for h in hits[:k]}
    return all((e.source_file, e.clause) in got for e in expected)


def evaluate(search, questions: list[EvalQuestion], k: int = 5) -> dict:
    """``search(question) -> list of hits`` with ``source_file`` and ``clause``."""
    rows = []
    for q in questions:
        if not q.expected:
            continue
        hits = search(q.question)
        rank = first_rank(hits[:k], q.expected)
        rows.append({"id": q.id, "kind": q.kind, "rank": rank, "all@5": all_found(hits, q.expected, 5),
                     "top": [f"{h.source_file[:3]}#{h.clause}" for h in hits[:3]]})
    return {"overall": _metrics(rows), "per_kind": {kind: _metrics([r for r in rows if r["kind"] == kind])
                                                    for kind in sorted({r["kind"] for r in rows})},
            "misses": [r for r in rows if r["rank"] != 1]}


def _metrics(rows: list[dict]) -> dict:
    n = len(rows)
    if not n:
        return {"n": 0}
    ranks = [r["rank"] for r in rows]
    return {"n": n,
            "recall@1": round(sum(1 for r in ranks if r == 1) / n, 3),
            "recall@3": round(sum(1 for r in ranks if r and r <= 3) / n, 3),
            "recall@5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
            "all@5": round(sum(1 for r in rows if r["all@5"]) / n, 3)}


def format_table(report: dict) -> str:
    cols = ["n", "recall@1", "recall@3", "recall@5", "mrr", "all@5"]
    lines = [f"{'kind':<16}" + "".join(f"{c:>10}" for c in cols)]
    for name, m in [("overall", report["overall"]), *report["per_kind"].items()]:
        lines.append(f"{name:<16}" + "".join(f"{m.get(c, ''):>10}" for c in cols))
    return "\n".join(lines)


def dumps(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- answers

NUMBER = r"\d+(?:\.\d+)?"


def unsupported_numbers(answer, corpus) -> list[str]:
    """Numbers in the answer text that come from no quote, clause label, title, or calculator.

    A number is supported when it appears in a cited quote or clause label or
    document title, in the calculator's inputs/result/formula, or in a table
    sum the answer says it computed.
    """
    import json as _json
    import re as _re

    support = " ".join([c.quote for c in (*answer.citations, *answer.related)]
                       + [c.clause + c.title for c in (*answer.citations, *answer.related)]
                       + [answer.question, answer.resolved_question])
    if answer.calculation:
        support += _json.dumps(answer.calculation, ensure_ascii=False)
    if answer.check:
        support += _json.dumps(answer.check, ensure_ascii=False)
    from assistant.quantities import find_quantities

    text = _re.sub(r"(?m)^\s*\d+\.\s", "", answer.answer)          # "1. 2. …": a multi-part answer's numbering
    for y, m, d in _re.findall(r"(\d{4})-(\d{2})-(\d{2})", text):   # an ISO date the quote writes in Chinese
        if f"{y}年{int(m)}月{int(d)}日" in support:
            text = text.replace(f"{y}-{m}-{d}", " ")
    try:
        values = {q.value for q in find_quantities(support, field=None)}
    except Exception:  # noqa: BLE001 - an ambiguous number in a quote: compare as text only
        values = set()
    bad = []
    for grouped in _re.findall(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):   # 15,000,000 yuan for 1500万元
        if Fraction(grouped.replace(",", "")) not in values and grouped.replace(",", "") not in support:
            bad.append(grouped)
        text = text.replace(grouped, " ")
    found = _re.findall(NUMBER, text)
    for n in found:
        if n in support or Fraction(n) in values:   # "3 years" for 三年
            continue
        if answer.kind == "table" and "合计（计算）" in answer.answer:
            continue  # the sum is computed from the quoted cells; tested separately
        bad.append(n)
    return bad


def _norm(text: str) -> str:
    """NFKC, no whitespace, no digit-group commas: "10,200 元" and "10200元" compare equal."""
    import re as _re
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    text = _re.sub(r"\s+", "", text)
    return _re.sub(r"(?<=\d),(?=\d{3})", "", text)


def facts_found(answer, facts: list[str]) -> tuple[int, list[str]]:
    """How many of ``facts`` (each "a|b" = any alternative) occur in the answer line or its quotes; the missing ones."""
    text = _norm(answer.answer + "\n" + "\n".join(c.quote for c in answer.citations))
    missing = [f for f in facts if not any(_norm(alt) and _norm(alt) in text for alt in f.split("|"))]
    return len(facts) - len(missing), missing


def states_a_figure(answer) -> bool:
    """Whether the answer's own words (not titles, labels or the possibly-related list) state a number."""
    import re as _re

    text = _re.sub(r"《[^》]*》", "", answer.answer)
    for c in (*answer.citations, *answer.related):
        text = text.replace(c.clause, "")
    return bool(_re.search(r"\d", text))


def answer_all(ask, questions: list[EvalQuestion]) -> list[tuple[EvalQuestion, object]]:
    """Each question answered; the turns of a conversation with the earlier turns as history."""
    out, history = [], {}
    for q in questions:
        past = history.setdefault(q.conversation, []) if q.conversation else []
        a = ask(q.question, history=list(past)) if q.conversation else ask(q.question)
        if q.conversation:
            past.append(a)
        out.append((q, a))
    return out


def _ratio(num, den):
    return round(num / den, 3) if den else None


def evaluate_answers(ask, questions: list[EvalQuestion], corpus) -> dict:
    """Facts in the answer, expected clause cited, refusal precision/recall, figures stated where the documents give
    none, verbatim quotes and supported numbers; overall and per voice (formal / colloquial / english)."""
    rows = []
    for q, a in answer_all(ask, questions):
        cited = {(c.source_file, c.clause) for c in a.citations}
        expected = {(e.source_file, e.clause) for e in q.expected}
        verbatim = all(c.quote in corpus.clause(c.doc_id, c.clause).text for c in (*a.citations, *a.related))
        found, missing = facts_found(a, q.answer_contains)
        rows.append({"id": q.id, "kind": q.kind, "voice": q.voice, "answerable": q.answerable, "refused": a.refused,
                     "low_confidence": a.confidence == "low", "cited_expected": bool(cited & expected),
                     "facts": (not a.refused and found == len(q.answer_contains)) if q.answer_contains else None,
                     "facts_missing": missing, "answer_kind": a.kind, "verbatim": verbatim,
                     "false_figure": (not q.answerable and not a.refused and states_a_figure(a)),
                     "not_covered_kind": q.not_covered_kind, "follow_up": bool(q.conversation and (q.turn or 1) > 1),
                     "unsupported_numbers": unsupported_numbers(a, corpus), "coverage": a.coverage})
    report = _answer_metrics(rows)
    report["per_voice"] = {v: _answer_metrics([r for r in rows if r["voice"] == v])
                           for v in ("formal", "colloquial", "english") if any(r["voice"] == v for r in rows)}
    report.update(_follow_up_metrics(rows))
    report["rows"] = rows
    return report


def _right(r: dict) -> bool:
    """A turn answered right: an unanswerable one refused; an answerable one not refused, with every fact it must
    state (or, for lines without facts, its clause cited)."""
    if not r["answerable"]:
        return r["refused"]
    return not r["refused"] and (r["facts"] if r["facts"] is not None else r["cited_expected"])


def _follow_up_metrics(rows: list[dict]) -> dict:
    """For conversation sets: the second and later turns right, and the follow-ups that must be refused (a switch to
    a city whose documents do not cover the topic) refused."""
    follow = [r for r in rows if r["follow_up"]]
    if not follow:
        return {}
    uncovered = [r for r in follow if not r["answerable"]]
    return {"follow_ups_right": _ratio(sum(_right(r) for r in follow), len(follow)),
            "follow_ups": len(follow),
            "follow_up_refusals_right": _ratio(sum(r["refused"] for r in uncovered), len(uncovered)),
            "follow_up_refusals": len(uncovered)}


def _answer_metrics(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    with_facts = [r for r in answerable if r["facts"] is not None]
    refused = [r for r in rows if r["refused"]]
    not_covered = [r for r in rows if not r["answerable"]]
    tp = sum(1 for r in refused if not r["answerable"])
    return {
        "n": len(rows),
        "facts_in_answer": _ratio(sum(r["facts"] for r in with_facts), len(with_facts)),
        "expected_clause_cited": _ratio(sum(r["cited_expected"] for r in answerable), len(answerable)),
        "refusal_precision": _ratio(tp, len(refused)),
        "refusal_recall": _ratio(tp, len(not_covered)),
        "false_figures": sum(r["false_figure"] for r in rows),
        "false_refusals": [r["id"] for r in answerable if r["refused"]],
        "missed_refusals": [r["id"] for r in not_covered if not r["refused"]],
        "facts_not_stated": [r["id"] for r in with_facts if not r["facts"]],
        "quotes_verbatim": _ratio(sum(r["verbatim"] for r in rows), len(rows)),
        # answers flagged low-confidence: among answerable questions (a cost) and unanswerable ones (a catch)
        "low_confidence": [sum(r["low_confidence"] for r in answerable), sum(r["low_confidence"] for r in not_covered)],
        "answers_with_unsupported_numbers": [r["id"] for r in rows if r["unsupported_numbers"]],
        "not_cited": [r["id"] for r in answerable if not r["cited_expected"] and not r["refused"]],
    }
