"""What users say about answers, kept on this machine only: 👍/👎 votes, and the questions that were refused or
answered with low confidence — the queue staff work through on the 知识库 page. Never sent anywhere.

One JSON object per line in ``$XIAOWEI_FEEDBACK_FILE`` (default ``data/feedback.jsonl`` in the project, which git
ignores); appends are single ``write`` calls of one line, so two servers appending at once do not interleave.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.corpus import PROJECT_ROOT

MAX_READ_BYTES = 20 * 1024 * 1024  # the review page reads at most the last 20 MB


class Entry(BaseModel):
    model_config = ConfigDict(extra="ignore")
    at: str
    kind: str                 # "vote" / "refused" / "low_confidence"
    question: str
    answer: str = ""
    vote: int | None = None   # 1 = 👍, 0 = 👎
    knowledge_point: str | None = None
    city: str | None = None


def feedback_file() -> Path:
    return Path(os.environ.get("XIAOWEI_FEEDBACK_FILE", PROJECT_ROOT / "data" / "feedback.jsonl"))


def _append(entry: Entry) -> None:
    path = feedback_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry.model_dump(), ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def record_answer(answer) -> None:
    """A refused or low-confidence answer goes to the review queue (others are not kept)."""
    kind = "refused" if answer.refused else "low_confidence" if answer.confidence == "low" else None
    if kind:
        _append(Entry(at=_now(), kind=kind, question=answer.question, answer=answer.direct,
                      knowledge_point=answer.knowledge_point, city=answer.city))


def record_vote(answer, vote: int) -> None:
    _append(Entry(at=_now(), kind="vote", question=answer.question, answer=answer.direct, vote=int(vote),
                  knowledge_point=answer.knowledge_point, city=answer.city))


def entries() -> list[Entry]:
    path = feedback_file()
    if not path.exists():
        return []
    with open(path, "rb") as f:
        f.seek(max(0, path.stat().st_size - MAX_READ_BYTES))
        raw = f.read().decode("utf-8", "replace").splitlines()
    out = []
    for line in raw:
        try:
            out.append(Entry.model_validate_json(line))
        except ValueError:
            continue  # a torn or foreign line is skipped, never fatal
    return out


def review_queue() -> list[Entry]:
    """Refused, low-confidence and 👎 questions, newest first, each question once."""
    seen, out = set(), []
    for e in reversed(entries()):
        wanted = e.kind in ("refused", "low_confidence") or (e.kind == "vote" and e.vote == 0)
        if wanted and e.question not in seen:
            seen.add(e.question)
            out.append(e)
    return out
