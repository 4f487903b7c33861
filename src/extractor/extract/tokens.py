"""Word, number and punctuation tokens of a stretch of normalised text, with offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# Abbreviations that carry "&", "-" or "." stay one token ("TT-TT", "TN&MT", "T.Ư", "TP.HCM").
TOKEN = re.compile(r"[A-ZĐƯ]{1,5}(?:[&.-][A-ZĐƯ]{1,5})+(?![^\W\d_])|[^\W\d_]+|\d+(?:[.,]\d+)*|\S")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_num(self) -> bool:
        return self.text[0].isdigit()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text, start, end)]


def content_sentences(doc) -> Iterator[tuple[object, list[Token]]]:
    """(sentence, its tokens) for every sentence of the article's content blocks."""
    for sent in doc.sentences:
        if doc.blocks[sent.block].kind == "content":
            yield sent, tokenize(doc.text, sent.start, sent.end)
