"""Deleting and replacing an uploaded document: all-or-nothing like an upload; the five source documents (and any
document a rule or form cites) are protected; the corpus, the index, search and knowledge follow."""

import json
import os
import subprocess
import sys

import pytest
import yaml

from assistant.corpus import (SOURCE_DOCUMENTS, delete_document, ingest_bytes, load_corpus, protection,
                              replace_document)
from assistant.errors import DeleteError, IngestError, NotFoundError
from conftest import ROOT, snapshot

GOOD = ("关于测试小微企业园绿化管理的通知\n"
        "一、园区绿化率不低于百分之二十，绿化设施由运营机构统一养护。\n"
        "二、园区应当设置垂直绿化设施。\n").encode("utf-8")
NEWER = ("关于测试小微企业园绿化管理的通知（修订）\n"
         "一、园区绿化率不低于百分之二十五，屋顶绿化计入绿化面积。\n"
         "二、园区应当设置垂直绿化设施。\n"
         "三、本通知自发布之日起施行。\n").encode("utf-8")


@pytest.fixture
def knowledge_copy(tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    monkeypatch.setenv("XIAOWEI_KNOWLEDGE_DIR", str(folder))
    return folder


@pytest.fixture
def uploaded(corpus_copy, knowledge_copy):
    doc = ingest_bytes(GOOD, "绿化通知.txt", title="关于测试小微企业园绿化管理的通知", city="温州市", doc_id="green-notice")
    return doc


def _knowledge_file(folder, doc_id="green-notice", span="园区绿化率不低于百分之二十"):
    point = {"id": "green-rate", "clause": "一、", "topic": "maintenance_fund", "answer_type": "ratio",
             "subject_zh": "园区绿化率", "subject_en": "greening rate", "answer_spans": [span],
             "standard": "园区绿化率不低于多少？", "similar": [f"绿化率要多少{i}" for i in range(10)]}
    path = folder / f"{doc_id}.yaml"
    path.write_text(yaml.safe_dump({"doc_id": doc_id, "points": [point]}, allow_unicode=True), encoding="utf-8")
    return path


def _retriever(index_dir):
    from assistant.encoders import HashingEncoder
    from assistant.retriever import Retriever

    return Retriever(corpus=load_corpus(), encoder=HashingEncoder(256), index_root=index_dir)


def test_a_deleted_upload_is_gone_from_corpus_index_and_search(uploaded, knowledge_copy, tmp_path):
    from assistant.knowledge.bank import load_bank

    kfile = _knowledge_file(knowledge_copy)
    assert any(p.doc_id == "green-notice" for p in load_bank().points)
    before = _retriever(tmp_path / "index")
    assert before.search("园区绿化率不低于多少", k=3).hits[0].doc_id == "green-notice"
    fingerprint = load_corpus().fingerprint

    meta = delete_document("green-notice")
    assert meta.title == "关于测试小微企业园绿化管理的通知"
    corpus = load_corpus()
    assert "green-notice" not in {d.id for d in corpus.documents} and corpus.fingerprint != fingerprint
    with pytest.raises(NotFoundError):
        corpus.document("green-notice")
    assert not kfile.exists() and not any(p.doc_id == "green-notice" for p in load_bank().points)
    leftovers = [p.name for p in (corpus.root / "documents").iterdir() if "green-notice" in p.name]
    assert leftovers == []
    after = _retriever(tmp_path / "index")   # the index is rebuilt for the new fingerprint
    assert after.index.manifest.corpus_fingerprint == corpus.fingerprint
    hits = after.search("园区绿化率不低于多少", k=10).hits
    assert hits and all(h.doc_id != "green-notice" for h in hits)


@pytest.mark.parametrize("doc_id", SOURCE_DOCUMENTS)
def test_the_five_source_documents_are_protected(corpus_copy, doc_id):
    before = snapshot(corpus_copy)
    assert protection(doc_id)
    with pytest.raises(DeleteError, match="受保护"):
        delete_document(doc_id)
    with pytest.raises(DeleteError, match="受保护"):
        replace_document(doc_id, GOOD, "x.txt")
    assert snapshot(corpus_copy) == before


def test_unknown_document_is_named(corpus_copy):
    with pytest.raises(NotFoundError, match="没有文档“no-such-doc”"):
        delete_document("no-such-doc")


def test_a_document_cited_by_a_rule_file_is_protected(uploaded, tmp_path, monkeypatch):
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "extra.yaml").write_text("doc_id: green-notice\njurisdiction: 温州市\nstatus: in_force\n", encoding="utf-8")
    monkeypatch.setenv("XIAOWEI_RULES_DIR", str(rules))
    with pytest.raises(DeleteError, match="extra.yaml"):
        delete_document("green-notice")
    assert "green-notice" in {d.id for d in load_corpus().documents}


def _failing_replace(mp, fail_at: int):
    """The ``fail_at``-th rename fails (a full disk); the others happen."""
    real = os.replace
    calls = {"n": 0}

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    mp.setattr(os, "replace", flaky)
    return calls


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_a_failed_delete_changes_nothing(uploaded, knowledge_copy, monkeypatch, fail_at):
    _knowledge_file(knowledge_copy)
    before = snapshot(load_corpus().root), snapshot(knowledge_copy)
    with monkeypatch.context() as mp:
        calls = _failing_replace(mp, fail_at)
        with pytest.raises(DeleteError, match="未作任何改动"):
            delete_document("green-notice")
    assert calls["n"] >= fail_at
    assert (snapshot(load_corpus().root), snapshot(knowledge_copy)) == before
    assert load_corpus().document("green-notice").meta.source_file == "绿化通知.txt"


def test_replace_keeps_the_id_and_takes_the_new_text(uploaded):
    doc = replace_document("green-notice", NEWER, "绿化通知（修订）.txt", title="关于测试小微企业园绿化管理的通知（修订）")
    again = load_corpus().document("green-notice")
    assert again.meta.title.endswith("（修订）") and again.meta.source_file == "绿化通知（修订）.txt"
    assert again.meta.city == "温州市"                      # not given: kept
    assert [c.label for c in again.clauses] == [c.label for c in doc.clauses] and "三、" in [c.label for c in doc.clauses]
    assert "百分之二十五" in again.text
    files = [p.name for p in (load_corpus().root / "documents").iterdir() if "green-notice" in p.name]
    assert sorted(files) == sorted(["green-notice.yaml", again.meta.text_file])   # the old text is gone, nothing hidden


@pytest.mark.parametrize("fail_at", [1, 2])   # the new text into place, the new metadata over the old
def test_a_failed_replace_changes_nothing(uploaded, monkeypatch, fail_at):
    root = load_corpus().root
    before = snapshot(root)
    with monkeypatch.context() as mp:
        calls = _failing_replace(mp, fail_at)
        with pytest.raises(DeleteError, match="未作任何改动"):
            replace_document("green-notice", NEWER, "new.txt")
    assert calls["n"] >= fail_at
    assert snapshot(root) == before


def test_a_bad_replacement_file_changes_nothing(uploaded):
    root = load_corpus().root
    before = snapshot(root)
    with pytest.raises(IngestError, match="为空"):
        replace_document("green-notice", b"", "empty.txt")
    with pytest.raises(IngestError, match="已收录同名文件"):
        replace_document("green-notice", NEWER, "002_1939f8584d88c3be.txt")
    assert snapshot(root) == before


def test_replace_refuses_when_knowledge_points_would_break(uploaded, knowledge_copy):
    _knowledge_file(knowledge_copy, span="绿化设施由运营机构统一养护")   # not in the new text
    root = load_corpus().root
    before = snapshot(root)
    with pytest.raises(IngestError, match="green-rate"):
        replace_document("green-notice", NEWER, "new.txt")
    assert snapshot(root) == before


def test_cli_delete_needs_confirmation(uploaded, knowledge_copy):
    env = {**os.environ}
    root = load_corpus().root
    before = snapshot(root)
    r = subprocess.run([sys.executable, "-m", "assistant", "corpus", "delete", "green-notice"], capture_output=True,
                       text=True, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
    assert r.returncode == 2 and "--yes" in r.stderr and snapshot(root) == before
    r = subprocess.run([sys.executable, "-m", "assistant", "corpus", "delete", "green-notice", "--yes", "--json"],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["deleted"] == "green-notice"
    assert "green-notice" not in {d.id for d in load_corpus().documents}
    r = subprocess.run([sys.executable, "-m", "assistant", "corpus", "delete", "wenzhou-opinions", "--yes"],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 2 and "受保护" in r.stderr and "Traceback" not in r.stderr


def test_a_delete_waits_for_another_writer_and_gives_up_cleanly(uploaded, monkeypatch):
    from assistant.errors import BusyError
    from assistant.locking import write_lock

    root = load_corpus().root
    before = snapshot(root)
    monkeypatch.setenv("XIAOWEI_LOCK_TIMEOUT", "0.2")
    with write_lock(root / "documents", "语料库", "the corpus"):   # another writer (an ingest) holds the corpus
        with pytest.raises(BusyError, match="另一个进程正在写入语料库"):
            delete_document("green-notice")
        with pytest.raises(BusyError):
            replace_document("green-notice", NEWER, "new.txt")
    assert snapshot(root) == before
