"""Numbers for a known rule: the calculator computes; the answer states the result first, then how and where from."""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from pathlib import Path

from assistant import formatting
from assistant.answer.context import Context
from assistant.answer.followup import figures_text, follow_up_subject
from assistant.answer.offers import checks_previous_figure, offered_figures, offers_a_bound, offers_a_choice
from assistant.answer.frame import NUMERIC, TIME
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.errors import AssistantError
from assistant.messages import text
from assistant.router import read, route_calculation, routes
from assistant.rules.calculators import CalcResult, run
from assistant.verdicts import Verdict
from assistant.yamlio import load_yaml

LABELS_EN_FILE = Path(__file__).resolve().parents[2] / "data" / "calc_labels_en.yaml"
# How far down the turn's own matches a calculator's provision still counts as named (the review of 2026-12-06: the
# fund, the least site and the corner plot questions, each with its provision within the first five).
NEAR_CLAUSES = 5
_ASKS_A_CHECK = re.compile(r"够不够|够吗|够了吗|行不行|行吗|可以吗|可不可以|达标|符合|满足|达到|合格")
_FIGURE = re.compile(r"(-?\d[\d,]*(?:\.\d+)?)\s*(\S*)")


@functools.lru_cache(maxsize=1)
def _labels_en() -> tuple[dict[str, str], tuple[tuple[re.Pattern, str], ...]]:
    """The English titles and labels (exact Chinese → English) and the patterns for labels built with f-strings."""
    data = load_yaml(LABELS_EN_FILE.read_text(encoding="utf-8")) or {}
    names = {**(data.get("titles") or {}), **(data.get("labels") or {})}
    patterns = tuple((re.compile(p["zh"]), p["en"]) for p in data.get("patterns") or ())
    return names, patterns


def _figure_en(text: str) -> str:
    """A number with a unit captured from a Chinese label, in English ("2.5亩" → "2.5 mu"); other text as it is."""
    m = _FIGURE.fullmatch(text.strip())
    if m is None or (m.group(2) and m.group(2) not in formatting.UNIT_EN):
        return text
    return formatting.quantity(Fraction(m.group(1).replace(",", "")), m.group(2), "en")


def label(zh: str, lang: str) -> str:
    """A calculator's title or output label in ``lang`` (calc_labels_en.yaml for English; the Chinese where it has
    no entry).

    >>> label("用地面积", "en"), label("第3年（比例100%）", "en"), label("第2幅（2.5亩）可否纳入", "en")
    ('site area', 'year 3 (100%)', 'parcel 2 (2.5 mu) may be included')
    >>> label("拟购置面积是否在2万平方米以内", "en"), label("用地面积", "zh"), label("没有译文的标签", "en")
    ('requested area within 20,000 m²', '用地面积', '没有译文的标签')
    """
    if lang != "en":
        return zh
    names, patterns = _labels_en()
    if zh in names:
        return names[zh]
    for pattern, template in patterns:
        if m := pattern.fullmatch(zh):
            return template.format(**{k: _figure_en(v) for k, v in m.groupdict().items()})
    return zh


def _provision_clauses(bank, calculator: str) -> set[str]:
    """The clauses whose points state a figure ``calculator`` applies (its provision)."""
    from assistant.rules.calculators import REGISTRY

    params = set(REGISTRY[calculator].params)
    return {bp.clause_id for bp in bank.points if params & set(bp.point.params)}


def result_line(result: CalcResult, lang: str) -> str:
    """"物业专项维修资金 10200元；物业保修金 5100元；合计 15300元" — every part with its unit, or the value; English
    labels in English ("property maintenance fund 10,200 yuan; …")."""
    if result.parts:
        sep = "；" if lang == "zh" else "; "
        return sep.join(f"{label(p.label_zh, lang)} {formatting.value(p.value, p.unit if p.unit != '日期' else '', lang)}"
                        for p in result.parts)
    unit = "" if result.unit == "日期" else result.unit
    return formatting.value(result.value, unit, lang)


_EN_FILLER = frozenset({"what", "about", "that", "this", "then", "with", "there", "those", "these"})


def _subject_words(question: str) -> list[str]:
    """The words of a bare "X呢" / "What about X?" turn's subject (Chinese content words, English words of four
    letters or more); empty for any other turn."""
    from assistant.answer.handlers.knowledge import content_words
    from assistant.jurisdictions import registry

    subject = follow_up_subject(question)
    if not subject:
        return []
    zh = [w for w in content_words(subject) if not registry().resolve(w)]
    en = [w for w in re.findall(r"[a-z]{4,}", subject.lower()) if w not in _EN_FILLER and not registry().resolve(w)]
    return zh + en


def _names_an_output(question: str, prev) -> bool:
    """"竣工验收呢" after the start deadline was computed: every word of the bare follow-up's subject is in the
    name of one output of the previous calculation (its Chinese or English label) — "开工审批呢" or "维修资金用途呢"
    name something the calculation does not give."""
    said = _subject_words(question)
    if not said or not prev.inputs:
        return False
    try:
        result = run(prev.calculator, prev.inputs)
    except AssistantError:
        return False
    labels = [_part_names(p) for p in result.parts]
    return bool(labels) and all(any(w in lab for lab in labels) for w in said)


def _part_names(part) -> str:
    """A calculation output's Chinese and English labels, lower-cased: what a follow-up may name it by."""
    return f"{part.label_zh} {label(part.label_zh, 'en')}".lower()


# A sum asked anywhere in the turn ("一共能奖励多少", "the total reward"): the calculation's total is put first.
_SUM_ASKED = re.compile(r"一共|总共|合计|加起来|加一起|总计|\bin total\b|\btotal\b|\baltogether\b|\bsum\b")
# One year named ("总共8年，第5年奖励多少"): the total of all of them is not what is asked ("前3年" limits the years
# computed, their total is)
_SOME_YEARS = re.compile(r"第\s*(?:\d+|[一二两三四五六七八九十]+)\s*个?年|\byear\s+\d+|\b\d+(?:st|nd|rd|th) year")
# A turn asking nothing but the total ("一共要多少钱" after the fund and the bond were computed): the calculation's.
_TOTAL_ASKED = re.compile(r"(?:那|那么)?(?:一共|总共|合计|加起来|加一起|总计)(?:要|得|需要)?(?:交|付|缴)?(?:多少钱?|几多钱|是多少)[？?呢啊]*"
                          r"|(?:and |so )?(?:how much )?(?:in total|altogether)\??|(?:and |so )?what(?:'s| is) the total\??", re.I)


# The previous calculation stated a sum (the fund and the bond together), which a total asked repeats.
_TOTALLED = re.compile(r"合计|\btotal\b", re.I)


def _speaks_of(text: str, calculator: str) -> bool:
    """Whether ``text`` uses any word of the routes to ``calculator`` ("竣工" for the construction deadlines)."""
    lowered = text.lower()
    return any(w in lowered for r in routes() if r.target == calculator for group in r.words for w in group)


def _other_quantity(text: str, calculator: str) -> bool:
    """The turn asks of a quantity the calculator's rule is not about (contrasting_qualifiers)."""
    from assistant.answer.frame import other_qualifier
    from assistant.rules.calculators import REGISTRY

    calc = REGISTRY.get(calculator)
    return calc is not None and other_qualifier(text, f"{calc.title_zh} {calc.description}")


class CalculationHandler:
    name = "calculation"

    def can_handle(self, ctx: Context) -> bool:
        if ctx.previous is not None and checks_previous_figure(ctx.frame.question, ctx.previous.direct):
            return False   # "Is it 500 m²?" after the least floor area: the rule's figure checked, no area of the user's
        offered = offered_figures(ctx.frame.question)
        if offered and len(figures_text(ctx.frame.question)) <= len(offered) and offers_a_bound(ctx.frame.question):
            # "临海单个入园企业建筑面积最少是500平吧": the only figure is the rule's bound, offered to be checked ("保修金呢
            # 也是1200平" after the fee computed is the user's area again)
            return False
        if len(figures_text(ctx.frame.question)) == 2 and offers_a_choice(ctx.frame.question):
            return False   # "最少400平还是500平": which figure is the rule's is asked, neither is the user's area
        city = ctx.frame.city if ctx.frame.city != "浙江省" else None
        self._route = route_calculation(ctx.frame.text, city)
        self._restated = None
        prev = ctx.previous
        if self._route is not None and prev is not None and prev.calculator == self._route[0] \
                and prev.city == ctx.frame.city and ctx.frame.text != ctx.frame.question \
                and figures_text(ctx.frame.question):
            # "我那个厂房1500平，要交多少" after "一个平方交多少": the question was rewritten as the previous one plus
            # this turn, and the previous figure (一平方) came first; this turn's figures, read first, replace it
            first = route_calculation(f"{ctx.frame.question} {prev.resolved_question or prev.question}", city)
            if first is not None and first[0] == self._route[0]:
                self._route = first
        if self._route is None and prev is not None and prev.calculator and prev.city == ctx.frame.city \
                and not ctx.services.topics.uncovered(ctx.frame.text):
            # (a turn naming a fee no document sets, "那物业费一个月一平多少", is not the previous fee again)
            # the same calculation with what this turn adds: "我买800平要交多少？" after the fee rate (the new figure
            # replaces the old), "竣工的最后期限又是哪一天？" after the start deadline (the earlier figures kept);
            # in the same city only (another city's rule is not computed with this one's)
            before = prev.resolved_question or prev.question
            now = figures_text(ctx.frame.text)
            if (now and ctx.frame.types[:1] == ("consequence",)) or (
                    not now and "consequence" in ctx.frame.types and not _names_an_output(ctx.frame.question, prev)):
                # "要是24个月到了还没验收 会被咋处理", "要是过了期限还没开工 罚多少钱" after the deadline was computed: what
                # follows the breach is asked, no new figure for the calculation (conversations_dev44)
                attempts = []
            elif now:
                base = before
                for old in figures_text(before):
                    base = base.replace(old, " ")
                attempts = [f"{base} {' '.join(now)}"]
            elif ((((ctx.frame.types and ctx.frame.types[0] in NUMERIC | TIME) or _names_an_output(ctx.frame.question, prev))
                    and _speaks_of(ctx.frame.text, prev.calculator))
                   or (_TOTAL_ASKED.fullmatch(ctx.frame.question.strip()) and _TOTALLED.search(prev.direct))) \
                    and not _other_quantity(ctx.frame.text, prev.calculator):
                # (or a bare "X呢" naming another output of the same calculation: "竣工验收呢" after the start date,
                # "保修金呢" after the maintenance fund was computed for the user's area, conversations_dev13)
                # only a turn that asks for a figure or a date of the same calculation ("出让年限如何确定" after the
                # corner-land check is a new question; "那最低亩均税收要多少才让进园" after the 优质企业 check asks an
                # entry bar, not the relaxation's)
                attempts = [f"{ctx.frame.text} {' '.join(figures_text(before))}", f"{before} {ctx.frame.text}"]
            else:
                attempts = []
            for attempt in attempts:
                route = route_calculation(attempt, city)
                if route is not None and route[0] == prev.calculator:
                    self._route = route
                    if not now and _TOTAL_ASKED.fullmatch(ctx.frame.question.strip()):
                        # the total is the previous calculation again: a figure changed next ("如果是1000平呢")
                        # is changed in that one's words
                        self._restated = before
                    break
        if self._route is None and prev is not None and not prev.calculator and prev.knowledge_point \
                and prev.city == ctx.frame.city and re.search(r"\d", ctx.frame.question) \
                and not ctx.services.topics.uncovered(ctx.frame.text):
            # "我是22年6月买的，最早啥时候能转" after 临海's transfer rule: the user's figure for the rule the previous
            # answer's clause states (its calculator), asked in words of its own
            # (…or in the words of the previous answer's provision: "我们厂占地10亩，去年交税350万，够不够格" after "要啥
            # 条件才算" of 温州's 优质企业 — the user never said 优质)
            # …but only when the turn's own best match is that provision's clause: "…交税350万，能拿信用贷款吗" names
            # a provision of its own (the review, 2026-12-05)
            bank = ctx.services.bank
            wordings = [prev.resolved_question or prev.question]
            if prev.knowledge_point in bank:
                provision = bank.get(prev.knowledge_point)
                own = ctx.point_matches()
                if not own or own[0].point.clause_id == provision.clause_id:
                    wordings.append(provision.point.standard)
            for said in wordings:
                route = route_calculation(f"{ctx.frame.question} {said}", city)
                if route is not None and self._clause_states(ctx, prev.knowledge_point, route[0]):
                    self._route = route
                    break
        if self._route is not None and prev is not None and prev.calculator and ctx.frame.extra.get("switched_from") \
                and self._route[0] != prev.calculator:
            # "温州呢" after 临海's completion deadline from the contract date: the user's figures were that rule's
            # inputs; another city's other calculator (温州's approval days from the day an application is received)
            # would read them as something else. The new city's own provision answers instead.
            self._route = None
        if self._route is not None and self._another_provision_states_it(ctx, self._route[0]):
            self._route = None
        return self._route is not None

    @staticmethod
    def _another_provision_states_it(ctx: Context, calculator: str) -> bool:
        """The turn's own best match is a provision of another clause whose figure is of the unit the user gave
        ("边角地，3亩左右，能跟着一起开发不": 临海（十七）'s 单幅地块不超过3亩, not the least site of a park in （四）): the
        figure is that provision's case, not an input of this calculator."""
        from assistant.answer.handlers.knowledge import KnowledgeHandler
        from assistant.quantities import find_quantities
        from assistant.rules.calculators import REGISTRY

        # (the city's own provisions: another city's acceptance days are no case of 临海's deadlines)
        own = ctx.point_matches(cities=frozenset(ctx.services.applicable(ctx.frame.city))) if ctx.frame.city \
            else ctx.point_matches()
        if not own or calculator not in REGISTRY or not KnowledgeHandler()._trusted(ctx, own[0]):
            return False
        top, bank = own[0].point, ctx.services.bank
        if top.point.topic == "targets":
            return False   # a city's target is no provision with a case of its own ("才12家企业，够不够")
        if set(REGISTRY[calculator].params) & set(top.point.params):
            return False
        clauses = _provision_clauses(bank, calculator)
        if not clauses or top.clause_id in clauses:
            return False
        if any(m.point.clause_id in clauses for m in own[:NEAR_CLAUSES]):
            # the calculator's own provision is among the close matches ("宿舍单间25平方米，维修资金交多少": the fund
            # is named; "30亩可以吗" of a village's own land: the least site is in question)
            return False
        # the figures the user gave ("哪一天" gives none)
        said = {(q.unit, q.value) for q in find_quantities(" ".join(figures_text(ctx.frame.question)), field=None)
                if q.unit}
        # (any point of that clause: its share and its single-plot size tie on "边角地")
        stated = {(q.unit, q.value) for bp in bank.in_clause(top.clause_id) for s in bp.point.answer_spans
                  for q in find_quantities(s, field=None) if q.unit}
        if _ASKS_A_CHECK.search(ctx.frame.question):
            # "30亩可以吗", "60亩够不够": the user's figure checked against a rule — the calculator's, unless it is
            # that other provision's very figure ("3亩…可以吗" of the 3亩 corner plot)
            return bool(said & stated)
        return bool({u for u, _ in said} & {u for u, _ in stated})

    @staticmethod
    def _clause_states(ctx: Context, point_id: str, calculator: str) -> bool:
        """Whether a point of ``point_id``'s clause states a figure ``calculator`` applies."""
        from assistant.rules.calculators import REGISTRY

        bank = ctx.services.bank
        if point_id not in bank or calculator not in REGISTRY:
            return False
        return bank.get(point_id).clause_id in _provision_clauses(bank, calculator)

    def run(self, ctx: Context) -> Answer | None:
        f, lang = ctx.frame, ctx.frame.language
        name, inputs = self._route
        try:
            result = run(name, inputs)
        except AssistantError as exc:
            direct = text("calc.cannot", lang, reason=exc.message if lang == "zh" else exc.message_en)
            return build(ctx, kind="calculation", direct=direct, notes=(exc.message,))
        said = _subject_words(f.question)
        if said and result.parts:
            # "保修金呢" / "What about the warranty deposit?": the part the turn names first, the rest after it
            parts = tuple(sorted(result.parts, key=lambda p: not any(w in _part_names(p) for w in said)))
            result = result.model_copy(update={"parts": parts})
        elif _SUM_ASKED.search(f.question.lower()) and not _SOME_YEARS.search(f.question.lower()) \
                and any(p.key == "total" for p in result.parts):
            # "8年一共能奖励多少", "what is the total reward": the sum first, each year after it
            result = result.model_copy(update={"parts": tuple(sorted(result.parts, key=lambda p: p.key != "total"))})
        direct = text("calc.result", lang, title=label(result.title_zh, lang), result=result_line(result, lang))
        # a judgement: its verdicts belong in the direct line — but not a criterion the user gave nothing to judge
        # when the figures asked are there ("宿舍总建筑面积1.2万平方米，成套最多能建多少": the cap is the answer, the
        # share of suites not yet built is no verdict); the body still says what is missing
        judged = [i for i in result.items if i.verdict is not Verdict.unknown] if result.parts else list(result.items)
        if judged:
            sep = "；" if lang == "zh" else "; "
            direct += text("calc.verdicts", lang, verdicts=sep.join(
                f"{i.criterion if lang == 'zh' or not i.criterion_en else i.criterion_en + ': '}"
                f"{formatting.verdict(i.verdict, lang, short=True)}" for i in judged))
        refs = "、".join(dict.fromkeys(f"《{c.title}》{c.clause}" for c in result.citations))
        body = [text("calc.how", lang, formula=result.formula_zh),
                *(f"· [{formatting.verdict(i.verdict, lang, short=True)}] {i.message or i.criterion}" for i in result.items),
                # a unit conversion cites no clause; a label ending in "." ("16.") takes no second full stop
                *([text("calc.basis", lang, refs=refs).replace(".。", ".").replace("..", ".")] if refs else [])]
        notes = list(result.warnings)
        if read(ctx.frame.text).month_only and any(isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
                                                  for v in inputs.values()):
            notes.insert(0, text("calc.month_only", lang))   # only when a date computed with is the assumed one
        if missing := ctx.services.topics.uncovered(f.text):
            notes.insert(0, text("calc.partly_uncovered", lang, names="、".join(m.label for m in missing)))
        cities = {c.city for c in result.citations}
        answer = build(ctx, kind="calculation", direct=direct, body=body, citations=result.citations, notes=notes,
                       quote_lines=False, calculation=result.model_dump(mode="json"),
                       city=f.city or (cities.pop() if len(cities) == 1 else None), topic=f"calc:{name}")
        return answer.model_copy(update={"resolved_question": self._restated}) if self._restated else answer
