"""Policy topics no clause mentions: found by name, coverage computed from the corpus, refused with the nearest
clauses as possibly related."""

import pytest
import yaml

from assistant.query import DATA
from assistant.topics import Topic, TopicCatalogue, TopicCoverage


@pytest.fixture(scope="module")
def catalogue():
    return TopicCatalogue.load()


@pytest.fixture(scope="module")
def coverage(catalogue, corpus):
    return TopicCoverage(catalogue, [cl.text for d in corpus.documents for cl in d.clauses])


def _topic(name, *names, en=()):
    return Topic(topic=name, names=(name, *names), en=en)


def test_longest_name_wins_and_consumes_its_characters():
    cat = TopicCatalogue([_topic("增值税"), _topic("土地增值税")], ["相关税费"])
    assert [t.topic for t in cat.find("土地增值税")] == ["土地增值税"]
    assert [t.topic for t in cat.find("增值税和土地增值税")] == ["增值税", "土地增值税"]
    assert cat.find("相关税费怎么算") == []


def test_english_names_match_whole_words_only():
    cat = TopicCatalogue([_topic("增值税", en=("vat",))])
    assert [t.topic for t in cat.find("Is VAT due?")] == ["增值税"]
    assert cat.find("a private park") == []  # "vat" inside "private"


def test_a_name_under_two_topics_is_rejected():
    with pytest.raises(ValueError, match="社保"):
        TopicCatalogue([_topic("社会保险", "社保"), _topic("养老保险", "社保")])
    with pytest.raises(ValueError, match="not_topic"):
        TopicCatalogue([_topic("关税")], ["关税"])


def test_mention_keeps_the_users_words():
    cat = TopicCatalogue([_topic("社会保险", "社保", en=("social insurance",))])
    m = cat.mentions("员工社保怎么交")[0]
    assert (m.said, m.label) == ("社保", "“社保”（社会保险）")
    assert cat.mentions("Social Insurance?")[0].said == "Social Insurance"


def test_a_name_of_words_apart_matches_within_one_phrase_and_is_labelled_by_its_topic():
    cat = TopicCatalogue([_topic("租金水平", "租金…上限")])
    m = cat.mentions("厂房租金有没有上限")[0]
    assert (m.topic.topic, m.said) == ("租金水平", "租金水平")   # not "房租金有没有上限"
    assert cat.find("租金按市场定，面积上限多少") == []            # a comma ends the phrase
    assert cat.find("租金以后再说吧反正面积上限") == []            # too far apart


def test_coverage_follows_the_corpus(catalogue):
    assert [m.topic.topic for m in TopicCoverage(catalogue, ["入园企业"]).uncovered("员工社保怎么交")] == ["社会保险"]
    # a document that mentions 社保 makes the topic answerable: nothing is hard-coded as uncovered
    assert TopicCoverage(catalogue, ["入园企业应为职工缴纳社会保险"]).uncovered("员工社保怎么交") == []


def test_computed_coverage_of_the_five_documents(coverage):
    for covered in ["土地增值税", "房产税", "环评", "消防", "融资担保", "知识产权", "技术改造", "水电气价格"]:
        assert covered in coverage.covered, covered
    for absent in ["增值税", "个人所得税", "契税", "社会保险", "按揭贷款", "贷款贴息", "租金补贴", "光伏"]:
        assert absent not in coverage.covered, absent


def test_no_uncovered_topic_is_a_colloquial_word_for_a_covered_one(catalogue, coverage):
    """A synonyms.yaml key maps an everyday word to the documents' terms: refusing it would contradict the table."""
    synonyms = yaml.safe_load((DATA / "synonyms.yaml").read_text(encoding="utf-8"))
    clash = [(n, t.topic) for t in catalogue.topics if t.topic not in coverage.covered for n in t.names if n in synonyms]
    assert clash == []



def test_fitting_out_a_unit_is_a_topic_no_clause_covers(coverage):
    assert "装修" not in coverage.covered
    assert [m.topic.topic for m in coverage.uncovered("园区厂房装修有没有政府补贴")] == ["装修"]


def test_a_firms_household_registration_is_its_registered_address_not_the_hukou_topic(coverage):
    assert coverage.uncovered("入园企业要迁户口吗") == []            # 临海（十）: 住所迁入园区所在地
    assert [m.topic.topic for m in coverage.uncovered("员工户口能落到园区吗")] == ["户籍"]
