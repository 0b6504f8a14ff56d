"""Chinese words of a question: jieba's segmentation, without loading jieba's whole dictionary first.

Why: jieba reads its prefix dictionary (498 000 words and prefixes, a 9 MB marshal cache) into a dict before it
cuts the first sentence — 0.9–1.0 s, a third of a cold ``python -m assistant ask`` (cProfile, 2026-12-03). A
question is twenty characters; cutting it looks up a few dozen of its substrings. So the dictionary is kept as an
SQLite table (built once per machine from jieba's own ``dict.txt`` with jieba's own ``gen_pfdict``, 1.7 s),
looked up per substring and remembered. The table sits in the project's ``index/`` folder whatever index folder
is in use: it depends on jieba's version alone, so test runs and servers with their own index folders share it. The segmentation is jieba's, word for word: the same
``Tokenizer`` code runs over the same frequencies (``tests/test_words.py`` compares them on every clause of the
corpus). Where the table cannot be built (a read-only index folder) jieba loads its dictionary as usual.

>>> lcut("厂房买了几年后可以卖")
['厂房', '买', '了', '几年', '后', '可以', '卖']
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import jieba

from assistant.corpus import PROJECT_ROOT

jieba.setLogLevel(logging.WARNING)

TABLE_FORMAT = 1
MEMO_MAX = 200_000   # remembered look-ups (a word and its frequency): a few MB, covers any working day's questions


def table_path(root: Path | None = None) -> Path:
    return (root or PROJECT_ROOT / "index") / f"jieba-{jieba.__version__}-freq-v{TABLE_FORMAT}.sqlite"


class _FrequencyTable:
    """The part of ``dict`` that ``jieba.Tokenizer`` uses (``in``, ``[]``, ``get``), answered from the table."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._memo: dict[str, int | None] = {}
        self.total = int(self._db.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()[0])

    def get(self, word: str, default=None):
        try:
            value = self._memo[word]
        except KeyError:
            with self._lock:
                row = self._db.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
            value = None if row is None else row[0]
            if len(self._memo) < MEMO_MAX:
                self._memo[word] = value
        return default if value is None else value

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value


def build_table(path: Path) -> None:
    """Write jieba's prefix dictionary to ``path``, atomically: a build killed half-way leaves no table."""
    freq, total = jieba.Tokenizer.gen_pfdict(jieba.Tokenizer().get_dict_file())   # closes the file
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-", suffix=".sqlite")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prepare(root: Path | None = None) -> bool:
    """Build the table if it is missing (index builds call this, so the first question does not pay for it).
    False when it cannot be written; ``lcut`` then falls back to jieba's own loading."""
    path = table_path(root)
    if path.exists():
        return True
    try:
        build_table(path)
    except (OSError, sqlite3.Error):
        return False
    return True


def tokenizer_for(root: Path | None = None) -> jieba.Tokenizer:
    """jieba's tokenizer over the table under ``root`` (jieba's default one if the table cannot be used)."""
    path = table_path(root)
    for attempt in range(2):
        if not prepare(root):
            break
        try:
            table = _FrequencyTable(path)
        except (sqlite3.Error, TypeError, ValueError):
            if attempt == 0:          # a damaged table is rebuilt once; then jieba's own dictionary, never a crash
                path.unlink(missing_ok=True)
            continue
        tok = jieba.Tokenizer()
        tok.FREQ, tok.total, tok.initialized = table, table.total, True
        return tok
    return jieba.dt


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    return tokenizer_for()


def lcut(text: str) -> list[str]:
    """``jieba.lcut(text)`` (precise mode, HMM for unknown words)."""
    return _tokenizer().lcut(text)
