"""入园申请表: a prefilled entry application as DOCX or PDF.

Sections: the applicant, the space asked for, 产值/税收/能耗 (临海 （十）),
the 温州 “五度” items (9.), the industry-chain position, the commitments of the
park's city (clause words quoted verbatim, clause named), signature and seal,
and an appended checklist from an eligibility :class:`CheckReport` if one is
given.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.errors import FormError
from assistant.messages import fill
from assistant.forms.document import (Form, Heading, PageBreak, Paragraph, SignatureBlock,
                                      Table, fields)
from assistant.forms.labels import field_labels
from assistant.forms.output import write_atomic
from assistant.forms.profile import EnterpriseProfile, fmt_number
from assistant.forms.render_docx import render_docx
from assistant.forms.render_pdf import render_pdf
from assistant.forms.sources import cite
from assistant.models import Citation, Status
from assistant.verdicts import CheckReport
from assistant.yamlio import load_yaml

LAYOUT_FILE = Path(__file__).resolve().parents[2] / "forms" / "entry_application.yaml"
FORMATS = ("docx", "pdf")
BLANK_DATE = "＿＿＿＿年＿＿月＿＿日"


class _Quoted(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    doc_id: str
    clause: str
    quote: str


class _Commitment(_Quoted):
    lead: str


class _CityRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    indicators: dict[str, _Quoted] = {}
    commitments: tuple[_Commitment, ...] = ()
    space_notes: tuple[_Quoted, ...] = ()


class _Layout(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    general_commitment: str
    cities: dict[str, _CityRules]


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    return _Layout.model_validate(load_yaml(LAYOUT_FILE.read_text(encoding="utf-8")))


def city_rules(city: str | None) -> tuple[str | None, _CityRules | None]:
    """(configured city name, its rules) for a park's city, or (None, None)."""
    from assistant.jurisdictions import registry

    if not city or not city.strip():
        return None, None
    reg = registry()
    place = reg.resolve(city)
    cities = _layout().cities
    for j in reg.ancestors(place.name) if place else ():
        if j.name in cities:
            return j.name, cities[j.name]
    return None, None


def _v(value) -> str:
    """A value as printed on the form; unknown → "" (a blank to fill in)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return fmt_number(value)
    return str(value)


def _pct(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio * 100:.1f}%"


def _source(c: Citation) -> str:
    # a draft's title already says 征求意见稿; say plainly that it is not in force
    draft = "（尚未生效）" if c.status is Status.draft else ""
    return f"《{c.title}》{draft}{c.clause}"


def _quoted(c: Citation) -> str:
    return f"{_source(c)}：“{c.quote}”"


def build_entry_form(profile: EnterpriseProfile, report: CheckReport | None = None, *,
                     city: str | None = None, date: dt.date | None = None) -> Form:
    """The application as a layout model; ``city`` overrides ``profile.park_city``."""
    p, L, lab = profile, _layout(), EnterpriseProfile.label
    city = city or p.park_city
    city_key, rules = city_rules(city)
    edu = p.education
    # only the chosen city's clauses: a 临海 application does not cite 温州's 五度
    src = {k: cite(q.doc_id, q.clause, q.quote) for k, q in (rules.indicators if rules else {}).items()}

    blocks: list = [
        Heading("一、申请企业基本情况"),
        fields((lab("name"), _v(p.name)),
               ((lab("credit_code"), _v(p.credit_code)), (lab("legal_representative"), _v(p.legal_representative))),
               ((lab("contact_person"), _v(p.contact_person)), (lab("contact_phone"), _v(p.contact_phone))),
               (lab("registered_address"), _v(p.registered_address)),
               (lab("independent_industrial"), _v(p.independent_industrial))),
        Heading("二、申请入驻空间"),
        fields(((lab("park_name"), _v(p.park_name)), (lab("park_city"), _v(city))),
               ((lab("acquisition"), _v(p.acquisition)), (lab("requested_area_m2"), _v(p.requested_area_m2)))),
    ]
    for note in (rules.space_notes if rules else ()):
        blocks.append(Paragraph("参考：" + _quoted(cite(note.doc_id, note.clause, note.quote)), small=True))

    blocks += [
        Heading("三、产值、税收、能耗及亩均指标"),
        *_basis(src.get("output_tax_energy")),
        fields(((lab("output_value"), _v(p.output_value)), (lab("tax_paid"), _v(p.tax_paid))),
               ((lab("energy_use"), _v(p.energy_use)), (lab("land_area_mu"), _v(p.land_area_mu))),
               ((lab("tax_per_mu"), _v(p.tax_per_mu)), (lab("value_added_per_mu"), _v(p.value_added_per_mu))),
               ("单位产值能耗（吨标准煤/万元，按所填数据计算）", _v(_round(p.energy_per_output())))),
        Heading("四、“五度”情况"),
        *_basis(src.get("five_degrees")),
        Table(header=("五度", "指标", "填报内容"), widths=(18, 45, 37), rows=(
            ("科技高度", lab("rd_spending"), _v(p.rd_spending)),
            ("科技高度", "研发投入占上年度产值比例（按所填数据计算）", _pct(p.rd_ratio())),
            ("投资强度", lab("investment_intensity"), _v(p.investment_intensity)),
            ("投资强度", lab("planned_investment"), _v(p.planned_investment)),
            ("税收贡献度", lab("tax_paid"), _v(p.tax_paid)),
            ("税收贡献度", lab("tax_per_mu"), _v(p.tax_per_mu)),
            ("两化融合度", lab("informatization"), _v(p.informatization)),
            ("员工文化程度", lab("employees"), _v(p.employees)),
            ("员工文化程度", "学历结构·硕士及以上（人）", _v(edu and edu.postgraduate)),
            ("员工文化程度", "学历结构·本科（人）", _v(edu and edu.bachelor)),
            ("员工文化程度", "学历结构·大专（人）", _v(edu and edu.college)),
            ("员工文化程度", "学历结构·高中及以下（人）", _v(edu and edu.secondary_or_below)),
            ("员工文化程度", "大专及以上学历占比（按所填数据计算）", _pct(p.college_share())),
        )),
        Heading("五、所属行业与产业链位置"),
        fields(((lab("industry_name"), _v(p.industry_name)), (lab("industry_code"), _v(p.industry_code))),
               (lab("chain_position"), _v(p.chain_position)),
               (lab("chain_note"), _v(p.chain_note))),
        PageBreak(),  # commitments and signatures share a page, never split from each other
        Heading("六、承诺"),
        *_commitments(city, city_key, rules),
        SignatureBlock(signers=("法定代表人（签字）", "经办人（签字）"), stamp="申请企业（盖章）",
                       date=f"{date.year}年{date.month}月{date.day}日" if date else BLANK_DATE),
        PageBreak(),
        *checklist_blocks(report),
    ]
    subtitle = f"拟入驻园区：{p.park_name or '＿＿＿＿＿＿＿＿'}　　园区所在地：{city or '＿＿＿＿'}"
    return Form(title=L.title, subtitle=subtitle, blocks=tuple(blocks))


def _basis(c: Citation | None) -> list:
    return [Paragraph(f"依据：{_quoted(c)}", small=True)] if c is not None else []


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _commitments(city: str | None, city_key: str | None, rules) -> list:
    out = [Paragraph(_layout().general_commitment)]
    if not city:
        out.append(Paragraph("未填写园区所在城市，未列出地方入园条款；具体承诺以园区入园合同为准。"))
        return out
    if rules is None or not rules.commitments:
        out.append(Paragraph(f"本助手收录的文件中没有{city}的入园承诺条款；具体承诺以园区入园合同为准。"))
        return out
    cites = [cite(c.doc_id, c.clause, c.quote) for c in rules.commitments]
    out.append(Paragraph(f"本企业已知悉{city_key}关于入园企业的下列规定，并承诺遵守："))
    for n, (c, ct) in enumerate(zip(rules.commitments, cites), 1):
        out.append(Paragraph(f"{n}. {fill(c.lead)}"))
        out.append(Paragraph(f"依据{_quoted(ct)}", small=True))
    if any(ct.status is Status.draft for ct in cites):
        out.append(Paragraph("注：所引方案为征求意见稿，尚未生效；正式文件发布后，以正式文本为准。", small=True))
    return out


def checklist_blocks(report: CheckReport | None) -> list:
    """附：入园条件自查清单, one row per criterion with verdict and cited clause."""
    out: list = [Heading("附：入园条件自查清单")]
    if report is None:
        out.append(Paragraph("未进行入园条件检查：生成本表时没有提供检查结果，本清单为空。"))
        return out
    out.append(fields(((("检查对象", report.subject)), ("适用地区", report.jurisdiction)),
                      ("总体结论", report.overall.label_zh)))
    rows = []
    for n, item in enumerate(report.items, 1):
        basis = "\n".join(_quoted(c) for c in item.citations) or "（未注明依据）"
        rows.append((str(n), item.criterion, item.verdict.label_zh, _v(item.value), item.threshold or "",
                     item.message, basis))
    out.append(Table(header=("序号", "条件", "结论", "填报/计算值", "标准", "说明", "依据（条款及原文）"),
                     widths=(6, 16, 10, 10, 10, 20, 28), rows=tuple(rows)))
    if report.missing_inputs:
        out.append(Paragraph("待补充的信息：" + field_labels(report.missing_inputs)))
    for w in report.warnings:
        out.append(Paragraph(f"提示：{w}", small=True))
    return out


def write_entry_application(profile: EnterpriseProfile, out: str | Path, fmt: str | None = None,
                            report: CheckReport | None = None, *, city: str | None = None,
                            date: dt.date | None = None) -> Path:
    """Render the application to ``out`` (format from ``fmt`` or the file suffix); atomic."""
    fmt = (fmt or Path(out).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise FormError(f"不支持的格式：{fmt or '（未指定）'}，可选 docx 或 pdf",
                        f"unsupported format {fmt!r}: use docx or pdf", field="format")
    suffix = Path(out).suffix.lower()
    if suffix and suffix != f".{fmt}":
        raise FormError(f"输出文件扩展名 {suffix} 与格式 {fmt} 不一致：{out}",
                        f"output suffix {suffix} does not match format {fmt}: {out}", field="out")
    form = build_entry_form(profile, report, city=city, date=date)
    render = render_docx if fmt == "docx" else render_pdf
    return write_atomic(out, lambda tmp: render(form, tmp))
