"""Command line: ``python -m assistant <command> …``.

Each module in this package that defines ``register(subparsers)`` adds its own
subcommands, so features land without editing a shared file.

Examples::

    python -m assistant corpus list
    python -m assistant corpus show linhai-plan-draft#（二十二） --json
    python -m assistant ingest new.pdf --title … --city 温州市
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import re
import sys

from assistant import textin
from assistant.errors import AssistantError

EPILOG = """examples:
  python -m assistant corpus list
  python -m assistant corpus show 'linhai-plan-draft#（二十二）'
  python -m assistant search "维修基金每平米交多少" --json
  python -m assistant ask "我买了850平方米厂房，维修基金要交多少？"
"""


# argparse's own messages, so a usage error reads in Chinese as well as English
_ARGPARSE_ZH = [
    (re.compile(r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.*)\)"),
     lambda m: f"参数 {m[1]} 的取值“{m[2]}”无效，可选：{'、'.join(x.strip(chr(39)) for x in m[3].split(', '))}"),
    (re.compile(r"the following arguments are required: (.*)"), lambda m: f"缺少必填参数：{m[1]}"),
    (re.compile(r"unrecognized arguments: (.*)"), lambda m: f"无法识别的参数：{m[1]}"),
    (re.compile(r"argument (\S+): expected one argument"), lambda m: f"参数 {m[1]} 需要一个值"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '?(.*?)'?$"), lambda m: f"参数 {m[1]} 的值“{m[3]}”无效（应为 {m[2]}）"),
    (re.compile(r"argument (\S+): date must be YYYY-MM-DD: (.*)"), lambda m: f"参数 {m[1]}：日期格式应为 YYYY-MM-DD：{m[2]}"),
    (re.compile(r"argument (\S+): date (\S+) is outside (\d+)–(\d+)"),
     lambda m: f"参数 {m[1]}：日期 {m[2]} 超出合理范围（{m[3]}–{m[4]} 年）"),
    (re.compile(r"argument (\S+): (.*)"), lambda m: f"参数 {m[1]}：{m[2]}"),
]


def usage_error_zh(message: str) -> str:
    for pattern, zh in _ARGPARSE_ZH:
        if m := pattern.match(message):
            return zh(m)
    return message


class Parser(argparse.ArgumentParser):
    """argparse with a usage error in Chinese and English (exit code 2, as every error)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        message = textin.terminal(message)
        print(f"错误：命令行参数有误：{usage_error_zh(message)}（用 -h 查看用法）\nError: {message}", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m assistant",
        description="小微企业园政策助手 — regulation assistant for Zhejiang's small and micro enterprise parks.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def emit(data, as_json: bool, text: str | None = None) -> None:
    """Print ``data`` as JSON for machines, or ``text`` for people.

    Either way the output is inert: document text may carry escape sequences (stored before the input
    boundary removed them), and a terminal must never act on what a document or a model says.
    """
    if as_json or text is None:
        print(dumps(data))
    else:
        print(textin.terminal(text))


def dumps(data, indent: int | None = 2) -> str:
    """JSON for output: non-ASCII kept readable, terminal-active characters escaped."""
    return textin.json_text(json.dumps(data, ensure_ascii=False, indent=indent, default=str))


def iso_date(text: str):
    """argparse type for YYYY-MM-DD: a bad date is a usage error (exit 2) naming the format."""
    import datetime as dt

    # English here; Parser.error adds the Chinese (usage_error_zh)
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date must be YYYY-MM-DD: {text}") from None
    if not textin.DATE_MIN <= value <= textin.DATE_MAX:
        raise argparse.ArgumentTypeError(f"date {text} is outside {textin.DATE_MIN.year}–{textin.DATE_MAX.year}")
    return value


def run_jsonl(path: str, answer, *, whole_item: bool = False) -> int:
    """Read lines ``{"id","question"}``; print one JSON line per question: ``{"id", **answer(question)}``
    (``answer(item)`` with ``whole_item``, for callers that read more fields of the line).

    A bad line or a refused question becomes an error line, not a stop; the exit code is 1 if any failed.
    The file is read line by line, so a large batch needs no more memory than one question.
    """
    failures = 0
    with open_lines(path, "jsonl") as f:
        for n, raw in enumerate(bounded_lines(f), 1):
            if raw is not None and not raw.strip():
                continue
            item: dict = {}
            try:
                if raw is None:
                    raise ValueError(f"line longer than {MAX_LINE_BYTES} bytes")
                line = raw.decode("utf-8-sig") if n == 1 else raw.decode("utf-8")
                item = textin.parse_json(line, f"{os.path.basename(path)} line {n}", "jsonl",
                                         what_zh=f"{os.path.basename(path)} 第 {n} 行")
                if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                    raise TypeError("a line must be an object with a text 'question'")
                out = {"id": item.get("id"), **(answer(item) if whole_item else answer(item["question"]))}
            except (UnicodeDecodeError, TypeError, ValueError) as exc:
                failures += 1
                out = {"line": n, "error": f"invalid line: {type(exc).__name__}"}
            except AssistantError as exc:
                failures += 1
                out = {"line": n, "id": item.get("id") if isinstance(item, dict) else None, **exc.to_dict()}
            print(dumps(out, indent=None), flush=True)
    return 1 if failures else 0


def bounded_lines(f):
    """Lines of a binary file; a line longer than MAX_LINE_BYTES is skipped in pieces and yielded as None."""
    while raw := f.readline(MAX_LINE_BYTES + 1):
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := f.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


MAX_LINE_BYTES = 64 * 1024  # a question line; a longer one is read in pieces and refused, not held whole


def open_lines(path: str, field: str):
    """A regular file opened for reading lines as bytes, or an AssistantError naming it."""
    import stat

    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file")
        return open(path, "rb")
    except OSError as exc:
        name = textin.terminal(textin.repair_unicode(str(path), field, replace=True))
        raise AssistantError(f"无法读取文件：{name}（{exc.strerror}）", f"cannot read {name}: {exc.strerror}",
                             field=field) from None


INTERNAL_ERROR_EXIT = 3  # not 2: a bad input is the user's to fix, this one is ours


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that cannot show a character gets "?", not a crash
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except AssistantError as exc:
        report(exc, args)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head`: the reader left; nothing to report to
        sys.stdout = open(os.devnull, "w")
        return 0
    except Exception as exc:  # noqa: BLE001 - last line of defence: a sentence, never a traceback
        if os.environ.get("XIAOWEI_DEBUG"):
            raise
        internal = AssistantError(f"内部错误（{type(exc).__name__}），请把命令和这条信息告诉维护者",
                                  f"internal error ({type(exc).__name__}): please report the command and this "
                                  f"message (XIAOWEI_DEBUG=1 shows the details)")
        report(internal, args)
        return INTERNAL_ERROR_EXIT


def report(exc: AssistantError, args) -> None:
    if getattr(args, "json", False):
        print(dumps(exc.to_dict(), indent=None))
    else:
        print(textin.terminal(f"错误：{exc.message}\nError: {exc.message_en}"), file=sys.stderr)
