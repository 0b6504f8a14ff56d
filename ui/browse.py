"""条文浏览: search across every document (hits grouped by document, the words marked), the documents with their
metadata and status, one document's clauses in order (filtered by a word), a printable view of one document with
its clause labels (and a PDF of it).

Positioned by query parameters (``?doc=<id>&clause=<label>[&start=&end=]``), which
every citation card links to; the quoted words are marked where they stand.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.corpus import search_terms
from assistant.errors import AssistantError
from assistant.models import Document
from ui import charts, resources
from ui import components as ui

DOC_KEY = "browse.doc"
APPLIED = "browse.applied"
SEARCH = "browse.q"
PRINT = "browse.print"
SHOW_HITS = 5   # clauses shown open per document; the rest under one expander


def overview(documents) -> pd.DataFrame:
    return pd.DataFrame([{
        "标题": d.meta.title, "地区": d.meta.city, "状态": d.meta.status.label_zh, "类型": d.meta.kind,
        "文号": d.meta.doc_number or "", "日期": d.meta.date.isoformat() if d.meta.date else "",
        "施行日期": d.meta.effective_date.isoformat() if d.meta.effective_date else "",
        "条款数": len(d.clauses), "id": d.id} for d in documents])


def search_all(corpus, query: str):
    """Hits across every document, grouped by document (``Corpus.find``)."""
    return corpus.find(query)


def document_pdf(doc: Document) -> bytes:
    from assistant.forms.document_print import write_document_pdf

    return resources.render_bytes(lambda out: write_document_pdf(doc, out), f"{doc.id}.pdf")


def matching_clauses(doc: Document, term: str) -> list:
    """Clauses whose label or text contains every word of ``term`` (case-insensitive), in document order."""
    terms = search_terms(term)
    if not terms:
        return list(doc.clauses)
    return [c for c in doc.clauses if all(t in c.text.lower() or t in c.label.lower() for t in terms)]


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


def _clause_body(clause, quote_span: tuple[int, int] | None, doc: Document, where: str = "list") -> None:
    if quote_span is not None:
        s, e = quote_span
        start = s - clause.span.start
        st.markdown(ui.highlighted_markdown(clause.text, doc.text[s:e], start))
    else:
        st.markdown(ui.md_escape(clause.text.strip()))
    if clause.table is not None:
        t = clause.table
        st.dataframe(pd.DataFrame(list(t.rows), columns=list(t.columns)), hide_index=True, width="stretch")
        grid = charts.plan_grid(resources.corpus())
        if grid is not None and clause in grid.clauses and not st.session_state.get(PRINT):
            with st.popover("按县（市、区）看图", icon=":material/bar_chart:"):
                charts.show_plan(grid, key=f"browse.plan.{where}.{clause.label}")


def _preview(clause, width: int = 36) -> str:
    """The clause's heading, or its first words: a list of bare labels （一）（二）… says little."""
    if clause.heading and clause.heading != clause.label:
        return clause.heading
    text = " ".join(clause.clean_text.split())
    if text.startswith(clause.label.split("、")[-1]):
        text = text[len(clause.label.split("、")[-1]):].strip()
    return text[:width] + ("…" if len(text) > width else "")


def _term_markdown(text: str, term: str | list[str]) -> str:
    """Escaped clause text with each occurrence of each search word marked (the longest word first where two
    start at the same place)."""
    terms = sorted(search_terms(term) if isinstance(term, str) else [t.lower() for t in term if t], key=len,
                   reverse=True)
    if not terms:
        return ui.md_escape(text)
    out, i, low = [], 0, text.lower()
    while True:
        found = [(j, t) for t in terms if (j := low.find(t, i)) >= 0]
        if not found:
            break
        j, t = min(found, key=lambda x: (x[0], -len(x[1])))
        out.append(ui.md_escape(text[i:j]))
        # a directive does not span a line break: mark each line of the hit
        out.append("  \n".join(f":orange-background[**{ui.md_escape(part)}**]" if part.strip() else ""
                               for part in text[j:j + len(t)].split("\n")))
        i = j + len(t)
    out.append(ui.md_escape(text[i:]))
    return "".join(out)


def _search_results(corpus, query: str) -> None:
    results = search_all(corpus, query)
    total = sum(len(cs) for _, cs in results)
    if not results:
        st.info(ui.md_escape(f"全部 {len(corpus.documents)} 份文件中都没有同时包含“{query.strip()}”的条款。"))
        return
    st.caption(ui.md_escape(f"在 {len(results)} 份文件中找到 {total} 条同时包含“{'”“'.join(search_terms(query))}”的条款"))
    for doc, clauses in results:
        with st.container(border=True):
            ui.badges(doc.meta.status, doc.meta.city)
            st.markdown(f"**《{ui.md_escape(doc.meta.title)}》**　{len(clauses)} 条")
            for n, clause in enumerate(clauses):
                if n == SHOW_HITS:
                    rest = st.expander(f"另有 {len(clauses) - SHOW_HITS} 条")
                target = rest if n >= SHOW_HITS else st.container()
                with target:
                    st.markdown(f"**{ui.md_escape(clause.label)}**　" + _term_markdown(clause.clean_text, query))
                    ui.browse_link(doc.id, clause.label, label=f"打开{clause.label}")


def _print_view(doc: Document) -> None:
    """The whole document with its clause labels, no expanders (the browser's print prints it); a PDF of it."""
    st.markdown(f"### 《{ui.md_escape(doc.meta.title)}》")
    ui.badges(doc.meta.status, doc.meta.city)
    m = doc.meta
    line = [m.issuer, m.doc_number, f"成文日期 {m.date.isoformat()}" if m.date else None,
            f"施行日期 {m.effective_date.isoformat()}" if m.effective_date else None, f"来源文件 {m.source_file}"]
    st.caption(ui.md_escape(" · ".join(x for x in line if x)))
    for clause in doc.clauses:
        if clause.table is not None and clause.table.rows:
            st.markdown(f"**{ui.md_escape(clause.label)}**")
            _clause_body(clause, None, doc, where="print")
            continue
        st.markdown(f"**{ui.md_escape(clause.label)}**　{ui.md_escape(clause.clean_text)}")


def render() -> None:
    st.title("条文浏览")
    try:
        corpus = resources.corpus()
    except AssistantError as exc:
        ui.error(exc)
        return
    docs = corpus.documents
    ids = [d.id for d in docs]
    query = st.text_input("搜索全部文件", key=SEARCH, placeholder="多个词用空格分隔，例如：维修资金 缴存、容积率、转让",
                          help="列出同时包含所有词的条款，按文件分组，命中的词标出")
    if query.strip():
        _search_results(corpus, query)
        st.divider()
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
    c1, c2 = st.columns([1, 1])
    printing = c1.toggle("打印视图（整篇文件，带条款标注）", key=PRINT)
    if c2.button("生成本文件 PDF（带条款标注）", icon=":material/picture_as_pdf:", key="browse.pdf"):
        with st.spinner("正在生成 PDF…"):
            try:
                st.session_state["browse.pdf.file"] = (doc.id, document_pdf(doc))
            except AssistantError as exc:
                ui.error(exc, "生成失败：")
    made = st.session_state.get("browse.pdf.file")
    if made and made[0] == doc.id:
        c2.download_button("下载 PDF", made[1], file_name=f"{doc.meta.title}.pdf", mime="application/pdf",
                           on_click="ignore", icon=":material/download:", key="browse.pdf.dl")
    if printing:
        _print_view(doc)
        return

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
            _clause_body(focus, span, doc, where="focus")

    term = st.text_input("在本文件中筛选", key=f"browse.search.{doc_id}", placeholder="例如：维修资金、容积率、转让")
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
