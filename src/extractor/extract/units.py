"""Units: party committees and boards, state bodies, mass organisations, newspapers, companies.

A unit is a head from lexicons/unit_heads.tsv plus its organisation words (`phrases.org_tail`).
The canonical name expands abbreviations and attaches the article's locality when the name
ends at a level word ("Ban Tuyên giáo Tỉnh ủy" in a Hưng Yên article → "… Tỉnh ủy Hưng Yên").
Heads that are generic alone ("Sở", "Ban Tuyên giáo") need organisation words after them, so
"các sở, ngành" and "Ban Tuyên giáo các cấp" are not units.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..lexicons import expand_abbreviations, words
from ..normalise import fold
from ..ner import Entity
from ..schema import Span, Unit
from . import phrases
from .tokens import content_sentences

PROVINCE_LEVEL_END = re.compile(r"(Tỉnh ủy|tỉnh|Tỉnh đoàn)$")
DISTRICT_LEVEL_END = re.compile(r"(Huyện ủy|huyện|Huyện đoàn)$")
DISTRICT = re.compile(r"\b(?:huyện|Huyện ủy|Huyện)\s+((?:[A-ZĐ][^\s,.;:()]*)(?:\s+[A-ZĐ][^\s,.;:()]*){0,2})")


GENERIC = re.compile(r"(\b(xã|phường|thị trấn)|\bcấp\s+\w+|\bcác\s+\w+)$|\bcấp (tỉnh|huyện|xã)\b")


@dataclass(frozen=True)
class Locality:
    province: str | None
    district: str | None


def article_locality(doc: Document) -> Locality:
    """The province and district the article is about: the ones it names most often."""
    text = doc.text
    body = [text[b.start:b.end] for b in doc.blocks if b.kind in ("content", "header")]
    joined = "\n".join(body)
    counts: Counter[str] = Counter(_canonical_province(m.group(0)) for m in _province_rx().finditer(joined))
    province = counts.most_common(1)[0][0] if counts else None
    districts = Counter(m.group(1) for m in DISTRICT.finditer(joined))
    district = districts.most_common(1)[0][0] if districts else None
    return Locality(province, district)


@lru_cache(maxsize=1)
def _province_rx() -> re.Pattern[str]:
    names = sorted(words("provinces.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _canonical_province(p: str) -> str:
    return {"TP Hồ Chí Minh": "Thành phố Hồ Chí Minh", "TP.HCM": "Thành phố Hồ Chí Minh",
            "TPHCM": "Thành phố Hồ Chí Minh", "Đăk Nông": "Đắk Nông", "Đăk Lăk": "Đắk Lắk"}.get(p, p)


def canonical_name(raw: str, loc: Locality) -> str:
    name = expand_abbreviations(" ".join(raw.split()))
    name = name[0].upper() + name[1:]
    name = re.sub(r"\s+khóa\s+[IVXLC\d]+$", "", name)  # "HĐND huyện khóa IV": the term is not the body
    if loc.province and PROVINCE_LEVEL_END.search(name):
        name = f"{name} {loc.province}"
    elif loc.district and DISTRICT_LEVEL_END.search(name):
        name = f"{name} {loc.district}"
    return name


def unit_level(name: str, default: str) -> str:
    """The administrative level a canonical name shows (finest first), else the head's default."""
    if re.search(r"\b(Công ty|Tập đoàn|Ngân hàng|Tổng công ty)\b", name):
        return "enterprise"
    if re.search(r"\b(xã|phường|thị trấn|Xã|Phường)\b", name):
        return "commune"
    if re.search(r"\b(huyện|Huyện ủy|Huyện đoàn|quận|Quận ủy|thị xã|Thị ủy)\b", name):
        return "district"
    if re.search(r"\b(Trung ương|Quốc hội|Chính phủ|Bộ Chính trị|Ban Bí thư|Việt Nam)\b", name) \
            or re.match(r"(Bộ|Tổng cục|Cục|Vụ) ", name):
        return "central"
    if re.search(r"\b(tỉnh|Tỉnh ủy|Tỉnh đoàn|thành phố|Thành ủy|Sở)\b", name):
        return "province"
    return default


# The model's organisations are taken only when they read as a proper name: three words or
# more ending in a capitalised one ("Quân Cảng Sài Gòn", "UBND thị xã Sơn Tây"). Shorter or
# lower-case-ending ones were mostly truncations ("Cục thi hành", "Bộ y tê") on the dev split.
MODEL_MIN_WORDS = 3


def _model_units(doc: Document, loc: Locality, entities, found: dict, order: list[str]) -> None:
    """Add the model's organisations that overlap no unit the rules found."""
    taken = [(s, e) for _, _, spans in found.values() for s, e in spans]
    for ent in entities:
        if ent.label != "ORGANIZATION" or any(s < ent.end and ent.start < e for s, e in taken):
            continue
        raw = doc.text[ent.start:ent.end].strip(" ,.;:-–")
        words_ = raw.split()
        if len(words_) < MODEL_MIN_WORDS or not raw[:1].isupper() or not words_[-1][:1].isupper() \
                or GENERIC.search(raw) or raw.startswith("Bộ đội"):
            continue
        name = canonical_name(raw, loc)
        key = fold(name)
        if key not in found:
            found[key] = (name, unit_level(name, "other"), [])
            order.append(key)
        found[key][2].append((ent.start, ent.end))


def extract_units(doc: Document, title_ranges: list[tuple[int, int]] = (), entities: list[Entity] = ()) -> list[Unit]:
    """Units named in the content; those named only inside position phrases are left out.
    Organisations the NER model finds where no rule matched are added (see `_model_units`)."""
    loc = article_locality(doc)
    found: dict[str, tuple[str, str, list[tuple[int, int]]]] = {}
    order: list[str] = []
    text = doc.text
    for sent, tokens in content_sentences(doc):
        index = phrases.WordIndex(text, sent.start, sent.end)
        i = 0
        while i < len(tokens):
            h = phrases.unit_head(tokens, i)
            if not h:
                i += 1
                continue
            head_words = tokens[i:i + h]
            need_tail, default_level = phrases.unit_heads()[tuple(t.text.lower() for t in head_words)]
            if not head_words[0].is_cap and not any(t.is_cap for t in head_words[1:]):
                i += h
                continue  # "ủy ban nhân dân các cấp", "các sở": lower-case generic use
            if len(head_words) == 1 and not head_words[0].is_cap:
                i += h
                continue
            if i + h < len(tokens) and tokens[i + h].is_word and not tokens[i + h].is_cap \
                    and index.same_word(tokens[i + h - 1], tokens[i + h]):
                i += h
                continue  # "Báo cáo", "Bộ phận": the head is half of another word
            end = phrases.org_tail(tokens, i + h, index, open_head=need_tail)
            if need_tail and end == i + h:
                i += h
                continue
            s, e = tokens[i].start, tokens[end - 1].end
            name = canonical_name(text[s:e], loc)
            if GENERIC.search(name):
                i = end
                continue  # "Công an xã", "UBND cấp xã": a kind of body, not one body
            key = fold(name)
            if key not in found:
                found[key] = (name, unit_level(name, default_level), [])
                order.append(key)
            found[key][2].append((s, e))
            i = end
    _model_units(doc, loc, entities, found, order)

    def inside_title(s: int, e: int) -> bool:
        return any(ts <= s and e <= te for ts, te in title_ranges)

    return [Unit(name=found[k][0], level=found[k][1],
                 mentions=[Span(**doc.span(s, e)) for s, e in found[k][2]]) for k in order
            if not all(inside_title(s, e) for s, e in found[k][2])]
