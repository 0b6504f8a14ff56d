"""Chinese names for the input fields that check reports list as missing.

``CheckItem.missing`` and ``CheckReport.missing_inputs`` hold field ids
(``domicile_in_park_locality``); a printed form shows 住所是否迁入园区所在地
instead. The names come from the rule modules' own field tables; an id they do
not know is shown as it is.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

# (module, dict of field id → (label, question)) that name check inputs
SOURCES = (("assistant.rules.eligibility", "ENTERPRISE_FIELDS"), ("assistant.rules.park", "PARK_FIELDS"))


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    out: dict[str, str] = {}
    for module, name in SOURCES:
        try:
            table = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue  # a form must still print if a rule module is renamed
        out.update({k: v[0] if isinstance(v, (tuple, list)) else str(v) for k, v in table.items()})
    return out


def field_label(field: str) -> str:
    return _labels().get(field, field)


def field_labels(fields) -> str:
    """Missing fields as one line for people: 住所是否迁入园区所在地、是否存在违法违规."""
    return "、".join(dict.fromkeys(field_label(f) for f in fields))
