"""规则对照 page in AppTest: every rule a row, every jurisdiction a column, soft rules and statuses as badges,
clause links, the topic filter, XLSX and a one-page PDF."""

import io
from urllib.parse import parse_qs, urlparse

from apphelpers import app_env, assert_no_exception, button, download_buttons, on_page, plain  # noqa: F401

from assistant.rules.matrix import build_matrix


def _table(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("| 主题 | 规则 |"))


def _rows(table: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in table.splitlines()[2:]]


def test_every_rule_a_row_every_jurisdiction_a_column(app_env):
    at = on_page("matrix")
    assert_no_exception(at)
    m = build_matrix()
    table = _table(at)
    assert table.splitlines()[0] == "| " + " | ".join(["主题", "规则", *m.jurisdictions]) + " |"
    rows = _rows(table)
    assert [plain(r[1]) for r in rows] == [r.label for r in m.rows]
    plot = rows[[r.label for r in m.rows].index("容积率")]
    wz = plot[2 + list(m.jurisdictions).index("温州市")]
    lh = plot[2 + list(m.jurisdictions).index("临海市")]
    assert wz.startswith(":orange-badge[一般]") and ":green-badge[现行有效]" in wz      # soft, in force
    assert not lh.startswith(":orange-badge") and ":orange-badge[征求意见稿]" in lh       # hard rule, draft
    assert plot[2 + list(m.jurisdictions).index("浙江省")] == ""                        # not set: blank


def test_each_cell_links_to_its_clause(app_env):
    at = on_page("matrix")
    rows = _rows(_table(at))
    cell = rows[[r.label for r in build_matrix().rows].index("物业专项维修资金")][-1]
    url = cell[cell.index("](") + 2:cell.index(")", cell.index("]("))]
    q = parse_qs(urlparse(url).query)
    assert urlparse(url).path == "clauses" and q == {"doc": ["linhai-plan-draft"], "clause": ["（二十二）"]}


def test_topic_filter(app_env):
    at = on_page("matrix")
    at.radio(key="matrix.topic").set_value("费用与税收").run()
    assert_no_exception(at)
    labels = [plain(r[1]) for r in _rows(_table(at))]
    assert labels == [r.label for r in build_matrix().filter("费用与税收").rows]
    assert "容积率" not in labels and "物业专项维修资金" in labels


def test_downloads_xlsx_and_a_one_page_pdf(app_env):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    at = on_page("matrix")
    at.radio(key="matrix.topic").set_value("入园企业").run()
    button(at, "生成 XLSX 和一页 PDF").click().run()
    assert_no_exception(at)
    topic, files = at.session_state["matrix.files"]
    assert topic == "入园企业"
    assert {b.label for b in download_buttons(at)} == {"下载 XLSX", "下载 PDF（一页，可打印）"}
    assert len(PdfReader(io.BytesIO(files["pdf"])).pages) == 1
    ws = load_workbook(io.BytesIO(files["xlsx"]))["规则对照"]
    labels = [r[1] for r in ws.iter_rows(min_row=5, values_only=True) if r[1]]
    assert labels[:len(build_matrix().filter("入园企业").rows)] == [r.label for r in build_matrix().filter("入园企业").rows]
    # another topic: the files of the old one are not offered
    at.radio(key="matrix.topic").set_value("全部").run()
    assert not download_buttons(at)


def test_a_rule_s_quotes_and_clauses(app_env):
    at = on_page("matrix")
    at.selectbox(key="matrix.row").set_value("容积率").run()
    assert_no_exception(at)
    quotes = [plain(m.value) for m in at.markdown if m.value.startswith("> ")]
    assert any("容积率应达到2.0以上" in q for q in quotes) and any("容积率一般不得低于2.0" in q for q in quotes)
