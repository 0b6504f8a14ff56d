"""Retrieval quality on a question set: Recall@1/3/5 and MRR, overall and per kind.

A question counts as found at k when any of its expected clauses is among the
first k hits (for comparisons, ``all@5`` also reports whether every expected
clause is). Questions with no expected clause (not covered) are left out of
recall; they measure refusal, which the answering stage reports.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source_file: str
    clause: str


class EvalQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    question: str
    expected: list[Expected]
    kind: str
    note: str | None = None


def load_questions(path: str | Path) -> list[EvalQuestion]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [EvalQuestion.model_validate_json(line) for line in lines if line.strip()]


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
