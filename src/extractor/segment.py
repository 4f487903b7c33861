"""Stage 4: sentences and words as spans of the normalised text.

underthesea's `sent_tokenize` does not split on line breaks and returns strings, not offsets,
so it runs per block (a line) and each returned sentence is found again in the block to recover
its offsets. `word_spans` does the same for `word_tokenize`, which re-joins syllables with spaces.
"""
from __future__ import annotations

from functools import lru_cache

from .document import Document, Sentence


def split_sentences(doc: Document) -> None:
    """Fill `doc.sentences` for content and header blocks."""
    from underthesea import sent_tokenize

    out: list[Sentence] = []
    for bi, block in enumerate(doc.blocks):
        if block.kind not in ("content", "header"):
            continue
        text = doc.text[block.start:block.end]
        pos = 0
        for sent in sent_tokenize(text):
            sent = sent.strip()
            if not sent:
                continue
            at = text.find(sent, pos)
            if at < 0:  # sent_tokenize changed the characters: keep the rest as one sentence
                out.append(Sentence(block.start + pos, block.end, bi))
                pos = len(text)
                break
            out.append(Sentence(block.start + at, block.start + at + len(sent), bi))
            pos = at + len(sent)
        if pos < len(text) and text[pos:].strip():
            rest = len(text) - len(text[pos:].lstrip())
            out.append(Sentence(block.start + rest, block.end, bi))
    doc.sentences = out


@lru_cache(maxsize=4096)
def _word_tokenize(text: str) -> tuple[str, ...]:
    from underthesea import word_tokenize

    return tuple(word_tokenize(text))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word boundaries (multi-syllable words kept whole) as offsets into `text`."""
    spans, pos = [], 0
    for w in _word_tokenize(text):
        at = text.find(w, pos)
        if at < 0:
            continue
        spans.append((at, at + len(w)))
        pos = at + len(w)
    return spans
