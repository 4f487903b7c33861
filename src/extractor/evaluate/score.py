"""Score predictions against gold: per-field micro P/R/F1, per-article rows, every error.

Inputs are plain record dicts (gold files and predictions share the ArticleRecord shape), so
the scorer can compare any two sets of records: the extractor against gold, or one annotation
pass against another (the agreement figures).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalise import fold
from . import match

LIST_FIELDS = ("dates", "units", "officials", "titles", "indicators", "tasks", "documents")
ACCURACY_FIELDS = ("event.date", "published_date", "title", "author")
AGENCY = re.compile(r"\(\s*(TTXVN|VNA|TTXVN/[^)]*|VOV)\s*\)|/\s*(VOV\.VN|VOV|TTXVN)\b", re.IGNORECASE)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in LIST_FIELDS})
    accuracy: dict[str, list[bool]] = field(default_factory=lambda: {f: [] for f in ACCURACY_FIELDS})
    rows: list[dict] = field(default_factory=list)     # per article and field
    errors: list[dict] = field(default_factory=list)   # every false positive and false negative


def _span_of(item: dict) -> dict | None:
    if "span" in item:
        return item["span"]
    mentions = item.get("mentions") or []
    return mentions[0] if mentions else None


def _describe(fieldname: str, item: dict) -> str:
    if fieldname == "dates":
        return item["value"]
    if fieldname in ("units", "officials"):
        return item["name"] + (f" — {'; '.join(item['titles'])}" if item.get("titles") else "")
    if fieldname == "indicators":
        return f"{item['value']:g} {item.get('unit', '')} ({item.get('qualifier')}) · {item.get('subject', '')}"
    if fieldname == "documents":
        return f"{item.get('kind')} {item.get('number') or ''} {item.get('code') or ''}".strip()
    if fieldname == "titles":
        return item["title"]
    return item.get("text", "")


def _distinct_dates(items: list[dict]) -> list[dict]:
    by_value: dict[str, dict] = {}
    for d in items:
        v = d["value"]
        if v not in by_value:
            by_value[v] = {"value": v, "span": d["span"], "optional": bool(d.get("optional"))}
        elif not d.get("optional"):
            by_value[v]["optional"] = False
    return list(by_value.values())


SCORERS = {
    "dates": lambda g, p: 1.0 if g["value"] == p["value"] else None,
    "units": match.unit_score,
    "officials": match.official_score,
    "indicators": match.indicator_score,
    "tasks": match.task_score,
    "documents": match.document_score,
}


def _author(s: str | None) -> str | None:
    if not s:
        return None
    return fold(AGENCY.sub("", s)).strip(" .") or None


def score_article(gold: dict, pred: dict, scores: Scores) -> None:
    aid = gold["id"]
    matched_officials: list[tuple[dict, dict]] = []
    for f in ("dates", "units", "officials", "indicators", "tasks", "documents"):
        g_items = gold.get(f) or []
        p_items = pred.get(f) or []
        if f == "dates":
            g_items, p_items = _distinct_dates(g_items), _distinct_dates(p_items)
        a = match.assign(g_items, p_items, SCORERS[f])
        c = Counts(len(a.pairs), len(a.spurious), len(a.missed))
        scores.fields[f].add(c)
        scores.rows.append({"id": aid, "field": f, "tp": c.tp, "fp": c.fp, "fn": c.fn})
        for kind, items, idx in (("FN", g_items, a.missed), ("FP", p_items, a.spurious)):
            for i in idx:
                span = _span_of(items[i]) or {}
                scores.errors.append({"id": aid, "field": f, "error": kind, "item": _describe(f, items[i]),
                                      "text": span.get("text"), "start": span.get("start"), "end": span.get("end")})
        if f == "officials":
            matched_officials = [(g_items[i], p_items[j]) for i, j in a.pairs]
    # Titles of matched officials, scored as strings.
    tc = Counts()
    for g, p in matched_officials:
        gt = [{"title": t} for t in g.get("titles") or []]
        pt = [{"title": t} for t in p.get("titles") or []]
        a = match.assign(gt, pt, lambda x, y: match.title_score(x["title"], y["title"]))
        tc.add(Counts(len(a.pairs), len(a.spurious), len(a.missed)))
        span = (g.get("mentions") or [{}])[0]
        for kind, items, idx in (("FN", gt, a.missed), ("FP", pt, a.spurious)):
            for i in idx:
                scores.errors.append({"id": aid, "field": "titles", "error": kind,
                                      "item": f"{g['name']}: {items[i]['title']}", "text": span.get("text"),
                                      "start": span.get("start"), "end": span.get("end")})
    scores.fields["titles"].add(tc)
    scores.rows.append({"id": aid, "field": "titles", "tp": tc.tp, "fp": tc.fp, "fn": tc.fn})
    # Single values, as accuracy over the articles whose gold has a value.
    singles = {
        "event.date": ((gold.get("event") or {}).get("date"), (pred.get("event") or {}).get("date"), str),
        "published_date": (gold.get("published_date"), pred.get("published_date"), str),
        "title": (gold.get("title"), pred.get("title"), lambda s: " ".join(fold(s).split())),
        "author": (gold.get("author"), pred.get("author"), _author),
    }
    for f, (g, p, norm) in singles.items():
        if g is None:
            continue
        ok = p is not None and norm(g) == norm(p)
        scores.accuracy[f].append(ok)
        if not ok:
            scores.errors.append({"id": aid, "field": f, "error": "WRONG", "item": f"gold {g!r} · predicted {p!r}",
                                  "text": None, "start": None, "end": None})


def score(golds: list[dict], preds: dict[str, dict]) -> Scores:
    """Score every gold article; an article with no prediction counts as an empty one."""
    scores = Scores()
    for g in golds:
        p = preds.get(g["id"]) or {"id": g["id"]}
        score_article(g, p, scores)
    return scores


def summary_rows(scores: Scores) -> list[dict]:
    rows = []
    for f, c in scores.fields.items():
        rows.append({"field": f, "precision": round(c.precision, 3), "recall": round(c.recall, 3),
                     "f1": round(c.f1, 3), "tp": c.tp, "fp": c.fp, "fn": c.fn, "articles": None})
    for f, oks in scores.accuracy.items():
        acc = round(sum(oks) / len(oks), 3) if oks else None  # no gold value in these articles
        rows.append({"field": f, "precision": None, "recall": None, "f1": acc,
                     "tp": sum(oks), "fp": None, "fn": len(oks) - sum(oks), "articles": len(oks)})
    return rows


def agreement(first: list[dict], second: list[dict]) -> Scores:
    """Inter-annotator agreement: the second pass scored as predictions against the first, on
    the articles both passes annotated (F1 is symmetric when neither side has optional items;
    the first pass's optional items count as in any evaluation)."""
    by_id = {r["id"]: r for r in second}
    return score([g for g in first if g["id"] in by_id], by_id)
