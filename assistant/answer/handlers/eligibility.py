""""May my enterprise enter?" as a dialogue: the city's entry criteria, one verdict each; the missing facts asked a
few at a time in plain words; every reply read deterministically (``dialogue.extract``), the check re-run and what
changed said; at the end, the prefilled application offered with what was said."""

from __future__ import annotations

import re

from assistant.answer.context import Context
from assistant.answer.dialogue import extract, plain_question
from assistant.answer.frame import asks_after_a_change, points_at_document
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.messages import text
from assistant.router import is_eligibility
from assistant.rules.criteria import jurisdictions_with

# How many missing facts one turn asks for: a phone screen shows three questions without scrolling.
ASK_AT_ONCE = 3
# Kinds of fact asked of the rules, not of one firm: "入园资格最后谁来定" wants the actor, "要公示几天" (in the middle of a
# check) the duration; neither is a check of the user's enterprise nor a reply to one (eval/conversations_dev9.jsonl).
# ("亩均税收多少才能进" stays a check: an amount, a rate or a count asked about entering is a criterion's threshold.)
ASKS_OF_THE_RULES = frozenset({"actor", "contact", "deadline", "duration", "date", "procedure"})


# the user's own firm with facts the check reads ("我们…做汽配的，属于鼓励类，整改到位了，能入园吗"): checked, the change
# with them ("我们厂之前被整改过，改好了还能进吗" gives none: the rule for a firm after rectifying answers)
_OWN_FIRM = re.compile(r"我们|我家|我厂|我司|咱们|咱家|俺|本公司|\b(?:we|our|my)\b", re.I)


def _verdicts(report) -> dict[str, str]:
    return {f"{i.rule_id}|{i.criterion}": i.verdict for i in report.items}


# "我们厂现在条件不够，整改好了以后还能进园不": that the conditions are not met yet is what the change is to fix — no
# fact for a check; what the rules say after the change answers
_CHANGED = {"meets_local_entry_conditions"}


class EligibilityHandler:
    name = "eligibility"

    def can_handle(self, ctx: Context) -> bool:
        if is_eligibility(ctx.frame.text):
            # "限制类企业有啥特殊情况能进园区吗" asks whether the rules make an exception, not for a check of one firm;
            # "一个园主打几个行业？污染的小作坊能进吗" asks two things of the rules, answered part by part
            # …nor "限制类的小厂，整改好了还能进吗": what the rules say of a firm after a change, which no check can read
            # …nor "该通知是否对入园企业的亩均税收设定了最低标准": what the provincial notice sets, which sets no entry
            # conditions to check a firm against
            return not {"exception", "consequence"} & set(ctx.frame.types) and len(ctx.frame.parts) < 2 \
                and not _asks_of_the_rules(ctx) and not _asks_of_the_notice(ctx) \
                and not (asks_after_a_change(ctx.frame.text)
                         and not (_OWN_FIRM.search(ctx.frame.text) and set(extract(ctx.frame.text, [])) - _CHANGED))
        state = ctx.previous.eligibility if ctx.previous is not None else None
        if not state:
            return False
        # a reply to the dialogue: it states facts (or a bare yes/no to what was asked), not a new question
        reply = ctx._memo["eligibility_reply"] = extract(ctx.frame.question, state.get("asked", []))
        if "consequence" in ctx.frame.types[:2] or (not reply and _asks_of_the_rules(ctx)):
            return False   # a new question in the middle of the check ("…偷偷搬进去了会怎么处理"): answered as one
        return bool(reply) or _unreadable_reply(ctx.frame.question)

    def run(self, ctx: Context) -> Answer:
        from assistant.rules.eligibility import check_enterprise, enterprise_questions

        f, lang = ctx.frame, ctx.frame.language
        state = (ctx.previous.eligibility if ctx.previous is not None else None) or {}
        before = dict(state.get("facts", {}))
        said = ctx._memo.get("eligibility_reply")   # kept with the question it was read from
        if said is None:
            said = extract(f.question, state.get("asked", []))
        cities = jurisdictions_with("enterprise")
        city = f.city if f.city in cities else before.get("jurisdiction")
        if city not in cities:
            return build(ctx, kind="eligibility", direct=text("eligibility.which_city", lang, cities="、".join(cities)),
                         follow_up=("拟入驻园区所在城市",), check={"facts": {**before, **said}, "asked": []})
        facts = {**before, **said, "jurisdiction": city}
        report = check_enterprise(facts)
        old = check_enterprise({**before, "jurisdiction": city}) if before else None
        asks = enterprise_questions(facts)
        asked_now = [a["field"] for a in asks[:ASK_AT_ONCE]]
        lines = [f"· [{i.verdict.label_zh}] {i.message or i.criterion}" for i in report.items]
        direct = text("eligibility.overall", lang, city=city, overall=report.overall.label_zh)
        body: list[str] = []
        if old is not None:
            prior = _verdicts(old)
            changed = [f"{i.criterion}：{prior[k].label_zh}→{i.verdict.label_zh}" for k, i in
                       ((f"{i.rule_id}|{i.criterion}", i) for i in report.items) if k in prior and prior[k] != i.verdict]
            if changed:
                body.append(text("eligibility.changed", lang, changes="；".join(changed)))
            elif not said:
                pending = [plain_question(x, x) for x in state.get("asked", [])]
                body.append(text("eligibility.unread", lang, fields="；".join(pending)))
        body += lines
        if asks:
            body.append(text("eligibility.ask", lang) + "\n" + "\n".join(
                f"- {plain_question(a['field'], a['question_zh'])}" for a in asks[:ASK_AT_ONCE]))
        else:
            body.append(text("eligibility.offer_application", lang))
        check = {**report.model_dump(mode="json"), "facts": {k: v for k, v in facts.items()}, "asked": asked_now,
                 "application": application_profile(facts)}
        return build(ctx, kind="eligibility", direct=direct, body=body,
                     citations=[c for item in report.items for c in item.citations], quote_lines=False,
                     notes=report.warnings, check=check, city=city, topic="entry_conditions",
                     follow_up=tuple(plain_question(a["field"], a["question_zh"]) for a in asks[:ASK_AT_ONCE]))


def _asks_of_the_rules(ctx: Context) -> bool:
    return bool(set(ctx.frame.types[:1]) & ASKS_OF_THE_RULES)


def _unreadable_reply(reply: str) -> bool:
    """A short reply that is not a question: an answer the dialogue could not read (it asks again, naming what)."""
    stripped = reply.strip()
    return 0 < len(stripped) <= 30 and not stripped.endswith(("？", "?")) and not is_eligibility(stripped)


def application_profile(facts: dict) -> dict:
    """What the conversation said, in the entry application's own field names (the 申请表下载 page and
    ``form entry --profile`` take it as it is)."""
    out: dict = {}
    if facts.get("jurisdiction"):
        out["园区所在城市"] = facts["jurisdiction"]
    if facts.get("industry"):
        out["所属行业"] = facts["industry"]
    if facts.get("purchase_area_m2") is not None:
        out["申请面积"] = facts["purchase_area_m2"]
    if facts.get("is_independent_legal_person") is not None and facts.get("is_industrial") is not None:
        out["是否具有独立法人资格的工业企业"] = bool(facts["is_independent_legal_person"] and facts["is_industrial"])
    if facts.get("total_tax_wan") is not None:
        out["上年度税收"] = facts["total_tax_wan"]
    if facts.get("tax_per_mu_wan") is not None:
        out["亩均税收"] = facts["tax_per_mu_wan"]
    if facts.get("in_leading_industry_chain") is not None:
        out["产业链位置"] = "主导行业" if facts["in_leading_industry_chain"] else "其他"
    return out


def _asks_of_the_notice(ctx: Context) -> bool:
    f = ctx.frame
    return f.city == "浙江省" and f.city_source == "named" and (points_at_document(f.text) or "通知" in f.text)
