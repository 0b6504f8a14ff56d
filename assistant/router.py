"""Which kind of answer a question needs, and the calculator inputs it carries.

Routing is deterministic (keywords and number patterns): a question with the
numbers for a known rule goes to that rule's calculator; the calculator, never
a language model, produces the figures.

>>> route_calculation("我买了850平方米厂房，维修基金和保修金要交多少？")
('fees', {'area_m2': 850})
>>> route_calculation("土地出让合同2024年3月31日签的，最晚什么时候开工？")
('construction_deadlines', {'contract_date': '2024-03-31'})
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_NUM = r"([-−]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"  # keep the sign: "-850 平方米" must be refused, not read as 850
_AREA = re.compile(_NUM + r"\s*(万)?\s*(?:平方米|平米|平方|㎡|m2|m²|sqm|square\s*met(?:er|re)s?)", re.I)
_MU = re.compile(_NUM + r"\s*(?:亩|mu\b)", re.I)
_WAN = re.compile(_NUM + r"\s*万(?:元)?(?![平㎡])")
_YI = re.compile(_NUM + r"\s*亿(?:元)?")
_DATE_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COUNT = re.compile(r"(\d+)\s*家")
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], 1)}
_DATE_EN = re.compile(r"(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)


def _n(s: str) -> int | float:
    x = float(s.replace("−", "-"))
    return int(x) if x.is_integer() else x


def areas_m2(q: str) -> list[int | float]:
    return [_n(str(float(v) * (10000 if wan else 1))) for v, wan in _AREA.findall(q)]


def mus(q: str) -> list[int | float]:
    return [_n(v) for v in _MU.findall(q)]


def wans(q: str) -> list[int | float]:
    return [_n(v) for v in _WAN.findall(q)] + [_n(str(float(v) * 10000)) for v in _YI.findall(q)]


def dates(q: str) -> list[str]:
    out = []
    for y, m, d in _DATE_ZH.findall(q) + _DATE_ISO.findall(q):
        try:
            out.append(dt.date(int(y), int(m), int(d)).isoformat())
        except ValueError:
            continue
    for mon, d, y in _DATE_EN.findall(q):
        try:
            out.append(dt.date(int(y), _MONTHS[mon.lower()], int(d)).isoformat())
        except ValueError:
            continue
    return list(dict.fromkeys(out))


def _has(q: str, *words: str) -> bool:
    return any(w in q for w in words)


def route_calculation(question: str) -> tuple[str, dict] | None:
    """``(calculator name, inputs)`` when the question carries what a calculator needs."""
    q = unicodedata.normalize("NFKC", question).lower()
    a, m, w, d = areas_m2(q), mus(q), wans(q), dates(q)

    if a and _has(q, "维修基金", "维修资金", "维修费", "保修金", "质保金", "maintenance fund", "warranty", "repair fund"):
        return "fees", {"area_m2": a[0]}
    if a and _has(q, "物业用房", "物业管理用房", "物业办公用房", "物业经营用房", "property management room", "property room"):
        return "property_rooms", {"total_floor_area_m2": a[0]}
    if d and _has(q, "开工", "竣工", "动工", "完工", "start construction", "completion", "complete") \
            and _has(q, "出让合同", "土地合同", "合同", "签", "拿地", "contract"):
        return "construction_deadlines", {"contract_date": d[0]}
    if d and _has(q, "公示", "publicity", "public notice"):
        return "publicity", {"start_date": d[0]}
    if d and _has(q, "投产") and _has(q, "亩均", "考评", "标准"):
        return "mu_average_deadline", {"production_start_date": d[0]}
    if d and _has(q, "转让", "卖", "转手", "出售", "过户", "transfer", "sell", "resell"):
        return "transfer_ban", {"acquired_date": d[0]}
    if w and _has(q, "纳税", "税收", "tax") and _has(q, "优质", "放宽", "上限", "多买", "面积", "买多", "2万", "cap"):
        inputs: dict = {}
        per_mu = re.search(r"亩均税收[^\d]{0,6}" + _NUM + r"\s*万", q)
        total = re.search(r"(?:纳税总额|纳税|税收总额|交税|总税收)[^\d]{0,6}" + _NUM + r"\s*万", q)
        if per_mu:
            inputs["tax_per_mu_wan"] = _n(per_mu.group(1))
        if total:
            inputs["total_tax_wan"] = _n(total.group(1))
        elif len(w) >= 2 and per_mu:
            inputs["total_tax_wan"] = next(x for x in w if x != _n(per_mu.group(1)))
        if "total_tax_wan" in inputs:
            if a:
                inputs["requested_area_m2"] = a[0]
            return "quality_enterprise", inputs
    if _has(q, "宿舍", "dormitor", "dorm") and a:
        if _has(q, "套", "suite", "apartment"):
            return "dormitory", {"suite_areas_m2": [a[0]], "high_rise": True if _has(q, "高层", "high-rise") else None}
        return "dormitory", {"room_areas_m2": [a[0]]}
    if _has(q, "非生产性用房", "非生产用房", "配套用房", "non-production") and len(a) >= 2:
        city = "温州市" if "温州" in q else "临海市" if "临海" in q else None
        if city:
            total, part = max(a[:2]), min(a[:2])
            return "nonproduction_share", {"jurisdiction": city, "total_floor_area_m2": total,
                                           "nonproduction_floor_area_m2": part}
    if _has(q, "容积率", "建筑密度", "plot ratio", "density") and a and (m or len(a) >= 2):
        city = "温州市" if "温州" in q else "临海市" if "临海" in q else None
        inputs = {"jurisdiction": city, "total_floor_area_m2": max(a)}
        if m:
            inputs["land_area_mu"] = m[0]
        else:
            inputs["land_area_m2"] = min(a)
        return "land_indicators", {k: v for k, v in inputs.items() if v is not None}
    if _has(q, "预售") and len(w) >= 1 and _has(q, "投资"):
        total = max(w)
        done = [x for x in w if x != total]
        inputs = {"total_investment": total, "unit": "万元"}
        if done:
            inputs["completed_investment"] = done[0]
        return "presale_threshold", inputs
    if len(_COUNT.findall(q)) >= 2 and _has(q, "主导", "同行业", "上下游", "占比", "比例"):
        counts = sorted(int(x) for x in _COUNT.findall(q))
        city = "慈溪市" if "慈溪" in q else "临海市"
        return "leading_share", {"jurisdiction": city, "enterprise_count": counts[-1], "leading_count": counts[0]}
    if _has(q, "换算", "等于", "是多少", "合多少", "折合", "how many", "convert"):
        if m and _has(q, "平方米", "平米", "㎡", "square"):
            return "unit_convert", {"value": m[0], "from_unit": "亩", "to_unit": "平方米"}
        if a and _has(q, "多少亩", "几亩", "mu"):
            return "unit_convert", {"value": a[0], "from_unit": "平方米", "to_unit": "亩"}
    return None


ELIGIBILITY = re.compile(
    r"(能不能|可不可以|可以|能否|能|是否|够不够|符不符合|符合|有没有资格|有资格|够格).{0,12}"
    r"(入园|入驻|进园|进驻|进入园区|进去|搬进|进临海|进温州|进慈溪|进小微园|进园区)"
    r"|入园(条件|资格|门槛)|(我|我们|我家|我司).{0,10}(符合|够).{0,6}条件"
    r"|\b(qualify|eligible|eligibility)\b|can (my|our) (company|firm|enterprise|business) (enter|move into|join)",
    re.I)
COMPARE = re.compile(r"(比较|对比|区别|不同|差异|异同|一样吗|一致|分别|各自|相比|compare|comparison|differ|difference|versus|\bvs\b)",
                     re.I)
FOLLOW_UP_ZH = re.compile(r"^\s*(?:那|那么|还有|再问一下)?\s*(.{1,16}?)\s*(?:呢|怎么样|怎么规定|如何)\s*[？?]?\s*$")
FOLLOW_UP_EN = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(.{1,60}?)\s*\??\s*$|^\s*and\s+(.{1,60}?)\s*\?\s*$", re.I)


def is_eligibility(question: str) -> bool:
    return bool(ELIGIBILITY.search(question))


def is_comparison(question: str, cities: tuple[str, ...]) -> bool:
    return len([c for c in cities if c != "浙江省"]) >= 2 or bool(
        COMPARE.search(question) and re.search(r"两地|各地|各市|不同城市|各城市|cities", question))


def follow_up_subject(question: str) -> str | None:
    """"那温州呢？" → "温州"; "what about dormitories?" → "dormitories"; None if not a follow-up."""
    m = FOLLOW_UP_ZH.match(question)
    if m and len(question.strip()) <= 20:
        return m.group(1).strip("，,。 ")
    m = FOLLOW_UP_EN.match(question)
    if m:
        return (m.group(1) or m.group(2)).strip()
    return None
