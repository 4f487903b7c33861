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
TAIL_LOWER = frozenset({"tỉnh", "huyện", "xã", "quận", "phường", "nước", "tại", "khóa"})
LOCALITY = frozenset({"tỉnh", "huyện", "xã", "quận", "phường"})
# Capitalised words that begin another unit: "và" before them joins two units, not one name.
UNIT_WORDS = frozenset({"Ban", "Sở", "Bộ", "Phòng", "Hội", "Đoàn", "Cục", "Viện", "Trung", "Ủy", "Đảng",
                        "Công", "Báo", "Đài", "Trường", "Bệnh"})
TAIL_LOWER_PAIRS = frozenset({("nhân", "dân"), ("thành", "phố"), ("thị", "xã"), ("thị", "trấn"),
                              ("thường", "trực"), ("quốc", "gia"), ("cơ", "sở")})
FUNCTION_WORDS = frozenset({"và", "của", "cho", "với", "tại", "về", "ở", "theo", "các", "những",
                            "trong", "cùng", "đến", "từ", "là", "đã", "sẽ", "được", "có", "do"})
# Second syllables that end a capitalised word ("Tỉnh ủy", "Trung ương") even before a verb.
COMPOUND_END = frozenset({"ủy", "ương"})
MAX_TAIL = 20
# Capitalised words that start a sentence or phrase after a name, never part of it.
NAME_STOP = frozenset({"Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Hôm", "Theo", "Tại", "Trong", "Thứ",
                       "Tháng", "Từ", "Đến", "Sau", "Trước", "Khi", "Với", "Và", "Cùng", "Dịp",
                       "Qua", "Ông", "Bà", "Tỉnh", "Huyện", "Xã"})


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


@lru_cache(maxsize=None)
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:  # already longest first
        index.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def match_phrase(tokens: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the longest lexicon phrase starting at tokens[i] (0 if none)."""
    if i >= len(tokens):
        return 0
    for p in _by_first_word(phrases).get(tokens[i].text.lower(), ()):
        n = len(p)
        if i + n <= len(tokens) and all(tokens[i + k].text.lower() == p[k] for k in range(1, n)):
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
            and tokens[i + n].text not in NAME_STOP \
            and not (tokens[i + n].text == "Nhân" and i + n + 1 < len(tokens)
                     and tokens[i + n + 1].text in ("dịp", "kỷ", "ngày")) \
            and tokens[i + n].start == tokens[i + n - 1].end + 1 \
            and not title_head(tokens, i + n) and not unit_head(tokens, i + n):
        n += 1
    if n < 2:
        return 0
    blocked = match_phrase(tokens, i, not_names())
    if blocked:
        return 0
    return n


class WordIndex:
    """Which neighbouring syllables underthesea's segmenter puts in one word, for one sentence.

    Used to tell "Tuyên giáo" (one word: the tail goes on) from "Thái Nguyên đã" (a verb
    follows: the tail stops). Segmented lazily: most sentences never ask.
    """

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self._ends: dict[int, int] | None = None

    def same_word(self, a: Token, b: Token) -> bool:
        if self._ends is None:
            from ..segment import word_spans

            self._ends = {}
            for s, e in word_spans(self.text[self.start:self.end]):
                for k in range(s, e):
                    self._ends[self.start + k] = self.start + e
        return self._ends.get(a.start) is not None and self._ends.get(a.start) == self._ends.get(b.start)


def org_tail(tokens: list[Token], i: int, words: WordIndex | None = None, stop_at_titles: bool = True,
             open_head: bool = True) -> int:
    """Index after the organisation words starting at tokens[i] (== i when there are none).

    Takes capitalised words (each with at most one lower-case syllable of the same word),
    locality words and the place after them ("tỉnh Bình Định", "quận Bắc Từ Liêm"), a joining
    "và" inside a name ("Giáo dục và Đào tạo"), and, right after a head, a short lower-case
    run that leads to a capitalised word ("Trưởng ban dân vận Huyện ủy"). `open_head` says the
    head wants words after it ("Trung tâm", "Sở"); a complete head ("Tỉnh ủy") takes no
    lower-case run, so "Tỉnh ủy kiện toàn BCĐ" stops after "Tỉnh ủy".
    """
    j = i
    # The head's last word ("Trưởng ban" + "Tuyên giáo") counts only when capitalised.
    prev_cap = i > 0 and tokens[i - 1].is_cap
    lower_run = 0
    at_head_end = open_head
    while j < len(tokens) and j - i < MAX_TAIL:
        t = tokens[j]
        if j > i and t.start > tokens[j - 1].end + 1:
            break  # a line break or double gap
        if t.is_word and t.text in TAIL_LOWER:
            j += 1
            k = 0  # the place after a locality word ("quận Bắc Từ Liêm"), unless it is a person
            while not person_name(tokens, j) and k < 4 and j < len(tokens) and _name_syllable(tokens[j]) and not unit_head(tokens, j) \
                    and not title_head(tokens, j) and tokens[j].start == tokens[j - 1].end + 1:
                j += 1
                k += 1
            prev_cap, lower_run, at_head_end = k > 0, 0, False
            continue
        if person_name(tokens, j):
            break
        if stop_at_titles and j > i and title_head(tokens, j):
            break
        h = unit_head(tokens, j) if j > i and t.is_cap else 0
        if h:
            open_inner = unit_heads()[tuple(x.text.lower() for x in tokens[j:j + h])][0]
            j += h
            prev_cap, lower_run, at_head_end = tokens[j - 1].is_cap, 0, open_inner
            continue
        c = match_phrase(tokens, j, _phrase_set("org_connectors.txt")) if not t.is_cap else 0
        if c and j + c < len(tokens) and tokens[j + c].is_cap and tokens[j + c].is_word \
                and not person_name(tokens, j + c):
            j += c  # "Đảng ủy cơ quan Tạp chí Cộng sản", "Ban Chỉ đạo … của Bộ Chính trị"
            prev_cap, lower_run, at_head_end = False, 0, False
            continue
        if t.text == "số" and j + 1 < len(tokens) and tokens[j + 1].is_num and j > i:
            j += 2  # "Đoàn Kiểm tra số 471"
            continue
        if t.is_word and t.text[0].isupper():
            j += 1
            prev_cap, lower_run, at_head_end = True, 0, False
            continue
        if t.is_word and j + 1 < len(tokens) and (t.text, tokens[j + 1].text) in TAIL_LOWER_PAIRS:
            j += 2
            prev_cap, lower_run, at_head_end = False, 2, False
            continue
        if t.is_word and prev_cap and lower_run == 0 and _compound(tokens, j, words):
            j += 1
            prev_cap, lower_run, at_head_end = False, 1, False
            continue
        if at_head_end and t.is_word:
            run = _lower_run(tokens, j)
            if run:
                j += run
                prev_cap, lower_run, at_head_end = False, run, False
                continue
        if t.is_word and lower_run == 1 and j >= 2 and tokens[j - 2].is_cap \
                and tokens[j - 1].text not in COMPOUND_END:
            # "Trung tâm Kiểm soát bệnh tật tỉnh Hải Dương": a lower-case run inside a name
            # reaches a locality word.
            run = _lower_run(tokens, j, locality_only=True)
            if run:
                j += run
                prev_cap, lower_run = False, run
                continue
        if t.text in "-–" and j > i and not tokens[j - 1].is_cap and j + 2 < len(tokens) \
                and tokens[j + 1].is_cap and tokens[j + 1].is_word and not tokens[j + 2].is_cap \
                and not title_head(tokens, j + 1) and not unit_head(tokens, j + 1) \
                and not person_name(tokens, j + 1):
            j += 1  # "Văn hóa - Thể thao", "Thông tin - Truyền thông"
            continue
        if t.is_word and t.text == "và" and 0 < j and not tokens[j - 1].is_cap \
                and j + 1 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 1].is_word \
                and not unit_head(tokens, j + 1) and not title_head(tokens, j + 1) \
                and not person_name(tokens, j + 1) and tokens[j + 1].text not in UNIT_WORDS \
                and not match_phrase(tokens, j + 1, _phrase_set("document_kinds.txt")):
            j += 1
            continue
        if t.is_num and j > i and tokens[j - 1].text.lower() in ("khóa", "số", "quận", "vùng"):
            j += 1
            continue
        break
    # Do not end on a joining word.
    while j > i and tokens[j - 1].text in ("và", "-", "–", "tại"):
        j -= 1
    return j


def _lower_run(tokens: list[Token], j: int, locality_only: bool = False) -> int:
    """Length of a run of 1-4 lower-case words at tokens[j] that ends right before a locality
    word ("phát triển quỹ đất thành phố") or, unless `locality_only`, a unit head or an
    abbreviation ("dân vận Huyện ủy"); 0 otherwise."""
    k = j
    while k < len(tokens) and k - j < 4 and tokens[k].is_word and not tokens[k].is_cap \
            and tokens[k].text not in FUNCTION_WORDS and tokens[k].text not in TAIL_LOWER:
        k += 1
    if k == j or k >= len(tokens):
        return 0
    nxt = tokens[k]
    if nxt.start != tokens[k - 1].end + 1:
        return 0
    if nxt.text in LOCALITY or (k + 1 < len(tokens) and (nxt.text, tokens[k + 1].text) in TAIL_LOWER_PAIRS
                                and nxt.text in ("thành", "thị")):
        return k - j
    if not locality_only and nxt.is_word and nxt.is_cap and (unit_head(tokens, k) or nxt.text.isupper()):
        return k - j
    return 0


def _compound(tokens: list[Token], j: int, words: WordIndex | None) -> bool:
    """Is lower-case tokens[j] the second syllable of the capitalised word before it?"""
    t = tokens[j]
    if t.text in COMPOUND_END:
        return True
    if t.text in FUNCTION_WORDS:
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and nxt.is_cap and nxt.start == t.end + 1 \
            and not unit_head(tokens, j + 1) and not title_head(tokens, j + 1):
        return True  # "Tuyên giáo Tỉnh ủy": a capitalised word follows, still inside the name
    return words is not None and words.same_word(tokens[j - 1], t)
