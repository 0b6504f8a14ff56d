"""Turn pydantic's validation errors into one RuleError that names the field, in Chinese.

>>> from pydantic import BaseModel, Field
>>> class M(BaseModel):
...     area_m2: float = Field(gt=0)
>>> try:
...     parse_input(M, {"area_m2": -1})
... except RuleError as e:
...     print(e.field, e.message)
area_m2 输入项 area_m2 无效：必须大于 0（收到 -1）
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import RuleError
from assistant.rules.numbers import fmt

M = TypeVar("M", bound=BaseModel)


class FieldError(ValueError):
    """Raised inside model validators for a rule that spans fields, naming the field to blame."""

    def __init__(self, field: str, message_zh: str, message_en: str | None = None):
        self.field = field
        self.message_zh = message_zh
        self.message_en = message_en or message_zh
        super().__init__(message_zh)


_ZH = {
    "missing": "缺少此项",
    "extra_forbidden": "不是可识别的字段（请检查拼写）",
    "greater_than": "必须大于 {gt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than": "必须小于 {lt}",
    "less_than_equal": "不能大于 {le}",
    "float_parsing": "必须是数字",
    "float_type": "必须是数字",
    "fraction_parsing": "必须是数字",
    "fraction_type": "必须是数字",
    "int_parsing": "必须是整数",
    "int_type": "必须是整数",
    "int_from_float": "必须是整数",
    "bool_parsing": "必须是 true 或 false",
    "bool_type": "必须是 true 或 false",
    "date_parsing": "必须是日期，格式 YYYY-MM-DD",
    "date_from_datetime_parsing": "必须是日期，格式 YYYY-MM-DD",
    "date_from_datetime_inexact": "必须是日期，不含时刻",
    "date_type": "必须是日期，格式 YYYY-MM-DD",
    "literal_error": "必须是以下之一：{expected}",
    "enum": "必须是以下之一：{expected}",
    "list_type": "必须是列表",
    "string_type": "必须是文字",
    "dict_type": "必须是 JSON 对象",
    "model_type": "必须是 JSON 对象",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "string_too_short": "不能为空",
}


def _field(loc) -> str:
    return ".".join(str(x) for x in loc) or "input"


def to_rule_error(exc: ValidationError, what: str = "输入项") -> RuleError:
    """The first error of ``exc`` as a RuleError with ``field`` set."""
    err = exc.errors()[0]
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, FieldError):
        return RuleError(f"{what} {cause.field} 无效：{cause.message_zh}", f"invalid {cause.field}: {cause.message_en}",
                         field=cause.field)
    field = _field(err["loc"])
    if err["type"] == "value_error" and cause is not None:
        zh = str(cause)
    else:
        template = _ZH.get(err["type"])
        try:
            ctx = {k: fmt(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                   for k, v in (err.get("ctx") or {}).items()}
            if "expected" in ctx:
                ctx["expected"] = str(ctx["expected"]).replace(" or ", "、")
            zh = template.format(**ctx) if template else err["msg"]
        except (KeyError, IndexError):
            zh = err["msg"]
    if err["type"] not in ("missing", "extra_forbidden") and "input" in err and not isinstance(err["input"], dict):
        zh += f"（收到 {err['input']!r}）" if "收到" not in zh else ""
    return RuleError(f"{what} {field} 无效：{zh}", f"invalid {field}: {err['msg']}", field=field)


def parse_input(model: type[M], data, what: str = "输入项") -> M:
    """Validate ``data`` (a dict or a model) into ``model``; errors become a RuleError naming the field."""
    if isinstance(data, model):
        return data
    if isinstance(data, BaseModel):
        data = data.model_dump()
    if not isinstance(data, dict):
        raise RuleError("输入必须是 JSON 对象（{…}）", "input must be a JSON object", field="input")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise to_rule_error(exc, what) from exc
