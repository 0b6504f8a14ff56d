"""The topic vocabulary shared by knowledge points (``knowledge/topics.yaml``)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import CorpusError


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


def load_topics(path: Path | None = None) -> dict[str, Topic]:
    from assistant.knowledge.bank import knowledge_dir

    path = path or knowledge_dir() / "topics.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return {k: Topic.model_validate(v) for k, v in raw.items()}
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise CorpusError(f"无法读取主题表 {path.name}：{exc}", f"cannot read topic table {path.name}: {exc}") from exc
