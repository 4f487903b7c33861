"""How a predicted item matches a gold item, field by field (SPEC.md "How a prediction is scored").

`assign` does the one-to-one matching: required gold items claim their best predictions
first, then optional gold items absorb what they match (neither a hit nor a false positive).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable

from ..lexicons import expand_abbreviations, words
from ..normalise import fold

SPELLING = [(r"\bđăk\b", "đắk"), (r"\bđak\b", "đắk"), (r"\bđắc\b", "đắk"), (r"\btỉ\b", "tỷ"), (r"\blăk\b", "lắk"),
            (r"\btp\.?\s*hcm\b", "thành phố hồ chí minh"), (r"\btphcm\b", "thành phố hồ chí minh"),
            (r"\btp\b\.?", "thành phố")]


def norm_name(s: str) -> str:
    """The comparison form of a unit or person name."""
    s = unicodedata.normalize("NFC", s)
    s = expand_abbreviations(s)
    s = fold(s)
    for pat, rep in SPELLING:
        s = re.sub(pat, rep, s)
    return " ".join(re.findall(r"\w+", s))


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", fold(s))


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def _localities() -> list[str]:
    return [norm_name(p) for p in words("provinces.txt")]


def unit_score(gold: dict, pred: dict) -> float | None:
    g, p = norm_name(gold["name"]), norm_name(pred["name"])
    if not g or not p:
        return None
    if g == p:
        return 1.0
    short, long_ = sorted((g, p), key=len)
    if long_.startswith(short + " "):
        rest = long_[len(short) + 1:]
        rest = re.sub(r"^(tỉnh|huyện|thành phố|thị xã|quận|xã|phường)\s+", "", rest)
        if len(rest.split()) <= 4:  # the locality left off ("… Tỉnh ủy" vs "… Tỉnh ủy Hưng Yên")
            return 0.95
    f = token_f1(g, p)
    return f if f >= 0.85 else None


def official_score(gold: dict, pred: dict) -> float | None:
    return 1.0 if norm_name(gold["name"]) == norm_name(pred["name"]) else None


def title_score(gold: str, pred: str) -> float | None:
    f = token_f1(expand_abbreviations(gold), expand_abbreviations(pred))
    return f if f >= 0.8 else None


def indicator_score(gold: dict, pred: dict) -> float | None:
    if abs(float(gold["value"]) - float(pred["value"])) > 1e-6:
        return None
    head = tokens(gold.get("unit") or "")
    if not head:
        return 1.0
    hay = " ".join(tokens(pred.get("unit") or "") + ["|"] + tokens(pred.get("subject") or ""))
    if head[0] == "%" or gold.get("unit") == "%":
        return 1.0 if "%" in (pred.get("unit") or "") else None
    return 1.0 if re.search(r"(^|\s)" + re.escape(head[0]) + r"(\s|$)", hay) else None


def task_score(gold: dict, pred: dict) -> float | None:
    f = token_f1(gold["text"], pred["text"])
    return f if f >= 0.5 else None


def _number(n: Any) -> str | None:
    if n is None:
        return None
    s = str(n).strip().lstrip("0")
    return s or "0"


def document_score(gold: dict, pred: dict) -> float | None:
    gn, pn = _number(gold.get("number")), _number(pred.get("number"))
    if gn and pn:
        gk = tokens(gold.get("kind") or "")[:1]
        pk = tokens(pred.get("kind") or "")[:1]
        return 1.0 if gn == pn and gk == pk else None
    f = token_f1(gold["span"]["text"], pred["span"]["text"])
    return f if f >= 0.6 else None


@dataclass
class Assignment:
    pairs: list[tuple[int, int]]          # (gold index, pred index), required gold only
    missed: list[int]                     # required gold indices with no prediction
    spurious: list[int]                   # prediction indices that match nothing
    absorbed: list[tuple[int, int]]       # (optional gold, pred): neither hit nor error


def assign(gold: list[dict], pred: list[dict], score: Callable[[dict, dict], float | None]) -> Assignment:
    """One-to-one matching, best scores first; required gold claims before optional gold."""
    free = set(range(len(pred)))
    result = Assignment([], [], [], [])
    for optional in (False, True):
        idx = [i for i, g in enumerate(gold) if bool(g.get("optional")) == optional]
        cands = []
        for i in idx:
            for j in free:
                s = score(gold[i], pred[j])
                if s is not None:
                    cands.append((-s, i, j))
        cands.sort()
        used: set[int] = set()
        for _, i, j in cands:
            if i in used or j not in free:
                continue
            used.add(i)
            free.discard(j)
            (result.absorbed if optional else result.pairs).append((i, j))
        if not optional:
            result.missed = [i for i in idx if i not in used]
    result.spurious = sorted(free)
    return result
