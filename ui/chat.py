"""问答: a chat that reads like an answer.

Each answer shows its direct line first (the figure or the yes/no, the city, the document's status as a small
badge), then one folded expander per source with the quote, the notes merged one per document, a copy box for the
answer with its citations, and 👍/👎 kept on this machine. Follow-ups — typed, from the suggestion buttons, or by
the city filter — all go through the same ``Assistant.ask`` with the earlier answers as history, so the same
follow-up gets the same answer whichever way it is asked.
"""

from __future__ import annotations

import streamlit as st

from assistant import feedback
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
TURNS = "chat.turns"
PENDING = "chat.pending"
CITY = "chat.city"
# the body of these kinds is part of the answer (how it was computed, the checklist), not only its sources
SHOW_BODY = ("calculation", "table", "eligibility", "comparison", "not_covered")


def _ask_later(question: str) -> None:
    st.session_state[PENDING] = question


def _clear() -> None:
    st.session_state[TURNS] = []


def _clear_city() -> None:
    st.session_state[CITY] = ALL_CITIES


def ask(question: str, turns: list[dict], city: str | None):
    """One question to the assistant, with the earlier answers as history (every surface goes through here)."""
    assistant = resources.wait_for_assistant()
    answer = assistant.ask(question, history=[t["answer"] for t in turns], city=city)
    feedback.record_answer(answer)   # a refused or low-confidence answer joins the 知识库 review queue
    return answer


def copy_text(answer) -> str:
    """The answer with its citations, as plain text to paste elsewhere."""
    lines = [answer.answer] if answer.kind in SHOW_BODY else [answer.direct]
    for i, c in enumerate(answer.citations, 1):
        lines.append(f"[{i}] 《{c.title}》{c.clause}：“{c.quote}”")
    return "\n".join(lines)


def _vote(answer, key: str) -> None:
    value = st.session_state.get(key)
    if value is not None:
        feedback.record_vote(answer, int(value))


def header_statuses(answer) -> list[str]:
    """The status badges beside the answer's place: of the documents it cites (two at most). A refusal for one place
    cites another place's rule only as a contrast — that document's status is on its own card, not beside the place
    the user asked about (a draft badge beside 浙江省, whose notice is no draft)."""
    cited = [c for c in answer.citations if c.status is not None
             and not (answer.refused and answer.city and c.city and c.city != answer.city)]
    return list(dict.fromkeys(c.status for c in cited))[:2]


def render_answer(answer, corpus, *, key: str) -> None:
    """Direct line, badges, the body where it matters, sources folded, notes, copy and feedback."""
    if answer.resolved_question and answer.resolved_question != answer.question:
        st.caption(ui.md_escape(f"理解为：{answer.resolved_question}"))
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        for s in header_statuses(answer):
            ui.status_badge(s)
        if answer.city:
            st.badge(ui.label(answer.city), color="violet", icon=":material/location_on:")
        if answer.confidence == "low":
            st.badge("置信度低", color="gray", icon=":material/help:")
    direct = ui.md_escape(answer.direct or answer.answer)
    if answer.refused:
        st.info(direct, icon=":material/help:")
    else:
        st.markdown(f"**{direct}**")
    body = answer.answer[len(answer.direct):].strip("\n") if answer.direct else ""
    body_lines = [x for x in body.splitlines() if not x.startswith(("依据：", "Source:"))]
    if body_lines and answer.kind in SHOW_BODY:
        st.markdown(ui.md_escape("\n".join(body_lines)))
    if answer.kind == "eligibility" and answer.check and answer.check.get("application"):
        st.page_link("ui/pages/application.py", label="用已说明的情况生成入园申请表", icon=":material/description:")
    ui.warnings(answer.warnings)
    for n, c in enumerate(answer.citations):
        # the first source is open: the quote is the proof of the line above it; the rest stay folded
        with st.expander(ui.label(f"依据：《{c.title}》{c.clause}"), expanded=n == 0 and not answer.refused):
            ui.citation_card(c, corpus, key=f"{key}-c{n}")
    if answer.related:
        with st.expander("可能相关的条款（仅供参考，不能作为依据）"):
            ui.citation_cards(answer.related, corpus, key=f"{key}-r")
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        with st.popover("复制回答", icon=":material/content_copy:"):
            st.code(copy_text(answer), language=None, wrap_lines=True)
        vote_key = f"chat.vote.{key}"
        st.feedback("thumbs", key=vote_key, on_change=_vote, args=(answer, vote_key))


def render() -> None:
    st.title("政策问答")
    st.caption("回答先给结论，再给原文依据；征求意见稿、建议答复等非正式文件会特别提示。")
    st.session_state.setdefault(TURNS, [])
    turns: list[dict] = st.session_state[TURNS]

    with st.sidebar:
        st.selectbox("地区", [ALL_CITIES, *resources.cities()], key=CITY, help="只按该地区（及浙江省）的文件回答")
        st.button("清空对话", on_click=_clear, icon=":material/delete:", disabled=not turns)

    choice = st.session_state.get(CITY, ALL_CITIES)
    city = None if choice == ALL_CITIES else choice
    if city:  # a visible chip, not a hidden remembered city
        st.button(f"按{city}回答 ✕", key="chat.city_chip", on_click=_clear_city, type="secondary",
                  help="点击取消地区限定")
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

    if turns:
        last = turns[-1]["answer"]
        cities = [c for c in resources.cities() if c != "浙江省" and c != last.city]
        follow_ups = [f"那{resources.short_name(c)}呢？" for c in cities[:3]] if last.topic else []
        if follow_ups:
            with st.container(horizontal=True, gap="small", vertical_alignment="center"):
                st.caption("接着问：", width="content")
                for n, q in enumerate(follow_ups):
                    st.button(q, key=f"chat.followup.{n}", on_click=_ask_later, args=(q,), type="tertiary")
