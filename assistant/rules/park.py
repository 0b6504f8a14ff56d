"""Park-plan compliance check per jurisdiction (临海市, 温州市).

Every input is optional: a rule whose inputs are missing gives an ``unknown``
item that names them, so the report doubles as the list of what to ask next.

>>> r = check_park({"jurisdiction": "临海市", "land_area_mu": 15, "total_floor_area_m2": 20000})
>>> [(i.rule_id, i.verdict.value) for i in r.items][:2]
[('linhai.land_area_new_min', 'unknown'), ('linhai.plot_ratio_min', 'pass')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.rules import criteria
from assistant.rules.checks import flag_item, meets, missing_item, rule_item
from assistant.rules.criteria import Criterion, handler
from assistant.rules.numbers import MU_IN_M2, Exact, as_number, fmt
from assistant.rules.params import document_warnings, get_param
from assistant.rules.validation import FieldError, parse_input
from assistant.verdicts import CheckItem, CheckReport, Verdict, overall_verdict

Positive = Annotated[Exact, Field(gt=0)]
NonNegative = Annotated[Exact, Field(ge=0)]


# Field → (label, question). The question is what the chat and the UI's guided check ask.
PARK_FIELDS: dict[str, tuple[str, str]] = {
    "development_mode": ("开发方式", "园区是通过土地招拍挂新建（new），还是存量用地改造（renovation）？"),
    "land_area_mu": ("用地面积", "园区总占地面积是多少亩（或平方米）？"),
    "total_floor_area_m2": ("总建筑面积", "园区总建筑面积（规划许可证载明）是多少平方米？"),
    "building_footprint_m2": ("建筑基底面积", "园区建筑基底面积（各建筑占地面积之和）是多少平方米？"),
    "nonproduction_land_m2": ("非生产性用房占地面积", "非生产性用房（办公、宿舍、食堂等）占地面积是多少平方米？"),
    "nonproduction_floor_area_m2": ("非生产性用房建筑面积", "非生产性用房建筑面积是多少平方米？"),
    "self_held_nonproduction_m2": ("建设主体永久自持的非生产性用房面积", "建设主体永久自持的非生产性用房面积是多少平方米？"),
    "property_office_m2": ("物业办公用房面积", "物业办公用房面积是多少平方米？"),
    "property_business_m2": ("物业经营用房面积", "物业经营用房面积是多少平方米？"),
    "leading_industries": ("主导行业", "园区确定了哪几个主导行业和特色产业？"),
    "enterprise_count": ("入园企业家数", "计划（或已经）入园的企业有多少家？"),
    "leading_industry_enterprise_count": ("同行业及上下游配套企业家数", "其中同行业企业和产业链上下游配套企业有多少家？"),
    "production_floor_area_m2": ("生产性用房建筑面积", "生产性用房建筑面积是多少平方米？"),
    "leading_industry_production_floor_m2": ("主导产业生产性用房建筑面积", "其中用于园区主导产业的生产性用房建筑面积是多少平方米？"),
    "unit_areas_m2": ("各入园企业建筑面积", "各入园企业（分割单元）的建筑面积分别是多少平方米？"),
    "has_dormitory": ("是否建设职工宿舍", "园区是否建设职工宿舍？"),
    "dorm_room_areas_m2": ("非成套宿舍单间面积", "非成套职工宿舍各单间建筑面积（不含分摊）分别是多少平方米？"),
    "dorm_suite_areas_m2": ("成套宿舍单套面积", "成套职工宿舍各套建筑面积分别是多少平方米？"),
    "dorm_total_floor_m2": ("职工宿舍总建筑面积", "职工宿舍总建筑面积是多少平方米？"),
    "dorm_suites_total_m2": ("成套住宅总建筑面积", "成套住宅总建筑面积是多少平方米？"),
    "dorm_high_rise": ("宿舍是否为高层或小高层", "职工宿舍是高层或小高层住宅吗？"),
    "contract_date": ("土地出让合同签订日期", "土地出让合同是哪一天签订的？"),
    "start_date": ("开工日期", "开工日期（计划或实际）是哪一天？"),
    "completion_date": ("竣工验收日期", "竣工验收日期（计划或实际）是哪一天？"),
    "has_professional_operator": ("是否引入专业运营机构", "园区是否建立或引入了专业化运营机构？"),
    "in_operation": ("是否已竣工投产", "园区是否已竣工投产？"),
    "has_public_facilities": ("是否有公共服务配套设施", "园区是否有食堂、宿舍等必备的公共服务配套设施？"),
    "land_in_production_years": ("原用地已投产年限", "改造前该国有建设用地已投产多少年？"),
}
LABELS = {k: v[0] for k, v in PARK_FIELDS.items()}


class ParkPlan(BaseModel):
    """A park plan; every fact optional except where it is. Areas in m², land in 亩 (or m²)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: str = Field(description="a jurisdiction with park criteria (rules/*.yaml)")
    name: str | None = None
    development_mode: Literal["new", "renovation"] | None = Field(default=None, description="new: 招拍挂新建；renovation: 存量用地改造")
    land_area_mu: Positive | None = None
    land_area_m2: Positive | None = None
    total_floor_area_m2: Positive | None = None
    building_footprint_m2: Positive | None = None
    nonproduction_land_m2: NonNegative | None = None
    nonproduction_floor_area_m2: NonNegative | None = None
    self_held_nonproduction_m2: NonNegative | None = None
    property_office_m2: NonNegative | None = None
    property_business_m2: NonNegative | None = None
    leading_industries: tuple[str, ...] | None = None
    enterprise_count: int | None = Field(default=None, gt=0)
    leading_industry_enterprise_count: int | None = Field(default=None, ge=0)
    production_floor_area_m2: Positive | None = None
    leading_industry_production_floor_m2: NonNegative | None = None
    unit_areas_m2: tuple[Positive, ...] | None = None
    has_dormitory: bool | None = None
    dorm_room_areas_m2: tuple[Positive, ...] | None = None
    dorm_suite_areas_m2: tuple[Positive, ...] | None = None
    dorm_total_floor_m2: Positive | None = None
    dorm_suites_total_m2: NonNegative | None = None
    dorm_high_rise: bool | None = None
    contract_date: dt.date | None = None
    start_date: dt.date | None = None
    completion_date: dt.date | None = None
    has_professional_operator: bool | None = None
    in_operation: bool | None = None
    has_public_facilities: bool | None = None
    land_in_production_years: NonNegative | None = None

    @property
    def land_m2(self) -> Fraction | None:
        if self.land_area_m2 is not None:
            return self.land_area_m2
        return None if self.land_area_mu is None else self.land_area_mu * MU_IN_M2

    @property
    def land_mu(self) -> Fraction | None:
        m2 = self.land_m2
        return None if m2 is None else m2 / MU_IN_M2

    @field_validator("jurisdiction")
    @classmethod
    def _has_park_criteria(cls, v: str) -> str:
        from assistant.rules.criteria import city_with_criteria

        return city_with_criteria(v, "park", "园区指标")

    @model_validator(mode="after")
    def _consistent(self):
        # Impossible plans are input errors (a density above 100%), not compliance failures.
        if self.land_area_mu is not None and self.land_area_m2 is not None \
                and abs(self.land_area_mu * MU_IN_M2 - self.land_area_m2) > 1:
            raise FieldError("land_area_m2", "用地面积的亩数和平方米数不一致（1亩 = 10000/15 平方米）")
        land, total = self.land_m2, self.total_floor_area_m2
        _not_above(self.building_footprint_m2, land, "building_footprint_m2", "建筑基底面积大于用地面积（建筑密度超过100%）")
        _not_above(self.nonproduction_land_m2, land, "nonproduction_land_m2", "非生产性用房占地面积大于用地面积（占比超过100%）")
        _not_above(self.nonproduction_floor_area_m2, total, "nonproduction_floor_area_m2",
                   "非生产性用房建筑面积大于总建筑面积（占比超过100%）")
        _not_above(self.production_floor_area_m2, total, "production_floor_area_m2", "生产性用房建筑面积大于总建筑面积")
        _not_above(self.self_held_nonproduction_m2, self.nonproduction_floor_area_m2, "self_held_nonproduction_m2",
                   "自持面积大于非生产性用房建筑面积（占比超过100%）")
        _not_above(self.leading_industry_production_floor_m2, self.production_floor, "leading_industry_production_floor_m2",
                   "主导产业生产性用房面积大于生产性用房建筑面积（占比超过100%）")
        _not_above(self.leading_industry_enterprise_count, self.enterprise_count, "leading_industry_enterprise_count",
                   "同行业及上下游配套企业数大于入园企业总数（占比超过100%）")
        if self.property_office_m2 is not None and self.property_business_m2 is not None:
            _not_above(self.property_office_m2 + self.property_business_m2, total, "property_office_m2",
                       "物业管理用房面积大于总建筑面积")
        if self.unit_areas_m2:
            _not_above(sum(self.unit_areas_m2), total, "unit_areas_m2", "各入园企业建筑面积之和大于总建筑面积")
        _not_above(self.suites_total, self.dorm_total_floor_m2, "dorm_suites_total_m2",
                   "成套住宅总建筑面积大于职工宿舍总建筑面积（占比超过100%）")
        if self.start_date and self.completion_date and self.completion_date < self.start_date:
            raise FieldError("completion_date", "竣工验收日期早于开工日期")
        if self.contract_date and self.start_date and self.start_date < self.contract_date:
            raise FieldError("start_date", "开工日期早于土地出让合同签订日期")
        if self.contract_date and self.completion_date and self.completion_date < self.contract_date:
            raise FieldError("completion_date", "竣工验收日期早于土地出让合同签订日期")
        return self

    @property
    def production_floor(self) -> Fraction | None:
        """Given, or total minus non-production floor area when both are known."""
        if self.production_floor_area_m2 is not None:
            return self.production_floor_area_m2
        if self.total_floor_area_m2 is not None and self.nonproduction_floor_area_m2 is not None:
            return self.total_floor_area_m2 - self.nonproduction_floor_area_m2
        return None

    @property
    def suites_total(self) -> Fraction | None:
        if self.dorm_suites_total_m2 is not None:
            return self.dorm_suites_total_m2
        return None if self.dorm_suite_areas_m2 is None else sum(self.dorm_suite_areas_m2, Fraction(0))


def _not_above(part, whole, field: str, message: str) -> None:
    if part is not None and whole is not None and part > whole:
        raise FieldError(field, message)


def _need(plan: ParkPlan, *fields: str) -> list[str]:
    """Missing fields among ``fields``; land counts as given in 亩 or m²."""
    out = []
    for f in fields:
        if f == "land_area_mu":
            if plan.land_m2 is None:
                out.append(f)
        elif f == "production_floor_area_m2":
            if plan.production_floor is None:
                out.append(f)
        elif getattr(plan, f) is None:
            out.append(f)
    return out


# ───────────────────────── items shared with the dormitory calculator ─────────────────────────

def dorm_items(rooms: Sequence[Fraction] | None, suites: Sequence[Fraction] | None, dorm_total: Fraction | None,
               suites_total: Fraction | None, high_rise: bool | None, *, require_all: bool) -> list[CheckItem]:
    """Items for 临海（二十一）. ``None`` = unknown (asked for when ``require_all``); ``()`` = there are none."""
    room_p, share_p = get_param("linhai.dorm_room_area_max"), get_param("linhai.dorm_suite_share_max")
    suite_p, extra_p = get_param("linhai.dorm_suite_area_max"), get_param("linhai.dorm_high_rise_allowance")
    items: list[CheckItem] = []
    if rooms:
        worst = max(rooms)
        over = sum(1 for r in rooms if not meets(room_p, r))
        items.append(rule_item(room_p, worst, "非成套宿舍单间建筑面积（最大一间）",
                               note=f"共{len(rooms)}间，超过上限的{over}间。" if over else ""))
    elif rooms is None and require_all:
        items.append(missing_item(room_p, ["dorm_room_areas_m2"], LABELS, "非成套宿舍单间建筑面积"))
    if suites_total is None and suites:
        suites_total = sum(suites, Fraction(0))
    if suites_total is not None and dorm_total is not None:
        cap = dorm_total * share_p.fraction("max")
        # the share's excess in m² too: what the developer must convert (calc_dev: "比例超没超" wants the 350)
        items.append(rule_item(share_p, suites_total / dorm_total, "成套住宅总建筑面积占职工宿舍总建筑面积比例",
                               note=f"成套住宅总建筑面积{fmt(suites_total)}平方米，上限{fmt(cap)}平方米，"
                                    f"超出{fmt(suites_total - cap)}平方米。" if suites_total > cap else ""))
    elif require_all or suites_total is not None or dorm_total is not None:
        need = (["dorm_suite_areas_m2"] if suites_total is None else []) + (["dorm_total_floor_m2"] if dorm_total is None else [])
        items.append(missing_item(share_p, need, LABELS, "成套住宅总建筑面积占职工宿舍总建筑面积比例"))
    if suites:
        items.append(_suite_item(max(suites), high_rise, suite_p, extra_p))
    elif suites is None and require_all:
        items.append(missing_item(suite_p, ["dorm_suite_areas_m2"], LABELS, "成套宿舍单套建筑面积"))
    return items


def _suite_item(worst: Fraction, high_rise: bool | None, suite_p, extra_p) -> CheckItem:
    """Largest suite against 60 m², or 70 m² in high-rise and mid-high-rise buildings."""
    crit = "成套宿舍单套建筑面积（最大一套）"
    base, relaxed = suite_p.max, suite_p.max + extra_p.value
    if worst <= base:
        return rule_item(suite_p, worst, crit)
    if worst > relaxed or high_rise is False:
        item = rule_item(suite_p, worst, crit)
        if worst <= relaxed:
            return item
        return item.model_copy(update={"message": item.message + f"即使高层、小高层放宽{fmt(extra_p.value)}平方米（≤ {fmt(relaxed)}平方米）也超出。",
                                       "citations": (*item.citations, extra_p.citation())})
    if high_rise is None:
        return missing_item(suite_p, ["dorm_high_rise"], LABELS, crit, citations=(extra_p.citation(),)).model_copy(
            update={"value": as_number(worst, 2), "unit": "平方米", "threshold": f"≤ {fmt(base)} 平方米（高层、小高层 ≤ {fmt(relaxed)} 平方米）",
                    "message": f"{crit}为{fmt(worst)}平方米，超过{fmt(base)}平方米但不超过{fmt(relaxed)}平方米：是否符合取决于是否为高层或小高层住宅。"})
    return CheckItem(rule_id=suite_p.id, criterion=crit, criterion_en=suite_p.description_en, verdict=Verdict.passed,
                     value=as_number(worst, 2), unit="平方米", threshold=f"≤ {fmt(relaxed)} 平方米（高层、小高层放宽后）",
                     message=f"{crit}为{fmt(worst)}平方米，高层、小高层住宅可放宽{fmt(extra_p.value)}平方米至{fmt(relaxed)}平方米，符合。",
                     citations=(suite_p.citation(), extra_p.citation()))


# ───────────────────────── criteria that need more than arithmetic (named in rules/*.yaml) ─────────────────────────

@handler("site_area")
def _site_area(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    """New parks (招拍挂) and existing-land parks have different minimum site areas: judge by the mode, or by both."""
    new_p, ren_p = c.p(), get_param(c.cites[0])
    mu = plan.land_mu
    by_mode = {"new": new_p, "renovation": ren_p}
    crit = c.title()
    if mu is None:
        return [missing_item(by_mode.get(plan.development_mode, new_p), ["land_area_mu"], labels, crit)]
    if plan.development_mode:
        label = f"{crit}（新建）" if plan.development_mode == "new" else f"{crit}（存量用地改造）"
        return [rule_item(by_mode[plan.development_mode], mu, label)]
    a, b = rule_item(new_p, mu, crit), rule_item(ren_p, mu, crit)
    both = f"新建 {new_p.threshold_zh()}（{new_p.qualifier or '硬性'}）；存量改造 {ren_p.threshold_zh()}"
    if a.verdict is b.verdict:
        word = "符合" if a.verdict is Verdict.passed else "不符合"
        return [a.model_copy(update={"threshold": both, "message": f"{crit}为{fmt(mu)}亩，无论新建还是存量用地改造均{word}。",
                                     "citations": (new_p.citation(), ren_p.citation())})]
    return [missing_item(new_p, ["development_mode"], labels, crit, citations=(ren_p.citation(),)).model_copy(
        update={"value": as_number(mu, 2), "threshold": both,
                "message": f"{crit}为{fmt(mu)}亩：新建须{new_p.threshold_zh()}（{new_p.qualifier or '硬性'}），"
                           f"存量改造须{ren_p.threshold_zh()}，请说明开发方式。"})]


@handler("self_held_share")
def _self_held(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    p, crit = c.p(), c.title()
    need = _need(plan, "self_held_nonproduction_m2", "nonproduction_floor_area_m2")
    if need:
        return [missing_item(p, need, labels, crit)]
    if plan.nonproduction_floor_area_m2 == 0:
        return [flag_item(p, plan.self_held_nonproduction_m2 == 0, crit, "方案没有非生产性用房，无自持要求可核。", value=0,
                          unit=p.unit or None)]
    return [rule_item(p, plan.self_held_nonproduction_m2 / plan.nonproduction_floor_area_m2, crit)]


@handler("provision_share")
def _provision(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    """A floor area to provide as a share of the total ("配置比例为"): judged as at least that share."""
    p, crit = c.p(), c.title()
    need = _need(plan, *c.fields, "total_floor_area_m2")
    if need:
        return [missing_item(p, need, labels, crit)]
    area = sum((getattr(plan, f) for f in c.fields), Fraction(0))
    ratio = area / plan.total_floor_area_m2
    required = plan.total_floor_area_m2 * p.fraction()
    item = rule_item(p, ratio, crit, note=f"按总建筑面积应配置{fmt(required)}平方米，方案为{fmt(area)}平方米。")
    if ratio > p.fraction():
        item = item.model_copy(update={"message": item.message + "原文为“配置比例为”，超出部分是否认可请与主管部门核实。"})
    return [item]


@handler("dormitory")
def _dormitory(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    if plan.has_dormitory is False:
        return []
    given = any(x is not None for x in (plan.dorm_room_areas_m2, plan.dorm_suite_areas_m2, plan.dorm_total_floor_m2,
                                        plan.dorm_suites_total_m2))
    if given or plan.has_dormitory:
        return dorm_items(plan.dorm_room_areas_m2, plan.dorm_suite_areas_m2, plan.dorm_total_floor_m2,
                          plan.suites_total, plan.dorm_high_rise, require_all=True)
    return [missing_item(c.p(), ["has_dormitory"], labels, c.title())]


@handler("leading_floor_share")
def _leading_floor(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    p, crit = c.p(), c.title()
    derived = "（生产性用房面积按总建筑面积减非生产性用房面积推算。）" if plan.production_floor_area_m2 is None else ""
    need = _need(plan, "leading_industry_production_floor_m2", "production_floor_area_m2") \
        or (["production_floor_area_m2"] if not plan.production_floor else [])
    if need:
        return [missing_item(p, need, labels, crit)]
    return [rule_item(p, Fraction(plan.leading_industry_production_floor_m2) / Fraction(plan.production_floor), crit,
                      note=derived)]


@handler("size_gated")
def _size_gated_handler(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    return _size_gated(plan, c.param, c.fields[0], getattr(plan, c.fields[0]), c.title(), labels)


@handler("public_facilities")
def _public_facilities(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    pf, crit = c.p(), c.title()
    if plan.in_operation is False or (plan.land_mu is not None and not meets(pf, plan.land_mu)):
        return []  # the retrofit duty is for completed parks of that size and more only
    if plan.in_operation is None and plan.has_public_facilities is not True:
        return [missing_item(pf, ["in_operation"] + _need(plan, "land_area_mu"), labels, crit)]
    return _size_gated(plan, pf.id, "has_public_facilities", plan.has_public_facilities, crit, labels)


def _size_gated(plan: ParkPlan, pid: str, field: str, answer: bool | None, criterion: str, labels) -> list[CheckItem]:
    """A duty that applies from a land size on: no item below it."""
    p = get_param(pid)
    mu = plan.land_mu
    if mu is None and answer is True:
        # Whatever the size, a park that already does it complies.
        return [flag_item(p, True, criterion, "已满足，符合。", value=True, threshold=p.threshold_zh())]
    if mu is None:
        return [missing_item(p, ["land_area_mu"] + ([field] if answer is None else []), labels, criterion)]
    if not meets(p, mu):
        return []
    if answer is None:
        return [missing_item(p, [field], labels, criterion)]
    msg = f"园区占地{fmt(mu)}亩（{p.threshold_zh()}），" + ("已满足，符合。" if answer else "尚未满足，不符合。")
    return [flag_item(p, answer, criterion, msg, value=answer, threshold=p.threshold_zh())]


@handler("redevelopment")
def _redevelopment(c: Criterion, plan: ParkPlan, labels) -> list[CheckItem]:
    """温州 4.: existing land in production for some years and of some size may be redeveloped as a park."""
    if not (plan.development_mode == "renovation" or plan.land_in_production_years is not None):
        return []
    yp, ap = c.p(), get_param(c.cites[0])
    crit_years, crit_area = f"{c.title()}：原用地已投产年限", f"{c.title()}：用地规模"
    if plan.development_mode is None:
        return [missing_item(yp, ["development_mode"], labels, crit_years)]
    if plan.development_mode != "renovation":
        return []
    items = []
    for p, x, crit, field in ((yp, plan.land_in_production_years, crit_years, "land_in_production_years"),
                              (ap, plan.land_mu, crit_area, "land_area_mu")):
        items.append(missing_item(p, [field], labels, crit) if x is None else rule_item(p, Fraction(x), crit))
    return items


# ───────────────────────── report ─────────────────────────

def check_park(plan: ParkPlan | dict) -> CheckReport:
    """One CheckItem per rule of the plan's jurisdiction, an overall verdict and the missing inputs."""
    plan = parse_input(ParkPlan, plan)
    items = criteria.run("park", plan, LABELS)
    missing = tuple(dict.fromkeys(f for i in items for f in i.missing))
    docs = [c.doc_id for i in items for c in i.citations]
    return CheckReport(subject=plan.name or "园区方案", jurisdiction=plan.jurisdiction, overall=overall_verdict(items),
                       items=tuple(items), missing_inputs=missing, warnings=document_warnings(docs))


def park_questions(plan: ParkPlan | dict) -> list[dict]:
    """Questions still to ask for a partially filled plan, in the order of the rules."""
    report = check_park(plan)
    return [_question(f, PARK_FIELDS, report) for f in report.missing_inputs]


def _question(field: str, table: dict[str, tuple[str, str]], report: CheckReport) -> dict:
    label, question = table.get(field, (field, f"请提供{field}。"))
    rules = [i.rule_id for i in report.items if field in i.missing]
    return {"field": field, "label_zh": label, "question_zh": question, "rule_ids": rules}



def load_json_file(path, what_zh: str, field: str) -> dict:
    """A JSON object from a UTF-8 file, or a RuleError naming ``field`` and the file.

    The input boundary (``assistant.textin``) checks size, encoding, nesting depth, number sizes and
    dates (1949–2100) before any rule sees the data.
    """
    from assistant import textin
    from assistant.errors import RuleError

    data = textin.read_json_file(path, field, what_zh=f"{what_zh}文件", error=RuleError)
    data = textin.expect_object(data, str(path), field, what_zh=f"{what_zh}文件", error=RuleError)
    textin.check_dates_in(data, field, error=RuleError)
    return data


def check_plan_file(path) -> CheckReport:
    """``check_park`` on a plan read from a JSON file (used by the CLI and the forms)."""
    return check_park(load_json_file(path, "园区方案", "plan"))
