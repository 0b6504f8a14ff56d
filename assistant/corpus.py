"""The corpus: documents with metadata, segmented into clauses with stable ids.

On disk, ``corpus/documents/<id>.yaml`` (validated :class:`DocumentMeta`) and
``<id>.txt`` (the canonical text). Adding a document writes both through
temporary files and renames them into place, text first and metadata last, so
a reader never sees metadata without its text; a failure before the last
rename leaves the corpus exactly as it was.

Deleting or replacing an uploaded document is all-or-nothing too: the new files are written aside first, the old
ones are moved aside (metadata first, so the document disappears at once), and only when every move has succeeded
are the old files removed; any failure moves everything back. The five source documents, and any document a rule
or form file cites, cannot be deleted or replaced. A document's knowledge file (``knowledge/<id>.yaml``) goes with
it; the search index follows the corpus fingerprint (the retriever rebuilds when it changes).

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

from assistant.errors import CorpusError, DeleteError, IngestError, NotFoundError
from assistant.loaders import LoadedText, load_bytes, safe_filename
from assistant.models import Clause, Document, DocumentMeta, Status
from assistant.segmenter import segment

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "corpus"
# the documents the assistant was built on: never deleted or replaced (rules, forms and knowledge cite them)
SOURCE_DOCUMENTS = ("cixi-192-reply", "cixi-181-reply", "linhai-plan-draft", "zj-notice-2018-14", "wenzhou-opinions")


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

    def find(self, query: str) -> list[tuple[Document, list[Clause]]]:
        """Clauses holding every word of ``query`` (split at spaces, case-insensitive, in the label or the text),
        grouped by document in corpus order; documents without a hit are left out.

        >>> [(d.id, [c.label for c in cs]) for d, cs in load_corpus().find("维修资金 12元")]
        [('linhai-plan-draft', ['（二十二）'])]
        """
        terms = search_terms(query)
        if not terms:
            return []
        out = []
        for d in self.documents:
            hits = [c for c in d.clauses if all(t in c.text.lower() or t in c.label.lower() for t in terms)]
            if hits:
                out.append((d, hits))
        return out

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


def search_terms(query: str | None) -> list[str]:
    """The words of a search, lower-cased, each once: ``" 维修资金  12元 维修资金"`` → ``['维修资金', '12元']``."""
    return list(dict.fromkeys(w.lower() for w in (query or "").split() if w))


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
    with _mutation_lock:  # one change to the corpus at a time in this process (ids and file names stay unique)
        return _add(loaded, filename, root, title=title, city=city, kind=kind, status=status, issuer=issuer,
                    doc_number=doc_number, date=date, effective_date=effective_date, doc_id=doc_id, notes=notes)


def _add(loaded: LoadedText, filename: str, root: Path, *, title, city, kind, status, issuer, doc_number, date,
         effective_date, doc_id, notes) -> Document:
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


# ---------------------------------------------------------------- delete and replace

_mutation_lock = threading.Lock()


def _references(doc_id: str) -> list[str]:
    """Rule and form files that cite ``doc_id`` (a ``doc_id:`` key anywhere in them)."""
    from assistant.rules.params import rules_dir

    found = []
    files = [*sorted(rules_dir().glob("*.yaml")), *sorted((PROJECT_ROOT / "forms").rglob("*.yaml"))]

    def cites(node) -> bool:
        if isinstance(node, dict):
            return node.get("doc_id") == doc_id or any(cites(v) for v in node.values())
        if isinstance(node, list):
            return any(cites(v) for v in node)
        return False

    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if cites(data):
            found.append(path.name)
    return found


def protection(doc_id: str) -> str | None:
    """Why ``doc_id`` may not be deleted or replaced, in Chinese; None when it may."""
    if doc_id in SOURCE_DOCUMENTS:
        return "这是本助手收录的五份源文件之一，受保护，不能删除或替换"
    refs = _references(doc_id)
    if refs:
        return f"规则或表单文件引用了此文件（{'、'.join(refs)}），受保护，不能删除或替换"
    return None


def _knowledge_file(doc_id: str) -> Path:
    from assistant.knowledge.bank import knowledge_dir

    return knowledge_dir() / f"{doc_id}.yaml"


def _deletable(doc_id: str, root: Path) -> Document:
    doc = load_corpus(root).document(doc_id)  # NotFoundError names the id
    why = protection(doc_id)
    if why:
        raise DeleteError(f"“{doc.meta.title}”{why}。", f"{doc_id} is protected", field="doc_id")
    return doc


def _aside(path: Path, token: str) -> Path:
    return path.with_name(f".{path.name}.{token}.old")


def _swap(moves: list[tuple[Path, Path]]) -> None:
    """Rename each (src, dst) in order; on any failure undo the renames already done, then re-raise."""
    done: list[tuple[Path, Path]] = []
    try:
        for src, dst in moves:
            os.replace(src, dst)
            done.append((src, dst))
    except BaseException:
        for src, dst in reversed(done):
            try:
                os.replace(dst, src)
            except OSError:
                pass
        raise


def _discard(paths) -> None:
    for path in paths:
        try:
            Path(path).unlink(missing_ok=True)
        except OSError:
            pass  # a leftover hidden file: the corpus itself is already consistent


def delete_document(doc_id: str, *, root: str | Path | None = None) -> DocumentMeta:
    """Remove an uploaded document (its metadata, text and knowledge file) all-or-nothing; returns its metadata.

    Raises NotFoundError for an unknown id, DeleteError for a protected one or when a file cannot be moved (then
    nothing has changed)."""
    root = Path(root) if root is not None else corpus_dir()
    with _mutation_lock:
        doc = _deletable(doc_id, root)
        docs_dir = root / "documents"
        files = [docs_dir / f"{doc_id}.yaml", docs_dir / doc.meta.text_file]
        knowledge = _knowledge_file(doc_id)
        if knowledge.is_file():
            files.append(knowledge)
        token = os.urandom(4).hex()
        moves = [(f, _aside(f, token)) for f in files]
        try:
            _swap(moves)  # metadata first: from this rename on, the document is gone for every reader
        except OSError as exc:
            raise DeleteError(f"删除失败，文件未作任何改动：{exc.strerror or exc}",
                              f"could not delete {doc_id}; nothing was changed: {exc}", field="doc_id") from exc
        _discard(dst for _, dst in moves)
        return doc.meta


def replace_document(doc_id: str, data: bytes, filename: str, *, root: str | Path | None = None,
                     **meta_changes) -> Document:
    """Replace an uploaded document's file (and, where given, its metadata) keeping its id, all-or-nothing.

    ``meta_changes`` take the keyword arguments of :func:`ingest_bytes` (title, city, kind, status, issuer,
    doc_number, date, effective_date, notes); one left out or None keeps the old value. The new file is read,
    segmented and checked (and the document's knowledge points against the new text) before anything is written.
    """
    from assistant.jurisdictions import resolve_city

    root = Path(root) if root is not None else corpus_dir()
    safe_filename(filename)
    loaded: LoadedText = load_bytes(data, filename)  # IngestError: nothing written
    with _mutation_lock:
        old = _deletable(doc_id, root)
        corpus = load_corpus(root)
        if any(d.meta.source_file == filename and d.id != doc_id for d in corpus.documents):
            raise IngestError(f"已收录同名文件“{filename}”", f"a document from {filename!r} is already in the corpus",
                              field="file")
        keep = old.meta.model_dump()
        changes = {k: v for k, v in meta_changes.items() if v is not None}
        unknown = set(changes) - {"title", "city", "kind", "status", "issuer", "doc_number", "date",
                                  "effective_date", "notes"}
        if unknown:
            raise IngestError(f"不能修改的元数据：{'、'.join(sorted(unknown))}", f"unknown metadata {sorted(unknown)}",
                              field="metadata")
        if "city" in changes:
            changes["city"] = resolve_city(changes["city"]) or changes["city"]
        text_bytes = loaded.text.encode("utf-8")
        try:
            meta = DocumentMeta(**{**keep, **changes, "source_file": filename,
                                   "sha256": hashlib.sha256(text_bytes).hexdigest(),
                                   "defects": tuple(loaded.warnings), "status": Status(changes.get("status", keep["status"]))})
        except (ValidationError, ValueError) as exc:
            raise IngestError(f"元数据无效：{exc}", f"invalid metadata: {exc}", field="metadata") from exc
        clauses = segment(doc_id, loaded.text)
        if "".join(c.text for c in clauses) != loaded.text:
            raise IngestError("分段失败：条款无法还原原文", "segmentation lost text", field="file")
        document = Document(meta=meta, text=loaded.text, clauses=tuple(clauses))
        _check_knowledge(document)
        docs_dir = root / "documents"
        meta_yaml = yaml.safe_dump(meta.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
        token = os.urandom(4).hex()
        new_text, new_meta = _staged(docs_dir / meta.text_file, text_bytes, token), None
        try:
            new_meta = _staged(docs_dir / f"{doc_id}.yaml", meta_yaml.encode("utf-8"), token)
            olds = [docs_dir / f"{doc_id}.yaml", docs_dir / old.meta.text_file]
            moves = [(f, _aside(f, token)) for f in olds]
            moves += [(new_text, docs_dir / meta.text_file), (new_meta, docs_dir / f"{doc_id}.yaml")]
            _swap(moves)
        except OSError as exc:
            _discard([new_text, new_meta] if new_meta else [new_text])
            raise DeleteError(f"替换失败，文件未作任何改动：{exc.strerror or exc}",
                              f"could not replace {doc_id}; nothing was changed: {exc}", field="doc_id") from exc
        _discard(dst for _, dst in moves[:2])
        return document


def _staged(target: Path, data: bytes, token: str) -> Path:
    """``data`` written (and synced) beside ``target`` under a hidden name, ready to be renamed into place."""
    tmp = target.with_name(f".{target.name}.{token}.new")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _check_knowledge(document: Document) -> None:
    """The document's knowledge points must still stand verbatim in its new text."""
    path = _knowledge_file(document.id)
    if not path.is_file():
        return
    from assistant.knowledge.bank import _read

    kf = _read(path)
    by_label = {c.label: c for c in document.clauses}
    broken = [kp.id for kp in kf.points
              if kp.clause not in by_label or any(s not in by_label[kp.clause].text for s in kp.answer_spans)]
    if broken:
        raise IngestError(f"此文件的知识点在新文本中找不到对应原文（{'、'.join(broken[:5])}{'等' if len(broken) > 5 else ''}），"
                          "未替换：请先在知识库中修改或删除这些知识点", f"knowledge points no longer verbatim: {broken}",
                          field="knowledge")
