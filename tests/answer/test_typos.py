"""The typo table (assistant/data/typos.yaml) puts right only words no document has."""
import pytest

from assistant.answer.frame import _typos, with_typos_fixed
from assistant.corpus import load_corpus


@pytest.fixture(scope="module")
def texts():
    return "\n".join(c.text for d in load_corpus().documents for c in d.clauses)


def test_no_typo_is_a_word_of_the_documents_and_every_correction_is(texts):
    assert _typos()
    for wrong, right, _ in _typos():
        assert wrong not in texts, wrong
        assert right in texts, right


def test_a_mistyped_word_is_read_as_the_documents_word():
    assert with_typos_fixed("临海厂房买了几年才能准让出去") == "临海厂房买了几年才能转让出去"
    assert with_typos_fixed("保正金交多少") == "保证金交多少"
    assert with_typos_fixed("厂房租凭要办什么手续") == "厂房租赁要办什么手续"   # 房租 is a word, 租凭 still a typo
    assert with_typos_fixed("拿了地多久必须开共") == "拿了地多久必须开工"


def test_a_typo_key_inside_a_real_word_is_left_alone():
    # 标准让 / 批准让: 标准 and 批准 are words; the question means what it says
    assert with_typos_fixed("临海的入园标准让哪个部门审定") == "临海的入园标准让哪个部门审定"
    assert with_typos_fixed("未经批准让别人用") == "未经批准让别人用"
