"""Atomic file output: write to a temporary file beside the target, then rename.

A reader never sees a half-written form, and a failed render leaves any
earlier file at that path untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from assistant.errors import FormError


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formulas(workbook) -> int:
    """Store every text cell that a spreadsheet could run as a formula as plain text; return how many.

    openpyxl writes a string starting with ``=`` as a live formula (``=HYPERLINK(…)`` in a report that goes
    to officials). Cells starting with ``= + - @`` or a tab or carriage return (what OWASP lists for CSV/XLSX
    injection) are written as text with Excel's quote prefix, exactly as typed and shown. Our layouts
    write no formulas of their own, so nothing legitimate is lost.
    """
    n = 0
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.data_type == "f" or cell.value.startswith(FORMULA_START)):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    n += 1
    return n


def check_writable(path: str | Path, suffixes: tuple[str, ...] | None = None) -> Path:
    """Return ``path`` as a Path if a file can be written there; else a FormError."""
    p = Path(path)
    if suffixes and p.suffix.lower() not in suffixes:
        raise FormError(f"输出文件扩展名应为 {' / '.join(suffixes)}：{p}",
                        f"output file must end in {' / '.join(suffixes)}: {p}", field="out")
    if p.is_dir():
        raise FormError(f"输出路径是一个目录，请给出文件名：{p}",
                        f"output path is a directory, give a file name: {p}", field="out")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise FormError(f"输出目录不存在：{parent}", f"output folder does not exist: {parent}", field="out")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise FormError(f"没有写入权限：{parent}", f"output folder is not writable: {parent}", field="out")
    if p.exists() and not os.access(p, os.W_OK):
        raise FormError(f"文件只读，无法覆盖：{p}", f"file is read-only, cannot replace it: {p}", field="out")
    return p


def write_atomic(path: str | Path, write: Callable[[Path], None],
                 suffixes: tuple[str, ...] | None = None) -> Path:
    """Call ``write(tmp_path)`` then move the result onto ``path``; return ``path``."""
    target = check_writable(path, suffixes)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp creates 0600; a form is an ordinary document, so honour the umask
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise FormError(f"写入失败：{target}（{exc.strerror or exc}）",
                        f"could not write {target}: {exc}", field="out") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
