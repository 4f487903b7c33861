"""Tokens and sentences for the NER model, always as character offsets.

Tokens are syllables (Vietnamese writes one syllable per space-separated unit) with punctuation
split off: spaCy's multi-language tokenizer plus dashes as prefixes/suffixes, so "Dũng,",
"10/01/2022," and "Văn hóa- Thể thao" do not keep punctuation glued to a syllable. Numbers with
inner separators ("10/01/2022", "2.108", "99,9") and codes ("TP.HCM") stay one token.
"""
from __future__ import annotations

import re
from functools import lru_cache

DASHES = ("-", "–", "—")


def make_nlp():
    """A blank spaCy pipeline with the project's tokenizer (the trained model stores the same
    rules in its `tokenizer/` folder, so loading it needs nothing from here)."""
    import spacy
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("xx")
    prefixes = list(nlp.Defaults.prefixes) + [re.escape(d) for d in DASHES]
    suffixes = list(nlp.Defaults.suffixes) + [re.escape(d) for d in DASHES]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp


@lru_cache(maxsize=1)
def tokenizer():
    return make_nlp().tokenizer


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token of `text`."""
    return [(t.idx, t.idx + len(t.text)) for t in tokenizer()(text)]


# A sentence ends at . ! ? … followed by space and a capital, a digit or an opening quote, unless
# the word before the stop is a short all-caps abbreviation ("TP. Hồ Chí Minh", "Đ/c.").
_STOP = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-ZĐÀ-ỸẠ-Ỹ0-9])")
_ABBR = re.compile(r"(?:^|\s)(?:[A-ZĐ]{1,3}|[A-ZĐ][a-zđ]{0,2}|\S*/\S*)$")
MAX_SENTENCE = 300  # characters: longer lines are cut into sentences


def segments(text: str, start: int = 0, end: int | None = None,
             protected: list[tuple[int, int]] = (), max_len: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Split text[start:end] into lines, and lines longer than `max_len` into sentences; never
    inside a protected span (an entity). Returns stripped (start, end) pairs, none empty."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        pieces = [(ls, le)]
        if le - ls > max_len:
            pieces, cur = [], ls
            for m in _STOP.finditer(text, ls, le):
                cut = m.end()
                if cut - cur < 40:
                    continue
                if _ABBR.search(text[cur:m.start()]):
                    continue
                if any(s < cut < e for s, e in protected):
                    continue
                pieces.append((cur, cut))
                cur = cut
            pieces.append((cur, le))
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out
