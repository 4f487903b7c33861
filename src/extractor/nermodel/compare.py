"""What the model adds over the rules: `python -m extractor.nermodel.compare [--split test]`.

For every article of a gold split, the gold persons (officials) and organisations (units) are
compared with (a) the rules, the officials' and units' mentions of the pipeline's record
(`extract_article`), and (b) the model's PERSON/ORGANIZATION entities over the whole article.
Both sides' mentions are widened to every exact occurrence of their text in the article (as the
gold side is; the pipeline can do the same when it uses the model), and a gold mention counts as
found by a side when that side has an entity with exactly its offsets (and, for the model, label).

Two levels: gold *mentions* (each labelled occurrence) and gold *items* (an official or a unit:
found when at least one of its mentions is found). Reported: found by both, by the model only
("what the model adds"), by the rules only, by neither; and the model's PERSON/ORGANIZATION
entities that match no gold mention and that the rules do not have either (new noise, though
some are real names gold does not list: persons without a position, bodies only inside titles).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from . import data

LABELS = {"PERSON": "officials", "ORGANIZATION": "units"}


def _widen(text: str, spans: list[data.Span]) -> set[data.Span]:
    return set(data.resolve(list(spans) + data.expand(text, spans)))


def in_title(name: str, titles: list[str]) -> bool:
    """`name` (abbreviations expanded) is part of one of the article's gold positions: a body
    named inside a position ("Chính phủ" in "Thủ tướng Chính phủ"), which gold lists as a unit
    only when it is a body of the article's locality."""
    from ..lexicons import expand_abbreviations

    n = expand_abbreviations(" ".join(name.split())).lower()
    return any(n in t for t in titles)


def compare(split: str = "test", nlp=None) -> dict:
    from ..pipeline import extract_article
    from .model import entities, load

    nlp = nlp or load()
    c: Counter = Counter()
    examples: dict[str, list] = {"model_only": [], "rules_only": [], "model_new": []}
    for aid in data.split_ids(split):
        raw = data.read_article(data.RAW_DIR / f"{aid}.txt")
        text = raw.text
        rec = data.gold_record(aid)
        record = extract_article(raw)
        rules_base = [(m.start, m.end, "PERSON") for o in record.officials for m in o.mentions] + \
                     [(m.start, m.end, "ORGANIZATION") for u in record.units for m in u.mentions]
        rules = _widen(text, rules_base)
        model = {e for e in entities(text, nlp=nlp) if e[2] in LABELS}
        gold_all: set[data.Span] = set()
        for label, field in LABELS.items():
            for item in rec.get(field, []):
                base = [(m["start"], m["end"], label) for m in item["mentions"]]
                mentions = _widen(text, base)
                gold_all |= mentions
                by_rules = {m for m in mentions if m in rules}
                by_model = {m for m in mentions if m in model}
                for m in mentions:
                    key = ("both" if m in by_rules and m in by_model else "model_only" if m in by_model
                           else "rules_only" if m in by_rules else "neither")
                    c[f"{label}_mentions_{key}"] += 1
                    if key in ("model_only", "rules_only") and len(examples[key]) < 400:
                        examples[key].append((aid, label, text[m[0]:m[1]]))
                key = ("both" if by_rules and by_model else "model_only" if by_model
                       else "rules_only" if by_rules else "neither")
                c[f"{label}_items_{key}"] += 1
                c[f"{label}_items"] += 1
        # the model's entities that gold does not list (by offsets) and the rules do not have
        gold_pos = {(s, e) for s, e, _ in gold_all}
        rule_pos = {(s, e) for s, e, _ in rules}
        titles = [t.lower() for o in rec.get("officials", []) for t in o.get("titles", [])]
        for s, e, label in model:
            if (s, e) not in gold_pos and (s, e) not in rule_pos:
                c[f"{label}_model_new"] += 1
                if label == "ORGANIZATION" and in_title(text[s:e], titles):
                    c["ORGANIZATION_model_new_in_a_gold_title"] += 1
                if len(examples["model_new"]) < 400:
                    examples["model_new"].append((aid, label, text[s:e]))
    return {"split": split, "articles": len(data.split_ids(split)), "counts": dict(sorted(c.items())),
            "examples": examples}


def print_report(res: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    c = res["counts"]
    t = Table(title=f"model vs rules on the gold {res['split']} split ({res['articles']} articles)")
    for col in ("", "gold", "both", "model only", "rules only", "neither", "model: new, not in gold"):
        t.add_column(col, justify="right" if col else "left")
    for label in LABELS:
        for level in ("items", "mentions"):
            keys = [f"{label}_{level}_{k}" for k in ("both", "model_only", "rules_only", "neither")]
            total = sum(c.get(k, 0) for k in keys)
            t.add_row(f"{label} {level}", str(total), *[str(c.get(k, 0)) for k in keys],
                      str(c.get(f"{label}_model_new", 0)) if level == "mentions" else "")
    Console(width=110).print(t)
    n = c.get("ORGANIZATION_model_new_in_a_gold_title", 0)
    print(f"of the model's new ORGANIZATION entities, {n} name a body inside a gold official's position")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.nermodel.compare", description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    ap.add_argument("--json", default=None, help="write counts and examples as JSON here")
    ap.add_argument("--examples", type=int, default=0, help="print N examples of each kind")
    args = ap.parse_args(argv)
    res = compare(args.split)
    print_report(res)
    for kind, rows in res["examples"].items():
        for row in rows[:args.examples]:
            print(kind, *row, sep="\t")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(res, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
