"""入园资格自测: asks only for the facts the rules still need, shows the checklist, offers the application.

The questions come from ``enterprise_questions`` (in the order of the
criteria); every answer goes into the facts and the check runs again, so a
question disappears once the criterion it serves is decided. "不清楚" leaves a
fact unknown: the rules report it as 待补充, never as passed. Switching the
city keeps the answers the new city's rules still read (and says which it
drops); the application is prefilled with every fact the form has a box for.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.errors import AssistantError
from assistant.forms import EnterpriseProfile as FormProfile
from assistant.forms import ProfileError, write_entry_application
from assistant.forms.prefill import application_data
from assistant.rules import EntryFacts as Facts
from assistant.rules import check_enterprise, enterprise_questions
from assistant.rules.criteria import jurisdictions_with
from assistant.rules.eligibility import ENTERPRISE_FIELDS, answers_for_city
from ui import components as ui
from ui import fields, resources

FACTS = "elig.facts"
ROUND = "elig.round"
SWITCHED = "elig.switched"   # (city, kept, dropped) after the city changed
PREFILL = "application.prefill"  # read by the application page


def facts_for(city: str, answers: dict) -> dict:
    """The facts passed to the rules: the city, today's date as the day of the check, and the answers."""
    return {"jurisdiction": city, "as_of": dt.date.today().isoformat(), **answers}


def run_check(facts: dict):
    """(report, questions still to ask) for the facts; raises RuleError naming a bad field."""
    return check_enterprise(facts), enterprise_questions(facts)


def prefill_from_facts(facts: dict, name: str | None, park_name: str | None = None) -> dict:
    """The application form's fields (Chinese keys) that the self-check already knows (the library decides)."""
    return application_data(facts, name, park_name)


def application_files(name: str, facts: dict, report, park_name: str | None = None) -> dict[str, bytes]:
    """The prefilled entry application (DOCX and PDF) with the checklist appended."""
    profile = FormProfile.parse(prefill_from_facts(facts, name, park_name))
    city = facts.get("jurisdiction")
    return {fmt: resources.render_bytes(
        lambda out, fmt=fmt: write_entry_application(profile, out, fmt, report, city=city), f"入园申请表.{fmt}")
        for fmt in ("docx", "pdf")}


def _reset() -> None:
    st.session_state[FACTS] = {}
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state.pop("elig.files", None)
    st.session_state.pop(SWITCHED, None)


def _city_changed() -> None:
    """Keep the answers the new city's rules still read; remember what was dropped, to say so."""
    city = st.session_state["elig.city"]
    kept, dropped = answers_for_city(city, st.session_state.get(FACTS, {}))
    st.session_state[FACTS] = kept
    st.session_state[SWITCHED] = (city, len(kept), dropped)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state.pop("elig.files", None)


def _shown(value) -> str:
    from assistant import formatting

    if isinstance(value, bool):
        return formatting.yes_no(value)
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value))
    return str(value)


def _forget(field: str) -> None:
    st.session_state[FACTS].pop(field, None)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state.pop("elig.files", None)


def _questions_form(city: str, questions: list[dict], report) -> None:
    answers_known = st.session_state[FACTS]
    st.subheader(f"还需要了解 {len(questions)} 项情况")
    st.caption("只问尚未确定的条件需要的信息；不清楚的可以不填，对应条件会显示为“待补充”。")
    round_ = st.session_state.get(ROUND, 0)
    criteria = {i.rule_id: i.criterion for i in report.items}
    with st.form(f"elig.form.{round_}"):
        given = {}
        cols = st.columns(2)
        for n, q in enumerate(questions):
            field = q["field"]
            info = Facts.model_fields[field]
            kind = fields.describe(info.annotation)
            used_for = "；".join(criteria.get(r, r) for r in q["rule_ids"])
            with cols[n % 2]:
                raw = fields.widget(field, kind, fields.label_with_unit(field, q["question_zh"]),
                                    key=f"elig.{round_}.{field}", default=answers_known.get(field),
                                    help=f"用于判断：{used_for}")
            value = fields.to_input(kind, raw)
            if value is not None:
                given[field] = value
        submitted = st.form_submit_button("提交，更新自测结果", type="primary")
    if submitted and given:
        trial = {**answers_known, **given}
        try:
            run_check(facts_for(city, trial))
        except AssistantError as exc:
            ui.error(exc, "填写有误：")
            return
        st.session_state[FACTS] = trial
        st.session_state[ROUND] = round_ + 1
        st.session_state.pop("elig.files", None)
        st.rerun()


def render() -> None:
    st.title("入园资格自测")
    st.caption("按拟入驻园区所在城市的文件逐条核对入园条件；每条结论都注明依据条款。结果仅供自查参考。")
    st.session_state.setdefault(FACTS, {})
    col1, col2 = st.columns([1, 2])
    city = col1.radio("拟入驻园区所在城市", jurisdictions_with("enterprise"), key="elig.city", horizontal=True,
                      on_change=_city_changed)
    c1, c2 = col2.columns(2)
    name = c1.text_input("企业名称（生成申请表时需要）", key="elig.name")
    park_name = c2.text_input("拟入驻园区（可不填）", key="elig.park", placeholder="如 临海市东部小微企业产业园")
    switched = st.session_state.get(SWITCHED)
    if switched and switched[0] == city:
        _, kept, dropped = switched
        note = f"已切换到{city}：保留了 {kept} 项仍适用的回答。" if kept else f"已切换到{city}。"
        if dropped:
            note += "以下回答" + city + "的入园条件用不到，已移除：" + "；".join(
                f"{ENTERPRISE_FIELDS.get(f, (f,))[0]}（{_shown(v)}）" for f, v in dropped.items())
        st.info(ui.md_escape(note), icon=":material/swap_horiz:")
    answers = st.session_state[FACTS]
    try:
        report, questions = run_check(facts_for(city, answers))
    except AssistantError as exc:
        ui.error(exc)
        st.button("重新开始", on_click=_reset)
        return

    if answers:
        with st.expander(f"已填写的情况（{len(answers)} 项，可删除后重答）"):
            for field, value in answers.items():
                c1, c2 = st.columns([5, 1])
                c1.markdown(ui.md_escape(f"{ENTERPRISE_FIELDS.get(field, (field,))[0]}：{_shown(value)}"))
                c2.button("删除", key=f"elig.forget.{field}", on_click=_forget, args=(field,))
            st.button("全部清除，重新开始", on_click=_reset, icon=":material/restart_alt:")

    if questions:
        _questions_form(city, questions, report)
    else:
        st.success("所有条件需要的信息都已填写。")

    st.subheader("自查清单")
    ui.checklist(report, resources.corpus(), key="elig")

    st.subheader("生成入园申请表")
    st.caption("用已填写的信息预填申请表，并附上这份自查清单。更多栏目可到“申请表下载”页补充。")
    c1, c2 = st.columns(2)
    if c1.button("生成申请表（DOCX / PDF）", type="primary", icon=":material/description:"):
        with st.spinner("正在生成申请表（DOCX、PDF）…"):
            try:
                st.session_state["elig.files"] = application_files(name, {**facts_for(city, answers)}, report,
                                                                   park_name)
            except ProfileError as exc:
                ui.error(exc, "无法生成：")
            except AssistantError as exc:
                ui.error(exc)
    if c2.button("到“申请表下载”页补充信息", icon=":material/edit_document:"):
        st.session_state[PREFILL] = prefill_from_facts(facts_for(city, answers), name, park_name)
        st.switch_page("ui/pages/application.py")
    files = st.session_state.get("elig.files")
    if files:
        d1, d2 = st.columns(2)
        d1.download_button("下载 DOCX", files["docx"], file_name="入园申请表.docx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           icon=":material/download:", key="elig.dl.docx")
        d2.download_button("下载 PDF", files["pdf"], file_name="入园申请表.pdf", mime="application/pdf",
                           on_click="ignore", icon=":material/download:", key="elig.dl.pdf")
