"""Look and language of the app chrome: Chinese where Streamlit's own widgets print English, and the menu that
offers the light / dark / system theme (the themes themselves are in .streamlit/config.toml).

Streamlit 1.67 has no option for the file uploader's button and size line ("Upload", "20MB per file • …") or for
the "Press Enter to apply" hint, so a small style sheet hides those words and shows Chinese ones in their place;
the size limit is read from the server's own ``server.maxUploadSize``. Dates are typed into text boxes read by
:mod:`assistant.quantities` (see ``ui.fields.date_box``), so no English date picker appears.

>>> "选择文件" in css(20) and "20MB" in css(20)
True
"""

from __future__ import annotations

import streamlit as st

ABOUT = ("**小微企业园政策助手**\n\n浙江省 / 温州市 / 临海市 / 慈溪市 小微企业园政策的问答、计算、核验与表格。"
         "每个结论都注明所依据的条款。\n\n外观：默认跟随系统的浅色或深色设置，也可在本菜单中选择。")
THEME_NOTE = "外观跟随系统设置；可在右上角菜单（⋮）中切换浅色或深色。"


def css(max_upload_mb: int) -> str:
    """The style sheet (a function of the upload limit, so the Chinese line states the server's real limit)."""
    upload = '[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"] p'
    size = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    return f"""<style>
{upload} {{ visibility: hidden; font-size: 0; }}
{upload}::after {{ content: "选择文件"; visibility: visible; font-size: 0.875rem; }}
{size} {{ visibility: hidden; font-size: 0; }}
{size}::after {{ content: "拖入文件或点击选择，每个文件不超过 {max_upload_mb}MB"; visibility: visible;
  font-size: 0.875rem; }}
[data-testid="InputInstructions"] {{ display: none; }}
/* wide tables keep readable columns and scroll sideways on a phone */
[data-testid="stMarkdownContainer"]:has(> table) {{ overflow-x: auto; }}
[data-testid="stMarkdownContainer"] > table {{ min-width: 760px; }}
@media print {{
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], .no-print {{ display: none !important; }}
  [data-testid="stMainBlockContainer"] {{ padding-top: 0 !important; }}
}}
</style>"""


def apply() -> None:
    """Inject the style sheet (once per run; it takes no space on the page)."""
    limit = st.get_option("server.maxUploadSize")
    st.html(css(int(limit)))
