"""Layouts of the staff report tables, read from ``forms/staff_tables/*.yaml``.

A layout says what the printed form has: title, the stamp line, one or more
sections (附件2 has three), each with header rows of possibly merged cells and
its data columns, the number of blank rows printed, a total row, notes. The
loader checks that the header cells tile the grid exactly and that each leaf
header names its column, so a layout cannot drift from its columns.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.errors import FormError
from assistant.yamlio import load_yaml

LAYOUT_DIR = Path(__file__).resolve().parents[2] / "forms" / "staff_tables"


class HeaderCell(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    colspan: int = Field(1, ge=1)
    rowspan: int = Field(1, ge=1)


class PlacedCell(BaseModel):
    """A header cell with its place: 0-based row and column within the section."""

    model_config = ConfigDict(frozen=True)
    text: str
    row: int
    col: int
    rowspan: int
    colspan: int


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str
    type: Literal["text", "integer", "number", "choice"] = "text"
    choices: tuple[str, ...] = ()
    required: bool = False
    sum: bool = False
    width: float | None = None

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "number")


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str | None = None
    header: tuple[tuple[HeaderCell, ...], ...]
    columns: tuple[Column, ...]
    blank_rows: int = Field(0, ge=0)
    placeholders: tuple[str, ...] = Field((), description="first-column text of the printed blank rows, as printed "
                                                          "(附件1: **市, then **县（市、区）)")

    @field_validator("header", mode="before")
    @classmethod
    def _strings_are_cells(cls, rows):
        return [[{"text": c} if isinstance(c, str) else c for c in row] for row in rows]

    def placed(self) -> list[PlacedCell]:
        """Place header cells row by row into the next free column (HTML table flow)."""
        n = len(self.columns)
        taken = [[False] * n for _ in self.header]
        out = []
        for r, row in enumerate(self.header):
            c = 0
            for cell in row:
                while c < n and taken[r][c]:
                    c += 1
                if c + cell.colspan > n or r + cell.rowspan > len(self.header):
                    raise ValueError(f"表头单元格“{cell.text}”超出表格范围")
                for rr in range(r, r + cell.rowspan):
                    for cc in range(c, c + cell.colspan):
                        if taken[rr][cc]:
                            raise ValueError(f"表头单元格“{cell.text}”与其他单元格重叠")
                        taken[rr][cc] = True
                out.append(PlacedCell(text=cell.text, row=r, col=c, rowspan=cell.rowspan, colspan=cell.colspan))
                c += cell.colspan
        gaps = [(r, c) for r in range(len(taken)) for c in range(n) if not taken[r][c]]
        if gaps:
            raise ValueError(f"表头有空位（行、列）：{gaps}")
        return out

    def leaves(self) -> list[str]:
        """For each column, the text of the lowest header cell above it."""
        leaf: list[str] = [""] * len(self.columns)
        for cell in sorted(self.placed(), key=lambda c: c.row):
            if cell.row + cell.rowspan == len(self.header):
                for c in range(cell.col, cell.col + cell.colspan):
                    leaf[c] = cell.text
        return leaf

    @model_validator(mode="after")
    def _placeholders_fit(self):
        if len(self.placeholders) > self.blank_rows:
            raise ValueError(f"placeholders 有 {len(self.placeholders)} 行，多于 blank_rows（{self.blank_rows}）")
        return self

    @model_validator(mode="after")
    def _header_names_columns(self):
        for col, leaf in zip(self.columns, self.leaves()):
            if col.key != leaf and not col.key.endswith(f"·{leaf}"):
                raise ValueError(f"列“{col.key}”与其表头“{leaf}”不一致")
            if col.type == "choice" and not col.choices:
                raise ValueError(f"列“{col.key}”是选择列，但没有 choices")
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"列名重复：{keys}")
        return self


class Check(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["equal", "at_least"]
    left: tuple[str, ...]
    right: tuple[str, ...]
    message: str


class Total(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str = "总计"


class TableLayout(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    doc_id: str
    title: str
    stamp_line: str | None = None
    section_key: str | None = None
    section_label_width: float = 8
    sections: tuple[Section, ...] = Field(min_length=1)
    total: Total | None = None
    checks: tuple[Check, ...] = ()
    notes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self):
        labelled = [s.label is not None for s in self.sections]
        if len(self.sections) > 1 and not all(labelled):
            raise ValueError("多个分块的表，每个分块都需要 label")
        if any(labelled) and not self.section_key:
            raise ValueError("分块的表需要 section_key（行数据中表示分块的键）")
        if self.total and len(self.sections) > 1:
            raise ValueError("总计行只支持单个分块的表")
        keys = {c.key for s in self.sections for c in s.columns}
        for chk in self.checks:
            unknown = [k for k in (*chk.left, *chk.right) if k not in keys]
            if unknown:
                raise ValueError(f"检查规则引用了不存在的列：{unknown}")
        return self

    @property
    def n_columns(self) -> int:
        """Columns on the sheet: the widest section, plus the section-label column if any."""
        return max(len(s.columns) for s in self.sections) + (1 if self.section_key else 0)

    def section(self, label: str | None) -> Section:
        for s in self.sections:
            if s.label == label:
                return s
        raise KeyError(label)


def _files() -> list[Path]:
    return sorted(LAYOUT_DIR.glob("*.yaml"))


@lru_cache(maxsize=None)
def _load_file(path: Path) -> TableLayout:
    try:
        return TableLayout.model_validate(load_yaml(path.read_text(encoding="utf-8")))
    except Exception as exc:  # a broken layout file is a programming error; say which file
        raise FormError(f"表格式文件有误：{path.name}（{exc}）", f"invalid table layout {path.name}: {exc}",
                        field="layout") from exc


def table_ids() -> list[str]:
    return [_load_file(p).id for p in _files()]


def load_layout(name: str) -> TableLayout:
    """A layout by id (``附件2``), by number (``2``) or by file stem."""
    wanted = name.strip()
    for path in _files():
        layout = _load_file(path)
        if wanted in (layout.id, path.stem) or f"附件{wanted}" == layout.id:
            return layout
    raise FormError(f"没有这张表：{name}。可用：{'、'.join(table_ids())}",
                    f"no such table: {name}; available: {', '.join(table_ids())}", field="table")
