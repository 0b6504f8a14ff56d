"""Loading the knowledge bank and checking it against the corpus."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.corpus import PROJECT_ROOT, Corpus, load_corpus
from assistant.errors import CorpusError, NotFoundError
from assistant.knowledge.models import KnowledgeFile, KnowledgePoint
from assistant.yamlio import load_yaml


def knowledge_dir() -> Path:
    """``$XIAOWEI_KNOWLEDGE_DIR`` or the project's ``knowledge/``."""
    return Path(os.environ.get("XIAOWEI_KNOWLEDGE_DIR", PROJECT_ROOT / "knowledge"))


@dataclass(frozen=True)
class BoundPoint:
    """A knowledge point with its document's city and status, as the answer stage needs it."""

    point: KnowledgePoint
    doc_id: str
    city: str

    @property
    def clause_id(self) -> str:
        return f"{self.doc_id}#{self.point.clause}"


class KnowledgeBank:
    def __init__(self, points: list[BoundPoint]):
        self.points = tuple(points)
        self._by_id = {p.point.id: p for p in self.points}
        self._by_clause: dict[str, list[BoundPoint]] = {}
        for p in self.points:
            self._by_clause.setdefault(p.clause_id, []).append(p)

    def get(self, kp_id: str) -> BoundPoint:
        try:
            return self._by_id[kp_id]
        except KeyError:
            raise NotFoundError(f"没有知识点“{kp_id}”", f"no knowledge point {kp_id!r}") from None

    def __contains__(self, kp_id: str) -> bool:
        return kp_id in self._by_id

    def in_clause(self, clause_id: str) -> list[BoundPoint]:
        """The points of one clause (``doc_id#label``), in bank order."""
        return list(self._by_clause.get(clause_id, ()))

    def for_topic(self, topic: str) -> list[BoundPoint]:
        return [p for p in self.points if p.point.topic == topic]

    def __len__(self) -> int:
        return len(self.points)


def _read(path: Path) -> KnowledgeFile:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        return KnowledgeFile.model_validate(raw)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"无法读取知识点文件 {path.name}：{exc}", f"cannot read knowledge file {path.name}: {exc}") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        raise CorpusError(f"知识点文件 {path.name} 无效：{loc} {err['msg']}",
                          f"invalid knowledge file {path.name}: {loc} {err['msg']}", field=loc) from exc


def knowledge_files(root: Path) -> list[Path]:
    """The per-document files: every ``*.yaml`` but the topic table."""
    return [p for p in sorted(root.glob("*.yaml")) if p.name != "topics.yaml" and not p.name.startswith("_")]


def load_bank(root: Path | None = None, corpus: Corpus | None = None) -> KnowledgeBank:
    """Every ``knowledge/*.yaml``, each span checked verbatim against its clause; ids unique.

    A file for a document the corpus does not hold is an error; a document with no file simply has no
    knowledge points (it is answered from clause retrieval).
    """
    root = root or knowledge_dir()
    corpus = corpus or load_corpus()
    points: list[BoundPoint] = []
    seen: set[str] = set()
    from assistant.knowledge.topics import load_topics

    topics = load_topics(root / "topics.yaml")
    for name, topic in topics.items():
        for rel in topic.related:
            if rel not in topics or rel == name:
                raise CorpusError(f"主题 {name} 的相关主题 {rel} 不在 topics.yaml 中",
                                  f"topic {name} names an unknown related topic {rel}", field=name)
    held = {d.id for d in corpus.documents}
    for path in knowledge_files(root):
        kf = _read(path)
        if kf.doc_id not in held:
            continue  # a corpus without that document (a test's subset) simply has none of its points
        doc = corpus.document(kf.doc_id)
        for kp in kf.points:
            if kp.id in seen:
                raise CorpusError(f"知识点 id 重复：{kp.id}", f"duplicate knowledge point id {kp.id}", field=kp.id)
            seen.add(kp.id)
            if kp.topic not in topics:
                raise CorpusError(f"知识点 {kp.id} 的主题 {kp.topic} 不在 topics.yaml 中",
                                  f"unknown topic {kp.topic} in {kp.id}", field=kp.id)
            clause = corpus.clause(kf.doc_id, kp.clause)
            for span in kp.answer_spans:
                if span not in clause.text:
                    raise CorpusError(f"知识点 {kp.id} 的答案片段不在条款 {kp.clause} 原文中：{span}",
                                      f"span of {kp.id} is not verbatim in {kf.doc_id}#{kp.clause}: {span}", field=kp.id)
            points.append(BoundPoint(point=kp, doc_id=doc.id, city=doc.meta.city))
    return KnowledgeBank(points)


def validate_file(path: Path, corpus: Corpus | None = None) -> int:
    """Check one knowledge file (spans verbatim, clauses exist, ids unique within it); returns its point count."""
    from assistant.knowledge.topics import load_topics

    corpus = corpus or load_corpus()
    kf = _read(Path(path))
    topics = load_topics()
    ids = [kp.id for kp in kf.points]
    if len(ids) != len(set(ids)):
        raise CorpusError("知识点 id 重复", f"duplicate ids in {Path(path).name}")
    for kp in kf.points:
        if kp.topic not in topics:
            raise CorpusError(f"知识点 {kp.id} 的主题 {kp.topic} 不在 topics.yaml 中", f"unknown topic {kp.topic} in {kp.id}")
        clause = corpus.clause(kf.doc_id, kp.clause)
        for span in kp.answer_spans:
            if span not in clause.text:
                raise CorpusError(f"知识点 {kp.id} 的答案片段不在条款原文中：{span}",
                                  f"span of {kp.id} is not verbatim in {kf.doc_id}#{kp.clause}: {span}")
    return len(kf.points)


def knowledge_stamp(root: Path | None = None) -> tuple:
    """Changes whenever a knowledge file does (the assistant reloads its bank then)."""
    root = root or knowledge_dir()
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in root.glob("*.yaml")))
    except OSError:
        return ()
