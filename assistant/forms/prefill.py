"""The entry application prefilled from what a person told the self-check (入园资格自测): every fact the form has a
box for is carried over, none is guessed.

>>> data = application_data({"jurisdiction": "临海市", "purchase_area_m2": 800, "industry": "汽车零部件",
...                          "park_leading_industries": ["汽车零部件", "模具"]}, "某公司", "东部产业园")
>>> data["拟入驻园区"], data["园区所在城市"], data["申请面积"], data["产业链位置"]
('东部产业园', '临海市', 800, '主导行业')
>>> data["产业链说明"]
'园区主导行业：汽车零部件、模具'
"""

from __future__ import annotations

from fractions import Fraction


def _number(x):
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else float(x)
    return x


def chain_position(facts: dict) -> str | None:
    """主导行业 when the enterprise's industry is one of the park's leading industries; 上下游配套 when the person said
    it belongs to the chain without the names matching; 其他 when they said it does not; else unknown."""
    from assistant.rules.eligibility import EntryFacts, industry_fits

    explicit = facts.get("in_leading_industry_chain")
    if explicit is False:
        return "其他"
    try:
        by_name = industry_fits(EntryFacts(jurisdiction=facts["jurisdiction"], industry=facts.get("industry"),
                                                  park_leading_industries=facts.get("park_leading_industries")))
    except Exception:  # noqa: BLE001 - a city without enterprise rules: only the explicit answer counts
        by_name = None
    if by_name:
        return "主导行业"
    return "上下游配套" if explicit is True else None


def application_data(facts: dict, name: str | None = None, park_name: str | None = None) -> dict:
    """The application form's fields (Chinese keys) that the self-check's facts state."""
    out: dict = {"企业名称": (name or "").strip(), "拟入驻园区": (park_name or "").strip(),
                 "园区所在城市": facts.get("jurisdiction")}
    if facts.get("purchase_area_m2") is not None:
        out["申请面积"] = _number(facts["purchase_area_m2"])
    if facts.get("industry"):
        out["所属行业"] = facts["industry"]
    legal, industrial = facts.get("is_independent_legal_person"), facts.get("is_industrial")
    if legal is False or industrial is False:
        out["是否具有独立法人资格的工业企业"] = "否"
    elif legal is True and industrial is True:
        out["是否具有独立法人资格的工业企业"] = "是"
    position = chain_position(facts) if facts.get("jurisdiction") else None
    if position:
        out["产业链位置"] = position
    leading = facts.get("park_leading_industries")
    if leading:
        out["产业链说明"] = "园区主导行业：" + "、".join(leading)
    if facts.get("total_tax_wan") is not None:
        out["上年度税收"] = _number(facts["total_tax_wan"])
    if facts.get("tax_per_mu_wan") is not None:
        out["亩均税收"] = _number(facts["tax_per_mu_wan"])
    return {k: v for k, v in out.items() if v not in (None, "")}
