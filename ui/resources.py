"""Process-wide resources: the assistant (model + index), loaded once per server and corpus version.

``start_loading()`` is cheap and never blocks: the first call for a corpus
version submits ``assistant.answer.get_assistant`` to a background thread and
caches the Future with ``st.cache_resource`` (one per server, shared by every
session; Streamlit computes a cached value once even when sessions race).
Pages that need the assistant call ``wait_for_assistant()``, which shows a
status box only while the load is still running; every other page renders
at once.

After a document is added the corpus fingerprint changes, so the next call
loads a new Future (and ``get_assistant`` rebuilds the index for the new
corpus); the old one is dropped from the cache.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from assistant.corpus import Corpus, load_corpus
from assistant.encoders import encoder_spec
from assistant.errors import AssistantError

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xiaowei-load")


def cities() -> list[str]:
    """Jurisdictions that have documents, province first (the chat's city filter)."""
    return load_corpus().cities()


def corpus() -> Corpus:
    """The corpus as on disk now (``load_corpus`` caches it until a file changes)."""
    return load_corpus()


def _version() -> tuple[str, str, str]:
    from assistant.knowledge.bank import knowledge_stamp

    c = load_corpus()
    # a changed knowledge file (a question added on the 知识库 page) is a new version too
    return str(c.root), f"{c.fingerprint}:{hash(knowledge_stamp())}", encoder_spec()


# how far the background load has got: (done, total) questions of the knowledge bank embedded
PROGRESS: dict[str, tuple[int, int]] = {}


def _progress(done: int, total: int) -> None:
    PROGRESS["knowledge"] = (done, total)


@dataclass(frozen=True)
class Loaded:
    assistant: object  # assistant.answer.Assistant (imported lazily: numpy/faiss load in the background)
    seconds: float


WARM_UP_QUESTION = "维修基金每平米交多少？"
# the last assistant loaded per (corpus folder, encoder): answers go on while a new corpus version is indexed
_previous: dict[tuple[str, str], Loaded] = {}
_previous_lock = threading.Lock()


def _load(version: tuple[str, str, str]) -> Loaded:
    started = time.monotonic()
    from assistant.answer import get_assistant

    assistant = get_assistant(progress=_progress)
    # one question first, so the lazily loaded parts (word segmenter dictionary, encoder session)
    # are ready before a person asks: the first real answer is then as fast as the rest
    assistant.ask(WARM_UP_QUESTION)
    loaded = Loaded(assistant, round(time.monotonic() - started, 2))
    with _previous_lock:
        _previous[(version[0], version[2])] = loaded
    return loaded


def previous() -> Loaded | None:
    """The assistant of an earlier corpus version of this folder and encoder, if one was loaded."""
    root, _, encoder = _version()
    with _previous_lock:
        return _previous.get((root, encoder))


@st.cache_resource(show_spinner=False, max_entries=2)
def _future(version: tuple[str, str, str]) -> Future:
    return _executor.submit(_load, version)


def start_loading() -> Future:
    """The Future of the assistant for the current corpus; starts loading if nobody has yet."""
    version = _version()
    fut = _future(version)
    if fut.done() and fut.exception() is not None:
        _future.clear(version)  # a failed load is retried on the next call, not cached forever
    return fut


def is_ready() -> bool:
    try:
        fut = start_loading()
    except AssistantError:
        return False
    return fut.done() and fut.exception() is None


def wait_for_assistant(use_previous: bool = True):
    """The loaded assistant; while it loads, a status box with a spinner (the page above is already shown).

    While a new corpus version is being indexed (after an upload), the previous assistant answers
    (``use_previous``), with a note: a rebuild with the real encoder takes tens of seconds.
    """
    fut = start_loading()
    if not fut.done() and use_previous and (prev := previous()) is not None:
        st.caption(":material/sync: 检索索引正在更新（新导入的文件），本次回答使用更新前的索引。")
        return prev.assistant
    if not fut.done():
        with st.status("正在加载检索模型和索引（首次启动需要几秒钟）…", expanded=False) as status:
            try:
                fut.result()
            except Exception:  # shown below
                status.update(label="加载失败", state="error")
            else:
                status.update(label="检索模型和索引已就绪", state="complete")
    exc = fut.exception()
    if exc is not None:
        if isinstance(exc, AssistantError):
            raise exc
        raise AssistantError(f"检索模型或索引加载失败：{exc}", f"could not load the model or index: {exc}")
    return fut.result().assistant


def reload_assistant():
    """After the corpus changed: load (and index) the new corpus now, with a status box."""
    fut = start_loading()
    with st.status("正在更新检索索引…", expanded=False) as status:
        try:
            loaded = fut.result()
        except Exception:
            status.update(label="索引更新失败", state="error")
            raise
        status.update(label=f"检索索引已更新（{loaded.seconds} 秒）", state="complete")
    return loaded.assistant


@st.cache_resource(show_spinner=False)
def ingest_lock() -> threading.Lock:
    """One document upload at a time per server (ids and file names must stay unique)."""
    return threading.Lock()


def render_bytes(write: Callable[[Path], object], filename: str) -> bytes:
    """Call a library writer that takes an output path; return the file's bytes (a private temp folder)."""
    with tempfile.TemporaryDirectory(prefix="xiaowei-ui-") as tmp:
        out = Path(tmp) / filename
        write(out)
        return out.read_bytes()


def short_name(city: str) -> str:
    """How people say a jurisdiction (温州市 → 温州), for the follow-up buttons."""
    from assistant.jurisdictions import registry

    return registry().short(city)
