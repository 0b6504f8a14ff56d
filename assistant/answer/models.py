"""What the answer stage returns (``Answer``) and what a follow-up needs from an earlier turn (``Turn``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Citation

Kind = Literal["lookup", "calculation", "table", "comparison", "eligibility", "not_covered", "clarify"]
NotCoveredKind = Literal["other_city", "no_figure", "different_quantity", "place", "not_stated", "topic_absent"]


class Turn(BaseModel):
    """What a follow-up needs from an earlier turn: its question, topic, city, answer type and figures."""

    model_config = ConfigDict(extra="ignore")
    question: str
    resolved_question: str | None = None
    city: str | None = None
    city_source: str | None = None
    topic: str | None = None
    answer_type: str | None = None
    knowledge_point: str | None = None
    direct: str = Field(default="", description="the turn's direct line (a switch of city may answer one of the facts "
                                                "it stated together)")
    kind: str | None = None
    not_covered_kind: NotCoveredKind | None = None
    document: str | None = Field(default=None, description="the document of the turn's first citation (a refused turn "
                                                          "too: the one its nearest clause came from)")
    calculator: str | None = Field(default=None, description="the calculator the turn ran, if any")
    inputs: dict = Field(default_factory=dict, description="the calculator inputs the turn used")
    eligibility: dict | None = Field(default=None, description="an eligibility dialogue in progress: its facts and "
                                                                "the fields last asked for")


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)
    question: str
    resolved_question: str = Field(description="the question as understood (follow-ups rewritten)")
    language: Literal["zh", "en"]
    answer: str = Field(description="the whole answer text; its first line is ``direct``")
    direct: str = Field(default="", description="the direct line: the figure, the yes/no, who, when")
    kind: Kind
    refused: bool
    citations: tuple[Citation, ...] = ()
    related: tuple[Citation, ...] = Field(default=(), description="shown as 'possibly related' when refused")
    warnings: tuple[str, ...] = ()
    city: str | None = Field(default=None, description="the jurisdiction the answer is tied to")
    city_source: str | None = Field(default=None, description="named / chosen / inherited")
    topic: str | None = Field(default=None, description="the knowledge topic answered (follow-ups keep it)")
    answer_type: str | None = Field(default=None, description="the kind of fact asked for")
    knowledge_point: str | None = Field(default=None, description="the knowledge point that answered")
    not_covered_kind: NotCoveredKind | None = None
    calculation: dict | None = None
    check: dict | None = None
    follow_up: tuple[str, ...] = Field(default=(), description="facts to ask for (eligibility)")
    coverage: float | None = None
    uncovered_topics: tuple[str, ...] = Field(default=(), description="policy topics named that no clause mentions")
    confidence: Literal["high", "low"] = Field(
        default="high", description="low: no knowledge point matched and the clause lacks the question's key terms")
    wording: Literal["extractive", "generated"] = Field(
        default="extractive", description="generated only when a configured model's text passed verification")

    def to_contract(self) -> dict:
        """The machine contract of ``ask --json``."""
        return {"question": self.question, "answer": self.answer, "direct": self.direct, "kind": self.kind,
                "refused": self.refused, "city": self.city, "answer_type": self.answer_type,
                "not_covered_kind": self.not_covered_kind,
                "citations": [{"doc_id": c.doc_id, "source_file": c.source_file, "title": c.title,
                               "clause": c.clause, "quote": c.quote, "city": c.city,
                               "status": c.status.value if c.status else None} for c in self.citations],
                "warnings": list(self.warnings), "confidence": self.confidence}

    def as_turn(self) -> Turn:
        calc = self.calculation or {}
        return Turn(question=self.question, resolved_question=self.resolved_question, city=self.city,
                    city_source=self.city_source, topic=self.topic, answer_type=self.answer_type, kind=self.kind,
                    knowledge_point=self.knowledge_point, direct=self.direct, not_covered_kind=self.not_covered_kind,
                    document=self.citations[0].doc_id if self.citations else None, calculator=calc.get("calculator"), inputs=calc.get("inputs") or {},
                    eligibility=({"facts": (self.check or {}).get("facts", {}), "asked": (self.check or {}).get("asked", [])}
                                 if self.kind == "eligibility" and self.check else None))
