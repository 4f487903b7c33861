"""Party and state document references: "Chỉ thị số 35-CT/TW", "Quy định 101-QĐ/TW", "112-HD/BTGTU".

A reference needs a number or a code: named documents without one ("Nghị quyết Đại hội XIII")
are too vague to link to a document and are left out.
"""
from __future__ import annotations

import re

from ..document import Document
from ..schema import DocumentRef, Span

KINDS = ("Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Quyết định", "Hướng dẫn", "Kế hoạch",
         "Công văn", "Văn bản", "Nghị định", "Thông tư", "Thông báo", "Thông tri", "Quy chế",
         "Đề án", "Chương trình", "Báo cáo", "Luật", "Pháp lệnh", "Công điện", "Tờ trình")
# Code prefixes ("NQ" in "35-NQ/TW") name the kind when the text gives only the code.
CODE_KINDS = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
              "HD": "Hướng dẫn", "KH": "Kế hoạch", "CV": "Công văn", "NĐ": "Nghị định",
              "TT": "Thông tư", "TB": "Thông báo", "TTr": "Tờ trình", "QC": "Quy chế",
              "ĐA": "Đề án", "CTr": "Chương trình", "BC": "Báo cáo", "CĐ": "Công điện"}

_CODE = r"(?:\d{4}[-/])?[A-ZĐ][A-Za-zĐđ&]*(?:[-/][A-ZĐ][A-Za-zĐđ&]*)*"
_NUMBER = r"\d{1,5}"
_KIND_ALT = "|".join(KINDS)
# "Chỉ thị số 35-CT/TW", "Quy định 101-QĐ/TW", "Nghị định số 70/2012/NĐ-CP"; in lower case only
# with "số" ("văn bản số 253/SVH&TT-QLDT"), since "kế hoạch 6 tháng" is no reference.
WITH_KIND = re.compile(
    r"\b(?:(?P<kind>" + _KIND_ALT + r")(?:\s+(?:liên tịch|số))?\s+(?:số\s+)?"
    r"|(?P<lkind>(?i:" + _KIND_ALT + r"))\s+số\s+)"
    r"(?P<number>" + _NUMBER + r")(?:\s?[-/]\s?(?P<code>" + _CODE + r"|\d{4}))?(?![\d,.]\d)")
BARE_CODE = re.compile(r"(?<![\w/-])(?P<number>\d{1,5}(?:/\d{4})?)[-/](?P<code>(?P<prefix>[A-ZĐ][A-Za-zĐ]{0,3})"
                       r"[-/][A-ZĐ][A-Za-zĐ]*(?:[-/][A-ZĐ][A-Za-zĐ]*)*)(?![\w])")


def _kind_from_code(code: str) -> str | None:
    head = re.split(r"[-/]", code)[0]
    return CODE_KINDS.get(head) or CODE_KINDS.get(head.upper())


def extract_documents(doc: Document) -> tuple[list[DocumentRef], list[tuple[int, int]]]:
    """Distinct document references (first mention each) and every normalised range matched."""
    out: list[DocumentRef] = []
    ranges: list[tuple[int, int]] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    text = doc.text
    for _, block in doc.content_blocks():
        taken: list[tuple[int, int]] = []
        for m in WITH_KIND.finditer(text, block.start, block.end):
            kind = m["kind"] or m["lkind"][0].upper() + m["lkind"][1:].lower()
            number, code = m["number"], m["code"]
            if kind in ("Chương trình", "Báo cáo", "Văn bản", "Luật") and not code:
                continue  # "Chương trình 135", "báo cáo 6 tháng": not references without a code
            taken.append((m.start(), m.end()))
            ranges.append((m.start(), m.end()))
            key = (kind.split()[0], number, code)
            if key in seen:
                continue
            seen.add(key)
            out.append(DocumentRef(span=Span(**doc.span(m.start(), m.end())), kind=kind,
                                   number=number, code=code))
        for m in BARE_CODE.finditer(text, block.start, block.end):
            if any(s <= m.start() < e for s, e in taken):
                continue
            kind = _kind_from_code(m["code"])
            if kind is None:
                continue
            ranges.append((m.start(), m.end()))
            key = (kind.split()[0], m["number"], m["code"])
            if key in seen:
                continue
            seen.add(key)
            out.append(DocumentRef(span=Span(**doc.span(m.start(), m.end())), kind=kind,
                                   number=m["number"], code=m["code"]))
    return out, ranges
