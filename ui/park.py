"""园区指标核验: a park plan in, one verdict per rule out (with its clause), each ratio drawn against its allowed
band, the report (summary table first, details after) as XLSX / DOCX / PDF."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from assistant.errors import AssistantError, RuleError
from assistant.forms.park_report import write_park_report
from assistant.rules import ParkPlan, check_park, park_questions
from assistant.rules.criteria import jurisdictions_with
from assistant.rules.park import PARK_FIELDS
from ui import charts, fields, resources
from ui import components as ui

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = {"临海市": "linhai_plan.json", "温州市": "wenzhou_plan.json"}
GROUPS = (
    ("用地与建筑", ("name", "development_mode", "land_area_mu", "land_area_m2", "total_floor_area_m2",
                    "building_footprint_m2", "production_floor_area_m2", "land_in_production_years")),
    ("非生产性用房与物业用房", ("nonproduction_land_m2", "nonproduction_floor_area_m2", "self_held_nonproduction_m2",
                                "property_office_m2", "property_business_m2")),
    ("产业与入园企业", ("leading_industries", "enterprise_count", "leading_industry_enterprise_count",
                        "leading_industry_production_floor_m2", "unit_areas_m2")),
    ("职工宿舍", ("has_dormitory", "dorm_room_areas_m2", "dorm_suite_areas_m2", "dorm_total_floor_m2",
                  "dorm_suites_total_m2", "dorm_high_rise")),
    ("时间节点与运营", ("contract_date", "start_date", "completion_date", "has_professional_operator",
                        "in_operation", "has_public_facilities")),
)
LABELS = {k: v[0] for k, v in PARK_FIELDS.items()} | {"name": "园区（项目）名称", "land_area_m2": "用地面积（平方米，与亩数二选一）"}
HELPS = {k: v[1] for k, v in PARK_FIELDS.items()}
MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}
FORMATS = ("xlsx", "docx", "pdf")
PLAN = "park.plan"
GEN = "park.gen"


def example_plan(city: str) -> dict:
    return json.loads((EXAMPLES_DIR / EXAMPLES[city]).read_text(encoding="utf-8"))


def check(plan: dict):
    """(report, questions still to ask); raises RuleError naming the field (e.g. a density above 100%)."""
    return check_park(plan), park_questions(plan)


def report_file(report, fmt: str) -> bytes:
    return resources.render_bytes(lambda out: write_park_report(report, out, fmt), f"园区合规检查报告.{fmt}")


def plan_from_upload(data: bytes) -> dict:
    try:
        plan = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleError(f"园区方案文件不是有效的 UTF-8 JSON（{exc}）", f"not valid UTF-8 JSON ({exc})", field="plan") from None
    if not isinstance(plan, dict):
        raise RuleError("园区方案文件应为 JSON 对象（{…}）", "the file must hold a JSON object", field="plan")
    return plan


def _set_plan(plan: dict) -> None:
    st.session_state[PLAN] = plan
    st.session_state[GEN] = st.session_state.get(GEN, 0) + 1
    st.session_state.pop("park.result", None)


def render() -> None:
    st.title("园区指标核验")
    cities = jurisdictions_with("park")
    st.caption(f"逐条对照{'、'.join(cities)}文件核验园区规划指标；缺少的数据会列为“待补充”，不会当作符合。")
    st.session_state.setdefault(PLAN, {})
    plan_defaults: dict = st.session_state[PLAN]
    gen = st.session_state.get(GEN, 0)
    city = st.radio("园区所在城市", cities, horizontal=True, key=f"park.city.{gen}",
                    index=cities.index(plan_defaults["jurisdiction"]) if plan_defaults.get("jurisdiction") in cities else 0)
    with st.container(horizontal=True):
        st.button(f"载入{city}示例方案", on_click=lambda: _set_plan(example_plan(city)), icon=":material/edit_note:")
        st.button("清空", on_click=lambda: _set_plan({}), icon=":material/clear_all:")
    with st.expander("上传园区方案 JSON（可选）"):
        upload = st.file_uploader("园区方案（JSON，键为字段名，见 examples/）", type=["json"], key=f"park.upload.{gen}")
        if upload is not None and st.button("使用上传的方案"):
            try:
                _set_plan(plan_from_upload(upload.getvalue()))
            except AssistantError as exc:
                ui.error(exc)
            else:
                st.rerun()

    model_fields = ParkPlan.model_fields
    placed = {f for _, names in GROUPS for f in names}
    groups = [*GROUPS, ("其他", tuple(f for f in model_fields if f not in placed and f != "jurisdiction"))]
    with st.form(f"park.form.{gen}"):
        plan: dict = {"jurisdiction": city}
        for n, (heading, names) in enumerate(groups):
            if not names:
                continue
            with st.expander(heading, expanded=n == 0):
                cols = st.columns(2)
                for m, name in enumerate(names):
                    with cols[m % 2]:
                        plan.update(fields.model_form_fields(ParkPlan, key_prefix=f"park.{gen}", labels=LABELS,
                                                             defaults=plan_defaults, only=[name], helps=HELPS))
        submitted = st.form_submit_button("核验", type="primary")
    if submitted:
        with st.spinner("正在核验并生成报告（XLSX、DOCX、PDF）…"):
            try:
                report, questions = check(plan)
                files = {fmt: report_file(report, fmt) for fmt in FORMATS}
                st.session_state["park.result"] = (report, questions, files)
            except AssistantError as exc:
                st.session_state.pop("park.result", None)
                ui.error(exc, "方案数据有误：")
    result = st.session_state.get("park.result")
    if not result:
        return
    report, questions, files = result
    st.subheader("核验结果")
    ui.checklist(report, resources.corpus(), key="park",
                 after_summary=lambda: charts.show_bands(report, key="park.bands"))
    if questions:
        with st.expander(f"还需补充的数据（{len(questions)} 项）", expanded=True):
            for q in questions:
                st.markdown("- " + ui.md_escape(f"{q['label_zh']}：{q['question_zh']}"))
    st.subheader("下载核验报告")
    st.caption("报告首页为汇总表（检查项目、数值及单位、标准、结论、依据条款），其后为逐项说明和原文引用。")
    for col, fmt in zip(st.columns(len(FORMATS)), FORMATS):
        col.download_button(f"下载 {fmt.upper()}", files[fmt], file_name=f"园区合规检查报告.{fmt}", mime=MIME[fmt],
                            on_click="ignore", icon=":material/download:", key=f"park.dl.{fmt}")
