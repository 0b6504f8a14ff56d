"""Does the corpus answer this question at all? The refusal signal.

Search scores do not separate answerable from unanswerable questions (measured:
no threshold on fused, dense or BM25 scores does). What does is the question's
*key terms*: an answerable question's distinctive words (or their official
synonyms) occur in the clauses retrieved for it; a question about rents, social
insurance or Hangzhou has key terms that occur nowhere near them.

``coverage`` is the IDF-weighted share of key terms found in the top clauses;
the threshold is calibrated on the dev set (``benchmarks/answers.py``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant import words
from assistant.query import AnalysedQuery, _glossary, _synonyms

# question words and words every clause shares: they carry no topic
STOPWORDS = set("""
多少 什么 怎么 怎样 如何 哪些 哪个 哪里 哪 是否 能否 能不能 可不可以 可以 可否 是不是 有没有 需要 需不需 要求 规定 标准
我们 我 你们 你 他们 公司 企业 单位 园区 小微 小微企业 企业园 小微企业园 产业园 小微企业产业园 园 关于 有关 相关 对于 以及 或者 还是 如果
一下 一些 这个 那个 现在 目前 还要 还 要 会 能 得 的 了 吗 呢 啊 吧 在 和 与 及 对 把 被 给 让 从 到 按 按照 根据 里 里面 中 上 下 个 家 请问 请 想 想问 问
怎么办 怎么算 算 多大 多久 多长 几 几个 几年 时间 什么样 具体 情况 方面 问题 政策 文件 条款 条 规定 说 讲 提到 提 分别 各 各地 两地 两个 不同 区别 异同 有何
不能 不可以 能够 那样 这样 以后 之后 以前 之前 时候 这些 那些 一个 进行 东西 拿到 得到 哪天 几位 多出 能比 过去 过来 起来 下来 出来 进去 进来
必须 应该 应当 一定 还有 然后 已经 其他 其它 怎么样 为什么 什么时候 最晚 最早 最多 最少 最低 最高 大概 左右 一般 原则上 那么 这么
我家 我司 我厂 咱们 本地 当地 那边 这边 一次 第一 分开 一起 全部 所有 一共 总共 合计 多少钱 多少家 是的 对吗 行吗 可以吗
才行 才能 才可以 打算 搞 听说 据说 干嘛 干啥 做啥 一笔 那笔 这笔 非要 硬要 偏要 非得 万一 说法 这说法 这个说法
的话 就是 那种 这种 那样 要是 真要 那真要 这是 那是 咋定 怎么定 如何定 咋算 咋弄 咋办 找谁 咋整 同期 同一时期
随便 随意 随时 直接
老板 老师 师傅 您好 你好 麻烦 谢谢 打扰 请教 咨询 老哥 大哥 美女 帅哥 同志
年内 月内 天内 日内 年后 月后 天后
""".split())

EN_STOPWORDS = set("""
a an the is are was were be been being do does did can could may might must shall should will would of for in on at to from by with
about as and or not no what which who whom whose when where why how much many any some there this that these those it its i my we our
you your they their me us them if than then so such per each every under over into out up down do does please tell say says said rule rules
document documents clause clauses policy park parks enterprise enterprises company companies required requirement requirements allowed
whats hey hello need needs needed have has had programme program programmes more other others asked supposed
""".split())


EN_UNMAPPED = "en:"  # marks an English word the glossary cannot translate: weak evidence either way
EN_UNMAPPED_WEIGHT = 0.25


@dataclass(frozen=True)
class Coverage:
    score: float                 # 0..1, IDF-weighted share of key terms found
    key_terms: tuple[str, ...]
    missing: tuple[str, ...]     # key terms found in none of the top clauses
    unknown: tuple[str, ...]     # key terms found nowhere in the corpus (nor their synonyms)


@lru_cache(maxsize=4096)
def _expansions(term: str) -> tuple[str, ...]:
    out = [t for key, terms in _synonyms().items() if key in term for t in terms]
    # an English word stands for its first Chinese term (key_terms); the glossary's other terms for it count too
    # ("minimum" → 不低于, and a clause saying 不得低于 or …以上 has it)
    out += [t for _, zh in _glossary() if zh[0] == term for t in zh[1:]]
    return tuple(dict.fromkeys(out))


def key_terms(q: AnalysedQuery) -> list[str]:
    """Distinctive words of the question: jieba words for Chinese (``assistant.words``), glossary terms for English."""
    text = re.sub(r"\d+(?:\.\d+)?", " ", q.text)
    terms: list[str] = []
    for w in words.lcut(text):
        w = w.strip()
        if len(w) >= 2 and re.search(r"[\u4e00-\u9fff]", w) and w not in STOPWORDS:
            terms.append(w)
    if q.language == "en" or re.search(r"[A-Za-z]{3,}", q.text):
        lowered = q.text.lower()
        for pattern, zh in _glossary():
            if pattern.search(lowered):
                terms.append(zh[0])
                lowered = pattern.sub(" ", lowered)
        for w in re.findall(r"[a-z][a-z-]{3,}", lowered):  # English words the glossary does not know
            w = w.strip("-")   # "small-" left of "small-enterprise parks" once the glossary took "enterprise parks"
            if len(w) >= 4 and w not in EN_STOPWORDS:
                terms.append(EN_UNMAPPED + w)
    return list(dict.fromkeys(terms))


class CoverageModel:
    """IDF over clause texts; built once per corpus."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.n = len(texts)
        self._df: dict[str, int] = {}

    def df(self, term: str) -> int:
        if term not in self._df:
            self._df[term] = sum(1 for t in self.texts if term in t)
        return self._df[term]

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df(term) + 0.5))

    def found_in(self, term: str, text: str) -> bool:
        return term in text or any(e in text for e in _expansions(term))

    def known(self, term: str) -> bool:
        return self.df(term) > 0 or any(self.df(e) > 0 for e in _expansions(term))

    def measure(self, q: AnalysedQuery, top_texts: list[str]) -> Coverage:
        terms = key_terms(q)
        if not terms:
            return Coverage(1.0, (), (), ())
        joined = "\n".join(top_texts)
        lowered = joined.lower()
        total = found = 0.0
        missing, unknown = [], []
        for t in terms:
            if t.startswith(EN_UNMAPPED):
                total += EN_UNMAPPED_WEIGHT
                word = t[len(EN_UNMAPPED):]
                # a knowledge point's own English questions may have it ("notice" in "Which body issued the notice")
                if re.search(rf"(?<![a-z]){re.escape(word)}", lowered):
                    found += EN_UNMAPPED_WEIGHT
                else:
                    missing.append(word)
                continue
            known = self.known(t)
            w = self.idf(t) if known else math.log(self.n + 1) + 1.0
            total += w
            if self.found_in(t, joined):
                found += w
            else:
                missing.append(t)
                if not known:
                    unknown.append(t)
        return Coverage(round(found / total, 4), tuple(terms), tuple(missing), tuple(unknown))
