"""文档管理 page in AppTest (st.file_uploader works in AppTest): a bad file is refused with a clear message and
nothing changes; a good file is added and the index rebuilt so answers can cite it."""

import pytest
from apphelpers import app_env, assert_no_exception, button, on_page, plain  # noqa: F401

from conftest import snapshot

GOOD = ("关于测试小微企业园绿化管理的通知\n"
        "一、园区绿化率不低于百分之二十，绿化设施由运营机构统一养护。\n"
        "二、园区应当设置垂直绿化设施。\n").encode("utf-8")


def _loaded():
    from ui import resources

    return resources.start_loading().result(timeout=120).assistant


@pytest.mark.parametrize("filename,data,words", [
    ("junk.pdf", bytes(range(256)) * 40, "不是有效的 PDF"),
    ("empty.txt", b"", "为空"),
    ("utf16.txt", "小微企业园入园条件".encode("utf-16-le") * 20, "编码"),
    ("fake.docx", b"PK\x03\x04 this is not really a zip" * 10, "DOCX"),
])
def test_bad_file_is_refused_and_nothing_changes(app_env, tmp_path, filename, data, words):
    from pathlib import Path

    at = on_page("documents")
    _loaded()  # the index for the current corpus exists before the upload
    corpus_dir, index_dir = Path(app_env["XIAOWEI_CORPUS_DIR"]), Path(app_env["XIAOWEI_INDEX_DIR"])
    before = snapshot(corpus_dir), snapshot(index_dir)
    at.file_uploader(key="documents.file.0").set_value((filename, data, "application/octet-stream")).run()
    at.selectbox(key="documents.city.0").set_value("温州市").run()
    button(at, "校验并导入").click().run()
    assert_no_exception(at)
    errors = [plain(e.value) for e in at.error]
    assert errors and words in errors[0] and filename in errors[0], errors
    assert "语料库和索引均未改动" in errors[0]
    assert (snapshot(corpus_dir), snapshot(index_dir)) == before


def test_good_file_is_ingested_and_indexed(app_env):
    from ui import resources

    at = on_page("documents")
    _loaded()
    at.file_uploader(key="documents.file.0").set_value(("绿化通知.txt", GOOD, "text/plain")).run()
    at.selectbox(key="documents.city.0").set_value("温州市").run()
    at.text_input(key="documents.title.0").set_value("关于测试小微企业园绿化管理的通知").run()
    button(at, "校验并导入").click().run()
    assert_no_exception(at)
    state, uploaded, filename = at.session_state["documents.result"]
    assert state == "ok", uploaded
    assert uploaded.clauses >= 2 and any("已导入" in plain(s.value) for s in at.success)
    corpus = resources.corpus()
    assert corpus.document(uploaded.doc_id).meta.city == "温州市"
    assistant = _loaded()
    assert assistant.corpus.fingerprint == corpus.fingerprint          # the index now covers the new document
    hits = assistant.retriever.search("园区绿化率不低于多少", k=3).hits
    assert hits and hits[0].doc_id == uploaded.doc_id
    # the same file again is refused (a duplicate), with the corpus left as it is
    at = on_page("documents")
    at.file_uploader(key="documents.file.0").set_value(("绿化通知.txt", GOOD, "text/plain")).run()
    at.selectbox(key="documents.city.0").set_value("温州市").run()
    button(at, "校验并导入").click().run()
    assert at.error and "已收录" in plain(at.error[0].value)


def test_city_must_be_chosen(app_env):
    at = on_page("documents")
    at.file_uploader(key="documents.file.0").set_value(("a.txt", GOOD, "text/plain")).run()
    button(at, "校验并导入").click().run()
    assert_no_exception(at)
    assert at.error and "地区" in plain(at.error[0].value)


def test_handler_refuses_other_types(app_env):
    """The uploader only offers TXT/PDF/DOCX; the handler refuses anything else by itself too."""
    from assistant.errors import IngestError
    from ui.documents import ingest_upload

    with pytest.raises(IngestError) as exc:
        ingest_upload(b"hello", "notes.exe", city="温州市")
    assert "不支持" in exc.value.message


def test_handler_refuses_without_city(app_env):
    from assistant.errors import IngestError
    from ui.documents import ingest_upload

    with pytest.raises(IngestError) as exc:
        ingest_upload(GOOD, "x.txt", city="  ")
    assert "地区" in exc.value.message


def _upload(at, name="删除测试.txt", data=None, title="关于测试删除功能的通知"):
    data = data or ("关于测试删除功能的通知\n一、园区屋顶光伏覆盖率不低于百分之三十。\n二、光伏设施由运营机构维护。\n").encode()
    gen = at.session_state.get("documents.gen", 0)
    at.file_uploader(key=f"documents.file.{gen}").set_value((name, data, "text/plain")).run()
    at.selectbox(key=f"documents.city.{gen}").set_value("温州市").run()
    at.text_input(key=f"documents.title.{gen}").set_value(title).run()
    button(at, "校验并导入").click().run()
    state, uploaded, _ = at.session_state["documents.result"]
    assert state == "ok", uploaded
    return uploaded.doc_id


def test_source_documents_are_not_offered_for_deletion(app_env):
    from assistant.corpus import SOURCE_DOCUMENTS

    at = on_page("documents")
    assert_no_exception(at)
    target = [s for s in at.selectbox if s.key == "documents.target"]
    assert not target or not set(target[0].options) & set(SOURCE_DOCUMENTS)
    table = at.dataframe[-1].value
    assert set(table[table["可删除"] == "否（受保护）"]["id"]) >= set(SOURCE_DOCUMENTS)


def test_delete_needs_confirmation_and_then_the_document_is_gone_everywhere(app_env):
    from ui import resources

    at = on_page("documents")
    _loaded()
    doc_id = _upload(at)
    at = on_page("documents")
    at.selectbox(key="documents.target").set_value(doc_id).run()
    assert button(at, "删除").disabled                       # not before the box is ticked
    gen = at.session_state.get("documents.gen", 0)
    at.checkbox(key=f"documents.confirm_delete.{doc_id}.{gen}").check().run()
    button(at, "删除").click().run()
    assert_no_exception(at)
    assert any("已删除" in plain(s.value) for s in at.success)
    corpus = resources.corpus()
    assert doc_id not in {d.id for d in corpus.documents}
    assistant = _loaded()
    assert assistant.corpus.fingerprint == corpus.fingerprint          # the index follows
    hits = assistant.retriever.search("屋顶光伏覆盖率不低于多少", k=10).hits
    assert all(h.doc_id != doc_id for h in hits)


def test_a_failed_delete_is_shown_and_changes_nothing(app_env, monkeypatch):
    import os
    from pathlib import Path

    at = on_page("documents")
    doc_id = _upload(at, "失败删除.txt", title="关于测试删除失败的通知")
    corpus_dir = Path(app_env["XIAOWEI_CORPUS_DIR"])
    before = snapshot(corpus_dir)
    real = os.replace
    calls = {"n": 0}

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    at = on_page("documents")
    at.selectbox(key="documents.target").set_value(doc_id).run()
    gen = at.session_state.get("documents.gen", 0)
    at.checkbox(key=f"documents.confirm_delete.{doc_id}.{gen}").check().run()
    with monkeypatch.context() as mp:
        mp.setattr(os, "replace", flaky)
        button(at, "删除").click().run()
    assert_no_exception(at)
    errors = [plain(e.value) for e in at.error]
    assert errors and "未删除" in errors[0] and "语料库和索引均未改动" in errors[0]
    assert snapshot(corpus_dir) == before


def test_replace_keeps_the_id(app_env):
    from ui import resources

    at = on_page("documents")
    doc_id = _upload(at, "替换前.txt", title="关于测试替换功能的通知")
    at = on_page("documents")
    at.selectbox(key="documents.target").set_value(doc_id).run()
    at.radio(key="documents.action").set_value("替换为新版本").run()
    gen = at.session_state.get("documents.gen", 0)
    new = "关于测试替换功能的通知（修订）\n一、第一条。\n二、第二条。\n三、第三条。\n".encode()
    at.file_uploader(key=f"documents.replace_file.{doc_id}.{gen}").set_value(("替换后.txt", new, "text/plain")).run()
    at.checkbox(key=f"documents.confirm_replace.{doc_id}.{gen}").check().run()
    button(at, "替换").click().run()
    assert_no_exception(at)
    assert any("已用“替换后.txt”替换" in plain(s.value) for s in at.success)
    doc = resources.corpus().document(doc_id)
    assert doc.meta.source_file == "替换后.txt" and [c.label for c in doc.clauses][-1] == "三、"


def test_upload_dates_are_typed_in_chinese(app_env):
    at = on_page("documents")
    box = at.text_input(key="documents.date.0")
    assert box.label == "成文日期" and "2024年5月1日" in box.placeholder
    assert not at.get("date_input")


def _bomb_pdf() -> bytes:
    from test_ingest import _flate_bomb_pdf

    return _flate_bomb_pdf(120)


def _bomb_docx() -> bytes:
    from test_ingest import _docx_bytes, _paragraphs_xml

    return _docx_bytes(_paragraphs_xml("小微企业园" * 200, 30_000))


@pytest.mark.parametrize("filename,make,fields,words", [
    ("bomb.pdf", _bomb_pdf, {}, "炸弹"),
    ("bomb.docx", _bomb_docx, {}, "炸弹"),
    ("ok.txt", lambda: GOOD, {"documents.title.0": "长" * 201}, "标题"),
    ("ok.txt", lambda: GOOD, {"documents.issuer.0": "机" * 201}, "发文机关"),
    ("ok.txt", lambda: GOOD, {"documents.kind.0": "类" * 201}, "文件类型"),
])
def test_bad_upload_or_field_is_refused_and_nothing_changes(app_env, filename, make, fields, words):
    from pathlib import Path

    at = on_page("documents")
    _loaded()
    corpus_dir, index_dir = Path(app_env["XIAOWEI_CORPUS_DIR"]), Path(app_env["XIAOWEI_INDEX_DIR"])
    before = snapshot(corpus_dir), snapshot(index_dir)
    at.file_uploader(key="documents.file.0").set_value((filename, make(), "application/octet-stream")).run()
    at.selectbox(key="documents.city.0").set_value("温州市").run()
    for key, value in fields.items():
        at.text_input(key=key).set_value(value).run()
    button(at, "校验并导入").click().run()
    assert_no_exception(at)
    errors = [plain(e.value) for e in at.error]
    assert errors and words in errors[0], errors
    assert (snapshot(corpus_dir), snapshot(index_dir)) == before


@pytest.mark.parametrize("field,value,words", [
    ("title", "标题\ud800", "标题"), ("issuer", "\udcff\udcfe", "发文机关"), ("notes", "说" * 2001, "说明"),
    ("doc_number", "号" * 201, "文号"), ("city", "\x1b[0m", "地区"),
])
def test_upload_handler_checks_every_field(app_env, field, value, words):
    """What a client other than the browser could send: invalid Unicode, escapes, oversized text."""
    from pathlib import Path

    from assistant.errors import AssistantError
    from ui.documents import ingest_upload

    before = snapshot(Path(app_env["XIAOWEI_CORPUS_DIR"]))
    kwargs = {"city": "温州市", field: value}
    with pytest.raises(AssistantError) as exc:
        ingest_upload(GOOD, "fields.txt", **kwargs)
    assert words in exc.value.message and exc.value.message_en
    assert snapshot(Path(app_env["XIAOWEI_CORPUS_DIR"])) == before
