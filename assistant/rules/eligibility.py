"""Enterprise entry eligibility per jurisdiction, and the questions still to ask.

Unknown facts are asked for (``missing``), never assumed: an enterprise whose
pollution status nobody gave is not "not polluting".

>>> r = check_enterprise({"jurisdiction": "临海市", "purchase_area_m2": 380})
>>> [i.verdict.value for i in r.items if i.rule_id == "linhai.unit_area_min"]
['warning']
>>> enterprise_questions({"jurisdiction": "温州市"})[0]["question_zh"]
'企业是否属于“四无”企业？'
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.jurisdictions import resolve_city
from assistant.rules import criteria
from assistant.rules.checks import flag_item, meets, missing_item, rule_item
from assistant.rules.criteria import Criterion, fill, handler, period_end
from assistant.rules.numbers import WAN, Exact, fmt
from assistant.rules.params import document_warnings, get_param
from assistant.rules.validation import parse_input
from assistant.verdicts import CheckItem, CheckReport, Verdict, overall_verdict

Positive = Annotated[Exact, Field(gt=0)]
NonNegative = Annotated[Exact, Field(ge=0)]

ENTERPRISE_FIELDS: dict[str, tuple[str, str]] = {
    "is_independent_legal_person": ("是否独立法人", "企业是否依法注册登记、具有独立法人资格？"),
    "is_industrial": ("是否工业企业", "企业是否为工业企业？"),
    "domicile_in_park_locality": ("住所是否迁入园区所在地", "入园时能否将住所迁入园区所在地（或在当地重新设立独立法人企业）？"),
    "has_violations": ("是否存在违法违规", "企业是否存在违法违规行为？"),
    "is_dirty_messy": ("是否属于“脏乱差”", "企业（作坊）是否属于“脏乱差”类型？"),
    "is_high_energy": ("是否高耗能", "企业是否属于“高耗能”企业？"),
    "is_high_pollution": ("是否高污染", "企业是否属于“高污染”企业？"),
    "industry": ("主营行业", "企业的主营行业是什么？"),
    "park_leading_industries": ("园区主导行业", "拟入驻园区的主导行业是哪些？"),
    "in_leading_industry_chain": ("是否属于主导行业或其上下游", "企业是否属于园区主导行业，或其产业链上下游配套企业？"),
    "purchase_area_m2": ("拟购置（租用）建筑面积", "企业拟购置（或租用）的厂房建筑面积是多少平方米？"),
    "production_start_date": ("投产日期", "企业投产日期（计划或实际）是哪一天？"),
    "meets_mu_average_standard": ("是否达到亩均最低标准", "企业亩均效益是否不低于同地区同行业最低标准？"),
    "as_of": ("评估日期", "按哪一天评估（默认今天）？"),
    "is_four_nos": ("是否“四无”企业", "企业是否属于“四无”企业？"),
    "passed_five_degree_scoring": ("是否通过“五度”评分", "企业是否通过属地按“五度”（科技高度、投资强度、税收贡献度、两化融合度、员工文化程度）制定的入园评分？"),
    "tax_per_mu_wan": ("亩均税收", "企业亩均税收是多少万元/亩？"),
    "total_tax_wan": ("纳税总额", "企业纳税总额是多少万元？"),
    "local_area_cap_m2": ("属地限购面积", "属地“限面积”政策规定的一般企业购置厂房面积上限是多少平方米？"),
    "is_restricted_category": ("是否限制类产业", "企业是否属于限制类产业？"),
    "meets_local_entry_conditions": ("是否满足属地入园条件", "企业是否满足属地规定的产业类型、亩产效益、安全生产等入园条件？"),
}
LABELS = {k: v[0] for k, v in ENTERPRISE_FIELDS.items()}


class EntryFacts(BaseModel):
    """What the entry check knows about an enterprise that wants to enter a park; every fact optional.

    The enterprise itself, as an applicant describes it on the entry application, is the one
    :class:`assistant.forms.profile.EnterpriseProfile`; :func:`from_form_profile` reads these facts from it and
    :func:`assistant.forms.prefill.application_data` carries them back onto the form.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: str = Field(description="a jurisdiction with enterprise criteria (rules/*.yaml)")
    name: str | None = None
    is_independent_legal_person: bool | None = None
    is_industrial: bool | None = None
    domicile_in_park_locality: bool | None = None
    has_violations: bool | None = None
    is_dirty_messy: bool | None = None
    is_high_energy: bool | None = None
    is_high_pollution: bool | None = None
    industry: str | None = None
    park_leading_industries: tuple[str, ...] | None = None
    in_leading_industry_chain: bool | None = None
    purchase_area_m2: Positive | None = None
    production_start_date: dt.date | None = None
    meets_mu_average_standard: bool | None = None
    as_of: dt.date | None = Field(default=None, description="the day the check is made (the CLI fills today)")
    is_four_nos: bool | None = None
    passed_five_degree_scoring: bool | None = None
    tax_per_mu_wan: NonNegative | None = None
    total_tax_wan: NonNegative | None = None
    local_area_cap_m2: Positive | None = None
    is_restricted_category: bool | None = None
    meets_local_entry_conditions: bool | None = None

    @field_validator("jurisdiction")
    @classmethod
    def _has_criteria(cls, v: str) -> str:
        from assistant.rules.criteria import city_with_criteria

        return city_with_criteria(v, "enterprise", "入园条件")


def industry_fits(profile: EntryFacts) -> bool | None:
    """An explicit answer wins; a name match with a leading industry counts as a fit; no match stays unknown
    (the enterprise may still be upstream or downstream in the chain)."""
    if profile.in_leading_industry_chain is not None:
        return profile.in_leading_industry_chain
    if profile.industry and profile.park_leading_industries:
        ind = profile.industry.strip().lower()
        if any(ind in x.lower() or x.lower() in ind for x in profile.park_leading_industries if x.strip()):
            return True
    return None


@handler("industry_fit")
def _industry_item(c: Criterion, profile: EntryFacts, labels) -> list[CheckItem]:
    p, crit = c.p(), c.title()
    fit = industry_fits(profile)
    if fit is None:
        need = ["in_leading_industry_chain"] if profile.industry and profile.park_leading_industries \
            else [f for f in ("industry", "park_leading_industries") if not getattr(profile, f)]
        return [missing_item(p, need, labels, crit)]
    if fit:
        return [CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.passed, value=True,
                          message=f"企业行业{('“' + profile.industry + '”') if profile.industry else ''}属于园区主导行业或其上下游配套，符合。",
                          citations=(p.citation(),))]
    # Not a bar on one enterprise, but it eats into the park's quota for other industries.
    return [CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.warning, value=False, threshold=p.threshold_zh(),
                      message="企业不属于园区主导行业或其上下游配套：" + fill(c.unmet or "", p), citations=(p.citation(),))]


@handler("mu_average")
def _mu_average_item(c: Criterion, profile: EntryFacts, labels) -> list[CheckItem]:
    """投产N年内不低于同地区行业最低标准: a miss inside the period is a warning, after it a failure."""
    p, crit = c.p(), c.title()
    if profile.meets_mu_average_standard is True:
        return [flag_item(p, True, crit, "企业亩均效益不低于同地区行业最低标准，符合。", value=True)]
    need = [f for f in ("meets_mu_average_standard", "production_start_date") if getattr(profile, f) is None]
    if profile.meets_mu_average_standard is False and profile.production_start_date is not None and profile.as_of is None:
        need = ["as_of"]
    if need:
        return [missing_item(p, need, labels, crit)]
    deadline = period_end(p, profile.production_start_date, "value")
    if profile.as_of <= deadline:
        return [CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.warning, value=False,
                          threshold=f"不晚于 {deadline.isoformat()} 达到", citations=(p.citation(),),
                          message=f"企业尚未达到同地区行业最低标准，须在投产后{p.figure()}内（{deadline.isoformat()}前）达到，"
                                  "否则不符合考评要求。")]
    return [CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.fail, value=False,
                      threshold=f"不晚于 {deadline.isoformat()} 达到", citations=(p.citation(),),
                      message=f"投产已满{p.figure()}（{deadline.isoformat()}），企业仍低于同地区行业最低标准，不符合。")]


@handler("quality_cap")
def _quality_cap_item(c: Criterion, profile: EntryFacts, labels) -> list[CheckItem]:
    """温州 10.: the cap for quality enterprises; others follow the local 限面积 rule (a number not in the corpus)."""
    cap = c.p()
    tp, tt = (get_param(i) for i in c.cites)
    crit = c.title()
    cites = (tp.citation(), tt.citation())
    area = profile.purchase_area_m2
    if area is None:
        return [missing_item(cap, ["purchase_area_m2"], labels, crit, citations=cites)]
    if not meets(cap, area / _per_unit(cap)):
        return [rule_item(cap, area / _per_unit(cap), crit, citations=cites, note="即使是优质企业也不得超过该面积。")]
    if profile.local_area_cap_m2 is not None and area <= profile.local_area_cap_m2:
        return [CheckItem(rule_id=cap.id, criterion=crit, verdict=Verdict.passed, value=float(area), unit="平方米",
                          threshold=f"≤ {fmt(profile.local_area_cap_m2)} 平方米（属地限面积）", citations=(cap.citation(),),
                          message=f"拟购置{fmt(area)}平方米，不超过属地限购面积{fmt(profile.local_area_cap_m2)}平方米，符合。")]
    need = [f for f in ("tax_per_mu_wan", "total_tax_wan") if getattr(profile, f) is None]
    if need:
        return [missing_item(cap, need + ([] if profile.local_area_cap_m2 is not None else ["local_area_cap_m2"]),
                             labels, crit, citations=cites)]
    quality = meets(tp, profile.tax_per_mu_wan) and meets(tt, profile.total_tax_wan)
    taxes = f"企业亩均税收{fmt(profile.tax_per_mu_wan)}万元、纳税总额{fmt(profile.total_tax_wan)}万元"
    if quality:
        return [CheckItem(rule_id=cap.id, criterion=crit, verdict=Verdict.passed, value=float(area), unit="平方米",
                          threshold=cap.threshold_zh(), citations=(cap.citation(), *cites),
                          message=f"{taxes}，属优质企业，购置面积可放宽至{cap.figure()}；拟购置{fmt(area)}平方米，符合。")]
    why = f"{taxes}，不属于优质企业（须同时达到{tp.figure()}和{tt.figure()}）"
    if profile.local_area_cap_m2 is None:
        return [missing_item(cap, ["local_area_cap_m2"], labels, crit, citations=cites).model_copy(
            update={"message": why + "，须按属地限面积政策判断：请提供属地限购面积。"})]
    return [CheckItem(rule_id=cap.id, criterion=crit, verdict=Verdict.fail, value=float(area), unit="平方米",
                      threshold=f"≤ {fmt(profile.local_area_cap_m2)} 平方米（属地限面积）", citations=(cap.citation(), *cites),
                      message=why + f"；拟购置{fmt(area)}平方米超过属地限购面积{fmt(profile.local_area_cap_m2)}平方米，不符合。")]


def _per_unit(p) -> Fraction:
    """Square metres in one unit of an area parameter (its unit may be 万平方米)."""
    return Fraction(WAN) if p.unit == "万平方米" else Fraction(1)


def check_enterprise(profile: EntryFacts | dict, city: str | None = None) -> CheckReport:
    """Entry eligibility under the profile's jurisdiction: one item per criterion, unknown where facts are missing.

    ``profile`` may also be the application form's profile (``assistant.forms.profile.EntryFacts``);
    ``city`` then names the park's city. For a dict, ``city`` fills a missing ``jurisdiction``.
    """
    profile = _as_profile(profile, city)
    items = criteria.run("enterprise", profile, LABELS)
    missing = tuple(dict.fromkeys(f for i in items for f in i.missing))
    docs = [c.doc_id for i in items for c in i.citations]
    return CheckReport(subject=profile.name or "入园企业", jurisdiction=profile.jurisdiction, overall=overall_verdict(items),
                       items=tuple(items), missing_inputs=missing, warnings=document_warnings(docs))


def _as_profile(profile, city: str | None) -> EntryFacts:
    if isinstance(profile, EntryFacts):
        return profile
    if isinstance(profile, dict):
        if city is not None and "jurisdiction" not in profile:
            profile = {**profile, "jurisdiction": normalize_city(city)}
        return parse_input(EntryFacts, profile)
    if hasattr(profile, "independent_industrial"):  # the forms' applicant profile
        return from_form_profile(profile, city)
    return parse_input(EntryFacts, profile)


def answers_for_city(city: str, answers: dict) -> tuple[dict, dict]:
    """(kept, dropped): the answers the enterprise check of ``city`` reads, and the others. Switching the park's
    city keeps what still applies (an area, a yes/no both cities ask) and says what no longer does.

    >>> kept, dropped = answers_for_city("慈溪市", {"is_industrial": True, "is_restricted_category": False})
    >>> kept, dropped
    ({'is_restricted_category': False}, {'is_industrial': True})
    """
    from assistant.rules.criteria import criteria_fields

    used = set(criteria_fields("enterprise", resolve_city(city)))
    kept = {k: v for k, v in answers.items() if k in used}
    return kept, {k: v for k, v in answers.items() if k not in used}


def enterprise_questions(profile: EntryFacts | dict) -> list[dict]:
    """Questions (Chinese) still to ask for a partially filled profile, in the order of the criteria.

    Each: ``{"field", "label_zh", "question_zh", "rule_ids"}``; an empty list means every criterion is decided.
    """
    report = check_enterprise(profile)
    out = []
    for f in report.missing_inputs:
        label, question = ENTERPRISE_FIELDS.get(f, (f, f"请提供{f}。"))
        out.append({"field": f, "label_zh": label, "question_zh": question,
                    "rule_ids": [i.rule_id for i in report.items if f in i.missing]})
    return out


# ───────────────────────── the forms' applicant profile ─────────────────────────

def normalize_city(city: str | None) -> str | None:
    """``"临海"`` / ``"浙江省临海市"`` → ``"临海市"`` (the jurisdiction registry); unknown text is returned stripped."""
    return resolve_city(city)


def from_form_profile(form_profile, city: str | None = None) -> EntryFacts:
    """Map the application form's profile (``assistant.forms.profile.EnterpriseProfile``) onto the facts the
    rules ask about. Only what the form states is carried over; the rest stays unknown and is asked for."""
    g = lambda name: getattr(form_profile, name, None)  # noqa: E731
    chain = g("chain_position")
    tax_per_mu = g("tax_per_mu")
    if tax_per_mu is None and g("tax_paid") is not None and g("land_area_mu"):
        tax_per_mu = Fraction(repr(g("tax_paid"))) / Fraction(repr(g("land_area_mu")))
    # The form asks one question for both facts (“是否具有独立法人资格的工业企业”).
    both = g("independent_industrial")
    data = {
        "jurisdiction": normalize_city(city or g("park_city")),
        "name": g("name"),
        "is_independent_legal_person": both,
        "is_industrial": both,
        "industry": g("industry_name"),
        "in_leading_industry_chain": None if chain is None else chain in ("主导行业", "上下游配套"),
        "purchase_area_m2": g("requested_area_m2"),
        "tax_per_mu_wan": tax_per_mu,
        "total_tax_wan": g("tax_paid"),
    }
    return parse_input(EntryFacts, {k: v for k, v in data.items() if v is not None or k == "jurisdiction"})
