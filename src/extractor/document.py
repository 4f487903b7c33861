"""The types every stage shares: the source text, its normalised view with an offset map, blocks.

Every stage reads and writes a `Document`. Offsets that leave the pipeline always index
`Document.source` (the decoded text before any normalisation); extractors work on
`Document.norm` and convert with `Document.to_source`, so no stage can lose the evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceInfo:
    """Where the text came from: shown in the record's `source` field."""

    path: str
    sha256: str
    encoding: str
    format: str  # txt | html | jsonl
    text: str | None = None  # carried in the record for html/jsonl (not for txt)
    meta: dict = field(default_factory=dict)  # title/published/url given by the container


@dataclass
class NormText:
    """A normalised string plus, for every character, the source range it came from.

    `starts[i]`/`ends[i]` give the half-open source range of normalised character i. Inserted
    characters (a space put between "09" and "lớp") get an empty range at the insertion point.
    """

    text: str
    starts: list[int]
    ends: list[int]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open range to the smallest source range covering it."""
        if end <= start:
            s = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return s, s
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True)
class Block:
    """A paragraph (one source line or a run of lines) in normalised coordinates.

    kind: "content" (extract from it), "header" (post-date line, title: metadata only),
    "chrome" (menus, counters, footers, link lists: never extracted), "duplicate" (a repeat
    of an earlier paragraph: its items are already counted).
    """

    start: int
    end: int
    kind: str
    reason: str = ""


@dataclass(frozen=True)
class Sentence:
    start: int  # normalised offsets
    end: int
    block: int  # index into Document.blocks


@dataclass
class Document:
    """One article as it moves through the stages."""

    id: str
    source: str
    info: SourceInfo
    norm: NormText
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    def content_blocks(self) -> list[tuple[int, Block]]:
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind == "content"]

    def span(self, start: int, end: int) -> dict:
        """A grounded span {start, end, text} in source coordinates for a normalised range."""
        s, e = self.norm.to_source(start, end)
        return {"start": s, "end": e, "text": self.source[s:e]}
