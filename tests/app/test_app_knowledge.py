"""知识库 page in AppTest: the review queue, one click to attach a question to a knowledge point, and the next
answer using it; a new knowledge point from a clause keeps its spans verbatim; a bad point names its field."""

import os
from pathlib import Path

import yaml
from apphelpers import app_env, assert_no_exception, button, has_text, new_app, on_page, plain  # noqa: F401

# a phrasing no knowledge point has (a made-up dialect word), so only the attached question can match it
ODD = "厂房那个修房子的钱咋个收法嘛"


def _bank_questions(kp_id: str) -> list[str]:
    for path in Path(os.environ["XIAOWEI_KNOWLEDGE_DIR"]).glob("*.yaml"):
        for point in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("points", []):
            if point["id"] == kp_id:
                return point["similar"]
    raise AssertionError(kp_id)


def test_refused_question_is_attached_and_the_next_answer_uses_it(app_env, tmp_path, monkeypatch):
    from assistant import feedback

    monkeypatch.setenv("XIAOWEI_FEEDBACK_FILE", str(tmp_path / "feedback.jsonl"))
    chat = new_app().run()
    chat.chat_input[0].set_value(ODD).run()
    before = chat.session_state["chat.turns"][-1]["answer"]
    assert before.knowledge_point != "linhai-maintenance-fund-rate"
    assert [e.question for e in feedback.review_queue()] == [ODD], "a refused or unsure answer joins the queue"

    at = on_page("knowledge")
    assert_no_exception(at)
    assert has_text(at, ODD)
    at.selectbox(key="knowledge.kp.0").set_value("linhai-maintenance-fund-rate").run()
    button(at, "加为相似问").click().run()
    assert_no_exception(at)
    assert at.success and "linhai-maintenance-fund-rate" in plain(at.success[0].value)
    assert ODD in _bank_questions("linhai-maintenance-fund-rate")

    again = new_app().run()          # the same server process: the cached assistant sees the bank changed
    again.chat_input[0].set_value(ODD).run()
    after = again.session_state["chat.turns"][-1]["answer"]
    assert after.knowledge_point == "linhai-maintenance-fund-rate" and "12元/平方米" in after.direct


def test_new_point_from_a_clause_and_a_bad_one_names_its_field(app_env):
    at = on_page("knowledge")
    at.selectbox(key="knowledge.doc").set_value("linhai-plan-draft").run()
    at.selectbox(key="knowledge.clause").set_value("（二十二）").run()
    spans = at.multiselect(key="knowledge.spans")
    rate = next(o for o in spans.options if "12元/平方米" in o)
    spans.set_value([rate]).run()
    at.text_input(key="knowledge.id").set_value("linhai-fund-test").run()
    at.text_input(key="knowledge.subject_zh").set_value("维修资金标准").run()
    at.text_input(key="knowledge.subject_en").set_value("maintenance fund rate").run()
    at.text_input(key="knowledge.standard").set_value("维修资金的标准是多少").run()
    at.text_area(key="knowledge.similar").set_value("只有一个相似问").run()
    button(at, "保存知识点").click().run()
    assert_no_exception(at)
    assert at.error and "similar" in plain(at.error[0].value), [e.value for e in at.error]
    with __import__("pytest").raises(AssertionError):
        _bank_questions("linhai-fund-test")

    similar = "\n".join(f"第{n}种问法：修缮基金按面积怎么交" for n in range(12))
    at.text_area(key="knowledge.similar").set_value(similar).run()
    button(at, "保存知识点").click().run()
    assert_no_exception(at)
    assert at.success, [e.value for e in at.error]
    assert len(_bank_questions("linhai-fund-test")) == 12
