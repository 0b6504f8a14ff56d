"""``python -m assistant chat``: an interactive session in the terminal.

Each turn is answered with the earlier turns as history, so follow-ups work ("那温州呢？", "那1200平方米呢？",
"And in Linhai?"). The direct answer is printed first; ``/sources`` shows the quotes of the last answer.

Commands:
  /city 温州市   tie the answers to a jurisdiction (``/city`` alone: no city)
  /clear        forget the conversation
  /sources      the last answer's sources, quoted
  /help         this text
  Ctrl-D        leave
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from assistant.errors import AssistantError

PROMPT = "问 > "


def register(sub) -> None:
    p = sub.add_parser("chat", help="interactive chat in the terminal (follow-ups, /city, /sources, Ctrl-D to leave)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--city", help="start tied to this jurisdiction, e.g. 临海市")
    p.set_defaults(func=cmd_chat)


def _readline_history() -> None:
    """Arrow-key history across sessions, kept in the user's home (never in the project)."""
    try:
        import atexit
        import readline
    except ImportError:  # not every platform has readline; the chat works without it
        return
    path = Path(os.environ.get("XIAOWEI_CHAT_HISTORY", Path.home() / ".xiaowei_chat_history"))
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(1000)
    atexit.register(lambda: _save(readline, path))


def _save(readline, path: Path) -> None:
    try:
        readline.write_history_file(path)
    except OSError:
        pass


class Session:
    """One terminal conversation: the assistant, the turns so far, the chosen city."""

    def __init__(self, assistant, city: str | None = None, out=sys.stdout):
        self.assistant = assistant
        self.city = city
        self.turns: list = []
        self.out = out

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def handle(self, line: str) -> bool:
        """One line typed; False when the session should end."""
        line = line.strip()
        if not line:
            return True
        if line.startswith("/"):
            return self.command(line)
        try:
            answer = self.assistant.ask(line, history=list(self.turns), city=self.city)
        except AssistantError as exc:
            self.say(f"错误：{exc.message}\nError: {exc.message_en}")
            return True
        self.turns.append(answer)
        self.say(answer.direct)
        rest = answer.answer[len(answer.direct):].strip("\n")
        if rest and answer.kind in ("calculation", "table", "eligibility", "comparison"):
            self.say(rest)
        for w in answer.warnings:
            self.say(f"! {w}")
        if answer.citations:
            self.say(f"（{len(answer.citations)} 条依据，输入 /sources 查看原文）")
        return True

    def command(self, line: str) -> bool:
        name, _, arg = line.partition(" ")
        if name in ("/quit", "/exit"):
            return False
        if name == "/city":
            from assistant.jurisdictions import resolve_city

            self.city = resolve_city(arg) if arg.strip() else None
            known = self.assistant.corpus.cities()
            if self.city is not None and self.city not in known:
                self.say(f"未知的地区“{arg.strip()}”，可选：{'、'.join(known)}")
                self.city = None
            else:
                self.say(f"按{self.city}回答" if self.city else "不限地区")
            return True
        if name == "/clear":
            self.turns.clear()
            self.say("已清空对话")
            return True
        if name == "/sources":
            last = self.turns[-1] if self.turns else None
            if last is None or not (last.citations or last.related):
                self.say("还没有可显示的依据")
            for i, c in enumerate((*last.citations, *last.related) if last else (), 1):
                self.say(f"[{i}] 《{c.title}》{c.clause}（{c.city}）：“{c.quote}”")
            return True
        self.say(__doc__.split("Commands:", 1)[1].rstrip())
        return True


def cmd_chat(args) -> int:
    from assistant.answer import get_assistant

    _readline_history()
    session = Session(get_assistant(), args.city)
    session.say("小微企业园政策助手 · 输入问题，/help 查看命令，Ctrl-D 退出")
    while True:
        try:
            line = input(PROMPT)
        except EOFError:
            session.say()
            return 0
        except KeyboardInterrupt:
            session.say()
            continue
        if not session.handle(line):
            return 0
