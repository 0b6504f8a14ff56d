"""申请表下载: the entry application (DOCX / PDF) from a validated profile; the staff tables 附件1–3 (XLSX).

The profile form has one box per field of ``assistant.forms.EnterpriseProfile``
(labels are the model's Chinese titles); what is typed is passed on as typed,
so the model's own Chinese messages (“统一社会信用代码：校验位错误…”) appear
under the field they concern.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.errors import AssistantError
from assistant.forms import (EnterpriseProfile, ProfileError, StaffTableError, load_layout, read_rows, table_ids,
                             write_entry_application, write_staff_table)
from assistant.rules import check_enterprise
from assistant.rules.criteria import jurisdictions_with
from assistant.rules.eligibility import normalize_city
from ui import components as ui
from ui import fields, resources

PREFILL = "application.prefill"   # set by the self-check page (Chinese keys)
DEFAULTS = "application.defaults"
GEN = "application.gen"
PROBLEMS = "application.problems"
FILES = "application.files"
GROUPS = (
    ("一、申请企业基本情况", ("name", "credit_code", "legal_representative", "contact_person", "contact_phone",
                              "registered_address", "independent_industrial")),
    ("二、申请入驻空间", ("park_name", "park_city", "acquisition", "requested_area_m2")),
    ("三、产值、税收、能耗及亩均指标", ("output_value", "tax_paid", "energy_use", "land_area_mu", "tax_per_mu",
                                          "value_added_per_mu")),
    ("四、“五度”情况", ("rd_spending", "investment_intensity", "planned_investment", "informatization", "employees",
                         "education")),
    ("五、所属行业与产业链位置", ("industry_name", "industry_code", "chain_position", "chain_note")),
)
EXAMPLE = {  # a made-up applicant, to try the form
    "企业名称": "（示例）临海市某精密机械有限公司", "统一社会信用代码": "914403001922038216", "法定代表人": "王建国",
    "联系人": "李梅", "联系电话": "0576-85123456", "注册地址": "浙江省台州市临海市古城街道靖江南路188号",
    "拟入驻园区": "临海市东部小微企业产业园", "园区所在城市": "临海市", "所属行业": "通用设备制造业", "行业代码": "C3411",
    "是否具有独立法人资格的工业企业": "是", "上年度产值": 3200, "上年度税收": 156.5, "上年度综合能耗": 410,
    "用地面积": 12, "亩均税收": 13.04, "员工人数": 48, "学历结构": {"硕士及以上": 2, "本科": 10, "大专": 16, "高中及以下": 20},
    "研发投入": 120, "拟购置或租赁": "购置", "申请面积": 1200, "产业链位置": "主导行业",
}
MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


# ───────────────────────── handlers (no Streamlit) ─────────────────────────

def parse_profile(data: dict) -> EnterpriseProfile:
    """Validate the form's data (Chinese keys); raises ProfileError listing (field, reason) in Chinese."""
    return EnterpriseProfile.parse(data)


def checklist_for(profile: EnterpriseProfile):
    """The eligibility check for the park's city (or the city above a county: 瑞安市 → 温州市), when the rules
    cover it; else None."""
    from assistant.jurisdictions import registry

    city = normalize_city(profile.park_city)
    covering = registry().covering(city, jurisdictions_with("enterprise")) if city else None
    if covering is None:
        return None
    return check_enterprise(profile, covering.name)


def entry_files(profile: EnterpriseProfile, report=None, date: dt.date | None = None) -> dict[str, bytes]:
    """The entry application as {"docx": bytes, "pdf": bytes}."""
    return {fmt: resources.render_bytes(
        lambda out, fmt=fmt: write_entry_application(profile, out, fmt, report, date=date), f"入园申请表.{fmt}")
        for fmt in ("docx", "pdf")}


def rows_from_upload(data: bytes, filename: str):
    """Rows from an uploaded CSV / JSON (read by the forms library) or XLSX (first sheet, header row = keys)."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".csv", ".json"):
        import tempfile

        with tempfile.TemporaryDirectory(prefix="xiaowei-ui-") as tmp:
            path = Path(tmp) / f"rows{suffix}"
            path.write_bytes(data)
            return read_rows(path)
    if suffix == ".xlsx":
        try:
            frame = pd.read_excel(io.BytesIO(data), dtype=object)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise StaffTableError(f"XLSX 文件无法读取：{exc}", f"cannot read the XLSX file: {exc}", field="rows") from None
        return records(frame)
    raise StaffTableError(f"不支持的文件类型“{suffix or '无扩展名'}”，请上传 CSV、XLSX 或 JSON",
                          f"unsupported file type {suffix!r}: upload CSV, XLSX or JSON", field="rows")


def records(frame: pd.DataFrame) -> list[dict]:
    """Table rows as dicts; blank cells become None and fully blank rows are dropped."""
    out = []
    for row in frame.to_dict(orient="records"):
        clean = {str(k): (None if _blank(v) else v) for k, v in row.items()}
        if any(v is not None for v in clean.values()):
            out.append(clean)
    return out


def _blank(v) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def staff_table_file(table: str, rows, city: str | None = None) -> tuple[bytes, list[str]]:
    """The staff table as XLSX bytes and its cross-column warnings (raises StaffTableError naming row and column)."""
    result = {}

    def write(out):
        result["filled"] = write_staff_table(table, rows, out, city=city or None)

    data = resources.render_bytes(write, f"{table}.xlsx")
    return data, list(result["filled"].warnings)


# ───────────────────────── the page ─────────────────────────

def _take_prefill() -> None:
    if PREFILL in st.session_state:
        st.session_state[DEFAULTS] = st.session_state.pop(PREFILL)
        st.session_state[GEN] = st.session_state.get(GEN, 0) + 1
        st.session_state.pop(PROBLEMS, None)
        st.session_state.pop(FILES, None)


def _load(data: dict) -> None:
    st.session_state[PREFILL] = data


def _field_errors(title: str, problems: list[tuple[str, str]]) -> None:
    for label, why in problems:
        if label == title or label.startswith(f"{title}·"):
            st.error(ui.md_escape(f"{label}：{why}"), icon=":material/error:")


def _profile_form() -> None:
    defaults = st.session_state.get(DEFAULTS, {})
    gen = st.session_state.get(GEN, 0)
    problems = st.session_state.get(PROBLEMS, [])
    model = EnterpriseProfile.model_fields
    with st.container(horizontal=True):
        st.button("填入示例", on_click=_load, args=(EXAMPLE,), icon=":material/edit_note:")
        st.button("清空", on_click=_load, args=({},), icon=":material/clear_all:")
    if problems:
        st.error("请修改以下栏目：" + "；".join(ui.md_escape(f"{label}：{why}") for label, why in problems),
                 icon=":material/error:")
    placed = {f for _, names in GROUPS for f in names}
    groups = [*GROUPS, ("其他", tuple(f for f in model if f not in placed))]
    with st.form(f"application.form.{gen}"):
        data: dict = {}
        for heading, names in groups:
            if not names:
                continue
            st.markdown(f"**{heading}**")
            cols = st.columns(2)
            for n, name in enumerate(names):
                info = model[name]
                title, alias = info.title or name, info.alias or name
                with cols[n % 2]:
                    data[alias] = _profile_widget(name, info, title, defaults.get(alias), gen)
                    _field_errors(title, problems)
        st.markdown("**生成选项**")
        c1, c2 = st.columns(2)
        with_check = c1.checkbox("附上入园资格自查清单（按园区所在城市的规定）", value=True, key=f"application.check.{gen}")
        with c2:
            date = fields.date_text("填表日期（不填则留空待手写）", key=f"application.date.{gen}")
        submitted = st.form_submit_button("校验并生成申请表", type="primary")
    if submitted:
        _submit(data, with_check, date)


def _profile_widget(name: str, info, title: str, default, gen: int):
    key = f"application.{gen}.{name}"
    if name == "education":
        default = default or {}
        sub = {}
        st.caption(title)
        inner = st.columns(4)
        for m, (fname, finfo) in enumerate(info.annotation.__args__[0].model_fields.items()):
            alias = finfo.alias or fname
            sub[alias] = inner[m].text_input(finfo.title or alias, value=_text(default.get(alias)),
                                             key=f"{key}.{fname}")
        return sub if any(v.strip() for v in sub.values()) else None
    kind = fields.describe(info.annotation, info.is_required())
    label = title + (" *" if info.is_required() else "")
    if kind.kind in ("bool", "choice"):
        if kind.kind == "bool" and isinstance(default, str):
            default = {"是": True, "否": False}.get(default)
        value = fields.widget(name, kind, label, key=key, default=default)
        return None if value is None else ("是" if value is True else "否" if value is False else value)
    # numbers too: typed text goes to the model, which explains a bad number in Chinese
    placeholder = "如 临海市" if name == "park_city" else ""
    return st.text_input(label, value=_text(default), key=key, placeholder=placeholder)


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _submit(data: dict, with_check: bool, date_text: str) -> None:
    """Validate, generate, then run the page again: the errors shown above the form for the last attempt go, the
    files (or the new errors) are shown."""
    problems: list[tuple[str, str]] = []
    try:
        profile = parse_profile(data)
    except ProfileError as exc:
        problems = list(exc.problems)
    try:
        date = fields.read_date(date_text, "填表日期")
    except AssistantError as exc:
        problems.append(("填表日期", exc.message))
    if problems:
        st.session_state[PROBLEMS] = problems
        st.session_state.pop(FILES, None)
        st.rerun()
    st.session_state.pop(PROBLEMS, None)
    report, note = None, None
    if with_check:
        try:
            report = checklist_for(profile)
        except AssistantError as exc:
            note = f"未附自查清单：{exc.message}"
        if report is None and note is None:
            cities = "、".join(jurisdictions_with("enterprise"))
            note = f"未附自查清单：园区所在地不属于{cities}（本助手只收录这些地方的入园条件）。"
    with st.spinner("正在生成申请表（DOCX、PDF）…"):
        try:
            files = entry_files(profile, report, date)
        except AssistantError as exc:
            st.session_state[PROBLEMS] = [("生成失败", exc.message)]
            st.session_state.pop(FILES, None)
            st.rerun()
    st.session_state[FILES] = {"files": files, "note": note, "checklist": report is not None,
                               "name": profile.name}
    st.rerun()


def _downloads() -> None:
    shown = st.session_state.get(FILES)
    if not shown:
        return
    st.success(ui.md_escape(f"已生成“{shown['name']}”的入园申请表" + ("（附自查清单）" if shown["checklist"] else "")),
               icon=":material/check_circle:")
    if shown["note"]:
        st.info(ui.md_escape(shown["note"]))
    c1, c2 = st.columns(2)
    for col, fmt in zip((c1, c2), ("docx", "pdf")):
        col.download_button(f"下载 {fmt.upper()}", shown["files"][fmt], file_name=f"入园申请表.{fmt}", mime=MIME[fmt],
                            on_click="ignore", icon=":material/download:", key=f"application.dl.{fmt}",
                            type="primary")


def _staff_tables() -> None:
    st.caption("浙中小企业办〔2018〕14号附件1–3，按原表格式生成 XLSX。可在线填写，也可上传 CSV / XLSX / JSON（首行为列名）；"
               "不填任何行则生成空白表。")
    ids = table_ids()
    c1, c2 = st.columns([2, 1])
    table = c1.selectbox("报表", ids, key="staff.table", format_func=lambda t: f"{t} {load_layout(t).title}")
    city = c2.text_input("盖章行的市名（可不填）", key="staff.city", placeholder="如 温州市")
    layout = load_layout(table)
    mode = st.radio("数据来源", ["在线填写", "上传文件"], horizontal=True, key="staff.mode")
    rows = None
    if mode == "上传文件":
        upload = st.file_uploader("上传数据文件（CSV、XLSX 或 JSON）", type=["csv", "xlsx", "json"],
                                  key=f"staff.upload.{table}", help="首行为列名；列名见下方在线表格")
        if layout.section_key:
            st.caption(ui.md_escape(f"本表分块填写：每行需有“{layout.section_key}”列（"
                                    f"{'、'.join(s.label for s in layout.sections)}）；列名见下方在线表格。"))
        if upload is not None:
            try:
                rows = rows_from_upload(upload.getvalue(), upload.name)
            except AssistantError as exc:
                ui.error(exc)
    else:
        rows = _editors(layout)
    if st.button("生成 XLSX", type="primary", key="staff.make", disabled=rows is None):
        with st.spinner(f"正在生成{table}…"):
            try:
                data, warns = staff_table_file(table, rows, city.strip() or None)
            except AssistantError as exc:
                st.session_state.pop("staff.file", None)
                ui.error(exc, "数据有误：")
            else:
                st.session_state["staff.file"] = (table, data, warns)
    shown = st.session_state.get("staff.file")
    if shown and shown[0] == table:
        ui.warnings(f"提示：{w}" for w in shown[2])
        st.download_button(f"下载 {table}.xlsx", shown[1], file_name=f"{table}.xlsx", mime=MIME["xlsx"],
                           on_click="ignore", icon=":material/download:", key="staff.dl")


def _editors(layout):
    """One editable table per section; returns the rows in the shape the forms library takes."""
    out = {}
    sections = layout.sections
    tabs = st.tabs([s.label for s in sections]) if len(sections) > 1 else [st.container()]
    for tab, section in zip(tabs, sections):
        with tab:
            columns = [c.key for c in section.columns]
            config = {}
            for c in section.columns:
                if c.type == "choice":
                    config[c.key] = st.column_config.SelectboxColumn(c.key, options=list(c.choices))
                elif c.numeric:
                    config[c.key] = st.column_config.NumberColumn(c.key, min_value=0,
                                                                  step=1 if c.type == "integer" else None)
                else:
                    config[c.key] = st.column_config.TextColumn(c.key)
            blank = pd.DataFrame({c.key: pd.Series([None] * 3, dtype="float64" if c.numeric else "object")
                                  for c in section.columns})
            edited = st.data_editor(blank, num_rows="dynamic", column_config=config, column_order=columns,
                                    hide_index=True, key=f"staff.editor.{layout.id}.{section.label}", placeholder="")
            out[section.label] = records(edited)
    if layout.section_key:
        return {label: rows for label, rows in out.items() if rows}
    return out[None]


def render() -> None:
    st.title("申请表下载")
    _take_prefill()
    tab1, tab2 = st.tabs(["入园申请表", "报表（附件1–3）"])
    with tab1:
        st.caption("只有“企业名称”必填；不知道的栏目留空，表上会留出空白待手填。数字单位见各栏名称。")
        _profile_form()
        _downloads()
    with tab2:
        _staff_tables()

