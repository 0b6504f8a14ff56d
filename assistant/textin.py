"""The one boundary for text entering the system, and the limits it enforces.

Command-line arguments, form and upload fields, questions, JSON input files, document text and model replies
pass through here before anything else sees them. Why each step:

- **Invalid Unicode.** A lone surrogate (``'\\udcb9'``) is what Python makes of a byte that is not UTF-8 in a
  command-line argument — typically GBK from a Windows terminal. Stored in a record, it breaks every later
  JSON serialisation of that record (the whole corpus stops loading). The original bytes are recovered and read
  as UTF-8 or GB18030 (what a Chinese terminal sends); if that fails the field is refused with its name, or,
  for questions, the bad characters are replaced.
- **Control and escape characters** (NUL, ESC sequences, C1 controls, bidi overrides) are removed: they rewrite
  terminals, are not allowed in DOCX XML, and make a title display as something it is not.
- **Length.** Every field has a cap, refused with a message naming the field and the cap (a question of a
  million characters took 26 s and slowed every other user).

>>> field("  温州市\\x1b[31m ", "city")
'温州市'
>>> field("温州".encode("gbk").decode("utf-8", "surrogateescape"), "city")   # GBK bytes from a terminal
'温州'
>>> terminal("红\\x1b[2J字\\x07")
'红字'
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError, InputError, QueryError

# ---------------------------------------------------------------- limits (README "Limits" lists them all)

MAX_QUESTION_CHARS = 4000       # the longest clause is ~1 500 characters; a question is a sentence or two
MAX_FIELD_CHARS = 200           # titles, cities, kinds, issuers, document numbers, names
MAX_NOTES_CHARS = 2000          # free-text notes
MAX_JSON_BYTES = 5 * 1024 * 1024  # a plan, profile, report or rows file is kilobytes
MAX_JSON_DEPTH = 64             # real input nests three levels; deeper is a bomb (RecursionError at ~1 000)
MAX_NUMBER_DIGITS = 40          # 5 000-digit integers make int() refuse (and arithmetic slow)
DATE_MIN = dt.date(1949, 1, 1)  # no provincial rule predates the PRC; a date before it is a typing error
DATE_MAX = dt.date(2100, 12, 31)  # far enough for any deadline, near enough that date arithmetic never overflows

LABELS_ZH = {"title": "标题", "city": "地区", "kind": "文件类型", "issuer": "发文机关", "doc_number": "文号",
             "notes": "说明", "question": "问题", "file": "文件名", "id": "文档 id", "date": "成文日期",
             "effective_date": "施行日期", "as_of": "评估日期", "history": "对话历史"}

_SURROGATE = re.compile("[\ud800-\udfff]")
# ESC-introduced sequences (CSI "ESC [ … m", OSC "ESC ] … BEL", two-character escapes) and 8-bit CSI / OSC
_ESCAPE_SEQ = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
                         r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?")
_INVISIBLE = "\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"   # bidi overrides / isolates, BOM, non-characters
_CONTROL_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_CONTROL_MULTI_LINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")   # keeps \t and \n


def label(field_name: str) -> str:
    return LABELS_ZH.get(field_name, field_name)


# ---------------------------------------------------------------- characters

def has_invalid_unicode(text: str) -> bool:
    return bool(_SURROGATE.search(text))


def repair_unicode(text: str, field_name: str, *, replace: bool = False,
                   error: type[AssistantError] = InputError) -> str:
    """``text`` without lone surrogates: the original bytes read as UTF-8 or GB18030, else replaced or refused."""
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte (e.g. from JSON "\\ud800")
        raw = None
    if raw is not None:
        for encoding in ("utf-8", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    if replace:
        return _SURROGATE.sub("\ufffd", text)
    raise error(f"“{label(field_name)}”含有无法识别的字符（既不是 UTF-8 也不是 GBK 编码，请检查终端或文件的编码）",
                f"{field_name} contains invalid characters (neither UTF-8 nor GBK: check the terminal's or "
                f"file's encoding)", field=field_name)


def strip_controls(text: str, *, multiline: bool = True) -> str:
    """Remove escape sequences and control characters; one-line text gets tabs and line breaks as spaces."""
    text = _ESCAPE_SEQ.sub("", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROL_MULTI_LINE.sub("", text)
    text = re.sub(r"[\t\n\r\v\f]+", " ", text)
    return _CONTROL_ONE_LINE.sub("", text)


def field(value: Any, field_name: str, *, max_chars: int = MAX_FIELD_CHARS, multiline: bool = False,
          required: bool = False, error: type[AssistantError] = InputError) -> str | None:
    """A metadata or form field: Unicode repaired or refused, controls removed, stripped, length checked.

    Empty (or only removed characters) is ``None``, or an error when ``required``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise error(f"请填写{label(field_name)}", f"{field_name} is required", field=field_name)
        return None
    if not isinstance(value, str):
        raise error(f"“{label(field_name)}”应为文字", f"{field_name} must be text", field=field_name)
    text = strip_controls(repair_unicode(value, field_name, error=error), multiline=multiline).strip()
    if len(text) > max_chars:
        raise error(f"“{label(field_name)}”过长（{len(text)} 个字符），上限为 {max_chars} 个字符",
                    f"{field_name} is too long ({len(text)} characters); the limit is {max_chars}",
                    field=field_name)
    if not text and required:
        raise error(f"请填写{label(field_name)}", f"{field_name} is required", field=field_name)
    return text or None


def question(value: Any, field_name: str = "question") -> Any:
    """A question: bad characters replaced (not refused: the rest is still a question), length capped.

    ``None`` and empty text pass through; ``assistant.query.analyse`` explains those.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise QueryError("问题应为文字", "the question must be text", field=field_name)
    text = strip_controls(repair_unicode(value, field_name, replace=True), multiline=True)
    if len(text) > MAX_QUESTION_CHARS:
        raise QueryError(f"问题过长（{len(text)} 个字符），请控制在 {MAX_QUESTION_CHARS} 个字符以内",
                         f"the question is too long ({len(text)} characters); keep it under {MAX_QUESTION_CHARS}",
                         field=field_name)
    return text


def document_text(text: str) -> tuple[str, list[str]]:
    """A loaded document's text with invalid and control characters removed, and what was removed (a defect)."""
    warnings = []
    if _SURROGATE.search(text):
        n = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"{n} 个无效字符（编码错误）已替换为 �")
    cleaned = _CONTROL_MULTI_LINE.sub("", _ESCAPE_SEQ.sub("", text.replace("\f", "\n")))
    if len(cleaned) != len(text):
        warnings.append(f"已删除 {len(text) - len(cleaned)} 个控制字符（终端转义序列、空字符等）")
    return cleaned, warnings


def terminal(text: str) -> str:
    """Text safe to print: no escape sequences or control characters, no unencodable surrogates."""
    return strip_controls(_SURROGATE.sub("\ufffd", text), multiline=True)


_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_INVISIBLE}\ud800-\udfff]")


def json_text(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with C1 controls, bidi marks and surrogates
    written as ``\\uXXXX`` escapes: still the same JSON, but nothing a terminal acts on."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ---------------------------------------------------------------- dates

def check_date(value: dt.date | None, field_name: str, *,
               error: type[AssistantError] = InputError) -> dt.date | None:
    """``value`` if it lies in DATE_MIN..DATE_MAX (1949–2100), else an error naming the field."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not DATE_MIN <= value <= DATE_MAX:
        raise error(f"“{label(field_name)}”日期 {value.isoformat()} 超出合理范围（{DATE_MIN.year}–{DATE_MAX.year} 年）",
                    f"{field_name}: date {value.isoformat()} is outside {DATE_MIN.year}–{DATE_MAX.year}",
                    field=field_name)
    return value


_DATE_LIKE = re.compile(r"^\s*[+-]?(\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$")


def check_dates_in(data: Any, field_name: str, *, error: type[AssistantError] = InputError,
                   _path: str = "") -> None:
    """Every ISO-looking date string inside JSON data must lie in 1949–2100 (the key path names the field).

    Strings that are not dates, and impossible dates such as 2024-02-30, are left to whoever reads them.
    """
    stack = [(data, _path)]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, f"{path}.{k}" if path else str(k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(node))
        elif isinstance(node, str) and (m := _DATE_LIKE.match(node)):
            year = int(m.group(1))
            if not DATE_MIN.year <= year <= DATE_MAX.year or node.lstrip().startswith(("-", "+")):
                name = path or field_name
                raise error(f"“{name}”日期 {node.strip()} 超出合理范围（{DATE_MIN.year}–{DATE_MAX.year} 年）",
                            f"{name}: date {node.strip()} is outside {DATE_MIN.year}–{DATE_MAX.year}",
                            field=name)


# ---------------------------------------------------------------- files

def read_file(path: str | Path, field_name: str, *, max_bytes: int, what_zh: str = "文件",
              follow_symlinks: bool = True, error: type[AssistantError] = InputError) -> bytes:
    """The bytes of a regular file, its size checked before reading and the read bounded.

    ``follow_symlinks=False`` refuses a symbolic link (ingest must not store whatever a link points to,
    such as /etc/passwd). FIFOs, devices and folders are refused: reading them blocks or never ends.
    """
    p = Path(path)
    name = repair_unicode(str(p), field_name, replace=True)
    try:
        st = os.lstat(p) if not follow_symlinks else os.stat(p)
    except FileNotFoundError:
        raise error(f"找不到{what_zh}：{name}", f"no such file: {name}", field=field_name) from None
    except OSError as exc:
        raise error(f"无法读取{what_zh}：{name}（{exc.strerror}）", f"cannot read {name}: {exc.strerror}",
                    field=field_name) from None
    if stat.S_ISLNK(st.st_mode):
        raise error(f"{what_zh}是符号链接，已拒绝（请直接给出文件本身）：{name}",
                    f"{name} is a symbolic link: refused (give the file itself)", field=field_name)
    if stat.S_ISDIR(st.st_mode):
        raise error(f"{what_zh}路径是一个目录：{name}", f"{name} is a folder, not a file", field=field_name)
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{what_zh}不是普通文件（设备、管道等），已拒绝：{name}",
                    f"{name} is not a regular file (device, pipe…): refused", field=field_name)
    _check_size(st.st_size, max_bytes, name, what_zh, field_name, error)
    # O_NONBLOCK: opening a FIFO swapped in since the stat must not hang
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:  # ELOOP: replaced by a link since the stat; EACCES
        raise error(f"无法读取{what_zh}：{name}（{exc.strerror}）", f"cannot read {name}: {exc.strerror}",
                    field=field_name) from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped for something else since the stat
            raise error(f"{what_zh}不是普通文件，已拒绝：{name}", f"{name} is not a regular file: refused",
                        field=field_name)
        data = f.read(max_bytes + 1)
    _check_size(len(data), max_bytes, name, what_zh, field_name, error)
    return data


def _check_size(size: int, max_bytes: int, name: str, what_zh: str, field_name: str, error) -> None:
    if size > max_bytes:
        raise error(f"{what_zh}过大（{_mb(size)}），上限为 {_mb(max_bytes)}：{name}",
                    f"{name} is too large ({_mb(size)}); the limit is {_mb(max_bytes)}", field=field_name)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


# ---------------------------------------------------------------- JSON

class _BadJsonValue(ValueError):
    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en
        super().__init__(en)


def _parse_int(s: str) -> int:
    if len(s.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _BadJsonValue(f"数字位数过多（{len(s)} 位，上限 {MAX_NUMBER_DIGITS} 位）",
                            f"a number has {len(s)} digits (limit {MAX_NUMBER_DIGITS})")
    return int(s)


def _parse_float(s: str) -> float:
    v = float(s)
    if not math.isfinite(v) or len(s) > 2 * MAX_NUMBER_DIGITS:
        raise _BadJsonValue(f"数字超出范围：{s[:30]}…" if len(s) > 30 else f"数字超出范围：{s}",
                            f"a number is out of range: {s[:30]}")
    return v


def _parse_constant(s: str):
    raise _BadJsonValue(f"不接受 {s}（应为有限的数字）", f"{s} is not accepted (numbers must be finite)")


def json_depth(data: Any) -> int:
    """Nesting depth, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (node.values() if isinstance(node, dict) else node))
    return deepest


def parse_json(data: bytes | str, source: str, field_name: str, *, what_zh: str = "",
               error: type[AssistantError] = InputError, lines: bool = False) -> Any:
    """JSON from bytes or text: UTF-8 (a BOM is allowed), depth, number size and NaN checked.

    Every failure is ``error`` naming ``source`` (a file name or "--input") and ``field_name``.
    """
    what = what_zh or source
    if len(data) > MAX_JSON_BYTES:
        raise error(f"{what}过大（{_mb(len(data))}），上限为 {_mb(MAX_JSON_BYTES)}",
                    f"{source} is too large ({_mb(len(data))}); the limit is {_mb(MAX_JSON_BYTES)}", field=field_name)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise error(f"{what}不是 UTF-8 编码（第 {exc.start} 字节），请另存为 UTF-8：{source}",
                        f"{source} is not UTF-8 (byte {exc.start}): save it as UTF-8", field=field_name) from None
    data = repair_unicode(data, field_name, replace=True, error=error)
    try:
        value = json.loads(data, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except _BadJsonValue as exc:
        raise error(f"{what}中的数值无效：{exc.zh}", f"{source}: {exc.en}", field=field_name) from None
    except RecursionError:
        raise error(f"{what}嵌套层数过多（上限 {MAX_JSON_DEPTH} 层）：{source}",
                    f"{source} is nested too deeply (limit {MAX_JSON_DEPTH} levels)", field=field_name) from None
    except json.JSONDecodeError as exc:
        raise error(f"{what}不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
                    f"{source} is not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})",
                    field=field_name) from None
    except ValueError as exc:  # int() limits and the like
        raise error(f"{what}中的数值无效：{exc}", f"{source}: invalid number: {exc}", field=field_name) from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise error(f"{what}嵌套层数过多（上限 {MAX_JSON_DEPTH} 层）：{source}",
                    f"{source} is nested too deeply (limit {MAX_JSON_DEPTH} levels)", field=field_name)
    if _has_lone_surrogate(value):
        # a "\\ud800" escape parses to a lone surrogate: refused (it would break every later JSON dump)
        raise error(f"{what}含有无效的 Unicode 转义（单独的代理项，如 \\ud800）：{source}",
                    f"{source} contains an invalid Unicode escape (a lone surrogate such as \\ud800)",
                    field=field_name)
    return value


def _has_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return True
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def read_json_file(path: str | Path, field_name: str, *, what_zh: str = "文件",
                   error: type[AssistantError] = InputError, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """A JSON file: found, a regular file, not too large, UTF-8, well-formed, not too deep."""
    data = read_file(path, field_name, max_bytes=max_bytes, what_zh=what_zh, error=error)
    return parse_json(data, Path(path).name, field_name, what_zh=what_zh, error=error)


def expect_object(value: Any, source: str, field_name: str, *, what_zh: str = "",
                  error: type[AssistantError] = InputError) -> dict:
    if not isinstance(value, dict):
        raise error(f"{what_zh or source}应为 JSON 对象（{{…}}），收到的是{_json_type_zh(value)}",
                    f"{source} must hold a JSON object, not {type(value).__name__}", field=field_name)
    return value


def _json_type_zh(value: Any) -> str:
    return {list: "数组", str: "文字", int: "数字", float: "数字", bool: "布尔值", type(None): "null"}.get(
        type(value), type(value).__name__)
