"""Documents the corpus only cites by title (《慈溪市人民政府关于加快推进小微企业园区建设管理工作的实施意见》): a question
about one of them ("慈溪那个加快小微园建设的实施意见文号是多少") is not answered with the citing document's own number.

A cited title is matched to a question by the Chinese character pairs they share; it is the question's document
when it shares clearly more with the question than any document of the corpus does with its own title.

>>> _pairs("实施意见") == {"实施", "施意", "意见"}
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from assistant.corpus import Corpus

_TITLE = re.compile(r"《([^《》]{4,80})》")
# A number printed right after the title ("《…管理办法》（临小微园办〔2019〕1号）"): the corpus gives the document's
# facts itself, the normal answer path finds them.
_NUMBER_AFTER = re.compile(r"^\s*[（(][^（）()]{0,30}号[^（）()]{0,6}[)）]")   # also "（第181号建议）": the reply's own
# Shared character pairs a question needs with a cited title to be about it, and how many more than with any title
# of the corpus (eval/conversations_dev10.jsonl, 2026-12-04: 8 against 0 for the case that set it; the corpus's own
# titles asked about share 5 or more with themselves).
MIN_SHARED = 5
MARGIN = 3
# What kind of document a title names: the question must name the same kind ("实施意见", "办法").
_KINDS = ("实施意见", "实施办法", "意见", "办法", "通知", "方案", "规划", "建议", "决定", "规定", "细则")


@dataclass(frozen=True)
class CitedTitle:
    title: str        # without 《》
    doc_id: str       # the citing document
    clause: str       # the clause label that cites it


def _pairs(text: str) -> set[str]:
    chinese = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {w[i:i + 2] for w in chinese.split() for i in range(len(w) - 1)}


@functools.lru_cache(maxsize=2)
def cited_titles(corpus: Corpus) -> tuple[CitedTitle, ...]:
    """Titles the corpus cites but does not hold, each with its first citing clause; not those printed with
    their number. Read once per corpus (a new corpus object comes with every change of the documents)."""
    own = {re.sub(r"\s", "", d.meta.title) for d in corpus.documents}
    seen: dict[str, CitedTitle] = {}
    for d in corpus.documents:
        for c in d.clauses:
            for m in _TITLE.finditer(c.text):
                title = m.group(1)
                if re.sub(r"\s", "", title) in own or _NUMBER_AFTER.match(c.text[m.end():]) or title in seen:
                    continue
                seen[title] = CitedTitle(title, d.id, c.label)
    return tuple(seen.values())


def _kind(title: str) -> str | None:
    return next((k for k in _KINDS if title.endswith(k) or title.endswith(k + "（试行）")), None)


def asked_cited(question: str, corpus: Corpus, titles: tuple[CitedTitle, ...]) -> CitedTitle | None:
    """The cited document a question asks about, when it names one the corpus does not hold (a question about
    the reply to a suggestion is about the reply, which the corpus holds)."""
    if "答复" in question:
        return None
    q = _pairs(question)
    own = max((len(q & _pairs(d.meta.title)) for d in corpus.documents), default=0)
    best = max(titles, key=lambda t: len(q & _pairs(t.title)), default=None)
    if best is None:
        return None
    shared, kind = len(q & _pairs(best.title)), _kind(best.title)
    if shared >= MIN_SHARED and shared >= own + MARGIN and kind and kind in question:
        return best
    return None


# Of a cited title's character pairs, the share a question must name to be about it when "not stated" is the answer
# about its date in force: a title of another document that shares its common words (小微企业园, 实施意见) is not it.
CLOSE_SHARE = 0.7


def names_closely(question: str, cited: CitedTitle) -> bool:
    """The question names ``cited`` itself: its 《title》 contains or is contained in it, or, with no 《》, most of its
    character pairs.

    >>> t = CitedTitle("慈溪市人民政府关于加快推进小微企业园区建设管理工作的实施意见", "d", "一、")
    >>> names_closely("《慈溪市人民政府关于加快推进小微企业园区建设管理工作的实施意见》什么时候施行", t)
    True
    >>> names_closely("《浙江省人民政府办公厅关于加快小微企业园高质量发展的实施意见》什么时候施行", t)
    False
    """
    quoted = [re.sub(r"\s", "", m.group(1)) for m in _TITLE.finditer(question)]
    title = re.sub(r"\s", "", cited.title)
    if quoted:
        return any(q in title or title in q for q in quoted)
    pairs = _pairs(title)
    return len(_pairs(question) & pairs) >= CLOSE_SHARE * len(pairs)

