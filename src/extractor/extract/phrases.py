"""Shared phrase rules for officials and units: person names, lexicon heads, organisation tails.

Vietnamese news writes organisations as a head ("Ban Tuyên giáo", "Ủy ban nhân dân", "Trưởng
ban") followed by capitalised words, each possibly with one lower-case syllable of the same
word ("Tuyên giáo", "Tỉnh ủy"), and a few lower-case locality words ("tỉnh", "huyện", "nhân
dân"). `org_tail` takes those words and stops at a verb, a separator or a person's name.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicons import table, words
from .tokens import Token

# Lower-case words that continue an organisation name ("Chủ tịch UBND tỉnh", "Ủy ban nhân dân").
TAIL_LOWER = frozenset({"tỉnh", "huyện", "thành", "phố", "thị", "xã", "quận", "phường", "trấn",
                        "nhân", "dân", "thường", "trực", "nước", "tại", "khóa", "cấp", "đảng",
                        "cơ", "sở", "quốc", "gia", "đội", "vụ", "ban"})
MAX_TAIL = 20
HONORIFICS = frozenset({"đồng chí", "ông", "bà", "anh", "chị", "các đồng chí"})


@lru_cache(maxsize=None)
def _phrase_set(name: str) -> tuple[tuple[str, ...], ...]:
    """Lexicon entries as lower-cased word tuples, longest first."""
    entries = [tuple(w.lower() for w in e.split()) for e in words(name)]
    return tuple(sorted(set(entries), key=len, reverse=True))


@lru_cache(maxsize=None)
def unit_heads() -> dict[tuple[str, ...], tuple[bool, str]]:
    return {tuple(w.lower() for w in h.split()): (need == "1", level) for h, need, level in table("unit_heads.tsv")}


@lru_cache(maxsize=None)
def _unit_head_keys() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(unit_heads(), key=len, reverse=True))


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(words("surnames.txt"))


@lru_cache(maxsize=None)
def not_names() -> tuple[tuple[str, ...], ...]:
    return _phrase_set("not_names.txt")


def match_phrase(tokens: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the longest lexicon phrase starting at tokens[i] (0 if none)."""
    for p in phrases:
        n = len(p)
        if i + n <= len(tokens) and all(tokens[i + k].text.lower() == p[k] for k in range(n)):
            return n
    return 0


def title_head(tokens: list[Token], i: int) -> int:
    return match_phrase(tokens, i, _phrase_set("titles.txt"))


def title_prefix(tokens: list[Token], i: int) -> int:
    return match_phrase(tokens, i, _phrase_set("title_prefixes.txt"))


def rank(tokens: list[Token], i: int) -> int:
    return match_phrase(tokens, i, _phrase_set("ranks.txt"))


def unit_head(tokens: list[Token], i: int) -> int:
    return match_phrase(tokens, i, _unit_head_keys())


def _name_syllable(t: Token) -> bool:
    s = t.text
    return t.is_word and s[0].isupper() and (len(s) == 1 or s[1:].islower()) and len(s) <= 7


def person_name(tokens: list[Token], i: int, after_honorific: bool = False) -> int:
    """Length of a person's name starting at tokens[i] (0 if none).

    A name is 2-4 capitalised syllables starting with a family name from the lexicon (or any
    capitalised syllable right after "đồng chí"/"ông"/"bà"), not a known place, and not running
    into a position ("… Hưng Phó Bí thư" stops before "Phó").
    """
    if i >= len(tokens) or not _name_syllable(tokens[i]):
        return 0
    if tokens[i].text not in surnames() and not after_honorific:
        return 0
    if title_head(tokens, i) or unit_head(tokens, i):
        return 0
    n = 1
    while n < 4 and i + n < len(tokens) and _name_syllable(tokens[i + n]) \
            and tokens[i + n].start == tokens[i + n - 1].end + 1 \
            and not title_head(tokens, i + n) and not unit_head(tokens, i + n):
        n += 1
    if n < 2:
        return 0
    blocked = match_phrase(tokens, i, not_names())
    if blocked:
        return 0
    return n


def org_tail(tokens: list[Token], i: int, stop_at_titles: bool = True) -> int:
    """Index after the organisation words starting at tokens[i] (== i when there are none)."""
    j = i
    prev_cap = True  # the head's last word counts as capitalised ("Trưởng ban" + "Tuyên giáo")
    lower_run = 0
    while j < len(tokens) and j - i < MAX_TAIL:
        t = tokens[j]
        if j > i and t.start > tokens[j - 1].end + 1:
            break  # a line break or double gap
        if person_name(tokens, j):
            break
        if stop_at_titles and j > i and title_head(tokens, j):
            break
        if t.is_word and t.text[0].isupper():
            j += 1
            prev_cap, lower_run = True, 0
            continue
        if t.is_word and (t.text in TAIL_LOWER or (prev_cap and lower_run == 0)):
            j += 1
            prev_cap = False
            lower_run += 1
            continue
        if t.is_word and t.text == "và" and j + 1 < len(tokens) and tokens[j + 1].is_cap \
                and not unit_head(tokens, j + 1) and not title_head(tokens, j + 1) \
                and not person_name(tokens, j + 1):
            j += 1
            continue
        if t.text in "-–" and j > i and j + 1 < len(tokens) and tokens[j + 1].is_cap \
                and not title_head(tokens, j + 1) and not person_name(tokens, j + 1):
            j += 1  # "Ban Văn hóa - Xã hội", "Lao động - Thương binh"
            continue
        if t.is_num and j > i and tokens[j - 1].text.lower() in ("khóa", "số", "quận", "vùng"):
            j += 1
            continue
        break
    # Do not end on a joining word.
    while j > i and tokens[j - 1].text in ("và", "-", "–", "tại"):
        j -= 1
    return j
