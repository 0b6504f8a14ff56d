"""The topic vocabulary shared by knowledge points (``knowledge/topics.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import CorpusError
from assistant.yamlio import load_yaml


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    # topics of a neighbouring but different quantity (a share of floor area, a share of enterprises): when a city
    # does not set this topic, what it sets of these is said beside the refusal — never as the answer
    related: tuple[str, ...] = ()
    # topics of the rule a city has instead (no transfer period, but transfers need approval): when a city does not
    # set this topic, its rule on these is said beside the refusal — never as the answer
    rules_beside: tuple[str, ...] = ()


def load_topics(path: Path | None = None) -> dict[str, Topic]:
    """The topic table, re-read when its file changes (answers name topics on every question)."""
    from assistant.knowledge.bank import knowledge_dir

    path = path or knowledge_dir() / "topics.yaml"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return dict(_load(str(path), mtime))


@lru_cache(maxsize=8)
def _load(path_text: str, mtime: int) -> dict[str, Topic]:
    path = Path(path_text)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8")) or {}
        return {k: Topic.model_validate(v) for k, v in raw.items()}
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise CorpusError(f"无法读取主题表 {path.name}：{exc}", f"cannot read topic table {path.name}: {exc}") from exc
