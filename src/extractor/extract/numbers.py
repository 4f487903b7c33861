"""Indicators: a Vietnamese numeral, its qualifier, the counted unit and the subject.

Vietnamese numerals: "." groups thousands and "," is the decimal mark ("2.108" = 2108,
"99,9" = 99.9). Number-word libraries reject these, so digits get their own parser
(`parse_number`). A number is an indicator only when a counted thing follows it; numbers that
are dates, years, ordinals, ages, document numbers or parts of names are left out.
"""
from __future__ import annotations

import re

from ..document import Document
from ..lexicons import words
from ..schema import Indicator, Span
from ..segment import word_spans

# A number, an optional "/total", then a boundary, or a measure glued to it ("150m", "7ha").
GLUED_UNIT = r"(?:m2|m3|km2|km|kg|ha|m)(?![^\W\d_])"
NUMBER = re.compile(r"(?<![\w/.,+-])(\d+(?:[.,]\d+)*)(?:\s?/\s?(\d+(?:[.,]\d+)*))?"
                    r"(?=" + GLUED_UNIT + r"|(?![\w/]|[.,]\d))")
GLUED = re.compile(GLUED_UNIT)
QUALIFIER = re.compile(
    r"(?:^|[\s(])(?P<q>vượt trên|vượt|hơn|trên|dưới|chưa đến|chưa tới|gần như|xấp xỉ|khoảng|"
    r"chừng|gần|ước khoảng|ước tính|ước đạt|ước)\s*$", re.IGNORECASE)
QUALIFIERS = {"vượt trên": "over", "vượt": "over", "hơn": "over", "trên": "over", "dưới": "under",
              "chưa đến": "under", "chưa tới": "under", "gần như": "about", "xấp xỉ": "about",
              "khoảng": "about", "chừng": "about", "ước khoảng": "about", "gần": "nearly",
              "ước tính": "exact", "ước đạt": "exact", "ước": "exact"}
SCALE = re.compile(r"\s?(nghìn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?=[\s,.;:)]|$)")
PERCENT = re.compile(r"\s?%")
# Words right before a number that make it an ordinal, a date part or a name, not a count.
NOT_AFTER = re.compile(
    r"(?:\b(?:năm|tháng|ngày|lần|thứ|khóa|khoá|(?<!tổng )số|điều|khoản|kỳ|quý|giai đoạn|lúc|mã|phòng|tầng|"
    r"vùng|quân khu|trung đoàn|sư đoàn|lữ đoàn|quân đoàn|tiểu đoàn|đại hội|chỉ đạo|tổ|ấp|thôn|khu|"
    r"đường|quốc lộ|tỉnh lộ|km|phường|quận|lớp|mũi|hạng|đợt|top|covid|khối|chương|mục|trang|"
    r"nghị quyết|chỉ thị|kết luận|quy định|quyết định|hướng dẫn|kế hoạch|công văn|nghị định|"
    r"thông tư|đề án|version|phiên bản|cấp độ|F)|[#№])\s*$", re.IGNORECASE)
SUBJECT_STOP = re.compile(r"[;:()\n“”\"!?]|[,.](?!\d)|\s(?:và|với|trong đó|trong|đạt|so với|chiếm|của)\s")
MAX_SUBJECT_WORDS = 10


def parse_number(s: str) -> float:
    """A Vietnamese digit numeral as a float.

    >>> parse_number("2.108"), parse_number("99,9"), parse_number("13.675"), parse_number("1.234,5")
    (2108.0, 99.9, 13675.0, 1234.5)
    >>> parse_number("8,692,052"), parse_number("09"), parse_number("1.5")
    (8692052.0, 9.0, 1.5)
    """
    if "," in s and "." in s:
        return float(s.replace(".", "").replace(",", "."))
    if "." in s:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return float(s.replace(".", ""))
        return float(s) if len(groups) == 2 else float(s.replace(".", ""))
    if "," in s:
        groups = s.split(",")
        if len(groups) > 2 and all(len(g) == 3 for g in groups[1:]):
            return float(s.replace(",", ""))  # "8,692,052": English grouping
        return float(s.replace(",", ".")) if len(groups) == 2 else float(s.replace(",", ""))
    return float(s)


def _unit_at(text: str, pos: int, end: int) -> tuple[int, str] | None:
    """The counted thing starting at text[pos:]; returns (end offset, unit) or None."""
    m = PERCENT.match(text, pos, end)
    if m:
        return m.end(), "%"
    m = GLUED.match(text, pos, end)
    if m:
        return m.end(), m.group(0)
    scale = SCALE.match(text, pos, end)
    unit_prefix, at = "", pos
    if scale:
        unit_prefix, at = scale.group(1), scale.end()
        if at < end and text[at] == " ":
            nxt = re.match(r" (đồng|USD|người|lượt|tấn|ha|liều|hộ)\b", text[at:end])
            if nxt:
                return at + nxt.end(), f"{unit_prefix} {nxt.group(1)}"
        return at, unit_prefix
    if at < end and text[at] == " ":
        at += 1
    rest = text[at:min(end, at + 60)]
    if not rest or not (rest[0].isalpha() and (rest[0].islower() or rest.startswith("USD"))):
        return None
    for unit in words("measure_units.txt"):
        if rest.startswith(unit) and (len(rest) == len(unit) or not rest[len(unit)].isalpha()):
            return at + len(unit), unit
    spans = word_spans(rest)
    if not spans:
        return None
    s, e = spans[0]
    unit = rest[s:e]
    if not unit[0].isalpha() or not unit[0].islower():
        return None
    if unit in words("not_units.txt") or unit.split()[0] in words("not_units.txt"):
        return None
    return at + e, unit


def _subject_after(text: str, pos: int, end: int) -> str:
    m = SUBJECT_STOP.search(text, pos, end)
    stop = m.start() if m else end
    return " ".join(text[pos:stop].split()[:MAX_SUBJECT_WORDS])


def _subject_before(text: str, pos: int, floor: int) -> str:
    chunk = text[floor:pos]
    parts = re.split(r"[,;:.()\n“”\"]|\s(?:và|với)\s", chunk)
    words_ = parts[-1].split() if parts else []
    words_ = [w for w in words_ if w.lower() not in QUALIFIERS
              and w.lower() not in ("đạt", "là", "ở", "mức", "chiếm", "bằng")]
    return " ".join(words_[-MAX_SUBJECT_WORDS:])


def find_indicators(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int, Indicator]]:
    """Indicators in text[start:end] as (norm start, norm end, Indicator with a dummy span)."""
    out = []
    for m in NUMBER.finditer(text, start, end):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        before = text[max(start, m.start() - 25):m.start()]
        if NOT_AFTER.search(before):
            continue
        prev_word = re.search(r"([^\W\d_]+)\s*$", before)
        if prev_word and prev_word.group(1)[0].isupper() and not QUALIFIER.search(before):
            continue  # "Quân khu 4", "Vùng 1": a number inside a name
        raw = m.group(1)
        try:
            value = parse_number(raw)
        except ValueError:
            continue
        unit = _unit_at(text, m.end(), end)
        if unit is None:
            continue
        unit_end, unit_name = unit
        if unit_name != "%" and not m.group(2) and value == int(value) and 1945 <= value <= 2100 \
                and "." not in raw and unit_name not in words("measure_units.txt"):
            continue  # a year ("nhiệm kỳ 2020 - 2025 đề ra"), not a count
        q = QUALIFIER.search(before)
        qualifier, span_start = "exact", m.start()
        if q:
            qualifier = QUALIFIERS[q.group("q").lower()]
            span_start = m.start() - (len(before) - q.start("q"))
        if unit_name == "%":
            after = _subject_after(text, unit_end, end).strip()
            subject = after if after and after[0].islower() else _subject_before(text, span_start, start)
        else:
            subject = _subject_after(text, m.end() + (1 if text[m.end():m.end() + 1] == " " else 0), end)
        ind = Indicator(span=Span(start=0, end=0, text=""), value=value, unit=unit_name,
                        qualifier=qualifier, subject=subject or unit_name, category=None)
        out.append((span_start, unit_end, ind))
    return out


def extract_indicators(doc: Document, blocked: list[tuple[int, int]]) -> list[Indicator]:
    """Indicators in the content blocks; `blocked` are normalised ranges already taken by dates
    and document references."""
    out = []
    for _, block in doc.content_blocks():
        for s, e, ind in find_indicators(doc.text, block.start, block.end, blocked):
            out.append(ind.model_copy(update={"span": Span(**doc.span(s, e))}))
    return out
