"""The assistant is loaded once per server and corpus version, shared by every session, safe across threads."""

from concurrent.futures import ThreadPoolExecutor

from apphelpers import app_env, assert_no_exception, new_app  # noqa: F401


def test_one_load_shared_by_sessions_and_threads(app_env):
    from ui import resources

    with ThreadPoolExecutor(8) as pool:
        futures = list(pool.map(lambda _: resources.start_loading(), range(16)))
    assert len({id(f) for f in futures}) == 1, "one Future per corpus version, whoever asks first"
    first = futures[0].result(timeout=120).assistant
    # two sessions (two AppTests) see the same assistant object
    a, b = new_app().run(), new_app().run()
    assert_no_exception(a), assert_no_exception(b)
    assert resources.start_loading() is futures[0]
    assert resources.wait_for_assistant() is first


def test_concurrent_questions_get_the_same_answers(app_env):
    from ui import resources

    assistant = resources.start_loading().result(timeout=120).assistant
    questions = ["维修基金每平米交多少？", "温州小微企业园的容积率有什么要求？", "入园企业购买的厂房可以转让吗？"] * 4
    alone = {q: assistant.ask(q).answer for q in set(questions)}
    with ThreadPoolExecutor(6) as pool:
        together = list(pool.map(lambda q: (q, assistant.ask(q).answer), questions))
    assert all(alone[q] == a for q, a in together)


def test_render_bytes_uses_a_private_folder():
    from ui.resources import render_bytes

    seen = []

    def write(path):
        seen.append(path)
        path.write_bytes(b"abc")

    assert render_bytes(write, "x.docx") == b"abc"
    assert not seen[0].exists(), "the temporary folder is removed"


def test_page_shows_progress_while_the_model_loads(app_env, monkeypatch):
    """The chat page is drawn first; a status box says the model is loading until it is ready."""
    import threading
    from concurrent.futures import Future

    from ui import resources

    loaded = resources.start_loading().result(timeout=120)
    slow: Future = Future()
    threading.Timer(1.0, slow.set_result, args=(loaded,)).start()
    monkeypatch.setattr(resources, "start_loading", lambda: slow)
    monkeypatch.setattr(resources, "previous", lambda: None)  # the first load of a server: nothing to fall back on
    at = new_app().run()
    assert_no_exception(at)
    assert at.title[0].value == "政策问答"
    statuses = list(at.status)
    assert any("已就绪" in s.label for s in statuses), [s.label for s in statuses]


def test_previous_index_answers_while_a_new_one_builds(app_env, monkeypatch):
    """After an upload the index is rebuilt (tens of seconds with the real encoder); questions do not wait for it."""
    from concurrent.futures import Future

    from ui import resources

    resources.start_loading().result(timeout=120)
    building: Future = Future()  # never finishes in this test
    monkeypatch.setattr(resources, "start_loading", lambda: building)
    at = new_app().run()
    at.chat_input[0].set_value("维修基金每平米交多少？").run()
    assert_no_exception(at)
    assert at.session_state["chat.turns"][-1]["answer"].citations
    assert any("检索索引正在更新" in c.value for c in at.caption)
