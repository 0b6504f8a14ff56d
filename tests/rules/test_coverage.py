"""Every number in the corpus is either a rule parameter or listed, with a reason, as not a rule."""

from __future__ import annotations

import pytest

from assistant.rules.coverage import number_tokens, uncovered_numbers
from assistant.rules.params import load_not_rules, load_params

PARAMS = load_params().params
NOT_RULES = load_not_rules()


def _clauses(corpus):
    return [(d, c) for d in corpus.documents for c in d.clauses]


def _uncovered(corpus, params, not_rules):
    out = []
    for doc, cl in _clauses(corpus):
        mine = [p for p in params if p.doc_id == doc.id and p.clause == cl.label]
        for t in uncovered_numbers(cl.id, cl.text, mine, list(not_rules)):
            out.append(f"{cl.id}: {t.text} …{cl.text[max(0, t.start - 12):t.end + 6]}…")
    return out


def test_every_number_is_a_rule_or_explained(corpus):
    missing = _uncovered(corpus, PARAMS, NOT_RULES)
    assert not missing, "numbers that are neither a parameter nor in rules/not_rules.yaml:\n" + "\n".join(missing)


def test_the_corpus_has_numbers_to_cover(corpus):
    """Guard against a vacuous pass: the quantitative clauses do contain numbers."""
    assert sum(len(number_tokens(c.text)) for _, c in _clauses(corpus)) > 200


@pytest.mark.parametrize("drop", ["linhai.fee_maintenance_fund", "wenzhou.quality_area_cap", "cixi.recognition_leading_share_min",
                                  "linhai.mu_average_grace_years"])
def test_removing_a_parameter_leaves_its_number_uncovered(corpus, drop):
    rest = [p for p in PARAMS if p.id != drop]
    assert _uncovered(corpus, rest, NOT_RULES), f"dropping {drop} should uncover a number"


def test_a_parameter_with_the_wrong_value_does_not_cover(corpus):
    """Covering needs the number itself, not just a quote around it."""
    wrong = [p.model_copy(update={"value": p.value + 1}) if p.id == "linhai.fee_warranty_deposit" else p for p in PARAMS]
    assert any("（二十二）: 6" in u for u in _uncovered(corpus, wrong, NOT_RULES))


def test_not_rules_point_at_real_text(corpus):
    for n in NOT_RULES:
        clause = corpus.clause_by_id(n.clause_id)
        if n.text is not None:
            assert n.text in clause.text, f"{n.clause_id}: “{n.text}” not in the clause"
            at = clause.text.find(n.text)
            inside = [t for t in number_tokens(clause.text) if at <= t.start and t.end <= at + len(n.text)]
            assert inside, f"{n.clause_id}: “{n.text}” covers no number of the clause"
        else:
            assert number_tokens(clause.text), f"{n.clause_id}: whole_clause entry for a clause without numbers"


def test_not_rules_never_hide_a_parameter():
    """A number cannot be both a rule and not a rule."""
    for n in NOT_RULES:
        if n.text is None:
            continue
        for p in PARAMS:
            if f"{p.doc_id}#{p.clause}" == n.clause_id:
                assert p.quote not in n.text and n.text not in p.quote, (p.id, n.text)


def test_chinese_numerals_before_units_are_numbers():
    assert [t.value for t in number_tokens("投产两年内，三年培育")] == [2, 3]
    assert number_tokens("10.规范销售准入管理") == []  # the clause's own label
    assert [t.text for t in number_tokens("达到2/3以上")] == ["2/3"]
