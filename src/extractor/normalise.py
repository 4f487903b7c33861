"""Normalise Vietnamese text while keeping a map back to every source character.

What changes: Unicode NFC (Windows-1258 style decomposed marks compose), old-style tone
placement on "oa/oe/uy" ("hoà" → "hòa", "Uỷ" → "Ủy"), non-breaking and odd spaces, runs of
spaces/tabs collapsed to one, and digits glued to a following lowercase word split apart
("09lớp" → "09 lớp"). Newlines are kept, since paragraphs are lines. Each output character
records the source range it came from (`NormText`), so spans found on the normalised text are
mapped back exactly.
"""
from __future__ import annotations

import unicodedata

from .document import NormText

# Old-style tone placement → new style: the tone moves from the second vowel to the first.
# Both spellings are correct Vietnamese; the unified form makes lexicon matching reliable.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_OLD_STYLE_PAIRS = {"oa": "oa", "oe": "oe", "uy": "uy"}

_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\t", "\u3000"}
_DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}


def _retone_table() -> dict[str, str]:
    """Map two-letter old-style spellings (NFC) to the new style, e.g. "uỷ" → "ủy"."""
    table: dict[str, str] = {}
    for pair in _OLD_STYLE_PAIRS:
        for first_upper in (False, True):
            a, b = pair[0], pair[1]
            if first_upper:
                a = a.upper()
            for tone in _TONES:
                old = unicodedata.normalize("NFC", a + b + tone)
                new = unicodedata.normalize("NFC", a + tone + b)
                table[old] = new
                # All-caps words ("UỶ BAN") keep their caps.
                table[old.upper()] = new.upper()
    return table


_RETONE = _retone_table()


def _is_word_char(ch: str) -> bool:
    return ch.isalpha()


def _is_vowel_or_q(ch: str) -> bool:
    """A letter before "oa/oe/uy" that makes it part of a longer vowel group ("quý", "ngoài")."""
    base = unicodedata.normalize("NFD", ch.lower())[:1]
    return base in "aeiouyq"


def normalise(source: str) -> NormText:
    """Return the normalised text and its offset map (see module docstring)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(source)
    i = 0
    while i < n:
        ch = source[i]
        # A base character with its combining marks is one cluster; NFC it as a unit.
        j = i + 1
        while j < n and unicodedata.combining(source[j]):
            j += 1
        if ch in _DROP:
            i = j
            continue
        if ch in _SPACES or ch == " ":
            # Collapse runs of horizontal space into one.
            if out and out[-1] == " ":
                ends[-1] = j
            else:
                out.append(" ")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        if ch == "\r":
            if j < n and source[j] == "\n":
                j += 1
            out.append("\n")
            starts.append(i)
            ends.append(j)
            i = j
            continue
        cluster = source[i:j]
        composed = unicodedata.normalize("NFC", cluster) if (j - i > 1 or not cluster.isascii()) else cluster
        for c in composed:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    text = "".join(out)

    # Second pass, length-preserving or inserting: tone placement and glued digits.
    final: list[str] = []
    fs: list[int] = []
    fe: list[int] = []
    m = len(text)
    k = 0
    while k < m:
        two = text[k:k + 2]
        if len(two) == 2 and two in _RETONE and (k + 2 >= m or not _is_word_char(text[k + 2])) \
                and (k == 0 or not _is_vowel_or_q(text[k - 1])):
            # "hoà", "thuỷ", "Uỷ": the pair ends the syllable. A pair inside a longer syllable
            # ("quyển", "khoẻo") is left alone.
            new = _RETONE[two]
            for c_i, c in enumerate(new):
                final.append(c)
                fs.append(starts[k + c_i])
                fe.append(ends[k + c_i])
            k += 2
            continue
        c = text[k]
        final.append(c)
        fs.append(starts[k])
        fe.append(ends[k])
        if c.isdigit() and k + 1 < m and text[k + 1].isalpha() and text[k + 1].islower() \
                and _glued_word(text, k + 1):
            final.append(" ")
            fs.append(ends[k])
            fe.append(ends[k])
        k += 1
    return NormText("".join(final), fs, fe)


def _glued_word(text: str, k: int) -> bool:
    """True when text[k:] starts a Vietnamese word of two or more letters ("lớp", not "h" in 15h)."""
    e = k
    while e < len(text) and text[e].isalpha():
        e += 1
    word = text[k:e]
    return len(word) >= 2 and word not in {"km", "ha", "kg", "ml", "mm", "cm", "st", "nd", "rd", "th"}


def fold(text: str) -> str:
    """A comparison key: NFC, tone placement unified, lower case, single spaces."""
    return " ".join(normalise(text).text.lower().split())
