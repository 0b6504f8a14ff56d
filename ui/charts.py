"""图表: the Wenzhou action plan per county, the deadlines of a contract date on a timeline, and (used by the park
page) each ratio of a park plan against its allowed band. Altair charts over data the library computes: the plan
cells (``assistant.tables.grid_records``), the periods (``assistant.rules.timeline``), the bands
(``assistant.rules.present.bands``). A blank or "-" cell is no bar and is named under the chart, never drawn as 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from assistant import formatting
from assistant.errors import AssistantError
from ui import components as ui
from ui import fields, resources

VERDICT_COLOURS = formatting.VERDICT_COLOUR
CITY_COLOURS = {"临海市": "#e8710a", "温州市": "#1f5fa8", "慈溪市": "#7b3fb0"}


@dataclass(frozen=True)
class PlanView:
    """One way of looking at the plan tables: which column bases, split by year or by base."""

    key: str
    title: str
    bases: tuple[str, ...]
    by_year: bool


PLAN_VIEWS = (
    PlanView("land", "规划用地（亩）", ("用地",), False),
    PlanView("floor", "规划建筑面积（万㎡）", ("建筑面积",), False),
    PlanView("starts", "年度开工（亩）", ("开工数",), True),
    PlanView("completions", "年度竣工（万㎡）", ("竣工数",), True),
    PlanView("parks", "园区数量（按类型，个）", ("工业小微园", "电商园", "科创园"), False),
    PlanView("enterprises", "企业目标（家）", ("引导入园企业数", "小升规企业数", "专精特新培育企业数"), False),
)


# ───────────────────────── data (no Streamlit) ─────────────────────────

def plan_grid(corpus=None):
    """The first document's plan tables as one grid (the Wenzhou action plan), or None."""
    from assistant.tables import grids

    found = grids(corpus or resources.corpus())
    return found[0] if found else None


def plan_frame(grid, view: PlanView, include_total: bool = False) -> pd.DataFrame:
    """Long form for one view: county, series (the year or the park type), value (None when blank), as printed."""
    from assistant.tables import grid_records

    rows = []
    for r in grid_records(grid):
        if r["base"] not in view.bases or (r["total"] and not include_total):
            continue
        series = f"{r['year']}年" if view.by_year and r["year"] else r["base"]
        rows.append({"县（市、区）": r["row"], "系列": series, "数值": r["value"], "原表": r["shown"],
                     "单位": r["unit"], "空白": r["blank"], "列": r["column"]})
    return pd.DataFrame(rows)


def plan_table(grid, view: PlanView) -> pd.DataFrame:
    """The view's cells as printed, counties down, series across; a blank cell stays blank, "-" stays "-"."""
    frame = plan_frame(grid, view, include_total=True)
    if frame.empty:
        return frame
    printed = frame.assign(原值=[("" if v is None else v) for v in _printed(grid, frame)])
    table = printed.pivot(index="县（市、区）", columns="系列", values="原值")
    order = list(dict.fromkeys(frame["县（市、区）"]))
    return table.reindex(order).reset_index()


def _printed(grid, frame: pd.DataFrame) -> list[str | None]:
    values = {(r, c): grid.values.get((r, c)) for r, c in zip(frame["县（市、区）"], frame["列"])}
    return [(values[(r, c)] or "").strip() or None for r, c in zip(frame["县（市、区）"], frame["列"])]


def blank_note(frame: pd.DataFrame) -> str:
    """Which cells are blank or "-" (no bar drawn), in words."""
    blanks = frame[frame["空白"]]
    if blanks.empty:
        return ""
    parts = [f"{r['县（市、区）']}·{r['系列']}（{r['原表']}）" for _, r in blanks.iterrows()]
    return "未画出的单元格（原表空白或“-”，表示未设定，不是 0）：" + "、".join(parts)


def plan_chart(frame: pd.DataFrame, view: PlanView) -> alt.Chart:
    data = frame[~frame["空白"]].copy()
    order = list(dict.fromkeys(frame["县（市、区）"]))
    grouped = len(set(data["系列"])) > 1
    unit = data["单位"].iloc[0] if not data.empty else ""
    enc = {
        "x": alt.X("县（市、区）:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45, labelOverlap=False)),
        "y": alt.Y("数值:Q", title=f"{view.title}", axis=alt.Axis(format="~s")),
        "tooltip": [alt.Tooltip("县（市、区）:N"), alt.Tooltip("系列:N"), alt.Tooltip("原表:N", title=f"数值（{unit}）")],
    }
    if grouped:
        enc["color"] = alt.Color("系列:N", title=None, legend=alt.Legend(orient="top"))
        enc["xOffset"] = alt.XOffset("系列:N")
    return alt.Chart(data).mark_bar().encode(**enc).properties(height=320, title=view.title)


def timeline_frame(periods) -> pd.DataFrame:
    return pd.DataFrame([{"期限": f"{p.city}·{p.label}", "地区": p.city, "起算日": p.start.isoformat(),
                          "截止日": p.end.isoformat(), "截止": formatting.date(p.end), "规定": p.rule,
                          "软性": "是（一般）" if p.soft else "否", "条款": p.clause} for p in periods])


def timeline_chart(frame: pd.DataFrame, today: dt.date | None = None) -> alt.LayerChart:
    order = list(frame["期限"])
    colours = alt.Scale(domain=list(CITY_COLOURS), range=list(CITY_COLOURS.values()))
    bars = alt.Chart(frame).mark_bar(cornerRadius=3, height=18).encode(
        x=alt.X("起算日:T", title=None, axis=alt.Axis(format="%Y-%m")), x2="截止日:T",
        y=alt.Y("期限:N", sort=order, title=None, axis=alt.Axis(labelLimit=360)),
        color=alt.Color("地区:N", scale=colours, legend=alt.Legend(orient="top", title=None)),
        tooltip=["期限", "规定", alt.Tooltip("起算日:N"), alt.Tooltip("截止:N", title="截止日"), "条款"])
    ends = alt.Chart(frame).mark_text(align="left", dx=4, fontSize=11).encode(
        x="截止日:T", y=alt.Y("期限:N", sort=order), text="截止:N")
    layers = [bars, ends]
    if today is not None:
        rule = alt.Chart(pd.DataFrame({"今天": [today.isoformat()]})).mark_rule(strokeDash=[4, 3], color="#888").encode(
            x="今天:T", tooltip=[alt.Tooltip("今天:N")])
        layers.append(rule)
    return alt.layer(*layers).properties(height=max(140, 46 * len(frame)))


def band_frame(bands) -> pd.DataFrame:
    rows = []
    for b in bands:
        top = max(x for x in (b.value, b.low, b.high) if x is not None)
        edge = top * 1.25 if top > 0 else 1
        rows.append({"检查项目": b.criterion, "数值": b.value, "下限": b.low if b.low is not None else 0.0,
                     "上限": b.high if b.high is not None else edge, "范围": b.threshold_text, "结论": b.verdict,
                     "结论文字": formatting.verdict(b.verdict, short=True), "数值文字": b.value_text,
                     "单位": b.unit, "轴上限": edge})
    return pd.DataFrame(rows)


def band_chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """One strip per ratio: the allowed band shaded, the plan's value as a mark in its verdict's colour."""
    colours = alt.Scale(domain=list(VERDICT_COLOURS), range=list(VERDICT_COLOURS.values()))
    strips = []
    for _, row in frame.iterrows():
        data = pd.DataFrame([row])
        unit = row["单位"] if row["单位"] not in ("", None) else "（无单位）"
        x = alt.X("数值:Q", title=None, scale=alt.Scale(domain=[0, float(row["轴上限"])], nice=False))
        band = alt.Chart(data).mark_rect(color="#1a7f37", opacity=0.18, height=22).encode(
            x=alt.X("下限:Q", scale=alt.Scale(domain=[0, float(row["轴上限"])], nice=False), title=None), x2="上限:Q",
            tooltip=[alt.Tooltip("范围:N", title="允许范围")])
        mark = alt.Chart(data).mark_point(filled=True, size=180, shape="diamond").encode(
            x=x, color=alt.Color("结论:N", scale=colours, legend=None),
            tooltip=[alt.Tooltip("检查项目:N"), alt.Tooltip("数值文字:N", title="数值"), alt.Tooltip("范围:N", title="允许范围"),
                     alt.Tooltip("结论文字:N", title="结论")])
        label = alt.Chart(data).mark_text(dy=-16, fontSize=11).encode(x=x, text="数值文字:N")
        strips.append(alt.layer(band, mark, label).properties(
            height=46, width=560, title=alt.TitleParams(f"{row['检查项目']}（允许 {row['范围']}；单位 {unit}）",
                                                               anchor="start", fontSize=12)))
    return alt.vconcat(*strips).resolve_scale(x="independent")


# ───────────────────────── pieces used by several pages ─────────────────────────

def show_bands(report, *, key: str) -> None:
    """The park check's ratios against their bands (nothing when the report has none)."""
    from assistant.rules.present import bands

    found = bands(report)
    if not found:
        return
    st.markdown("**各项比例与允许范围**（绿色区间为文件允许的范围，菱形为方案数值，颜色表示结论）")
    st.altair_chart(band_chart(band_frame(found)), key=key)


def show_plan(grid, *, key: str) -> None:
    """The plan tables: a view chooser, the bar chart, the cells as printed below it, the blanks named."""
    titles = {v.key: v.title for v in PLAN_VIEWS}
    choice = st.radio("看哪一项", [v.key for v in PLAN_VIEWS], format_func=titles.get, horizontal=True,
                      key=f"{key}.view")
    view = next(v for v in PLAN_VIEWS if v.key == choice)
    total = st.checkbox(f"包含{grid.total_row}合计行" if grid.total_row else "包含合计行", key=f"{key}.total",
                        disabled=grid.total_row is None)
    frame = plan_frame(grid, view, include_total=total)
    st.altair_chart(plan_chart(frame, view), key=f"{key}.chart")
    note = blank_note(frame)
    if note:
        st.caption(ui.md_escape(note))
    st.dataframe(plan_table(grid, view), hide_index=True, width="stretch")
    st.caption(ui.md_escape(f"数据：《{grid.doc.meta.title}》{'、'.join(c.label for c in grid.clauses)}，数值按原表。"))


def show_timeline(contract: dt.date, start: dt.date | None = None, acquired: dt.date | None = None, *,
                  key: str) -> None:
    from assistant.rules.timeline import deadlines

    frame = timeline_frame(deadlines(contract, start, acquired))
    st.altair_chart(timeline_chart(frame, dt.date.today()), key=key)
    st.dataframe(frame[["期限", "起算日", "截止", "规定", "软性", "条款"]].rename(columns={"截止": "截止日"}),
                 hide_index=True, width="stretch")


# ───────────────────────── the page ─────────────────────────

def _timeline_tab() -> None:
    st.caption("输入土地出让合同签订日期，显示由此起算的开工、竣工验收、建设工期和产权转让限制期限（由计算器按规则参数计算）。"
               "未填的开工日、取得产权日按图中说明的日期起算。")
    c1, c2, c3 = st.columns(3)
    raw = {}
    with c1:
        raw["合同签订日期"] = fields.date_text("土地出让合同签订日期 *", key="charts.contract", value=dt.date.today())
    with c2:
        raw["开工日期"] = fields.date_text("开工日期（可不填）", key="charts.start")
    with c3:
        raw["取得产权日期"] = fields.date_text("取得厂房产权日期（可不填）", key="charts.acquired")
    try:
        dates = {label: fields.read_date(text, label) for label, text in raw.items()}
    except AssistantError as exc:
        ui.error(exc, "日期有误：")
        return
    if dates["合同签订日期"] is None:
        st.info("请填写土地出让合同签订日期。")
        return
    try:
        show_timeline(dates["合同签订日期"], dates["开工日期"], dates["取得产权日期"], key="charts.timeline")
    except AssistantError as exc:
        ui.error(exc, "无法计算：")


def render() -> None:
    st.title("图表")
    tab1, tab2 = st.tabs(["温州行动计划（分县）", "期限时间线"])
    with tab1:
        grid = plan_grid()
        if grid is None:
            st.info("语料中没有可作图的计划表。")
        else:
            show_plan(grid, key="charts.plan")
    with tab2:
        _timeline_tab()
