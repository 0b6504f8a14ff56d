"""The bad-input suite: every command, ~170 bad inputs (the outside probe's cases among them).

Each case must end with exit code 2 and a Chinese and an English sentence (on stderr, or as JSON with --json),
no traceback, no internal error (exit 3), and the corpus and the index byte-identical afterwards.
Commands run in-process through ``assistant.cli.main`` (what ``python -m assistant`` calls), so the suite takes
seconds; ``test_the_suite_agrees_with_real_processes`` runs a sample as real processes, raw bytes in argv.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zlib

import pytest

from conftest import FIXTURES, ROOT, SEEDS, snapshot

GOOD_TEXT = "关于测试的通知\n一、总则\n（一）入园企业应当依法经营。\n"
UNDECODABLE = b"\xff\xfe\xff".decode("utf-8", "surrogateescape")   # not UTF-8, not GBK
DEEP = "[" * 5000 + "]" * 5000
BIG_NUMBER = "9" * 5000


def _pdf_bomb() -> bytes:
    from test_ingest import _flate_bomb_pdf

    return _flate_bomb_pdf(120)


def _docx_bomb() -> bytes:
    from test_ingest import _docx_bytes, _paragraphs_xml

    return _docx_bytes(_paragraphs_xml("小微企业园" * 200, 30_000))


def make_files(d):
    """Every file a case names, under ``d``."""
    (d / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n ")
    (d / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (d / "utf16.txt").write_bytes("小微企业园入园条件".encode("utf-16-le") * 20)
    (d / "prog.exe").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "noext").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "junk.pdf").write_bytes(bytes(range(256)) * 40)
    (d / "cut.pdf").write_bytes((FIXTURES / "002_1939f8584d88c3be.pdf").read_bytes()[:1500])
    (d / "nopdf.pdf").write_bytes(b"%PDF-1.4 garbage garbage")
    (d / "bomb.pdf").write_bytes(_pdf_bomb())
    (d / "fake.docx").write_bytes(b"PK\x03\x04 this is not really a zip" * 10)
    (d / "bomb.docx").write_bytes(_docx_bomb())
    import zipfile

    with zipfile.ZipFile(d / "nobody.docx", "w") as zf:
        zf.writestr("word/other.xml", "<x/>")
    with open(d / "sparse.txt", "wb") as f:
        f.truncate(25 * 1024 * 1024)
    (d / "link.txt").symlink_to("/etc/passwd")
    (d / "goodlink.txt").symlink_to(d / "good.txt")
    os.mkfifo(d / "fifo.txt")
    (d / "folder.txt").mkdir()
    (d / "dup").mkdir()
    shutil.copy(SEEDS / "002_1939f8584d88c3be.txt", d / "dup" / "002_1939f8584d88c3be.txt")
    with open(os.fsencode(d) + b"/\xff\xfe.txt", "wb") as f:
        f.write(GOOD_TEXT.encode())
    # JSON inputs
    (d / "notjson.json").write_text("{not json", encoding="utf-8")
    (d / "array.json").write_text("[1, 2]", encoding="utf-8")
    (d / "deep.json").write_text(DEEP, encoding="utf-8")
    (d / "gbk.json").write_bytes('{"企业名称": "温州"}'.encode("gbk"))
    (d / "bignum.json").write_text('{"area_m2": ' + BIG_NUMBER + "}", encoding="utf-8")
    (d / "nan.json").write_text('{"area_m2": NaN}', encoding="utf-8")
    (d / "inf.json").write_text('{"area_m2": 1e999}', encoding="utf-8")
    (d / "huge.json").write_text('{"a": "' + "x" * (6 * 1024 * 1024) + '"}', encoding="utf-8")
    (d / "plan_bignum.json").write_text('{"jurisdiction": "临海市", "plot_ratio": ' + BIG_NUMBER + "}",
                                        encoding="utf-8")
    (d / "plan_9999.json").write_text('{"jurisdiction": "临海市", "contract_date": "9999-12-31"}', encoding="utf-8")
    (d / "ent_9999.json").write_text(json.dumps({"jurisdiction": "临海市", "as_of": "9999-12-31"}), encoding="utf-8")
    (d / "ent_asof.json").write_text(json.dumps({"jurisdiction": "临海市", "as_of": "2024-01-01"}), encoding="utf-8")
    (d / "prof_noname.json").write_text(json.dumps({"联系人": "张三"}, ensure_ascii=False), encoding="utf-8")
    (d / "prof_ctrl.json").write_text(json.dumps({"企业名称": "\x00\x1b[2J\x07"}), encoding="utf-8")
    (d / "prof_bignum.json").write_text('{"企业名称": "甲公司", "员工人数": ' + BIG_NUMBER + "}", encoding="utf-8")
    (d / "prof_nan.json").write_text('{"企业名称": "甲公司", "员工人数": NaN}', encoding="utf-8")
    (d / "prof_surrogate.json").write_text('{"企业名称": "甲\\ud800公司"}', encoding="utf-8")
    (d / "prof_ok.json").write_text(json.dumps({"企业名称": "甲公司"}, ensure_ascii=False), encoding="utf-8")
    (d / "report_bad.json").write_text('{"subject": 1}', encoding="utf-8")
    (d / "rows_gbk.csv").write_bytes("市、县（市、区）\n温州\n".encode("gbk"))
    (d / "rows_obj.json").write_text('"text"', encoding="utf-8")
    (d / "rows_ok.json").write_text(json.dumps([{"市、县（市、区）": "温州市"}], ensure_ascii=False), encoding="utf-8")
    # question files
    (d / "q_gbk.jsonl").write_bytes('{"id": "1", "question": "维修基金"}\n'.encode("gbk") * 3)
    (d / "q_bad.jsonl").write_text('{"id": "1"}\n', encoding="utf-8")
    (d / "q_deep.jsonl").write_text(DEEP + "\n", encoding="utf-8")
    (d / "q_missing_fields.jsonl").write_text('{"id": "1", "question": "维修基金"}\n', encoding="utf-8")
    (d / "q_empty.jsonl").write_text("", encoding="utf-8")


I = ["ingest"]
OK = ["--city", "温州市"]
CASES: list[tuple[str, list[str]]] = [
    # ---- ingest: files
    ("ingest missing file", I + ["{F}/none.txt", *OK]),
    ("ingest directory", I + ["{F}/folder.txt", *OK]),
    ("ingest symlink to /etc/passwd", I + ["{F}/link.txt", *OK]),
    ("ingest symlink to a good file", I + ["{F}/goodlink.txt", *OK]),
    ("ingest fifo", I + ["{F}/fifo.txt", *OK]),
    ("ingest /dev/zero", I + ["/dev/zero", *OK]),
    ("ingest /dev/null", I + ["/dev/null", *OK]),
    ("ingest empty", I + ["{F}/empty.txt", *OK]),
    ("ingest blank", I + ["{F}/blank.txt", *OK]),
    ("ingest binary junk", I + ["{F}/junk.txt", *OK]),
    ("ingest utf-16", I + ["{F}/utf16.txt", *OK]),
    ("ingest .exe", I + ["{F}/prog.exe", *OK]),
    ("ingest no extension", I + ["{F}/noext", *OK]),
    ("ingest junk pdf", I + ["{F}/junk.pdf", *OK]),
    ("ingest truncated pdf", I + ["{F}/cut.pdf", *OK]),
    ("ingest garbage pdf", I + ["{F}/nopdf.pdf", *OK]),
    ("ingest flate-bomb pdf", I + ["{F}/bomb.pdf", *OK]),
    ("ingest not-zip docx", I + ["{F}/fake.docx", *OK]),
    ("ingest docx bomb", I + ["{F}/bomb.docx", *OK]),
    ("ingest docx without body", I + ["{F}/nobody.docx", *OK]),
    ("ingest 25 MB sparse file", I + ["{F}/sparse.txt", *OK]),
    ("ingest duplicate source file", I + ["{F}/dup/002_1939f8584d88c3be.txt", "--city", "临海市", "--title", "另一个"]),
    ("ingest file name not UTF-8 or GBK", I + ["{F}/\udcff\udcfe.txt", *OK]),
    # ---- ingest: metadata
    ("ingest no --city", I + ["{F}/good.txt"]),
    ("ingest empty city", I + ["{F}/good.txt", "--city", ""]),
    ("ingest blank city", I + ["{F}/good.txt", "--city", "   "]),
    ("ingest control-only city", I + ["{F}/good.txt", "--city", "\x1b[0m\x00"]),
    ("ingest undecodable city", I + ["{F}/good.txt", "--city", UNDECODABLE]),
    ("ingest undecodable title", I + ["{F}/good.txt", *OK, "--title", UNDECODABLE]),
    ("ingest undecodable issuer", I + ["{F}/good.txt", *OK, "--issuer", UNDECODABLE]),
    ("ingest undecodable kind", I + ["{F}/good.txt", *OK, "--kind", UNDECODABLE]),
    ("ingest undecodable notes", I + ["{F}/good.txt", *OK, "--notes", UNDECODABLE]),
    ("ingest undecodable doc number", I + ["{F}/good.txt", *OK, "--doc-number", UNDECODABLE]),
    ("ingest lone surrogate issuer", I + ["{F}/good.txt", *OK, "--issuer", "甲\ud800乙"]),
    ("ingest title too long", I + ["{F}/good.txt", *OK, "--title", "长" * 201]),
    ("ingest issuer too long", I + ["{F}/good.txt", *OK, "--issuer", "长" * 201]),
    ("ingest kind too long", I + ["{F}/good.txt", *OK, "--kind", "长" * 201]),
    ("ingest notes too long", I + ["{F}/good.txt", *OK, "--notes", "长" * 2001]),
    ("ingest city too long", I + ["{F}/good.txt", "--city", "市" * 201]),
    ("ingest status bogus", I + ["{F}/good.txt", *OK, "--status", "bogus"]),
    ("ingest date 9999", I + ["{F}/good.txt", *OK, "--date", "9999-12-31"]),
    ("ingest date 1900", I + ["{F}/good.txt", *OK, "--date", "1900-01-01"]),
    ("ingest date not a date", I + ["{F}/good.txt", *OK, "--date", "yesterday"]),
    ("ingest date Feb 30", I + ["{F}/good.txt", *OK, "--date", "2024-02-30"]),
    ("ingest effective date year 1", I + ["{F}/good.txt", *OK, "--effective-date", "0001-01-01"]),
    ("ingest effective date 2101", I + ["{F}/good.txt", *OK, "--effective-date", "2101-01-01"]),
    ("ingest bad id", I + ["{F}/good.txt", *OK, "--id", "Bad ID!"]),
    ("ingest existing id", I + ["{F}/good.txt", *OK, "--id", "linhai-plan-draft"]),
    ("ingest id too long", I + ["{F}/good.txt", *OK, "--id", "a" * 80]),
    ("ingest duplicate title in its city", I + ["{F}/good.txt", "--city", "温州市", "--title",
                                                "温州市“百园万企”小微企业园示范引领工程实施意见"]),
    ("ingest unknown option", I + ["{F}/good.txt", *OK, "--colour", "red"]),
    ("ingest no file", I + [*OK]),
    ("ingest --json missing file", I + ["{F}/none.txt", *OK, "--json"]),
    ("ingest --json bomb", I + ["{F}/bomb.pdf", *OK, "--json"]),
    # ---- corpus
    ("corpus show unknown doc", ["corpus", "show", "no-such-doc"]),
    ("corpus show unknown clause", ["corpus", "show", "linhai-plan-draft#（九十九）"]),
    ("corpus show surrogate ref", ["corpus", "show", UNDECODABLE]),
    ("corpus show escape ref", ["corpus", "show", "\x1b[2J\x1b]0;x\x07"]),
    ("corpus show hash only", ["corpus", "show", "#"]),
    ("corpus show empty", ["corpus", "show", ""]),
    ("corpus show --json unknown", ["corpus", "show", "nope", "--json"]),
    ("corpus bogus subcommand", ["corpus", "bogus"]),
    ("corpus no subcommand", ["corpus"]),
    ("corpus list extra", ["corpus", "list", "extra"]),
    # ---- search
    ("search empty", ["search", ""]),
    ("search blank", ["search", "   \n\t "]),
    ("search emoji only", ["search", "😀🎉👍"]),
    ("search punctuation only", ["search", "？！。，、"]),
    ("search zero-width only", ["search", "\u200b\u200b"]),
    ("search control only", ["search", "\x1b[2J\x00\x07"]),
    ("search undecodable only", ["search", UNDECODABLE]),
    ("search 10 000 characters", ["search", "维修基金" * 2500]),
    ("search 1 M characters", ["search", "问" * 1_000_000]),
    ("search k 0", ["search", "维修基金", "-k", "0"]),
    ("search k -1", ["search", "维修基金", "-k", "-1"]),
    ("search k abc", ["search", "维修基金", "-k", "abc"]),
    ("search k 1000", ["search", "维修基金", "-k", "1000"]),
    ("search k 20 digits", ["search", "维修基金", "-k", "9" * 20]),
    ("search unknown city", ["search", "维修基金", "--city", "火星市"]),
    ("search undecodable city", ["search", "维修基金", "--city", UNDECODABLE]),
    ("search status bogus", ["search", "维修基金", "--status", "bogus"]),
    ("search unknown doc", ["search", "维修基金", "--doc", "no-such-doc"]),
    ("search encoder bogus", ["search", "维修基金", "--encoder", "bogus"]),
    ("search encoder hash:abc", ["search", "维修基金", "--encoder", "hash:abc"]),
    ("search jsonl missing", ["search", "--jsonl", "{F}/none.jsonl"]),
    ("search jsonl directory", ["search", "--jsonl", "{F}/folder.txt"]),
    ("search jsonl /dev/zero", ["search", "--jsonl", "/dev/zero"]),
    ("search jsonl fifo", ["search", "--jsonl", "{F}/fifo.txt"]),
    ("search nothing", ["search"]),
    ("search --json empty", ["search", "", "--json"]),
    # ---- ask
    ("ask empty", ["ask", ""]),
    ("ask blank", ["ask", "  "]),
    ("ask emoji only", ["ask", "😀"]),
    ("ask control only", ["ask", "\x1b[31m\x1b[0m"]),
    ("ask undecodable only", ["ask", UNDECODABLE]),
    ("ask 10 000 characters", ["ask", "维修基金" * 2500]),
    ("ask 1 M characters", ["ask", "问" * 1_000_000]),
    ("ask unknown city", ["ask", "容积率要求是多少？", "--city", "火星市"]),
    ("ask undecodable city", ["ask", "容积率要求是多少？", "--city", UNDECODABLE]),
    ("ask city too long", ["ask", "容积率要求是多少？", "--city", "市" * 300]),
    ("ask jsonl missing", ["ask", "--jsonl", "{F}/none.jsonl"]),
    ("ask jsonl directory", ["ask", "--jsonl", "{F}/folder.txt"]),
    ("ask jsonl /dev/zero", ["ask", "--jsonl", "/dev/zero"]),
    ("ask nothing", ["ask"]),
    ("ask --json 1 M characters", ["ask", "问" * 1_000_000, "--json"]),
    ("ask --json unknown city", ["ask", "容积率", "--city", "火星市", "--json"]),
    # ---- index
    ("index build encoder bogus", ["index", "build", "--encoder", "bogus"]),
    ("index build encoder st missing", ["index", "build", "--encoder", "st:/no/such/model"]),
    ("index build encoder hash:abc", ["index", "build", "--encoder", "hash:abc"]),
    ("index status encoder bogus", ["index", "status", "--encoder", "bogus"]),
    ("index bogus", ["index", "bogus"]),
    ("index nothing", ["index"]),
    # ---- eval
    ("eval missing file", ["eval", "{F}/none.jsonl"]),
    ("eval directory", ["eval", "{F}/folder.txt"]),
    ("eval /dev/zero", ["eval", "/dev/zero"]),
    ("eval not UTF-8", ["eval", "{F}/q_gbk.jsonl"]),
    ("eval bad line", ["eval", "{F}/q_bad.jsonl"]),
    ("eval deep line", ["eval", "{F}/q_deep.jsonl"]),
    ("eval line without expected", ["eval", "{F}/q_missing_fields.jsonl"]),
    ("eval empty file", ["eval", "{F}/q_empty.jsonl"]),
    ("eval encoder bogus", ["eval", "{F}/q_bad.jsonl", "--encoder", "bogus"]),
    # ---- calc
    ("calc unknown calculator", ["calc", "no-such", "--input", "{}"]),
    ("calc input not JSON", ["calc", "fees", "--input", "not json"]),
    ("calc input array", ["calc", "fees", "--input", "[]"]),
    ("calc input string", ["calc", "fees", "--input", '"x"']),
    ("calc input null", ["calc", "fees", "--input", "null"]),
    ("calc input deep", ["calc", "fees", "--input", DEEP]),
    ("calc input 5000 digits", ["calc", "fees", "--input", '{"area_m2": ' + BIG_NUMBER + "}"]),
    ("calc input 1e999", ["calc", "fees", "--input", '{"area_m2": 1e999}']),
    ("calc input NaN", ["calc", "fees", "--input", '{"area_m2": NaN}']),
    ("calc input Infinity", ["calc", "fees", "--input", '{"area_m2": -Infinity}']),
    ("calc input lone surrogate", ["calc", "fees", "--input", '{"area_m2": "\\ud800"}']),
    ("calc input undecodable", ["calc", "fees", "--input", UNDECODABLE]),
    ("calc input 6 MB", ["calc", "fees", "--input", '{"a": "' + "x" * (6 * 1024 * 1024) + '"}']),
    ("calc @missing", ["calc", "fees", "--input", "@{F}/none.json"]),
    ("calc @directory", ["calc", "fees", "--input", "@{F}/folder.txt"]),
    ("calc @/dev/zero", ["calc", "fees", "--input", "@/dev/zero"]),
    ("calc @fifo", ["calc", "fees", "--input", "@{F}/fifo.txt"]),
    ("calc @not UTF-8", ["calc", "fees", "--input", "@{F}/gbk.json"]),
    ("calc @deep", ["calc", "fees", "--input", "@{F}/deep.json"]),
    ("calc @5000 digits", ["calc", "fees", "--input", "@{F}/bignum.json"]),
    ("calc @NaN", ["calc", "fees", "--input", "@{F}/nan.json"]),
    ("calc @1e999", ["calc", "fees", "--input", "@{F}/inf.json"]),
    ("calc @6 MB", ["calc", "fees", "--input", "@{F}/huge.json"]),
    ("calc fees negative", ["calc", "fees", "--input", '{"area_m2": -5}']),
    ("calc fees zero", ["calc", "fees", "--input", '{"area_m2": 0}']),
    ("calc fees text", ["calc", "fees", "--input", '{"area_m2": "abc"}']),
    ("calc fees boolean", ["calc", "fees", "--input", '{"area_m2": true}']),
    ("calc fees extra key", ["calc", "fees", "--input", '{"area_m2": 100, "extra": 1}']),
    ("calc fees missing key", ["calc", "fees", "--input", "{}"]),
    ("calc deadline 9999", ["calc", "construction_deadlines", "--input", '{"contract_date": "9999-12-31"}']),
    ("calc deadline year 1", ["calc", "construction_deadlines", "--input", '{"contract_date": "0001-01-01"}']),
    ("calc deadline negative year", ["calc", "construction_deadlines", "--input", '{"contract_date": "-2024-01-01"}']),
    ("calc deadline Feb 30", ["calc", "construction_deadlines", "--input", '{"contract_date": "2024-02-30"}']),
    ("calc deadline not a date", ["calc", "construction_deadlines", "--input", '{"contract_date": "soon"}']),
    ("calc deadline 9999 --json", ["calc", "construction_deadlines", "--input", '{"contract_date": "9999-12-31"}',
                                   "--json"]),
    ("calc transfer ban 9999", ["calc", "transfer_ban", "--input", '{"acquired_date": "9999-01-01"}']),
    ("calc publicity 1900", ["calc", "publicity", "--input", '{"start_date": "1900-01-01"}']),
    ("calc approval holidays 9999", ["calc", "approval_deadlines", "--input",
                                     '{"approval_start_date": "2024-01-01", "holidays": ["9999-12-31"]}']),
    ("calc tax relief on_date 9999", ["calc", "land_use_tax_relief", "--input",
                                      '{"operation_start_date": "2024-10-01", "on_date": "9999-01-01"}']),
    # ---- check
    ("check park missing", ["check", "park", "{F}/none.json"]),
    ("check park directory", ["check", "park", "{F}/folder.txt"]),
    ("check park /dev/zero", ["check", "park", "/dev/zero"]),
    ("check park not JSON", ["check", "park", "{F}/notjson.json"]),
    ("check park array", ["check", "park", "{F}/array.json"]),
    ("check park deep", ["check", "park", "{F}/deep.json"]),
    ("check park not UTF-8", ["check", "park", "{F}/gbk.json"]),
    ("check park 5000 digits", ["check", "park", "{F}/plan_bignum.json"]),
    ("check park NaN", ["check", "park", "{F}/nan.json"]),
    ("check park date 9999", ["check", "park", "{F}/plan_9999.json"]),
    ("check park 6 MB", ["check", "park", "{F}/huge.json"]),
    ("check enterprise missing", ["check", "enterprise", "{F}/none.json"]),
    ("check enterprise deep", ["check", "enterprise", "{F}/deep.json"]),
    ("check enterprise array", ["check", "enterprise", "{F}/array.json"]),
    ("check enterprise as_of 9999 in file", ["check", "enterprise", "{F}/ent_9999.json"]),
    ("check enterprise --as-of 9999", ["check", "enterprise", "{F}/prof_ok.json", "--as-of", "9999-12-31"]),
    ("check enterprise --as-of bogus", ["check", "enterprise", "{F}/prof_ok.json", "--as-of", "bogus"]),
    ("check enterprise as_of twice", ["check", "enterprise", "{F}/ent_asof.json", "--as-of", "2024-01-01"]),
    ("check bogus", ["check", "bogus", "x.json"]),
    # ---- form
    ("form entry profile missing", ["form", "entry", "--profile", "{F}/none.json", "--out", "{O}/a.docx"]),
    ("form entry profile directory", ["form", "entry", "--profile", "{F}/folder.txt", "--out", "{O}/a.docx"]),
    ("form entry profile not JSON", ["form", "entry", "--profile", "{F}/notjson.json", "--out", "{O}/a.docx"]),
    ("form entry profile deep", ["form", "entry", "--profile", "{F}/deep.json", "--out", "{O}/a.docx"]),
    ("form entry profile not UTF-8", ["form", "entry", "--profile", "{F}/gbk.json", "--out", "{O}/a.docx"]),
    ("form entry profile array", ["form", "entry", "--profile", "{F}/array.json", "--out", "{O}/a.docx"]),
    ("form entry no name", ["form", "entry", "--profile", "{F}/prof_noname.json", "--out", "{O}/a.docx"]),
    ("form entry name only controls", ["form", "entry", "--profile", "{F}/prof_ctrl.json", "--out", "{O}/a.docx"]),
    ("form entry 5000-digit headcount", ["form", "entry", "--profile", "{F}/prof_bignum.json", "--out", "{O}/a.docx"]),
    ("form entry NaN headcount", ["form", "entry", "--profile", "{F}/prof_nan.json", "--out", "{O}/a.docx"]),
    ("form entry surrogate name", ["form", "entry", "--profile", "{F}/prof_surrogate.json", "--out", "{O}/a.docx"]),
    ("form entry out is a directory", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}"]),
    ("form entry out folder missing", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/x/y/a.docx"]),
    ("form entry out .txt", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/a.txt"]),
    ("form entry date 9999", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/a.docx",
                              "--date", "9999-12-31"]),
    ("form entry format bogus", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/a.docx",
                                 "--format", "bogus"]),
    ("form entry check report missing", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/a.docx",
                                         "--check-report", "{F}/none.json"]),
    ("form entry check report deep", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/a.docx",
                                      "--check-report", "{F}/deep.json"]),
    ("form entry check city unknown", ["form", "entry", "--profile", "{F}/prof_ok.json", "--out", "{O}/a.docx",
                                       "--check-city", "火星市"]),
    ("form table unknown table", ["form", "table", "附件9", "--rows", "{F}/array.json", "--out", "{O}/t.xlsx"]),
    ("form table rows missing", ["form", "table", "附件1", "--rows", "{F}/none.json", "--out", "{O}/t.xlsx"]),
    ("form table rows not UTF-8 csv", ["form", "table", "附件1", "--rows", "{F}/rows_gbk.csv", "--out", "{O}/t.xlsx"]),
    ("form table rows deep", ["form", "table", "附件1", "--rows", "{F}/deep.json", "--out", "{O}/t.xlsx"]),
    ("form table rows a string", ["form", "table", "附件1", "--rows", "{F}/rows_obj.json", "--out", "{O}/t.xlsx"]),
    ("form table rows directory", ["form", "table", "附件1", "--rows", "{F}/folder.txt", "--out", "{O}/t.xlsx"]),
    ("form table out is a directory", ["form", "table", "附件1", "--rows", "{F}/rows_ok.json", "--out", "{O}"]),
    ("form table out .csv", ["form", "table", "附件1", "--rows", "{F}/rows_ok.json", "--out", "{O}/t.csv"]),
    ("form park-report report missing", ["form", "park-report", "--report", "{F}/none.json", "--out", "{O}/r.xlsx"]),
    ("form park-report not a report", ["form", "park-report", "--report", "{F}/report_bad.json", "--out", "{O}/r.xlsx"]),
    ("form park-report deep", ["form", "park-report", "--report", "{F}/deep.json", "--out", "{O}/r.xlsx"]),
    ("form park-report plan missing", ["form", "park-report", "--plan", "{F}/none.json", "--out", "{O}/r.xlsx"]),
    ("form park-report plan deep", ["form", "park-report", "--plan", "{F}/deep.json", "--out", "{O}/r.xlsx"]),
    ("form park-report out .exe", ["form", "park-report", "--report", str(ROOT / "tests" / "fixtures" / "forms" /
                                                                      "park_report.json"), "--out", "{O}/r.exe"]),
    ("form nothing", ["form"]),
    # ---- anything
    ("unknown command", ["frobnicate"]),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A corpus copy, a built index (hashing encoder), the case files; environment set for the module."""
    base = tmp_path_factory.mktemp("bad")
    shutil.copytree(ROOT / "corpus", base / "corpus")
    files, out = base / "files", base / "out"
    files.mkdir()
    out.mkdir()
    make_files(files)
    env = {"XIAOWEI_CORPUS_DIR": str(base / "corpus"), "XIAOWEI_INDEX_DIR": str(base / "index"),
           "XIAOWEI_ENCODER": "hash:256"}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        mp.delenv("XIAOWEI_LLM_BASE_URL", raising=False)
        from assistant.cli import main

        assert main(["index", "build"]) == 0
        yield {"base": base, "F": str(files), "O": str(out), "env": env,
               "before": (snapshot(base / "corpus"), snapshot(base / "index"))}


def _argv(args, world):
    return [a.replace("{F}", world["F"]).replace("{O}", world["O"]) for a in args]


_HAN = re.compile(r"[\u4e00-\u9fff]")


def assert_bilingual(code, out, err, as_json):
    assert code == 2, f"exit {code}\nstdout: {out[-500:]}\nstderr: {err[-1500:]}"
    assert "Traceback" not in out + err
    if as_json and out.strip().startswith("{"):
        data = json.loads(out)
        assert data["error"] != "AssistantError" or "内部错误" not in data["message"]
        assert _HAN.search(data["message"]) and re.search(r"[A-Za-z]{3}", data["message_en"]), data
        return
    zh = [line for line in err.splitlines() if line.startswith("错误：")]
    en = [line for line in err.splitlines() if line.startswith("Error: ")]
    assert zh and _HAN.search(zh[0]) and "内部错误" not in zh[0], err
    assert en and re.search(r"[A-Za-z]{3}", en[0][7:]), err


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_bad_input_exit_2_in_two_languages_and_nothing_changes(world, name, capsys):
    from assistant.cli import main

    args = _argv(dict(CASES)[name], world)
    try:
        code = main(args)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    assert_bilingual(code, out, err, "--json" in args)
    base = world["base"]
    assert (snapshot(base / "corpus"), snapshot(base / "index")) == world["before"]
    assert not list((base / "out").iterdir())   # no half-written output file either


def test_the_suite_is_large_enough():
    assert len(CASES) >= 150 and len(dict(CASES)) == len(CASES)  # names are unique


SAMPLE = ["ingest undecodable issuer", "ingest symlink to /etc/passwd", "ingest flate-bomb pdf", "ingest status bogus",
          "calc deadline 9999", "search 10 000 characters", "corpus show escape ref", "form entry profile deep"]


@pytest.mark.parametrize("name", SAMPLE)
def test_the_suite_agrees_with_real_processes(world, name):
    """argv as raw bytes (a non-UTF-8 argument arrives as bytes, not as a Python string)."""
    args = [os.fsencode(a) for a in _argv(dict(CASES)[name], world)]
    r = subprocess.run([os.fsencode(sys.executable), b"-m", b"assistant", *args], capture_output=True, cwd=ROOT,
                       env=dict(os.environ, **world["env"]))
    assert_bilingual(r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace"), False)
    base = world["base"]
    assert (snapshot(base / "corpus"), snapshot(base / "index")) == world["before"]


def test_jsonl_bad_lines_are_error_lines_not_a_stop(world, capsys):
    """A batch goes on past a bad line; each bad line gets a bilingual error object; exit code 1."""
    from assistant.cli import main

    qfile = os.path.join(world["F"], "batch.jsonl")
    with open(qfile, "wb") as f:
        f.write(b'{"id": "a", "question": "\xe7\xbb\xb4\xe4\xbf\xae\xe5\x9f\xba\xe9\x87\x91"}\n')   # 维修基金
        f.write(b"not json\n" + DEEP.encode() + b"\n" + "{\"id\": \"g\", \"question\": \"维修\"}".encode("gbk") + b"\n")
        f.write(b'{"id": "b", "question": ""}\n{"id": "c", "question": 5}\n' + b"x" * 100_000 + b"\n")
        f.write(b'{"id": "d", "question": "' + "问".encode() * 5000 + b'"}\n')
    code = main(["ask", "--jsonl", qfile])
    out, _ = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(lines) == 8
    assert "answer" in lines[0] and all("error" in x for x in lines[1:])
    assert sum(1 for x in lines[1:] if "message_en" in x) >= 3
