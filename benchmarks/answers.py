"""Answer quality and speed on a question set, and the refusal threshold sweep.

    python benchmarks/answers.py [--questions eval/dev.jsonl] [--sweep]

Reports, overall and per voice (formal / colloquial / english): the facts the
answer must state found in the answer line or its quotes (``answer_contains``),
expected clause among the citations, refusal precision and recall, figures
stated for a question the documents do not answer (must be 0), verbatim quotes,
answers with a number from no quote or calculator, and warm answer latency
p50/p95. Conversation sets (``conversation``/``turn``) are answered turn by turn
with the earlier turns as history. ``--sweep`` prints precision/recall of refusal for a
range of knowledge-point coverage thresholds (the default is chosen on the dev set,
then checked on the held-out set).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer import Assistant, get_assistant  # noqa: E402
from assistant.evaluation import evaluate_answers, load_questions  # noqa: E402


def latency(assistant: Assistant, questions, repeat: int = 2) -> tuple[float, float]:
    if not questions:
        return float("nan"), float("nan")
    times = []
    for _ in range(repeat):
        for q in questions:
            assistant.retriever.clear_query_cache()  # each timing starts from an unseen question
            t = time.perf_counter()
            assistant.ask(q.question)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def sweep(assistant: Assistant, questions) -> list[dict]:
    """Refusal precision/recall as the share of the question's key terms a knowledge point must cover varies."""
    from assistant.answer.handlers import knowledge

    default, out = knowledge.MIN_POINT_COVERAGE, []
    try:
        for th in [0.3, 0.4, 0.5, 0.6, 0.7]:
            knowledge.MIN_POINT_COVERAGE = th
            rep = evaluate_answers(assistant.ask, questions, assistant.corpus)
            out.append({"threshold": th, "precision": rep["refusal_precision"], "recall": rep["refusal_recall"],
                        "facts": rep["facts_in_answer"], "cited": rep["expected_clause_cited"]})
    finally:
        knowledge.MIN_POINT_COVERAGE = default
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", default=str(ROOT / "eval" / "dev.jsonl"))
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    assistant = get_assistant()
    questions = load_questions(args.questions)
    from assistant.answer.handlers.knowledge import MIN_POINT_COVERAGE
    rep = evaluate_answers(assistant.ask, questions, assistant.corpus)
    p50, p95 = latency(assistant, [q for q in questions if q.expected and not q.conversation])
    result = {k: v for k, v in rep.items() if k != "rows"} | {
        "questions": args.questions, "cores": os.cpu_count(), "min_point_coverage": MIN_POINT_COVERAGE,
        "answer_p50_ms": round(p50, 2), "answer_p95_ms": round(p95, 2)}
    if args.sweep:
        result["sweep"] = sweep(assistant, questions)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"Answers on {args.questions} ({rep['n']} questions), {os.cpu_count()} cores")
    print("| voice | n | facts in answer | expected clause cited | refusal precision | refusal recall | false figures |")
    print("|---|---|---|---|---|---|---|")
    for name, m in [("all", rep), *rep["per_voice"].items()]:
        print(f"| {name} | {m['n']} | {m['facts_in_answer']} | {m['expected_clause_cited']} | {m['refusal_precision']} | "
              f"{m['refusal_recall']} | {m['false_figures']} |")
    print(f"\nquotes verbatim {rep['quotes_verbatim']}; warm answer p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"facts not stated: {rep['facts_not_stated']}\nfalse refusals: {rep['false_refusals']}\n"
          f"missed refusals: {rep['missed_refusals']}\nexpected clause not cited: {rep['not_cited']}\n"
          f"answers with unsupported numbers: {rep['answers_with_unsupported_numbers']}")
    if args.sweep:
        print("\nthreshold sweep:")
        for s in result["sweep"]:
            print(f"  {s['threshold']:.2f}  refusal precision {s['precision']}  recall {s['recall']}  "
                  f"facts {s['facts']}  cited {s['cited']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
