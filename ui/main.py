"""Page config, navigation and the background load of the model and index (called by app.py)."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from ui import components as ui
from ui import resources, theme

# (script, title, icon, url path); the first is the default page
PAGES = (
    ("ui/pages/chat.py", "问答", ":material/forum:", "chat"),
    ("ui/pages/calculators.py", "计算器", ":material/calculate:", "calculators"),
    ("ui/pages/eligibility.py", "入园资格自测", ":material/checklist:", "eligibility"),
    ("ui/pages/application.py", "申请表下载", ":material/description:", "application"),
    ("ui/pages/park.py", "园区指标核验", ":material/domain:", "park"),
    ("ui/pages/matrix.py", "规则对照", ":material/table_chart:", "matrix"),
    ("ui/pages/charts.py", "图表", ":material/bar_chart:", "charts"),
    ("ui/pages/browse.py", "条文浏览", ":material/menu_book:", "clauses"),
    ("ui/pages/documents.py", "文档管理", ":material/upload_file:", "documents"),
    ("ui/pages/knowledge.py", "知识库", ":material/school:", "knowledge"),
)


def main() -> None:
    st.set_page_config(page_title="小微企业园政策助手", page_icon=":material/apartment:", layout="wide",
                       menu_items={"About": theme.ABOUT})
    theme.apply()
    pages = [st.Page(path, title=title, icon=icon, url_path=url, default=(n == 0))
             for n, (path, title, icon, url) in enumerate(PAGES)]
    page = st.navigation(pages)
    page.run()
    # Only now, with the page on screen, start loading the model and index in the background (returns at once):
    # started earlier, the loader's imports compete with the first page's for the interpreter.
    try:
        resources.start_loading()
    except AssistantError as exc:  # the corpus itself cannot be read: say so on every page
        st.error(ui.md_escape(f"语料加载失败：{exc.message}"))
        return
    with st.sidebar:
        st.caption("小微企业园政策助手 · 浙江省 / 温州市 / 临海市 / 慈溪市")
        st.caption(theme.THEME_NOTE)
        # polls only while loading (and until the next interaction reruns the page)
        st.fragment(_loading_note, run_every=None if resources.is_ready() else 2.0)()


def _loading_note() -> None:
    if resources.is_ready():
        st.caption(":material/check_circle: 检索模型和索引已就绪")
    else:
        st.caption(":material/hourglass_top: 检索模型和索引加载中…")
        done, total = resources.PROGRESS.get("knowledge", (0, 0))
        if total and done < total:  # the first start on a machine embeds the knowledge bank's questions
            st.progress(done / total, text=f"知识库问题向量 {done}/{total}")
