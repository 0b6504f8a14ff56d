"""The input boundary: invalid Unicode, control characters, lengths, dates, files and JSON."""

import datetime as dt
import json
import os

import pytest

from assistant import textin
from assistant.errors import InputError, QueryError


def gbk_argv(text: str) -> str:
    """What Python makes of GBK bytes in a command-line argument on a UTF-8 system."""
    return text.encode("gbk").decode("utf-8", "surrogateescape")


def test_gbk_argument_is_recovered():
    assert textin.field(gbk_argv("温州市经信局"), "issuer") == "温州市经信局"


def test_surrogate_that_is_no_byte_is_refused_naming_the_field():
    with pytest.raises(InputError) as exc:
        textin.field("发文\ud800机关", "issuer")
    assert exc.value.field == "issuer" and "发文机关" in exc.value.message and exc.value.message_en


def test_question_replaces_what_it_cannot_recover():
    assert textin.question("维修\ud800基金") == "维修\ufffd基金"


@pytest.mark.parametrize("raw, expected", [
    ("温州\x1b[31m市\x1b[0m", "温州市"),
    ("温\x00州\x07市", "温州市"),
    ("\u202e市州温", "市州温"),
    ("一\n二\t三", "一 二 三"),
    ("\x1b]0;title\x07标题", "标题"),
    ("\x9b31m标题", "标题"),
])
def test_one_line_fields_lose_controls_and_escapes(raw, expected):
    assert textin.field(raw, "title") == expected


def test_multiline_fields_keep_line_breaks():
    assert textin.field("第一行\r\n第二行\x1b[1m", "notes", multiline=True, max_chars=100) == "第一行\n第二行"


def test_field_length_is_capped_with_a_message():
    with pytest.raises(InputError) as exc:
        textin.field("长" * 201, "title")
    assert "201" in exc.value.message and "200" in exc.value.message and exc.value.field == "title"


def test_empty_and_required():
    assert textin.field("  \x1b[0m ", "issuer") is None
    with pytest.raises(InputError, match="请填写"):
        textin.field("\x00", "city", required=True)
    with pytest.raises(InputError, match="应为文字"):
        textin.field(12, "city")


def test_question_length_cap():
    assert textin.question("问" * textin.MAX_QUESTION_CHARS)
    with pytest.raises(QueryError) as exc:
        textin.question("问" * (textin.MAX_QUESTION_CHARS + 1))
    assert exc.value.field == "question" and "过长" in exc.value.message


def test_document_text_reports_what_it_removed():
    text, warnings = textin.document_text("一、总则\x1b[2J\n（一）\ud800甲。\n")
    assert text == "一、总则\n（一）\ufffd甲。\n"
    assert len(warnings) == 2


def test_terminal_and_json_output_are_inert():
    assert textin.terminal("a\x1b[2Jb\ud800") == "ab\ufffd"
    dumped = textin.json_text(json.dumps({"t": "x\x9b2Jy\u202e"}, ensure_ascii=False))
    assert "\x9b" not in dumped and json.loads(dumped) == {"t": "x\x9b2Jy\u202e"}


@pytest.mark.parametrize("d", [dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(1948, 12, 31), dt.date(2101, 1, 1)])
def test_dates_outside_1949_2100_are_refused(d):
    with pytest.raises(InputError) as exc:
        textin.check_date(d, "date")
    assert exc.value.field == "date" and "1949" in exc.value.message


def test_dates_inside_the_range_pass():
    assert textin.check_date(dt.date(2024, 2, 29), "date") == dt.date(2024, 2, 29)


def test_date_strings_inside_json_are_checked_by_key_path():
    textin.check_dates_in({"contract_date": "2024-08-31", "name": "2024-13-45x"}, "input")
    with pytest.raises(InputError) as exc:
        textin.check_dates_in({"a": [{"contract_date": "9999-12-31"}]}, "input")
    assert exc.value.field == "a[0].contract_date"


# ---------------------------------------------------------------- files

def test_read_file_refuses_symlink_directory_fifo_and_size(tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("x" * 100)
    link = tmp_path / "l.txt"
    link.symlink_to(target)
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    for path, words in [(link, "符号链接"), (tmp_path, "目录"), (fifo, "不是普通文件"),
                        (tmp_path / "none.txt", "找不到")]:
        with pytest.raises(InputError, match=words):
            textin.read_file(path, "file", max_bytes=1000, follow_symlinks=False)
    with pytest.raises(InputError, match="过大"):
        textin.read_file(target, "file", max_bytes=10)
    assert textin.read_file(link, "file", max_bytes=1000) == b"x" * 100  # input files may be links


def test_sparse_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(3 * 1024 ** 3)  # 3 GB, sparse: reading it would take 3 GB of memory
    with pytest.raises(InputError, match="过大"):
        textin.read_file(big, "file", max_bytes=20 * 1024 * 1024)


# ---------------------------------------------------------------- JSON

@pytest.mark.parametrize("data, words", [
    (b"[" * 5000 + b"]" * 5000, "嵌套"),
    (b"[" * 100 + b"]" * 100, "嵌套"),
    ('{"a": "温州"}'.encode("gbk"), "UTF-8"),
    (b'{"a": ' + b"9" * 5000 + b"}", "位数"),
    (b'{"a": 1e999}', "超出范围"),
    (b'{"a": NaN}', "NaN"),
    (b'{"a": ', "不是有效的 JSON"),
])
def test_bad_json_is_one_clear_error(data, words):
    with pytest.raises(InputError) as exc:
        textin.parse_json(data, "x.json", "input")
    assert words in exc.value.message and exc.value.field == "input"


def test_good_json_with_bom():
    assert textin.parse_json("\ufeff{\"a\": [1, 2.5]}".encode(), "x.json", "input") == {"a": [1, 2.5]}


def test_read_json_file_names_the_file(tmp_path):
    with pytest.raises(InputError) as exc:
        textin.read_json_file(tmp_path, "plan", what_zh="园区方案")
    assert "目录" in exc.value.message and exc.value.field == "plan"
    p = tmp_path / "p.json"
    p.write_bytes(b"\xff\xfe{}")
    with pytest.raises(InputError, match="p.json"):
        textin.read_json_file(p, "plan")
