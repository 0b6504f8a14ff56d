"""The corpus: documents with metadata, segmented into clauses with stable ids.

On disk, ``corpus/documents/<id>.yaml`` (validated :class:`DocumentMeta`) and
``<id>.txt`` (the canonical text). Adding a document writes both through
temporary files and renames them into place, text first and metadata last, so
a reader never sees metadata without its text; a failure before the last
rename leaves the corpus exactly as it was.

>>> corpus = load_corpus()
>>> corpus.clause("linhai-plan-draft", "（二十二）").text[:14]
'（二十二）以工业地产开发建设'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import threading
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.errors import CorpusError, IngestError, NotFoundError
from assistant.loaders import LoadedText, load_bytes, safe_filename
from assistant.models import Clause, Document, DocumentMeta, Status
from assistant.segmenter import segment

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "corpus"


def corpus_dir() -> Path:
    """The corpus folder: ``$XIAOWEI_CORPUS_DIR`` or the project's ``corpus/``."""
    return Path(os.environ.get("XIAOWEI_CORPUS_DIR", DEFAULT_CORPUS_DIR))


class Corpus:
    def __init__(self, documents: list[Document], root: Path):
        self.root = root
        self.documents: tuple[Document, ...] = tuple(sorted(documents, key=lambda d: d.meta.source_file))
        self._docs = {d.id: d for d in self.documents}
        self._clauses = {c.id: c for d in self.documents for c in d.clauses}

    def document(self, doc_id: str) -> Document:
        try:
            return self._docs[doc_id]
        except KeyError:
            raise NotFoundError(f"没有文档“{doc_id}”", f"no document {doc_id!r}") from None

    def document_by_source(self, source_file: str) -> Document:
        for d in self.documents:
            if d.meta.source_file == source_file:
                return d
        raise NotFoundError(f"没有来源文件为“{source_file}”的文档", f"no document from source file {source_file!r}")

    def clause(self, doc_id: str, label: str) -> Clause:
        return self.clause_by_id(f"{doc_id}#{label}")

    def clause_by_id(self, clause_id: str) -> Clause:
        try:
            return self._clauses[clause_id]
        except KeyError:
            doc_id = clause_id.split("#", 1)[0]
            self.document(doc_id)  # raises if the document itself is unknown
            raise NotFoundError(f"文档“{doc_id}”中没有条款“{clause_id.split('#', 1)[-1]}”",
                                f"no clause {clause_id!r}") from None

    @property
    def clauses(self) -> list[Clause]:
        return [c for d in self.documents for c in d.clauses]

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever any document's text or metadata changes (index staleness)."""
        h = hashlib.sha256()
        for d in self.documents:
            h.update(d.meta.model_dump_json().encode())
            h.update(d.meta.sha256.encode())
        return h.hexdigest()

    def cities(self) -> list[str]:
        """Jurisdictions with at least one document: the province first, then cities, counties, towns."""
        from assistant.jurisdictions import registry

        reg = registry()
        order = {name: i for i, name in enumerate(reg.jurisdictions)}
        level = {"province": 0, "city": 1, "county": 2, "town": 3}

        def key(c: str):
            j = reg.jurisdictions.get(c)
            return (level[j.level] if j else 4, order.get(c, len(order)), c)
        return sorted({d.meta.city for d in self.documents}, key=key)


_cache: dict[tuple[str, float], Corpus] = {}
_lock = threading.Lock()


def load_corpus(root: str | Path | None = None) -> Corpus:
    """Load and segment every document; cached until a file in the folder changes."""
    root = Path(root) if root is not None else corpus_dir()
    docs_dir = root / "documents"
    if not docs_dir.is_dir():
        raise CorpusError(f"语料目录不存在：{docs_dir.name}", f"corpus folder missing: {docs_dir}")
    key = (str(root.resolve()), _mtime(docs_dir))
    with _lock:
        if key in _cache:
            return _cache[key]
        documents = [_load_document(p) for p in sorted(docs_dir.glob("*.yaml"))]
        corpus = Corpus(documents, root)
        _cache.clear()
        _cache[key] = corpus
        return corpus


def _mtime(folder: Path) -> float:
    return max([folder.stat().st_mtime] + [p.stat().st_mtime for p in folder.iterdir()])


def _load_document(meta_path: Path) -> Document:
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        meta = DocumentMeta.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise CorpusError(f"元数据文件无效：{meta_path.name}：{exc}", f"invalid metadata file {meta_path.name}: {exc}") from exc
    if meta.id != meta_path.stem:
        raise CorpusError(f"元数据 id 与文件名不一致：{meta_path.name}", f"metadata id {meta.id!r} != file name {meta_path.name}")
    text_path = meta_path.parent / meta.text_file
    if not text_path.is_file():
        raise CorpusError(f"缺少文本文件：{meta.text_file}", f"missing text file {meta.text_file}")
    data = text_path.read_bytes()
    if hashlib.sha256(data).hexdigest() != meta.sha256:
        raise CorpusError(f"文本文件被改动（校验和不符）：{meta.text_file}", f"text file changed (sha256 mismatch): {meta.text_file}")
    text = data.decode("utf-8")
    return Document(meta=meta, text=text, clauses=tuple(segment(meta.id, text)))


# ---------------------------------------------------------------- ingestion

def slugify(title: str, existing: set[str]) -> str:
    """A readable ASCII id for a new document: ``doc-<date>-<hash>`` when the title is Chinese."""
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]
    if len(base) < 3:
        base = "doc-" + hashlib.sha1(title.encode()).hexdigest()[:8]
    slug, n = base, 2
    while slug in existing:
        slug, n = f"{base}-{n}", n + 1
    return slug


def ingest_bytes(data: bytes, filename: str, *, title: str | None = None, city: str, kind: str = "其他",
                 status: Status | str = Status.in_force, issuer: str | None = None, doc_number: str | None = None,
                 date: dt.date | None = None, effective_date: dt.date | None = None, doc_id: str | None = None,
                 root: str | Path | None = None, notes: str | None = None) -> Document:
    """Read, validate and segment a file, then add it to the corpus all-or-nothing.

    Nothing is written until the file has been read, segmented and its metadata
    validated; then the text and the metadata are each written to a temporary
    file in the same folder and renamed into place.
    """
    from assistant.jurisdictions import resolve_city

    safe_filename(filename)
    city = resolve_city(city) or city  # "三门" → 三门县: a document's place is a jurisdiction of the registry
    loaded: LoadedText = load_bytes(data, filename)
    root = Path(root) if root is not None else corpus_dir()
    docs_dir = root / "documents"
    corpus = load_corpus(root)
    existing = {d.id for d in corpus.documents}
    title = (title or _guess_title(loaded.text)).strip()
    if not title:
        raise IngestError("请填写文档标题", "a title is required", field="title")
    doc_id = doc_id or slugify(title, existing)
    if doc_id in existing:
        raise IngestError(f"文档 id “{doc_id}” 已存在", f"document id {doc_id!r} already exists", field="id")
    if any(d.meta.source_file == filename for d in corpus.documents):
        raise IngestError(f"已收录同名文件“{filename}”", f"a document from {filename!r} is already in the corpus", field="file")
    text_bytes = loaded.text.encode("utf-8")
    try:
        meta = DocumentMeta(
            id=doc_id, title=title, issuer=issuer, doc_number=doc_number, date=date, city=city, kind=kind,
            status=Status(status), effective_date=effective_date, source_file=filename, text_file=f"{doc_id}.txt",
            sha256=hashlib.sha256(text_bytes).hexdigest(), notes=notes,
            defects=tuple(loaded.warnings),
        )
    except (ValidationError, ValueError) as exc:
        raise IngestError(f"元数据无效：{exc}", f"invalid metadata: {exc}", field="metadata") from exc
    clauses = segment(doc_id, loaded.text)
    if "".join(c.text for c in clauses) != loaded.text:  # never store a document we cannot cite exactly
        raise IngestError("分段失败：条款无法还原原文", "segmentation lost text", field="file")
    document = Document(meta=meta, text=loaded.text, clauses=tuple(clauses))
    meta_yaml = yaml.safe_dump(meta.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
    text_path = docs_dir / meta.text_file
    _atomic_write(text_path, text_bytes)
    try:
        _atomic_write(docs_dir / f"{doc_id}.yaml", meta_yaml.encode("utf-8"))
    except BaseException:
        text_path.unlink(missing_ok=True)
        raise
    return document


def _guess_title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:80]
    return ""


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
