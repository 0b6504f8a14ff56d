"""``python -m assistant rules list | show``."""

import json
import subprocess
import sys

from conftest import ROOT


def _run(*args):
    return subprocess.run([sys.executable, "-m", "assistant", "rules", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_list_shows_every_parameter_with_clause_and_quote():
    r = _run("list", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) >= 57
    assert all(row["clause"] and row["quote"] and row["jurisdiction"] for row in rows)
    assert {"临海市", "温州市", "慈溪市"} <= {row["jurisdiction"] for row in rows}


def test_show_gives_value_unit_softness_and_status():
    r = _run("show", "linhai.unit_area_min", "--json")
    d = json.loads(r.stdout)
    assert (d["min"], d["unit"], d["soft"], d["qualifier"], d["status"]) == (400, "平方米", True, "一般", "draft")
    assert d["quote"] == "单个入园企业建筑面积一般不得低于400平方米"
    text = _run("show", "linhai.unit_area_min").stdout
    assert "400" in text and "（二十）" in text and "征求意见稿" in text


def test_unknown_id_is_a_clear_error():
    r = _run("show", "linhai.nope")
    assert r.returncode == 2 and "没有规则参数" in r.stderr and "Traceback" not in r.stderr
