"""The trained NER model: `load()` and `entities(text)`.

The model lives in `models/ner-vi/` inside the repository (a spaCy pipeline: tokenizer + ner);
loading it reads only that folder, never the network. `entities` returns character offsets into
the string it is given, so `text[s:e]` is the entity: pass a sentence, a paragraph or a whole
article (long texts are cut into lines/sentences the way the model was trained, then the
offsets are shifted back).

Labels: PERSON, ORGANIZATION, LOCATION, DATE.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .tokens import segments

ROOT = Path(__file__).resolve().parents[3]
MODEL_DIR = ROOT / "models" / "ner-vi"
Entity = tuple[int, int, str]


def model_dir() -> Path:
    """`models/ner-vi` in the repository, or the folder named by $EXTRACTOR_NER_MODEL."""
    return Path(os.environ.get("EXTRACTOR_NER_MODEL", MODEL_DIR))


@lru_cache(maxsize=4)
def load(path: str | None = None):
    """The spaCy pipeline, loaded once (per path) from disk."""
    import spacy

    p = Path(path) if path else model_dir()
    if not (p / "meta.json").is_file():
        raise FileNotFoundError(f"no NER model at {p}: run `python -m extractor.nermodel.train`")
    return spacy.load(p)


def entities(text: str, nlp=None) -> list[Entity]:
    """(start, end, label) of every entity in `text`, offsets into `text`, in order."""
    return pipe_entities([text], nlp=nlp)[0]


def pipe_entities(texts: Iterable[str], nlp=None, batch_size: int = 256) -> list[list[Entity]]:
    """`entities` for many texts at once (faster: sentences are batched)."""
    nlp = nlp or load()
    texts = list(texts)
    pieces: list[tuple[int, int, int]] = []  # (text index, start, end)
    for i, t in enumerate(texts):
        pieces += [(i, s, e) for s, e in segments(t)]
    out: list[list[Entity]] = [[] for _ in texts]
    docs = nlp.pipe((texts[i][s:e] for i, s, e in pieces), batch_size=batch_size)
    for (i, s, _), doc in zip(pieces, docs):
        out[i] += [(s + ent.start_char, s + ent.end_char, ent.label_) for ent in doc.ents]
    return out
