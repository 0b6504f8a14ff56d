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
