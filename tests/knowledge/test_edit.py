"""Adding to the knowledge bank: all-or-nothing, evaluation questions refused, the change seen in the next answer."""

import json
import shutil
import subprocess
import sys

import pytest

from assistant.errors import CorpusError
from assistant.knowledge.bank import knowledge_dir, load_bank
from assistant.knowledge.edit import add_point, add_question
from conftest import ROOT, snapshot


@pytest.fixture
def bank_copy(tmp_path, monkeypatch):
    root = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), root)
    monkeypatch.setenv("XIAOWEI_KNOWLEDGE_DIR", str(root))
    return root


def test_a_similar_question_is_added_and_the_answer_follows(bank_copy, tmp_path, corpus):
    from assistant.answer import Assistant
    from assistant.encoders import HashingEncoder
    from assistant.retriever import Retriever

    question = "鞋厂想问那个一平米收几块的维修款子咋弄"
    kp = add_question("linhai-maintenance-fund-rate", question)
    assert question in kp.similar
    assert question in load_bank(bank_copy).get("linhai-maintenance-fund-rate").point.similar
    bot = Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path / "idx"))
    a = bot.ask(question)
    assert a.knowledge_point == "linhai-maintenance-fund-rate" and "12元/平方米" in a.direct


@pytest.mark.parametrize("kp_id,question,why", [
    ("no-such-point", "随便一个新问题吧", "没有知识点"),
    ("linhai-maintenance-fund-rate", "", "question"),
])
def test_a_rejected_change_leaves_the_bank_byte_identical(bank_copy, kp_id, question, why):
    before = snapshot(bank_copy)
    with pytest.raises(Exception) as exc:
        add_question(kp_id, question)
    assert why in str(exc.value) or why == getattr(exc.value, "field", None)
    assert snapshot(bank_copy) == before


def test_an_evaluation_question_is_refused(bank_copy):
    first = json.loads((ROOT / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])["question"]
    before = snapshot(bank_copy)
    with pytest.raises(CorpusError) as exc:
        add_question("linhai-maintenance-fund-rate", first)
    assert "评测集" in exc.value.message and snapshot(bank_copy) == before


def test_a_new_point_from_a_clause_keeps_its_spans_verbatim(bank_copy):
    point = {"id": "linhai-test-new-point", "clause": "（二十四）", "topic": "utility_pricing", "answer_type": "rate",
             "subject_zh": "非生产性用房水电气计价", "subject_en": "utility tariffs of non-production buildings",
             "answer_spans": ["均按照居民生活用水、用电、用气标准计价"],
             "standard": "临海园区宿舍食堂这些房子的水电气按什么价格收？",
             "similar": [f"宿舍水电怎么算钱第{i}问" for i in "一二三四五六七八九十"]}
    add_point("linhai-plan-draft", point)
    assert load_bank(bank_copy).get("linhai-test-new-point").point.clause == "（二十四）"
    before = snapshot(bank_copy)
    bad = {**point, "id": "linhai-test-bad", "answer_spans": ["按工业电价计价"]}   # not in the clause
    with pytest.raises(CorpusError):
        add_point("linhai-plan-draft", bad)
    assert snapshot(bank_copy) == before


def test_cli_add_question(bank_copy):
    import os

    env = dict(os.environ)
    r = subprocess.run([sys.executable, "-m", "assistant", "knowledge", "add-question", "linhai-transfer-ban-years",
                        "厂房到手几年以后才好转手卖掉啊", "--json"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    assert "厂房到手几年以后才好转手卖掉啊" in json.loads(r.stdout)["similar"]
    r = subprocess.run([sys.executable, "-m", "assistant", "knowledge", "add-question", "nope", "随便问问"],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 2 and "没有知识点" in r.stderr and "Traceback" not in r.stderr
