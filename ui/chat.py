"""问答: chat with cited answers; follow-ups use the earlier answers as history."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from ui import components as ui
from ui import resources

ALL_CITIES = "全部地区"
EXAMPLES = (
    "维修基金每平米交多少？",
    "我买了850平方米厂房，维修基金和保修金要交多少？",
    "温州小微企业园的容积率有什么要求？",
    "入园企业购买的厂房可以转让吗？",
    "临海和温州的非生产性用房比例有什么不同？",
    "我的企业能进临海的小微企业园吗？",
    "杭州的小微企业园有什么补贴？",
)
FOLLOW_UP_CITIES = ("温州", "临海", "慈溪")
TURNS = "chat.turns"
PENDING = "chat.pending"


def _ask_later(question: str) -> None:
    st.session_state[PENDING] = question


def _clear() -> None:
    st.session_state[TURNS] = []


def ask(question: str, turns: list[dict], city: str | None):
    """One question to the assistant, with the earlier answers as history."""
    assistant = resources.wait_for_assistant()
    return assistant.ask(question, history=[t["answer"] for t in turns], city=city)


def render_answer(answer, corpus, *, key: str) -> None:
    """The answer text, its warnings, the source cards (or the 'possibly related' clauses when refused)."""
    if answer.resolved_question and answer.resolved_question != answer.question:
        st.caption(ui.md_escape(f"理解为：{answer.resolved_question}"))
    if answer.refused:
        st.info(ui.md_escape(answer.answer), icon=":material/help:")
    else:
        st.markdown(ui.md_escape(answer.answer))
    ui.warnings(answer.warnings)
    if answer.kind == "eligibility" and answer.follow_up:
        st.page_link("ui/pages/eligibility.py", label="到“入园资格自测”逐项回答", icon=":material/checklist:")
    if answer.citations:
        st.markdown("**依据**")
        ui.citation_cards(answer.citations, corpus, key=f"{key}-c")
    if answer.related:
        st.markdown("**可能相关（仅供参考，不能作为依据）**")
        ui.citation_cards(answer.related, corpus, key=f"{key}-r")
    meta = []
    if answer.city:
        meta.append(f"适用地区：{answer.city}")
    if meta:
        st.caption(ui.md_escape("　".join(meta)))


def render() -> None:
    st.title("政策问答")
    st.caption("回答均引用原文条款；征求意见稿、建议答复等非正式文件会特别提示。")
    st.session_state.setdefault(TURNS, [])
    turns: list[dict] = st.session_state[TURNS]

    with st.sidebar:
        city_choice = st.selectbox("地区", [ALL_CITIES, *resources.corpus().cities()], key="chat.city",
                                   help="只在该地区（及浙江省）的文件中查找")
        st.button("清空对话", on_click=_clear, icon=":material/delete:", disabled=not turns)

    city = None if city_choice == ALL_CITIES else city_choice
    question = st.chat_input("请输入问题，例如：维修基金每平米交多少？", key="chat.input")
    question = (question or st.session_state.pop(PENDING, None) or "").strip()

    if not turns and not question:
        st.markdown("**试试这些问题：**")
        with st.container(horizontal=True, gap="small"):
            for n, q in enumerate(EXAMPLES):
                st.button(q, key=f"chat.example.{n}", on_click=_ask_later, args=(q,))
    try:
        corpus = resources.corpus()
    except AssistantError as exc:
        ui.error(exc)
        return
    for n, turn in enumerate(turns):
        with st.chat_message("user"):
            st.markdown(ui.md_escape(turn["question"]))
        with st.chat_message("assistant"):
            render_answer(turn["answer"], corpus, key=f"t{n}")

    if question:
        with st.chat_message("user"):
            st.markdown(ui.md_escape(question))
        with st.chat_message("assistant"):
            try:
                with st.spinner("正在查找条款…"):
                    answer = ask(question, turns, city)
            except AssistantError as exc:
                ui.error(exc)
                return
            render_answer(answer, corpus, key=f"t{len(turns)}")
        turns.append({"question": question, "answer": answer})
    elif not resources.is_ready():
        try:
            resources.wait_for_assistant()  # the loading status; the page above is already on screen
        except AssistantError as exc:
            ui.error(exc)

    if turns and not turns[-1]["answer"].refused:
        follow_ups = [f"那{c}呢？" for c in FOLLOW_UP_CITIES if not (turns[-1]["answer"].city or "").startswith(c)]
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            st.caption("接着问：", width="content")
            for n, q in enumerate(follow_ups):
                st.button(q, key=f"chat.followup.{n}", on_click=_ask_later, args=(q,), type="tertiary")
