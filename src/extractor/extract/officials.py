"""Officials: a person's name and every position the article gives them.

The orders Vietnamese news uses, all handled by one rule over a sentence's tokens:
"đồng chí A, T1, T2" (chain after the name), "T1, T2 A" and "đồng chí T A" (chain right
before the name), "A- T", "A – T", "A (T)". A chain is positions separated only by commas,
dashes or "kiêm". Names come from `phrases.person_name`; where a chain has no name the rules
know, the NER model's persons are used (see ner.py). Mentions of the same person are merged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ner import Entity
from ..document import Document
from ..lexicons import expand_abbreviations
from ..normalise import fold
from ..schema import Official, Span
from . import phrases
from .tokens import Token, content_sentences

CHAIN_SEPARATORS = {",", "-", "–", "kiêm"}
AFTER_NAME = {",", "-", "–", "(", ":"}


@dataclass
class _Person:
    name: str
    titles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _names(tokens: list[Token]) -> list[tuple[int, int]]:
    out, i = [], 0
    while i < len(tokens):
        honor = i > 0 and (tokens[i - 1].text.lower() in ("ông", "bà")
                           or (i > 1 and f"{tokens[i - 2].text} {tokens[i - 1].text}".lower() == "đồng chí"))
        n = phrases.person_name(tokens, i, after_honorific=honor)
        if n:
            out.append((i, i + n))
            i += n
        else:
            i += 1
    return out


def _titles(tokens: list[Token], names: list[tuple[int, int]], index: phrases.WordIndex) -> list[tuple[int, int]]:
    in_name = {k for s, e in names for k in range(s, e)}
    out, i = [], 0
    while i < len(tokens):
        if i in in_name:
            i += 1
            continue
        p = phrases.title_prefix(tokens, i)
        h = phrases.title_head(tokens, i + p)
        if h:
            end = phrases.org_tail(tokens, i + p + h, index)
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


def _chains(tokens: list[Token], titles: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    chains: list[list[tuple[int, int]]] = []
    for t in titles:
        if chains:
            prev_end = chains[-1][-1][1]
            gap = [tok.text for tok in tokens[prev_end:t[0]]]
            if gap and all(g in CHAIN_SEPARATORS for g in gap) and len(gap) <= 2:
                chains[-1].append(t)
                continue
            if not gap:
                chains[-1].append(t)
                continue
        chains.append([t])
    return chains


def _owner(tokens: list[Token], chain: list[tuple[int, int]], names: list[tuple[int, int]]) -> tuple[int, int] | None:
    start, end = chain[0][0], chain[-1][1]
    for ns, ne in names:  # "T1, T2 A": the name right after the chain
        if ns == end:
            return ns, ne
    for ns, ne in names:  # "A, T1, T2", "A- T", "A (T)"
        if ne < start and all(tok.text in AFTER_NAME for tok in tokens[ne:start]) and start - ne <= 1:
            return ns, ne
    return None


def _bare(tokens: list[Token], ts: int, te: int) -> bool:
    """A position with no organisation after its head ("Phó Chủ tịch")."""
    p = phrases.title_prefix(tokens, ts)
    return ts + p + phrases.title_head(tokens, ts + p) >= te


def _clean_title(text: str) -> str:
    return expand_abbreviations(" ".join(text.split())).strip(" ,-–:(")


def extract_officials(doc: Document, entities: list[Entity] = ()) -> tuple[list[Official], list[tuple[int, int]]]:
    """The officials, and the normalised ranges of every position phrase (named or not), which
    the units rule uses: a body named only inside positions is part of a title, not news
    (docs/ANNOTATION.md makes such units optional)."""
    title_ranges: list[tuple[int, int]] = []
    people: dict[str, _Person] = {}
    order: list[str] = []
    text = doc.text
    persons = [(x.start, x.end) for x in entities if x.label == "PERSON"]
    for sent, tokens in content_sentences(doc):
        names = _names(tokens)
        titles = _titles(tokens, names, phrases.WordIndex(text, sent.start, sent.end))
        if not titles:
            continue
        title_ranges += [(tokens[ts].start, tokens[te - 1].end) for ts, te in titles]
        for chain in _chains(tokens, titles):
            owner = _owner(tokens, chain, names)
            if owner is None:
                owner = _owner_by_model(tokens, chain, [p for p in persons if sent.start <= p[0] < sent.end])
                if owner is None:
                    continue
                ns, ne = owner
                name_span = (ns, ne)
            else:
                name_span = (tokens[owner[0]].start, tokens[owner[1] - 1].end)
            name = text[name_span[0]:name_span[1]]
            key = fold(name)
            if key not in people:
                people[key] = _Person(name)
                order.append(key)
            person = people[key]
            person.mentions.append(name_span)
            for k, (ts, te) in enumerate(chain):
                title = _clean_title(text[tokens[ts].start:tokens[te - 1].end])
                if k + 1 < len(chain) and _bare(tokens, ts, te) and tokens[te].text in ("-", "–"):
                    # "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam": the body belongs to both.
                    ns, ne = chain[k + 1]
                    body_start = ns + phrases.title_prefix(tokens, ns) + phrases.title_head(tokens, ns + phrases.title_prefix(tokens, ns))
                    if body_start < ne:
                        title += " " + _clean_title(text[tokens[body_start].start:tokens[ne - 1].end])
                person.titles.append(title)
    out = []
    for key in order:
        p = people[key]
        mentions = sorted(set(p.mentions))
        out.append(Official(name=p.name, titles=merge_titles(p.titles),
                            mentions=[Span(**doc.span(s, e)) for s, e in mentions]))
    return out, title_ranges


def _owner_by_model(tokens: list[Token], chain: list[tuple[int, int]],
                    persons: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A person the NER model found right after the chain, or right before it (before a comma
    or dash): names the family-name lexicon does not know."""
    nxt = tokens[chain[-1][1]] if chain[-1][1] < len(tokens) else None
    prv = tokens[chain[0][0] - 1] if chain[0][0] > 0 else None
    for ps, pe in persons:
        if nxt is not None and ps == nxt.start:
            return ps, pe
        if prv is not None and prv.text in AFTER_NAME and chain[0][0] > 1 and pe == tokens[chain[0][0] - 2].end:
            return ps, pe
    return None


def merge_titles(titles: list[str]) -> list[str]:
    """One string per position: repeats dropped, a short form kept only if no longer form
    contains it ("Ủy viên Ban Thường vụ" inside "Ủy viên Ban Thường vụ Tỉnh ủy")."""
    out: list[str] = []
    for t in titles:
        if not t:
            continue
        ft = fold(t)
        if any(ft == fold(o) or ft in fold(o) for o in out):
            continue
        out = [o for o in out if fold(o) not in ft]
        out.append(t)
    return out
