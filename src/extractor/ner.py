"""The NER model: underthesea's bundled tagger, used where the rules cannot find a name.

The bundled model (a CRF) costs about a second per article and misreads this genre ("Đồng chí
Lê Xuân Tiến" as a location), so it is not run over whole articles. The officials rule calls
`person_spans` only for a sentence where a chain of positions stands with no name the rules
recognise (names outside the family-name lexicon, such as "Y Khiêm Niê"). Entities come back
as strings; they are found again in the sentence to get offsets.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1024)
def _tags(sentence: str) -> tuple[tuple[str, str], ...]:
    from underthesea import ner

    return tuple((row[0], row[-1]) for row in ner(sentence))


def person_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `sentence` of the persons the model tags."""
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    pos = 0

    def flush() -> None:
        nonlocal words, pos
        if not words:
            return
        at = sentence.find(words[0], pos)
        if at >= 0:
            end = at
            for w in words:
                k = sentence.find(w, end)
                if k < 0:
                    break
                end = k + len(w)
            spans.append((at, end))
            pos = end
        words = []

    for word, tag in _tags(sentence):
        if tag == "B-PER":
            flush()
            words = [word]
        elif tag == "I-PER" and words:
            words.append(word)
        else:
            flush()
    flush()
    return spans
