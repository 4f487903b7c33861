"""The output contract (../shared/SPEC.md) as pydantic models; `extractor schema` prints it.

Extractors build these items directly, so every stage after extraction passes validated,
typed data. Field names are fixed by the contract; `optional` exists for gold files only.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """Characters [start, end) of the decoded source text; source[start:end] == text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Source(Model):
    path: str
    sha256: str
    encoding: str
    format: Literal["txt", "html", "jsonl"]
    text: str | None = None


class Period(Model):
    label: str
    start: str = Field(pattern=ISO_DATE)
    end: str = Field(pattern=ISO_DATE)
    span: Span


class Event(Model):
    date: str | None = Field(default=None, pattern=ISO_DATE)
    kind: Literal["tổng kết", "sơ kết", "giao ban", "triển khai", "other"]
    period: Period | None = None
    organiser: str | None = None


class DateMention(Model):
    span: Span
    value: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    granularity: Literal["day", "month", "year"]
    year_inferred: bool = False
    optional: bool | None = Field(default=None, exclude_if=lambda v: v is None)


class Unit(Model):
    name: str
    level: Literal["central", "province", "district", "commune", "enterprise", "other"] | None
    mentions: list[Span]
    optional: bool | None = Field(default=None, exclude_if=lambda v: v is None)


class Official(Model):
    name: str
    titles: list[str]
    mentions: list[Span]
    optional: bool | None = Field(default=None, exclude_if=lambda v: v is None)


class Indicator(Model):
    span: Span
    value: float
    unit: str
    qualifier: Literal["exact", "over", "under", "about", "nearly"]
    subject: str
    category: str | None = None
    optional: bool | None = Field(default=None, exclude_if=lambda v: v is None)

    @field_validator("value")
    @classmethod
    def finite(cls, v: float) -> float:
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("value must be a finite number")
        return v


class Task(Model):
    index: int = Field(ge=1)
    marker: str | None
    text: str
    span: Span
    optional: bool | None = Field(default=None, exclude_if=lambda v: v is None)


class DocumentRef(Model):
    span: Span
    kind: str
    number: str | None
    code: str | None
    optional: bool | None = Field(default=None, exclude_if=lambda v: v is None)


class ArticleRecord(Model):
    model_config = ConfigDict(extra="allow")  # gold files carry "annotator"

    schema_version: Literal["1"] = "1"
    id: str
    source: Source
    title: str | None
    published_date: str | None = Field(pattern=ISO_DATE)
    author: str | None
    event: Event | None
    dates: list[DateMention]
    units: list[Unit]
    officials: list[Official]
    indicators: list[Indicator]
    tasks: list[Task]
    documents: list[DocumentRef]
    warnings: list[str]

    def spans(self):
        """Every span of the record with where it sits (for grounding checks and highlighting)."""
        for i, d in enumerate(self.dates):
            yield "dates", i, d.span
        for i, u in enumerate(self.units):
            for m in u.mentions:
                yield "units", i, m
        for i, o in enumerate(self.officials):
            for m in o.mentions:
                yield "officials", i, m
        for key in ("indicators", "tasks", "documents"):
            for i, item in enumerate(getattr(self, key)):
                yield key, i, item.span
        if self.event and self.event.period:
            yield "event", 0, self.event.period.span


def json_schema() -> dict:
    return ArticleRecord.model_json_schema()
