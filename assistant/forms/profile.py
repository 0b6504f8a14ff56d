"""Enterprise profile: what an applicant tells us, validated, with Chinese labels.

Keys may be the Chinese labels (``"企业名称"``) or the attribute names
(``"name"``). Only ``企业名称`` is required; everything else stays ``None``
(shown blank on forms) until known. Every validation message names the field
in Chinese, e.g. ``统一社会信用代码：校验位错误，应为 6``.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      ValidationError, model_validator)

from assistant import textin
from assistant.errors import FormError
from assistant.forms.credit_code import validate_credit_code

# Bounds that no real applicant reaches: they catch unit mix-ups (m² typed as
# 亩, 元 typed as 万元) rather than enforce policy. Policy thresholds belong to
# the eligibility rules, not here.
MAX_AREA_M2 = 100_000        # 10万 m²: five times 温州 10.'s 2万㎡ ceiling for 优质企业
MAX_LAND_MU = 10_000
MAX_EMPLOYEES = 100_000
MAX_AMOUNT = 100_000_000     # 万元, i.e. 1 万亿元


class ProfileError(FormError):
    """One or more profile fields are invalid; ``problems`` lists (中文字段名, 原因)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        zh = "；".join(f"{label}：{why}" for label, why in problems)
        en = "; ".join(f"{label}: {why}" for label, why in problems)
        super().__init__(zh, f"invalid enterprise profile — {en}", field=problems[0][0])


def _blank_to_none(v: Any) -> Any:
    """Empty strings mean "not known yet", like a field left out. Text loses control characters (a DOCX
    cannot hold them: python-docx raised on a NUL in 企业名称) and must be valid Unicode."""
    if isinstance(v, str):
        if textin.has_invalid_unicode(v):
            raise ValueError("含有无法识别的字符（编码错误）")
        v = textin.strip_controls(v, multiline=False).strip()
        return v or None
    return v


def _number_text(v: Any) -> Any:
    """A number typed as text ("1,200", "１２００", "八百五十", "2.5万") read by the one quantity parser;
    an ambiguous one ("1,2") is refused with the reason, never guessed."""
    v = _blank_to_none(v)
    if isinstance(v, str):
        from assistant.errors import QueryError
        from assistant.quantities import parse_area_m2

        try:
            x = parse_area_m2(v)
        except QueryError as exc:
            raise ValueError(exc.message.removeprefix("数值")) from None
        return int(x) if x.denominator == 1 else float(x)
    return v


def fmt_number(v: float | int) -> str:
    """12 → "12", 12.5 → "12.5", 5e7 → "50000000": no exponents on forms."""
    if float(v).is_integer():
        return f"{int(v)}"
    return f"{v:.4f}".rstrip("0").rstrip(".")


def _number(hi: float, *, positive: bool = False, unit: str = ""):
    """Non-negative (or, with ``positive``, above zero) and at most ``hi``."""
    def check(v: float | int | None):
        if v is None:
            return v
        if not math.isfinite(v):
            raise ValueError("应为有限的数字")
        if v < 0:
            raise ValueError(f"不能为负数，收到 {fmt_number(v)}")
        if positive and v == 0:
            raise ValueError(f"应大于 0 {unit}，收到 0")
        if v > hi:
            raise ValueError(f"不应超过 {fmt_number(hi)} {unit}（收到 {fmt_number(v)}，请核对单位）")
        return v
    return AfterValidator(check)


MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
LANDLINE = re.compile(r"^(?:0\d{2,3}-?|\(0\d{2,3}\)|（0\d{2,3}）)[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?$")


def _phone(v: str | None) -> str | None:
    if v is None:
        return v
    compact = re.sub(r"\s+", "", v)
    if MOBILE.match(compact) or LANDLINE.match(compact):
        return v
    raise ValueError(f"“{v}”不是有效的手机号（11位，1开头）或固定电话（含区号，如 0576-85123456）")


def _credit(v: str | None) -> str | None:
    return None if v is None else validate_credit_code(v)


INDUSTRY_CODE = re.compile(r"^(?:[A-T](?:\d{2}(?:\d{1,2})?)?|\d{2}(?:\d{1,2})?)$")


def _industry_code(v: str | None) -> str | None:
    if v is None or INDUSTRY_CODE.match(v):
        return v
    raise ValueError(f"“{v}”不符合国民经济行业分类代码格式（如 C3411 或 3411）")


def _yes_no(v: Any) -> Any:
    v = _blank_to_none(v)
    if isinstance(v, str):
        if v in ("是", "有", "yes", "true", "True"):
            return True
        if v in ("否", "无", "no", "false", "False"):
            return False
    return v


Text = Annotated[Annotated[str, Field(max_length=200)] | None, BeforeValidator(_blank_to_none)]
Amount = Annotated[float | None, BeforeValidator(_number_text), _number(MAX_AMOUNT, unit="万元")]
Count = Annotated[int | None, BeforeValidator(_number_text), _number(MAX_EMPLOYEES, unit="人")]


class EducationStructure(BaseModel):
    """学历结构: head counts per level; levels left out are unknown, not zero."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)
    postgraduate: Count = Field(None, alias="硕士及以上", title="硕士及以上（人）")
    bachelor: Count = Field(None, alias="本科", title="本科（人）")
    college: Count = Field(None, alias="大专", title="大专（人）")
    secondary_or_below: Count = Field(None, alias="高中及以下", title="高中及以下（人）")

    def total_known(self) -> int | None:
        values = [v for v in (self.postgraduate, self.bachelor, self.college, self.secondary_or_below)
                  if v is not None]
        return sum(values) if values else None

    def college_or_above(self) -> int | None:
        """大专及以上人数, only when all three levels are known."""
        parts = (self.postgraduate, self.bachelor, self.college)
        return None if any(p is None for p in parts) else sum(parts)


class EnterpriseProfile(BaseModel):
    """入园申请企业的基本情况. ``title`` of each field is its label on forms."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    name: Annotated[str, BeforeValidator(lambda v: _blank_to_none(v) or "" if isinstance(v, str) else v), Field(min_length=1, max_length=100,
                                                                 alias="企业名称", title="企业名称")]
    credit_code: Annotated[Text, AfterValidator(_credit)] = Field(None, alias="统一社会信用代码",
                                                                   title="统一社会信用代码")
    legal_representative: Text = Field(None, alias="法定代表人", title="法定代表人")
    contact_person: Text = Field(None, alias="联系人", title="联系人")
    contact_phone: Annotated[Text, AfterValidator(_phone)] = Field(None, alias="联系电话", title="联系电话")
    registered_address: Text = Field(None, alias="注册地址", title="注册地址")
    park_name: Text = Field(None, alias="拟入驻园区", title="拟入驻园区")
    park_city: Text = Field(None, alias="园区所在城市", title="园区所在地（市、县）")
    industry_name: Text = Field(None, alias="所属行业", title="所属行业（国民经济行业分类）")
    industry_code: Annotated[Text, AfterValidator(_industry_code)] = Field(None, alias="行业代码",
                                                                         title="行业代码")
    independent_industrial: Annotated[bool | None, BeforeValidator(_yes_no)] = Field(
        None, alias="是否具有独立法人资格的工业企业", title="是否具有独立法人资格的工业企业")
    output_value: Amount = Field(None, alias="上年度产值", title="上年度产值（万元）")
    tax_paid: Amount = Field(None, alias="上年度税收", title="上年度税收（万元）")
    energy_use: Annotated[float | None, BeforeValidator(_number_text),
                          _number(10_000_000, unit="吨标准煤")] = Field(
        None, alias="上年度综合能耗", title="上年度综合能耗（吨标准煤）")
    land_area_mu: Annotated[float | None, BeforeValidator(_number_text),
                            _number(MAX_LAND_MU, unit="亩")] = Field(None, alias="用地面积", title="用地面积（亩）")
    tax_per_mu: Amount = Field(None, alias="亩均税收", title="亩均税收（万元/亩）")
    value_added_per_mu: Amount = Field(None, alias="亩均增加值", title="亩均增加值（万元/亩）")
    investment_intensity: Amount = Field(None, alias="投资强度", title="投资强度（万元/亩）")
    planned_investment: Amount = Field(None, alias="计划投资额", title="计划投资额（万元）")
    employees: Count = Field(None, alias="员工人数", title="员工人数（人）")
    education: EducationStructure | None = Field(None, alias="学历结构", title="学历结构")
    rd_spending: Amount = Field(None, alias="研发投入", title="上年度研发投入（万元）")
    informatization: Text = Field(None, alias="两化融合情况", title="两化融合情况")
    acquisition: Annotated[Literal["购置", "租赁"] | None, BeforeValidator(_blank_to_none)] = Field(
        None, alias="拟购置或租赁", title="拟购置或租赁")
    requested_area_m2: Annotated[float | None, BeforeValidator(_number_text),
                                 _number(MAX_AREA_M2, positive=True, unit="平方米")] = Field(
        None, alias="申请面积", title="申请面积（m²）")
    chain_position: Annotated[Literal["主导行业", "上下游配套", "其他"] | None,
                              BeforeValidator(_blank_to_none)] = Field(None, alias="产业链位置", title="产业链位置")
    chain_note: Text = Field(None, alias="产业链说明", title="产业链说明（主导产品、上下游配套关系）")

    @model_validator(mode="after")
    def _education_within_headcount(self):
        total = self.education.total_known() if self.education else None
        if total is not None and self.employees is not None and total > self.employees:
            raise ValueError(f"学历结构：各学历人数合计 {total} 人，超过员工人数 {self.employees} 人")
        return self

    # Derived figures: shown on the form only when every input is known.
    def rd_ratio(self) -> float | None:
        """研发投入占上年度产值的比例 (0–1)."""
        if self.rd_spending is None or not self.output_value:
            return None
        return self.rd_spending / self.output_value

    def college_share(self) -> float | None:
        """大专及以上学历员工占员工人数的比例 (0–1)."""
        above = self.education.college_or_above() if self.education else None
        if above is None or not self.employees:
            return None
        return above / self.employees

    def energy_per_output(self) -> float | None:
        """单位产值能耗（吨标准煤/万元）."""
        if self.energy_use is None or not self.output_value:
            return None
        return self.energy_use / self.output_value

    @classmethod
    def label(cls, field: str) -> str:
        return cls.model_fields[field].title or field

    @classmethod
    def parse(cls, data: dict) -> "EnterpriseProfile":
        """Validate ``data``; raise :class:`ProfileError` with Chinese field names."""
        if not isinstance(data, dict):
            raise ProfileError([("企业信息", "应为 JSON 对象（键为字段名）")])
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise ProfileError([_problem(cls, e) for e in exc.errors()]) from None


def load_profile(path: str | Path) -> EnterpriseProfile:
    """Read a profile from a JSON file (UTF-8), through the input boundary (size, encoding, depth, numbers)."""
    data = textin.read_json_file(path, "profile", what_zh="企业信息文件", error=FormError)
    return EnterpriseProfile.parse(data)


_TYPE_MESSAGES = {
    "missing": "必填",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "too_short": "不能为空",
    "string_too_long": "过长（最多 {max_length} 个字）",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应填“是”或“否”",
    "bool_type": "应填“是”或“否”",
    "literal_error": "应为以下之一：{expected}",
    "extra_forbidden": "不是可识别的字段",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
}


def _problem(model: type[BaseModel], err: dict) -> tuple[str, str]:
    """Turn one pydantic error into (中文字段名, 中文原因)."""
    labels = []
    current: Any = model
    for part in err["loc"]:
        info = getattr(current, "model_fields", {}).get(part) if isinstance(part, str) else None
        if info is None:
            # an alias (the applicant used Chinese keys) or an unknown key
            info = next((f for f in getattr(current, "model_fields", {}).values() if f.alias == part), None)
        if info is None:
            labels.append(str(part))
            break
        labels.append(info.title or str(part))
        ann = info.annotation
        current = next((a for a in getattr(ann, "__args__", (ann,)) if isinstance(a, type)
                        and issubclass(a, BaseModel)), None)
    label = "·".join(labels) or "企业信息"
    if err["type"] == "value_error":
        why = str(err.get("ctx", {}).get("error", err["msg"]))
        # the cross-field check names its own fields
        if not err["loc"]:
            head, _, why = why.partition("：")
            return head, why
        return label, why
    template = _TYPE_MESSAGES.get(err["type"])
    if template is None:
        return label, err["msg"]
    ctx = dict(err.get("ctx", {}))
    if "expected" in ctx:
        ctx["expected"] = ctx["expected"].replace("'", "").replace(" or ", "、").replace(", ", "、")
    why = template.format(**ctx) if ctx else template
    given = err.get("input")
    if err["type"] in ("float_parsing", "int_parsing", "int_from_float", "bool_parsing", "literal_error"):
        why += f"，收到“{given}”"
    return label, why
