"""An English direct line states figures only for a point that answers with a figure; a list or a statement is
quoted (a document number's 2018 and 89 are not "the answer")."""

from assistant.answer.reader import point_direct
from assistant.knowledge.bank import load_bank
from assistant.models import Status


def test_a_metadata_point_is_quoted_not_reduced_to_its_numbers(corpus):
    bank = load_bank(corpus=corpus)
    repeal = next(bp for bp in bank.points if bp.point.answer_type == "metadata" and "89号" in "".join(bp.point.answer_spans))
    line = point_direct(repeal, Status.draft, "en")
    assert "临政办发〔2018〕89号" in line and "2018; 89" not in line


def test_a_figure_point_states_its_figure_in_english(corpus):
    bank = load_bank(corpus=corpus)
    fee = bank.get("linhai-maintenance-fund-rate")
    assert "12 yuan/m²" in point_direct(fee, Status.draft, "en")


def test_years_and_references_are_not_figures():
    from assistant.answer.reader import english_figures

    assert english_figures(["市财政在2018年—2020年共安排1500万元"]) == "2018–2020; 15,000,000 yuan"
    assert english_figures(["正式规划文本（编制框架见附件4）于2019年3月31日前报送"]) == "2019-03-31"
