"""Helpers for the UI tests (a module, not a conftest: a conftest here would shadow tests/conftest.py).

Every test runs the app against a private copy of the corpus, a temporary index
folder and the instant hashing encoder (``XIAOWEI_ENCODER=hash:256``), so it is
fast and never touches the real corpus or index.

``app_env`` is a module-scoped fixture: import it into a test module
(``from apphelpers import app_env``) and request it. The browser helpers
(``StreamlitServer``, ``chrome``, ``ask_in_browser``) are shared with
``benchmarks/app_startup.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
if str(ROOT) not in sys.path:  # the ui package lives next to app.py and is not installed
    sys.path.insert(0, str(ROOT))

TEST_ENV = {"XIAOWEI_ENCODER": "hash:256", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run")


def private_env(folder: Path) -> dict[str, str]:
    """A corpus and knowledge-bank copy, an empty index folder and a feedback file under ``folder``; the variables
    that point the app at them (so the 知识库 page and the 👍/👎 never write into the project)."""
    corpus, knowledge = folder / "corpus", folder / "knowledge"
    if not corpus.exists():
        shutil.copytree(ROOT / "corpus", corpus)
    if not knowledge.exists():
        shutil.copytree(ROOT / "knowledge", knowledge)
    (folder / "index").mkdir(exist_ok=True)
    return {**TEST_ENV, "XIAOWEI_CORPUS_DIR": str(corpus), "XIAOWEI_INDEX_DIR": str(folder / "index"),
            "XIAOWEI_KNOWLEDGE_DIR": str(knowledge), "XIAOWEI_FEEDBACK_FILE": str(folder / "feedback.jsonl")}


@pytest.fixture(scope="module")
def app_env(tmp_path_factory):
    """Point the assistant at a private corpus copy and index for this test module; undone afterwards."""
    env = private_env(tmp_path_factory.mktemp("app"))
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        yield env


def new_app(timeout: float = 120):
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=timeout)


def on_page(page: str, timeout: float = 120):
    """An AppTest of app.py switched to ``ui/pages/<page>.py`` and run."""
    at = new_app(timeout).run()
    return at.switch_page(f"ui/pages/{page}.py").run()


_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'])")


def plain(markdown: str) -> str:
    """Markdown written by ui.components.md_escape, back to the text it shows."""
    return _UNESCAPE.sub(r"\1", markdown).replace("  \n", "\n").replace("\u2060", "")  # joiners are invisible


def texts(at) -> list[str]:
    """Every markdown / caption / alert text and expander label on the page, unescaped."""
    out = [plain(m.value) for m in at.markdown]
    out += [plain(e.label) for e in at.expander]
    out += [plain(m.value) for m in at.caption]
    for kind in ("info", "warning", "error", "success"):
        out += [plain(e.value) for e in getattr(at, kind)]
    return out


def has_text(at, needle: str) -> bool:
    return any(needle in t for t in texts(at))


def button(at, label: str):
    """The (form submit) button whose label is ``label``."""
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}; buttons: {[b.label for b in at.button]}"
    return found[0]


def download_buttons(at) -> list:
    return list(at.get("download_button"))


def assert_no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


# ───────────────────────── a real server and a real browser ─────────────────────────

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """``streamlit run app.py`` on a free localhost port, stopped (by its own pid) on exit."""

    def __init__(self, env: dict[str, str] | None = None, port: int | None = None, log: Path | None = None):
        self.port = port or free_port()
        self.env = {**os.environ, **(env or {})}
        self.log = log
        self.proc: subprocess.Popen | None = None
        self.started = 0.0

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def start(self) -> "StreamlitServer":
        out = open(self.log, "wb") if self.log else subprocess.DEVNULL
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        return self

    def wait_healthy(self, timeout: float = 60) -> float:
        """Seconds from start until the server answers its health check."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("streamlit did not become healthy")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def chromium_paths() -> tuple[str | None, str | None]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return browser, driver


def cjk_font_env() -> dict[str, str]:
    """A fontconfig file that adds the CJK font the PDFs embed (a pip package, no apt step) to the system fonts, so
    the browser draws Chinese instead of empty boxes in screenshots. Empty when no such font is found."""
    import tempfile

    from assistant.errors import FormError
    from assistant.forms.fonts import find_cjk_font

    try:
        folder = find_cjk_font().parent
    except FormError:
        return {}
    conf = Path(tempfile.gettempdir()) / "xiaowei-fonts" / "fonts.conf"
    conf.parent.mkdir(exist_ok=True)
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f"  <dir>{folder}</dir>\n  <cachedir>{conf.parent / 'cache'}</cachedir>\n</fontconfig>\n",
                    encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


@contextmanager
def chrome(width: int = 1400, height: int = 1600, dark: bool = False):
    """A headless Chromium driven by selenium (Debian's chromium + chromium-driver); ``dark`` makes the page see a
    system set to dark mode (prefers-color-scheme: dark)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    flags = [*CHROME_FLAGS, f"--window-size={width},{height}"]
    if dark:
        flags.append("--blink-settings=preferredColorScheme=0")
    for flag in flags:
        options.add_argument(flag)
    options.binary_location = browser
    service = Service(driver_path, env={**os.environ, **cjk_font_env()})
    driver = webdriver.Chrome(service=service, options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, predicate, timeout: float = 60, what: str = "condition"):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # Streamlit re-renders the page while a predicate reads it: an element found a moment ago may be gone
    # (stale); that is "not yet", not a failure
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                         ).until(predicate, message=f"timed out waiting for {what}")


def click_when_ready(driver, find, timeout: float = 60, what: str = "element"):
    """Find an element with ``find(driver)``, bring it to the middle of the screen and click it, retrying while it is
    not yet interactable: an expander still opening or a rerun replacing it leaves a link of zero size for a moment
    (seen once in CI), which is "not yet", not a failure. Returns the clicked element."""
    from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException

    def clicked(d):
        element = find(d)
        if not element or not element.is_displayed():
            return False
        d.execute_script("arguments[0].scrollIntoView({block:'center'});", element)
        try:
            element.click()
        except (ElementNotInteractableException, ElementClickInterceptedException):
            return False
        return element

    return wait_for(driver, clicked, timeout, f"{what} to be clickable")


def wait_first_render(driver, timeout: float = 60) -> None:
    """Until the page's title (h1) is on screen: the first rendered page."""
    from selenium.webdriver.common.by import By

    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid='stMainBlockContainer'] h1"), timeout, "the page title")


def ask_in_browser(driver, question: str, expect: str, timeout: float = 120):
    """Type a question into the chat box, press Enter, wait until a chat message shows ``expect``."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']"),
                   timeout, "the chat input")
    box.send_keys(question)
    box.send_keys(Keys.ENTER)

    def answered(d):
        messages = d.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']")
        return [m for m in messages if expect in m.text]

    return wait_for(driver, answered, timeout, f"an answer showing {expect!r}")


# ───────────────────────── charts in AppTest ─────────────────────────

def charts(at) -> list:
    """Every Altair / Vega-Lite chart on the page."""
    return list(at.get("vega_lite_chart"))


def chart_frames(chart) -> list:
    """The data a chart draws, as DataFrames (one per dataset)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    frames = [convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets]
    if chart.proto.data.data:
        frames.append(convert_arrow_bytes_to_pandas_df(chart.proto.data.data))
    return frames


def chart_spec(chart) -> dict:
    import json

    return json.loads(chart.proto.spec)
