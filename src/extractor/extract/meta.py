"""Article metadata: title, published date, author, and the event the article reports.

- title: the first content or header line before the body that reads like a headline (short,
  not ending in a full stop), else the container's title (HTML <title>, the jsonl field).
- published_date: the post date line under the headline ("Đăng ngày: 15/01/2021 …",
  "Thứ hai - 10/01/2022 19:00", "01-07-2022 15:09"), not the page's clock.
- author: "Tác giả: X" bylines, else a short sign-off line (a name or initials) at the end.
- event: the meeting in the lead: its date (the first date of the first sentences that speak of
  a meeting), its kind by keyword, the period it reviews, and the unit that holds it.
"""
from __future__ import annotations

import calendar
import re

from ..chrome import BYLINE
from ..document import Document
from ..schema import DateMention, Event, Period, Span, Unit
from .dates import FULL_NUMERIC, find_dates

TITLE_MAX = 250
EVENT_WORDS = re.compile(r"hội nghị|họp|kỳ họp|đại hội|hội thảo|tọa đàm|lễ|buổi|tổ chức|khai mạc|"
                         r"tổng kết|sơ kết|giao ban|triển khai", re.IGNORECASE)
KINDS = [("tổng kết", re.compile(r"tổng kết", re.IGNORECASE)),
         ("sơ kết", re.compile(r"sơ kết", re.IGNORECASE)),
         ("giao ban", re.compile(r"giao ban", re.IGNORECASE)),
         ("triển khai", re.compile(r"triển khai (?:nhiệm vụ|công tác|kế hoạch)", re.IGNORECASE))]
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
PERIOD = re.compile(
    r"(?P<half>(?P<n>6|sáu|9|chín|3|ba) tháng (?P<pos>đầu|cuối) năm)(?:\s+(?P<y1>\d{4}))?"
    r"|(?P<q>quý (?P<qn>IV|III|II|I|[1-4]))(?:\s*(?:/|năm)\s*(?P<y2>\d{4}))?"
    r"|(?P<year>năm (?P<y3>\d{4}))", re.IGNORECASE)
SIGNOFF = re.compile(r"^(?:[A-ZĐ][^\s\d,.:;!?]{0,7}\.?(?:\s+|$)){1,4}$|^[A-ZĐ]{2,4}\.?$")
_CAP = r"[A-ZĐÀ-Ỹ][^\s\d,.:;!?()]{0,8}"
TRAILING_SIGNOFF = re.compile(
    r"[.!?…”\"]\s+((?:Theo\s+)?" + _CAP + r"(?:\s+" + _CAP + r"){0,3}"
    r"(?:\s*[-–]\s*" + _CAP + r"(?:\s+" + _CAP + r"){0,3})?(?:\s*/\s*[^.!?]{1,40})?)\s*$")
AGENCY = re.compile(r"\s*[(/](?:TTXVN|VOV\.VN|VOV|VNA|Báo[^)]*|TTXVN/[^)]*)[)]?\s*$")


def extract_title(doc: Document) -> tuple[str | None, int | None]:
    """The headline and the index of its block (None when the page shows none)."""
    content_after = [k for k, b in enumerate(doc.blocks) if b.kind == "content"]
    for k, b in enumerate(doc.blocks[:6]):
        if b.kind == "chrome" or (b.kind == "header" and "post date" in b.reason):
            continue
        if not content_after or content_after[-1] <= k:
            break  # a one-paragraph text has no headline
        line = doc.text[b.start:b.end].strip()
        if not line or FULL_NUMERIC.match(line):
            continue
        if len(line) <= TITLE_MAX and not line.endswith((".", ":", ";")) and len(line.split()) >= 3:
            s, e = doc.norm.to_source(b.start, b.end)
            return " ".join(doc.source[s:e].split()), k
        break
    return doc.info.meta.get("title"), None


def extract_published(doc: Document) -> str | None:
    """The post date line's date (its DateMention comes from the dates extractor), else the
    container's published date."""
    for b in doc.blocks:
        if b.reason != "post date":
            continue
        hits = find_dates(doc.text, b.start, b.end, None)
        if hits:
            return hits[0].value
    published = doc.info.meta.get("published")
    if published and re.match(r"^\d{4}-\d{2}-\d{2}", str(published)):
        return str(published)[:10]
    return None


def extract_author(doc: Document) -> str | None:
    text = doc.text
    for b in doc.blocks:
        line = text[b.start:b.end]
        m = BYLINE.match(line)
        if m and b.reason == "byline":
            name = line[m.end():].strip()
            name = re.split(r"\s+[-–]\s+", name)[0]
            return _clean_author(name)
    # A sign-off: the last content line before the chrome tail, short and name-like, or the
    # words after the last sentence of the last paragraph ("… trên các trang báo. Trường Sơn").
    content = [b for b in doc.blocks if b.kind in ("content",)]
    if content:
        last = text[content[-1].start:content[-1].end].rstrip()
        m = TRAILING_SIGNOFF.search(last)
        if m and len(last) > len(m.group(1)) + 20:
            return _clean_author(m.group(1))
    for b in reversed(content[-3:]):
        line = text[b.start:b.end].strip()
        if SIGNOFF.match(line) and len(line.split()) <= 5 and not EVENT_WORDS.search(line):
            return _clean_author(line)
        if len(line) > 60:
            break
    return doc.info.meta.get("author")


def _clean_author(name: str) -> str | None:
    name = AGENCY.sub("", name).strip(" .")
    name = re.sub(r"\s*/.*$", "", name)  # "Minh Hòa/VOV.VN": the outlet after the slash
    name = re.sub(r"^theo\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"^(TTXVN|VNA|VOV)\s+", "", name)  # "TTXVN Hoàng Trọng": the agency, then the reporter
    return name or None


def _period(doc: Document, start: int, end: int, year: int | None) -> Period | None:
    m = PERIOD.search(doc.text, start, end)
    if not m:
        return None
    if m["half"]:
        y = int(m["y1"]) if m["y1"] else year
        if y is None:
            return None
        n = {"6": 6, "sáu": 6, "9": 9, "chín": 9, "3": 3, "ba": 3}[m["n"].lower()]
        first = m["pos"].lower() == "đầu"
        sm, em = (1, n) if first else (13 - n, 12)
    elif m["q"]:
        y = int(m["y2"]) if m["y2"] else year
        if y is None:
            return None
        q = ROMAN[m["qn"].upper()]
        sm, em = 3 * q - 2, 3 * q
    else:
        y = int(m["y3"])
        sm, em = 1, 12
    last = calendar.monthrange(y, em)[1]
    span = Span(**doc.span(m.start(), m.end()))
    label = span.text if (m["y1"] or m["y2"] or m["y3"]) else f"{span.text} {y}"
    return Period(label=" ".join(label.split()), start=f"{y:04d}-{sm:02d}-01", end=f"{y:04d}-{em:02d}-{last:02d}",
                  span=span)


def extract_event(doc: Document, title: str | None, dates: list[DateMention], units: list[Unit],
                  year: int | None) -> Event | None:
    """The meeting the article reports, or None when its lead reports none."""
    lead = [s for s in doc.sentences if doc.blocks[s.block].kind == "content"][:3]
    if not lead:
        return None
    text = doc.text
    title_text = title or ""
    event_sentence = next((s for s in lead if EVENT_WORDS.search(text, s.start, s.end)), None)
    if event_sentence is None and not EVENT_WORDS.search(title_text):
        return None
    kind = "other"
    for zone in ([(event_sentence.start, event_sentence.end)] if event_sentence else []):
        for name, rx in KINDS:
            if rx.search(text, *zone):
                kind = name
                break
    if kind == "other":
        for name, rx in KINDS:
            if rx.search(title_text):
                kind = name
                break
    date = None
    src_dates = {(d.span.start, d.span.end): d for d in dates}
    for s in lead:
        s_src = doc.norm.to_source(s.start, s.end)
        in_sentence = [d for (a, b), d in src_dates.items() if s_src[0] <= a and b <= s_src[1]
                       and d.granularity == "day"]
        if in_sentence and EVENT_WORDS.search(text, s.start, s.end):
            date = min(in_sentence, key=lambda d: d.span.start).value
            break
    period = None
    if event_sentence is not None:
        kw = re.search(r"tổng kết|sơ kết|giao ban|triển khai|công tác", text[event_sentence.start:event_sentence.end],
                       re.IGNORECASE)
        p_start = event_sentence.start + (kw.start() if kw else 0)
        period = _period(doc, p_start, event_sentence.end, year)
    if period is None:
        for b in doc.blocks[:6]:
            if b.reason == "title":
                period = _period(doc, b.start, b.end, year)
                break
    organiser = None
    if event_sentence is not None:
        s_src = doc.norm.to_source(event_sentence.start, event_sentence.end)
        verb = re.search(r"tổ chức|chủ trì|tiến hành|họp|khai mạc", text[event_sentence.start:event_sentence.end])
        verb_at = doc.norm.to_source(event_sentence.start + verb.start(), event_sentence.start + verb.start())[0] \
            if verb else s_src[1]
        best = None
        for u in units:
            for m in u.mentions:
                if s_src[0] <= m.start and m.end <= verb_at and (best is None or m.start > best[0]):
                    best = (m.start, u.name)
        organiser = best[1] if best else None
    return Event(date=date, kind=kind, period=period, organiser=organiser)
