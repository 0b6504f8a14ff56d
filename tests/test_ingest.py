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


# ---------------------------------------------------------------- reliability round two: one bad field, bombs, links

def _cli(args, corpus_root, **env):
    run_env = dict(__import__("os").environ, XIAOWEI_CORPUS_DIR=str(corpus_root), XIAOWEI_ENCODER="hash:256",
                   XIAOWEI_INDEX_DIR=str(corpus_root.parent / "idx"), **env)
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, cwd=ROOT, env=run_env)


def test_gbk_issuer_from_a_windows_terminal_is_stored_as_what_was_typed(tmp_path, corpus_copy):
    src = tmp_path / "n.txt"
    src.write_text("一、总则\n（一）测试条款。\n", encoding="utf-8")
    gbk = "温州市经济和信息化局".encode("gbk")
    r = subprocess.run([sys.executable.encode(), b"-m", b"assistant", b"ingest", bytes(src), b"--city", "温州市".encode(),
                        b"--title", "测试".encode(), b"--issuer", gbk, b"--json"],
                       capture_output=True, cwd=ROOT, env=dict(__import__("os").environ, XIAOWEI_CORPUS_DIR=str(corpus_copy)))
    assert r.returncode == 0, r.stderr.decode()
    doc = load_corpus(corpus_copy).document(__import__("json").loads(r.stdout)["id"])
    assert doc.meta.issuer == "温州市经济和信息化局"
    assert _cli(["index", "status", "--json"], corpus_copy).returncode == 0   # the corpus still serialises


def test_undecodable_field_is_refused_naming_it_and_nothing_changes(tmp_path, corpus_copy):
    src = tmp_path / "n.txt"
    src.write_text("一、总则\n（一）测试条款。\n", encoding="utf-8")
    before = snapshot(corpus_copy)
    r = subprocess.run([sys.executable.encode(), b"-m", b"assistant", b"ingest", bytes(src), b"--city", "温州市".encode(),
                        b"--notes", b"\xff\xfe\xff"], capture_output=True, cwd=ROOT,
                       env=dict(__import__("os").environ, XIAOWEI_CORPUS_DIR=str(corpus_copy)))
    err = r.stderr.decode()
    assert r.returncode == 2 and "说明" in err and "notes" in err and "Traceback" not in err
    assert snapshot(corpus_copy) == before


def test_metadata_stored_with_a_lone_surrogate_no_longer_takes_everything_down(corpus_copy):
    """A YAML written before the boundary existed (what the probe left behind) loads, with U+FFFD."""
    meta = corpus_copy / "documents" / "cixi-192-reply.yaml"
    text = meta.read_text(encoding="utf-8")
    text = text.replace("issuer: ", 'issuer: "\\uDCB9\\uDCFE" #', 1)              # GBK bytes of 哈: recovered
    text = text.replace("kind: ", 'kind: "\\uDCFF\\uDCFF\\uD800" #', 1)         # no encoding reads these
    meta.write_text(text, encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert corpus.document("cixi-192-reply").meta.issuer == "哈"
    assert corpus.document("cixi-192-reply").meta.kind == "\ufffd\ufffd\ufffd"
    assert corpus.fingerprint   # model_dump_json: PydanticSerializationError before
    for args in (["search", "维修基金", "--json"], ["index", "status"], ["corpus", "list", "--json"]):
        r = _cli(args, corpus_copy)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (args, r.stderr.decode())


def _docx_bytes(document_xml: bytes) -> bytes:
    import zipfile

    ct = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          b'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
          b'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _paragraphs_xml(paragraph: str, n: int) -> bytes:
    p = f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>".encode()
    return (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body>' + p * n + b"</w:body></w:document>")


def test_docx_expansion_bomb_is_refused_before_parsing(corpus_copy):
    """The probe's bomb: a few hundred KB that unpack to ~100 MB of text (5× the file cap)."""
    bomb = _docx_bytes(_paragraphs_xml("小微企业园" * 200, 100_000))   # ~100 MB of XML
    assert len(bomb) < 1024 * 1024
    before = snapshot(corpus_copy)
    with pytest.raises(IngestError) as exc:
        ingest_bytes(bomb, "bomb.docx", title="炸弹", city="温州市")
    assert "压缩炸弹" in exc.value.message and exc.value.field == "file"
    assert snapshot(corpus_copy) == before


def test_docx_whose_text_exceeds_the_text_cap_is_refused(monkeypatch):
    import assistant.loaders as loaders

    monkeypatch.setattr(loaders, "MAX_TEXT_CHARS", 50_000)
    data = _docx_bytes(_paragraphs_xml("小微企业园" * 20, 1_000))     # 100 000 characters, a small XML
    with pytest.raises(IngestError, match="文字过多"):
        load_bytes(data, "long.docx")
    assert load_bytes(_docx_bytes(_paragraphs_xml("一、总则", 3)), "ok.docx").text.startswith("一、总则")


def _flate_bomb_pdf(megabytes: int) -> bytes:
    import zlib

    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

    w = PdfWriter()
    page = w.add_blank_page(595, 842)
    line = b"BT /F1 12 Tf 72 712 Td (" + b"A" * 60 + b") Tj ET\n"
    stream = StreamObject()
    stream._data = zlib.compress(line * (megabytes * 1024 * 1024 // len(line)), 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    stream[NameObject("/Length")] = NumberObject(len(stream._data))
    page[NameObject("/Contents")] = w._add_object(stream)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): w._add_object(font)})})
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_flate_bomb_pdf_is_an_ingest_error_not_limit_reached(corpus_copy):
    bomb = _flate_bomb_pdf(300)
    assert len(bomb) < 2 * 1024 * 1024
    before = snapshot(corpus_copy)
    with pytest.raises(IngestError) as exc:   # was pypdf's LimitReachedError, a traceback
        ingest_bytes(bomb, "bomb.pdf", title="炸弹", city="温州市")
    assert "炸弹" in exc.value.message and exc.value.message_en and exc.value.field == "file"
    assert snapshot(corpus_copy) == before


def test_pdf_text_is_capped_while_extracting(monkeypatch):
    import assistant.loaders as loaders

    monkeypatch.setattr(loaders, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(IngestError, match="文字过多"):
        load_bytes((FIXTURES / "004_5f545973f5757773.pdf").read_bytes(), "w.pdf")


def test_symlink_is_refused_not_followed(tmp_path, corpus_copy):
    link = tmp_path / "passwd.txt"
    link.symlink_to("/etc/passwd")
    before = snapshot(corpus_copy)
    r = _cli(["ingest", str(link), "--city", "温州市"], corpus_copy)
    assert r.returncode == 2 and "符号链接".encode() in r.stderr and b"symbolic link" in r.stderr
    assert snapshot(corpus_copy) == before
    from assistant.loaders import load_file

    with pytest.raises(IngestError, match="符号链接"):
        load_file(link)


@pytest.mark.parametrize("args, words", [
    (["--date", "9999-12-31"], "1949–2100"),
    (["--effective-date", "1900-01-01"], "1949–2100"),
    (["--status", "bogus"], "无效"),
])
def test_ingest_bad_dates_and_status_exit_2_in_both_languages(args, words, tmp_path, corpus_copy):
    src = tmp_path / "n.txt"
    src.write_text("一、总则\n", encoding="utf-8")
    r = _cli(["ingest", str(src), "--city", "温州市", *args], corpus_copy)
    err = r.stderr.decode()
    assert r.returncode == 2 and words in err and "Error:" in err and "错误" in err and "Traceback" not in err


def test_year_9999_date_in_the_library_is_refused(corpus_copy):
    import datetime as dt

    with pytest.raises(IngestError) as exc:
        ingest_bytes("一、总则\n".encode(), "d.txt", title="日期", city="温州市", date=dt.date(9999, 12, 31))
    assert exc.value.field == "date"


def test_control_characters_in_a_document_are_removed_and_recorded(corpus_copy):
    text = "一、总则\x1b[2J\x1b]0;pwned\x07\n（一）条款。" + "入园企业应当依法经营。" * 60 + "\n"
    doc = ingest_bytes(text.encode(), "esc.txt", title="转义", city="温州市")
    assert "\x1b" not in doc.text and "\x07" not in doc.text
    assert any("控制字符" in d for d in doc.meta.defects)


def test_corpus_show_strips_terminal_escapes_from_a_stored_document(corpus_copy):
    """A text stored before documents were cleaned at ingest: `corpus show` still prints nothing a terminal acts on."""
    import hashlib
    import json

    docs = corpus_copy / "documents"
    text_path = docs / "cixi-192-reply.txt"
    text = text_path.read_text(encoding="utf-8").replace("一、", "一、\x1b[2J\x1b]0;pwned\x07\x9b31m", 1)
    text_path.write_text(text, encoding="utf-8")
    meta = docs / "cixi-192-reply.yaml"
    old = meta.read_text(encoding="utf-8")
    sha = next(line.split(":", 1)[1].strip() for line in old.splitlines() if line.startswith("sha256:"))
    meta.write_text(old.replace(sha, hashlib.sha256(text.encode()).hexdigest()), encoding="utf-8")
    for args in (["corpus", "show", "cixi-192-reply#一、"], ["corpus", "show", "cixi-192-reply#一、", "--json"],
                 ["search", "答复", "-k", "3"], ["search", "答复", "-k", "3", "--json"]):
        r = _cli(args, corpus_copy)
        assert r.returncode == 0, r.stderr.decode()
        assert b"\x1b" not in r.stdout and b"\x07" not in r.stdout and "\x9b".encode() not in r.stdout, args
    shown = json.loads(_cli(["corpus", "show", "cixi-192-reply#一、", "--json"], corpus_copy).stdout)
    assert "\x9b" in shown["text"]   # JSON keeps the text exactly, as an escape sequence of characters
