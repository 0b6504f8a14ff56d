"""The word table gives jieba's segmentation word for word, and falls back to jieba where it cannot be used."""

from __future__ import annotations

import jieba
import pytest

from assistant import words
from assistant.corpus import load_corpus
from assistant.knowledge.bank import load_bank


@pytest.fixture(scope="module")
def table_tokenizer(tmp_path_factory):
    root = tmp_path_factory.mktemp("words")
    tok = words.tokenizer_for(root)
    assert isinstance(tok.FREQ, words._FrequencyTable)   # the table, not jieba's dict
    return tok


def test_same_words_as_jieba_on_every_clause_and_bank_question(table_tokenizer):
    texts = [c.text for d in load_corpus().documents for c in d.clauses]
    texts += [q for bp in load_bank().points for q in bp.point.questions[:3]]
    assert len(texts) > 500
    differing = [t for t in texts if table_tokenizer.lcut(t) != jieba.lcut(t)]
    assert differing == []


def test_unknown_word_and_prefix_lookups(table_tokenizer):
    table = table_tokenizer.FREQ
    assert table.get("厂房") > 0
    assert table.get("不存在的词语组合xyz") is None
    with pytest.raises(KeyError):
        table["不存在的词语组合xyz"]
    # a prefix of a dictionary word is present with frequency 0, as in jieba's own prefix dict
    assert any(table.get(w[:-1]) == 0 for w in ("小微企业园", "中华人民共和国") if len(w) > 1)


def test_unwritable_folder_falls_back_to_jieba(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    tok = words.tokenizer_for(blocker)
    assert tok is jieba.dt
    assert tok.lcut("厂房买了几年后可以卖") == jieba.lcut("厂房买了几年后可以卖")


def test_damaged_table_is_rebuilt(tmp_path):
    words.table_path(tmp_path).write_bytes(b"not an sqlite file" * 100)
    tok = words.tokenizer_for(tmp_path)
    assert isinstance(tok.FREQ, words._FrequencyTable)
    assert tok.lcut("维修资金按建筑面积缴存") == jieba.lcut("维修资金按建筑面积缴存")


def test_table_that_cannot_be_read_or_rebuilt_falls_back_to_jieba(tmp_path, monkeypatch):
    words.table_path(tmp_path).write_bytes(b"not an sqlite file" * 100)
    monkeypatch.setattr(words, "build_table", lambda path: (_ for _ in ()).throw(OSError("read-only")))
    assert words.tokenizer_for(tmp_path) is jieba.dt


def test_build_is_atomic(tmp_path, monkeypatch):
    def broken(f):
        raise OSError("disk full")
    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", staticmethod(broken))
    assert words.prepare(tmp_path) is False
    assert list(tmp_path.iterdir()) == []
