"""Tasks: items of explicit lists of tasks, solutions or directions.

Three list shapes, tried in this order on the content blocks:
1. Ordinal words: "Một là, …", "Hai là, …" (also "Thứ nhất, …"), one item per marker, an item
   running to the next marker or the end of its paragraph.
2. Numbered or bulleted paragraphs, and "(1) … (2) …" inside a paragraph, ("1.", "2)", "a)", "-", "+", "•") after a paragraph that
   announces tasks (ends with ":" or speaks of nhiệm vụ/giải pháp/phương hướng).
3. An announcing sentence ending in ":" ("đề ra một số nhiệm vụ trọng tâm:") followed, in the same
   paragraph, by the items: one per sentence (or per ";" when the paragraph uses them).
"""
from __future__ import annotations

import re

from ..document import Document
from ..schema import Span, Task

ORDINALS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
ORDINAL_MARK = re.compile(r"(?:(?<=^)|(?<=[\s.;:]))(?P<m>(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là)\s*[,:]?\s*")
THU_MARK = re.compile(r"(?:(?<=^)|(?<=[\s.;:]))(?P<m>Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:]\s*")
BULLET = re.compile(r"(?P<m>\d{1,2}[.)]|[a-zđ][.)]|\(\d{1,2}\)|[-+•*–])\s+")
TASK_WORDS = re.compile(r"nhiệm vụ|giải pháp|phương hướng|yêu cầu|đề nghị|chỉ tiêu|nội dung trọng tâm|"
                        r"trọng tâm|định hướng|biện pháp|tập trung", re.IGNORECASE)
# A list of targets for the coming period ("phấn đấu … các chỉ tiêu, cụ thể: A; B") is a task
# list too (docs/ANNOTATION.md); its figures are also indicators.
ANNOUNCE = re.compile(r"(?:nhiệm vụ|giải pháp|phương hướng|chỉ tiêu|biện pháp|định hướng|chương trình hành động)"
                      r"[^.:;]{0,80}:\s",
                      re.IGNORECASE)
INLINE_NUMBER = re.compile(r"(?:(?<=^)|(?<=[\s:;.]))(?P<m>\((?P<n>\d{1,2})\))\s*")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ])")


def _task(doc: Document, index: int, marker: str | None, start: int, end: int) -> Task | None:
    text = doc.text
    while end > start and text[end - 1] in " ;,":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    if end - start < 10:
        return None
    span = Span(**doc.span(start, end))
    return Task(index=index, marker=marker, text=span.text, span=span)


def _ordinal_items(doc: Document, blocks) -> list[Task]:
    """Ordinal-word lists; a list restarts at "Một là"/"Thứ nhất"."""
    out: list[Task] = []
    text = doc.text
    for rx in (ORDINAL_MARK, THU_MARK):
        marks = []
        for _, b in blocks:
            found = list(rx.finditer(text, b.start, b.end))
            for k, m in enumerate(found):
                end = found[k + 1].start() if k + 1 < len(found) else b.end
                marks.append((m, end))
        items: list[Task] = []
        expected = 0
        for m, end in marks:
            word = m["m"].split()[-1 if rx is THU_MARK else 0].lower()
            n = (ORDINALS.index(word) + 1) if rx is ORDINAL_MARK else \
                ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"].index(word) + 1
            if n == 1:
                expected = 1
            if n != expected:
                continue
            t = _task(doc, n, m["m"], m.end(), end)
            if t:
                items.append(t)
            expected += 1
        if len(items) >= 2:
            out += items
    return out


def _bullet_items(doc: Document, blocks) -> list[Task]:
    out: list[Task] = []
    text = doc.text
    k = 0
    while k < len(blocks):
        _, b = blocks[k]
        para = text[b.start:b.end]
        if not (para.rstrip().endswith(":") and TASK_WORDS.search(para)):
            k += 1
            continue
        items: list[Task] = []
        j = k + 1
        while j < len(blocks):
            _, ib = blocks[j]
            m = BULLET.match(text, ib.start, ib.end)
            if not m:
                break
            t = _task(doc, len(items) + 1, m["m"], m.end(), ib.end)
            if t:
                items.append(t)
            j += 1
        if len(items) >= 2:
            out += items
        k = max(j, k + 1)
    return out


def _inline_numbered(doc: Document, blocks) -> list[Task]:
    """"(1) … (2) … (3) …" inside a paragraph (often nested in an ordinal item)."""
    out: list[Task] = []
    text = doc.text
    for _, b in blocks:
        marks = [m for m in INLINE_NUMBER.finditer(text, b.start, b.end)]
        run: list[re.Match] = []
        for m in marks + [None]:
            if m is not None and int(m["n"]) == len(run) + 1:
                run.append(m)
                continue
            if len(run) >= 2:
                for k, r in enumerate(run):
                    if k + 1 < len(run):
                        end = run[k + 1].start()
                    else:  # the last item ends where the enclosing list goes on, or with the paragraph
                        nxt = ORDINAL_MARK.search(text, r.end(), b.end)
                        end = nxt.start() if nxt else b.end
                    t = _task(doc, k + 1, r["m"], r.end(), end)
                    if t:
                        out.append(t)
            run = [m] if m is not None and m["n"] == "1" else []
    return out


def _announced_items(doc: Document, blocks) -> list[Task]:
    out: list[Task] = []
    text = doc.text
    for _, b in blocks:
        m = ANNOUNCE.search(text, b.start, b.end)
        if not m:
            continue
        start = m.end()
        body = text[start:b.end]
        if body.count(";") >= 2:
            cuts = [c.end() for c in re.finditer(r";\s*", body)]
        else:
            cuts = [c.end() for c in SENTENCE_END.finditer(body)]
        bounds = [0] + cuts + [len(body)]
        items = []
        for s, e in zip(bounds, bounds[1:]):
            t = _task(doc, len(items) + 1, None, start + s, start + e)
            if t:
                items.append(t)
        if len(items) >= 2:
            out += items
    return out


def extract_tasks(doc: Document) -> list[Task]:
    blocks = doc.content_blocks()
    tasks = _ordinal_items(doc, blocks) + _bullet_items(doc, blocks) + _inline_numbered(doc, blocks)
    taken = [(t.span.start, t.span.end) for t in tasks]
    for t in _announced_items(doc, blocks):
        if not any(s < t.span.end and t.span.start < e for s, e in taken):
            tasks.append(t)
    return tasks
