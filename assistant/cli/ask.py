"""``ask``: a question in, a cited answer out (JSON contract with --json); conversations in a JSONL file."""

from __future__ import annotations

import argparse

from assistant.cli import emit, run_jsonl
from assistant.errors import QueryError

EPILOG = """examples:
  python -m assistant ask "我买了850平方米厂房，维修基金和保修金要交多少？"
  python -m assistant ask --json "临海和温州对非生产性用房比例的规定有什么不同？"
  python -m assistant ask --city 温州市 "容积率有什么要求？"
  python -m assistant ask --jsonl questions.jsonl      # one JSON object per line, one answer per line

JSONL lines: {"id": "q1", "question": "…"} and, optionally, {"conversation": "c1"}: lines sharing a conversation
are the turns of one conversation, in file order, each answered with the earlier turns as history (so "那温州呢？"
or "那1200平方米呢？" is understood); conversations may be interleaved. An optional "city" ties a line to a
jurisdiction like --city.

JSON contract: {"question","answer","direct","kind","refused","city","answer_type","not_covered_kind",
"citations":[{"doc_id","source_file","title","clause","quote","city","status"}],"warnings":[…],"confidence"}
"direct" is the first line of "answer": the figure, the yes/no with its condition, who or when.
"""


def register(sub) -> None:
    p = sub.add_parser("ask", help="answer a question with cited clauses", epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("question", nargs="?")
    p.add_argument("--city", help="tie the answer to this jurisdiction (温州市 / 临海市 / 慈溪市 / 浙江省)")
    p.add_argument("--jsonl", metavar="FILE", help="answer every line of FILE (see below)")
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    p.set_defaults(func=cmd_ask)


def render(a) -> str:
    """For people: the direct answer first, then the sources, the possibly related, the notes."""
    lines = [a.answer]
    if a.citations:
        lines.append("\n引用 / Sources:")
        for i, c in enumerate(a.citations, 1):
            lines.append(f"[{i}] 《{c.title}》{c.clause}（{c.city}·{c.status.label_zh if c.status else ''}）"
                         f" {c.source_file}\n    “{c.quote}”")
    if a.related:
        lines.append("\n可能相关（仅供参考）/ Possibly related:")
        for c in a.related:
            lines.append(f"- 《{c.title}》{c.clause}：{c.quote[:80]}")
    if a.warnings:
        lines.append("\n注意 / Notes:")
        lines.extend(f"! {w}" for w in a.warnings)
    return "\n".join(lines)


class Conversations:
    """The history of every conversation in a JSONL run, by its id."""

    def __init__(self, assistant, default_city: str | None):
        self.assistant = assistant
        self.city = default_city
        self.history: dict[str, list] = {}

    def __call__(self, item: dict) -> dict:
        key = item.get("conversation")
        past = self.history.setdefault(str(key), []) if key is not None else []
        answer = self.assistant.ask(item["question"], history=list(past), city=item.get("city") or self.city)
        if key is not None:
            past.append(answer)
        out = answer.to_contract()
        if key is not None:
            out = {"conversation": key, "turn": len(past), **out}
        return out


def cmd_ask(args) -> int:
    from assistant.answer import get_assistant

    if not args.question and not args.jsonl:
        raise QueryError("请提供问题或 --jsonl 文件", "give a question or --jsonl FILE", field="question")
    assistant = get_assistant()
    if args.jsonl:
        return run_jsonl(args.jsonl, Conversations(assistant, args.city), whole_item=True)
    a = assistant.ask(args.question, city=args.city)
    emit(a.to_contract(), args.json, render(a))   # plain, inert text either way
    return 0
