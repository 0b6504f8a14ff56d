"""文档管理: upload a TXT / PDF / DOCX with its metadata; delete or replace an uploaded document.

``ingest_bytes``, ``delete_document`` and ``replace_document`` are all-or-nothing:
a file that cannot be read, segmented or described, a protected document (the
five source documents, or one a rule or form cites) or a failed file operation
raises before anything changes, so the corpus (and the index built from it)
stays as it was; the page shows the error's Chinese sentence. After a change
the index is rebuilt and the knowledge file of a deleted document goes with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from assistant.corpus import delete_document, ingest_bytes, protection, replace_document
from assistant.errors import AssistantError, IngestError
from assistant.jurisdictions import upload_choices
from assistant.models import Document, Status
from ui import components as ui
from ui import fields, resources
from ui.browse import overview

OTHER_CITY = "其他（手动填写）"
RESULT = "documents.result"
GEN = "documents.gen"
CHANGE = "documents.change"   # the last delete / replace: (state, message)


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


def delete_upload(doc_id: str):
    """Delete one uploaded document (one change at a time per server); DeleteError / NotFoundError change nothing."""
    with resources.ingest_lock():
        return delete_document(doc_id)


def replace_upload(doc_id: str, data: bytes, filename: str, **meta) -> Document:
    """Replace an uploaded document's file, keeping its id; IngestError / DeleteError change nothing."""
    with resources.ingest_lock():
        return replace_document(doc_id, data, filename, **meta)


def deletable(corpus) -> list:
    """Documents a person may delete or replace (uploads that nothing cites)."""
    return [d for d in corpus.documents if protection(d.id) is None]


def _forget_result() -> None:
    st.session_state.pop(RESULT, None)


def _upload_form() -> None:
    gen = st.session_state.get(GEN, 0)
    upload = st.file_uploader("选择文件（TXT、PDF 或 DOCX）", type=["txt", "pdf", "docx"], key=f"documents.file.{gen}",
                              on_change=_forget_result)
    c1, c2 = st.columns(2)
    title = c1.text_input("标题（不填则取文件第一行）", key=f"documents.title.{gen}")
    city_choice = c2.selectbox("地区 *", [*upload_choices(), OTHER_CITY], key=f"documents.city.{gen}", index=None,
                               placeholder="请选择文件所属地区")
    city = c2.text_input("地区名称", key=f"documents.city_other.{gen}", placeholder="如 杭州市") \
        if city_choice == OTHER_CITY else (city_choice or "")
    statuses = list(Status)
    status = c1.selectbox("状态 *", statuses, format_func=lambda s: s.label_zh, key=f"documents.status.{gen}")
    kind = c2.text_input("文件类型", key=f"documents.kind.{gen}", placeholder="如 实施意见、工作方案、通知（默认：其他）")
    issuer = c1.text_input("发文机关", key=f"documents.issuer.{gen}")
    doc_number = c2.text_input("文号", key=f"documents.number.{gen}", placeholder="如 温政办〔2018〕100号")
    with c1:
        date_text = fields.date_text("成文日期", key=f"documents.date.{gen}")
    with c2:
        effective_text = fields.date_text("施行日期", key=f"documents.effective.{gen}")
    notes = st.text_area("说明（可选）", key=f"documents.notes.{gen}", height=68)
    if st.button("校验并导入", type="primary", disabled=upload is None, key="documents.submit"):
        try:
            date = fields.read_date(date_text, "成文日期")
            effective = fields.read_date(effective_text, "施行日期")
            with st.spinner("正在校验并导入（读取、分段、写入语料库）…"):
                doc = ingest_upload(upload.getvalue(), upload.name, city=city, title=title, kind=kind,
                                    status=status, issuer=issuer, doc_number=doc_number, date=date,
                                    effective_date=effective, notes=notes)
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


def _reindex() -> str | None:
    """Rebuild the index for the corpus as it now is; the reason it failed, or None."""
    try:
        resources.reload_assistant()
    except AssistantError as exc:
        return exc.message
    except Exception as exc:  # the corpus is already right; the index is rebuilt on the next load
        return str(exc)
    return None


def _change_form(corpus) -> None:
    """Delete or replace one uploaded document, after an explicit confirmation."""
    docs = deletable(corpus)
    if not docs:
        st.caption("目前没有可删除或替换的文件：五份源文件（及规则、表单引用的文件）受保护，只能删除或替换上传的文件。")
        return
    titles = {d.id: f"{d.meta.title}（{d.meta.city}，{d.id}）" for d in docs}
    gen = st.session_state.get(GEN, 0)
    doc_id = st.selectbox("文件", list(titles), format_func=titles.get, key="documents.target")
    doc = corpus.document(doc_id)
    action = st.radio("操作", ["删除", "替换为新版本"], horizontal=True, key="documents.action")
    if action == "删除":
        sure = st.checkbox(f"确认删除《{doc.meta.title}》：删除后语料库、检索索引和知识点都不再包含此文件，不能撤销",
                           key=f"documents.confirm_delete.{doc_id}.{gen}")
        if st.button("删除", type="primary", disabled=not sure, icon=":material/delete:", key="documents.delete"):
            try:
                with st.spinner("正在删除并更新检索索引…"):
                    meta = delete_upload(doc_id)
                    problem = _reindex()
            except AssistantError as exc:
                st.session_state[CHANGE] = ("error", f"“{doc.meta.title}”未删除：{_sentence(exc.message)}语料库和索引均未改动。")
            else:
                st.session_state[CHANGE] = ("ok", f"已删除“{meta.title}”（id：{meta.id}）" +
                                            ("，检索索引已更新。" if problem is None else f"；索引更新失败：{problem}，下次加载时会自动重建。"))
                st.session_state[GEN] = gen + 1
            st.rerun()
    else:
        upload = st.file_uploader("新版本文件（TXT、PDF 或 DOCX）", type=["txt", "pdf", "docx"],
                                  key=f"documents.replace_file.{doc_id}.{gen}")
        c1, c2 = st.columns(2)
        title = c1.text_input("标题（不填则保留原标题）", key=f"documents.replace_title.{doc_id}.{gen}")
        statuses = [None, *Status]
        status = c2.selectbox("状态", statuses, key=f"documents.replace_status.{doc_id}.{gen}",
                              format_func=lambda s: f"不变（{doc.meta.status.label_zh}）" if s is None else s.label_zh)
        sure = st.checkbox(f"确认用新文件替换《{doc.meta.title}》（文件 id 不变，条款按新文本重新分段）",
                           key=f"documents.confirm_replace.{doc_id}.{gen}")
        if st.button("替换", type="primary", disabled=upload is None or not sure, icon=":material/swap_horiz:",
                     key="documents.replace"):
            try:
                with st.spinner("正在校验新文件并替换…"):
                    new = replace_upload(doc_id, upload.getvalue(), upload.name, title=title.strip() or None,
                                         status=status)
                    problem = _reindex()
            except AssistantError as exc:
                st.session_state[CHANGE] = ("error", f"“{doc.meta.title}”未替换：{_sentence(exc.message)}语料库和索引均未改动。")
            else:
                st.session_state[CHANGE] = ("ok", f"已用“{upload.name}”替换“{new.meta.title}”（id：{new.id}，"
                                                  f"{len(new.clauses)} 个条款）" +
                                            ("，检索索引已更新。" if problem is None else f"；索引更新失败：{problem}。"))
                st.session_state[GEN] = gen + 1
            st.rerun()


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？", "）")) else text + "。"


def _change_result() -> None:
    shown = st.session_state.get(CHANGE)
    if not shown:
        return
    state, message = shown
    if state == "ok":
        st.success(ui.md_escape(message), icon=":material/check_circle:")
    else:
        st.error(ui.md_escape(message), icon=":material/error:")


def render() -> None:
    st.title("文档管理")
    st.caption("上传新的政策文件：先校验（格式、文字层、编码、分段），全部通过才写入语料库并更新检索索引；"
               "任何一步失败，语料库和索引都保持原样。上传的文件可以删除或替换；五份源文件受保护。")
    with st.container(border=True):
        st.subheader("上传文件")
        _upload_form()
    try:
        corpus = resources.corpus()
    except AssistantError as exc:
        ui.error(exc)
        return
    with st.container(border=True):
        st.subheader("删除或替换上传的文件")
        _change_form(corpus)
        _change_result()
    st.subheader("已收录的文件")
    table = overview(corpus.documents)
    table["可删除"] = ["否（受保护）" if protection(i) else "是" for i in table["id"]]
    st.dataframe(table, hide_index=True, width="stretch")
