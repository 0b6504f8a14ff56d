"""Which calculator a question needs, and the inputs it carries (routes as data: ``assistant/data/routes.yaml``).

Routing is deterministic: the words of a route and the quantities the question carries (read by the one quantity
parser, ``assistant.quantities``); the calculator, never a language model, produces the figures. A route is taken
only when the question's city (named, or carried from the conversation) is one the calculator's rules belong to.

>>> route_calculation("我买了850平方米厂房，维修基金和保修金要交多少？")
('fees', {'area_m2': 850})
>>> route_calculation("买了1,200平方米厂房，维修基金多少")
('fees', {'area_m2': 1200})
>>> route_calculation("土地出让合同2024年3月31日签的，最晚什么时候开工？")
('construction_deadlines', {'contract_date': '2024-03-31'})
>>> route_calculation("温州的厂房850平方米，维修基金交多少？") is None   # 临海 sets it, 温州 does not
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.quantities import Quantity, find_dates, find_months, find_quantities
from assistant.rules.numbers import MU_IN_M2
from assistant.yamlio import load_yaml

ROUTES_FILE = Path(__file__).resolve().parent / "data" / "routes.yaml"


class Route(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    calculator: str | None = None   # when the route's name is a mode of another calculator
    words: tuple[tuple[str, ...], ...]
    needs: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        return self.calculator or self.name


@functools.lru_cache(maxsize=1)
def routes() -> tuple[Route, ...]:
    raw = load_yaml(ROUTES_FILE.read_text(encoding="utf-8"))
    return tuple(Route.model_validate(r) for r in raw["routes"])


@dataclass(frozen=True)
class Facts:
    """What a question carries, read once."""

    text: str
    quantities: tuple[Quantity, ...]
    dates: tuple[dt.date, ...]
    month_only: bool = False   # the dates are months said without a day ("22年6月买的"), each read as its 1st

    def of(self, *units: str) -> list[Quantity]:
        return [q for q in self.quantities if q.unit in units]

    @property
    def areas(self) -> list[Fraction]:          # floor areas in m² (万㎡ folded in)
        # ("一平米", "一个平方" said in words is the unit of a rate asked — "临海维修资金一平米交多少" — not the user's
        # floor area; "我买了1平方米" is)
        return [q.value for q in self.of("平方米") if not (q.value == 1 and re.match(r"\s*[一每]", q.text))]

    @property
    def mus(self) -> list[Fraction]:
        return [q.value for q in self.of("亩")]

    @property
    def money_wan(self) -> list[Fraction]:      # sums in 万元: "250万", "250万元", "2500000元"
        return [q.value / 10000 for q in self.quantities if q.unit == "元" or (q.unit == "" and q.wan)]

    @property
    def counts(self) -> list[int]:
        found = [int(q.value) for q in self.of("家") if q.value.denominator == 1]
        if found:
            # "20 firms, 13 of them in the same industry": a bare number that counts some of the firms is a count
            found += [int(q.value) for q in self.quantities if q.unit == "" and q.value.denominator == 1
                      and re.match(r"\s*(?:of (?:which|them|these|those)|家)", self.text[q.end:q.end + 12])]
        return found

    @property
    def months(self) -> list[Fraction]:
        """Lengths of time in months ("半年" is 6, "8个月" 8); a calendar year is no length."""
        return [q.value for q in self.of("个月")] + [y * 12 for y in self.years]

    @property
    def years(self) -> list[Fraction]:
        """Lengths of time in years; a calendar year ("2019年投产") is a date, no length."""
        return [q.value for q in self.of("年") if not CALENDAR_YEARS[0] <= q.value <= CALENDAR_YEARS[1]]

    def has(self, *words: str) -> bool:
        return any(w in self.text for w in words)


CALENDAR_YEARS = (1900, 2100)   # a figure in 年 in this range is a year of the calendar


def _needs_met(route: Route, f: Facts) -> bool:
    need = list(route.needs)
    have = {"area": len(f.areas), "mu": len(f.mus), "land": len(f.mus) + len(f.areas), "date": len(f.dates),
            "money": len(f.money_wan), "count": len(f.counts), "years": len(f.years), "elapsed": len(f.months),
            "area_or_mu": len(f.areas) + len(f.mus)}
    for kind in set(need):
        if have[kind] < need.count(kind):
            return False
    if "land" in need and "area" in need and not f.mus and len(f.areas) < 2:
        return False  # a land area in m² needs a second area beside the floor area
    return True


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _n(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


def _land(f: Facts, inputs: dict) -> dict:
    """The land area: in 亩 when given so, else the smaller of two m² figures."""
    if f.mus:
        inputs["land_area_mu"] = _n(f.mus[0])
    elif len(f.areas) >= 2:
        inputs["land_area_m2"] = _n(min(f.areas))
    return inputs


# what an area in m² is, by the nearest word before it ("地6万平" the site, "楼的占地加起来19800平" the buildings'
# footprint, "建了12万平" the floor area); a longer cue ending at the same place wins ("楼的占地" over "地")
_AREA_ROLES = {
    "footprint": ("基底", "楼的占地", "楼占地", "建筑占地", "房子占地", "厂房占地", "footprint"),
    "land": ("用地", "土地", "地块", "园区占地", "地", "site", "land"),
    "floor": ("建筑面积", "建面", "总建", "盖了", "建了", "floor area", "floor space", "built"),
}
# the areas of a self-held question: the whole floor area is neither the non-production rooms nor what is kept
_SELF_HELD_ROLES = {
    "total": ("总建筑面积", "总面积", "总建", "out of", "total floor", "gross floor"),
    "nonproduction": ("非生产性用房", "非生产用房", "配套用房", "配套房", "配套的房", "非生产", "non-production"),
    "self_held": ("自持", "自己持有", "留着", "保留", "keep", "retain", "hold"),
}
_ROLE_REACH = 10   # characters before a figure where its cue may stand


def _area_roles(f: Facts, table: dict[str, tuple[str, ...]] = _AREA_ROLES) -> dict[str, Fraction]:
    """Each m² area's role by its nearest cue before it; a role claimed twice, or an area with no cue, leaves the
    reading to the caller's order ("the larger is the land") — an empty dict then.

    >>> _area_roles(read("临海的园区，地6万平，楼的占地加起来19800平，建筑密度达标没"))
    {'land': Fraction(60000, 1), 'footprint': Fraction(19800, 1)}
    >>> _area_roles(read("用地3万平方米，建筑面积6万平方米"))
    {'land': Fraction(30000, 1), 'floor': Fraction(60000, 1)}
    >>> _area_roles(read("总建筑面积10万平方米，其中非生产性用房建筑面积2万平方米，至少自持多少"), _SELF_HELD_ROLES)
    {'total': Fraction(100000, 1), 'nonproduction': Fraction(20000, 1)}
    """
    roles: dict[str, Fraction] = {}
    for q in f.of("平方米"):
        window = f.text[max(0, q.start - _ROLE_REACH):q.start]
        best = None   # (end of the cue, its length, role)
        for role, cues in table.items():
            for cue in cues:
                at = window.rfind(cue)
                if at >= 0 and (best is None or (at + len(cue), len(cue)) > best[:2]):
                    best = (at + len(cue), len(cue), role)
        if best is None or best[2] in roles:
            return {}
        roles[best[2]] = q.value
    return roles


def _tax_shortfall(f: Facts) -> dict | None:
    """The promised and the actual tax per mu (the promised one is named 承诺/中标; else the larger) and the site."""
    per_mu = list(f.money_wan)
    if len(per_mu) < 2 or not f.mus:
        return None
    promised = re.search(r"(承诺|中标|committed|promised)[^\d]{0,12}([\d.]+)\s*万", f.text)
    committed = Fraction(promised.group(2)) if promised else max(per_mu)
    actual = next((x for x in per_mu if x != committed), None)
    if actual is None:
        return None
    return {"committed_tax_per_mu_wan": _n(committed), "actual_tax_per_mu_wan": _n(actual), "land_area_mu": _n(f.mus[0])}


def development_mode(f: Facts) -> str | None:
    """new (招拍挂新建) or renovation (存量用地改造), when the question says which."""
    if f.has("存量", "改造", "老厂", "旧厂", "拿来改", "existing", "renovat"):
        return "renovation"
    if f.has("招拍挂", "新建", "拍卖", "新拿的地", "auction", "new park", "newly", "public tender", "tender"):
        return "new"
    return None


def _tax_inputs(f: Facts) -> dict | None:
    q = f.text
    inputs: dict = {}
    # ("300多万": more than 300万, read as 300万)
    per_mu = re.search(r"亩均(?:税收|纳税|交税)?[^\d零一二两三四五六七八九十百千万]{0,6}([\d.,]+|[零一二两三四五六七八九十百千]+)\s*多?万", q)
    total = re.search(r"(?:纳税总额|纳税|税收总额|交税|缴税|税交|总税收|一年交|年纳税)[^\d零一二两三四五六七八九十百千万]{0,6}"
                      r"([\d.,]+|[零一二两三四五六七八九十百千]+)\s*多?万", q)
    from assistant.quantities import parse_number
    if per_mu:
        inputs["tax_per_mu_wan"] = _n(parse_number(per_mu.group(1)))
    if total and (not per_mu or total.start() != per_mu.start()):
        inputs["total_tax_wan"] = _n(parse_number(total.group(1)))
    money = f.money_wan
    if "total_tax_wan" not in inputs and per_mu and len(money) >= 2:
        rest = [m for m in money if _n(m) != inputs["tax_per_mu_wan"]]
        if rest:
            inputs["total_tax_wan"] = _n(rest[0])
    if "total_tax_wan" not in inputs:
        return None
    if "tax_per_mu_wan" not in inputs:
        if not f.mus:
            return None
        inputs["land_area_mu"] = _n(f.mus[0])
    if f.areas:
        inputs["requested_area_m2"] = _n(f.areas[0])
    return inputs


def _reason(f: Facts) -> str | None:
    if f.has("外迁", "搬走", "搬迁", "迁出", "搬到外地", "迁到外地", "搬出去", "扩产", "发展壮大", "move out", "relocat", "expand"):
        return "外迁"
    if f.has("经营不善", "亏损", "亏本", "经营困难", "干不下去", "倒闭", "losing money", "failing", "struggling"):
        return "经营不善"
    return None


def _with_dates(base: dict, f: Facts, names: tuple[str, ...]) -> dict:
    for name, d in zip(names, f.dates):
        base[name] = _iso(d)
    return base


# "头一天也算进去": the day of posting counted in the publicity period
_FIRST_DAY_COUNTS = ("头一天也算", "当天也算", "当天算", "第一天也算", "当日计入", "当日起算", "当天起算", "including the first day",
                     "including the day", "counting the day")

# "买了4年了", "已经用了三年", "bought it 4 years ago", "held it for 3 years": the years the user has owned it
_HELD = re.compile(r"(?:买了|购买了|买来|入园|拿到|持有|用了|已经|有了)\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:年|多年)"
                   r"(?!\s*(?:没|未|不|闲|空|内|以内|之内|以后才|之后才|后才|以上才|才))"   # "已经2年没用了": idle, not owned; "买了5年内": the rule's period
                   # ("买了5年以后才能卖": the rule heard, no years of the user's — mixed_dev35)
                   r"|(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*年前(?:买|购|拿)"
                   r"|(?:bought|acquired|purchased)\s+(?:it\s+)?(\d+(?:\.\d+)?)\s+years?\s+ago"
                   r"|(?:held|owned|had)\s+(?:it\s+)?(?:for\s+)?(\d+(?:\.\d+)?)\s+years?")

# selling, letting or transferring what one owns: another rule than the least area one may buy
# 临海 （八） counts the same trade and its chain's firms together (慈溪 counts the leading trade's only); a firm said
# not to be of the chain, or counted among the same-trade ones (其中), adds nothing (review 29)
_CHAIN_FIRMS = ("上下游", "配套", "产业链", "upstream", "downstream", "supply chain", "supplier")
_NOT_CHAIN = ("不是", "不属于", "既不", "并非", "其中", "食堂", "物业", "餐饮", "保洁", "not ", "neither", "among them",
              "of which", "canteen")
# a corner plot's inclusion asked ("…边角地…用地面积里能算进去吗"): the corner land's rule, not the park's site check
_CORNER_ASKED = ("纳入", "一并开发", "一起开发", "算进去", "能算", "并入", "include", "merged in", "count toward")
_SITE_ENOUGH = ("够不够", "够吗", "够不", "够了", "达标", "占地面积", "用地面积", "large enough", "big enough", "enough land",
                "site area", "site large", "minimum site")
# A firm's own land asked ("入园的话我们一家企业自己最少要有多少亩地"): the park's least site is no firm's (mixed_dev35)
# — not a park a firm builds on its own land ("企业自己有60亩旧厂区，改造成小微园够不够", review 30).
_PER_FIRM = ("一家企业", "单个企业", "每个企业", "一家厂", "each firm", "each enterprise", "per firm", "per enterprise",
             "single firm", "single enterprise")
_LAND_ASKED = re.compile(r"多少亩|几亩|多大的?地|how many mu|how much land")
_DEALING = ("卖掉", "卖了", "想卖", "能卖", "出售", "转让", "转手", "出租", "租出去", "过户", "sell", "transfer", "rent out",
            "let out", "lease out")

# buying still to be done ("想买1000平的厂房用来出租": the purchase is checked, whatever it is for)
_BUYER_KIND = ("外地", "外省", "外市", "外资", "外商", "外国", "个人", "个体", "自然人", "foreign", "individual",
               "out-of-town", "non-local")
# the price a plot went for (土地出让金总额), and the auction's starting price
_WON_AT = ("拍下来", "拍下了", "拍得", "拍到手", "成交价", "成交了", "中标价", "竞得价", "拿地花了", "won at", "went for",
           "sold for", "winning bid", "winning price")
_STARTING = ("起拍", "底价", "starting price", "reserve price")
_BUYING = ("想买", "要买", "打算买", "准备买", "计划买", "拟购", "想购", "买多大", "want to buy", "plan to buy", "to purchase")

# words saying the one 亩 figure is a plot of its own, not the merged project
# (not 一块: "和隔壁一块开发" is together)
_ONE_PLOT = ("单幅", "一幅", "这幅", "这块", "单块", "有块", "那块", "single plot", "one plot", "this plot", "strip",
             "single parcel", "one parcel")
_MERGED = ("合并", "合起来", "总面积", "merg", "combined", "in total", "altogether")

# what a dormitory's figure is, by the words around it: the whole dormitory ("宿舍总共8000平", "总建筑面积1.2万平方米"),
# the suites together ("2750平的成套房", "成套住宅共2750平"), one suite ("一套最大65平", "夫妻房一套总共65平" — a suite
# named before 总共 keeps it a suite), one room ("单间25平")
_DORM_TOTAL = ("总建筑面积", "总面积", "一共", "总共", "宿舍楼", "整栋", "项目", "total")
_ONE_SUITE = ("一套", "单套", "每套", "夫妻房", "全家房", "a suite", "one suite", "each suite", "per suite")
_ONE_ROOM = ("单间", "一间", "每间", "a room", "one room", "each room", "per room")


def _dorm_roles(f: Facts) -> dict[str, Fraction] | None:
    """Each m² figure of a dormitory question in its role, or None when one has no cue or two share one.

    >>> _dorm_roles(read("临海职工宿舍总共8000平，做了2750平的成套房，一套最大65平，合规吗"))
    {'whole': Fraction(8000, 1), 'suites': Fraction(2750, 1), 'suite': Fraction(65, 1)}
    >>> _dorm_roles(read("临海职工宿舍的夫妻房一套总共65平方米，符合规定吗"))
    {'suite': Fraction(65, 1)}
    """
    roles: dict[str, Fraction] = {}
    for q in f.of("平方米"):
        # the words of this figure's own phrase: not past a comma or another figure ("总共8000平，做了2750平的成套房":
        # 总共 is the 8000's)
        before = re.split(r"[，,。；;？?！!\s]|\d", f.text[max(0, q.start - _ROLE_REACH):q.start])[-1]
        after = f.text[q.end:q.end + 6]
        if re.search(r"成套\w{0,6}(?:共|总共|一共|合计)\s*$", before):
            role = "suites"          # "成套住宅共2750平"
        elif any(c in before for c in _DORM_TOTAL) and not any(c in before for c in _ONE_SUITE):
            role = "whole"           # "宿舍楼一共8000平 套房最多能建多少平": the suites come after, in another phrase
        elif re.match(r"(?:的)?(?:成套|套房|全套)", after):
            role = "suites"          # "2750平的成套房"
        elif any(c in before for c in _ONE_SUITE):
            role = "suite"
        elif any(c in before for c in _ONE_ROOM):
            role = "room"
        elif any(c in before for c in _DORM_TOTAL):
            role = "whole"
        else:
            return None
        if role in roles:
            return None
        roles[role] = q.value
    return roles or None

# words saying the areas in a question are parts of what was bought, to be added up
# (not 一共/加起来: "一共要交多少", "两样加起来" add up the fees, not the areas — conversations_dev3)
_SEVERAL_UNITS = ("两层", "两间", "两套", "两处", "两栋", "三层", "三间", "合买", "two floors", "two units", "both units")

def _land_indicator_inputs(f: Facts) -> dict:
    """The site, floor area and footprint a plot-ratio or density question gives, each in its role."""
    a, m = f.areas, f.mus
    roles = _area_roles(f)
    if m and set(roles) == {"footprint"}:
        # "用地60亩，楼的占地加起来19800平": the site in 亩, the footprint in m²
        return {"land_area_mu": _n(m[0]), "building_footprint_m2": _n(roles["footprint"])}
    if not m and "footprint" in roles and "land" in roles:
        # the site and the buildings' footprint, no floor area: the density alone is checked
        inputs = {"land_area_m2": _n(roles["land"]), "building_footprint_m2": _n(roles["footprint"])}
        if "floor" in roles:
            inputs["total_floor_area_m2"] = _n(roles["floor"])
        return inputs
    inputs = _land(f, {"total_floor_area_m2": _n(max(a))})
    rest = sorted(x for x in a if x != max(a))
    if f.has("建筑密度", "density", "基底", "占地") and rest and (m or len(rest) >= 2):
        inputs["building_footprint_m2"] = _n(rest[-1] if m else rest[0 if len(rest) == 1 else -1])
    return inputs


Builder = Callable[[Facts, str | None], dict | None]


def _build(name: str, f: Facts, city: str | None) -> dict | None:
    a, m = f.areas, f.mus
    if name == "fees":
        total = [q.value for q in f.of("平方米") if re.search(r"(?:共|总共|一共|合计|总计|总面积)\s*$",
                                                               f.text[max(0, q.start - 4):q.start])]
        if len(a) >= 2 and total:
            return {"area_m2": _n(total[0])}   # "两层厂房共2000平，其中一层980平": the total said
        if len(a) >= 2 and f.has(*_SEVERAL_UNITS):
            return {"area_m2": _n(sum(a))}   # "合买了两层，一层980平一层1020平": the fee on all of it
        return {"area_m2": _n(a[0])}
    if name == "property_rooms":
        return {"total_floor_area_m2": _n(max(a))}
    if name == "construction_deadlines":
        inputs = {"contract_date": _iso(f.dates[0])}
        later = list(f.dates[1:])
        if later and f.has("开工", "动工", "开建", "started", "broke ground"):
            inputs["start_date"] = _iso(later.pop(0))
        if later and f.has("竣工", "完工", "验收", "completed", "finished"):
            inputs["completion_date"] = _iso(later.pop(0))
        return inputs
    if name == "construction_period":
        return _with_dates({}, f, ("start_date", "completion_date"))
    if name == "publicity":
        inputs = {"start_date": _iso(f.dates[0])}
        if f.has(*_FIRST_DAY_COUNTS):
            inputs["first_day_counts"] = True   # the user counts the day it was posted (the civil code would not)
        return inputs
    if name == "mu_average_deadline":
        return {"production_start_date": _iso(f.dates[0])}
    if name == "redevelopment_date":
        return {"production_start_date": _iso(f.dates[0])}
    if name == "tax_commitment_start":
        return {"acceptance_date": _iso(f.dates[0])}
    if name == "land_use_tax_relief":
        return _with_dates({}, f, ("operation_start_date", "on_date"))
    if name == "approval_deadlines":
        key = "acceptance_start_date" if f.has("验收", "acceptance") and not f.has("开工审批") else "approval_start_date"
        return {key: _iso(f.dates[0])}
    if name == "transfer_ban":
        inputs = {"acquired_date": _iso(f.dates[0])}
        if len(f.dates) >= 2:
            inputs["planned_transfer_date"] = _iso(f.dates[1])
            if reason := _reason(f):
                inputs["reason"] = reason
        return inputs
    if name == "construction_time_left":
        return {"elapsed_months": _n(f.months[0])}
    if name == "transfer_ban_held":
        held = _HELD.search(f.text)
        if held is None:
            return None   # "5年内能卖吗" restates the rule's own period: no years of the user's
        from assistant.quantities import parse_number
        said = next(g for g in held.groups() if g)
        inputs = {"held_years": _n(Fraction(1, 2) if said == "半" else parse_number(said))}
        if reason := _reason(f):
            inputs["reason"] = reason
        return inputs
    if name == "quality_enterprise":
        return _tax_inputs(f)
    if name == "dormitory":
        high = True if f.has("高层", "high-rise", "电梯") and not f.has("非高层", "不是高层", "not high-rise") else None
        roles = _dorm_roles(f)
        if roles is not None:
            inputs: dict = {"high_rise": high}
            if "whole" in roles:
                inputs["dorm_total_floor_m2"] = _n(roles["whole"])
            if "suites" in roles:
                inputs["suites_total_m2"] = _n(roles["suites"])
            if "suite" in roles:
                # "每套70平方米，共50套": the suites' total from their number
                count = re.search(r"(?:共|一共|总共|建了?|做了?)\s*(\d+)\s*套", f.text)
                inputs["suite_areas_m2"] = [_n(roles["suite"])] * (int(count.group(1)) if count else 1)
            if "room" in roles:
                inputs["room_areas_m2"] = [_n(roles["room"])]
            return inputs
        if f.has("一套", "单套", "夫妻房", "全家房", "a suite", "one suite", "an apartment") and len(a) == 1:
            return {"suite_areas_m2": [_n(a[0])], "high_rise": high}
        if f.has("总建筑面积", "总面积", "项目", "total", "一共", "总共", "宿舍楼") and len(a) == 1:
            return {"dorm_total_floor_m2": _n(a[0]), "high_rise": high}
        if f.has("总", "total", "一共", "全部", "整栋") and len(a) >= 2:
            return {"dorm_total_floor_m2": _n(max(a)), "suites_total_m2": _n(min(a))}
        if f.has("套", "suite", "apartment", "flat"):
            return {"suite_areas_m2": [_n(a[0])], "high_rise": high}
        return {"room_areas_m2": [_n(a[0])]}
    if name == "dorm_suite_cap":
        if f.has("占", "比例", "层楼", "几层", "多少层", "share", "percent", "storey", "floors"):
            return None   # a share of the dormitory or a number of floors is not one suite's size
        # "非高层的宿舍一套最大多少平": 非高层 contains 高层
        return {"high_rise": not f.has("非高层", "不是高层", "多层", "低层", "not high-rise", "low-rise")}
    if name == "nonproduction_land_share":
        inputs = _land(f, {}) if m else ({"land_area_m2": _n(max(a))} if a else {})
        parts = [x for x in a if "land_area_m2" not in inputs or x != inputs["land_area_m2"]]
        if parts:
            inputs["nonproduction_land_m2"] = _n(min(parts))
        return inputs or None
    if name == "nonproduction_share":
        if city not in calculator_cities(name):
            return None
        inputs = {"jurisdiction": city, "total_floor_area_m2": _n(max(a[:2]))}
        if len(a) >= 2:
            inputs["nonproduction_floor_area_m2"] = _n(min(a[:2]))
        return inputs
    if name == "self_held_named":
        roles = _area_roles(f, _SELF_HELD_ROLES)
        if len(a) == 1 and not roles and f.has(*_SELF_HELD_ROLES["nonproduction"]):
            # "our park has 20,000 m2 of non-production buildings": the one area, named after it, is theirs
            roles = {"nonproduction": a[0]}
        if "nonproduction" not in roles:
            return None
        inputs = {"nonproduction_floor_area_m2": _n(roles["nonproduction"])}
        if "self_held" in roles:
            inputs["self_held_nonproduction_m2"] = _n(roles["self_held"])
        return inputs
    if name == "self_held_share":
        inputs = {"nonproduction_floor_area_m2": _n(max(a))}
        if len(a) >= 2:
            inputs["self_held_nonproduction_m2"] = _n(min(a[:2]))
        return inputs
    if name == "leading_floor_needed":
        return {"production_floor_area_m2": _n(max(a))}
    if name == "leading_floor_share":
        return {"production_floor_area_m2": _n(max(a[:2])), "leading_industry_production_floor_m2": _n(min(a[:2]))}
    if name == "land_minimums":
        if city not in calculator_cities("land_indicators"):
            return None
        # an area that is not the site itself ("约74,666.7平方米" beside 112亩 is) is a floor area: the other route
        if m and any(abs(x - m[0] * MU_IN_M2) > MU_IN_M2 for x in a) or (not m and len(a) != 1):
            return None
        if m:
            return {"jurisdiction": city, "land_area_mu": _n(m[0])}
        return {"jurisdiction": city, "land_area_m2": _n(a[0])}
    if name == "land_indicators":
        inputs = _land_indicator_inputs(f)
        if city in calculator_cities("land_indicators"):
            inputs["jurisdiction"] = city
        return inputs
    if name == "site_area":
        if f.has(*_PER_FIRM) and _LAND_ASKED.search(f.text) and not f.has(*_SITE_ENOUGH):
            return None
        return {"land_area_mu": _n(m[0]), "development_mode": development_mode(f)}
    if name == "redevelopment":
        return {"land_area_mu": _n(m[0]), "land_in_production_years": _n(f.years[0])}
    if name == "corner_land":
        if f.has(*_SITE_ENOUGH) and not f.has(*_CORNER_ASKED):
            return None   # "45亩，其中有2亩边角地，占地面积够不够": the park's site is checked (review 29)
        if len(m) == 1 and f.has(*_ONE_PLOT) and not f.has(*_MERGED):
            return {"parcels_mu": [_n(m[0])]}   # "a single plot of 2.5 mu": that plot, no project total
        total = max(m)
        parcels = [_n(x) for x in m if x != total]
        return {"merged_total_mu": _n(total), **({"parcels_mu": parcels} if parcels else {})}
    if name == "tax_shortfall_penalty":
        return _tax_shortfall(f)
    if name == "performance_bond":
        if f.has(*_STARTING):
            # "起拍价5000万，最后按封顶价拍下来了，保证金最少交多少": the starting price said is capped first (review 34)
            return _build("auction_cap", f, city)
        return {"land_price": _n(max(f.money_wan)), "unit": "万元"}
    if name == "fiscal_reward":
        # "第1年新增80万，第5年新增60万，第7年新增50万": each year's own increment
        pairs = re.findall(r"第\s*(\d+)\s*年[^\d第]{0,10}?([\d.]+)\s*万", f.text)
        if len(pairs) == len(f.money_wan) and len({y for y, _ in pairs}) == len(pairs) >= 2:
            return {"increments": [_n(Fraction(x)) for _, x in pairs], "years": [int(y) for y, _ in pairs],
                    "unit": "万元"}
        first = re.search(r"[前头]\s*(\d+|[一二两三四五六七八九十])\s*个?年|\bfirst (\d+) years\b", f.text)
        if first and not re.search(r"第\s*\d+\s*年", f.text):
            # "前3年加起来能拿多少": those years only, not the schedule's eight
            from assistant.quantities import parse_number
            return {"increments": [_n(max(f.money_wan))] * int(parse_number(first.group(1) or first.group(2))),
                    "unit": "万元"}
        years = [int(y) for y in re.findall(r"第\s*(\d+)\s*年", f.text)] + [int(x) for x in f.years]
        return {"increments": [_n(max(f.money_wan))] * max([8, *years]), "unit": "万元"}
    if name == "presale_tax_margin":
        return {"presale_revenue": _n(max(f.money_wan)), "unit": "万元"}
    if name == "presale_threshold":
        money = sorted(f.money_wan, reverse=True)
        inputs = {"total_investment": _n(money[0]), "unit": "万元"}
        if len(money) >= 2:
            inputs["completed_investment"] = _n(money[1])
        return inputs
    if name == "auction_cap":
        money = f.money_wan
        if len(money) == 1 and f.has(*_WON_AT) and not f.has(*_STARTING):
            # "就按6000万拍下来，履约保证金最少得交多少": the price the land went for, not a starting price to cap
            return {"land_price": _n(money[0]), "unit": "万元"}
        inputs = {"starting_price": _n(min(money)), "unit": "万元"}
        if len(money) >= 2:
            inputs["land_price"] = _n(max(money))
        return inputs
    if name == "fees_area":
        paid = [q.value for q in f.quantities if q.unit == "元"]
        if not paid:
            return None
        key = "deposit_paid_yuan" if f.has("保修金", "质保金", "warranty") and not f.has("维修") else "fund_paid_yuan"
        return {key: _n(paid[0])}
    if name == "leading_share_needed":
        if city not in ("临海市", "慈溪市"):
            city = "临海市" if city is None else None
        return {"jurisdiction": city, "enterprise_count": max(f.counts)} if city else None
    if name == "enterprise_count":
        # only 临海 sets a number of enterprises per park: another city's park is not judged by it; "少于15家行不行"
        # restates a bound to ask about the rule, it gives no park's count
        if city not in (None, "临海市") or re.search(r"(少于|低于|不到|不足|小于|fewer than|less than|under)\s*\d", f.text):
            return None
        return {"enterprise_count": max(f.counts)}
    if name == "leading_share":
        counts = sorted(f.counts)
        if city not in ("临海市", "慈溪市"):
            city = "临海市" if city is None else None
        if city is None:
            return None
        leading = counts[0]
        if len(counts) == 3 and counts[0] + counts[1] <= counts[2] and f.has(*_CHAIN_FIRMS):
            # "20家，同一行的12家，还有3家是配套的上下游": 临海 counts the same trade and its chain together; chain firms
            # said not to be such, counted among the others (其中), or in 慈溪 (the leading trade's only): the
            # same-trade firms named, not the chain's few
            leading = counts[0] + counts[1] if city == "临海市" and not f.has(*_NOT_CHAIN) else counts[1]
        return {"jurisdiction": city, "enterprise_count": counts[-1], "leading_count": leading}
    if name == "unit_split":
        return {"building_area_m2": _n(max(a))}
    if name == "unit_area":
        if f.has(*_DEALING) and not f.has(*_BUYING):
            return None   # "厂房3000平，买了4年了，想卖掉，可以吗": the area is what is sold, not a purchase to check
        if f.has(*_BUYER_KIND):
            return None   # "1000平方米的厂房外地企业能买吗" asks who may buy, not whether the size is allowed
        return {"unit_areas_m2": [_n(x) for x in a]}
    if name == "unit_convert":
        if m and f.has("平方米", "平米", "㎡", "m2", "square", "平方"):
            return {"value": _n(m[0]), "from_unit": "亩", "to_unit": "平方米"}
        if a and f.has("多少亩", "几亩", " mu", "亩"):
            return {"value": _n(a[0]), "from_unit": "平方米", "to_unit": "亩"}
        return None
    return None


def calculator_cities(name: str) -> set[str]:
    """The jurisdictions whose rules a calculator applies (from its parameters)."""
    from assistant.rules.calculators import REGISTRY
    from assistant.rules.params import get_param

    calc = REGISTRY.get(name)
    return {get_param(pid).jurisdiction for pid in calc.params} if calc and calc.params else set()


_EQUALS = re.compile(r"\s*(?:≈|=|约|约为|约等于|等于|合|折合|is|equals|about|~|approx\.?|approximately)+\s*", re.I)


def _without_conversion(quantities: list[Quantity], text: str) -> tuple[Quantity, ...]:
    """Drop a unit conversion the user states ("1 mu ≈ 666.67 m²", "1亩约等于666.67平方米"): it is no figure of theirs.

    >>> [q.text for q in read("80亩的地，1亩≈666.67平方米，容积率下限至少盖多少").quantities]
    ['80亩']
    """
    drop: set[int] = set()
    for i, (a, b) in enumerate(zip(quantities, quantities[1:])):
        pair = {a.unit, b.unit}
        if pair == {"亩", "平方米"} and _EQUALS.fullmatch(text[a.end:b.start]) \
                and min(a.value, b.value) == 1 and abs(max(a.value, b.value) - MU_IN_M2) < 1:
            drop |= {i, i + 1}
    return tuple(q for i, q in enumerate(quantities) if i not in drop)


def read(question: str) -> Facts:
    text = unicodedata.normalize("NFKC", question).lower()
    dates = find_dates(question)
    months = [] if dates else find_months(question)
    return Facts(text, _without_conversion(find_quantities(question), question), tuple(dates or months),
                 month_only=bool(months))


def route_calculation(question: str, city: str | None = None) -> tuple[str, dict] | None:
    """``(calculator name, inputs)`` when the question carries what a calculator needs, for ``city`` (named in the
    question or carried from the conversation); None otherwise."""
    from assistant.query import places_in

    f = read(question)
    named = [c for c in places_in(question)[0] if c != "浙江省"]
    city = named[0] if len(named) == 1 else (city if not named or city in named else None)
    for route in routes():
        if not all(f.has(*group) for group in route.words) or not _needs_met(route, f):
            continue
        cities = calculator_cities(route.target)
        if city is not None and cities and city not in cities:
            continue  # another city's rule: the answer says so instead of computing it
        inputs = _build(route.name, f, city)
        if inputs is not None:
            return route.target, {k: v for k, v in inputs.items() if v is not None}
    return None


def areas_m2(q: str) -> list[int | float]:
    """Floor areas in m² in a question (亩 not included)."""
    return [_n(x) for x in read(q).areas]


ELIGIBILITY = re.compile(
    r"(能不能|可不可以|可以|能否|能|是否|够不够|符不符合|符合|有没有资格|有资格|够格).{0,12}"
    r"(入园|入驻|进园|进驻|进入园区|(?<![算加放计统并合])进去|搬进|进临海|进温州|进慈溪|进小微园|进园区)"
    r"|入园(条件|资格|门槛)|(我|我们|我家|我司).{0,10}(符合|够).{0,6}条件"
    r"|\b(qualify|eligible|eligibility)\b|can (my|our) (company|firm|enterprise|business) (enter|move into|join)",
    re.I)
_KIND_OF_FIRM = re.compile(r"符合(?:条件|要求|标准|规定)的(?:入园|入驻|进园)?企业")
COMPARE = re.compile(r"(比较|对比|区别|不同|差异|异同|一样吗|一致|分别|各自|相比|compare|comparison|differ|difference|versus|\bvs\b)",
                     re.I)
FOLLOW_UP_ZH = re.compile(r"^\s*(?:那|那么|还有|再问一下)?\s*(.{1,16}?)\s*(?:呢|怎么样|怎么规定|如何)\s*[？?]?\s*$")
FOLLOW_UP_EN = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(.{1,60}?)\s*\??\s*$|^\s*and\s+(.{1,60}?)\s*\?\s*$", re.I)


# "Our leftover strip is a single plot of 2.5 mu. Does it qualify?": a thing other than a firm qualifies for a rule,
# not for entry
_THING_QUALIFIES = re.compile(r"\b(?:plots?|strips?|parcels?|land|mu|site|building|suites?|dorm\w*|rooms?|units?|"
                              r"flats?|apartments?)\b", re.I)


def is_eligibility(question: str) -> bool:
    """
    >>> is_eligibility("Can my company enter a Linhai park?"), is_eligibility("A single plot of 2.5 mu. Does it qualify?")
    (True, False)
    >>> is_eligibility("向符合条件的入园企业发放的服务券面额多少"), is_eligibility("我们符合条件能入园吗")   # a kind of firm named
    (False, True)
    """
    m = ELIGIBILITY.search(question)
    if m is None or (_KIND_OF_FIRM.search(question) and not re.search(r"我|咱|our\b|\bmy\b", question, re.I)):
        return False   # "向符合条件的入园企业发放的服务券面额多少": a kind of firm named, no firm of the user's
    # (entry itself named — "eligible to move into a Linhai park", "qualify to enter" — is the entry check)
    if m.group(0).lower() in ("qualify", "eligible", "eligibility") and _THING_QUALIFIES.search(question) \
            and not re.search(r"\b(?:enter|entry|move in|move into|join|get into|admitted|admission)\b", question, re.I):
        return False
    return True


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
