"""One writer at a time for a folder, across processes: the CLI and every app server.

Readers never lock: every write is a rename of a complete file, so a reader sees the old state or the new
one. Writers (ingest into ``corpus/documents/``, an index build into ``index/<encoder>/``) take an exclusive
``flock`` on the folder itself. Locking the folder rather than a lock file inside it leaves nothing behind
to commit, snapshot or clean up; the kernel drops the lock when the process dies, however it dies, so a
killed writer never blocks the next one. ``flock`` locks belong to an open file, so two threads of one
process exclude each other too.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d, write_lock(Path(d), "语料库", "the corpus"):
...     try_write_lock(Path(d))
False
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import BusyError

POLL_SECONDS = 0.05


def lock_timeout(default: float) -> float:
    """``$XIAOWEI_LOCK_TIMEOUT`` seconds, else ``default``."""
    try:
        return max(0.0, float(os.environ.get("XIAOWEI_LOCK_TIMEOUT", default)))
    except ValueError:
        return default


@contextmanager
def write_lock(folder: Path, what_zh: str, what_en: str, timeout: float = 120.0):
    """Hold the folder's write lock for the ``with`` block; wait up to ``timeout`` s, then BusyError."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + lock_timeout(timeout)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BusyError(f"另一个进程正在写入{what_zh}，请稍后再试",
                                    f"another process is writing {what_en}: try again shortly",
                                    field="lock") from None
                time.sleep(POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def try_write_lock(folder: Path) -> bool:
    """True if nobody holds the folder's write lock right now (checked and released at once)."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


@contextmanager
def write_lock_if_free(folder: Path):
    """Yield True holding the lock if it is free now, else yield False at once (housekeeping that can wait)."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
