"""Which policy topics a question names, and whether any clause mentions them.

The refusal signal for questions on topics the documents never touch (社保, 个税,
按揭, rooftop solar…). Search scores cannot tell those from answerable questions
worded colloquially (measured: benchmarks/README.md); a named policy topic that
no clause mentions can, and the answer can say exactly what is missing.

The catalogue (``assistant/data/topics.yaml``) lists topics from general
knowledge; coverage is computed from the clauses, so it follows the corpus.

>>> cat = TopicCatalogue.load()
>>> [t.topic for t in cat.find("土地增值税和增值税怎么交")]
['土地增值税', '增值税']
>>> cov = TopicCoverage(cat, ["土地增值税按现有规定从低预征"])
>>> [(m.topic.topic, m.said) for m in cov.uncovered("买厂房要交进项税吗")]
[('增值税', '进项税')]
>>> cov.uncovered("土地增值税怎么预征")
[]
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator
from assistant.yamlio import load_yaml

DATA = Path(__file__).resolve().parent / "data"


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: str = Field(description="the name an answer uses")
    names: tuple[str, ...] = Field(min_length=1, description="Chinese names, matched as substrings; 租金…上限 "
                                   "matches the two words in order, a few characters apart within one phrase")
    en: tuple[str, ...] = Field(default=(), description="English phrases, matched as whole words")

    @field_validator("names", "en")
    @classmethod
    def _no_blank(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not n.strip() for n in v):
            raise ValueError("blank name")
        return tuple(unicodedata.normalize("NFKC", n).lower() for n in v)


class Mention(BaseModel):
    """A topic as the question names it."""

    model_config = ConfigDict(frozen=True)
    topic: Topic
    said: str = Field(description="the words of the question that name it")

    @property
    def label(self) -> str:
        """“社保”（社会保险）: the user's word first, the topic's name when it differs."""
        return f"“{self.said}”" if self.said == self.topic.topic else f"“{self.said}”（{self.topic.topic}）"


class TopicFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    topics: list[Topic]
    not_topics: list[str] = Field(default=[], description="words containing a topic name that are not about it")


class TopicCatalogue:
    """All topics, with one leftmost-longest matcher over every name."""

    def __init__(self, topics: list[Topic], not_topics: list[str] = ()):
        self.topics = tuple(topics)
        owner: dict[str, Topic | None] = {}
        for t in self.topics:
            for n in (*t.names, *t.en):
                if owner.setdefault(n, t) is not t:
                    raise ValueError(f"topic name {n!r} is listed under both {owner[n].topic} and {t.topic}")
        decoys = [unicodedata.normalize("NFKC", n).lower() for n in not_topics]
        for n in decoys:
            if n in owner:
                raise ValueError(f"{n!r} is both a topic name and a not_topic")
            owner[n] = None
        self._owner = owner
        # one alternation, longest names first: at each position the longest name wins, and a match consumes its
        # characters, so 土地增值税 is never also read as 增值税 (nor 相关税费 as 关税)
        zh = sorted([*(n for t in self.topics for n in t.names), *decoys], key=len, reverse=True)
        en = sorted((n for t in self.topics for n in t.en), key=len, reverse=True)
        # (names of words apart after every plain name: "租金补贴最多…" is 租金补贴, not 租金…最多)
        zh.sort(key=lambda n: GAP in n)
        parts = [_zh_pattern(n) for n in zh] + [rf"(?<![a-z]){re.escape(n)}(?![a-z])" for n in en]
        self._pattern = re.compile("|".join(parts))
        self._gapped = [(re.compile(_zh_pattern(n)), t) for n, t in owner.items() if GAP in n]

    @classmethod
    def load(cls, path: Path | None = None) -> TopicCatalogue:
        return _load(str(path or DATA / "topics.yaml"))

    def find(self, text: str) -> list[Topic]:
        """Topics named in ``text``, in order of first mention."""
        return [m.topic for m in self.mentions(text)]

    def mentions(self, text: str) -> list[Mention]:
        """Each topic named in ``text`` once, with the words that first named it."""
        text = unicodedata.normalize("NFKC", text)
        out: dict[str, Mention] = {}
        # lower() keeps the length of these texts, so match positions map back to the original words
        for m in self._pattern.finditer(text.lower()):
            said = text[m.start():m.end()]
            topic = self._owner.get(m.group(0))
            if topic is None and m.group(0) not in self._owner:
                # words apart: the topic's own name says what is missing ("厂房租金有没有上限" is not all about it)
                topic = next(t for p, t in self._gapped if p.fullmatch(m.group(0)))
                said = topic.topic if topic is not None else said
            if topic is not None and topic.topic not in out:
                out[topic.topic] = Mention(topic=topic, said=said)
        return list(out.values())


GAP = "..."   # written 租金…上限 in topics.yaml: names are NFKC-normalised, which makes the ellipsis three dots
# "租金有没有上限", "租金一般最多能收": the words a few characters apart, never across a comma or a question's end; a
# wider gap reaches a second thing of the same phrase ("租金按面积算的上限")
MAX_GAP = 6


def _zh_pattern(name: str) -> str:
    """A name as a regular expression: its words in order, at most MAX_GAP characters of one phrase apart.

    >>> bool(re.fullmatch(_zh_pattern("租金...上限"), "租金有没有上限"))
    True
    >>> bool(re.fullmatch(_zh_pattern("租金...上限"), "租金按市场定，面积上限"))
    False
    """
    # (never across a conjunction either: "租金和售价有没有上限" asks of two things, one of them covered)
    return rf"[^，。？！,.?!；;、\s和与及跟]{{0,{MAX_GAP}}}".join(re.escape(w) for w in name.split(GAP))


@lru_cache(maxsize=4)
def _load(path: str) -> TopicCatalogue:
    data = TopicFile.model_validate(load_yaml(Path(path).read_text(encoding="utf-8")))
    return TopicCatalogue(data.topics, data.not_topics)


class TopicCoverage:
    """The catalogue against one corpus: which topics some clause mentions, and which each place's clauses do.

    >>> cov = TopicCoverage(TopicCatalogue.load(), ["消防验收"], by_place={"临海市": ["消防验收"], "慈溪市": ["预售"]})
    >>> [m.topic.topic for m in cov.elsewhere("慈溪园区消防怎么验收", {"慈溪市"})], cov.elsewhere("临海消防", {"临海市"})
    (['消防'], [])
    """

    def __init__(self, catalogue: TopicCatalogue, clause_texts: list[str],
                 by_place: dict[str, list[str]] | None = None):
        self.catalogue = catalogue
        self.covered = frozenset(t.topic for text in clause_texts for t in catalogue.find(text))
        self.covered_in = {place: frozenset(t.topic for text in texts for t in catalogue.find(text))
                           for place, texts in (by_place or {}).items()}

    def uncovered(self, question: str) -> list[Mention]:
        """Topics the question names that no clause mentions."""
        return [m for m in self.catalogue.mentions(question) if m.topic.topic not in self.covered]

    def elsewhere(self, question: str, places: set[str]) -> list[Mention]:
        """Topics the question names that some clause mentions, but none of ``places``' documents."""
        here = frozenset().union(*(self.covered_in.get(p, frozenset()) for p in places))
        return [m for m in self.catalogue.mentions(question) if m.topic.topic in self.covered and m.topic.topic not in here]
