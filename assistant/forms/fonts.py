"""Find a CJK TrueType font to embed in PDFs.

Noto Sans CJK ``.otf`` files (CFF outlines) do not embed correctly with fpdf2
(text extracts with NUL bytes), so only ``.ttf``/``.ttc`` files are used. The
default is WenQuanYi Micro Hei shipped inside the PyPI package
``paperang-p2-fonts-cjk`` (a pip dependency, no apt step); Debian's
``fonts-wqy-microhei`` is the fallback. ``XIAOWEI_CJK_FONT`` overrides both.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from assistant.errors import FormError

ENV_VAR = "XIAOWEI_CJK_FONT"

SYSTEM_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",   # Debian fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",     # Debian fonts-wqy-zenhei
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",   # Fedora
)


def _packaged_font() -> Path | None:
    spec = importlib.util.find_spec("paperang_p2_fonts_cjk")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "fonts" / "wqy-microhei.ttc"
        if path.is_file():
            return path
    return None


def candidates() -> list[Path]:
    """Where a font is looked for, in order."""
    found = []
    if os.environ.get(ENV_VAR):
        return [Path(os.environ[ENV_VAR])]
    packaged = _packaged_font()
    if packaged:
        found.append(packaged)
    found.extend(Path(p) for p in SYSTEM_CANDIDATES)
    return found


def find_cjk_font() -> Path:
    """Path of a usable CJK .ttf/.ttc font, or a FormError that says how to get one."""
    paths = candidates()
    for path in paths:
        if path.suffix.lower() not in (".ttf", ".ttc"):
            raise FormError(
                f"中文字体须为 .ttf 或 .ttc 文件（.otf 无法正确嵌入 PDF）：{path}",
                f"the CJK font must be a .ttf or .ttc file (.otf does not embed correctly): {path}",
                field=ENV_VAR)
        if path.is_file():
            return path
    tried = "、".join(str(p) for p in paths)
    raise FormError(
        "找不到可嵌入 PDF 的中文字体。请安装 pip 包 paperang-p2-fonts-cjk（项目依赖），"
        f"或 apt-get install -y fonts-wqy-microhei，或设置环境变量 {ENV_VAR} 指向 .ttf/.ttc 文件。已查找：{tried}",
        "no CJK font to embed in the PDF: pip install paperang-p2-fonts-cjk, or apt-get install -y "
        f"fonts-wqy-microhei, or set {ENV_VAR} to a .ttf/.ttc file. Looked in: {tried}",
        field=ENV_VAR)
