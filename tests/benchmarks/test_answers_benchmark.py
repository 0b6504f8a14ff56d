"""benchmarks/answers.py runs end to end on a small set (with the hashing encoder), so it cannot rot unnoticed."""

import json
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_answers_benchmark_reports_the_quality_figures(tmp_path, monkeypatch, capsys):
    lines = (ROOT / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("XIAOWEI_ENCODER", "hash:256")
    monkeypatch.setenv("XIAOWEI_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(sys, "argv", ["answers.py", "--questions", str(questions), "--json", "--sweep"])
    try:
        runpy.run_path(str(ROOT / "benchmarks" / "answers.py"), run_name="__main__")
    except SystemExit as exc:
        assert exc.code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 3
    for key in ("facts_in_answer", "expected_clause_cited", "refusal_precision", "false_figures", "answer_p95_ms"):
        assert key in report, key
    assert 0.0 <= report["facts_in_answer"] <= 1.0
    assert [s["threshold"] for s in report["sweep"]] == sorted(s["threshold"] for s in report["sweep"])


def test_knowledge_match_benchmark_reports_every_mode(tmp_path, monkeypatch, capsys):
    lines = (ROOT / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    questions = tmp_path / "small.jsonl"
    questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("XIAOWEI_ENCODER", "hash:256")
    monkeypatch.setenv("XIAOWEI_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(sys, "argv", ["knowledge_match.py", "--sets", str(questions), "--json"])
    try:
        runpy.run_path(str(ROOT / "benchmarks" / "knowledge_match.py"), run_name="__main__")
    except SystemExit as exc:
        assert exc.code == 0
    report = json.loads(capsys.readouterr().out)["small"]
    assert report["n"] == 4
    assert set(report) == {"n", "clause only", "q2q BM25 + clause", "q2q dense + clause",
                           "q2q BM25 + dense (no clause)", "q2q BM25 + dense + clause"}
    assert all(0.0 <= v["R@1"] <= v["R@3"] <= 1.0 for k, v in report.items() if k != "n")
