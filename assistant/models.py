"""Typed records passed between pipeline stages (load → segment → index → retrieve → answer).

Records read from files use ``extra="forbid"``: a misspelt key in a metadata
file is an error, not a silently ignored field.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator

class Status(str, Enum):
    """What kind of force a document has; answers warn about anything but ``in_force``."""

    in_force = "in_force"            # 现行有效
    draft = "draft"                  # 征求意见稿: not yet in force
    reply_letter = "reply_letter"    # 建议答复: explains plans, is not itself a rule
    notice_expired = "notice_expired"  # 通知 whose reporting deadlines have passed
    repealed = "repealed"            # 已废止

    @property
    def label_zh(self) -> str:
        return STATUS_ZH[self]


STATUS_ZH = {
    Status.in_force: "现行有效",
    Status.draft: "征求意见稿",
    Status.reply_letter: "建议答复（非规范性文件）",
    Status.notice_expired: "通知（报送期限已过）",
    Status.repealed: "已废止",
}


class Repeal(BaseModel):
    """A document that this one repeals, named as the text names it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    doc_number: str


class DocumentMeta(BaseModel):
    """Metadata of one corpus document, read from ``corpus/<id>.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,63}$", description="readable slug, stable")
    title: str = Field(min_length=1)
    issuer: str | None = None
    doc_number: str | None = None
    date: dt.date | None = None
    city: str
    kind: str = Field(description="实施意见 / 工作方案 / 通知 / 建议答复 …")
    status: Status
    effective_date: dt.date | None = None
    repeals: tuple[Repeal, ...] = ()
    source_file: str = Field(min_length=1, description="the original file name the text came from")
    text_file: str = Field(description="file under corpus/ with the verbatim text")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="of text_file, to detect edits")
    defects: tuple[str, ...] = Field(default=(), description="known defects of the source, recorded honestly")
    notes: str | None = None

    @field_validator("city")
    @classmethod
    def _known_city(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("city must not be empty")
        return v


class Span(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Table(BaseModel):
    """A table found in a document: header rows as printed, flattened column names, data rows."""

    model_config = ConfigDict(frozen=True)
    title: str
    header_rows: tuple[tuple[str, ...], ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def readable_rows(self) -> list[str]:
        """Rows as sentences ("鹿城区：用地（亩）400；…"), for search and display."""
        out = []
        for row in self.rows:
            if not row:
                continue
            head, rest = row[0], row[1:]
            cells = "；".join(f"{c}{'' if v is None else v}" if v is not None else f"{c}—"
                             for c, v in zip(self.columns[1:], rest))
            out.append(f"{head}：{cells}")
        return out


class Clause(BaseModel):
    """One numbered unit of a document, with its verbatim text and place in the source.

    ``label`` is as printed, prefixed by its section where the same label repeats
    under different sections (``三、（二）``). ``span`` indexes the document's text;
    ``text == document.text[span.start:span.end]``.
    """

    model_config = ConfigDict(frozen=True)
    id: str
    doc_id: str
    label: str
    kind: str = Field(description="preamble / section / item / closing / attachment / table")
    level: int = Field(ge=0)
    parent_path: tuple[str, ...] = ()
    heading: str | None = None
    text: str
    span: Span
    table: Table | None = None

    @property
    def clean_text(self) -> str:
        return self.text.strip()


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)
    meta: DocumentMeta
    text: str
    clauses: tuple[Clause, ...]

    @property
    def id(self) -> str:
        return self.meta.id


class Citation(BaseModel):
    """Where a statement comes from: a clause and the exact words quoted from it."""

    model_config = ConfigDict(frozen=True)
    doc_id: str
    source_file: str
    title: str
    clause: str = Field(description="label as printed, with section prefix where labels repeat")
    quote: str = Field(description="verbatim substring of the clause text")
    span: Span | None = Field(default=None, description="character span of the quote in the document text")
    status: Status | None = None
    city: str | None = None
