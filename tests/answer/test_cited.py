"""Documents the corpus only cites by title: found, and matched to a question only when it names one of them."""

from __future__ import annotations

import pytest

from assistant.answer.cited import asked_cited, cited_titles
from assistant.corpus import load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def titles(corpus):
    return cited_titles(corpus)


def test_cited_titles_leave_out_the_corpus_own_and_those_printed_with_their_number(titles):
    names = {t.title for t in titles}
    assert "慈溪市人民政府关于加快推进小微企业园区建设管理工作的实施意见" in names
    # 临海 repeals it with its number printed after it: the corpus gives its facts
    assert "临海市小微企业创新创业园企业入园及管理办法" not in names
    assert not any("提质升级工作方案" in n and "临海" in n for n in names)


def test_a_question_naming_a_cited_document_is_matched_to_it(corpus, titles):
    hit = asked_cited("慈溪市政府那份加快推进小微园区建设管理的实施意见是哪天发的", corpus, titles)
    assert hit is not None and hit.doc_id.startswith("cixi") and "实施意见" in hit.title


@pytest.mark.parametrize("question", [
    "慈溪181号建议的答复文号是多少",          # the corpus's own document
    "温州百园万企实施意见是哪天开始施行的",     # the corpus's own document
    "慈溪小微园扶持资金有多少",              # no document named
    "请问《关于多措并举盘活中小工业地块的建议》的答复文号？",   # the reply to it is the corpus's own
])
def test_a_question_about_the_corpus_own_document_or_none_is_not_matched(corpus, titles, question):
    assert asked_cited(question, corpus, titles) is None


def test_the_suggestions_a_reply_answers_are_not_cited_documents(titles):
    assert not any(t.title.endswith("建议") for t in titles)
