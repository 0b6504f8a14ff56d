"""Reading YAML: the one loader every data file goes through.

Why: the knowledge bank is ~650 KB of YAML; the pure-Python parser took 3.3 s of a 5.6 s cold ``ask``
(``python -m cProfile -m assistant ask …``, 2026-12-03). libyaml's C parser (``CSafeLoader``, shipped in the
PyYAML wheel) reads the same documents with the same safe constructors about ten times faster; the pure-Python
loader stays the fallback where PyYAML was built without libyaml, and for text the C parser refuses but the
Python one reads (a lone-surrogate escape ``"\\udcb9"`` that an old metadata file may hold, which
``corpus._repaired`` then mends).

>>> load_yaml("a: 1\\nb: [温州市, 临海市]")
{'a': 1, 'b': ['温州市', '临海市']}
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse one YAML document with the safe constructors (no arbitrary Python objects)."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, chosen above
    except yaml.YAMLError:
        if _LOADER is yaml.SafeLoader:
            raise
        return yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506
