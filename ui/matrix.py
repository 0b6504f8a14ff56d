"""规则对照: every quantitative rule as a row, every jurisdiction as a column (``assistant.rules.matrix``).

A cell shows the value or band as the document writes it, 原则上/一般 as an orange badge (a soft rule), the
document's status as a badge and the clause as a link into 条文浏览. Filter by topic; download as XLSX or as a
one-page PDF to print. Built from the rule parameters, so it changes when they do.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import streamlit as st

from assistant.errors import AssistantError
from assistant.models import Status
from assistant.rules.matrix import Cell, Matrix, build_matrix
from ui import components as ui
from ui import resources

ALL = "全部"
TOPIC = "matrix.topic"
FILES = "matrix.files"
STATUS_BADGE = {Status.in_force: "green", Status.draft: "orange", Status.reply_letter: "blue",
                Status.notice_expired: "gray", Status.repealed: "red"}
MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}


# ───────────────────────── handlers (no Streamlit) ─────────────────────────

def matrix(topic: str | None = None) -> Matrix:
    return build_matrix().filter(None if topic in (None, ALL) else topic)


def clause_url(cell: Cell) -> str:
    """A relative link to the clause in 条文浏览 (works under any base path)."""
    return "clauses?" + urlencode({"doc": cell.doc_id, "clause": cell.clause}, quote_via=quote, safe="")


def cell_markdown(cell: Cell | None) -> str:
    """One table cell: the figure, a soft badge, the status badge, the clause as a link. Blank: not set."""
    if cell is None:
        return ""
    soft = f":orange-badge[{cell.qualifier}] " if cell.soft else ""
    status = f":{STATUS_BADGE[cell.status]}-badge[{cell.status_short}]"
    link = f"[{ui.md_escape(cell.clause)}]({clause_url(cell)})"
    return f"{soft}{ui.md_escape(cell.band)} {link} {status}"


def table_markdown(m: Matrix) -> str:
    """The matrix as a markdown table (escaped: every "|" in a cell stays text)."""
    head = ["主题", "规则", *m.jurisdictions]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    previous = None
    for row in m.rows:
        topic = row.topic if row.topic != previous else ""
        previous = row.topic
        cells = [cell_markdown(row.cells.get(j)) for j in m.jurisdictions]
        lines.append("| " + " | ".join([ui.md_escape(topic), ui.md_escape(row.label), *cells]) + " |")
    return "\n".join(lines)


def export(m: Matrix) -> dict[str, bytes]:
    """The matrix as {"xlsx": bytes, "pdf": bytes} (the PDF on one page)."""
    from assistant.forms.rule_matrix import write_rule_matrix

    return {fmt: resources.render_bytes(lambda out, fmt=fmt: write_rule_matrix(m, out, fmt), f"规则对照.{fmt}")
            for fmt in ("xlsx", "pdf")}


# ───────────────────────── the page ─────────────────────────

def _forget_files() -> None:
    st.session_state.pop(FILES, None)


def _sources(m: Matrix) -> None:
    labels = [r.label for r in m.rows]
    if not labels:
        return
    with st.expander("查看一条规则的原文与条款"):
        label = st.selectbox("规则", labels, key="matrix.row")
        row = m.rows[labels.index(label)]
        from assistant.rules.params import get_param

        for j, cell in row.cells.items():
            st.markdown(f"**{ui.md_escape(j)}**：{cell_markdown(cell)}")
            if cell.applies_when:
                st.caption(ui.md_escape(f"适用：{cell.applies_when}"))
            ui.citation_card(get_param(cell.param_id).citation(), resources.corpus(), key=f"matrix-{row.key}-{j}")


def _downloads(m: Matrix) -> None:
    topic = m.topic or ALL
    shown = st.session_state.get(FILES)
    if st.button("生成 XLSX 和一页 PDF", icon=":material/download:", key="matrix.make"):
        with st.spinner("正在生成规则对照表（PDF 排成一页）…"):
            try:
                st.session_state[FILES] = shown = (topic, export(m))
            except AssistantError as exc:
                ui.error(exc, "生成失败：")
                return
    if shown and shown[0] == topic:
        c1, c2 = st.columns(2)
        for col, fmt, label in ((c1, "xlsx", "下载 XLSX"), (c2, "pdf", "下载 PDF（一页，可打印）")):
            col.download_button(label, shown[1][fmt], file_name=f"规则对照{'' if topic == ALL else '-' + topic}.{fmt}",
                                mime=MIME[fmt], on_click="ignore", icon=":material/download:",
                                key=f"matrix.dl.{fmt}", type="primary")


def render() -> None:
    st.title("规则对照")
    st.caption("每条数值规则一行、每个地区一列：数值或区间按原文写法；橙色徽标“原则上”“一般”为软性要求；"
               "徽标为文件状态；点击条款可打开原文。本表由规则参数生成，参数变化时随之变化。")
    try:
        full = build_matrix()
    except AssistantError as exc:
        ui.error(exc)
        return
    topic = st.radio("主题", [ALL, *full.topics], horizontal=True, key=TOPIC, on_change=_forget_files)
    m = full.filter(None if topic == ALL else topic)
    st.markdown(table_markdown(m))
    st.caption("空白：该地文件未规定此项数值。")
    _sources(m)
    st.subheader("导出")
    _downloads(m)
