"""申请表下载 page in AppTest: Chinese validation messages, DOCX and PDF bytes, staff tables from CSV / XLSX."""

import io
import json

from apphelpers import (ROOT, app_env, assert_no_exception, button, download_buttons, on_page,  # noqa: F401
                        plain)
from forms_text import docx_text, pdf_text, xlsx_values

PROFILE = json.loads((ROOT / "tests" / "fixtures" / "forms" / "profile_full.json").read_text(encoding="utf-8"))
ROWS_CSV = (ROOT / "tests" / "fixtures" / "forms" / "rows_att3.csv").read_bytes()


def _fill_example(at):
    button(at, "填入示例").click().run()
    assert_no_exception(at)
    return at


def test_docx_and_pdf_downloads(app_env):
    at = _fill_example(on_page("application"))
    button(at, "校验并生成申请表").click().run()
    assert_no_exception(at)
    shown = at.session_state["application.files"]
    files = shown["files"]
    assert files["docx"][:2] == b"PK" and files["pdf"][:5] == b"%PDF-"
    assert shown["checklist"], "the park is in 临海市: the self-check list is appended"
    labels = {b.label for b in download_buttons(at)}
    assert {"下载 DOCX", "下载 PDF"} <= labels
    assert "临海市某精密机械有限公司" in docx_text(files["docx"])
    assert "入园条件自查清单" in docx_text(files["docx"])
    assert "精密机械" in pdf_text(files["pdf"])


def test_field_messages_in_chinese(app_env):
    at = _fill_example(on_page("application"))
    gen = at.session_state["application.gen"]
    at.text_input(key=f"application.{gen}.credit_code").set_value("914403001922038219")
    at.text_input(key=f"application.{gen}.contact_phone").set_value("12345")
    at.text_input(key=f"application.{gen}.output_value").set_value("很多")
    button(at, "校验并生成申请表").click().run()
    assert_no_exception(at)
    problems = dict(at.session_state["application.problems"])
    assert "校验位" in problems["统一社会信用代码"]
    assert "手机号" in problems["联系电话"]
    assert "不是可识别的数字" in problems["上年度产值（万元）"]
    errors = [plain(e.value) for e in at.error]
    assert any(e.startswith("请修改以下栏目") for e in errors)
    assert any(e.startswith("统一社会信用代码：") for e in errors), "the message stands under its field"
    assert "application.files" not in at.session_state
    assert not download_buttons(at)


def test_name_is_required(app_env):
    at = on_page("application")
    button(at, "校验并生成申请表").click().run()
    assert_no_exception(at)
    assert dict(at.session_state["application.problems"]).get("企业名称")


def test_handlers_make_bytes_from_a_profile(app_env):
    from ui.application import checklist_for, entry_files, parse_profile

    profile = parse_profile(PROFILE)
    report = checklist_for(profile)
    assert report is not None and report.jurisdiction == "临海市"
    files = entry_files(profile, report)
    assert files["docx"][:2] == b"PK" and files["pdf"][:5] == b"%PDF-"


def test_staff_table_from_uploaded_csv(app_env):
    at = on_page("application")
    at.selectbox(key="staff.table").set_value("附件3").run()
    at.radio(key="staff.mode").set_value("上传文件").run()
    at.file_uploader(key="staff.upload.附件3").set_value(("rows.csv", ROWS_CSV, "text/csv")).run()
    assert_no_exception(at)
    button(at, "生成 XLSX").click().run()
    assert_no_exception(at)
    table, data, warns = at.session_state["staff.file"]
    assert table == "附件3" and data[:2] == b"PK"
    values = xlsx_values(data)
    assert "（示例）鹿城区" in values and "总计" in values
    assert any(b.label == "下载 附件3.xlsx" for b in download_buttons(at))


def test_staff_table_bad_rows_are_explained(app_env):
    at = on_page("application")
    at.selectbox(key="staff.table").set_value("附件3").run()
    at.radio(key="staff.mode").set_value("上传文件").run()
    bad = "县（市、区）,新建成（家）\n鹿城区,两个\n".encode()
    at.file_uploader(key="staff.upload.附件3").set_value(("rows.csv", bad, "text/csv")).run()
    button(at, "生成 XLSX").click().run()
    assert_no_exception(at)
    assert at.error and "第1行" in plain(at.error[0].value) and "应为数字" in plain(at.error[0].value)
    assert "staff.file" not in at.session_state


def test_staff_table_from_xlsx_and_editor_rows(app_env):
    from openpyxl import Workbook

    from ui.application import records, rows_from_upload, staff_table_file

    wb = Workbook()
    ws = wb.active
    ws.append(["县（市、区）", "新建成（家）", "改造提升（家）"])
    ws.append(["鹿城区", 2, 1])
    ws.append([None, None, None])
    buf = io.BytesIO()
    wb.save(buf)
    rows = rows_from_upload(buf.getvalue(), "附件3.xlsx")
    assert rows == [{"县（市、区）": "鹿城区", "新建成（家）": 2, "改造提升（家）": 1}]
    data, _ = staff_table_file("附件3", rows, "温州市")
    assert "鹿城区" in xlsx_values(data)

    import pandas as pd

    frame = pd.DataFrame({"县（市、区）": ["瓯海区", None], "新建成（家）": [3.0, float("nan")]})
    assert records(frame) == [{"县（市、区）": "瓯海区", "新建成（家）": 3.0}]


def test_staff_table_editor_is_shown_per_block(app_env):
    at = on_page("application")
    at.selectbox(key="staff.table").set_value("附件2").run()
    assert_no_exception(at)
    assert len(at.data_editor) == 3  # 可建成 / 完成改造提升 / 开工建设


def test_errors_go_once_the_input_is_fixed(app_env):
    at = _fill_example(on_page("application"))
    gen = at.session_state["application.gen"]
    at.text_input(key=f"application.{gen}.credit_code").set_value("914403001922038219")
    button(at, "校验并生成申请表").click().run()
    assert at.error and "application.files" not in at.session_state
    at.text_input(key=f"application.{gen}.credit_code").set_value("914403001922038216")   # fixed
    button(at, "校验并生成申请表").click().run()
    assert_no_exception(at)
    assert not at.error, [plain(e.value) for e in at.error]
    assert at.success and "已生成" in plain(at.success[0].value)
    assert "application.problems" not in at.session_state


def test_the_filling_date_is_typed_in_chinese(app_env):
    at = _fill_example(on_page("application"))
    gen = at.session_state["application.gen"]
    box = at.text_input(key=f"application.date.{gen}")
    assert box.label.startswith("填表日期") and "2024年5月1日" in box.placeholder
    box.set_value("2025年3月8日")
    button(at, "校验并生成申请表").click().run()
    assert_no_exception(at)
    assert "2025年3月8日" in docx_text(at.session_state["application.files"]["files"]["docx"])
    at.text_input(key=f"application.date.{gen}").set_value("三月八号")
    button(at, "校验并生成申请表").click().run()
    problems = dict(at.session_state["application.problems"])
    assert "填表日期" in problems and "不是有效日期" in problems["填表日期"]


def test_a_county_park_gets_its_city_s_checklist(app_env):
    from ui.application import checklist_for, parse_profile

    report = checklist_for(parse_profile({"企业名称": "某公司", "园区所在城市": "瑞安市"}))
    assert report is not None and report.jurisdiction == "温州市"
    assert checklist_for(parse_profile({"企业名称": "某公司", "园区所在城市": "杭州市"})) is None


def test_attachment_1_keeps_the_placeholder_rows(app_env):
    at = on_page("application")
    at.selectbox(key="staff.table").set_value("附件1").run()
    button(at, "生成 XLSX").click().run()
    assert_no_exception(at)
    values = xlsx_values(at.session_state["staff.file"][1])
    assert values.count("**市") == 1 and values.count("**县（市、区）") == 7
