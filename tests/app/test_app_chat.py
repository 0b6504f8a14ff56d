"""问答 page in AppTest: a question gets a cited answer; follow-ups use the history; refusals show related clauses."""

import pytest

from apphelpers import app_env, assert_no_exception, button, has_text, new_app, plain, texts  # noqa: F401

LINHAI = "临海市小微企业产业园提质升级工作方案（征求意见稿）"


def test_first_page_is_chat_with_examples(app_env):
    at = new_app().run()
    assert_no_exception(at)
    assert at.title[0].value == "政策问答"
    assert at.chat_input, "the chat box is on the first page"
    assert any(b.label == "维修基金每平米交多少？" for b in at.button)


def test_question_shows_answer_citation_badge_and_warning(app_env):
    at = new_app().run()
    at.chat_input[0].set_value("维修基金每平米交多少？").run()
    assert_no_exception(at)
    shown = texts(at)
    # the answer quotes the clause; the source card names the document and the clause label
    assert any("12元/平方米" in t for t in shown)
    assert any(f"《{LINHAI}》" in t and "（二十二）" in t for t in shown), shown
    # the status badge and the draft warning
    assert any("征求意见稿" in t for t in shown)
    assert any("征求意见稿" in plain(w.value) for w in at.warning)
    # the card expands to the clause with the quote marked
    assert any(":orange-background[" in m.value and "12元" in plain(m.value) for m in at.markdown)
    assert [t for t in at.get("page_link") if "条文浏览" in t.proto.label]


def test_example_button_and_follow_up_use_history(app_env):
    at = new_app().run()
    button(at, "温州小微企业园的容积率有什么要求？").click().run()
    assert_no_exception(at)
    assert len(at.session_state["chat.turns"]) == 1
    button(at, "那临海呢？").click().run()
    assert_no_exception(at)
    turns = at.session_state["chat.turns"]
    assert len(turns) == 2
    follow = turns[1]["answer"]
    assert follow.question == "那临海呢？"
    assert "临海" in follow.resolved_question and "容积率" in follow.resolved_question
    assert has_text(at, "理解为：")


@pytest.mark.parametrize("question,named", [("杭州的小微企业园有什么补贴？", "杭州"),
                                            ("入园企业员工的社保缴费比例能不能降低？", "社保")])
def test_refused_question_shows_possibly_related(app_env, question, named):
    at = new_app().run()
    at.chat_input[0].set_value(question).run()
    assert_no_exception(at)
    answer = at.session_state["chat.turns"][-1]["answer"]
    assert answer.refused and answer.related
    assert any("没有" in plain(i.value) and named in plain(i.value) for i in at.info)
    assert has_text(at, "可能相关")


def test_city_filter_is_passed_to_the_assistant(app_env):
    at = new_app().run()
    at.selectbox(key="chat.city").set_value("温州市").run()
    at.chat_input[0].set_value("容积率有什么要求？").run()
    assert_no_exception(at)
    answer = at.session_state["chat.turns"][-1]["answer"]
    assert answer.citations and all(c.city in ("温州市", "浙江省") for c in answer.citations)


def test_user_text_is_never_rendered_as_markup(app_env):
    at = new_app().run()
    at.chat_input[0].set_value("<b>维修基金</b> **每平米** [链接](http://x) $x$ 交多少？").run()
    assert_no_exception(at)
    user = [m.value for m in at.markdown if "维修基金" in m.value and "链接" in m.value]
    assert user, "the question is shown"
    assert "\\<b\\>" in user[0] and "\\*\\*" in user[0] and "\\[" in user[0] and "\\$" in user[0]
    assert "<b>" not in user[0].replace("\\<b\\>", "")


@pytest.mark.parametrize("question,words", [
    ("问" * 1_000_000, "过长"),                        # took 26 s and slowed every other user
    ("\x1b[2J\x1b]0;x\x07", "问题为空"),                # only escape sequences
    ("\u202e\ufffd\ufffd", "没有文字"),                # a bidi override and replacement characters
])
def test_bad_questions_show_an_error_box_not_a_crash(app_env, question, words):
    at = new_app().run()
    at.chat_input[0].set_value(question).run()
    assert_no_exception(at)
    assert at.error and words in plain(at.error[0].value), [plain(e.value) for e in at.error]


def test_question_with_links_and_icons_is_shown_as_text(app_env):
    import re

    at = new_app().run()
    q = "维修基金每平米交多少？ http://evil.example :material/home:"
    at.chat_input[0].set_value(q).run()
    assert_no_exception(at)
    echoed = [m.value for m in at.markdown if "evil" in m.value]
    assert echoed and all(not re.search(r"https?://|:material/home:", re.sub(r"\\(.)", r"\1", m)) for m in echoed)


def test_a_broken_model_endpoint_does_not_take_the_page_down(app_env, monkeypatch):
    """Warm-up and answers with an endpoint that does not speak HTTP: the extractive answer, no exception."""
    import socket
    import threading

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()

    def serve():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    monkeypatch.setenv("XIAOWEI_LLM_BASE_URL", f"http://127.0.0.1:{srv.getsockname()[1]}/v1")
    monkeypatch.setenv("XIAOWEI_LLM_MODEL", "broken")
    monkeypatch.setenv("XIAOWEI_LLM_TIMEOUT", "2")
    try:
        at = new_app().run()
        at.chat_input[0].set_value("维修基金每平米交多少？").run()
        assert_no_exception(at)
        answer = at.session_state["chat.turns"][-1]["answer"]
        assert answer.wording == "extractive" and "12元/平方米" in answer.answer
    finally:
        srv.close()


def _same_answer(a, b) -> tuple:
    return (a.kind, a.refused, a.city, a.topic, a.not_covered_kind,
            tuple((c.doc_id, c.clause) for c in a.citations))


def test_follow_up_button_typed_follow_up_and_city_filter_agree(app_env):
    """The same follow-up three ways: the suggestion button, typed, and the city filter with the question again."""
    first = "维修基金每平米交多少？"
    by_button = new_app().run()
    by_button.chat_input[0].set_value(first).run()
    button(by_button, "那温州呢？").click().run()
    assert_no_exception(by_button)

    typed = new_app().run()
    typed.chat_input[0].set_value(first).run()
    typed.chat_input[0].set_value("那温州呢？").run()
    assert_no_exception(typed)

    filtered = new_app().run()
    filtered.selectbox(key="chat.city").set_value("温州市").run()
    filtered.chat_input[0].set_value(first).run()
    assert_no_exception(filtered)

    answers = [at.session_state["chat.turns"][-1]["answer"] for at in (by_button, typed, filtered)]
    # Wenzhou's documents set no maintenance-fund rate: all three say so, none quotes a Wenzhou figure
    assert all(a.refused and a.city == "温州市" and a.topic == answers[0].topic for a in answers), \
        [(a.kind, a.refused, a.city, a.topic, a.direct) for a in answers]
    assert _same_answer(answers[0], answers[1])
    assert all("温州" in a.direct for a in answers)
    # the follow-up contrasts with the previous city's rule, which it can only know from the history
    assert "12元" in answers[0].answer and "12元" in answers[1].answer


def test_chosen_city_is_a_visible_chip_that_clears(app_env):
    at = new_app().run()
    assert not [b for b in at.button if b.label.startswith("按")]
    at.selectbox(key="chat.city").set_value("温州市").run()
    chip = button(at, "按温州市回答 ✕")
    chip.click().run()
    assert_no_exception(at)
    assert at.selectbox(key="chat.city").value == "全部地区"
    assert not [b for b in at.button if b.label.startswith("按")]


def test_votes_and_refusals_are_kept_locally(app_env, tmp_path, monkeypatch):
    from assistant import feedback

    monkeypatch.setenv("XIAOWEI_FEEDBACK_FILE", str(tmp_path / "feedback.jsonl"))
    at = new_app().run()
    at.chat_input[0].set_value("杭州的小微企业园有什么补贴？").run()        # refused: joins the review queue
    at.chat_input[0].set_value("维修基金每平米交多少？").run()
    assert_no_exception(at)
    assert [e.kind for e in feedback.entries()] == ["refused"]
    votes = list(at.get("feedback"))
    assert len(votes) == 2                                 # one 👍/👎 per answer
    votes[1].set_value(0).run()                            # 👎 on the second answer
    entries = feedback.entries()
    assert entries[-1].kind == "vote" and entries[-1].vote == 0 and entries[-1].question == "维修基金每平米交多少？"
    assert "12元" in entries[-1].answer
    assert [e.question for e in feedback.review_queue()][:2] == ["维修基金每平米交多少？", "杭州的小微企业园有什么补贴？"]


def test_copy_box_holds_the_answer_and_its_citations(app_env):
    at = new_app().run()
    at.chat_input[0].set_value("维修基金每平米交多少？").run()
    copied = [c.value for c in at.code if "12元" in c.value]
    assert copied and f"《{LINHAI}》（二十二）：“" in copied[0]


def test_a_refusal_does_not_badge_the_asked_place_with_the_contrasts_status():
    from types import SimpleNamespace as NS

    from ui.chat import header_statuses

    contrast = NS(status="征求意见稿", city="临海市")
    own = NS(status="现行有效", city="温州市")
    assert header_statuses(NS(refused=True, city="浙江省", citations=[contrast])) == []
    assert header_statuses(NS(refused=True, city="温州市", citations=[own, contrast])) == ["现行有效"]
    assert header_statuses(NS(refused=False, city="临海市", citations=[contrast, own])) == ["征求意见稿", "现行有效"]
