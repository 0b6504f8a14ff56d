"""知识库: the loop that makes the assistant better.

Staff see the questions that were refused, answered with low confidence or voted 👎 (kept on this machine), and
with one click attach one to an existing knowledge point as a similar question — or start a new knowledge point
from a clause, its answer spans picked from the clause's own sentences so they stay verbatim. Changes go through
the library's all-or-nothing write; the next answer uses them.
"""

from __future__ import annotations

import streamlit as st

from assistant import feedback
from assistant.answer.reader import sentences
from assistant.errors import AssistantError
from assistant.knowledge.bank import load_bank
from assistant.knowledge.edit import add_point, add_question
from assistant.knowledge.models import ANSWER_TYPES
from assistant.knowledge.topics import load_topics
from ui import components as ui
from ui import resources

RESULT = "knowledge.result"


def _point_label(bp) -> str:
    return f"{bp.point.id}｜{bp.city} {bp.point.clause}｜{bp.point.standard}"


def _attach(question: str, key: str) -> None:
    kp_id = st.session_state.get(key)
    try:
        add_question(kp_id, question)
        st.session_state[RESULT] = ("ok", f"已把“{question}”加入知识点 {kp_id} 的相似问。")
    except AssistantError as exc:
        st.session_state[RESULT] = ("error", exc.message)


def _reload() -> None:
    """The assistant picks the changed bank up now (only the new questions are embedded), so the next answer in
    问答 uses it instead of the previous bank answering while it loads."""
    try:
        resources.reload_assistant()
    except AssistantError as exc:
        ui.error(exc)


def render() -> None:
    st.title("知识库")
    st.caption("把答不好的问题接到已有知识点上，或从条款新建知识点；修改立即生效，下次回答即用上。")
    if result := st.session_state.pop(RESULT, None):
        (st.success if result[0] == "ok" else st.error)(ui.md_escape(result[1]))
        if result[0] == "ok":
            _reload()
    try:
        bank = load_bank()
        corpus = resources.corpus()
    except AssistantError as exc:
        ui.error(exc)
        return
    points = {bp.point.id: bp for bp in bank.points}
    review, new = st.tabs(["待处理的问题", "从条款新建知识点"])
    with review:
        queue = feedback.review_queue()
        if not queue:
            st.info("暂无被拒答、低置信或被点踩的问题。")
        reasons = {"refused": "未能回答", "low_confidence": "置信度低", "vote": "被点踩"}
        for n, entry in enumerate(queue[:50]):
            with st.container(border=True):
                st.markdown(f"**{ui.md_escape(entry.question)}**")
                st.caption(ui.md_escape(f"{reasons.get(entry.kind, entry.kind)}｜{entry.at}｜回答：{entry.answer[:80]}"))
                key = f"knowledge.kp.{n}"
                st.selectbox("接到知识点", list(points), key=key, format_func=lambda i: ui.label(_point_label(points[i])),
                             index=list(points).index(entry.knowledge_point) if entry.knowledge_point in points else 0)
                st.button("加为相似问", key=f"knowledge.add.{n}", on_click=_attach, args=(entry.question, key),
                          icon=":material/add_link:")
    with new:
        docs = [d.id for d in corpus.documents]
        doc_id = st.selectbox("文件", docs, key="knowledge.doc",
                              format_func=lambda d: ui.label(corpus.document(d).meta.title))
        clauses = [c for c in corpus.document(doc_id).clauses if c.clean_text]
        label = st.selectbox("条款", [c.label for c in clauses], key="knowledge.clause")
        clause = next(c for c in clauses if c.label == label)
        options = [clause.text[s:e] for s, e in sentences(clause)]
        spans = st.multiselect("答案片段（从条款原句中选，保证逐字一致）", options, key="knowledge.spans")
        topics = load_topics()
        c1, c2 = st.columns(2)
        topic = c1.selectbox("主题", list(topics), key="knowledge.topic", format_func=lambda t: topics[t].zh)
        answer_type = c2.selectbox("答案类型", list(ANSWER_TYPES), key="knowledge.type")
        kp_id = c1.text_input("知识点 id（小写字母、数字、连字符）", key="knowledge.id")
        permission = c2.selectbox("可否（仅答案类型为 permission 时）", ["", "yes", "no", "conditional"], key="knowledge.perm")
        subject_zh = c1.text_input("主题短语（中文，不含数字）", key="knowledge.subject_zh")
        subject_en = c2.text_input("主题短语（英文，不含数字）", key="knowledge.subject_en")
        standard = st.text_input("标准问", key="knowledge.standard")
        similar = st.text_area("相似问（每行一个，至少 10 个，用群众的说法）", key="knowledge.similar", height=200)
        if st.button("保存知识点", key="knowledge.save", icon=":material/save:", type="primary"):
            point = {"id": kp_id.strip(), "clause": label, "topic": topic, "answer_type": answer_type,
                     "subject_zh": subject_zh.strip(), "subject_en": subject_en.strip(), "answer_spans": spans,
                     "standard": standard.strip(),
                     "similar": [x.strip() for x in similar.splitlines() if x.strip()]}
            if answer_type == "permission":
                point["permission"] = permission or "conditional"
            try:
                with st.spinner("正在校验并保存…"):
                    add_point(doc_id, point)
                st.success(ui.md_escape(f"已保存知识点 {point['id']}。"))
                _reload()
            except AssistantError as exc:
                ui.error(exc)
            except ValueError as exc:   # the point's own fields (pydantic names the field)
                st.error(ui.md_escape(f"知识点无效：{exc.errors()[0]['loc'][0]}：{exc.errors()[0]['msg']}"
                                      if hasattr(exc, "errors") else str(exc)))
