"""文档管理: upload a TXT / PDF / DOCX with its metadata; it is checked, added whole, and the index rebuilt.

``ingest_bytes`` is all-or-nothing: a file it cannot read, segment or describe
raises ``IngestError`` before anything is written, so the corpus (and the index
built from it) stays as it was; the page shows the error's Chinese sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from assistant.corpus import ingest_bytes
from assistant.errors import AssistantError, IngestError
from assistant.models import Document, Status
from ui import components as ui
from ui import resources
from ui.browse import overview

OTHER_CITY = "其他（手动填写）"
RESULT = "documents.result"
GEN = "documents.gen"


@dataclass(frozen=True)
class Uploaded:
    doc_id: str
    title: str
    clauses: int
    warnings: tuple[str, ...]


def ingest_upload(data: bytes, filename: str, *, city: str, title: str | None = None, kind: str | None = None,
                  status: Status | str = Status.in_force, issuer: str | None = None, doc_number: str | None = None,
                  date: dt.date | None = None, effective_date: dt.date | None = None,
                  notes: str | None = None) -> Document:
    """Add one uploaded file to the corpus (one upload at a time per server); raises IngestError, changing nothing."""
    if not (city or "").strip():
        raise IngestError("请填写文档所属地区", "the document's city is required", field="city")
    with resources.ingest_lock():
        return ingest_bytes(data, filename, title=(title or "").strip() or None, city=city.strip(),
                            kind=(kind or "").strip() or "其他", status=status, issuer=(issuer or "").strip() or None,
                            doc_number=(doc_number or "").strip() or None, date=date, effective_date=effective_date,
                            notes=(notes or "").strip() or None)


def _forget_result() -> None:
    st.session_state.pop(RESULT, None)


def _upload_form() -> None:
    gen = st.session_state.get(GEN, 0)
    upload = st.file_uploader("选择文件（TXT、PDF 或 DOCX）", type=["txt", "pdf", "docx"], key=f"documents.file.{gen}",
                              on_change=_forget_result)
    c1, c2 = st.columns(2)
    title = c1.text_input("标题（不填则取文件第一行）", key=f"documents.title.{gen}")
    city_choice = c2.selectbox("地区 *", [*resources.corpus().cities(), OTHER_CITY], key=f"documents.city.{gen}", index=None,
                               placeholder="请选择文件所属地区")
    city = c2.text_input("地区名称", key=f"documents.city_other.{gen}", placeholder="如 杭州市") \
        if city_choice == OTHER_CITY else (city_choice or "")
    statuses = list(Status)
    status = c1.selectbox("状态 *", statuses, format_func=lambda s: s.label_zh, key=f"documents.status.{gen}")
    kind = c2.text_input("文件类型", key=f"documents.kind.{gen}", placeholder="如 实施意见、工作方案、通知（默认：其他）")
    issuer = c1.text_input("发文机关", key=f"documents.issuer.{gen}")
    doc_number = c2.text_input("文号", key=f"documents.number.{gen}", placeholder="如 温政办〔2018〕100号")
    date = c1.date_input("成文日期", value=None, format="YYYY-MM-DD", key=f"documents.date.{gen}",
                         min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    effective = c2.date_input("施行日期", value=None, format="YYYY-MM-DD", key=f"documents.effective.{gen}",
                              min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    notes = st.text_area("说明（可选）", key=f"documents.notes.{gen}", height=68)
    if st.button("校验并导入", type="primary", disabled=upload is None, key="documents.submit"):
        try:
            doc = ingest_upload(upload.getvalue(), upload.name, city=city, title=title, kind=kind, status=status,
                                issuer=issuer, doc_number=doc_number, date=date, effective_date=effective,
                                notes=notes)
        except AssistantError as exc:
            st.session_state[RESULT] = ("error", exc.message, upload.name)
            st.rerun()  # the message is shown at the top of the page; the file and metadata stay for a retry
        st.session_state[RESULT] = ("ok", Uploaded(doc.id, doc.meta.title, len(doc.clauses), doc.meta.defects),
                                    upload.name)
        st.session_state[GEN] = gen + 1
        try:
            resources.reload_assistant()
        except AssistantError as exc:
            st.session_state[RESULT] = ("index_error", exc.message, upload.name)
        except Exception as exc:  # the corpus has the document; the index will be rebuilt on next load
            st.session_state[RESULT] = ("index_error", str(exc), upload.name)
        st.rerun()
    _result()  # under the button, where the eye is


def _result() -> None:
    result = st.session_state.get(RESULT)
    if not result:
        return
    state, payload, filename = result
    if state == "error":
        st.error(ui.md_escape(f"“{filename}”未导入：{payload}") + "  \n语料库和索引均未改动。", icon=":material/error:")
    elif state == "index_error":
        st.warning(ui.md_escape(f"“{filename}”已加入语料库，但索引更新失败：{payload}。下次加载时会自动重建。"))
    else:
        st.success(ui.md_escape(f"已导入“{payload.title}”（id：{payload.doc_id}，{payload.clauses} 个条款），检索索引已更新。"),
                   icon=":material/check_circle:")
        for w in payload.warnings:
            st.info(ui.md_escape(f"转换提示：{w}"))
        ui.browse_link(payload.doc_id, label="在条文浏览中查看")


def render() -> None:
    st.title("文档管理")
    st.caption("上传新的政策文件：先校验（格式、文字层、编码、分段），全部通过才写入语料库并更新检索索引；"
               "任何一步失败，语料库和索引都保持原样。")
    with st.container(border=True):
        st.subheader("上传文件")
        _upload_form()
    st.subheader("已收录的文件")
    try:
        corpus = resources.corpus()
    except AssistantError as exc:
        ui.error(exc)
        return
    st.dataframe(overview(corpus.documents), hide_index=True, width="stretch")
