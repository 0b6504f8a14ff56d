"""Understanding a question before search: language, places, expansion.

The synonym table, English glossary and place names are data
(``assistant/data/*.yaml``) so that officers can extend them without code.

>>> q = analyse("维修基金每平米交多少")
>>> "物业专项维修资金" in q.expansions
True
>>> analyse("What is the plot ratio in Linhai?").cities
('临海市',)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.errors import QueryError
from assistant.yamlio import load_yaml

DATA = Path(__file__).resolve().parent / "data"
MAX_QUERY_CHARS = 2000  # longer input is cut: no clause is longer, and search time stays bounded

MATCHING_TERMS_PER_PHRASE = 2


@dataclass(frozen=True)
class AnalysedQuery:
    original: str
    text: str                      # normalised, possibly truncated
    language: str                  # "zh" or "en"
    cities: tuple[str, ...]        # covered jurisdictions named in the question
    uncovered_places: tuple[str, ...]  # places no document covers (杭州, 宁波…)
    expansions: tuple[str, ...]    # official terms added for search
    truncated: bool = False
    # the first terms of each English phrase's glossary entry: question matching weighs each phrase of the question
    # once, not once per synonym ("developers" has four, which outweighed "pre-sell"'s one)
    matching_expansions: tuple[str, ...] = ()

    @property
    def search_text(self) -> str:
        return " ".join((self.text,) + self.expansions)


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, list[str]]:
    return load_yaml((DATA / "synonyms.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _glossary() -> list[tuple[re.Pattern, list[str]]]:
    raw = load_yaml((DATA / "glossary.yaml").read_text(encoding="utf-8"))
    # longest phrases first, so "plot ratio" wins over "ratio"
    # a phrase's words joined by a hyphen are the same phrase ("tax-per-mu", "floor-area ratio")
    # ("pre-selling" is 预售, not a sale: the "selling" after "pre-" is no phrase of its own)
    return [(re.compile(rf"(?<![a-z])(?<!pre-){re.escape(k.lower()).replace(chr(92) + ' ', _JOIN)}(?![a-z])"), v)
            for k, v in sorted(raw.items(), key=lambda kv: -len(kv[0]))]


_JOIN = r"[\s-]+"


def glossary_phrase_terms(text: str, primary: bool = False) -> list[str]:
    """The glossary's Chinese terms for the phrases of several words in an English text (``primary``: only the first
    term of each, the one the phrase translates to).

    >>> glossary_phrase_terms("What minimum building density is required?")
    ['建筑密度']
    >>> glossary_phrase_terms("the tax-per-mu target") == glossary_phrase_terms("the tax per mu target") != []
    True
    >>> glossary_phrase_terms("Who were they sent to?", primary=True)
    ['报送']
    """
    lowered = text.lower()
    return [t for pattern, terms in _glossary() if _JOIN in pattern.pattern and pattern.search(lowered)
            for t in (terms[:1] if primary else terms)]


def glossary_phrase_said(text: str, term: str) -> str | None:
    """The words of an English text that the glossary translates as ``term`` (a phrase of several words).

    >>> glossary_phrase_said("What minimum building density is required?", "建筑密度")
    'building density'
    """
    lowered = text.lower()
    for pattern, terms in _glossary():
        if _JOIN in pattern.pattern and term in terms and (m := pattern.search(lowered)):
            return m.group(0)
    return None


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return re.sub(r"\s+", " ", text).strip()


# Chinese an English question quotes by name: a title, a quotation, a document number ("浙中小企业办〔2018〕14号")
_QUOTED_NAME = re.compile(r"《[^》]*》|“[^”]*”|[\u4e00-\u9fff]{1,12}[〔\[]\d{4}[〕\]]\s*\d+\s*号")
# "Who pays 维修资金 in 临海?": a sentence opening with English words is English, whatever Chinese terms it quotes
_ENGLISH_OPENING = re.compile(r"^\W*(?:[A-Za-z][A-Za-z'’-]*\s+){3}[A-Za-z]")


def is_english(text: str) -> bool:
    """
    >>> is_english("Which office issued the provincial notice 浙中小企业办〔2018〕14号?"), is_english("临海的FAR是多少")
    (True, False)
    """
    rest = _QUOTED_NAME.sub(" ", text)
    letters = sum(ch.isascii() and ch.isalpha() for ch in rest)
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in rest)
    return letters > 0 and (han <= letters / 6 or bool(_ENGLISH_OPENING.match(rest)))


def has_content(text: str) -> bool:
    """Letters, digits or Han characters, not only punctuation, emoji or spaces."""
    return any(ch.isalnum() or "\u4e00" <= ch <= "\u9fff" for ch in text)


def analyse(question: str, covered: tuple[str, ...] | None = None) -> AnalysedQuery:
    """``covered``: the jurisdictions that have documents (default: the corpus's)."""
    if question is None or not question.strip():
        raise QueryError("问题为空，请输入您想了解的内容", "the question is empty", field="question")
    text = normalise(question)
    if not has_content(text):
        raise QueryError("问题中没有文字，请用中文或英文提问", "the question has no words: ask in Chinese or English",
                         field="question")
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    lowered = text.lower()
    english = is_english(text)

    expansions: list[str] = []
    for key, terms in _synonyms().items():
        if key in text:
            expansions.extend(terms)
    matching = list(expansions)
    if english or re.search(r"[a-z]{3,}", lowered):
        for pattern, terms in _glossary():
            if pattern.search(lowered):
                expansions.extend(terms)
                matching.extend(terms[:MATCHING_TERMS_PER_PHRASE])

    cities, places = places_in(text, covered)
    seen: set[str] = set()
    unique = tuple(t for t in expansions if not (t in seen or seen.add(t)))
    return AnalysedQuery(question, text, "en" if english else "zh", cities, places, unique, truncated,
                         tuple(dict.fromkeys(matching)))


def places_in(text: str, covered: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(covered jurisdictions, places no document covers) named in ``text``, via the jurisdiction registry.

    鹿城 is answered by 温州市's documents; 杭州 and 台州 have none; naming 临海 is not a question about 台州.
    """
    from assistant.jurisdictions import registry

    if covered is None:
        from assistant.corpus import load_corpus

        covered = tuple(load_corpus().cities())
    reg = registry()
    cities: list[str] = []
    places: list[str] = []
    for j in reg.mentioned(text):
        c = reg.covering(j.name, covered)
        if c is not None:
            cities.append(c.name)
        else:
            places.append(j.name)
    return tuple(dict.fromkeys(cities)), tuple(dict.fromkeys(places))
