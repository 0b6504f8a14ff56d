"""条文浏览: the documents with their metadata and status, clauses in order, search within a document.

Positioned by query parameters (``?doc=<id>&clause=<label>[&start=&end=]``), which
every citation card links to; the quoted words are marked where they stand.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.errors import AssistantError
from assistant.models import Document
from ui import components as ui
from ui import resources

DOC_KEY = "browse.doc"
APPLIED = "browse.applied"


def overview(documents) -> pd.DataFrame:
    return pd.DataFrame([{
        "标题": d.meta.title, "地区": d.meta.city, "状态": d.meta.status.label_zh, "类型": d.meta.kind,
        "文号": d.meta.doc_number or "", "日期": d.meta.date.isoformat() if d.meta.date else "",
        "条款数": len(d.clauses), "id": d.id} for d in documents])


def matching_clauses(doc: Document, term: str) -> list:
    """Clauses whose label or text contains ``term`` (case-insensitive), in document order."""
    term = term.strip().lower()
    if not term:
        return list(doc.clauses)
    return [c for c in doc.clauses if term in c.text.lower() or term in c.label.lower()]


def _target() -> tuple[str | None, str | None, int | None, int | None]:
    qp = st.query_params

    def num(name):
        try:
            return int(qp.get(name))
        except (TypeError, ValueError):
            return None
    return qp.get("doc"), qp.get("clause"), num("start"), num("end")


def _on_doc_change() -> None:
    st.query_params.clear()
    st.query_params["doc"] = st.session_state[DOC_KEY]
    st.session_state[APPLIED] = (st.session_state[DOC_KEY], None, None, None)


def _metadata(doc: Document) -> None:
    m = doc.meta
    ui.badges(m.status, m.city)
    line = [m.issuer, m.doc_number, f"成文日期 {m.date.isoformat()}" if m.date else None,
            f"施行日期 {m.effective_date.isoformat()}" if m.effective_date else None, m.kind, f"共 {len(doc.clauses)} 条款"]
    st.caption(ui.md_escape(" · ".join(x for x in line if x)))
    rows = [("标题", m.title), ("发文机关", m.issuer), ("文号", m.doc_number),
            ("日期", m.date.isoformat() if m.date else None), ("类型", m.kind), ("状态", m.status.label_zh),
            ("施行日期", m.effective_date.isoformat() if m.effective_date else None),
            ("来源文件", m.source_file), ("文档 id", m.id)]
    for r in m.repeals:
        rows.append(("废止", f"{r.title}（{r.doc_number}）"))
    for d in m.defects:
        rows.append(("已知问题", d))
    if m.notes:
        rows.append(("说明", m.notes))
    with st.expander("文件信息（来源、废止、已知问题）"):
        st.dataframe(pd.DataFrame([(k, v) for k, v in rows if v], columns=["项目", "内容"]), hide_index=True,
                     width="stretch")


def _clause_body(clause, quote_span: tuple[int, int] | None, doc: Document) -> None:
    if quote_span is not None:
        s, e = quote_span
        start = s - clause.span.start
        st.markdown(ui.highlighted_markdown(clause.text, doc.text[s:e], start))
    else:
        st.markdown(ui.md_escape(clause.text.strip()))
    if clause.table is not None:
        t = clause.table
        st.dataframe(pd.DataFrame(list(t.rows), columns=list(t.columns)), hide_index=True, width="stretch")


def _preview(clause, width: int = 36) -> str:
    """The clause's heading, or its first words: a list of bare labels （一）（二）… says little."""
    if clause.heading and clause.heading != clause.label:
        return clause.heading
    text = " ".join(clause.clean_text.split())
    if text.startswith(clause.label.split("、")[-1]):
        text = text[len(clause.label.split("、")[-1]):].strip()
    return text[:width] + ("…" if len(text) > width else "")


def _term_markdown(text: str, term: str) -> str:
    """Escaped clause text with each occurrence of the search term marked."""
    if not term:
        return ui.md_escape(text)
    out, i, low, t = [], 0, text.lower(), term.lower()
    while (j := low.find(t, i)) >= 0:
        out.append(ui.md_escape(text[i:j]))
        out.append(f":orange-background[**{ui.md_escape(text[j:j + len(term)])}**]")
        i = j + len(term)
    out.append(ui.md_escape(text[i:]))
    return "".join(out)


def render() -> None:
    st.title("条文浏览")
    try:
        corpus = resources.corpus()
    except AssistantError as exc:
        ui.error(exc)
        return
    docs = corpus.documents
    ids = [d.id for d in docs]
    target = _target()
    if target[0] in ids and st.session_state.get(APPLIED) != target:
        st.session_state[DOC_KEY] = target[0]  # a link from a citation: go there
        st.session_state[APPLIED] = target
    if st.session_state.get(DOC_KEY) not in ids:
        st.session_state[DOC_KEY] = ids[0]
    with st.expander(f"全部文件（{len(docs)} 份）", expanded=False):
        st.dataframe(overview(docs), hide_index=True, width="stretch")
    doc_id = st.selectbox("文件", ids, key=DOC_KEY, on_change=_on_doc_change,
                          format_func=lambda i: f"{corpus.document(i).meta.title}（{corpus.document(i).meta.city}）")
    doc = corpus.document(doc_id)
    _metadata(doc)

    applied = st.session_state.get(APPLIED) or (None, None, None, None)
    focus_label = applied[1] if applied[0] == doc_id else None
    span = (applied[2], applied[3]) if focus_label and applied[2] is not None and applied[3] is not None else None
    if span and not (0 <= span[0] < span[1] <= len(doc.text)):
        span = None
    focus = next((c for c in doc.clauses if c.label == focus_label), None)
    if focus_label and focus is None:
        st.warning(ui.md_escape(f"本文件中没有条款“{focus_label}”。"))
    if focus is not None:
        with st.container(border=True):
            st.markdown(f"**:material/location_on: 定位到：{ui.md_escape(focus.label)}**")
            _clause_body(focus, span, doc)

    term = st.text_input("在本文件中搜索", key=f"browse.search.{doc_id}", placeholder="例如：维修资金、容积率、转让")
    clauses = matching_clauses(doc, term)
    if term.strip():
        st.caption(f"找到 {len(clauses)} 条包含“{ui.md_escape(term.strip())}”的条款")
    for clause in clauses:
        title = f"{clause.label}　{_preview(clause)}".rstrip("　")
        is_focus = focus is not None and clause.id == focus.id
        with st.expander(ui.md_escape(title), expanded=bool(term.strip()) or is_focus,
                         icon=":material/location_on:" if is_focus else None):
            if term.strip():
                st.markdown(_term_markdown(clause.text.strip(), term.strip()))
            else:
                _clause_body(clause, span if is_focus else None, doc)
            st.caption(ui.md_escape(f"条款 id：{clause.id}"))
