"""Changing the knowledge bank: a similar question added to a point, a new point made from a clause.

Every change is all-or-nothing under the folder's write lock: the new file is validated in full (every span
verbatim, every id unique, the question not an evaluation question) before it replaces the old one by rename; a
rejected change leaves the bank byte-identical. The question vectors follow incrementally (only the new text is
embedded, ``assistant.knowledge.index``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import yaml

from assistant import textin
from assistant.corpus import PROJECT_ROOT, load_corpus
from assistant.errors import CorpusError
from assistant.knowledge.bank import _read, knowledge_dir, load_bank
from assistant.knowledge.models import KnowledgeFile, KnowledgePoint
from assistant.locking import write_lock

EVAL_DIR = PROJECT_ROOT / "eval"


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def _evaluation_questions() -> set[str]:
    out = set()
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                out.add(_norm(json.loads(line)["question"]))
            except (ValueError, KeyError, TypeError):
                continue
    return out


def _check_question(question: str) -> str:
    q = textin.field(question, "question", max_chars=200, error=CorpusError, required=True)
    if _norm(q) in _evaluation_questions():
        raise CorpusError("这个问题是评测集里的问题，不能加入知识库（否则评测就不再可信）",
                          "this question is in an evaluation set and cannot enter the knowledge bank", field="question")
    return q


def _file_of(doc_id: str, root: Path) -> Path:
    return root / f"{doc_id}.yaml"


def _write(path: Path, kf: KnowledgeFile, root: Path) -> None:
    """Validate the whole bank with the new file in place (in a scratch copy), then rename it in."""
    data = kf.model_dump(mode="json", exclude_defaults=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    with tempfile.TemporaryDirectory() as scratch:
        for other in root.glob("*.yaml"):
            if other.name != path.name:
                (Path(scratch) / other.name).write_bytes(other.read_bytes())
        (Path(scratch) / path.name).write_text(text, encoding="utf-8")
        load_bank(Path(scratch), load_corpus())   # raises, naming the problem, if anything is wrong
    fd, tmp = tempfile.mkstemp(dir=root, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_question(kp_id: str, question: str, root: Path | None = None) -> KnowledgePoint:
    """Add ``question`` as a similar question of the point ``kp_id``; returns the point as saved."""
    root = root or knowledge_dir()
    question = _check_question(question)
    with write_lock(root, "知识库", "the knowledge bank", timeout=30):
        bank = load_bank(root)
        bp = bank.get(kp_id)
        if _norm(question) in {_norm(q) for p in bank.points for q in p.point.questions}:
            raise CorpusError(f"知识库里已有这个问题：{question}", f"the bank already has this question: {question}",
                              field="question")
        path = _file_of(bp.doc_id, root)
        kf = _read(path)
        points = tuple(p.model_copy(update={"similar": (*p.similar, question)}) if p.id == kp_id else p
                       for p in kf.points)
        _write(path, kf.model_copy(update={"points": points}), root)
    return next(p for p in points if p.id == kp_id)


def add_point(doc_id: str, point: dict, root: Path | None = None) -> KnowledgePoint:
    """A new knowledge point for a clause of ``doc_id`` (its spans picked from the clause text, so verbatim)."""
    root = root or knowledge_dir()
    kp = KnowledgePoint.model_validate(point)
    for q in kp.questions:
        _check_question(q)
    with write_lock(root, "知识库", "the knowledge bank", timeout=30):
        load_corpus().document(doc_id)
        path = _file_of(doc_id, root)
        kf = _read(path) if path.exists() else KnowledgeFile(doc_id=doc_id, points=())
        _write(path, kf.model_copy(update={"points": (*kf.points, kp)}), root)
    return kp
