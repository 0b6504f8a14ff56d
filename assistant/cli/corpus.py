"""``corpus list|show`` and ``ingest``: look at and add to the corpus."""

from __future__ import annotations

from pathlib import Path

from assistant import textin
from assistant.cli import emit, iso_date
from assistant.corpus import delete_document, ingest_bytes, load_corpus, replace_document
from assistant.errors import DeleteError, IngestError
from assistant.loaders import MAX_BYTES
from assistant.models import Status


def register(sub) -> None:
    p = sub.add_parser("corpus", help="list documents or show a clause",
                       description="Examples:\n  python -m assistant corpus list\n"
                                   "  python -m assistant corpus show 'linhai-plan-draft#（二十二）'\n"
                                   "  python -m assistant corpus show wenzhou-opinions --json\n"
                                   "  python -m assistant corpus delete doc-1a2b3c4d --yes\n"
                                   "  python -m assistant corpus replace doc-1a2b3c4d 新版本.pdf --status in_force")
    csub = p.add_subparsers(dest="corpus_command", metavar="SUBCOMMAND", required=True)
    lp = csub.add_parser("list", help="documents with metadata and clause counts")
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(func=cmd_list)
    sp = csub.add_parser("show", help="a document (<doc>) or one clause (<doc>#<clause>)")
    sp.add_argument("ref", help="doc id, or doc id#clause label, e.g. 'wenzhou-opinions#10.'")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_show)

    dp = csub.add_parser("delete", help="delete an uploaded document (all-or-nothing; the five source documents "
                                        "are protected); the search index follows on its next load")
    dp.add_argument("doc_id")
    dp.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    dp.add_argument("--json", action="store_true")
    dp.set_defaults(func=cmd_delete)
    rp = csub.add_parser("replace", help="replace an uploaded document's file, keeping its id (all-or-nothing)")
    rp.add_argument("doc_id")
    rp.add_argument("file")
    rp.add_argument("--title")
    rp.add_argument("--city")
    rp.add_argument("--kind")
    rp.add_argument("--status", choices=[s.value for s in Status])
    rp.add_argument("--issuer")
    rp.add_argument("--doc-number")
    rp.add_argument("--date", type=iso_date)
    rp.add_argument("--effective-date", type=iso_date)
    rp.add_argument("--json", action="store_true")
    rp.set_defaults(func=cmd_replace)

    ip = sub.add_parser("ingest", help="add a TXT/PDF/DOCX document to the corpus (all-or-nothing)",
                        description="Example:\n  python -m assistant ingest 通知.pdf --title 关于… --city 温州市 "
                                    "--kind 通知 --status in_force --date 2024-05-01")
    ip.add_argument("file")
    ip.add_argument("--title")
    ip.add_argument("--city", required=True, help="jurisdiction, e.g. 浙江省 / 温州市 / 临海市 / 慈溪市")
    ip.add_argument("--kind", default="其他", help="实施意见 / 工作方案 / 通知 / 建议答复 …")
    ip.add_argument("--status", default="in_force", choices=[s.value for s in Status])
    ip.add_argument("--issuer")
    ip.add_argument("--notes", help="free-text notes stored with the document")
    ip.add_argument("--doc-number")
    ip.add_argument("--date", type=iso_date)
    ip.add_argument("--effective-date", type=iso_date)
    ip.add_argument("--id", dest="doc_id", help="readable slug (lowercase ascii, digits, -)")
    ip.add_argument("--json", action="store_true")
    ip.set_defaults(func=cmd_ingest)




def document_summary(doc) -> dict:
    m = doc.meta
    return {"id": m.id, "title": m.title, "city": m.city, "kind": m.kind, "status": m.status.value,
            "status_zh": m.status.label_zh, "doc_number": m.doc_number, "date": m.date, "issuer": m.issuer,
            "effective_date": m.effective_date, "source_file": m.source_file, "clauses": len(doc.clauses),
            "repeals": [r.model_dump() for r in m.repeals], "defects": list(m.defects)}


def clause_dict(doc, clause) -> dict:
    return {"id": clause.id, "doc_id": doc.id, "source_file": doc.meta.source_file, "title": doc.meta.title,
            "clause": clause.label, "kind": clause.kind, "heading": clause.heading,
            "parent_path": list(clause.parent_path), "span": [clause.span.start, clause.span.end],
            "status": doc.meta.status.value, "city": doc.meta.city, "text": clause.clean_text,
            "table": clause.table.model_dump() if clause.table else None}


def cmd_list(args) -> int:
    corpus = load_corpus()
    data = [document_summary(d) for d in corpus.documents]
    lines = [f"{d['id']:<20} {d['city']}  {d['status_zh']:<10} {d['clauses']:>3}条  {d['title']}" for d in data]
    emit(data, args.json, "\n".join(lines))
    return 0


def cmd_show(args) -> int:
    corpus = load_corpus()
    if "#" in args.ref:
        doc_id, label = args.ref.split("#", 1)
        doc = corpus.document(doc_id)
        clause = corpus.clause(doc_id, label)
        data = clause_dict(doc, clause)
        text = f"《{doc.meta.title}》 {clause.label}（{doc.meta.status.label_zh}，{doc.meta.city}）\n\n{clause.clean_text}"
        emit(data, args.json, text)
        return 0
    doc = corpus.document(args.ref)
    data = document_summary(doc) | {"clause_labels": [c.label for c in doc.clauses]}
    text = (f"《{doc.meta.title}》\n{doc.meta.city} · {doc.meta.kind} · {doc.meta.status.label_zh}"
            f" · {doc.meta.doc_number or '无文号'} · {doc.meta.date or '日期未载明'}\n"
            + "\n".join(f"  {c.label:<12} {c.heading or _one_line(c.clean_text[:30])}" for c in doc.clauses))
    emit(data, args.json, text)
    return 0


def _one_line(s: str) -> str:
    return " ".join(s.split())


def cmd_ingest(args) -> int:
    path = Path(args.file)
    # size checked before reading, the read bounded; a symbolic link or a device is refused, not followed
    data = textin.read_file(path, "file", max_bytes=MAX_BYTES, what_zh="文件", follow_symlinks=False,
                            error=IngestError)
    doc = ingest_bytes(data, path.name, title=args.title, city=args.city, kind=args.kind,
                       status=args.status, issuer=args.issuer, doc_number=args.doc_number, date=args.date,
                       effective_date=args.effective_date, doc_id=args.doc_id, notes=args.notes)
    data = document_summary(doc) | {"clause_labels": [c.label for c in doc.clauses]}
    emit(data, args.json, f"已收录：{doc.id}《{doc.meta.title}》，{len(doc.clauses)} 条。"
                          f"\n（检索索引将在下次搜索时自动重建）")
    return 0


def _confirm(question: str) -> bool:
    import sys

    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "是")
    except EOFError:
        return False


def cmd_delete(args) -> int:
    doc = load_corpus().document(args.doc_id)  # an unknown id is named before anything is asked
    if not args.yes and not _confirm(f"确认删除《{doc.meta.title}》（{doc.id}）？"):
        raise DeleteError("未删除：请加 --yes 确认删除（或在终端中回答 y）",
                          "not deleted: pass --yes to confirm", field="yes")
    meta = delete_document(args.doc_id)
    emit({"deleted": meta.id, "title": meta.title}, args.json,
         f"已删除：{meta.id}《{meta.title}》。\n（检索索引将在下次搜索时自动重建）")
    return 0


def cmd_replace(args) -> int:
    path = Path(args.file)
    # as for ingest: size checked before reading, the read bounded, a link or a device refused
    data = textin.read_file(path, "file", max_bytes=MAX_BYTES, what_zh="文件", follow_symlinks=False,
                            error=IngestError)
    doc = replace_document(args.doc_id, data, path.name, title=args.title, city=args.city,
                           kind=args.kind, status=args.status, issuer=args.issuer, doc_number=args.doc_number,
                           date=args.date, effective_date=args.effective_date)
    data = document_summary(doc) | {"clause_labels": [c.label for c in doc.clauses]}
    emit(data, args.json, f"已替换：{doc.id}《{doc.meta.title}》，{len(doc.clauses)} 条。\n（检索索引将在下次搜索时自动重建）")
    return 0
