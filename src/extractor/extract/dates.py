"""Dates: "14/01/2021", "ngày 4 tháng 3 năm 2021", "tháng 3/2021", "Sáng 22/7" (year inferred).

Hand-written patterns rather than dateparser: its `search_dates` reads "99,3%" as a date.
A day-month with no year is taken only after a word that introduces a day ("Sáng", "ngày",
"từ", "đến"…), because bare "125/161" is a fraction. The year comes from the article
(`reference_year`) and the mention says `year_inferred: true`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document
from ..schema import DateMention, Span

FULL_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?![\d/])")
LONG = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?", re.IGNORECASE)
MONTH = re.compile(r"\btháng\s+(\d{1,2})\s*(?:/|-|\.|năm\s+)(\d{4})(?![\d/])", re.IGNORECASE)
DAY_MONTH = re.compile(
    r"\b(?:(?:sáng|chiều|tối|trưa|đêm|hôm|rạng sáng)(?:\s+(?:qua|nay|ngày|thứ\s+\w+))?"
    r"|ngày|từ|đến|tới|và)[\s,(]+(?:ngày\s+)?(\d{1,2})\s?[/.-]\s?(\d{1,2})(?![\d/]|[.,]\d)",
    re.IGNORECASE)
MONTH_NO_YEAR = re.compile(r"\btháng\s+(\d{1,2})(?![\d/.,-]|\s*(?:năm|/|-)|\s+tháng)", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


@dataclass(frozen=True)
class DateHit:
    start: int  # normalised offsets
    end: int
    value: str
    granularity: str
    year_inferred: bool


def _valid(d: int, m: int, y: int | None = None) -> bool:
    return 1 <= d <= 31 and 1 <= m <= 12 and (y is None or 1900 <= y <= 2100)


def find_dates(text: str, start: int, end: int, year: int | None) -> list[DateHit]:
    """All date expressions in text[start:end]; the longest wins where two overlap."""
    hits: list[DateHit] = []
    for m in FULL_NUMERIC.finditer(text, start, end):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if _valid(d, mo, y):
            hits.append(DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "day", False))
    for m in LONG.finditer(text, start, end):
        d, mo = int(m[1]), int(m[2])
        y = int(m[3]) if m[3] else year
        if y is not None and _valid(d, mo, y):
            hits.append(DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "day", not m[3]))
    for m in MONTH.finditer(text, start, end):
        mo, y = int(m[1]), int(m[2])
        if _valid(1, mo, y):
            hits.append(DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}", "month", False))
    if year is not None:
        for m in MONTH_NO_YEAR.finditer(text, start, end):  # "tháng 4": a month name, not "4 tháng"
            mo = int(m[1])
            if _valid(1, mo):
                hits.append(DateHit(m.start(), m.end(), f"{year:04d}-{mo:02d}", "month", True))
        for m in DAY_MONTH.finditer(text, start, end):
            d, mo = int(m[1]), int(m[2])
            if _valid(d, mo):
                hits.append(DateHit(m.start(), m.end(), f"{year:04d}-{mo:02d}-{d:02d}", "day", True))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[DateHit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    # "từ 28/4 đến 15h chiều 1/5": keep the day-month part only, without the joining word.
    return [_trim_connective(text, h) for h in kept]


def _trim_connective(text: str, h: DateHit) -> DateHit:
    m = re.match(r"(?:từ|đến|tới|và)[\s,]+", text[h.start:h.end], re.IGNORECASE)
    if m and h.year_inferred:
        return DateHit(h.start + m.end(), h.end, h.value, h.granularity, h.year_inferred)
    return h


RANGE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d)|(?:đến|tới|trước)\s+(?:năm\s+)?(?:19|20)\d\d"
                        r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d(?=\s*[-–]\s*\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
TITLE_WEIGHT = 3  # a year in the headline ("… năm 2019") names the article's year


def reference_year(doc: Document, published: str | None) -> int | None:
    """The year a date with no year belongs to: the post date's; else the year the article
    writes most (in the headline three times over; ranges such as "2020 - 2025", targets
    "đến năm 2030" and the start of an anniversary "21/6/2001 - 21/6/2021" do not count), the
    later year winning a tie."""
    if published:
        return int(published[:4])
    text = doc.text
    years: Counter[int] = Counter()
    for b in doc.blocks:
        if b.kind not in ("content", "header"):
            continue
        weight = TITLE_WEIGHT if b.reason == "title" else 1
        chunk = RANGE_YEAR.sub(lambda m: " " * len(m.group(0)), text[b.start:b.end])
        for m in YEAR.finditer(chunk):
            years[int(m[1])] += weight
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


def extract_dates(doc: Document, year: int | None) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """One DateMention per date expression in the content and the post date line, and the
    normalised ranges they cover (numbers there are not indicators)."""
    out, ranges = [], []
    for block in doc.blocks:
        if block.kind not in ("content", "header"):
            continue
        for h in find_dates(doc.text, block.start, block.end, year):
            out.append(DateMention(span=Span(**doc.span(h.start, h.end)), value=h.value,
                                   granularity=h.granularity, year_inferred=h.year_inferred))
            ranges.append((h.start, h.end))
    return out, ranges
