"""A small layout model shared by the DOCX and PDF renderers.

Forms are built once as a :class:`Form` (title, headings, label/value grids,
tables, signature block) and rendered to either format, so both carry the same
words in the same order. Unknown values are empty strings: a visibly blank
cell for the applicant to fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False            # notes and sources: a smaller size
    align: str = "left"            # left / center / right


@dataclass(frozen=True)
class FieldRow:
    """One or two (label, value) pairs; a single pair spans the whole row."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FieldGrid:
    rows: tuple[FieldRow, ...]


@dataclass(frozen=True)
class CellStyle:
    """Colours of one body cell (``row`` counts body rows from 0): a verdict in its colour."""

    row: int
    col: int
    color: str | None = None       # text colour, "#rrggbb"
    fill: str | None = None        # background, "#rrggbb"
    bold: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]      # relative column widths
    styles: tuple[CellStyle, ...] = ()
    size: float = 9                # body font size (pt)
    padding: float = 1.0           # cell padding (mm, PDF)

    def style(self, row: int, col: int) -> CellStyle | None:
        return next((s for s in self.styles if s.row == row and s.col == col), None)


@dataclass(frozen=True)
class SignatureBlock:
    signers: tuple[str, ...]       # e.g. 法定代表人（签字）
    stamp: str                     # e.g. 申请企业（盖章）
    date: str                      # "2025年1月2日" or a blank "    年  月  日"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, FieldGrid, Table, SignatureBlock, PageBreak]


@dataclass(frozen=True)
class Form:
    title: str
    subtitle: str | None = None
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    landscape: bool = False

    def texts(self) -> list[str]:
        """Every non-empty string on the form, in order (for tests and search)."""
        out = [self.title] + ([self.subtitle] if self.subtitle else [])
        for b in self.blocks:
            if isinstance(b, (Heading, Paragraph)):
                out.append(b.text)
            elif isinstance(b, FieldGrid):
                out.extend(s for r in b.rows for pair in r.pairs for s in pair if s)
            elif isinstance(b, Table):
                out.extend(b.header)
                out.extend(c for r in b.rows for c in r if c)
            elif isinstance(b, SignatureBlock):
                out.extend([*b.signers, b.stamp, b.date])
        return out


def fields(*rows: tuple[tuple[str, str], ...] | tuple[str, str]) -> FieldGrid:
    """``fields(("企业名称", v), (("联系人", a), ("联系电话", b)))`` → a FieldGrid."""
    out = []
    for r in rows:
        pairs = (r,) if isinstance(r[0], str) else r
        out.append(FieldRow(tuple(pairs)))
    return FieldGrid(tuple(out))
