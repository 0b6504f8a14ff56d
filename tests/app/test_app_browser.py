"""End to end in a real headless Chromium: start the app on a free localhost port, ask, see the citation,
follow it to the clause browser; screenshots are saved in the test's tmp folder."""

import os

import pytest
from apphelpers import StreamlitServer, ask_in_browser, chrome, chromium_paths, private_env, wait_first_render, wait_for

pytestmark = pytest.mark.integration


def _require_browser():
    browser, driver = chromium_paths()
    if not browser or not driver:
        reason = "chromium / chromedriver not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):  # run.sh installs them for CI: missing there is a failure, not a skip
            pytest.fail(reason)
        pytest.skip(reason)
    pytest.importorskip("selenium", reason="selenium (PyPI) drives the browser")


def test_ask_and_see_the_citation_in_a_browser(tmp_path):
    _require_browser()
    from selenium.webdriver.common.by import By

    env = private_env(tmp_path)
    with StreamlitServer(env, log=tmp_path / "streamlit.log") as server:
        server.wait_healthy()
        with chrome() as driver:
            driver.get(server.url)
            wait_first_render(driver)
            assert "政策问答" in driver.find_element(By.CSS_SELECTOR, "[data-testid='stMainBlockContainer'] h1").text
            messages = ask_in_browser(driver, "维修基金每平米交多少？", "（二十二）")
            answer = messages[-1].text
            assert "临海市小微企业产业园提质升级工作方案（征求意见稿）" in answer
            assert "12元/平方米" in answer
            assert "征求意见稿" in answer
            driver.save_screenshot(str(tmp_path / "chat.png"))

            # the card expands to the clause with the quote marked
            toggle = [e for e in messages[-1].find_elements(By.CSS_SELECTOR, "summary")
                      if "展开条文原文" in e.text][0]
            driver.execute_script("arguments[0].scrollIntoView({block:'center'});", toggle)
            toggle.click()
            opened = wait_for(driver, lambda d: [e for e in messages[-1].find_elements(By.CSS_SELECTOR, "details")
                                                 if "来源文件" in e.text], 20, "the clause text")
            assert "12元/平方米" in opened[0].text
            assert opened[0].find_elements(By.CSS_SELECTOR, "strong"), "the quoted sentence is marked"

            # the citation links to its place in the clause browser
            link = wait_for(driver, lambda d: [a for a in messages[-1].find_elements(By.CSS_SELECTOR, "a")
                                               if "在条文浏览中打开" in a.text], 20, "the link")[0]
            assert "doc=linhai-plan-draft" in link.get_attribute("href")
            driver.execute_script("arguments[0].scrollIntoView({block:'center'});", link)
            link.click()
            wait_for(driver, lambda d: "定位到：（二十二）" in d.find_element(By.CSS_SELECTOR, "[data-testid='stMainBlockContainer']").text,
                     60, "the clause browser on （二十二）")
            driver.save_screenshot(str(tmp_path / "browse.png"))
    assert (tmp_path / "chat.png").stat().st_size > 10_000
    assert (tmp_path / "browse.png").stat().st_size > 10_000
