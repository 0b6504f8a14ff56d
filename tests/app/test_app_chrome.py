"""What every page shares: Chinese where Streamlit would print English (dates typed into Chinese-labelled boxes,
the uploader's words), a light and a dark theme that follow the system, a spinner on every slow action."""

import ast
import tomllib
from pathlib import Path

import pytest
from apphelpers import ROOT, app_env, assert_no_exception, button, chart_frames, charts, on_page  # noqa: F401

UI = sorted((ROOT / "ui").rglob("*.py"))
# handlers that take more than about half a second (files rendered, the corpus changed, the index rebuilt)
SLOW = {"entry_files", "application_files", "report_file", "staff_table_file", "export", "document_pdf",
        "ingest_upload", "delete_upload", "replace_upload", "_reindex", "check"}


def test_the_theme_follows_the_system_with_a_light_and_a_dark_choice():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    theme = config["theme"]
    assert "base" not in theme                            # no theme pinned: the system decides
    assert theme["light"]["primaryColor"] and theme["dark"]["primaryColor"]
    assert config["client"]["toolbarMode"] == "minimal"
    from ui.main import main  # noqa: F401 (the About text makes the menu, and with it the theme choice, appear)
    import ui.theme

    assert "右上角菜单" in ui.theme.THEME_NOTE


def test_uploader_words_are_chinese_and_state_the_real_limit():
    from ui.theme import css

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    sheet = css(config["server"]["maxUploadSize"])
    assert '"选择文件"' in sheet and f"不超过 {config['server']['maxUploadSize']}MB" in sheet
    assert "InputInstructions" in sheet                     # "Press Enter to apply" hidden


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            yield node, f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)


def test_no_english_date_picker_anywhere():
    found = [f"{p.name}:{n.lineno}" for p in UI for n, name in _calls(ast.parse(p.read_text(encoding="utf-8")))
             if name == "date_input"]
    assert not found, found


def _spinner_parents(tree) -> dict[int, bool]:
    """For every call node: whether a `with st.spinner(...)` / `st.status(...)` encloses it."""
    inside: dict[int, bool] = {}

    def visit(node, covered: bool):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            covered = covered or any(isinstance(i.context_expr, ast.Call)
                                     and isinstance(i.context_expr.func, ast.Attribute)
                                     and i.context_expr.func.attr in ("spinner", "status") for i in node.items)
        if isinstance(node, ast.Call):
            inside[id(node)] = covered
        for child in ast.iter_child_nodes(node):
            visit(child, covered)

    visit(tree, False)
    return inside


@pytest.mark.parametrize("path", UI, ids=lambda p: p.name)
def test_every_slow_action_shows_a_spinner(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    covered = _spinner_parents(tree)
    bare = [f"{path.name}:{n.lineno} {name}" for n, name in _calls(tree) if name in SLOW and not covered[id(n)]]
    assert not bare, bare


def test_the_spinner_scan_finds_a_bare_call(tmp_path):
    tree = ast.parse("import streamlit as st\ndef f():\n    entry_files(1)\n    with st.spinner('x'):\n"
                     "        entry_files(2)\n")
    covered = _spinner_parents(tree)
    flags = [covered[id(n)] for n, name in _calls(tree) if name == "entry_files"]
    assert flags == [False, True]


def test_construction_deadlines_show_the_timeline(app_env):
    at = on_page("calculators")
    at.selectbox(key="calc.name").set_value("construction_deadlines").run()
    at.text_input(key="calc.construction_deadlines.contract_date").set_value("2024年8月31日")
    button(at, "计算").click().run()
    assert_no_exception(at)
    data = chart_frames(charts(at)[0])[0]
    assert "临海市·开工期限" in set(data["期限"]) and "2025-02-28" in set(data["截止日"])
