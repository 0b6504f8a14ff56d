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
import pkgutil
import sys

from assistant.errors import AssistantError

EPILOG = """examples:
  python -m assistant corpus list
  python -m assistant corpus show 'linhai-plan-draft#（二十二）'
  python -m assistant search "维修基金每平米交多少" --json
  python -m assistant ask "我买了850平方米厂房，维修基金要交多少？"
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    """Print ``data`` as JSON for machines, or ``text`` for people."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text if text is not None else json.dumps(data, ensure_ascii=False, indent=2, default=str))


def iso_date(text: str):
    """argparse type for YYYY-MM-DD: a bad date is a usage error (exit 2) naming the format."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}（date must be YYYY-MM-DD）") from None


def run_jsonl(path: str, answer, *, whole_item: bool = False) -> int:
    """Read lines ``{"id","question"}``; print one JSON line per question: ``{"id", **answer(question)}``
    (``answer(item)`` with ``whole_item``, for callers that read more fields of the line).

    A bad line or a refused question becomes an error line, not a stop; the exit code is 1 if any failed.
    The file is read line by line, so a large batch needs no more memory than one question.
    """
    failures = 0
    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        raise AssistantError(f"无法读取文件：{path}", f"cannot read {path}: {exc.strerror}", field="jsonl") from None
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            item: dict = {}
            try:
                item = json.loads(line)
                if not isinstance(item.get("question"), str):
                    raise KeyError("question")
                out = {"id": item.get("id"), **(answer(item) if whole_item else answer(item["question"]))}
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                failures += 1
                out = {"line": n, "error": f"invalid line: {type(exc).__name__}"}
            except AssistantError as exc:
                failures += 1
                out = {"id": item.get("id"), "question": item.get("question"), **exc.to_dict()}
            print(json.dumps(out, ensure_ascii=False), flush=True)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except AssistantError as exc:
        if getattr(args, "json", False):
            print(json.dumps(exc.to_dict(), ensure_ascii=False))
        else:
            print(f"错误：{exc.message}\nError: {exc.message_en}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
