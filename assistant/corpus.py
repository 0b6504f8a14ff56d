"""The corpus: documents with metadata, segmented into clauses with stable ids.

On disk, ``corpus/documents/<id>.yaml`` (validated :class:`DocumentMeta`) and
``<id>.txt`` (the canonical text). Adding a document writes both through
temporary files and renames them into place, text first and metadata last, so
a reader never sees metadata without its text; a failure before the last
rename leaves the corpus exactly as it was. Writers hold a cross-process lock
(``assistant.locking``); readers need none.

Deleting or replacing an uploaded document is all-or-nothing too, under the same lock. A delete moves the metadata
aside first (from that rename on the document is gone for every reader), then its text and its knowledge file
(``knowledge/<id>.yaml``); a failed rename moves everything back. A replacement writes the new text under a new
name and then renames the new metadata over the old one: that one rename is the change, so the old document stays
until it happens and a failure before it leaves nothing behind. The five source documents, and any document a rule
or form file cites, cannot be deleted or replaced. The search index follows the corpus fingerprint (the retriever
rebuilds when it changes); a killed delete's or replacement's leftovers are removed like a killed ingest's.

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
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant import textin
from assistant.errors import CorpusError, DeleteError, IngestError, NotFoundError
from assistant.loaders import LoadedText, load_bytes, safe_filename
from assistant.locking import write_lock, write_lock_if_free
from assistant.models import Clause, Document, DocumentMeta, Status
from assistant.segmenter import segment
from assistant.yamlio import load_yaml

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


def _read_meta(meta_path: Path) -> DocumentMeta:
    try:
        raw = load_yaml(meta_path.read_text(encoding="utf-8"))
        meta = DocumentMeta.model_validate(_repaired(raw))
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError, OSError) as exc:
        raise CorpusError(f"元数据文件无效：{meta_path.name}：{exc}", f"invalid metadata file {meta_path.name}: {exc}",
                          field="metadata") from exc
    return meta


def _repaired(raw):
    """Strings of a metadata file stored before the input boundary existed: a lone surrogate (from a
    mis-encoded command-line argument) becomes U+FFFD instead of breaking every later JSON dump."""
    if isinstance(raw, str):
        return textin.repair_unicode(raw, "metadata", replace=True)
    if isinstance(raw, dict):
        return {k: _repaired(v) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_repaired(v) for v in raw]
    return raw


def _load_document(meta_path: Path) -> Document:
    meta = _read_meta(meta_path)
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

    Every metadata field passes the input boundary (``assistant.textin``) first. Nothing is written until
    the file has been read, segmented and its metadata validated. Then, holding the corpus write lock (other
    processes wait), the documents on disk are read again, the id, the file name and the title (within its
    city) are checked for uniqueness against them, and the text and the metadata are each written to a
    temporary file and renamed into place — so two concurrent ingests cannot both take one id or one name.
    """
    filename = textin.field(filename, "file", max_chars=255, error=IngestError, required=True)
    safe_filename(filename)
    fields = _clean_fields(title=title, city=city, kind=kind, issuer=issuer, doc_number=doc_number, notes=notes,
                           doc_id=doc_id)
    from assistant.jurisdictions import resolve_city

    fields["city"] = resolve_city(fields["city"]) or fields["city"]  # "三门" → 三门县: a place of the registry
    try:
        status = Status(status)
    except ValueError:
        raise IngestError(f"未知的文件状态“{status}”，可选：{'、'.join(s.value for s in Status)}",
                          f"unknown status {status!r}; choose one of {', '.join(s.value for s in Status)}",
                          field="status") from None
    date = textin.check_date(date, "date", error=IngestError)
    effective_date = textin.check_date(effective_date, "effective_date", error=IngestError)
    loaded: LoadedText = load_bytes(data, filename)
    root = Path(root) if root is not None else corpus_dir()
    docs_dir = root / "documents"
    if not docs_dir.is_dir():
        raise CorpusError(f"语料目录不存在：{docs_dir.name}", f"corpus folder missing: {docs_dir}")
    title = fields["title"] or textin.field(_guess_title(loaded.text), "title", error=IngestError)
    if not title:
        raise IngestError("请填写文档标题", "a title is required", field="title")
    text_bytes = loaded.text.encode("utf-8")
    with write_lock(docs_dir, "语料库", "the corpus", timeout=60):
        remove_stale_files(docs_dir)
        metas = _metas_on_disk(docs_dir)
        existing = {m.id for m in metas}
        new_id = fields["doc_id"] or slugify(title, existing)
        if new_id in existing:
            raise IngestError(f"文档 id “{new_id}” 已存在", f"document id {new_id!r} already exists", field="id")
        if any(m.source_file == filename for m in metas):
            raise IngestError(f"已收录同名文件“{filename}”", f"a document from {filename!r} is already in the corpus",
                              field="file")
        if same := next((m for m in metas if m.title == title and m.city == fields["city"]), None):
            raise IngestError(f"{fields['city']}已有同名文档《{title}》（id：{same.id}），请修改标题",
                              f"{fields['city']} already has a document titled {title!r} (id {same.id}): "
                              f"change the title", field="title")
        try:
            meta = DocumentMeta(
                id=new_id, title=title, issuer=fields["issuer"], doc_number=fields["doc_number"], date=date,
                city=fields["city"], kind=fields["kind"] or "其他", status=status, effective_date=effective_date,
                source_file=filename, text_file=f"{new_id}.txt", sha256=hashlib.sha256(text_bytes).hexdigest(),
                notes=fields["notes"], defects=tuple(loaded.warnings),
            )
        except (ValidationError, ValueError) as exc:
            raise IngestError(f"元数据无效：{_first_error(exc)}", f"invalid metadata: {_first_error(exc)}",
                              field=_first_field(exc)) from None
        clauses = segment(new_id, loaded.text)
        if "".join(c.text for c in clauses) != loaded.text:  # never store a document we cannot cite exactly
            raise IngestError("分段失败：条款无法还原原文", "segmentation lost text", field="file")
        document = Document(meta=meta, text=loaded.text, clauses=tuple(clauses))
        meta_yaml = yaml.safe_dump(meta.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
        text_path = docs_dir / meta.text_file
        _atomic_write(text_path, text_bytes)
        try:
            _atomic_write(docs_dir / f"{new_id}.yaml", meta_yaml.encode("utf-8"))
        except BaseException:
            text_path.unlink(missing_ok=True)
            raise
        _fsync_dir(docs_dir)
    return document


def _clean_fields(**values) -> dict[str, str | None]:
    """The metadata fields through the input boundary, each error naming its field."""
    out = {}
    for name, value in values.items():
        limit = textin.MAX_NOTES_CHARS if name == "notes" else textin.MAX_FIELD_CHARS
        out[name] = textin.field(value, "id" if name == "doc_id" else name, max_chars=limit,
                                 multiline=name == "notes", required=name == "city", error=IngestError)
    return out


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        e = exc.errors()[0]
        return f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}"
    return str(exc)


def _first_field(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors() and exc.errors()[0]["loc"]:
        return str(exc.errors()[0]["loc"][0])
    return "metadata"


def _metas_on_disk(docs_dir: Path) -> list[DocumentMeta]:
    """The metadata of every document as on disk now (not cached: another process may just have added one)."""
    return [_read_meta(p) for p in sorted(docs_dir.glob("*.yaml"))]


def remove_stale_files(docs_dir: Path) -> list[str]:
    """Delete what a killed ingest left: temporary files, and a text file no metadata refers to.

    Call only holding the write lock: then no ingest is running, and anything temporary is abandoned.
    """
    removed = []
    referenced = set()
    for p in docs_dir.glob("*.yaml"):
        try:
            referenced.add(_read_meta(p).text_file)
        except CorpusError:
            return removed  # a broken metadata file: leave everything as it is for a person to look at
    for p in docs_dir.iterdir():
        stale_tmp = p.name.startswith(".") and p.name.endswith(".tmp")
        orphan = p.suffix == ".txt" and p.name not in referenced
        if p.is_file() and (stale_tmp or orphan):
            p.unlink(missing_ok=True)
            removed.append(p.name)
    return removed


def clean_up(root: str | Path | None = None) -> list[str]:
    """At start-up: remove a killed ingest's leftovers, if no other process is writing right now."""
    docs_dir = (Path(root) if root is not None else corpus_dir()) / "documents"
    if not docs_dir.is_dir():
        return []
    with write_lock_if_free(docs_dir) as free:
        return remove_stale_files(docs_dir) if free else []


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


def _fsync_dir(path: Path) -> None:
    """Make the renames durable: a crash right after ingest must not lose the new names."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- delete and replace

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
            data = load_yaml(path.read_text(encoding="utf-8"))
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


@contextmanager
def _knowledge_lock():
    """The knowledge bank's write lock (a point is not added to a document while it is deleted or replaced)."""
    from assistant.knowledge.bank import knowledge_dir

    root = knowledge_dir()
    if not root.is_dir():
        yield
        return
    with write_lock(root, "知识库", "the knowledge bank", timeout=30):
        yield


def _on_disk(doc_id: str, docs_dir: Path) -> DocumentMeta:
    """The document's metadata as on disk now (under the lock: not the cached corpus), if it may be changed."""
    path = docs_dir / f"{doc_id}.yaml"
    if not path.is_file():
        raise NotFoundError(f"没有文档“{doc_id}”", f"no document {doc_id!r}")
    meta = _read_meta(path)
    why = protection(doc_id)
    if why:
        raise DeleteError(f"“{meta.title}”{why}。", f"{doc_id} is protected", field="doc_id")
    return meta


def _aside(path: Path, token: str) -> Path:
    """A hidden name beside ``path``; ``.tmp`` at the end, so a killed writer's leftover is cleaned up."""
    return path.with_name(f".{path.name}.{token}.old.tmp")


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
            pass  # a leftover hidden file: the corpus is already consistent, and clean-up removes it later


def delete_document(doc_id: str, *, root: str | Path | None = None) -> DocumentMeta:
    """Remove an uploaded document (its metadata, text and knowledge file) all-or-nothing; returns its metadata.

    Raises NotFoundError for an unknown id, DeleteError for a protected one or when a file cannot be moved (then
    nothing has changed), BusyError when another process holds the corpus write lock too long."""
    docs_dir = (Path(root) if root is not None else corpus_dir()) / "documents"
    if not docs_dir.is_dir():
        raise CorpusError(f"语料目录不存在：{docs_dir.name}", f"corpus folder missing: {docs_dir}")
    with write_lock(docs_dir, "语料库", "the corpus", timeout=60), _knowledge_lock():
        meta = _on_disk(doc_id, docs_dir)
        files = [docs_dir / f"{doc_id}.yaml", docs_dir / meta.text_file]
        knowledge = _knowledge_file(doc_id)
        if knowledge.is_file():
            files.append(knowledge)
        token = os.urandom(4).hex()
        moves = [(f, _aside(f, token)) for f in files if f.exists()]
        try:
            _swap(moves)  # metadata first: from this rename on, the document is gone for every reader
        except OSError as exc:
            raise DeleteError(f"删除失败，文件未作任何改动：{exc.strerror or exc}",
                              f"could not delete {doc_id}; nothing was changed: {exc}", field="doc_id") from exc
        _discard(dst for _, dst in moves)
        _fsync_dir(docs_dir)
        return meta


def replace_document(doc_id: str, data: bytes, filename: str, *, root: str | Path | None = None,
                     **meta_changes) -> Document:
    """Replace an uploaded document's file (and, where given, its metadata) keeping its id, all-or-nothing.

    ``meta_changes`` take the keyword arguments of :func:`ingest_bytes` (title, city, kind, status, issuer,
    doc_number, date, effective_date, notes); one left out or None keeps the old value. The new file is read,
    segmented and checked (and the document's knowledge points against the new text) before anything is written.
    """
    from assistant.jurisdictions import resolve_city

    filename = textin.field(filename, "file", max_chars=255, error=IngestError, required=True)
    safe_filename(filename)
    allowed = {"title", "city", "kind", "status", "issuer", "doc_number", "date", "effective_date", "notes"}
    changes = {k: v for k, v in meta_changes.items() if v is not None}
    unknown = set(changes) - allowed
    if unknown:
        raise IngestError(f"不能修改的元数据：{'、'.join(sorted(unknown))}", f"unknown metadata {sorted(unknown)}",
                          field="metadata")
    texts = {k: v for k, v in changes.items() if k not in ("status", "date", "effective_date")}
    changes.update({k: v for k, v in _clean_fields(**texts).items() if v is not None})
    if "city" in changes:
        changes["city"] = resolve_city(changes["city"]) or changes["city"]
    for k in ("date", "effective_date"):
        if k in changes:
            changes[k] = textin.check_date(changes[k], k, error=IngestError)
    if "status" in changes:
        try:
            changes["status"] = Status(changes["status"])
        except ValueError:
            raise IngestError(f"未知的文件状态“{changes['status']}”", f"unknown status {changes['status']!r}",
                              field="status") from None
    loaded: LoadedText = load_bytes(data, filename)  # IngestError: nothing written
    docs_dir = (Path(root) if root is not None else corpus_dir()) / "documents"
    if not docs_dir.is_dir():
        raise CorpusError(f"语料目录不存在：{docs_dir.name}", f"corpus folder missing: {docs_dir}")
    text_bytes = loaded.text.encode("utf-8")
    with write_lock(docs_dir, "语料库", "the corpus", timeout=60), _knowledge_lock():
        remove_stale_files(docs_dir)
        old = _on_disk(doc_id, docs_dir)
        metas = _metas_on_disk(docs_dir)
        if any(m.source_file == filename and m.id != doc_id for m in metas):
            raise IngestError(f"已收录同名文件“{filename}”", f"a document from {filename!r} is already in the corpus",
                              field="file")
        token = os.urandom(4).hex()
        text_file = f"{doc_id}.{token}.txt"   # a new name: the old text stays in place until the switch
        try:
            meta = DocumentMeta(**{**old.model_dump(), **changes, "source_file": filename, "text_file": text_file,
                                   "sha256": hashlib.sha256(text_bytes).hexdigest(),
                                   "defects": tuple(loaded.warnings)})
        except (ValidationError, ValueError) as exc:
            raise IngestError(f"元数据无效：{_first_error(exc)}", f"invalid metadata: {_first_error(exc)}",
                              field=_first_field(exc)) from None
        clauses = segment(doc_id, loaded.text)
        if "".join(c.text for c in clauses) != loaded.text:
            raise IngestError("分段失败：条款无法还原原文", "segmentation lost text", field="file")
        document = Document(meta=meta, text=loaded.text, clauses=tuple(clauses))
        _check_knowledge(document)
        meta_yaml = yaml.safe_dump(meta.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
        new_text = docs_dir / text_file
        try:
            _atomic_write(new_text, text_bytes)
            _atomic_write(docs_dir / f"{doc_id}.yaml", meta_yaml.encode("utf-8"))   # the one rename that switches
        except OSError as exc:
            _discard([new_text])
            raise DeleteError(f"替换失败，文件未作任何改动：{exc.strerror or exc}",
                              f"could not replace {doc_id}; nothing was changed: {exc}", field="doc_id") from exc
        _discard([docs_dir / old.text_file])   # now an orphan; clean-up would remove it too
        _fsync_dir(docs_dir)
        return document


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
