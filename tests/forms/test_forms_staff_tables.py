"""Staff tables (浙中小企业办〔2018〕14号 附件1–3): layouts match the printed
attachments, values land in their cells, totals add up, bad rows are named."""

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant.errors import FormError
from assistant.forms.staff_tables import StaffTableError, fill_table, read_rows, write_staff_table
from assistant.forms.table_layout import load_layout, table_ids

NOTICE = Path(__file__).resolve().parents[2] / "corpus" / "documents" / "zj-notice-2018-14.txt"


# ------------------------------------------------- the printed attachments

def source_rows(attachment: str) -> list[list[str]]:
    """Table rows of an attachment, parsed from the notice text independently of the corpus code.

    In the text a cell is a line starting with a tab; a line without a tab
    continues the cell above ("开发建设" / "模式"); a blank line followed by a
    cell line starts a new row.
    """
    text = NOTICE.read_text(encoding="utf-8")
    start = text.index(f"\n{attachment}\n")
    nxt = re.search(r"\n附件\d\n", text[start + 1:])
    segment = text[start: start + 1 + nxt.start()] if nxt else text[start:]
    rows: list[list[str]] = []
    lines = segment.split("\n")
    in_table = False
    for i, line in enumerate(lines):
        if line.startswith("\t"):
            prev_blank = i > 0 and not lines[i - 1].startswith("\t") and lines[i - 1].strip() == ""
            if not in_table or prev_blank:
                rows.append([])
            rows[-1].append(line.strip())
            in_table = True
        elif line.strip() and in_table and not line.startswith("注"):
            if rows and rows[-1] and not line.lstrip().startswith(("注", "附件")):
                rows[-1][-1] += line.strip()
        elif line.strip().startswith("注"):
            in_table = False
    return rows


def layout_rows(layout, section) -> list[list[str]]:
    """The layout's header rows as the notice prints them: a merged cell once, a
    cell covered from above as an empty string, the block name first."""
    placed = section.placed()
    n = len(section.columns)
    out = []
    for r in range(len(section.header)):
        row, c = [], 0
        if layout.section_key:
            row.append(section.label if r == 0 else "")
        while c < n:
            here = next((p for p in placed if p.col == c and p.row == r), None)
            if here:
                row.append(here.text)
                c += here.colspan
                continue
            above = next(p for p in placed if p.col <= c < p.col + p.colspan and p.row < r < p.row + p.rowspan)
            row.append("")
            c += above.colspan
        out.append(row)
    return out


@pytest.mark.parametrize("name", ["附件1", "附件2", "附件3"])
def test_layout_headers_are_the_printed_headers(name):
    layout = load_layout(name)
    printed = source_rows(name)
    width = layout.n_columns
    i = 0
    for section in layout.sections:
        header = layout_rows(layout, section)
        assert printed[i: i + len(header)] == header
        i += len(header)
        data = printed[i: i + section.blank_rows]
        assert len(data) == section.blank_rows
        assert all(len(r) == width for r in data)          # same number of columns as printed
        offset = 1 if layout.section_key else 0
        printed_labels = [r[offset] for r in data if r[offset]]
        assert list(section.placeholders) == printed_labels  # "**市" / "**县（市、区）" as printed, or none
        i += section.blank_rows
    if layout.total:
        assert printed[i][0] == layout.total.label and len(printed[i]) == width
        i += 1
    assert i == len(printed)


def test_table_ids_and_aliases():
    assert table_ids() == ["附件1", "附件2", "附件3"]
    assert load_layout("2").id == "附件2" and load_layout("zj-2018-14-att3").id == "附件3"
    with pytest.raises(FormError, match="没有这张表：附件9"):
        load_layout("附件9")


def test_notes_are_verbatim():
    text = NOTICE.read_text(encoding="utf-8")
    for name in table_ids():
        for note in load_layout(name).notes:
            assert note in text


# ------------------------------------------------- 附件3: merged header and totals

ATT3_ROWS = [
    {"县（市、区）": "鹿城区", "新建成（家）": 2, "改造提升（家）": 1, "生产制造类·园区数量（个）": 2,
     "生产制造类·占地面积（亩）": 120.5, "生产制造类·入小微园企业数（家）": 80,
     "生产性服务等其他类·园区数量（个）": 1, "生产性服务等其他类·建筑面积（万平米）": 3.2,
     "生产性服务等其他类·入小微园企业数（家）": 30, "2018-2022入园企业目标数（家）": 150},
    {"县（市、区）": "瓯海区", "新建成（家）": "3", "改造提升（家）": 0, "生产制造类·园区数量（个）": 3,
     "生产制造类·占地面积（亩）": "60.25", "2018-2022入园企业目标数（家）": 90},
]
ATT3_MERGES = {"A2:J2", "A3:J3",                          # title, stamp line
               "A5:A8", "B5:I5", "J5:J8",                  # 县 | 规划目标 | 入园企业目标数
               "B6:C6", "D6:I6",                           # 按建设方式 | 按园区类型
               "B7:B8", "C7:C8", "D7:F7", "G7:I7"}         # 新建成 改造提升 | 生产制造类 | 生产性服务


def sheet_rows(path):
    ws = load_workbook(path).active
    return ws, [list(r) for r in ws.iter_rows(values_only=True)]


def test_att3_xlsx_round_trip(tmp_path):
    out = tmp_path / "附件3.xlsx"
    filled = write_staff_table("附件3", ATT3_ROWS, out, city="温州")
    ws, rows = sheet_rows(out)
    assert ws.title == "附件3"
    assert rows[0][0] == "附件3" and rows[1][0] == "2018-2022年小微企业园建设规划目标"
    assert rows[2][0] == "温州市小微企业园工作联席会议（领导小组）办公室（盖章）"
    merges = {str(m) for m in ws.merged_cells.ranges}
    assert ATT3_MERGES <= merges
    assert rows[4][:2] == ["县（市、区）", "2018-2022年小微企业园建设规划目标"]
    assert rows[4][9] == "2018-2022入园企业目标数（家）"
    assert rows[7][3:9] == ["园区数量（个）", "占地面积（亩）", "入小微园企业数（家）",
                            "园区数量（个）", "建筑面积（万平米）", "入小微园企业数（家）"]
    # data: row 9 on; every given value in its column, everything else blank
    keys = [c.key for c in filled.layout.sections[0].columns]
    for given, row in zip(ATT3_ROWS, rows[8:10]):
        for k, key in enumerate(keys):
            expected = given.get(key)
            if isinstance(expected, str) and key != "县（市、区）":
                expected = float(expected) if "." in expected else int(expected)
            assert row[k] == expected, key
    # printed form has 7 rows: 2 filled + 5 blank, then 总计
    assert all(v is None for r in rows[10:15] for v in r)
    total = rows[15]
    assert total[0] == "总计"
    assert total[1:] == [5, 1, 5, 180.75, 80, 1, 3.2, 30, 240]
    assert rows[17][0].startswith("注：1.建设方式")


def test_att3_total_row_given_must_match(tmp_path):
    ok = ATT3_ROWS + [{"县（市、区）": "总计", "新建成（家）": 5}]
    assert fill_table("附件3", ok).totals["新建成（家）"] == 5
    bad = ATT3_ROWS + [{"县（市、区）": "总计", "新建成（家）": 6}]
    with pytest.raises(StaffTableError) as info:
        fill_table("附件3", bad)
    assert info.value.field == "新建成（家）"
    assert "第3行（总计）：列“新建成（家）”为 6，但各行合计为 5" == info.value.message


def test_att3_blank_form_and_totals_blank(tmp_path):
    out = tmp_path / "blank.xlsx"
    write_staff_table("附件3", [], out)
    ws, rows = sheet_rows(out)
    assert rows[2][0] == "＿＿＿＿市小微企业园工作联席会议（领导小组）办公室（盖章）"
    assert rows[15][0] == "总计" and all(v is None for v in rows[15][1:])
    assert all(v is None for r in rows[8:15] for v in r)


def test_att3_cross_column_checks_warn():
    rows = [{**ATT3_ROWS[0], "新建成（家）": 9}]
    warnings = fill_table("附件3", rows).warnings
    assert warnings and warnings[0].startswith("鹿城区：按建设方式统计的园区数与按园区类型统计的园区数应相同")
    rows = [{**ATT3_ROWS[0], "2018-2022入园企业目标数（家）": 100}]
    assert "不应少于入小微园企业数之和" in fill_table("附件3", rows).warnings[0]
    assert fill_table("附件3", ATT3_ROWS).warnings == []


# ------------------------------------------------- 附件2: three blocks

ATT2 = {
    "可建成": [{"园区名称": "鹿城小微园", "园区地址": "鹿城区双屿", "园区类型": "生产制造类", "主导产业": "鞋革",
               "开发建设模式": "政府主导", "计划用地（亩）": 85, "计划建筑面积（万平方米）": 12.6, "项目完成时间": "2019年12月"}],
    "完成改造提升": [{"序号": 7, "园区名称": "瓯海老园", "改造提升内容": "消防与外立面改造", "园区占地（亩）": "40"}],
    "开工建设": [{"园区名称": "龙湾新园", "园区类型": "生产性服务等其他类", "计划开工时间": "2019年6月"},
                 {"园区名称": "洞头园", "计划用地（亩）": 30.5}],
}


def test_att2_xlsx_round_trip(tmp_path):
    out = tmp_path / "附件2.xlsx"
    write_staff_table("附件2", ATT2, out)
    ws, rows = sheet_rows(out)
    merges = {str(m) for m in ws.merged_cells.ranges}
    # block names merged down over their header and their two printed rows
    assert {"A5:A7", "A8:A10", "A11:A13"} <= merges
    assert rows[4] == ["可建成", "序号", "园区名称", "园区地址", "园区类型", "主导产业", "开发建设模式",
                       "计划用地（亩）", "计划建筑面积（万平方米）", "项目完成时间"]
    assert rows[5] == [None, 1, "鹿城小微园", "鹿城区双屿", "生产制造类", "鞋革", "政府主导", 85, 12.6, "2019年12月"]
    assert rows[6] == [None] * 10
    assert rows[7][:7] == ["完成改造提升", "序号", "园区名称", "园区地址", "园区类型", "主导产业", "改造提升内容"]
    assert rows[8] == [None, 7, "瓯海老园", None, None, None, "消防与外立面改造", 40, None, None]
    assert rows[10][0] == "开工建设" and rows[10][9] == "计划开工时间"
    assert rows[11] == [None, 1, "龙湾新园", None, "生产性服务等其他类", None, None, None, None, "2019年6月"]
    assert rows[12] == [None, 2, "洞头园", None, None, None, None, 30.5, None, None]
    assert rows[13] == [None] * 10  # the gap before the note
    assert rows[14][0].startswith("注：园区类型请填写")


def test_att2_flat_rows_with_category_key():
    flat = [{"类别": label, **r} for label, rs in ATT2.items() for r in rs]
    assert fill_table("附件2", flat).rows == fill_table("附件2", ATT2).rows


def test_att2_block_columns_differ():
    with pytest.raises(StaffTableError) as info:
        fill_table("附件2", {"完成改造提升": [{"园区名称": "某园", "计划用地（亩）": 3}]})
    assert info.value.field == "计划用地（亩）"
    assert "不是本表的列" in info.value.message and "园区占地（亩）" in info.value.message


@pytest.mark.parametrize("rows, field, words", [
    ([{"类别": "已建成", "园区名称": "某园"}], "类别", "应为以下之一：可建成、完成改造提升、开工建设"),
    ([{"园区名称": "某园"}], "类别", "应为以下之一"),
    ({"可建成": [{"园区名称": "某园", "园区类型": "商业类"}]}, "园区类型", "应为以下之一：生产制造类、生产性服务等其他类"),
    ({"可建成": [{"园区名称": "某园", "计划用地（亩）": "八十"}]}, "计划用地（亩）", "应为数字，收到“八十”"),
    ({"可建成": [{"园区名称": "某园", "计划用地（亩）": -5}]}, "计划用地（亩）", "不能为负数"),
    ({"可建成": [{"园区名称": "某园", "序号": 1.5}]}, "序号", "应为整数"),
    ({"可建成": [{"园区地址": "某地"}]}, "园区名称", "必填"),
    ({"在建": []}, None, "没有分块“在建”"),
])
def test_att2_bad_rows_are_named(rows, field, words):
    with pytest.raises(StaffTableError) as info:
        fill_table("附件2", rows)
    assert info.value.field == field
    assert words in info.value.message


# ------------------------------------------------- 附件1 and input files

def test_att1_round_trip_and_unknown_column(tmp_path):
    rows = [{"市、县（市、区）": "温州市", "机构名称": "温州市小微企业园工作领导小组", "召集人（组长）及职务": "张三 副市长",
             "联系人": "李四", "联系方式": "0577-88960000"},
            {"市、县（市、区）": "乐清市", "联系人": "王五"}]
    out = tmp_path / "附件1.xlsx"
    write_staff_table("1", rows, out)
    ws, got = sheet_rows(out)
    assert got[3] == ["市、县（市、区）", "机构名称", "召集人（组长）及职务", "联系人", "联系方式"]
    assert got[4] == ["温州市", "温州市小微企业园工作领导小组", "张三 副市长", "李四", "0577-88960000"]
    assert got[5] == ["乐清市", None, None, "王五", None]
    assert len(got) == 4 + 8  # the printed eight rows, no total
    assert [r[0] for r in got[6:]] == ["**县（市、区）"] * 6  # rows not filled in keep the printed placeholders
    write_staff_table("附件1", [], tmp_path / "blank.xlsx")
    _, blank = sheet_rows(tmp_path / "blank.xlsx")
    assert [r[0] for r in blank[4:]] == ["**市"] + ["**县（市、区）"] * 7
    with pytest.raises(StaffTableError) as info:
        fill_table("附件1", [{"市、县（市、区）": "温州市", "电话": "1"}])
    assert info.value.field == "电话" and info.value.message.startswith("第1行：列“电话”不是本表的列")


def test_numbers_as_text_and_csv(tmp_path):
    path = tmp_path / "rows.csv"
    keys = ["县（市、区）", "新建成（家）", "生产制造类·占地面积（亩）"]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=keys)
        w.writeheader()
        w.writerow({"县（市、区）": "瑞安市", "新建成（家）": "4", "生产制造类·占地面积（亩）": "12.5"})
        w.writerow({"县（市、区）": "永嘉县", "新建成（家）": "", "生产制造类·占地面积（亩）": "7"})
    filled = fill_table("附件3", read_rows(path))
    assert [r["新建成（家）"] for r in filled.rows[None]] == [4, None]
    assert filled.totals["生产制造类·占地面积（亩）"] == 19.5
    with pytest.raises(StaffTableError, match="应为整数"):
        fill_table("附件3", [{"县（市、区）": "x", "新建成（家）": "2.5"}])
    with pytest.raises(StaffTableError, match="应为数字"):
        fill_table("附件3", [{"县（市、区）": "x", "新建成（家）": True}])


def test_read_rows_errors(tmp_path):
    with pytest.raises(StaffTableError, match="找不到数据文件"):
        read_rows(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    with pytest.raises(StaffTableError, match="不是有效的 JSON"):
        read_rows(bad)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("县（市、区）\n温州\n".encode("gbk"))
    with pytest.raises(StaffTableError, match="无法读取"):
        read_rows(gbk)
    with pytest.raises(StaffTableError, match="行的列表"):
        fill_table("附件3", {"县（市、区）": "x"})


def test_layout_errors_are_caught(tmp_path):
    from assistant.forms import table_layout

    bad = tmp_path / "bad.yaml"
    bad.write_text("""id: 附件9
doc_id: zj-notice-2018-14
title: t
sections:
  - header:
      - [{text: A, colspan: 2}, B]
    columns: [{key: A}, {key: B}]
""", encoding="utf-8")
    with pytest.raises(FormError, match="超出表格范围"):
        table_layout._load_file(bad)
    bad.write_text("""id: 附件9
doc_id: zj-notice-2018-14
title: t
sections:
  - header:
      - [A, C]
    columns: [{key: A}, {key: B}]
""", encoding="utf-8")
    with pytest.raises(FormError, match="与其表头“C”不一致"):
        table_layout._load_file(bad)
