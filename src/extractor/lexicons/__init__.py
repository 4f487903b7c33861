"""Lexicons kept as data files beside this module, loaded once and normalised like the text.

Why files: the people who know the genre (what a position is called, which words are page
chrome) can extend them without reading code.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..normalise import normalise

HERE = Path(__file__).parent


def _raw_lines(name: str) -> list[str]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _lines(name: str) -> list[str]:
    return [normalise(line).text for line in _raw_lines(name)]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """A one-entry-a-line lexicon, longest entries first (for longest-match scanning)."""
    return tuple(sorted(dict.fromkeys(_lines(name)), key=len, reverse=True))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated lexicon."""
    return tuple(tuple(normalise(col.strip()).text for col in line.split("\t")) for line in _raw_lines(name))


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _lines(name))


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    return {a: b for a, b in table("abbreviations.tsv")}


def expand_abbreviations(text: str) -> str:
    """Replace whole-word abbreviations ("UBND tỉnh" → "Ủy ban nhân dân tỉnh")."""
    abbr = abbreviations()

    def repl(m: re.Match[str]) -> str:
        return abbr.get(m.group(0), m.group(0))

    return re.sub(r"(?<![^\W\d_])[A-ZĐƯ]{1,5}(?:[&.-]?[A-ZĐƯ]{1,5})+(?![^\W\d_])", repl, text)
