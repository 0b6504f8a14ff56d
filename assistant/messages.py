"""The one catalogue of user-facing sentences (``assistant/data/messages.yaml``), in Chinese and English, and the
template filler that puts rule figures into them.

A figure in a sentence is written as the parameter that states it: ``{linhai.start_within_months}`` becomes "6个月"
(or "6 months" in English), ``{linhai.nonproduction_floor_share:max}`` the upper bound. Other ``{name}`` slots take
the values passed in. So when a rule's value changes in ``rules/*.yaml``, every message changes with it.

>>> fill("自合同签订之日起{linhai.start_within_months}内开工")
'自合同签订之日起6个月内开工'
>>> fill("within {linhai.start_within_months}", lang="en")
'within 6 months'
>>> text("answer.draft_note", "zh", title="某方案")
'《某方案》是征求意见稿，尚未正式施行。'
>>> fill("依据{linhai.fee_maintenance_fund:clause}"), fill("（{linhai.fee_maintenance_fund:clause}）")
('依据（二十二）', '（二十二）')
>>> text("answer.source", title="通知", clause="四、", quote="原文")
'依据：《通知》四、“原文”'
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from assistant.errors import ConfigError
from assistant.yamlio import load_yaml

CATALOGUE = Path(__file__).resolve().parent / "data" / "messages.yaml"
_PARAM_SLOT = re.compile(r"\{([a-z][a-z0-9_]*\.[a-z0-9_]+)(?::(min|max|value|clause|quote))?\}")


def fill(template: str, lang: str = "zh", **values) -> str:
    """Rule figures from parameters (``{<param id>}``), then the named ``values``."""
    from assistant.rules.params import get_param

    def figure(m: re.Match) -> str:
        p = get_param(m.group(1))
        which = m.group(2)
        if which in ("clause", "quote"):
            return getattr(p, which)
        return p.figure(which, lang)

    from assistant.formatting import tidy

    out = _PARAM_SLOT.sub(figure, template)
    # one place repairs the punctuation a label brings with it: "（{x:clause}）" with （二十二）, "{clause}：" with 四、
    return tidy(out.format(**values) if values else out)


@functools.lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    try:
        raw = load_yaml(CATALOGUE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"无法读取文案表：{exc}", f"cannot read the message catalogue: {exc}") from exc
    out: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node) -> None:
        if isinstance(node, dict) and set(node) <= {"zh", "en"} and node:
            out[prefix] = node
            return
        for k, v in (node or {}).items():
            walk(f"{prefix}.{k}" if prefix else str(k), v)

    walk("", raw)
    return out


def text(key: str, lang: str = "zh", **values) -> str:
    """The sentence ``key`` in ``lang`` (English falls back to Chinese), figures and values filled in."""
    entry = _catalogue().get(key)
    if entry is None:
        raise ConfigError(f"文案表中没有 {key}", f"no message {key!r} in the catalogue")
    template = entry.get(lang) or entry["zh"]
    return fill(template, lang, **values)


def keys() -> list[str]:
    return sorted(_catalogue())
