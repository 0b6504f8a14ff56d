"""The examples in the rules modules' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["numbers", "params", "checks", "coverage", "dates", "validation", "calculators", "park", "eligibility"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"assistant.rules.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
