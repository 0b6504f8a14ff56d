"""Hybrid retrieval with a tiny deterministic encoder; index persistence and recovery."""

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from assistant.encoders import HashingEncoder, get_encoder
from assistant.errors import ConfigError, QueryError
from assistant.index import build_index, encoder_folder, ensure_index, load_index, tokenize, IndexProblem
from assistant.query import analyse
from assistant.retriever import Retriever

from conftest import ROOT


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="module")
def retriever(corpus, index_dir):
    return Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=index_dir)


def test_encoder_interface_is_normalised():
    enc = get_encoder("hash:64")
    v = enc.encode_passages(["容积率", "建筑密度"])
    assert v.shape == (2, 64) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(enc.encode_queries(["容积率"]), enc.encode_queries(["容积率"]))


def test_unknown_encoder_is_a_clear_error():
    with pytest.raises(ConfigError, match="未知"):
        get_encoder("word2vec-from-the-moon")


def test_tokenizer_bigrams_and_numbers():
    assert tokenize("容积率2.0以上") == ["容积", "积率", "以上", "2.0"]
    assert "plot" in tokenize("plot ratio")


def test_colloquial_question_reaches_official_clause(retriever):
    hits = retriever.search("维修基金每平米交多少", k=3).hits
    assert hits[0].clause == "（二十二）" and hits[0].source_file == "002_1939f8584d88c3be.txt"
    assert hits[0].bm25_rank == 1


def test_city_named_in_question_boosts_that_city(retriever):
    hits = retriever.search("温州小微企业园容积率一般不得低于多少", k=3).hits
    assert hits[0].doc_id == "wenzhou-opinions" and hits[0].clause == "5."


def test_city_filter_keeps_only_that_city_and_province(retriever):
    hits = retriever.search("容积率", k=10, city="临海市").hits
    assert hits and {h.city for h in hits} <= {"临海市", "浙江省"}
    assert retriever.search("容积率", k=10, city="临海市", include_province=False).hits[0].city == "临海市"


def test_status_and_doc_filters(retriever):
    assert {h.status for h in retriever.search("小微企业园", k=10, status="reply_letter").hits} == {"reply_letter"}
    assert {h.doc_id for h in retriever.search("小微企业园", k=10, doc_id="zj-notice-2018-14").hits} == {"zj-notice-2018-14"}
    # a province-wide document applies in 杭州 too; nothing city-level does
    assert {h.city for h in retriever.search("小微企业园", k=5, city="杭州市").hits} == {"浙江省"}
    assert retriever.search("小微企业园", k=5, city="杭州市", include_province=False).hits == []


def test_english_question_uses_glossary(retriever):
    q = analyse("What is the maintenance fund per square metre in Linhai?")
    assert q.language == "en" and "物业专项维修资金" in q.expansions and q.cities == ("临海市",)
    assert retriever.search(q.original, k=3).hits[0].clause == "（二十二）"


def test_table_rows_are_searchable(retriever):
    hits = retriever.search("乐清市2020年开工数", k=3).hits
    assert hits[0].clause == "行动计划表（一）"


@pytest.mark.parametrize("bad", ["", "   ", "！？。，", "😀😀😀"])
def test_empty_or_contentless_query_is_a_clear_error(retriever, bad):
    with pytest.raises(QueryError) as exc:
        retriever.search(bad)
    assert exc.value.message


def test_very_long_query_is_answered(retriever):
    res = retriever.search("维修基金" * 1000, k=3)  # 4 000 characters: accepted, searched on its first 2 000
    assert res.query.truncated and res.hits


def test_overlong_query_is_refused(retriever):
    from assistant.errors import QueryError

    with pytest.raises(QueryError, match="过长"):
        retriever.search("维修基金" * 2500, k=3)  # 10 000 characters


def test_hits_carry_citation_fields(retriever, corpus):
    for h in retriever.search("宿舍面积", k=5).hits:
        clause = corpus.clause(h.doc_id, h.clause)
        assert h.text == clause.clean_text and h.title == corpus.document(h.doc_id).meta.title


class QueryCountingEncoder(HashingEncoder):
    def __init__(self):
        super().__init__(256)
        self.calls = 0

    def encode_queries(self, texts):
        self.calls += 1
        return super().encode_queries(texts)


def test_query_embedding_is_reused_within_bounds(corpus, index_dir):
    enc = QueryCountingEncoder()
    r = Retriever(corpus=corpus, encoder=enc, index_root=index_dir)
    first = r.search("宿舍面积", k=3, city="临海市")
    again = r.search("宿舍面积", k=3)  # the same text: no second embedding
    assert enc.calls == 1 and first.hits and again.hits
    with pytest.raises(ValueError):
        r.query_vector("宿舍面积")[0] = 1.0  # shared, so read-only
    for i in range(Retriever.QUERY_CACHE_SIZE + 1):
        r.query_vector(f"问题{i}")
    calls = enc.calls
    r.search("宿舍面积", k=3)  # pushed out by newer texts: embedded again
    assert enc.calls == calls + 1
    r.clear_query_cache()
    r.search("宿舍面积", k=3)
    assert enc.calls == calls + 2


# ---------------------------------------------------------------- persistence and recovery

@pytest.fixture
def fresh(tmp_path, corpus):
    enc = HashingEncoder(32)
    build_index(corpus, enc, tmp_path)
    return tmp_path, enc


def test_missing_index_is_built(tmp_path, corpus):
    idx, reason = ensure_index(corpus, HashingEncoder(32), tmp_path)
    assert reason == "missing" and idx.manifest.passages == len(idx.passages) > 90


def test_manifest_records_what_the_index_is(fresh, corpus):
    root, enc = fresh
    idx = load_index(corpus, enc, root)
    m = idx.manifest
    assert m.corpus_fingerprint == corpus.fingerprint and m.encoder == "hash/32" and m.dim == 32
    assert "faiss-cpu" in m.versions and "dense.faiss" in m.files and m.faiss_index == "IndexFlatIP"


def test_corrupted_index_is_detected_and_rebuilt(fresh, corpus):
    root, enc = fresh
    build = encoder_folder(enc, root) / (encoder_folder(enc, root) / "CURRENT").read_text()
    with open(build / "dense.faiss", "r+b") as f:
        f.seek(100)
        f.write(b"\x00garbage\x00")
    with pytest.raises(IndexProblem, match="corrupt"):
        load_index(corpus, enc, root)
    idx, reason = ensure_index(corpus, enc, root)
    assert reason.startswith("corrupt") and load_index(corpus, enc, root).manifest.passages == idx.manifest.passages


def test_stale_index_is_rebuilt(fresh, corpus_copy):
    from assistant.corpus import ingest_bytes, load_corpus

    root, enc = fresh
    ingest_bytes("一、总则\n（一）新增条款。\n".encode(), "new.txt", title="新文件", city="温州市", doc_id="new-doc")
    changed = load_corpus(corpus_copy)
    with pytest.raises(IndexProblem, match="stale"):
        load_index(changed, enc, root)
    idx, reason = ensure_index(changed, enc, root)
    assert reason == "stale: corpus changed" and any(p.doc_id == "new-doc" for p in idx.passages)


def test_half_written_build_leaves_previous_index_usable(fresh, corpus):
    root, enc = fresh
    folder = encoder_folder(enc, root)
    before = (folder / "CURRENT").read_text()
    # what a build killed before its last step leaves behind: a folder CURRENT does not name
    junk = folder / "build-killed"
    junk.mkdir()
    (junk / "dense.faiss").write_bytes(b"half")
    (folder / ".CURRENT.abc.tmp").write_text("build-killed")
    assert load_index(corpus, enc, root).folder.name == before


def test_encoder_change_makes_index_stale(fresh, corpus):
    root, enc = fresh
    # a different encoder has its own folder, so nothing is clobbered
    assert encoder_folder(HashingEncoder(64), root) != encoder_folder(enc, root)


def test_cli_search_json_and_jsonl(tmp_path):
    env = dict(os.environ, XIAOWEI_ENCODER="hash:256", XIAOWEI_INDEX_DIR=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "assistant", "search", "维修基金每平米交多少", "--json", "-k", "2"],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    hit = json.loads(r.stdout)["hits"][0]
    assert {"doc_id", "source_file", "title", "clause", "text", "bm25_rank", "dense_rank"} <= set(hit)
    qfile = tmp_path / "q.jsonl"
    qfile.write_text('{"id": "a", "question": "宿舍单间面积"}\n{"id": "b", "question": "   "}\n', encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "assistant", "search", "--jsonl", str(qfile)],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert lines[0]["id"] == "a" and lines[0]["hits"]
    assert lines[1]["id"] == "b" and "message" in lines[1]
    assert r.returncode == 1  # one question failed, and the exit code says so


def test_cli_empty_question_exit_code(tmp_path):
    env = dict(os.environ, XIAOWEI_ENCODER="hash:256", XIAOWEI_INDEX_DIR=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "assistant", "search", "   "], capture_output=True, text=True,
                       cwd=ROOT, env=env)
    assert r.returncode == 2 and "问题为空" in r.stderr and "Traceback" not in r.stderr


class CountingEncoder(HashingEncoder):
    def __init__(self):
        super().__init__(32)
        self.embedded = 0

    def encode_passages(self, texts):
        self.embedded += len(texts)
        return super().encode_passages(texts)


def test_rebuild_embeds_only_new_passages(corpus_copy, tmp_path):
    from assistant.corpus import ingest_bytes, load_corpus

    enc = CountingEncoder()
    first = build_index(load_corpus(corpus_copy), enc, tmp_path)
    assert enc.embedded == len(first.passages)
    ingest_bytes("一、总则\n（一）新增条款一。\n（二）新增条款二。\n".encode(), "n.txt", title="新文件", city="温州市",
                 doc_id="new-doc")
    enc.embedded = 0
    second = build_index(load_corpus(corpus_copy), enc, tmp_path)
    new = [p for p in second.passages if p.doc_id == "new-doc"]
    assert enc.embedded == len(new) == len(second.passages) - len(first.passages)
    # reused vectors are the same vectors: search results equal a build from scratch
    scratch = build_index(load_corpus(corpus_copy), HashingEncoder(32), tmp_path / "scratch")
    import numpy as np

    a = second.dense.reconstruct_n(0, second.dense.ntotal)
    b = scratch.dense.reconstruct_n(0, scratch.dense.ntotal)
    assert np.allclose(a, b)
