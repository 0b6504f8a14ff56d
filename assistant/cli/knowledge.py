"""``python -m assistant knowledge …``: the knowledge bank (knowledge points with their questions).

Examples::

    python -m assistant knowledge list --doc linhai-plan-draft
    python -m assistant knowledge show linhai-maintenance-fund-rate --json
    python -m assistant knowledge add-question linhai-maintenance-fund-rate "厂房维修的钱一个平方几块"
    python -m assistant knowledge validate
    python -m assistant knowledge review          # refused, low-confidence and 👎 questions to look at
"""

from __future__ import annotations

import argparse

from assistant.cli import emit


def register(subparsers) -> None:
    p = subparsers.add_parser("knowledge", help="知识库：知识点、相似问（list / show / add-question / validate / review）",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="knowledge_command", metavar="list|show|add-question|validate|review")
    lp = sub.add_parser("list", help="every knowledge point, one line each")
    lp.add_argument("--doc", help="only this document's points")
    lp.add_argument("--json", action="store_true")
    sp = sub.add_parser("show", help="one point: clause, spans, standard and similar questions")
    sp.add_argument("id")
    sp.add_argument("--json", action="store_true")
    ap = sub.add_parser("add-question", help="add a similar question to a point (all-or-nothing)")
    ap.add_argument("id")
    ap.add_argument("question")
    ap.add_argument("--json", action="store_true")
    vp = sub.add_parser("validate", help="check every file (spans verbatim, topics known, ids unique)")
    vp.add_argument("--json", action="store_true")
    rp = sub.add_parser("review", help="questions refused, answered with low confidence or voted 👎 (kept locally)")
    rp.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_knowledge, knowledge_command="list", doc=None, json=False)


def _point(bp) -> dict:
    kp = bp.point
    return {"id": kp.id, "doc_id": bp.doc_id, "clause": kp.clause, "city": bp.city, "topic": kp.topic,
            "answer_type": kp.answer_type, "answer_spans": list(kp.answer_spans), "params": list(kp.params),
            "standard": kp.standard, "similar": list(kp.similar)}


def cmd_knowledge(args) -> int:
    from assistant.knowledge.bank import load_bank

    cmd = args.knowledge_command
    if cmd == "add-question":
        from assistant.knowledge.edit import add_question

        kp = add_question(args.id, args.question)
        emit({"id": kp.id, "similar": list(kp.similar)}, args.json,
             f"已加入知识点 {kp.id} 的相似问（共 {len(kp.similar)} 条）：{args.question}")
        return 0
    if cmd == "review":
        from assistant.feedback import review_queue

        queue = review_queue()
        emit([e.model_dump() for e in queue], args.json,
             "\n".join(f"[{e.kind}] {e.at} {e.question}  →  {e.answer[:60]}" for e in queue) or "没有待处理的问题。")
        return 0
    bank = load_bank()
    if cmd == "validate":
        emit({"points": len(bank), "questions": sum(len(p.point.questions) for p in bank.points)}, args.json,
             f"知识库有效：{len(bank)} 个知识点，{sum(len(p.point.questions) for p in bank.points)} 个问题。")
        return 0
    if cmd == "show":
        bp = bank.get(args.id)
        d = _point(bp)
        emit(d, args.json, "\n".join([f"{d['id']}（{d['doc_id']} {d['clause']}，{d['city']}，{d['answer_type']}）",
                                       f"标准问：{d['standard']}", "答案片段：" + "；".join(d["answer_spans"]),
                                       "相似问：", *(f"  - {q}" for q in d["similar"])]))
        return 0
    points = [p for p in bank.points if not args.doc or p.doc_id == args.doc]
    emit([_point(p) for p in points], args.json,
         "\n".join(f"{p.point.id:<44} {p.doc_id} {p.point.clause}  {p.point.standard}" for p in points)
         + f"\n共 {len(points)} 个知识点")
    return 0
