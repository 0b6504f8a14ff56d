"""Shared UI pieces: escaping, status badges, citation cards, checklists, error boxes.

Every string that comes from a document or from a user goes through
:func:`md_escape` before ``st.markdown`` (so ``*``, ``[``, ``<b>``, ``$x$`` or
``:red[…]`` in a clause are shown as typed, never interpreted), or is shown
with ``st.text``. Escaping is not enough for two things Streamlit's renderer
finds in plain text: bare URLs and e-mail addresses (GitHub-flavoured
autolinks) and ``:material/…:`` icons or ``:emoji:`` codes. An invisible
WORD JOINER (U+2060) after ``:`` / ``@`` / ``www`` breaks those patterns while
the text reads the same. Badge labels are markdown too, so they are escaped.

>>> md_escape("1*2 <b>x</b> :red[y] $z$")
'1\\\\*2 \\\\<b\\\\>x\\\\</b\\\\> \\\\:\u2060red\\\\[y\\\\] \\\\$z\\\\$'
>>> "http\\\\:\u2060//" in md_escape("见 http://evil.example 详情")   # no autolink
True
>>> split_quote("前文。引文。后文", "引文。")
('前文。', '引文。', '后文')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import streamlit as st

from assistant.errors import AssistantError
from assistant.models import Citation, Clause, Status

# ASCII punctuation that markdown, Streamlit directives (:color[…]), LaTeX ($) or HTML could interpret.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'])")

STATUS_COLORS = {
    Status.in_force: "green",
    Status.draft: "orange",
    Status.reply_letter: "blue",
    Status.notice_expired: "gray",
    Status.repealed: "red",
}
# material icons (render without an emoji font) and colours per verdict
VERDICT_ICONS = {"pass": ":material/check_circle:", "fail": ":material/cancel:", "warning": ":material/warning:",
                 "unknown": ":material/help:"}
VERDICT_COLORS = {"pass": "green", "fail": "red", "warning": "orange", "unknown": "gray"}
BROWSE_PAGE = "ui/pages/browse.py"


def md_escape(text: str | None) -> str:
    """Text for ``st.markdown`` that renders exactly as given (line breaks kept, indents of tabs dropped)."""
    if not text:
        return ""
    lines = []
    for line in str(text).replace("\r\n", "\n").split("\n"):
        # a leading tab or four spaces would start a code block; full-width indents (　) are kept
        lines.append(_defang(_MD_SPECIAL.sub(r"\\\1", line.lstrip(" \t"))))
    return "  \n".join(lines)


JOINER = "\u2060"  # WORD JOINER: invisible, no line break; splits what a renderer would turn into a link or icon
_AUTO = re.compile(r"(\\:)(?=[A-Za-z/])|(@)|(?i:\b(www))(?=\\\.)")


def _defang(escaped: str) -> str:
    """Break autolinks (http://, www., e-mail) and :icon: / :emoji: codes in already-escaped text."""
    return _AUTO.sub(lambda m: (m.group(1) or m.group(2) or m.group(3)) + JOINER, escaped)


def label(text: str | None) -> str:
    """A widget or badge label from document or user text (labels are markdown too)."""
    return md_escape(text).replace("  \n", " ")


def split_quote(text: str, quote: str, start: int | None = None) -> tuple[str, str, str]:
    """(before, quote, after) of ``text``; the quote at ``start`` if it is there, else its first occurrence."""
    if quote and start is not None and 0 <= start and text[start:start + len(quote)] == quote:
        i = start
    else:
        i = text.find(quote) if quote else -1
    if i < 0:
        return text, "", ""
    return text[:i], quote, text[i + len(quote):]


def highlighted_markdown(text: str, quote: str, start: int | None = None) -> str:
    """Escaped markdown of ``text`` with ``quote`` marked (yellow background, bold)."""
    before, q, after = split_quote(text, quote, start)
    if not q:
        return md_escape(text.strip())
    # mark each line of the quote separately: a directive does not span line breaks
    marked = "  \n".join(f":orange-background[**{md_escape(part)}**]" if part.strip() else ""
                         for part in q.split("\n"))
    return md_escape(before.lstrip()) + marked + md_escape(after.rstrip())


def status_badge(status: Status | str | None) -> None:
    if status is None:
        return
    status = Status(status)
    st.badge(status.label_zh, color=STATUS_COLORS.get(status, "gray"))


def badges(status: Status | str | None, city: str | None) -> None:
    """Status and city side by side (in a row, so they do not take two lines)."""
    with st.container(horizontal=True, gap="small"):
        status_badge(status)
        if city:
            st.badge(label(city), color="violet", icon=":material/location_on:")


def browse_link(doc_id: str, clause: str | None = None, span=None, label: str = "在条文浏览中打开") -> None:
    """A link to the clause browser, positioned on ``doc_id``/``clause`` (query parameters)."""
    params = {"doc": doc_id}
    if clause:
        params["clause"] = clause
    if span is not None:
        params["start"], params["end"] = str(span.start), str(span.end)
    try:
        st.page_link(BROWSE_PAGE, label=label, icon=":material/menu_book:", query_params=params)
    except Exception:  # the page is not registered (a page run on its own): no link rather than a crash
        st.caption(md_escape(f"条文浏览：{doc_id} {clause or ''}"))


def citation_card(c: Citation, corpus=None, *, key: str = "", link: bool = True) -> None:
    """A source card: status badge, 《title》 clause, the quote; expands to the clause with the quote marked."""
    with st.container(border=True, gap="small"):
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            status_badge(c.status)
            if c.city:
                st.badge(label(c.city), color="violet", icon=":material/location_on:")
            st.markdown(f"**《{md_escape(c.title)}》 {md_escape(c.clause)}**", width="content")
        st.markdown(f"> {md_escape(c.quote)}")
        clause = _clause(corpus, c)
        if clause is not None or link:
            with st.expander("展开条文原文"):
                if clause is not None:
                    start = c.span.start - clause.span.start if c.span is not None else None
                    st.markdown(highlighted_markdown(clause.text, c.quote, start))
                    st.caption(md_escape(f"来源文件：{c.source_file}"))
                if link:
                    browse_link(c.doc_id, c.clause, c.span)


def _clause(corpus, c: Citation) -> Clause | None:
    if corpus is None:
        return None
    try:
        return corpus.clause(c.doc_id, c.clause)
    except AssistantError:
        return None


def citation_cards(citations: Iterable[Citation], corpus=None, *, key: str = "", show: int = 3) -> None:
    """The first ``show`` cards; the rest folded under one expander (an eligibility answer cites many)."""
    citations = list(citations)
    for n, c in enumerate(citations[:show]):
        citation_card(c, corpus, key=f"{key}-{n}")
    if len(citations) > show:
        with st.expander(f"另有 {len(citations) - show} 条依据"):
            for n, c in enumerate(citations[show:], show):
                citation_card(c, corpus, key=f"{key}-{n}")


def warnings(items: Iterable[str]) -> None:
    for w in dict.fromkeys(items):
        st.warning(md_escape(w), icon=":material/warning:")


def error(exc: AssistantError, prefix: str = "") -> None:
    """An AssistantError as a red box with its Chinese sentence (never a traceback)."""
    st.error(md_escape(prefix + exc.message), icon=":material/error:")


def verdict_label(verdict) -> str:
    """Markdown: a coloured icon and the verdict's Chinese label (both ours, nothing to escape)."""
    value = getattr(verdict, "value", verdict)
    color = VERDICT_COLORS.get(value, "gray")
    return f":{color}[{VERDICT_ICONS.get(value, '')} {md_escape(getattr(verdict, 'label_zh', value))}]"


def summary_frame(report):
    """The report's summary as a table (序号, 检查项目, 数值, 标准, 结论, 依据条款), values with units."""
    import pandas as pd

    from assistant.rules.present import views

    return pd.DataFrame([{"序号": v.n, "检查项目": v.criterion, "数值": v.value, "标准": v.threshold,
                          "结论": v.verdict_text, "依据条款": v.clause} for v in views(report)])


def summary_table(report, *, key: str = "summary") -> None:
    """The summary table with each verdict in its colour (the same colours as the downloaded reports)."""
    from assistant.rules.present import views

    rows = views(report)
    if not rows:
        return
    frame = summary_frame(report)
    colours = {v.verdict_text: (v.colour, v.fill) for v in rows}

    def paint(cell: str) -> str:
        fg, bg = colours.get(cell, ("", ""))
        return f"color: {fg}; background-color: {bg}; font-weight: 600" if fg else ""

    st.dataframe(frame.style.map(paint, subset=["结论"]), hide_index=True, width="stretch", key=key,
                 column_config={"序号": st.column_config.NumberColumn(width="small"),
                                "检查项目": st.column_config.TextColumn(width="large"),
                                "依据条款": st.column_config.TextColumn(width="medium")})


def checklist(report, corpus=None, *, key: str = "check", after_summary=None) -> None:
    """A CheckReport: overall verdict, the summary table in colour (then ``after_summary()``, e.g. a chart), one
    expander per criterion (message, value, threshold, clause). Values carry their units
    (``assistant.rules.present``)."""
    from assistant.rules.present import views

    st.markdown(f"**总体结论：{verdict_label(report.overall)}**　"
                f"（{md_escape(report.jurisdiction)}，{len(report.items)} 项）")
    counts = {}
    for item in report.items:
        counts[item.verdict] = counts.get(item.verdict, 0) + 1
    cols = st.columns(4)
    for col, v in zip(cols, ("pass", "fail", "warning", "unknown")):
        n = sum(c for k, c in counts.items() if k.value == v)
        label = {"pass": "符合", "fail": "不符合", "warning": "提示", "unknown": "待补充"}[v]
        col.metric(f":{VERDICT_COLORS[v]}[{VERDICT_ICONS[v]}] {label}", n)
    summary_table(report, key=f"{key}-summary")
    if after_summary is not None:
        after_summary()
    for item, view in zip(report.items, views(report)):
        title = f"{view.n}. {item.criterion} — {item.verdict.label_zh}"
        if item.value is not None and item.threshold:
            title += f"（{view.value}；标准 {view.threshold}）"
        with st.expander(md_escape(title), expanded=item.verdict.value in ("fail",),
                         icon=VERDICT_ICONS.get(item.verdict.value)):
            st.markdown(f"{verdict_label(item.verdict)}　{md_escape(view.message)}")
            facts = []
            if item.value is not None:
                facts.append(f"填报/计算值：{view.value}")
            if item.threshold:
                facts.append(f"标准：{view.threshold}")
            if facts:
                st.caption(md_escape("　".join(facts)))
            if view.missing:
                st.caption(md_escape("缺少：" + view.missing))
            for m, c in enumerate(item.citations):
                citation_card(c, corpus, key=f"{key}-{view.n}-{m}")
    if report.warnings:
        warnings(report.warnings)
