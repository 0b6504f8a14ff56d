"""Jurisdictions as data: the one registry of places (``assistant/data/jurisdictions.yaml``).

Every part that needs to know about cities (the query analysis, the router, the answers, the checks, the UI lists
and the forms) asks this module. Documents belong to a jurisdiction through their metadata (``city``), so an
uploaded 三门县 document makes 三门县 covered without a code change.

>>> reg = registry()
>>> reg.resolve("临海").name, reg.resolve("Linhai").name, reg.resolve("浙江省台州市临海市").name
('临海市', '临海市', '临海市')
>>> [j.name for j in reg.mentioned("鹿城区的小微园和台州的比")]
['鹿城区', '台州市']
>>> reg.get("临海市").parent
'台州市'
"""

from __future__ import annotations

import functools
import os

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import ConfigError, QueryError
from assistant.yamlio import load_yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "jurisdictions.yaml"
PROVINCE = "浙江省"  # the province whose notice is in the corpus; its documents apply to every place in it

Level = Literal["province", "city", "county", "town"]


class Jurisdiction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=2, description="the official name: 临海市")
    level: Level
    parent: str | None = None
    slug: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$", description="ascii id used in rule ids")
    short: str = Field(min_length=1, description="how people say it: 临海")
    en: str | None = None
    names: tuple[str, ...] = Field(min_length=1, description="every spelling matched in a question")

    @property
    def display_en(self) -> str:
        return self.en or self.name


class Registry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    jurisdictions: dict[str, Jurisdiction]

    @model_validator(mode="before")
    @classmethod
    def _names_in(cls, data):
        if isinstance(data, dict) and isinstance(data.get("jurisdictions"), dict):
            data = {**data, "jurisdictions": {k: {"name": k, **(v or {})} for k, v in data["jurisdictions"].items()}}
        return data

    @model_validator(mode="after")
    def _tree(self):
        for j in self.jurisdictions.values():
            if j.parent is not None and j.parent not in self.jurisdictions:
                raise ValueError(f"{j.name} 的上级 {j.parent} 不在登记表中")
        slugs = [j.slug for j in self.jurisdictions.values() if j.slug]
        if len(slugs) != len(set(slugs)):
            raise ValueError("slug 重复")
        return self

    # -- lookups

    def get(self, name: str) -> Jurisdiction:
        try:
            return self.jurisdictions[name]
        except KeyError:
            raise QueryError(f"未知的地区“{name}”", f"unknown jurisdiction {name!r}", field="city") from None

    def by_slug(self, slug: str) -> Jurisdiction | None:
        return next((j for j in self.jurisdictions.values() if j.slug == slug), None)

    def ancestors(self, name: str) -> list[Jurisdiction]:
        """``name`` itself first, then its parent, up to the province."""
        out, seen = [], set()
        j: Jurisdiction | None = self.jurisdictions.get(name)
        while j is not None and j.name not in seen:
            seen.add(j.name)
            out.append(j)
            j = self.jurisdictions.get(j.parent) if j.parent else None
        return out

    def resolve(self, text: str | None) -> Jurisdiction | None:
        """A jurisdiction from what a person typed ("临海", "Linhai", "浙江省临海市"): the most specific one named;
        None when nothing is recognised."""
        if text is None or not str(text).strip():
            return None
        t = str(text).strip()
        if t in self.jurisdictions:
            return self.jurisdictions[t]
        found = self.mentioned(t)
        return found[-1] if found else None

    def mentioned(self, text: str) -> list[Jurisdiction]:
        """Places named in ``text``, left to right, longest spelling first; a place is dropped when a place inside
        it is named too (naming 临海 is not a question about 台州; "浙江省临海市" names 临海市)."""
        lowered = unicodedata.normalize("NFKC", text).lower()
        hits: list[tuple[int, int, str]] = []
        taken = [False] * len(lowered)
        for spelling, name in self._spellings:
            start = 0
            while (i := lowered.find(spelling, start)) >= 0:
                end = i + len(spelling)
                start = end
                if any(taken[i:end]):
                    continue
                if spelling.isascii() and not _word_bounded(lowered, i, end):
                    continue
                for k in range(i, end):
                    taken[k] = True
                hits.append((i, end, name))
        names = [n for _, _, n in sorted(hits)]
        names = list(dict.fromkeys(names))
        inner = {a.name for n in names for a in self.ancestors(n)[1:]}
        return [self.jurisdictions[n] for n in names if n not in inner]

    def without_places(self, text: str) -> str:
        """``text`` (NFKC, lower-cased) with every spelling of a place taken out: what it says besides places."""
        rest = unicodedata.normalize("NFKC", text).lower()
        for spelling, _ in self._spellings:
            rest = rest.replace(spelling, "")
        return rest

    @functools.cached_property
    def _spellings(self) -> list[tuple[str, str]]:
        pairs = {(unicodedata.normalize("NFKC", s).lower(), j.name)
                 for j in self.jurisdictions.values() for s in (j.name, *j.names)}
        return sorted(pairs, key=lambda p: -len(p[0]))

    # -- coverage by documents

    def covering(self, name: str, with_documents: Iterable[str]) -> Jurisdiction | None:
        """The jurisdiction whose documents answer for ``name``: itself or its nearest ancestor with documents,
        stopping below the province (the provincial notice alone does not set a county's rules). The province is
        covered by its own documents."""
        have = set(with_documents)
        chain = self.ancestors(name)
        for j in chain:
            if j.name in have and (j.level != "province" or j.name == name):
                return j
        return None

    def applicable(self, name: str, with_documents: Iterable[str]) -> list[str]:
        """Every jurisdiction whose documents apply to ``name``: itself and its ancestors that have documents."""
        have = set(with_documents)
        return [j.name for j in self.ancestors(name) if j.name in have]

    def short(self, name: str) -> str:
        j = self.jurisdictions.get(name)
        return j.short if j else name

    def english(self, name: str) -> str:
        j = self.jurisdictions.get(name)
        return j.display_en if j else name


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def registry_file() -> Path:
    """``$XIAOWEI_JURISDICTIONS`` (a YAML file of the same shape) or the packaged registry."""
    return Path(os.environ.get("XIAOWEI_JURISDICTIONS", DATA_FILE))


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Registry:
    try:
        raw = load_yaml(Path(path).read_text(encoding="utf-8"))
        return Registry.model_validate(raw)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"无法读取地区登记表：{exc}", f"cannot read the jurisdiction registry: {exc}") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        raise ConfigError(f"地区登记表无效：{loc} {err['msg']}", f"invalid jurisdiction registry: {loc} {err['msg']}",
                          field=loc) from exc


def registry() -> Registry:
    """The registry, re-read when its file changes."""
    path = registry_file()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _load(str(path), mtime)


def resolve_city(text: str | None) -> str | None:
    """``"临海"`` / ``"浙江省临海市"`` / ``"Linhai"`` → ``"临海市"``; unrecognised text is returned stripped
    (and rejected later by whoever needs a known jurisdiction); None stays None."""
    if text is None:
        return None
    j = registry().resolve(text)
    return j.name if j else str(text).strip()




def upload_choices() -> list[str]:
    """Jurisdictions offered when a document is uploaded: those with documents first, then every other place of
    the province (a county's first document makes it covered), cities before counties."""
    from assistant.corpus import load_corpus

    reg = registry()
    have = load_corpus().cities()
    level = {"province": 0, "city": 1, "county": 2, "town": 3}
    rest = [j.name for j in sorted(reg.jurisdictions.values(), key=lambda j: level[j.level])
            if j.name not in have and PROVINCE in [a.name for a in reg.ancestors(j.name)] and j.level != "town"]
    return [*have, *rest]
