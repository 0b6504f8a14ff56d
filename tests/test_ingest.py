"""Bad input gets a clear message and changes nothing; good input lands whole."""

import io
import subprocess
import sys

import pytest

from assistant.corpus import ingest_bytes, load_corpus
from assistant.errors import IngestError
from assistant.loaders import MAX_BYTES, load_bytes

from conftest import FIXTURES, ROOT, SEEDS, snapshot


def _pdf_without_text() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for page in PdfReader(FIXTURES / "002_1939f8584d88c3be.pdf").pages:
        w.add_page(page)
    w.encrypt(user_password="secret", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD = {
    "empty": (b"", "a.txt", "为空"),
    "whitespace only": (b"  \n\n ", "a.txt", "为空"),
    "junk renamed pdf": (bytes(range(256)) * 40, "junk.pdf", "不是有效的 PDF"),
    "scanned pdf": (None, "scan.pdf", "没有文字层"),
    "encrypted pdf": (None, "locked.pdf", "已加密"),
    "truncated pdf": (None, "cut.pdf", "PDF"),
    "wrong encoding": ("小微企业园入园条件".encode("utf-16-le") * 20, "a.txt", "编码"),
    "not a zip docx": (b"PK\x03\x04 this is not really a zip" * 10, "a.docx", "DOCX"),
    "path traversal": (b"text", "../../etc/passwd.txt", "文件名"),
    "unsupported type": (b"text", "a.exe", "不支持"),
}


def _payload(name, data):
    if name == "scanned pdf":
        return _pdf_without_text()
    if name == "encrypted pdf":
        return _encrypted_pdf()
    if name == "truncated pdf":
        return (FIXTURES / "002_1939f8584d88c3be.pdf").read_bytes()[:1500]
    return data


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_refused_and_corpus_unchanged(name, corpus_copy):
    data, filename, words = BAD[name]
    before = snapshot(corpus_copy)
    with pytest.raises(IngestError) as exc:
        ingest_bytes(_payload(name, data), filename, title="测试", city="温州市")
    assert words in exc.value.message
    assert exc.value.message_en  # and an English sentence for English users
    assert snapshot(corpus_copy) == before


def test_fifty_megabytes_is_refused_before_reading(corpus_copy):
    before = snapshot(corpus_copy)
    big = b"a" * (50 * 1024 * 1024)
    with pytest.raises(IngestError, match="过大"):
        ingest_bytes(big, "big.txt", title="大文件", city="温州市")
    assert snapshot(corpus_copy) == before
    assert MAX_BYTES < len(big)


def test_docx_zip_bomb_refused():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"0" * (120 * 1024 * 1024))
    with pytest.raises(IngestError, match="压缩炸弹"):
        load_bytes(buf.getvalue(), "bomb.docx")


def test_gbk_text_is_read():
    text = "一、总则\n（一）入园企业在5年内不得进行转让产权。\n"
    assert load_bytes(text.encode("gbk"), "gbk.txt").text == text


def test_ingest_pdf_adds_a_citable_document(corpus_copy):
    data = (FIXTURES / "004_5f545973f5757773.pdf").read_bytes()
    doc = ingest_bytes(data, "wenzhou-copy.pdf", title="温州实施意见（PDF副本）", city="温州市", kind="实施意见",
                       doc_id="wenzhou-pdf-copy")
    corpus = load_corpus(corpus_copy)
    again = corpus.document("wenzhou-pdf-copy")
    assert again.meta.source_file == "wenzhou-copy.pdf"
    assert [c.label for c in again.clauses] == [c.label for c in doc.clauses]
    assert "维修" not in again.clauses[0].text  # sanity: clause 前言 is the title and opening
    assert corpus.clause("wenzhou-pdf-copy", "10.").text.startswith("10.规范销售准入管理")


def test_ingest_refuses_duplicate_id_and_unknown_status(corpus_copy):
    before = snapshot(corpus_copy)
    data = (SEEDS / "002_1939f8584d88c3be.txt").read_bytes()
    with pytest.raises(IngestError, match="已存在"):
        ingest_bytes(data, "x.txt", title="t", city="临海市", doc_id="linhai-plan-draft")
    with pytest.raises((IngestError, ValueError)):
        ingest_bytes(data, "y.txt", title="t", city="临海市", status="whatever")
    assert snapshot(corpus_copy) == before


def test_cli_ingest_bad_file_exit_code_and_message(tmp_path, corpus_copy):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage garbage")
    before = snapshot(corpus_copy)
    r = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(bad), "--city", "温州市", "--title", "坏文件"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert "错误" in r.stderr and "Traceback" not in r.stderr
    assert snapshot(corpus_copy) == before


def test_cli_corpus_show_json(corpus_copy):
    import json

    r = subprocess.run([sys.executable, "-m", "assistant", "corpus", "show", "linhai-plan-draft#（二十二）", "--json"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["source_file"] == "002_1939f8584d88c3be.txt"
    assert "12元/平方米" in data["text"] and data["status"] == "draft"
