"""The NER stage: this project's spaCy model (`models/ner-vi`, see extractor.nermodel) over the
sentences where officials and units are written, as character spans of the normalised text.

The rules carry precision (a name next to a position, a unit head and its organisation
words); the model carries recall where the rules' lexicons stop: names outside the family-name
list ("Y Khiêm Niê", "Điểu K'ré") and organisations without a head word in the lexicon. To keep
batch extraction fast, the model reads only sentences with a cue: a position head, an
honorific ("đồng chí", "ông", "bà") or an organisation head. underthesea's bundled tagger is
the fallback when no trained model is installed (it costs about a second per article and reads
"Đồng chí Lê Xuân Tiến" as a location, so it is a poor one).

`EXTRACTOR_NER=off` runs the rules alone and `EXTRACTOR_NER=underthesea` forces the fallback:
that is how "the model joined to the rules" is compared with the rules alone (`evaluate`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from .document import Document
from .extract import phrases
from .extract.tokens import content_sentences

CUE = re.compile(r"\b(đồng chí|ông|bà)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    start: int  # normalised offsets
    end: int
    label: str  # PERSON | ORGANIZATION | LOCATION | DATE


@lru_cache(maxsize=1)
def _model():
    """The trained pipeline, or None when models/ner-vi is missing."""
    from .nermodel import model

    try:
        return model.load()
    except FileNotFoundError:
        return None


def _has_cue(doc: Document, tokens) -> bool:
    if CUE.search(doc.text, tokens[0].start, tokens[-1].end):
        return True
    return any(phrases.title_head(tokens, i) or (tokens[i].is_cap and phrases.unit_head(tokens, i))
               for i in range(len(tokens)))


def document_entities(doc: Document) -> list[Entity]:
    """Entities in the content sentences that mention people or organisations."""
    mode = os.environ.get("EXTRACTOR_NER", "model")
    if mode not in ("model", "underthesea", "off"):
        raise ValueError(f"EXTRACTOR_NER={mode!r}: expected model, underthesea or off")
    if mode == "off":
        return []
    chosen = [(s.start, s.end) for s, tokens in content_sentences(doc) if tokens and _has_cue(doc, tokens)]
    if not chosen:
        return []
    nlp = _model() if mode == "model" else None
    texts = [doc.text[s:e] for s, e in chosen]
    out: list[Entity] = []
    if nlp is not None:
        from .nermodel.model import pipe_entities

        for (s, _), ents in zip(chosen, pipe_entities(texts, nlp=nlp)):
            out += [Entity(s + a, s + b, label) for a, b, label in ents]
    else:
        for (s, _), text in zip(chosen, texts):
            out += [Entity(s + a, s + b, "PERSON") for a, b in _underthesea_persons(text)]
    return out


@lru_cache(maxsize=1024)
def _underthesea_tags(sentence: str) -> tuple[tuple[str, str], ...]:
    from underthesea import ner

    return tuple((row[0], row[-1]) for row in ner(sentence))


def _underthesea_persons(sentence: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `sentence` of the persons underthesea's tagger finds."""
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    pos = 0

    def flush() -> None:
        nonlocal words, pos
        if words:
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

    for word, tag in _underthesea_tags(sentence):
        if tag == "B-PER":
            flush()
            words = [word]
        elif tag == "I-PER" and words:
            words.append(word)
        else:
            flush()
    flush()
    return spans
