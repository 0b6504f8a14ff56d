"""Deterministic calculators: small pure functions over rule parameters, each result citing its clause.

A language model never computes a fee, a deadline or a share: it calls one of
these by name. Every calculator takes a pydantic input model and returns a
``CalcResult`` with the inputs used, the formula in words (Chinese), the value,
its unit, the parts and the citations (with the document's status, so a draft
is flagged wherever it is quoted).

>>> r = run("fees", {"area_m2": 850})
>>> (r.value, r.part("maintenance_fund"), r.part("warranty_deposit"))
(15300, 10200, 5100)
>>> sorted(REGISTRY)[:3]
['approval_deadlines', 'auction_cap', 'construction_deadlines']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
import math
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import RuleError
from assistant.models import Citation
from assistant.rules import dates
from assistant.rules.checks import date_item, missing_item, rule_item
from assistant.rules.numbers import MU_IN_M2, WAN, Exact, as_number, as_significant, fmt, round_half_up
from assistant.messages import fill
from assistant.rules.params import document_warnings, get_param
from assistant.rules.validation import FieldError, parse_input
from assistant.verdicts import CheckItem, Verdict, overall_verdict

Positive = Annotated[Exact, Field(gt=0)]
NonNegative = Annotated[Exact, Field(ge=0)]
Scalar = int | float | bool | dt.date | str | None


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Part(BaseModel):
    """One named output of a calculation (a calculation may give several: fund + deposit)."""

    model_config = ConfigDict(frozen=True)
    key: str
    label_zh: str
    value: Scalar
    unit: str = ""


class CalcResult(BaseModel):
    """What every calculator returns."""

    model_config = ConfigDict(frozen=True)
    calculator: str
    title_zh: str
    inputs: dict[str, Any] = Field(description="the validated inputs, as JSON values")
    formula_zh: str
    value: Scalar
    unit: str = ""
    parts: tuple[Part, ...] = ()
    items: tuple[CheckItem, ...] = Field(default=(), description="per-criterion verdicts, when the calculation judges")
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = ()

    def part(self, key: str) -> Scalar:
        for p in self.parts:
            if p.key == key:
                return p.value
        raise KeyError(key)


@dataclass(frozen=True)
class Calculator:
    """A registered calculator: call ``run(inputs_dict)``; ``input_model`` describes the inputs."""

    name: str
    title_zh: str
    description_template: str
    input_model: type[BaseModel]
    function: Callable[[Any], CalcResult]
    params: tuple[str, ...] = field(default=())
    example: dict = field(default_factory=dict, compare=False)

    @property
    def description(self) -> str:
        """The description with today's rule figures filled in (``{linhai.publicity_days}`` → 7日)."""
        return fill(self.description_template)

    def run(self, inputs: dict | BaseModel) -> CalcResult:
        return self.function(parse_input(self.input_model, inputs))

    def input_schema(self) -> dict:
        return self.input_model.model_json_schema()


REGISTRY: dict[str, Calculator] = {}


def calculator(name: str, title_zh: str, description: str, input_model: type[BaseModel], params: tuple[str, ...] = (),
               example: dict | None = None):
    """Register a calculator function under ``name``; ``example`` is a valid input (the UI pre-fills it)."""

    def deco(fn):
        REGISTRY[name] = Calculator(name, title_zh, description, input_model, fn, params, dict(example or {}))
        return fn

    return deco


def run(name: str, inputs: dict | BaseModel) -> CalcResult:
    """Call a calculator by name with a dict of inputs (CLI, chat router, UI)."""
    calc = REGISTRY.get(name)
    if calc is None:
        raise RuleError(f"calculator 无效：没有名为 {name} 的计算器；可用：{'、'.join(sorted(REGISTRY))}",
                        f"no calculator named {name}", field="calculator")
    return calc.run(inputs)


def list_calculators() -> list[dict]:
    """Name, title, description and input fields of every calculator."""
    return [{"name": c.name, "title_zh": c.title_zh, "description": c.description,
             "inputs": list(c.input_model.model_fields), "params": list(c.params), "example": c.example}
            for c in REGISTRY.values()]


def _result(name: str, inp: BaseModel, formula: str, value: Scalar, unit: str, param_ids, parts=(), items=(),
            extra_warnings=()) -> CalcResult:
    ps = [get_param(pid) for pid in param_ids]
    return CalcResult(calculator=name, title_zh=REGISTRY[name].title_zh, inputs=inp.model_dump(mode="json"),
                      formula_zh=formula, value=value, unit=unit, parts=tuple(parts), items=tuple(items),
                      citations=tuple(p.citation() for p in ps),
                      warnings=(*document_warnings(p.doc_id for p in ps), *extra_warnings))


def _yuan(x: Fraction) -> int | float:
    return as_number(round_half_up(x, 2))


# ───────────────────────── 临海 （二十二） fees ─────────────────────────

class FeesInput(_Input):
    area_m2: Positive = Field(description="建筑面积（平方米）")


@calculator("fees", "物业专项维修资金和物业保修金", "按建筑面积计算临海市小微企业产业园的维修资金（{linhai.fee_maintenance_fund}）和保修金（{linhai.fee_warranty_deposit}）（{linhai.fee_maintenance_fund:clause}）",
            FeesInput, ("linhai.fee_maintenance_fund", "linhai.fee_warranty_deposit"),
            example={'area_m2': 850})
def fees(inp: FeesInput) -> CalcResult:
    """``fees(FeesInput(area_m2=850)).value == 15300`` (10200 + 5100 元)."""
    fund_rate, dep_rate = get_param("linhai.fee_maintenance_fund").value, get_param("linhai.fee_warranty_deposit").value
    fund, dep = inp.area_m2 * fund_rate, inp.area_m2 * dep_rate
    formula = (f"物业专项维修资金 = 建筑面积 × {fmt(fund_rate)}元/平方米；物业保修金 = 建筑面积 × {fmt(dep_rate)}元/平方米；"
               f"合计 = 两者之和（均按建筑面积计算，四舍五入到分）。{fmt(inp.area_m2)} × {fmt(fund_rate)} = {fmt(fund)}；"
               f"{fmt(inp.area_m2)} × {fmt(dep_rate)} = {fmt(dep)}。")
    return _result("fees", inp, formula, _yuan(fund + dep), "元", REGISTRY["fees"].params, parts=[
        Part(key="maintenance_fund", label_zh="物业专项维修资金", value=_yuan(fund), unit="元"),
        Part(key="warranty_deposit", label_zh="物业保修金", value=_yuan(dep), unit="元"),
        Part(key="total", label_zh="合计", value=_yuan(fund + dep), unit="元"),
    ])


class FeesAreaInput(_Input):
    fund_paid_yuan: Positive | None = Field(default=None, description="已缴的物业专项维修资金（元）")
    deposit_paid_yuan: Positive | None = Field(default=None, description="已缴的物业保修金（元）")

    @model_validator(mode="after")
    def _one(self):
        if (self.fund_paid_yuan is None) == (self.deposit_paid_yuan is None):
            raise FieldError("fund_paid_yuan", "请填写已缴的维修资金或保修金其中一项")
        return self


@calculator("fees_area", "由已缴维修资金或保修金推算建筑面积", "建筑面积 = 已缴物业专项维修资金 ÷ {linhai.fee_maintenance_fund}，或已缴物业保修金 ÷ {linhai.fee_warranty_deposit}（临海{linhai.fee_maintenance_fund:clause}）",
            FeesAreaInput, ("linhai.fee_maintenance_fund", "linhai.fee_warranty_deposit"),
            example={'fund_paid_yuan': 14400})
def fees_area(inp: FeesAreaInput) -> CalcResult:
    """The floor area a paid maintenance fund (or warranty deposit) corresponds to: "交了14400元" → 1200平方米."""
    if inp.fund_paid_yuan is not None:
        rate, paid, what = get_param("linhai.fee_maintenance_fund").value, inp.fund_paid_yuan, "物业专项维修资金"
    else:
        rate, paid, what = get_param("linhai.fee_warranty_deposit").value, inp.deposit_paid_yuan, "物业保修金"
    area = Fraction(paid) / rate
    formula = f"建筑面积 = 已缴{what} ÷ {fmt(rate)}元/平方米 = {fmt(paid)} ÷ {fmt(rate)} = {fmt(area, 2)}平方米。"
    return _result("fees_area", inp, formula, as_number(round_half_up(area, 2)), "平方米", REGISTRY["fees_area"].params)


# ───────────────────────── 临海 （五） property rooms ─────────────────────────

class PropertyRoomsInput(_Input):
    total_floor_area_m2: Positive = Field(description="《建设工程规划许可证》载明的总建筑面积（平方米）")


@calculator("property_rooms", "物业管理用房配置面积", "按总建筑面积的{linhai.property_rooms_total}计算物业办公用房和物业经营用房面积（临海{linhai.property_rooms_total:clause}）",
            PropertyRoomsInput, ("linhai.property_rooms_total", "linhai.property_rooms_office", "linhai.property_rooms_business"),
            example={'total_floor_area_m2': 100000})
def property_rooms(inp: PropertyRoomsInput) -> CalcResult:
    """10000 m² → 30 m² (15 office + 15 business)."""
    total_p, off_p, bus_p = (get_param(i) for i in REGISTRY["property_rooms"].params)
    a = inp.total_floor_area_m2
    total, off, bus = a * total_p.fraction(), a * off_p.fraction(), a * bus_p.fraction()
    formula = (f"物业管理用房 = 总建筑面积 × {fmt(total_p.value)}‰（其中物业办公用房 × {fmt(off_p.value)}‰，"
               f"物业经营用房 × {fmt(bus_p.value)}‰），保留两位小数：{fmt(a)} × {fmt(total_p.value)}‰ = {fmt(total)}平方米。")
    area = lambda x: as_number(round_half_up(x, 2))  # noqa: E731
    return _result("property_rooms", inp, formula, area(total), "平方米", REGISTRY["property_rooms"].params, parts=[
        Part(key="office", label_zh="物业办公用房", value=area(off), unit="平方米"),
        Part(key="business", label_zh="物业经营用房", value=area(bus), unit="平方米"),
        Part(key="total", label_zh="物业管理用房合计", value=area(total), unit="平方米"),
    ])


# ───────────────────────── dates ─────────────────────────

class ContractDateInput(_Input):
    contract_date: dt.date = Field(description="土地出让合同签订日期")
    start_date: dt.date | None = Field(default=None, description="实际（或计划）开工日期：判断是否按期开工")
    completion_date: dt.date | None = Field(default=None, description="实际（或计划）竣工验收日期：判断是否按期竣工")

    @model_validator(mode="after")
    def _order(self):
        for f in ("start_date", "completion_date"):
            if getattr(self, f) is not None and getattr(self, f) < self.contract_date:
                raise FieldError(f, "日期早于土地出让合同签订日期")
        if self.start_date and self.completion_date and self.completion_date < self.start_date:
            raise FieldError("completion_date", "竣工验收日期早于开工日期")
        return self


@calculator("construction_deadlines", "开工、竣工验收期限", "自土地出让合同签订之日起{linhai.start_within_months}内开工、{linhai.completion_within_months}内竣工验收的截止日；填写实际日期则判断是否按期（临海{linhai.start_within_months:clause}）",
            ContractDateInput, ("linhai.start_within_months", "linhai.completion_within_months"),
            example={'contract_date': '2024-08-31'})
def construction_deadlines(inp: ContractDateInput) -> CalcResult:
    """2024-08-31 → start by 2025-02-28, complete by 2026-08-31."""
    sp, cp = (get_param(i) for i in REGISTRY["construction_deadlines"].params)
    start_by = dates.add_months(inp.contract_date, int(sp.max))
    done_by = dates.add_months(inp.contract_date, int(cp.max))
    formula = (f"开工截止日 = 合同签订日 + {sp.figure()}；竣工验收截止日 = 合同签订日 + {cp.figure()}。"
               + dates.CIVIL_CODE_NOTE)
    items = []
    if inp.start_date:
        items.append(date_item(sp, inp.start_date, start_by, f"开工期限（合同签订后{sp.figure()}内）", "开工日期"))
    if inp.completion_date:
        items.append(date_item(cp, inp.completion_date, done_by, f"竣工验收期限（合同签订后{cp.figure()}内）", "竣工验收日期"))
    return _result("construction_deadlines", inp, formula, done_by, "日期", REGISTRY["construction_deadlines"].params, parts=[
        Part(key="start_by", label_zh="最迟开工日", value=start_by, unit="日期"),
        Part(key="complete_by", label_zh="最迟竣工验收日", value=done_by, unit="日期"),
    ], items=items)


class ElapsedInput(_Input):
    elapsed_months: Positive = Field(description="土地出让合同签订后已过的月数（不知道签订日期时）")


@calculator("construction_time_left", "开工、竣工验收期限的剩余时间", "合同签订后已过若干月，距{linhai.start_within_months}内开工、{linhai.completion_within_months}内竣工验收的期限还剩多久（临海{linhai.start_within_months:clause}）",
            ElapsedInput, ("linhai.start_within_months", "linhai.completion_within_months"),
            example={'elapsed_months': 6})
def construction_time_left(inp: ElapsedInput) -> CalcResult:
    """6 months after signing → 0 months left to start, 18 left to complete (both periods run from the signing)."""
    sp, cp = (get_param(i) for i in REGISTRY["construction_time_left"].params)
    start_left, done_left = sp.max - inp.elapsed_months, cp.max - inp.elapsed_months

    def step(what: str, period, rest) -> str:
        said = f"{what} {fmt(period.max)} − {fmt(inp.elapsed_months)} = {fmt(rest)}"
        return said + ("个月" if rest >= 0 else f"，已超过期限{fmt(-rest)}个月")

    formula = ("两个期限都自土地出让合同签订之日起算：" + step("距开工期限", sp, start_left) + "；"
               + step("距竣工验收期限", cp, done_left) + "。按整月估算；确切日期按合同签订日加月数计算。")
    value, unit = (as_number(done_left), "个月") if done_left >= 0 else (f"已超过{fmt(-done_left)}个月", "")
    # (past a deadline, its part says by how much: "开工期限已超过 2个月", not "还剩 -2")
    parts = [Part(key="start_left", label_zh="距开工期限还剩" if start_left >= 0 else "开工期限已超过",
                  value=as_number(abs(start_left)), unit="个月"),
             Part(key="complete_left", label_zh="距竣工验收期限还剩" if done_left >= 0 else "竣工验收期限已超过",
                  value=as_number(abs(done_left)), unit="个月")]
    return _result("construction_time_left", inp, formula, value, unit, REGISTRY["construction_time_left"].params,
                   parts=parts)


class StartDateInput(_Input):
    start_date: dt.date = Field(description="开工日期")
    completion_date: dt.date | None = Field(default=None, description="实际（或计划）竣工日期：判断是否超过工期")

    @model_validator(mode="after")
    def _order(self):
        if self.completion_date is not None and self.completion_date < self.start_date:
            raise FieldError("completion_date", "竣工日期早于开工日期")
        return self


@calculator("construction_period", "建设工期截止日（温州）", "开工后建设工期一般不超过{wenzhou.construction_period_max}的截止日（温州{wenzhou.construction_period_max:clause}，软性要求）",
            StartDateInput, ("wenzhou.construction_period_max",),
            example={'start_date': '2024-03-01'})
def construction_period(inp: StartDateInput) -> CalcResult:
    p = get_param("wenzhou.construction_period_max")
    end = dates.add_years(inp.start_date, int(p.max))
    formula = f"竣工截止日 = 开工日 + {p.figure()}（“{p.qualifier}”：软性要求）。" + dates.CIVIL_CODE_NOTE
    items = [date_item(p, inp.completion_date, end, "建设工期（开工至竣工）", "竣工日期")] if inp.completion_date else []
    return _result("construction_period", inp, formula, end, "日期", (p.id,), items=items,
                   parts=[Part(key="complete_by", label_zh="建设工期截止日", value=end, unit="日期")])


class AcquiredDateInput(_Input):
    acquired_date: dt.date | None = Field(default=None, description="取得厂房产权（入园购置）的日期")
    held_years: Positive | None = Field(default=None, description="已持有产权的年数（不知道购置日期时）：判断现在可否转让")
    planned_transfer_date: dt.date | None = Field(default=None, description="拟转让日期：判断可否转让")
    reason: Literal["外迁", "经营不善", "其他"] | None = Field(
        default=None, description="转让原因：因企业发展壮大需要外迁、经营不善，或其他")

    @model_validator(mode="after")
    def _order(self):
        if self.acquired_date is None and self.held_years is None:
            raise FieldError("acquired_date", "请填写取得产权的日期，或已持有的年数")
        if self.planned_transfer_date is not None and self.planned_transfer_date < self.acquired_date:
            raise FieldError("planned_transfer_date", "拟转让日期早于取得产权日期")
        return self


@calculator("transfer_ban", "产权转让限制期", "入园企业{linhai.transfer_ban_years}内不得转让产权：限制期最后一日、可转让的首日；填写拟转让日期则判断可否转让（临海{linhai.transfer_ban_years:clause}）",
            AcquiredDateInput, ("linhai.transfer_ban_years",),
            example={'acquired_date': '2024-03-01'})
def transfer_ban(inp: AcquiredDateInput) -> CalcResult:
    """2020-03-01 → ban through 2025-03-01, transferable from 2025-03-02."""
    p = get_param("linhai.transfer_ban_years")
    if inp.acquired_date is None:
        return _transfer_after_years(inp, p)
    last = dates.add_years(inp.acquired_date, int(p.value))
    formula = (f"限制期最后一日 = 取得产权之日 + {p.figure()}；其后一日起方可按{p.clause}规定办理转让"
               "（新入园企业须符合入园条件并经审核）。原文未写明起算日，此处按取得产权之日起算。" + dates.CIVIL_CODE_NOTE)
    parts = [Part(key="ban_last_day", label_zh="限制期最后一日", value=last, unit="日期"),
             Part(key="transferable_from", label_zh="可转让的首日", value=last + dt.timedelta(days=1), unit="日期")]
    items = []
    if inp.planned_transfer_date is not None:
        items.append(_transfer_item(p, inp, last))
        parts.append(Part(key="decision", label_zh="拟转让日期的结论", value=items[0].value))
    return _result("transfer_ban", inp, formula, last, "日期", (p.id,), parts=parts, items=items)


def _transfer_after_years(inp: AcquiredDateInput, p) -> CalcResult:
    """Held for some years, no date: whether a transfer now is still inside the ban, and how long is left."""
    left = p.value - inp.held_years
    crit = f"已持有{fmt(inp.held_years)}年，现在转让产权"
    if left < 0 or (left == 0 and inp.reason is None):
        item = CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.passed, value="可以转让", threshold=f"满{p.figure()}",
                         message=f"已满{p.figure()}限制期，可以转让；受让的新入园企业须符合入园条件并经审核通过后方可办理交易手续。",
                         citations=(p.citation(),))
    elif inp.reason in ("外迁", "经营不善"):
        item = CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.warning, value="须经审核同意", threshold=f"满{p.figure()}，或经审核同意",
                         message=f"仍在{p.figure()}限制期内（还差约{fmt(left)}年），但因{inp.reason}需转让的，转让前须取得属地镇（街道）"
                                 "或开发区审核同意，新入园企业符合入园条件并经审核通过后方可办理交易手续。", citations=(p.citation(),))
    else:
        need = "" if inp.reason == "其他" else "如因企业发展壮大需要外迁或经营不善确需转让，须先取得属地镇（街道）或开发区审核同意。"
        item = CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.fail, value=f"不可以（{p.figure()}内不得转让，还差约{fmt(left)}年）",
                         threshold=f"满{p.figure()}",
                         missing=() if inp.reason else ("reason",),
                         message=f"仍在{p.figure()}限制期内（还差约{fmt(left)}年），不得转让产权。" + need, citations=(p.citation(),))
    formula = (f"{p.figure()}内不得转让产权：已持有{fmt(inp.held_years)}年，限制期还剩 {p.figure()} − {fmt(inp.held_years)}年 = "
               f"{fmt(max(left, 0))}年（按年数估算；确切日期按取得产权之日加{p.figure()}计算）。")
    return _result("transfer_ban", inp, formula, item.value, "", (p.id,), items=[item],
                   parts=[Part(key="decision", label_zh="现在能否转让", value=item.value)])


def _transfer_item(p, inp: AcquiredDateInput, last: dt.date) -> CheckItem:
    """Allowed after the ban; inside it, banned — unless moving out or failing, which needs the locality's approval."""
    day = inp.planned_transfer_date.isoformat()
    crit = f"拟于{day}转让产权"
    if inp.planned_transfer_date > last:
        return CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.passed, value="可以转让", threshold=f"{last.isoformat()}之后",
                         message=f"{day}已过{p.figure()}限制期（最后一日{last.isoformat()}），可以转让；"
                                 "受让的新入园企业须符合入园条件并经审核通过后方可办理交易手续。",
                         citations=(p.citation(),))
    if inp.reason in ("外迁", "经营不善"):
        return CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.warning, value="须经审核同意",
                         threshold=f"{last.isoformat()}之后，或经审核同意",
                         message=f"{day}仍在限制期内（至{last.isoformat()}），但因{inp.reason}需转让的，转让前须取得属地镇（街道）"
                                 "或开发区审核同意，新入园企业符合入园条件并经审核通过后方可办理交易手续。",
                         citations=(p.citation(),))
    need = "" if inp.reason == "其他" else "如因企业发展壮大需要外迁或经营不善确需转让，须先取得属地镇（街道）或开发区审核同意（请说明转让原因）。"
    return CheckItem(rule_id=p.id, criterion=crit, verdict=Verdict.fail, value=f"{last.isoformat()}（含）之前不得转让",
                     threshold=f"{last.isoformat()}之后", missing=() if inp.reason else ("reason",),
                     message=f"{day}仍在{p.figure()}限制期内，{last.isoformat()}（含）之前不得转让产权。" + need,
                     citations=(p.citation(),))


class PublicityInput(_Input):
    start_date: dt.date = Field(description="公示发布日期")
    first_day_counts: bool = Field(default=False, description="发布当日计入公示期（公示文件写明自发布当日起算时）")


@calculator("publicity", "入园公示期截止日", "入园标准及入园企业公示期为{linhai.publicity_days}：公示截止日和最早可进行下一步的日期（临海{linhai.publicity_days:clause}）", PublicityInput, ("linhai.publicity_days",),
            example={'start_date': '2024-06-03'})
def publicity(inp: PublicityInput) -> CalcResult:
    """2024-01-01 → 2024-01-08 (the day of publication is not counted)."""
    p = get_param("linhai.publicity_days")
    end = dates.add_days(inp.start_date, int(p.value) - (1 if inp.first_day_counts else 0))
    counting = ("（发布当日计入，按您所说；法定算法见下）；" if inp.first_day_counts else
                "（发布当日不计入，自次日起算）；")
    formula = (f"公示截止日 = 公示发布日 + {p.figure()}{' − 1日' if inp.first_day_counts else ''}{counting}公示期满后的次日起，"
               "方可进行审定后的下一步（如签订入园合同、办理交易手续）。"
               + ("" if inp.first_day_counts else "若公示文件写明自发布当日起算，则各日期提前一日。") + dates.CIVIL_CODE_NOTE)
    return _result("publicity", inp, formula, end, "日期", (p.id,), parts=[
        Part(key="end_date", label_zh="公示截止日", value=end, unit="日期"),
        Part(key="next_step_from", label_zh="最早可进行下一步的日期", value=end + dt.timedelta(days=1), unit="日期")])


class ProductionDateInput(_Input):
    production_start_date: dt.date = Field(description="投产日期")


@calculator("mu_average_deadline", "亩均标准达标期限", "投产{linhai.mu_average_grace_years}内须不低于同地区行业最低标准的截止日（临海{linhai.mu_average_grace_years:clause}）",
            ProductionDateInput, ("linhai.mu_average_grace_years",),
            example={'production_start_date': '2024-05-20'})
def mu_average_deadline(inp: ProductionDateInput) -> CalcResult:
    p = get_param("linhai.mu_average_grace_years")
    end = dates.add_years(inp.production_start_date, int(p.value))
    formula = (f"达标截止日 = 投产日 + {p.figure()}；“同地区行业最低标准”的数值由属地亩均评价确定，不在本文件中。"
               + dates.CIVIL_CODE_NOTE)
    return _result("mu_average_deadline", inp, formula, end, "日期", (p.id,),
                   parts=[Part(key="deadline", label_zh="达标截止日", value=end, unit="日期")])


class AcceptanceDateInput(_Input):
    acceptance_date: dt.date = Field(description="园区通过竣工验收的日期")


@calculator("tax_commitment_start", "承诺亩均税收考核起始日（温州）", "园区通过竣工验收{wenzhou.tax_commitment_after_years}后每年亩均税收须达到承诺（温州{wenzhou.tax_commitment_after_years:clause}）",
            AcceptanceDateInput, ("wenzhou.tax_commitment_after_years",),
            example={'acceptance_date': '2024-09-30'})
def tax_commitment_start(inp: AcceptanceDateInput) -> CalcResult:
    p = get_param("wenzhou.tax_commitment_after_years")
    start = dates.add_years(inp.acceptance_date, int(p.value))
    formula = f"考核起始日 = 竣工验收日 + {p.figure()}；此后每年亩均税收须达到中标承诺，未达标须支付税收差额违约金。"
    return _result("tax_commitment_start", inp, formula, start, "日期", (p.id,),
                   parts=[Part(key="from_date", label_zh="承诺考核起始日", value=start, unit="日期")])


class TaxShortfallInput(_Input):
    committed_tax_per_mu_wan: Positive = Field(description="中标承诺的年度亩均税收（万元/亩）")
    actual_tax_per_mu_wan: NonNegative = Field(description="该年度实际亩均税收（万元/亩）")
    land_area_mu: Positive = Field(description="园区用地面积（亩）")


@calculator("tax_shortfall_penalty", "亩均税收未达承诺的违约金（温州）",
            "如不达标须向属地政府支付税收差额部分违约金（温州{wenzhou.tax_shortfall_penalty:clause}）",
            TaxShortfallInput, ("wenzhou.tax_shortfall_penalty", "wenzhou.tax_commitment_after_years"),
            example={"committed_tax_per_mu_wan": 35, "actual_tax_per_mu_wan": 28, "land_area_mu": 120})
def tax_shortfall_penalty(inp: TaxShortfallInput) -> CalcResult:
    gap = max(inp.committed_tax_per_mu_wan - inp.actual_tax_per_mu_wan, Fraction(0))
    penalty = gap * inp.land_area_mu
    parts = [Part(key="gap_per_mu_wan", label_zh="每亩税收差额", value=as_number(gap, 4), unit="万元/亩"),
             Part(key="penalty_wan", label_zh="税收差额部分违约金", value=_yuan(penalty), unit="万元")]
    formula = (f"违约金 = （承诺亩均税收 − 实际亩均税收）× 用地面积 = （{fmt(inp.committed_tax_per_mu_wan)} − "
               f"{fmt(inp.actual_tax_per_mu_wan)}）× {fmt(inp.land_area_mu)} = {fmt(penalty)}万元"
               "（原文只说支付“税收差额部分违约金”，未写明计算口径，此处按差额×亩数理解）；"
               f"考核自竣工验收{get_param('wenzhou.tax_commitment_after_years').figure()}后起每年进行。")
    return _result("tax_shortfall_penalty", inp, formula, _yuan(penalty), "万元",
                   ("wenzhou.tax_shortfall_penalty", "wenzhou.tax_commitment_after_years"), parts=parts)


class OperationDateInput(_Input):
    operation_start_date: dt.date = Field(description="建成运营日期")
    on_date: dt.date | None = Field(default=None, description="要判断的日期（是否仍在优惠期内）")

    @model_validator(mode="after")
    def _order(self):
        if self.on_date is not None and self.on_date < self.operation_start_date:
            raise FieldError("on_date", "要判断的日期早于建成运营日期")
        return self


@calculator("land_use_tax_relief", "城镇土地使用税第一档优惠期（温州）", "建成运营{wenzhou.land_use_tax_first_tier_years}内按第一档享受城镇土地使用税优惠（温州{wenzhou.land_use_tax_first_tier_years:clause}）",
            OperationDateInput, ("wenzhou.land_use_tax_first_tier_years",),
            example={'operation_start_date': '2024-10-01'})
def land_use_tax_relief(inp: OperationDateInput) -> CalcResult:
    p = get_param("wenzhou.land_use_tax_first_tier_years")
    end = dates.add_years(inp.operation_start_date, int(p.max))
    items = [date_item(p, inp.on_date, end, "是否仍在第一档优惠期内", "判断日期")] if inp.on_date else []
    formula = f"优惠期最后一日 = 建成运营日 + {p.figure()}。" + dates.CIVIL_CODE_NOTE
    return _result("land_use_tax_relief", inp, formula, end, "日期", (p.id,), items=items,
                   parts=[Part(key="last_day", label_zh="优惠期最后一日", value=end, unit="日期")])


class ApprovalInput(_Input):
    approval_start_date: dt.date | None = Field(default=None, description="开工审批受理日期")
    approval_done_date: dt.date | None = Field(default=None, description="开工审批实际办结日期（判断是否超时）")
    acceptance_start_date: dt.date | None = Field(default=None, description="竣工验收受理日期")
    acceptance_done_date: dt.date | None = Field(default=None, description="验收实际办结日期（判断是否超时）")
    holidays: tuple[dt.date, ...] = Field(default=(), description="期间内的法定节假日（不计工作日）")
    makeup_workdays: tuple[dt.date, ...] = Field(default=(), description="调休上班的周末（计为工作日）")

    @model_validator(mode="after")
    def _dates(self):
        if self.approval_start_date is None and self.acceptance_start_date is None:
            raise FieldError("approval_start_date", "至少填写开工审批受理日期或竣工验收受理日期之一")
        for start, done in (("approval_start_date", "approval_done_date"), ("acceptance_start_date", "acceptance_done_date")):
            if getattr(self, done) is not None:
                if getattr(self, start) is None:
                    raise FieldError(start, f"填写了 {done} 时须同时填写 {start}")
                if getattr(self, done) < getattr(self, start):
                    raise FieldError(done, "办结日期早于受理日期")
        return self


@calculator("approval_deadlines", "审批和验收时限（温州）", "开工审批最多{wenzhou.approval_days_max}、验收总时间最多{wenzhou.acceptance_workdays_max}的截止日（温州{wenzhou.approval_days_max:clause}）",
            ApprovalInput, ("wenzhou.approval_days_max", "wenzhou.acceptance_workdays_max"),
            example={'approval_start_date': '2024-03-01', 'acceptance_start_date': '2024-09-02'})
def approval_deadlines(inp: ApprovalInput) -> CalcResult:
    dp, wp = get_param("wenzhou.approval_days_max"), get_param("wenzhou.acceptance_workdays_max")
    parts, items, value = [], [], None
    if inp.approval_start_date:
        value = dates.add_days(inp.approval_start_date, int(dp.max))
        parts.append(Part(key="approval_by", label_zh="开工审批最迟办结日", value=value, unit="日期"))
        if inp.approval_done_date:
            items.append(date_item(dp, inp.approval_done_date, value, "开工审批时限", "开工审批办结日期"))
    if inp.acceptance_start_date:
        acc = dates.add_workdays(inp.acceptance_start_date, int(wp.max), inp.holidays, inp.makeup_workdays)
        parts.append(Part(key="acceptance_by", label_zh="验收最迟办结日", value=acc, unit="日期"))
        if inp.acceptance_done_date:
            items.append(date_item(wp, inp.acceptance_done_date, acc, "验收时限", "验收办结日期"))
        value = value or acc
    formula = (f"开工审批最迟办结日 = 受理日 + {dp.figure()}（自然日）；验收最迟办结日 = 受理日后第{fmt(wp.max)}个工作日"
               "（跳过周六、周日和所填法定节假日，计入所填调休上班日）。")
    warn = () if inp.holidays else ("未填写法定节假日，工作日只跳过了周六、周日。",)
    return _result("approval_deadlines", inp, formula, value, "日期", (dp.id, wp.id), parts=parts, items=items,
                   extra_warnings=warn)


# ───────────────────────── 临海 （十七） corner land ─────────────────────────

class CornerLandInput(_Input):
    merged_total_mu: Positive | None = Field(default=None, description="项目合并总面积（亩，含边角地、夹心地）；不填则只按单幅上限判断")
    parcels_mu: tuple[Positive, ...] = Field(default=(), description="各幅边角地、夹心地面积（亩）；不填则只算上限")

    @model_validator(mode="after")
    def _fits(self):
        if self.merged_total_mu is None and not self.parcels_mu:
            raise FieldError("merged_total_mu", "请填写项目合并总面积，或填写各幅边角地、夹心地面积")
        if self.merged_total_mu is not None and sum(self.parcels_mu) > self.merged_total_mu:
            raise FieldError("parcels_mu", "边角地、夹心地累计面积大于项目合并总面积（占比超过100%）")
        return self


@calculator("corner_land", "边角地、夹心地能否纳入", "累计不超过合并总面积{linhai.corner_land_share_max}或单幅不超过{linhai.corner_land_single_max}的，可纳入周边土地一并开发（临海{linhai.corner_land_share_max:clause}）",
            CornerLandInput, ("linhai.corner_land_share_max", "linhai.corner_land_single_max"),
            example={'merged_total_mu': 120, 'parcels_mu': [2.5, 8]})
def corner_land(inp: CornerLandInput) -> CalcResult:
    """merged 100 亩, parcels [4, 6] → share 10%: both may be included."""
    sp, pp = get_param("linhai.corner_land_share_max"), get_param("linhai.corner_land_single_max")
    if inp.merged_total_mu is None:
        return _corner_parcels_only(inp, sp, pp)
    cap = inp.merged_total_mu * sp.fraction("max")
    if not inp.parcels_mu:
        formula = (f"累计上限 = 项目合并总面积 × {sp.figure()} = {fmt(inp.merged_total_mu)} × {sp.figure()} = {fmt(cap)}亩；"
                   f"超过时，单幅不超过{pp.figure()}的地块仍可纳入。")
        return _result("corner_land", inp, formula, as_number(cap, 4), "亩", (sp.id, pp.id), parts=[
            Part(key="total_cap_mu", label_zh="边角地、夹心地累计上限", value=as_number(cap, 4), unit="亩"),
            Part(key="single_cap_mu", label_zh="单幅上限", value=as_number(pp.max, 4), unit="亩")])
    total = sum(inp.parcels_mu, Fraction(0))
    share = total / inp.merged_total_mu
    share_ok = share <= sp.fraction("max")
    items, parts = [rule_item(sp, share, "边角地、夹心地累计面积占项目合并总面积比例")], []
    n_ok = 0
    for i, a in enumerate(inp.parcels_mu, 1):
        ok = share_ok or a <= pp.max
        n_ok += ok
        parts.append(Part(key=f"parcel_{i}", label_zh=f"第{i}幅（{fmt(a)}亩）可否纳入", value=ok))
        if not share_ok:
            items.append(rule_item(pp, a, f"第{i}幅边角地、夹心地面积"))
    value = "全部可纳入" if n_ok == len(inp.parcels_mu) else ("部分可纳入" if n_ok else "不可纳入")
    formula = (f"累计占比 = 各幅面积之和 ÷ 项目合并总面积 = {fmt(total)} ÷ {fmt(inp.merged_total_mu)} = {fmt(share * 100)}%；"
               f"累计占比 ≤ {fmt(sp.max)}% 时全部可纳入，否则单幅 ≤ {fmt(pp.max)}亩 的地块可纳入。两者均须符合规划要求，"
               "经开发主体申请可批准协议出让，按市场评估确认价缴纳土地出让金。")
    parts = [Part(key="share", label_zh="累计占比", value=as_number(share * 100, 4), unit="%"),
             Part(key="included", label_zh="可纳入幅数", value=n_ok, unit="幅"), *parts]
    return _result("corner_land", inp, formula, value, "", (sp.id, pp.id), parts=parts, items=items)


def _corner_parcels_only(inp: CornerLandInput, sp, pp) -> CalcResult:
    """Plots given, not the merged project's total: a plot within the single-plot cap may be included by that
    alone; a larger one depends on the cumulative share, which needs the total (asked for, not assumed)."""
    items, parts = [], []
    for i, a in enumerate(inp.parcels_mu, 1):
        ok = a <= pp.max
        items.append(rule_item(pp, a, f"第{i}幅边角地、夹心地面积") if ok else
                     missing_item(sp, ["merged_total_mu"], {"merged_total_mu": "项目合并总面积"},
                                  f"第{i}幅（{fmt(a)}亩）超过单幅上限，按累计占比判断"))
        parts.append(Part(key=f"parcel_{i}", label_zh=f"第{i}幅（{fmt(a)}亩）可否纳入", value=ok if ok else "待补充"))
    value = "全部可纳入" if all(a <= pp.max for a in inp.parcels_mu) else "待补充"
    formula = (f"单幅不超过{pp.figure()}的边角地、夹心地可纳入周边土地一并开发；超过的，看累计面积是否不超过项目合并总面积的"
               f"{sp.figure()}（需项目合并总面积）。两者均须符合规划要求。")
    return _result("corner_land", inp, formula, value, "", (sp.id, pp.id), parts=parts, items=items)


# ───────────────────────── 温州 10. quality enterprise ─────────────────────────

class QualityInput(_Input):
    total_tax_wan: NonNegative = Field(description="纳税总额（万元）")
    tax_per_mu_wan: NonNegative | None = Field(default=None, description="亩均税收（万元/亩）；不填则由纳税总额 ÷ 用地面积计算")
    land_area_mu: Positive | None = Field(default=None, description="企业用地面积（亩），用于计算亩均税收")
    requested_area_m2: Positive | None = Field(default=None, description="拟购置厂房面积（平方米）")

    @model_validator(mode="after")
    def _per_mu(self):
        if self.tax_per_mu_wan is None and self.land_area_mu is None:
            raise FieldError("tax_per_mu_wan", "请填写亩均税收，或填写用地面积以便计算亩均税收")
        return self


@calculator("quality_enterprise", "优质企业认定与购置面积上限（温州）",
            "亩均税收≥{wenzhou.quality_tax_per_mu_min}且纳税总额≥{wenzhou.quality_total_tax_min}的优质企业，购置厂房限制面积放宽至{wenzhou.quality_area_cap}（温州{wenzhou.quality_area_cap:clause}）",
            QualityInput, ("wenzhou.quality_tax_per_mu_min", "wenzhou.quality_total_tax_min", "wenzhou.quality_area_cap"),
            example={'total_tax_wan': 360, 'land_area_mu': 10, 'requested_area_m2': 15000})
def quality_enterprise(inp: QualityInput) -> CalcResult:
    tp, tt, cap = (get_param(i) for i in REGISTRY["quality_enterprise"].params)
    per_mu = inp.tax_per_mu_wan if inp.tax_per_mu_wan is not None else inp.total_tax_wan / inp.land_area_mu
    items = [rule_item(tp, per_mu, "亩均税收"), rule_item(tt, inp.total_tax_wan, "纳税总额")]
    quality = all(i.verdict is Verdict.passed for i in items)
    cap_m2 = cap.max * WAN
    parts = [Part(key="tax_per_mu_wan", label_zh="亩均税收", value=as_number(per_mu, 4), unit="万元/亩"),
             Part(key="is_quality", label_zh="是否优质企业", value=quality),
             Part(key="area_cap_m2", label_zh="购置厂房限制面积", value=as_number(cap_m2) if quality else None,
                  unit="平方米" if quality else "按属地“限面积”政策")]
    if inp.requested_area_m2 is not None and quality:
        items.append(rule_item(cap, inp.requested_area_m2 / WAN, "拟购置厂房面积（优质企业上限）"))
        parts.append(Part(key="within_cap", label_zh=f"拟购置面积是否在{cap.figure()}以内",
                          value=inp.requested_area_m2 <= cap_m2))
    elif inp.requested_area_m2 is not None:
        # the relaxed cap is only for quality enterprises; the document gives no cap for the others
        items.append(CheckItem(rule_id=cap.id, criterion="拟购置厂房面积（优质企业上限）", criterion_en=cap.description_en,
                               verdict=Verdict.unknown, value=as_number(inp.requested_area_m2), unit="平方米",
                               threshold=cap.threshold_zh(),
                               message=f"拟购置{fmt(inp.requested_area_m2)}平方米：未达到优质企业标准，不适用放宽至"
                                       f"{cap.figure()}的上限；一般企业的面积上限按属地“限面积”政策，本文件未给出。",
                               citations=(cap.citation(),)))
    formula = (f"亩均税收{'（= 纳税总额 ÷ 用地面积）' if inp.tax_per_mu_wan is None else ''} ≥ {fmt(tp.min)}万元 且 "
               f"纳税总额 ≥ {fmt(tt.min)}万元 → 优质企业，购置厂房限制面积放宽至{fmt(cap.max)}万㎡（{fmt(cap_m2)}平方米）；"
               "否则按属地“限面积”政策（本文件未给出一般企业的面积上限）。")
    return _result("quality_enterprise", inp, formula, quality, "", REGISTRY["quality_enterprise"].params,
                   parts=parts, items=items)


# ───────────────────────── 温州 16. fiscal reward, presale margin ─────────────────────────

class FiscalRewardInput(_Input):
    increments: tuple[Exact, ...] = Field(min_length=1, description="第1年起各年环比新增地方综合贡献度（可为负）")
    years: tuple[int, ...] = Field(default=(), description="各项新增所属的年份（第几年）；不填则为第1年起逐年")
    unit: Literal["元", "万元"] = "万元"

    @model_validator(mode="after")
    def _years(self):
        if self.years and (len(self.years) != len(self.increments) or len(set(self.years)) != len(self.years)
                           or min(self.years) < 1):
            raise FieldError("years", "年份须与各年新增一一对应、不重复且从第1年起算")
        return self


@calculator("fiscal_reward", "开发运营单位财政奖励（温州）",
            "按{wenzhou.fiscal_reward_schedule}的比例给予环比新增地方综合贡献度财政奖励（温州{wenzhou.fiscal_reward_schedule:clause}）",
            FiscalRewardInput, ("wenzhou.fiscal_reward_schedule",),
            example={'increments': [120, 80, 60, 50, 40, 30, 20, 10], 'unit': '万元'})
def fiscal_reward(inp: FiscalRewardInput) -> CalcResult:
    """increments [100, 100, 100, 100] 万元 → 100+100+100+50 = 350 万元."""
    p = get_param("wenzhou.fiscal_reward_schedule")
    rate_of = {y: s.rate / 100 for s in p.steps for y in range(s.from_year, s.to_year + 1)}
    parts, total = [], Fraction(0)
    for year, inc in zip(inp.years or range(1, len(inp.increments) + 1), inp.increments):
        reward = max(inc, Fraction(0)) * rate_of.get(year, Fraction(0))
        total += reward
        parts.append(Part(key=f"year_{year}", label_zh=f"第{year}年（比例{fmt(rate_of.get(year, 0) * 100)}%）",
                          value=_yuan(reward), unit=inp.unit))
    last_year = max(st.to_year for st in p.steps)
    formula = (f"各年奖励 = 当年环比新增地方综合贡献度 × 当年比例（{p.threshold_zh()}；第{last_year + 1}年起为0）；"
               "环比新增为负的年份奖励按0计（原文未规定扣减）；合计为各年之和。")
    if len(parts) > 1:   # "8年一共能奖励多少": the sum is what is asked, not only each year's
        parts.append(Part(key="total", label_zh="合计", value=_yuan(total), unit=inp.unit))
    warn = (f"第{last_year}年之后不再有奖励比例。",) if max(inp.years or (len(inp.increments),)) > last_year else ()
    return _result("fiscal_reward", inp, formula, _yuan(total), inp.unit, (p.id,), parts=parts, extra_warnings=warn)


class PresaleMarginInput(_Input):
    presale_revenue: Positive = Field(description="预售收入")
    unit: Literal["元", "万元"] = "万元"


@calculator("presale_tax_margin", "预售计税毛利额（温州）", "预售时征收企业所得税，毛利率按{wenzhou.presale_gross_margin}计算（温州{wenzhou.presale_gross_margin:clause}）",
            PresaleMarginInput, ("wenzhou.presale_gross_margin",),
            example={'presale_revenue': 8000, 'unit': '万元'})
def presale_tax_margin(inp: PresaleMarginInput) -> CalcResult:
    p = get_param("wenzhou.presale_gross_margin")
    margin = inp.presale_revenue * p.fraction()
    formula = (f"计税毛利额 = 预售收入 × {fmt(p.value)}% = {fmt(inp.presale_revenue)} × {fmt(p.value)}% = {fmt(margin)}。"
               "企业所得税税率及其他扣除不在本语料中，应纳税额请按税法计算。")
    return _result("presale_tax_margin", inp, formula, _yuan(margin), inp.unit, (p.id,),
                   parts=[Part(key="taxable_margin", label_zh="计税毛利额", value=_yuan(margin), unit=inp.unit)])


# ───────────────────────── 温州 15., 18. auction and presale ─────────────────────────

class AuctionInput(_Input):
    starting_price: Positive | None = Field(default=None, description="起拍价（土地出让金总额口径）")
    land_price: Positive | None = Field(default=None, description="成交价（土地出让金总额）")
    commitment_bond: NonNegative | None = Field(default=None, description="按中标承诺亩均税收和起拍价差额计算的保证金")
    unit: Literal["元", "万元"] = "万元"

    @model_validator(mode="after")
    def _not_below_start(self):
        if self.starting_price is None and self.land_price is None:
            raise FieldError("starting_price", "请填写起拍价或成交价（土地出让金总额）")
        if self.land_price is not None and self.starting_price is not None and self.land_price < self.starting_price:
            raise FieldError("land_price", "成交价不能低于起拍价")
        return self


@calculator("auction_cap", "封顶地价与履约保证金（温州）", "最高溢价{wenzhou.auction_premium_max}的封顶地价，履约保证金不少于土地出让金总额的{wenzhou.performance_bond_min}（温州{wenzhou.auction_premium_max:clause}）",
            AuctionInput, ("wenzhou.auction_premium_max", "wenzhou.performance_bond_min"),
            example={'starting_price': 6000, 'land_price': 9000, 'unit': '万元'})
def auction_cap(inp: AuctionInput) -> CalcResult:
    """starting 1000 万元 → cap 1500 万元; bond ≥ 10% of the land price."""
    pp, bp = get_param("wenzhou.auction_premium_max"), get_param("wenzhou.performance_bond_min")
    cap = inp.starting_price * (1 + pp.fraction("max")) if inp.starting_price is not None else None
    parts = [Part(key="cap_price", label_zh="封顶地价", value=_yuan(cap), unit=inp.unit)] if cap is not None else []
    items = []
    price = inp.land_price if inp.land_price is not None else cap
    bond_min = price * bp.fraction("min")
    parts.append(Part(key="bond_min", label_zh="履约保证金下限" + ("" if inp.land_price else "（按封顶地价）"),
                      value=_yuan(bond_min), unit=inp.unit))
    if inp.land_price is not None and inp.starting_price is not None:
        items.append(rule_item(pp, inp.land_price / inp.starting_price - 1, "成交溢价率"))
    if inp.commitment_bond is not None:
        parts.append(Part(key="bond", label_zh="应缴履约保证金", value=_yuan(max(inp.commitment_bond, bond_min)),
                          unit=inp.unit))
    formula = (f"封顶地价 = 起拍价 × (1 + {fmt(pp.max)}%)；达到封顶地价后转为竞年度亩均税收。"
               f"履约保证金按中标承诺亩均税收和起拍价差额缴纳，但不少于土地出让金总额 × {fmt(bp.min)}%；"
               "原文未给出按承诺计算保证金的公式，可填写 commitment_bond 后取两者较大值。")
    value = _yuan(cap) if cap is not None else _yuan(bond_min)
    return _result("auction_cap", inp, formula, value, inp.unit, (pp.id, bp.id), parts=parts, items=items)


class PresaleInput(_Input):
    total_investment: Positive = Field(description="项目总投资")
    completed_investment: NonNegative | None = Field(default=None, description="已完成投资")
    unit: Literal["元", "万元"] = "万元"

    @model_validator(mode="after")
    def _share(self):
        if self.completed_investment is not None and self.completed_investment > self.total_investment:
            raise FieldError("completed_investment", "已完成投资大于总投资（完成比例超过100%）")
        return self


@calculator("presale_threshold", "预售许可所需投资额（温州）", "投资额达到{wenzhou.presale_investment_share_min}后可参照房地产预售政策办理预售许可证（温州{wenzhou.presale_investment_share_min:clause}）",
            PresaleInput, ("wenzhou.presale_investment_share_min",),
            example={'total_investment': 20000, 'completed_investment': 5500, 'unit': '万元'})
def presale_threshold(inp: PresaleInput) -> CalcResult:
    p = get_param("wenzhou.presale_investment_share_min")
    need = inp.total_investment * p.fraction("min")
    parts = [Part(key="required_investment", label_zh="须完成投资额", value=_yuan(need), unit=inp.unit)]
    items = []
    if inp.completed_investment is not None:
        items.append(rule_item(p, inp.completed_investment / inp.total_investment, "已完成投资比例"))
        parts.append(Part(key="eligible", label_zh="可申请预售许可", value=items[0].verdict is Verdict.passed))
        if inp.completed_investment < need:
            parts.append(Part(key="investment_short", label_zh="尚差投资额",
                              value=_yuan(need - inp.completed_investment), unit=inp.unit))
    formula = f"须完成投资额 = 项目总投资 × {fmt(p.min)}% = {fmt(inp.total_investment)} × {fmt(p.min)}% = {fmt(need)}。"
    return _result("presale_threshold", inp, formula, _yuan(need), inp.unit, (p.id,), parts=parts, items=items)


# ───────────────────────── shares and indicators ─────────────────────────

class LeadingShareInput(_Input):
    jurisdiction: Literal["临海市", "慈溪市"] = Field(description="临海市：同行业及上下游企业占比；慈溪市：市级认定的主导行业企业占比")
    enterprise_count: int = Field(gt=0, description="入园企业总数（家）")
    leading_count: int | None = Field(default=None, ge=0,
                                      description="主导行业（临海含产业链上下游配套）企业数（家）；不填则只算至少需要几家")

    @model_validator(mode="after")
    def _share(self):
        if self.leading_count is not None and self.leading_count > self.enterprise_count:
            raise FieldError("leading_count", "主导行业企业数大于入园企业总数（占比超过100%）")
        return self


_SHARE_PARAM = {"临海市": "linhai.same_industry_share_min", "慈溪市": "cixi.recognition_leading_share_min"}
_COUNT_PARAM = {"临海市": "linhai.enterprise_count_min"}


@calculator("leading_share", "主导行业企业占比", "临海：入园企业原则上{linhai.enterprise_count_min}以上、同行业及上下游配套企业占比≥{linhai.same_industry_share_min}（{linhai.same_industry_share_min:clause}）；慈溪：主导行业企业数≥{cixi.recognition_leading_share_min}方可参加市级认定（{cixi.recognition_leading_share_min:clause}）",
            LeadingShareInput, (*_SHARE_PARAM.values(), *_COUNT_PARAM.values()),
            example={'jurisdiction': '临海市', 'enterprise_count': 30, 'leading_count': 22})
def leading_share(inp: LeadingShareInput) -> CalcResult:
    p = get_param(_SHARE_PARAM[inp.jurisdiction])
    # the fewest leading-industry firms that reach the share ("以上" includes the bound): ⌈总数 × 占比⌉
    needed = math.ceil(inp.enterprise_count * p.fraction("min"))
    parts = [Part(key="needed", label_zh="至少需要的主导行业企业数", value=needed, unit="家")]
    pids = [p.id]
    formula = f"至少需要 = ⌈入园企业总数 × {p.threshold_zh().lstrip('≥ ')}⌉ = ⌈{inp.enterprise_count} × {fmt(p.fraction('min'), 4)}⌉ = {needed}家。"
    items = []
    if inp.leading_count is not None:
        share = Fraction(inp.leading_count, inp.enterprise_count)
        items.append(rule_item(p, share, "主导行业企业占比"))
        formula += f"占比 = 主导行业企业数 ÷ 入园企业总数 = {inp.leading_count} ÷ {inp.enterprise_count} = {fmt(share * 100)}%，要求 {p.threshold_zh()}。"
        parts.insert(0, Part(key="share", label_zh="主导行业企业占比", value=as_number(share * 100, 4), unit="%"))
        if inp.leading_count < needed:
            parts.append(Part(key="short", label_zh="还差", value=needed - inp.leading_count, unit="家"))
    count_p = _COUNT_PARAM.get(inp.jurisdiction)
    if count_p:  # the same sentence also sets the number of enterprises (临海（八）: 原则上应在15家以上)
        cp = get_param(count_p)
        items.append(rule_item(cp, Fraction(inp.enterprise_count), "入园企业家数"))
        pids.append(cp.id)
        formula += f"入园企业家数要求 {cp.threshold_zh()}（{cp.qualifier or '硬性'}）。"
    if inp.leading_count is None:
        return _result("leading_share", inp, formula, needed, "家", pids, parts=parts, items=items)
    return _result("leading_share", inp, formula, as_number(Fraction(inp.leading_count, inp.enterprise_count) * 100, 4),
                   "%", pids, parts=parts, items=items)


class EnterpriseCountInput(_Input):
    enterprise_count: int = Field(ge=0, description="园区已入驻或计划入驻的企业数（家）")


@calculator("enterprise_count", "入园企业家数（临海）",
            "入园企业原则上应在{linhai.enterprise_count_min}以上（临海{linhai.enterprise_count_min:clause}）",
            EnterpriseCountInput, ("linhai.enterprise_count_min",), example={"enterprise_count": 12})
def enterprise_count(inp: EnterpriseCountInput) -> CalcResult:
    """"我们园才进了12家，够不够": the park's count against 临海's lower bound, and how many are still missing."""
    p = get_param("linhai.enterprise_count_min")
    items = _criterion_items("park", "临海市", p.id, {"enterprise_count": inp.enterprise_count})
    lowest = math.ceil(p.fraction("min"))
    short = max(lowest - inp.enterprise_count, 0)
    formula = f"入园企业家数 {inp.enterprise_count}家，要求 {p.threshold_zh()}（{p.qualifier or '硬性'}）"
    formula += f"，还差 {lowest} − {inp.enterprise_count} = {short}家。" if short else "。"
    parts = [Part(key="enterprise_count", label_zh="入园企业家数", value=inp.enterprise_count, unit="家")]
    if short:
        parts.append(Part(key="short", label_zh="还差", value=short, unit="家"))
    return _result("enterprise_count", inp, formula, inp.enterprise_count, "家",
                   REGISTRY["enterprise_count"].params, parts=parts, items=items)


class NonproductionShareInput(_Input):
    jurisdiction: Literal["临海市", "温州市"]
    total_floor_area_m2: Positive = Field(description="总建筑面积（平方米）")
    nonproduction_floor_area_m2: NonNegative | None = Field(default=None,
                                                            description="非生产性用房建筑面积（平方米）；不填则只算允许区间")

    @model_validator(mode="after")
    def _share(self):
        if self.nonproduction_floor_area_m2 is not None and self.nonproduction_floor_area_m2 > self.total_floor_area_m2:
            raise FieldError("nonproduction_floor_area_m2", "非生产性用房建筑面积大于总建筑面积（占比超过100%）")
        return self


_NONPROD_PARAM = {"临海市": "linhai.nonproduction_floor_share", "温州市": "wenzhou.nonproduction_floor_share"}


@calculator("nonproduction_share", "非生产性用房建筑面积占比", "临海{linhai.nonproduction_floor_share}（{linhai.nonproduction_floor_share:clause}）；温州原则上{wenzhou.nonproduction_floor_share}（{wenzhou.nonproduction_floor_share:clause}）",
            NonproductionShareInput, tuple(_NONPROD_PARAM.values()),
            example={'jurisdiction': '温州市', 'total_floor_area_m2': 120000, 'nonproduction_floor_area_m2': 15000})
def nonproduction_share(inp: NonproductionShareInput) -> CalcResult:
    p = get_param(_NONPROD_PARAM[inp.jurisdiction])
    lo, hi = inp.total_floor_area_m2 * p.fraction("min"), inp.total_floor_area_m2 * p.fraction("max")
    parts = [Part(key="min_m2", label_zh="非生产性用房面积下限", value=as_number(lo, 2), unit="平方米"),
             Part(key="max_m2", label_zh="非生产性用房面积上限", value=as_number(hi, 2), unit="平方米")]
    formula = f"允许区间 {p.threshold_zh()}：{fmt(inp.total_floor_area_m2)} × {p.figure()}，即 {fmt(lo)}–{fmt(hi)} 平方米。"
    if inp.nonproduction_floor_area_m2 is None:
        return _result("nonproduction_share", inp, formula, f"{fmt(lo)}–{fmt(hi)}", "平方米", (p.id,), parts=parts)
    share = inp.nonproduction_floor_area_m2 / inp.total_floor_area_m2
    formula = (f"占比 = 非生产性用房建筑面积 ÷ 总建筑面积 = {fmt(inp.nonproduction_floor_area_m2)} ÷ "
               f"{fmt(inp.total_floor_area_m2)} = {fmt(share * 100)}%；" + formula)
    return _result("nonproduction_share", inp, formula, as_number(share * 100, 4), "%", (p.id,), parts=parts,
                   items=[rule_item(p, share, "非生产性用房建筑面积占总建筑面积比例")])


class LandIndicatorsInput(_Input):
    jurisdiction: Literal["临海市", "温州市"] | None = Field(default=None, description="填写则按该地要求判断")
    land_area_mu: Positive | None = Field(default=None, description="用地面积（亩）")
    land_area_m2: Positive | None = Field(default=None, description="用地面积（平方米）")
    total_floor_area_m2: Positive | None = Field(
        default=None, description="总建筑面积（平方米，计容）；不填则按该地下限算出至少需要的建筑面积和基底面积")
    building_footprint_m2: Positive | None = Field(default=None, description="建筑基底面积（平方米）")

    @model_validator(mode="after")
    def _land(self):
        if self.land_area_mu is None and self.land_area_m2 is None:
            raise FieldError("land_area_mu", "请填写用地面积（亩或平方米）")
        if self.total_floor_area_m2 is None and self.jurisdiction is None and self.building_footprint_m2 is None:
            raise FieldError("total_floor_area_m2", "请填写总建筑面积，或填写地区以算出按下限至少需要的面积")
        if self.land_area_mu is not None and self.land_area_m2 is not None \
                and abs(self.land_area_mu * MU_IN_M2 - self.land_area_m2) > 1:
            raise FieldError("land_area_m2", "用地面积的亩数和平方米数不一致")
        land = self.land_area_m2 if self.land_area_m2 is not None else self.land_area_mu * MU_IN_M2
        if self.building_footprint_m2 is not None and self.building_footprint_m2 > land:
            raise FieldError("building_footprint_m2", "建筑基底面积大于用地面积（建筑密度超过100%）")
        return self


@calculator("land_indicators", "容积率和建筑密度", "容积率 = 总建筑面积 ÷ 用地面积；建筑密度 = 建筑基底面积 ÷ 用地面积",
            LandIndicatorsInput, ("linhai.plot_ratio_min", "linhai.building_density_min", "wenzhou.plot_ratio_min"),
            example={'jurisdiction': '临海市', 'land_area_mu': 100, 'total_floor_area_m2': 150000, 'building_footprint_m2': 25000})
def land_indicators(inp: LandIndicatorsInput) -> CalcResult:
    land = inp.land_area_m2 if inp.land_area_m2 is not None else inp.land_area_mu * MU_IN_M2
    if inp.total_floor_area_m2 is None:
        if inp.building_footprint_m2 is not None:
            return _density_only(inp, land)
        return _land_minimums(inp, land)
    ratio = inp.total_floor_area_m2 / land
    parts = [Part(key="land_area_m2", label_zh="用地面积", value=as_number(land, 2), unit="平方米"),
             Part(key="plot_ratio", label_zh="容积率", value=as_number(ratio, 4))]
    items, pids = [], []
    if inp.building_footprint_m2 is not None:
        density = inp.building_footprint_m2 / land
        parts.append(Part(key="building_density", label_zh="建筑密度", value=as_number(density * 100, 4), unit="%"))
    if inp.jurisdiction == "临海市":
        pids = ["linhai.plot_ratio_min", "linhai.building_density_min"]
    elif inp.jurisdiction == "温州市":
        pids = ["wenzhou.plot_ratio_min"]
    for pid in pids:
        p = get_param(pid)
        if pid.endswith("plot_ratio_min"):
            items.append(rule_item(p, ratio, "容积率"))
        elif inp.building_footprint_m2 is not None:
            items.append(rule_item(p, inp.building_footprint_m2 / land, "建筑密度",
                                   note=_footprint_short(p, inp.building_footprint_m2, land)))
    formula = ("容积率 = 总建筑面积 ÷ 用地面积；建筑密度 = 建筑基底面积 ÷ 用地面积；1亩 = 10000/15 平方米（约666.67平方米）。"
               f"{fmt(inp.total_floor_area_m2)} ÷ {fmt(land)} = {fmt(ratio, 4)}。")
    return _result("land_indicators", inp, formula, as_number(ratio, 4), "", pids, parts=parts, items=items)


def _footprint_short(p, footprint: Fraction, land: Fraction) -> str:
    """Below a density floor, the footprint the site needs and what is missing, in m² (what a developer acts on)."""
    need = land * p.fraction("min")
    if footprint >= need:
        return ""
    return f"按下限至少需要建筑基底面积{fmt(need, 2)}平方米，还差{fmt(need - footprint, 2)}平方米。"


def _density_only(inp: LandIndicatorsInput, land: Fraction) -> CalcResult:
    """The site and the buildings' footprint, no floor area: the building density and, where the city sets a floor
    for it, the check (no plot ratio is made up)."""
    density = inp.building_footprint_m2 / land
    parts = [Part(key="land_area_m2", label_zh="用地面积", value=as_number(land, 2), unit="平方米"),
             Part(key="building_density", label_zh="建筑密度", value=as_number(density * 100, 4), unit="%")]
    pids = ["linhai.building_density_min"] if inp.jurisdiction == "临海市" else []
    items = [rule_item(get_param(pid), density, "建筑密度", note=_footprint_short(get_param(pid), inp.building_footprint_m2, land))
             for pid in pids]
    formula = (f"建筑密度 = 建筑基底面积 ÷ 用地面积；1亩 = 10000/15 平方米（约666.67平方米）。"
               f"{fmt(inp.building_footprint_m2)} ÷ {fmt(land)} = {fmt(density * 100, 4)}%。")
    return _result("land_indicators", inp, formula, as_number(density * 100, 4), "%", pids, parts=parts, items=items)


def _land_minimums(inp: LandIndicatorsInput, land: Fraction) -> CalcResult:
    """No building figures given: the least floor area (and, where a density floor is set, footprint) the city's
    lower bounds require on this site."""
    pids = ["linhai.plot_ratio_min", "linhai.building_density_min"] if inp.jurisdiction == "临海市" else ["wenzhou.plot_ratio_min"]
    parts = [Part(key="land_area_m2", label_zh="用地面积", value=as_number(land, 2), unit="平方米")]
    steps = []
    for pid in pids:
        p = get_param(pid)
        need = land * p.fraction("min")
        if pid.endswith("plot_ratio_min"):
            parts.append(Part(key="min_floor_area_m2", label_zh="按容积率下限至少需要的总建筑面积", value=as_number(need, 2),
                              unit="平方米"))
            steps.append(f"总建筑面积 ≥ 用地面积 × 容积率下限 = {fmt(land)} × {p.figure()} = {fmt(need)}平方米")
        else:
            parts.append(Part(key="min_footprint_m2", label_zh="按建筑密度下限至少需要的建筑基底面积",
                              value=as_number(need, 2), unit="平方米"))
            steps.append(f"建筑基底面积 ≥ 用地面积 × 建筑密度下限 = {fmt(land)} × {p.figure()} = {fmt(need)}平方米")
    formula = "1亩 = 10000/15 平方米（约666.67平方米）；" + "；".join(steps) + "。"
    return _result("land_indicators", inp, formula, parts[1].value, "平方米", pids, parts=parts)


# ───────────────────────── 临海 （二十一） dormitories ─────────────────────────

class DormitoryInput(_Input):
    room_areas_m2: tuple[Positive, ...] = Field(default=(), description="非成套宿舍各单间建筑面积（平方米，不含分摊）")
    suite_areas_m2: tuple[Positive, ...] = Field(default=(), description="成套住宅各套建筑面积（平方米）")
    dorm_total_floor_m2: Positive | None = Field(default=None, description="职工宿舍总建筑面积（平方米）")
    suites_total_m2: NonNegative | None = Field(default=None, description="成套住宅总建筑面积（平方米）；不填按各套之和")
    high_rise: bool | None = Field(default=None, description="是否高层或小高层住宅")

    @model_validator(mode="after")
    def _consistent(self):
        suites = self.suites_total_m2 if self.suites_total_m2 is not None else sum(self.suite_areas_m2, Fraction(0))
        if self.dorm_total_floor_m2 is not None and suites > self.dorm_total_floor_m2:
            raise FieldError("suites_total_m2", "成套住宅总建筑面积大于职工宿舍总建筑面积（占比超过100%）")
        if not (self.room_areas_m2 or self.suite_areas_m2 or self.dorm_total_floor_m2):
            raise FieldError("room_areas_m2", "请至少填写单间面积、成套面积或宿舍总建筑面积之一")
        return self


@calculator("dormitory", "职工宿舍方案核查（临海）",
            "单间≤{linhai.dorm_room_area_max}（不含分摊）、成套住宅≤宿舍总面积{linhai.dorm_suite_share_max}、单套≤{linhai.dorm_suite_area_max}（高层、小高层+{linhai.dorm_high_rise_allowance}）（临海{linhai.dorm_room_area_max:clause}）",
            DormitoryInput, ("linhai.dorm_room_area_max", "linhai.dorm_suite_share_max", "linhai.dorm_suite_area_max",
                             "linhai.dorm_high_rise_allowance"),
            example={'room_areas_m2': [24, 28], 'suite_areas_m2': [58, 66], 'dorm_total_floor_m2': 12000, 'high_rise': True})
def dormitory(inp: DormitoryInput) -> CalcResult:
    from assistant.rules.park import dorm_items  # one implementation for the calculator and the park check

    items = dorm_items(inp.room_areas_m2, inp.suite_areas_m2, inp.dorm_total_floor_m2, inp.suites_total_m2,
                       inp.high_rise, require_all=False)
    verdict = overall_verdict(items)
    share_p, suite_p, extra_p = (get_param(i) for i in ("linhai.dorm_suite_share_max", "linhai.dorm_suite_area_max",
                                                          "linhai.dorm_high_rise_allowance"))
    formula = fill("逐间核对单间面积 ≤ {linhai.dorm_room_area_max}（不含分摊）；成套住宅总建筑面积 ÷ 职工宿舍总建筑面积 ≤ "
                   "{linhai.dorm_suite_share_max}；逐套核对单套面积 ≤ {linhai.dorm_suite_area_max}，高层和小高层可再放宽"
                   "{linhai.dorm_high_rise_allowance}（≤ {top}平方米）。", top=fmt(suite_p.max + extra_p.value))
    top = suite_p.max + (extra_p.value if inp.high_rise else 0)
    parts = [Part(key="suite_area_cap_m2", label_zh="成套住宅单套面积上限" + ("（高层、小高层）" if inp.high_rise else ""),
                  value=as_number(top, 2), unit="平方米")]
    if inp.high_rise is None:
        parts.append(Part(key="suite_area_cap_high_rise_m2", label_zh="成套住宅单套面积上限（高层、小高层）",
                          value=as_number(suite_p.max + extra_p.value, 2), unit="平方米"))
    if inp.dorm_total_floor_m2 is not None:
        cap = inp.dorm_total_floor_m2 * share_p.fraction("max")
        parts.append(Part(key="suites_total_cap_m2", label_zh="成套住宅总建筑面积上限", value=as_number(cap, 2), unit="平方米"))
        formula += (f"成套住宅总建筑面积上限 = 职工宿舍总建筑面积 × {share_p.figure()} = {fmt(inp.dorm_total_floor_m2)} × "
                    f"{share_p.figure()} = {fmt(cap)}平方米。")
    return _result("dormitory", inp, formula, verdict.value, "", REGISTRY["dormitory"].params, parts=parts, items=items)


class SuiteCapInput(_Input):
    high_rise: bool = Field(default=True, description="是否高层或小高层住宅")


@calculator("dorm_suite_cap", "成套宿舍单套面积上限（临海）",
            "单套≤{linhai.dorm_suite_area_max}，高层和小高层再放宽{linhai.dorm_high_rise_allowance}（临海{linhai.dorm_suite_area_max:clause}）",
            SuiteCapInput, ("linhai.dorm_suite_area_max", "linhai.dorm_high_rise_allowance"), example={"high_rise": True})
def dorm_suite_cap(inp: SuiteCapInput) -> CalcResult:
    """The largest suite the rule allows: "高层宿舍一套最大能做多少平" is the cap plus the high-rise allowance."""
    suite_p, extra_p = get_param("linhai.dorm_suite_area_max"), get_param("linhai.dorm_high_rise_allowance")
    top = suite_p.max + (extra_p.value if inp.high_rise else 0)
    formula = (f"单套建筑面积上限 = {fmt(suite_p.max)} + 再放宽{fmt(extra_p.value)} = {fmt(top)}平方米（高层和小高层）。"
               if inp.high_rise else f"单套建筑面积上限 = {fmt(suite_p.max)}平方米（非高层）。")
    return _result("dorm_suite_cap", inp, formula, as_number(top, 2), "平方米", REGISTRY["dorm_suite_cap"].params)


# ───────────────────────── units ─────────────────────────

_TO_M2 = {"亩": MU_IN_M2, "平方米": Fraction(1), "万平方米": Fraction(WAN), "公顷": Fraction(WAN)}


class UnitInput(_Input):
    value: NonNegative = Field(description="数值")
    from_unit: Literal["亩", "平方米", "万平方米", "公顷"]
    to_unit: Literal["亩", "平方米", "万平方米", "公顷"]


@calculator("unit_convert", "面积单位换算", "亩、平方米、万平方米、公顷互换（1亩 = 10000/15 平方米）", UnitInput,
            example={'value': 100, 'from_unit': '亩', 'to_unit': '平方米'})
def unit_convert(inp: UnitInput) -> CalcResult:
    """100 亩 → 66666.67 平方米."""
    out = inp.value * _TO_M2[inp.from_unit] / _TO_M2[inp.to_unit]
    formula = (f"{fmt(inp.value, 6)}{inp.from_unit} = {fmt(out, 4)}{inp.to_unit}；"
               "1亩 = 10000/15 平方米（约666.67平方米，法定计量换算，非语料内容），1万平方米 = 10000平方米，1公顷 = 10000平方米 = 15亩。")
    return CalcResult(calculator="unit_convert", title_zh=REGISTRY["unit_convert"].title_zh,
                      inputs=inp.model_dump(mode="json"), formula_zh=formula, value=as_significant(out), unit=inp.to_unit)


# ───────────────────────── rules that the park check applies, each computable on its own ─────────────────────────

def _criterion_items(check: str, jurisdiction: str, param_id: str, facts: dict) -> list[CheckItem]:
    """The items of the one criterion of ``check`` that judges ``param_id``, on ``facts``: the calculator and the
    check share one implementation."""
    from assistant.rules import criteria
    from assistant.rules.eligibility import LABELS as ENTERPRISE_LABELS
    from assistant.rules.eligibility import EntryFacts
    from assistant.rules.park import LABELS as PARK_LABELS
    from assistant.rules.park import ParkPlan

    model, labels = (ParkPlan, PARK_LABELS) if check == "park" else (EntryFacts, ENTERPRISE_LABELS)
    subject = parse_input(model, {"jurisdiction": jurisdiction, **{k: v for k, v in facts.items() if v is not None}})
    for c in criteria.criteria_for(check, jurisdiction):
        if c.param == param_id:
            return criteria.judge(c, subject, labels)
    raise RuleError(f"{jurisdiction}没有判断 {param_id} 的检查项", f"no criterion for {param_id} in {jurisdiction}")


class _LandInput(_Input):
    land_area_mu: Positive | None = Field(default=None, description="园区用地面积（亩）")
    land_area_m2: Positive | None = Field(default=None, description="园区用地面积（平方米）")

    @model_validator(mode="after")
    def _land(self):
        if self.land_area_mu is None and self.land_area_m2 is None:
            raise FieldError("land_area_mu", "请填写用地面积（亩或平方米）")
        if self.land_area_mu is not None and self.land_area_m2 is not None \
                and abs(self.land_area_mu * MU_IN_M2 - self.land_area_m2) > 1:
            raise FieldError("land_area_m2", "用地面积的亩数和平方米数不一致")
        return self

    @property
    def land_m2(self) -> Fraction:
        return self.land_area_m2 if self.land_area_m2 is not None else self.land_area_mu * MU_IN_M2


class SiteAreaInput(_LandInput):
    development_mode: Literal["new", "renovation"] | None = Field(
        default=None, description="new：通过土地招拍挂新建；renovation：存量用地改造；不填则两种都判断")


@calculator("site_area", "园区占地面积下限（临海）",
            "招拍挂新建原则上不低于{linhai.land_area_new_min}、存量用地改造不低于{linhai.land_area_renovation_min}"
            "（临海{linhai.land_area_new_min:clause}）",
            SiteAreaInput, ("linhai.land_area_new_min", "linhai.land_area_renovation_min"),
            example={"land_area_mu": 80, "development_mode": "renovation"})
def site_area(inp: SiteAreaInput) -> CalcResult:
    mu = inp.land_m2 / MU_IN_M2
    items = _criterion_items("park", "临海市", "linhai.land_area_new_min",
                             {"land_area_m2": inp.land_m2, "development_mode": inp.development_mode})
    formula = fill("用地面积（亩）= 平方米 ÷ (10000/15)；招拍挂新建须不低于{linhai.land_area_new_min}（原则上，未达到为提示），"
                   "存量用地改造须不低于{linhai.land_area_renovation_min}（硬性）。")
    return _result("site_area", inp, formula, as_number(mu, 2), "亩", REGISTRY["site_area"].params, items=items,
                   parts=[Part(key="land_area_mu", label_zh="用地面积", value=as_number(mu, 2), unit="亩"),
                          Part(key="land_area_m2", label_zh="用地面积", value=as_number(inp.land_m2, 2), unit="平方米")])


class NonproductionLandInput(_LandInput):
    nonproduction_land_m2: NonNegative | None = Field(default=None, description="非生产性用房占地面积（平方米）；不填则只算上限")

    @model_validator(mode="after")
    def _within(self):
        if self.nonproduction_land_m2 is not None and self.nonproduction_land_m2 > self.land_m2:
            raise FieldError("nonproduction_land_m2", "非生产性用房占地面积大于用地面积（占比超过100%）")
        return self


@calculator("nonproduction_land_share", "非生产性用房占地比例（临海）",
            "非生产性用房占地面积占园区总占地面积不得超过{linhai.nonproduction_land_share_max}"
            "（临海{linhai.nonproduction_land_share_max:clause}）",
            NonproductionLandInput, ("linhai.nonproduction_land_share_max",),
            example={"land_area_mu": 100, "nonproduction_land_m2": 4000})
def nonproduction_land_share(inp: NonproductionLandInput) -> CalcResult:
    p = get_param("linhai.nonproduction_land_share_max")
    cap = inp.land_m2 * p.fraction("max")
    parts = [Part(key="max_m2", label_zh="非生产性用房占地面积上限", value=as_number(cap, 2), unit="平方米"),
             Part(key="max_mu", label_zh="非生产性用房占地面积上限", value=as_number(cap / MU_IN_M2, 2), unit="亩")]
    formula = (f"上限 = 总占地面积 × {p.figure()} = {fmt(inp.land_m2)}平方米（{fmt(inp.land_m2 / MU_IN_M2)}亩）× {p.figure()} = "
               f"{fmt(cap)}平方米（{fmt(cap / MU_IN_M2)}亩）。")
    if inp.nonproduction_land_m2 is None:
        return _result("nonproduction_land_share", inp, formula, as_number(cap, 2), "平方米", (p.id,), parts=parts)
    share = inp.nonproduction_land_m2 / inp.land_m2
    items = _criterion_items("park", "临海市", p.id, {"land_area_m2": inp.land_m2,
                                                    "nonproduction_land_m2": inp.nonproduction_land_m2})
    formula += f"方案占比 = {fmt(inp.nonproduction_land_m2)} ÷ {fmt(inp.land_m2)} = {fmt(share * 100)}%。"
    return _result("nonproduction_land_share", inp, formula, as_number(share * 100, 4), "%", (p.id,), items=items,
                   parts=parts)


class SelfHeldInput(_Input):
    nonproduction_floor_area_m2: Positive = Field(description="非生产性用房建筑面积（平方米）")
    self_held_nonproduction_m2: NonNegative | None = Field(default=None, description="建设主体永久自持的面积（平方米）")

    @model_validator(mode="after")
    def _within(self):
        if self.self_held_nonproduction_m2 is not None and self.self_held_nonproduction_m2 > self.nonproduction_floor_area_m2:
            raise FieldError("self_held_nonproduction_m2", "自持面积大于非生产性用房建筑面积（占比超过100%）")
        return self


@calculator("self_held_share", "建设主体自持非生产性用房比例（临海）",
            "建设主体需永久自持不低于{linhai.self_held_share_min}的非生产性用房面积（临海{linhai.self_held_share_min:clause}）",
            SelfHeldInput, ("linhai.self_held_share_min",),
            example={"nonproduction_floor_area_m2": 20000, "self_held_nonproduction_m2": 3500})
def self_held_share(inp: SelfHeldInput) -> CalcResult:
    p = get_param("linhai.self_held_share_min")
    need = inp.nonproduction_floor_area_m2 * p.fraction("min")
    parts = [Part(key="min_self_held_m2", label_zh="须永久自持的面积下限", value=as_number(need, 2), unit="平方米")]
    items = []
    value = as_number(need, 2)
    unit = "平方米"
    formula = (f"须自持面积 = 非生产性用房建筑面积 × {p.figure()} = {fmt(inp.nonproduction_floor_area_m2)} × {p.figure()} = "
               f"{fmt(need)}平方米；自持比例报市小微企业产业园建设工作领导小组审定。")
    if inp.self_held_nonproduction_m2 is not None:
        share = inp.self_held_nonproduction_m2 / inp.nonproduction_floor_area_m2
        items = _criterion_items("park", "临海市", p.id, inp.model_dump())
        value, unit = as_number(share * 100, 4), "%"
        formula += f"方案自持比例 = {fmt(inp.self_held_nonproduction_m2)} ÷ {fmt(inp.nonproduction_floor_area_m2)} = {fmt(share * 100)}%。"
    return _result("self_held_share", inp, formula, value, unit, (p.id,), parts=parts, items=items)


class UnitAreaInput(_Input):
    unit_areas_m2: tuple[Positive, ...] = Field(min_length=1, description="各入园企业（分割单元）的建筑面积（平方米）")


@calculator("unit_area", "单个入园企业建筑面积下限（临海）",
            "单个入园企业建筑面积一般不得低于{linhai.unit_area_min}（临海{linhai.unit_area_min:clause}，软性要求）",
            UnitAreaInput, ("linhai.unit_area_min",), example={"unit_areas_m2": [380, 620, 1200]})
def unit_area(inp: UnitAreaInput) -> CalcResult:
    p = get_param("linhai.unit_area_min")
    items = _criterion_items("park", "临海市", p.id, {"unit_areas_m2": inp.unit_areas_m2})
    low = [a for a in inp.unit_areas_m2 if a < p.min]
    formula = (f"逐个单元核对建筑面积 ≥ {p.figure()}（“{p.qualifier}”：未达到为提示）；最小单元 {fmt(min(inp.unit_areas_m2))}"
               f"平方米，低于下限的 {len(low)} 个。")
    return _result("unit_area", inp, formula, as_number(min(inp.unit_areas_m2), 2), "平方米", (p.id,), items=items,
                   parts=[Part(key="below_min", label_zh="低于下限的单元数", value=len(low), unit="个")])


class BuildingSplitInput(_Input):
    building_area_m2: Positive = Field(description="拟分割出售的厂房（整幢或整层）建筑面积（平方米）")


@calculator("unit_split", "整幢厂房最多分割单元数（临海）",
            "单个入园企业建筑面积一般不得低于{linhai.unit_area_min}（临海{linhai.unit_area_min:clause}），"
            "分割后每个单元都不低于下限",
            BuildingSplitInput, ("linhai.unit_area_min",), example={"building_area_m2": 7800})
def unit_split(inp: BuildingSplitInput) -> CalcResult:
    p = get_param("linhai.unit_area_min")
    units = math.floor(inp.building_area_m2 / p.fraction("min"))
    formula = (f"最多单元数 = ⌊建筑面积 ÷ {p.figure()}⌋ = ⌊{fmt(inp.building_area_m2)} ÷ {fmt(p.min)}⌋ = {units}"
               f"（每个单元不低于{p.figure()}，“{p.qualifier}”为软性要求）。")
    return _result("unit_split", inp, formula, units, "个", (p.id,),
                   parts=[Part(key="max_units", label_zh="最多可分割的单元数（家）", value=units, unit="个")])


class RedevelopmentInput(_LandInput):
    land_in_production_years: NonNegative = Field(description="该国有建设用地已投产年限（年）")


@calculator("redevelopment", "低效用地成片开发小微园的条件（温州）",
            "城镇低效用地范围内已投产{wenzhou.redevelopment_production_years_min}以上、一般在{wenzhou.redevelopment_area_min}"
            "以上的国有建设用地，可拟定成片开发小微园方案（温州{wenzhou.redevelopment_area_min:clause}）",
            RedevelopmentInput, ("wenzhou.redevelopment_production_years_min", "wenzhou.redevelopment_area_min"),
            example={"land_area_mu": 120, "land_in_production_years": 6})
def redevelopment(inp: RedevelopmentInput) -> CalcResult:
    items = _criterion_items("park", "温州市", "wenzhou.redevelopment_production_years_min",
                             {"land_area_m2": inp.land_m2, "land_in_production_years": inp.land_in_production_years,
                              "development_mode": "renovation"})
    formula = fill("已投产年限 ≥ {wenzhou.redevelopment_production_years_min}（硬性）；用地规模一般 ≥ "
                   "{wenzhou.redevelopment_area_min}（“一般”：未达到为提示）；还须经县（市、区）政府（功能区管委会）同意，"
                   "并符合城乡规划、土地利用规划、环境功能区划、产业发展规划。")
    verdict = overall_verdict(items)
    return _result("redevelopment", inp, formula, verdict.value, "", REGISTRY["redevelopment"].params, items=items,
                   parts=[Part(key="land_area_mu", label_zh="用地面积", value=as_number(inp.land_m2 / MU_IN_M2, 2), unit="亩")])


class RedevelopmentDateInput(_Input):
    production_start_date: dt.date = Field(description="该国有建设用地投产日期")


@calculator("redevelopment_date", "低效用地成片开发：已投产年限届满日（温州）",
            "城镇低效用地范围内已投产{wenzhou.redevelopment_production_years_min}以上的国有建设用地，可拟定成片开发小微园方案"
            "（温州{wenzhou.redevelopment_production_years_min:clause}）",
            RedevelopmentDateInput, ("wenzhou.redevelopment_production_years_min", "wenzhou.redevelopment_area_min"),
            example={"production_start_date": "2016-05-01"})
def redevelopment_date(inp: RedevelopmentDateInput) -> CalcResult:
    p = get_param("wenzhou.redevelopment_production_years_min")
    ready = dates.add_years(inp.production_start_date, int(p.fraction("min")))
    formula = fill("届满日 = 投产日 + {wenzhou.redevelopment_production_years_min}；此外用地规模一般 ≥ "
                   "{wenzhou.redevelopment_area_min}，还须经县（市、区）政府（功能区管委会）同意，并符合城乡规划、"
                   "土地利用规划、环境功能区划、产业发展规划。")
    return _result("redevelopment_date", inp, formula, ready, "日期", REGISTRY["redevelopment_date"].params,
                   parts=[Part(key="from_date", label_zh="已投产年限届满日", value=ready, unit="日期")])


class LeadingFloorInput(_Input):
    production_floor_area_m2: Positive = Field(description="生产性用房建筑面积（平方米）")
    leading_industry_production_floor_m2: NonNegative | None = Field(
        default=None, description="其中用于园区主导产业的生产性用房建筑面积（平方米）")

    @model_validator(mode="after")
    def _within(self):
        if self.leading_industry_production_floor_m2 is not None \
                and self.leading_industry_production_floor_m2 > self.production_floor_area_m2:
            raise FieldError("leading_industry_production_floor_m2", "主导产业面积大于生产性用房建筑面积（占比超过100%）")
        return self


@calculator("leading_floor_share", "主导产业生产性用房建筑面积占比（温州）",
            "园区主导产业生产性用房建筑面积必须达到{wenzhou.leading_industry_floor_share_min}以上"
            "（温州{wenzhou.leading_industry_floor_share_min:clause}）",
            LeadingFloorInput, ("wenzhou.leading_industry_floor_share_min",),
            example={"production_floor_area_m2": 80000, "leading_industry_production_floor_m2": 60000})
def leading_floor_share(inp: LeadingFloorInput) -> CalcResult:
    p = get_param("wenzhou.leading_industry_floor_share_min")
    need = inp.production_floor_area_m2 * p.fraction("min")
    parts = [Part(key="min_leading_m2", label_zh="主导产业生产性用房面积下限", value=as_number(need, 2), unit="平方米")]
    formula = (f"须达到面积 = 生产性用房建筑面积 × {p.figure()} = {fmt(inp.production_floor_area_m2)} × {p.figure()} = "
               f"{fmt(need)}平方米。")
    items, value, unit = [], as_number(need, 2), "平方米"
    if inp.leading_industry_production_floor_m2 is not None:
        share = inp.leading_industry_production_floor_m2 / inp.production_floor_area_m2
        items = _criterion_items("park", "温州市", p.id, inp.model_dump())
        value, unit = as_number(share * 100, 4), "%"
        formula += (f"方案占比 = {fmt(inp.leading_industry_production_floor_m2)} ÷ {fmt(inp.production_floor_area_m2)} = "
                    f"{fmt(share * 100)}%。")
    return _result("leading_floor_share", inp, formula, value, unit, (p.id,), parts=parts, items=items)
