"""The deadlines that run from one land-transfer contract, as periods on a timeline (computed by the calculators).

From the contract date: 临海's start and completion deadlines; from the start date (the contract date when none is
given, and the label says so): 温州's construction period; from the day the enterprise acquires its premises (the
临海 completion deadline when none is given, and the label says so): 临海's ban on transferring the property.

>>> import datetime as dt
>>> for p in deadlines(dt.date(2024, 8, 31)):
...     print(p.city, p.label, p.start.isoformat(), p.end.isoformat(), p.soft)
临海市 开工期限 2024-08-31 2025-02-28 False
临海市 竣工验收期限 2024-08-31 2026-08-31 False
温州市 建设工期（自合同签订日起算：未填开工日） 2024-08-31 2026-08-31 True
临海市 产权不得转让（自竣工验收截止日起算：未填取得产权日） 2026-08-31 2031-08-31 False
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant import formatting
from assistant.models import Citation
from assistant.rules.calculators import run
from assistant.rules.params import get_param


@dataclass(frozen=True)
class Period:
    """One period: from ``start`` to ``end`` (the last day allowed, or the last day of a ban)."""

    key: str
    city: str
    label: str
    start: dt.date
    end: dt.date
    rule: str          # the rule in words: 合同签订后6个月内开工
    soft: bool         # 一般 / 原则上
    citation: Citation

    @property
    def end_text(self) -> str:
        return formatting.date(self.end)

    @property
    def clause(self) -> str:
        return f"{self.city}{self.citation.clause}"


def deadlines(contract_date: dt.date, start_date: dt.date | None = None,
              acquired_date: dt.date | None = None) -> list[Period]:
    """Every period that runs from the contract (and, where given, the start and acquisition dates)."""
    out: list[Period] = []
    r = run("construction_deadlines", {"contract_date": contract_date})
    sp, cp = get_param("linhai.start_within_months"), get_param("linhai.completion_within_months")
    out.append(Period("linhai_start", sp.jurisdiction, "开工期限", contract_date, r.part("start_by"),
                      f"合同签订后{sp.figure()}内开工", sp.soft, sp.citation()))
    out.append(Period("linhai_completion", cp.jurisdiction, "竣工验收期限", contract_date, r.part("complete_by"),
                      f"合同签订后{cp.figure()}内竣工验收", cp.soft, cp.citation()))
    wp = get_param("wenzhou.construction_period_max")
    start = start_date or contract_date
    w = run("construction_period", {"start_date": start})
    note = "" if start_date else "（自合同签订日起算：未填开工日）"
    out.append(Period("wenzhou_period", wp.jurisdiction, f"建设工期{note}", start, w.part("complete_by"),
                      f"建设工期{'一般' if wp.soft else ''}不超过{wp.figure()}", wp.soft, wp.citation()))
    tp = get_param("linhai.transfer_ban_years")
    acquired = acquired_date or r.part("complete_by")
    t = run("transfer_ban", {"acquired_date": acquired})
    note = "" if acquired_date else "（自竣工验收截止日起算：未填取得产权日）"
    out.append(Period("linhai_transfer_ban", tp.jurisdiction, f"产权不得转让{note}", acquired, t.part("ban_last_day"),
                      f"入园企业{tp.figure()}内不得转让产权", tp.soft, tp.citation()))
    return out
