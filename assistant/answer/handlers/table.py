"""Wenzhou action-plan table questions: the figure first (computed ones say so), then every cell used, quoted."""

from __future__ import annotations

import re

from assistant.answer.context import Context
from assistant.answer.frame import words_of
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.answer.reader import citation
from assistant.jurisdictions import registry
from assistant.messages import text
from assistant.tables import (county_asked, explicit_table_cue, lookup, names_a_place_or_all, names_a_table_part,
                              table_cue, units_en)

# knowledge topics that are about the plan tables themselves (a match on them does not outrank the table)
TABLE_TOPICS = {"action_plan_table", "targets"}
# a city's targets stated in the text answer a question that names no column or county of the table: "温州3年要建多少个
# 小微园" is the text's "100个以上", not the table's sum of park types (every readable set +5 / −0, 2026-12-05)
TEXT_TARGET_TOPIC = "targets"


_PROVINCE_FORM = re.compile(r"\bprovincial\b|\bprovince'?s?\b|\bannex\s*\d|附件\s*\d")
# The province named in Chinese ("省里那个2019年计划表"): its forms, unless the question names the plan's own city or
# a county of it ("浙江省温州市行动计划表中乐清…" is 温州's table)
_PROVINCE_ZH = re.compile(r"省里|省级|全省|浙江省|省通知|情况表|汇总表")
# Whether the table gives a figure at all ("有没有用地指标"): "no, the cell is blank" answers it
_WHETHER_GIVEN = re.compile(r"有没有|是否有|有无|\bis there\b|\bare there\b|\bdoes (?:it|the \w+) (?:have|give|set)\b")
# How a form is filled in ("园区类型那栏咋填", "how should the development model be entered"): a form's instructions,
# never a sum over 温州's plan table (whose park types would otherwise be read as "parks of all types")
_FILLING_IN = re.compile(r"填|fill(?:ed|ing)? (?:in|out)|\b(?:be|is|are) (?:entered|filled)\b")


# A turn comparing the previous figure with another county's ("比永嘉多几家", "跟乐清差多少")
_THAN_ANOTHER = re.compile(r"^(?:那|那么)?(?:比|跟|和|与)[\u4e00-\u9fff]{2,8}?(?:比|相比)?(?:多|少|差|相差|高|低)")
# another county added to the previous one ("加上瑞安一共多少", "和瑞安加起来多少", "再算上永嘉呢")
_PLUS_ANOTHER = re.compile(r"^(?:那|那么)?再?(?:加上|算上|连同|和|跟|与)[\u4e00-\u9fff]{2,8}?(?:的)?(?:一共|总共|加起来|合起来|"
                           r"合计|一起)")
# a total asked ("加起来一共", "in total")
_TOTAL_ASKED = words_of("total_asked")


class TableHandler:
    name = "table"

    def can_handle(self, ctx: Context) -> bool:
        corpus, question = ctx.services.corpus, ctx.frame.text
        prev, said = ctx.previous, ctx.frame.question   # (as asked: the resolver may have read "跟苍南比…" as a switch)
        # "比永嘉多几家" right after 瑞安's entrants: the difference of the previous figure with the county named;
        # "加上瑞安一共多少亩" right after 乐清's land: their sum
        for another, operation in ((_THAN_ANOTHER, "difference"), (_PLUS_ANOTHER, "sum")):
            if prev is not None and prev.kind == "table" and another.match(said.strip()) and county_asked(corpus, said) \
                    not in (None, county_asked(corpus, prev.resolved_question or prev.question)):
                asked = f"{prev.resolved_question or prev.question}，{said}"
                table = lookup(corpus, asked)
                if table is not None and table.operation == operation:
                    self._table, self._asked = table, asked
                    return True
        if not table_cue(corpus, question) and not (
                _TOTAL_ASKED.search(question.lower()) and table_cue(corpus, self._with_previous_county(ctx, question))):
            # ("三年开工的加起来一共多少亩" after 瑞安's 2020 start: a total over the county the table turns were about)
            return False
        if not explicit_table_cue(corpus, question) and self._a_provision_answers(ctx):
            return False   # only weak table words ("几个园区"), and a provision matches the question well
        if not explicit_table_cue(corpus, question) and self._asks_no_column(ctx):
            return False
        self._asked = self._with_previous_county(ctx, question)
        self._table = lookup(corpus, self._asked)
        if self._table is None:
            self._table, self._asked = self._previous_for_county(ctx, question)
        if self._table is not None and ctx.frame.city \
                and self._table.doc.meta.city not in ctx.services.applicable(ctx.frame.city):
            # the conversation is about 慈溪 (or the province's own forms): 温州's plan table is not its answer
            return False
        if self._table is not None and self._table.doc.meta.city != "浙江省" \
                and (_PROVINCE_FORM.search(question.lower())
                     or ((_PROVINCE_ZH.search(question) or _FILLING_IN.search(question.lower()))
                         and not self._names_the_plan(ctx, question))):
            # "the provincial 2019 plan form (Annex 2)": the province's form, not 温州's plan table
            return False
        return self._table is not None

    def _names_the_plan(self, ctx: Context, question: str) -> bool:
        """The question names the plan table's own city, one of its counties, or its action plan."""
        return bool(county_asked(ctx.services.corpus, question)) or "行动计划" in question \
            or self._table.doc.meta.city in {j.name for j in registry().mentioned(question)}

    @staticmethod
    def _with_previous_county(ctx: Context, question: str) -> str:
        """"2020年开工多少亩" after 乐清's three-year land: the county the conversation is about, not the city total."""
        prev = ctx.previous
        if prev is None or prev.kind != "table" or names_a_place_or_all(ctx.services.corpus, question):
            return question
        county = county_asked(ctx.services.corpus, prev.resolved_question or prev.question)
        return f"{county}{question}" if county else question

    @staticmethod
    def _previous_for_county(ctx: Context, question: str):
        """"乐清分到多少" after the city's three-year land target: the county named, asked what the previous question
        asked (its land over the plan's years), when the turn itself names nothing the tables read."""
        prev = ctx.previous
        county = county_asked(ctx.services.corpus, question)
        if prev is None or county is None:
            return None, question
        said = prev.resolved_question or prev.question
        if county_asked(ctx.services.corpus, said) not in (None, county):
            return None, question   # "那瑞安呢" after 乐清 is the resolver's: the county replaced, not added
        # the county in place of the places the previous question named ("温州三年落实…" → "永嘉县三年落实…"): a
        # later "那慈溪呢" must not find 温州 in it
        from assistant.answer.context import strip_places

        asked = f"{county}{strip_places(said)}"
        return lookup(ctx.services.corpus, asked), asked

    @staticmethod
    def _asks_no_column(ctx: Context) -> bool:
        """"What's Wenzhou's target for tax per mu…": the figure asked about (亩均税收) is no column of any plan table;
        the table's words in the question ("parks", "per mu") are not what it asks (conversations_dev13, 2026-12-04)."""
        from assistant.answer.handlers.knowledge import asked_subject
        from assistant.tables import grids

        subject = asked_subject(ctx)
        return bool(subject) and not any(subject in c.base or c.base in subject
                                         for g in grids(ctx.services.corpus) for c in g.columns)

    def _a_provision_answers(self, ctx: Context) -> bool:
        from assistant.answer.handlers.knowledge import KnowledgeHandler

        matches = ctx.point_matches()
        if not matches:
            return False
        topic = matches[0].point.point.topic
        if topic in TABLE_TOPICS and not (topic == TEXT_TARGET_TOPIC
                                          and not names_a_table_part(ctx.services.corpus, ctx.frame.text)):
            return False
        # the text's own target, the question naming no column, county or year of the table: the text answers, even
        # when words the bank does not have lower its trust (the programme's English name "Hundred Parks, Ten Thousand
        # Enterprises")
        return topic == TEXT_TARGET_TOPIC or KnowledgeHandler()._trusted(ctx, matches[0])

    def run(self, ctx: Context) -> Answer:
        answer = self._run(ctx)
        # the question as the table read it ("乐清2020年开工多少亩"): the next turn's county comes from it
        return answer if self._asked == ctx.frame.text else answer.model_copy(update={"resolved_question": self._asked})

    def _run(self, ctx: Context) -> Answer:
        table, lang = self._table, ctx.frame.language
        doc = table.doc
        clauses = {c.label: c for c in table.clauses}
        cites = []
        for cell in table.cells:
            clause = clauses.get(cell.clause, table.clause)
            start = clause.text.find(cell.quote)
            cites.append(citation(doc, clause, (start, start + len(cell.quote))) if start >= 0 else citation(doc, clause))
        if not cites:  # nothing read (a row or year the table does not have): cite the tables themselves
            cites = [citation(doc, c) for c in table.clauses]
        body = []
        if table.asked_count or table.asked_land or table.asked_floor or table.asked_per_park:
            unit = next((c.unit for c in table.cells if c.unit), "")
            unit = units_en().get(unit, unit) if lang == "en" else unit
            key = ("table.count_not_given" if table.asked_count else "table.land_not_given" if table.asked_land
                   else "table.floor_not_given" if table.asked_floor else "table.per_park_not_given")
            return build(ctx, kind="not_covered", direct=text(key, lang, unit=unit),
                         body=[text("table.what_it_gives", lang, line=table.headline(lang))], citations=cites,
                         quote_lines=False, refused=True, not_covered_kind="different_quantity", city=doc.meta.city,
                         city_source=ctx.frame.city_source, topic="action_plan_table")
        if table.missing:
            # a place with no row (龙港市) or a year the plan does not cover: the tables do not give it
            return build(ctx, kind="not_covered", direct=table.headline(lang), citations=cites, quote_lines=False,
                         refused=True, not_covered_kind="place" if table.missing == "row" else "no_figure",
                         city=doc.meta.city, city_source=ctx.frame.city_source, topic="action_plan_table")
        if table.cells and all(c.blank for c in table.cells) and not _WHETHER_GIVEN.search(ctx.frame.text.lower()):
            # "文成县要建几个科创园" where the cell is blank: the plan sets no figure (b), it is not 0
            return build(ctx, kind="not_covered", direct=table.headline(lang), citations=cites, quote_lines=False,
                         refused=True, not_covered_kind="no_figure", city=doc.meta.city,
                         city_source=ctx.frame.city_source, topic="action_plan_table")
        if table.cells:
            body.append(text("table.cells", lang, cells=("；" if lang == "zh" else "; ").join(table.cell_lines(lang))))
        if blanks := table.blank_line(lang):
            body.append(blanks)
        body.append(text("table.basis", lang, title=doc.meta.title, labels="、".join(c.label for c in table.clauses)))
        if table.years_not_split:
            # "鹿城区2019年要建几个小微园": the plan counts parks for its years together — that year's figure is not
            # given (the line says so first, then the period's total as the nearest the plan has)
            return build(ctx, kind="not_covered", direct=table.headline(lang), body=body, citations=cites,
                         quote_lines=False, refused=True, not_covered_kind="no_figure", calculation=table.to_record(),
                         city=doc.meta.city, city_source=ctx.frame.city_source, topic="action_plan_table")
        return build(ctx, kind="table", direct=table.headline(lang), body=body, citations=cites, quote_lines=False,
                     calculation=table.to_record(), city=doc.meta.city, city_source=ctx.frame.city_source,
                     topic="action_plan_table")
