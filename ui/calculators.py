"""计算器: one form per registered calculator; the result with its formula and the clause it stands on."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.rules import REGISTRY, list_calculators, run
from ui import components as ui
from ui import fields, resources


def compute(name: str, inputs: dict):
    """Run a calculator (raises RuleError with a Chinese message naming the field)."""
    return run(name, inputs)


def shown(value, unit: str = "") -> str:
    """A calculator's value as a person reads it (``assistant.formatting``): 18000元, 2025年2月28日, 是, 33.33%."""
    import datetime as dt

    from assistant import formatting

    if value is None:
        return "—"
    if unit == "日期" or isinstance(value, dt.date):
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return value
        return formatting.date(value) if isinstance(value, dt.date) else str(value)
    if isinstance(value, (bool, str)):
        return formatting.value(value)
    return formatting.quantity(value, unit)


def render_result(result, corpus, *, key: str = "calc") -> None:
    st.subheader(ui.md_escape(result.title_zh))
    if result.parts:
        cols = st.columns(min(len(result.parts), 4))
        for n, part in enumerate(result.parts):
            cols[n % len(cols)].metric(part.label_zh, shown(part.value, part.unit))
    else:
        st.metric("结果", shown(result.value, result.unit))
    st.markdown("**计算方法**")
    st.markdown(ui.md_escape(result.formula_zh))
    for item in result.items:
        st.markdown(f"{ui.verdict_label(item.verdict)}：{ui.md_escape(item.message or item.criterion)}")
    ui.warnings(result.warnings)
    if result.citations:
        st.markdown("**依据**")
        ui.citation_cards(result.citations, corpus, key=key)


def render() -> None:
    st.title("计算器")
    st.caption("费用、面积、比例和期限都按文件规定的参数计算，并注明所依据的条款。")
    calcs = list_calculators()
    names = [c["name"] for c in calcs]
    titles = {c["name"]: c["title_zh"] for c in calcs}
    wanted = st.query_params.get("calc")
    name = st.selectbox("选择计算器", names, index=names.index(wanted) if wanted in names else 0,
                        format_func=lambda n: titles[n], key="calc.name")
    info = next(c for c in calcs if c["name"] == name)
    st.caption(ui.md_escape(info["description"]))
    model = REGISTRY[name].input_model
    with st.form(f"calc.form.{name}"):
        inputs = fields.model_form_fields(model, key_prefix=f"calc.{name}", defaults=info["example"])
        submitted = st.form_submit_button("计算", type="primary")
    st.caption("带 * 的为必填项；表中已填入示例数值，可直接修改。")
    if submitted:
        try:
            st.session_state["calc.result"] = (name, compute(name, inputs))
        except AssistantError as exc:
            st.session_state.pop("calc.result", None)
            ui.error(exc, "无法计算：")
    shown = st.session_state.get("calc.result")
    if shown and shown[0] == name:
        with st.container(border=True):
            render_result(shown[1], resources.corpus(), key=f"calc-{name}")
        timeline(shown[1])


# calculators whose dates start the periods of the timeline (图表 → 期限时间线): input field → timeline argument
TIMELINE_INPUTS = {"construction_deadlines": ("contract_date", "start_date")}


def timeline(result) -> None:
    """For a contract date: every period that runs from it, on a timeline."""
    import datetime as dt

    from ui import charts

    names = TIMELINE_INPUTS.get(result.calculator)
    if not names:
        return
    contract, start = (result.inputs.get(n) for n in names)
    st.markdown("**由此起算的各项期限**")
    charts.show_timeline(dt.date.fromisoformat(contract), dt.date.fromisoformat(start) if start else None,
                         key="calc.timeline")
