"""条文浏览 page in AppTest: documents with status, clauses in order, search, positioned by query parameters."""

from apphelpers import app_env, assert_no_exception, new_app, on_page, plain  # noqa: F401


def test_documents_and_clauses_in_order(app_env):
    from assistant.corpus import load_corpus

    at = on_page("browse")
    assert_no_exception(at)
    corpus = load_corpus()
    first = corpus.documents[0]
    labels = [plain(e.label) for e in at.expander]
    clause_labels = [x for x in labels if x not in ("全部文件（5 份）", "文件信息（来源、废止、已知问题）")]
    assert [x.split("　")[0] for x in clause_labels] == [c.label for c in first.clauses]
    assert len(at.dataframe) >= 2  # the overview of all documents and the metadata


def test_query_parameters_position_on_the_clause_and_mark_the_quote(app_env):
    from assistant.corpus import load_corpus

    corpus = load_corpus()
    clause = corpus.clause("linhai-plan-draft", "（二十二）")
    quote = "物业专项维修资金缴纳标准按照12元/平方米缴存"
    start = clause.span.start + clause.text.index(quote)
    at = new_app().run()
    at.switch_page("ui/pages/browse.py")
    at.query_params = {"doc": "linhai-plan-draft", "clause": "（二十二）", "start": str(start),
                       "end": str(start + len(quote))}
    at.run()
    assert_no_exception(at)
    assert at.selectbox(key="browse.doc").value == "linhai-plan-draft"
    marked = [m.value for m in at.markdown if ":orange-background[" in m.value]
    assert marked and quote in plain(marked[0])
    assert any("定位到：（二十二）" in plain(m.value) for m in at.markdown)


def test_search_within_a_document(app_env):
    at = on_page("browse")
    at.selectbox(key="browse.doc").set_value("wenzhou-opinions").run()
    at.text_input(key="browse.search.wenzhou-opinions").set_value("容积率").run()
    assert_no_exception(at)
    assert any("找到 1 条" in plain(c.value) for c in at.caption)
    assert [plain(e.label).split("　")[0] for e in at.expander if e.proto.expanded] == ["5."]


def test_matching_clauses_handler(app_env):
    from assistant.corpus import load_corpus
    from ui.browse import matching_clauses

    doc = load_corpus().document("linhai-plan-draft")
    assert [c.label for c in matching_clauses(doc, "维修资金")] == ["（二十二）"]
    assert len(matching_clauses(doc, "  ")) == len(doc.clauses)


def test_markup_in_an_uploaded_document_is_shown_as_text(app_env):
    """A document whose text holds HTML, a script tag and Markdown shows those characters, never renders them."""
    from assistant.corpus import ingest_bytes

    text = "关于标记测试的通知\n一、<script>alert(1)</script> 与 <b>粗体</b> 以及 **星号** [链接](http://x) 均为正文。\n"
    ingest_bytes(text.encode("utf-8"), "markup.txt", title="标记测试", city="温州市", doc_id="markup-test")
    at = on_page("browse")
    at.selectbox(key="browse.doc").set_value("markup-test").run()
    assert_no_exception(at)
    shown = [m.value for m in at.markdown if "alert" in m.value]
    assert shown, "the clause text is on the page"
    for raw in shown:
        # every markup character reaches the page escaped, and reads back as the original text
        assert "<script>" not in raw and "**星号**" not in raw
        assert "<script>alert(1)</script>" in plain(raw) and "**星号**" in plain(raw)


def test_search_across_all_documents_groups_and_marks(app_env):
    from assistant.corpus import load_corpus

    at = on_page("browse")
    at.text_input(key="browse.q").set_value("容积率").run()
    assert_no_exception(at)
    expected = load_corpus().find("容积率")
    assert {d.id for d, _ in expected} >= {"linhai-plan-draft", "wenzhou-opinions"}
    total = sum(len(cs) for _, cs in expected)
    assert any(f"在 {len(expected)} 份文件中找到 {total} 条" in plain(c.value) for c in at.caption)
    titles = [plain(m.value) for m in at.markdown if m.value.startswith("**《")]
    assert [t.split("》")[0].lstrip("*《") for t in titles] == [d.meta.title for d, _ in expected]
    marked = [m.value for m in at.markdown if ":orange-background[**容积率**]" in m.value]
    assert len(marked) >= total


def test_several_words_must_all_be_there(app_env):
    at = on_page("browse")
    at.text_input(key="browse.q").set_value("维修资金 12元").run()
    assert any("在 1 份文件中找到 1 条" in plain(c.value) for c in at.caption)
    hit = next(m.value for m in at.markdown if m.value.startswith("**（二十二）**"))
    assert ":orange-background[**维修资金**]" in hit and ":orange-background[**12元**]" in hit
    at.text_input(key="browse.q").set_value("维修资金 温州不存在的词").run()
    assert at.info and "都没有同时包含" in plain(at.info[0].value)


def test_print_view_shows_every_clause_with_its_label_and_a_pdf(app_env):
    from assistant.corpus import load_corpus
    from forms_text import pdf_text

    at = on_page("browse")
    at.selectbox(key="browse.doc").set_value("zj-notice-2018-14").run()
    at.toggle(key="browse.print").set_value(True).run()
    assert_no_exception(at)
    doc = load_corpus().document("zj-notice-2018-14")
    shown = [plain(m.value) for m in at.markdown]
    for clause in doc.clauses:
        assert any(s.startswith(f"**{clause.label}**") for s in shown), clause.label
    assert not [e for e in at.expander if e.label.startswith(("一、", "附件1"))]   # no folded clauses
    at.button(key="browse.pdf").click().run()
    assert_no_exception(at)
    doc_id, data = at.session_state["browse.pdf.file"]
    text = pdf_text(data)
    assert doc_id == "zj-notice-2018-14" and "附件1" in text and "小微企业园工作联席会议" in text


def test_links_icons_and_badges_from_a_document_stay_text(app_env):
    """URLs in a title, a clause and a city badge are shown as text, not links; :material/…: is not an icon."""
    import re

    from assistant.corpus import ingest_bytes

    text = "关于链接测试的通知\n一、详见 http://evil.example/x 或 www.evil.example，邮件 a@evil.example，:material/home: 图标。\n"
    ingest_bytes(text.encode("utf-8"), "links.txt", title="链接测试 https://evil.example", doc_id="links-test",
                 city="某开发区:material/home: www.evil.example")  # no registry place in it: kept as typed
    at = on_page("browse")
    at.selectbox(key="browse.doc").set_value("links-test").run()
    assert_no_exception(at)
    sources = [m.value for m in at.markdown] + [c.value for c in at.caption]
    mine = [s for s in sources if "evil" in s]
    assert mine, "the title, the clause and the city badge are on the page"
    resolved = [re.sub(r"\\(.)", r"\1", s) for s in mine]
    for s in resolved:
        assert not re.search(r"(?i)https?://|www\.|\w@\w|:material/home:", s), s
    assert any("http://evil.example/x" in plain(s) for s in mine)   # still readable, exactly
    assert any("某开发区" in s and "badge" in s for s in mine), mine    # the city badge, escaped
