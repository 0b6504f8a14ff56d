"""The knowledge bank: valid, verbatim, complete, and independent of every evaluation set."""

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from assistant.corpus import load_corpus
from assistant.errors import CorpusError
from assistant.knowledge import load_bank
from assistant.knowledge.bank import knowledge_dir

EVAL = Path(__file__).resolve().parents[2] / "eval"
# Two questions about the same clause written independently converge on the document's wording; above this share
# of shared character bigrams a bank question is treated as a copy or paraphrase of an evaluation question.
PARAPHRASE_JACCARD = 0.75


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def _grams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_bank_loads_with_every_span_verbatim(bank):
    corpus = load_corpus()
    assert len(bank) > 300
    for bp in bank.points:
        clause = corpus.clause(bp.doc_id, bp.point.clause)
        for span in bp.point.answer_spans:
            assert span in clause.text, (bp.point.id, span)


def test_every_clause_with_content_has_a_knowledge_point(bank):
    covered = {bp.clause_id for bp in bank.points}
    for doc in load_corpus().documents:
        if not (knowledge_dir() / f"{doc.id}.yaml").exists():
            continue
        for clause in doc.clauses:
            lines = [x.strip() for x in clause.clean_text.splitlines() if x.strip()]
            # a bare section heading ("二、建设要求"), or one with only a lead-in ("…开展工作："), carries no provision
            is_heading = clause.kind == "section" and (len(lines) == 1 or (len(lines) == 2 and lines[1].endswith("：")))
            if not is_heading:
                assert clause.id in covered, f"no knowledge point for {clause.id}"


def test_every_point_has_ten_similar_questions_and_some_english(bank):
    for bp in bank.points:
        assert len(bp.point.similar) >= 10, bp.point.id
    english = sum(1 for bp in bank.points for q in bp.point.similar if q.isascii())
    assert english >= len(bank)  # at least one English voice per point on average


def test_no_evaluation_question_is_in_the_bank(bank):
    questions = [_norm(q) for bp in bank.points for q in bp.point.questions]
    grams = [_grams(q) for q in questions]
    exact = set(questions)
    offenders = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            q = _norm(row["question"])
            if q in exact:
                offenders.append((path.name, row["id"], "exact"))
                continue
            g = _grams(q)
            best = max(len(g & b) / len(g | b) for b in grams)
            if best >= PARAPHRASE_JACCARD:
                offenders.append((path.name, row["id"], round(best, 2)))
    assert not offenders


def test_a_span_not_in_its_clause_is_rejected(tmp_path):
    src = knowledge_dir() / "linhai-plan-draft.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["points"][0]["answer_spans"] = ["这句话不在条款里"]
    (tmp_path / "linhai-plan-draft.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "topics.yaml").write_text((knowledge_dir() / "topics.yaml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        load_bank(tmp_path)
    assert data["points"][0]["id"] in exc.value.message


def test_an_unknown_topic_is_rejected(tmp_path):
    src = knowledge_dir() / "linhai-plan-draft.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["points"][0]["topic"] = "no_such_topic"
    (tmp_path / "linhai-plan-draft.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "topics.yaml").write_text((knowledge_dir() / "topics.yaml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    with pytest.raises(CorpusError):
        load_bank(tmp_path)


def test_an_unknown_related_topic_is_rejected(tmp_path):
    (tmp_path / "linhai-plan-draft.yaml").write_text(
        (knowledge_dir() / "linhai-plan-draft.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    topics = (knowledge_dir() / "topics.yaml").read_text(encoding="utf-8")
    broken = topics.replace("related: [leading_industry_floor_share]", "related: [no_such_topic]")
    assert broken != topics
    (tmp_path / "topics.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        load_bank(tmp_path)
    assert "no_such_topic" in exc.value.message


@pytest.mark.parametrize("computes", ["no_such_calculator", "fees"])
def test_a_point_computing_with_a_calculator_not_of_its_rule_is_rejected(tmp_path, computes):
    # "fees" exists but computes the maintenance fund, not the dormitory allowance the point's params state
    src = knowledge_dir() / "linhai-plan-draft.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    point = next(p for p in data["points"] if p.get("computes"))
    point["computes"] = computes
    (tmp_path / "linhai-plan-draft.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "topics.yaml").write_text((knowledge_dir() / "topics.yaml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        load_bank(tmp_path)
    assert "computes" in exc.value.message_en or "computes" in exc.value.message


def test_no_topic_name_brings_its_own_article():
    # the message catalogue says "the {topic}": a name starting with "the" reads "the the deputies' suggestion"
    topics = yaml.safe_load((knowledge_dir() / "topics.yaml").read_text(encoding="utf-8"))
    named = {k: v["en"] for k, v in topics.items() if isinstance(v, dict) and "en" in v}
    assert named and not [k for k, en in named.items() if en.lower().startswith("the ")]
