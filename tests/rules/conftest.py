"""Shared helpers for the rules tests: the data-driven cases under tests/rules/cases/."""

from __future__ import annotations

from pathlib import Path

import yaml

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[dict]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append({**case, "_file": path.name})
    return out


CASES = load_cases()
