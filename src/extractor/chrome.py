"""Stage 3: split the normalised text into blocks and mark page chrome.

Pages saved from party and government portals carry, around the article: the page's "today"
clock, breadcrumbs, visitor and view counters, "Bài viết khác" link lists, document sidebars,
licence and address footers. Rules, in order (each block keeps the reason it was marked):

1. Line patterns (lexicons/chrome_lines.txt): counters, login prompts, breadcrumbs, footers.
2. A tail marker line ("Bài viết khác", "Tin liên quan", lexicons/chrome_tail_markers.txt) or a
   byline line ("Tác giả: …") ends the article: every block after it is chrome.
3. Menus: a run of four or more short lines with no sentence punctuation.
4. The page clock: a "Thứ …, ngày d tháng m năm y" line at the top of the page when a post
   date line follows it.
5. A paragraph equal to an earlier one (a repeated lead or caption) is a duplicate.
"""
from __future__ import annotations

import re

from .document import Block, Document
from .lexicons import patterns, words

BYLINE = re.compile(r"^\s*(tác giả( bài viết)?|bài và ảnh|tin,? ảnh|nguồn)\s*:", re.IGNORECASE)
MENU_RUN = 4            # this many short lines in a row are a menu
SHORT_LINE_WORDS = 6    # a menu item is at most this many words
CLOCK = re.compile(r"^thứ\s+\w+\s*,?\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
POST_DATE = re.compile(
    r"^(?:(?:đăng|cập nhật|ngày đăng)[^:\n]{0,20}:\s*|thứ\s+\w+\s*[-,]\s*)?\d{1,2}[/-]\d{1,2}[/-]\d{4}",
    re.IGNORECASE)
HEADER_SCAN = 8         # the post date line and title are among the first lines


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        while s < e and text[s] == " ":
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _is_short(line: str) -> bool:
    return len(line.split()) <= SHORT_LINE_WORDS and not re.search(r"[.!?:;…]$", line)


def is_post_date_line(line: str) -> bool:
    """A line that says when the page was posted ("Đăng ngày: 15/01/2021", "Thứ hai - 10/01/2022")."""
    return bool(POST_DATE.match(line)) and len(line) < 120


def mark_blocks(doc: Document) -> None:
    """Fill `doc.blocks` with every non-empty line, each classified (see module docstring)."""
    text = doc.text
    lines = _lines(text)
    kinds = ["content"] * len(lines)
    reasons = [""] * len(lines)
    line_rx = patterns("chrome_lines.txt")
    tails = set(words("chrome_tail_markers.txt"))

    # The post date line comes first: it often carries a view counter ("| Lượt xem: 143").
    post_line = next((k for k in range(min(HEADER_SCAN, len(lines)))
                      if is_post_date_line(text[lines[k][0]:lines[k][1]])), None)
    for i, (s, e) in enumerate(lines):
        if i == post_line:
            continue
        line = text[s:e]
        low = line.lower().rstrip(" :")
        if low in tails or BYLINE.match(line):
            # A byline is itself metadata; what follows a byline or a tail marker is chrome.
            kinds[i] = "header" if BYLINE.match(line) else "chrome"
            reasons[i] = "byline" if BYLINE.match(line) else "tail marker"
            for j in range(i + 1, len(lines)):
                kinds[j], reasons[j] = "chrome", "after end of article"
            break
        if any(rx.search(line) for rx in line_rx):
            kinds[i], reasons[i] = "chrome", "chrome line"

    # Menus: runs of short lines without sentence punctuation.
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j != post_line and kinds[j] != "header" and _is_short(text[lines[j][0]:lines[j][1]]):
            j += 1
        if j - i >= MENU_RUN:
            for k in range(i, j):
                if kinds[k] == "content":
                    kinds[k], reasons[k] = "chrome", "menu"
        i = max(j, i + 1)

    # Header: the post date line, the clock above it.
    post = [post_line] if post_line is not None else []
    for k in post:
        kinds[k], reasons[k] = "header", "post date"
    for k in range(min(HEADER_SCAN, len(lines))):
        if CLOCK.match(text[lines[k][0]:lines[k][1]]) and kinds[k] == "content" and (not post or k < post[0]):
            kinds[k], reasons[k] = "chrome", "page clock"

    seen: set[str] = set()
    for i, (s, e) in enumerate(lines):
        if kinds[i] != "content":
            continue
        key = text[s:e]
        if len(key) > 30 and key in seen:
            kinds[i], reasons[i] = "duplicate", "repeats an earlier paragraph"
        seen.add(key)
    doc.blocks = [Block(s, e, k, r) for (s, e), k, r in zip(lines, kinds, reasons)]
