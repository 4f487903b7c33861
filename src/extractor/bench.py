"""Benchmarks: `python -m extractor.bench SUBCOMMAND …`.

`ner`: this project's NER model (`models/ner-vi`) and underthesea's bundled `ner`, in the same
run, on a BIO CoNLL file (syllable or word tokens; the token is the first column, the tag the
last):

    python -m extractor.bench ner --conll data/annotated/test.conll [--map NAME=PERSON ...]

Scores are entity-level, strict (seqeval, IOB2), micro-averaged: per type, over
PERSON+ORGANIZATION+LOCATION, and DATE on its own (underthesea has no DATE). Each system reads the
sentence text rebuilt from the tokens (spaces between tokens, none before closing or after opening
punctuation; "_" inside word tokens read as spaces) and its entities are projected back onto the
file's tokens (a token is in an entity it overlaps). Speed is sentences per second over the whole
file after one warm-up call, model loading excluded.

Subcommands are functions registered in `main()`; add another (e.g. `batch`) beside `ner`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "DATE")
MAIN_TYPES = ("PERSON", "ORGANIZATION", "LOCATION")
UNDERTHESEA_MAP = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
NO_SPACE_BEFORE = set(",.;:!?)]}%…”’»") | {"''"}
NO_SPACE_AFTER = set("([{“‘«")


# --------------------------------------------------------------------------- text and tags

def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence text for a token list, and each token's (start, end) in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for tok in tokens:
        t = tok.replace("_", " ") if len(tok) > 1 else tok
        if prev is not None and not (t in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
        prev = t
    return "".join(parts), offsets


def project(spans: list[tuple[int, int, str]], offsets: list[tuple[int, int]], keep=TYPES) -> list[str]:
    """IOB2 tags for tokens at `offsets` from character spans (a token belongs to the first
    entity it overlaps)."""
    tags = ["O"] * len(offsets)
    for s, e, label in sorted(spans):
        if label not in keep:
            continue
        inside = [i for i, (a, b) in enumerate(offsets) if a < e and s < b and tags[i] == "O"]
        for k, i in enumerate(inside):
            if k and inside[k - 1] != i - 1:
                break  # keep entities contiguous
            tags[i] = ("B-" if k == 0 else "I-") + label
    return tags


def only(tags: list[list[str]], types) -> list[list[str]]:
    return [[t if t != "O" and t[2:] in types else "O" for t in sent] for sent in tags]


# --------------------------------------------------------------------------- systems

def run_ours(texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], float]:
    from .nermodel.model import load, pipe_entities

    nlp = load()
    pipe_entities(["Đồng chí Lê Xuân Tiến chủ trì hội nghị."], nlp=nlp)  # warm-up
    t0 = time.perf_counter()
    out = pipe_entities(texts, nlp=nlp)
    return out, time.perf_counter() - t0


def underthesea_spans(text: str, rows) -> list[tuple[int, int, str]]:
    """Character spans from underthesea's (word, …, tag) rows, words found again in `text`."""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    cur: list = []  # [start, end, label]
    for row in rows:
        word, tag = row[0], row[-1]
        at = text.find(word, pos)
        if at < 0:
            continue
        s, e = at, at + len(word)
        pos = e
        label = UNDERTHESEA_MAP.get(tag[2:], tag[2:]) if tag != "O" else None
        if tag.startswith("B-") or (tag.startswith("I-") and (not cur or cur[2] != label)):
            if cur:
                spans.append(tuple(cur))
            cur = [s, e, label]
        elif tag.startswith("I-") and cur:
            cur[1] = e
        else:
            if cur:
                spans.append(tuple(cur))
            cur = []
    if cur:
        spans.append(tuple(cur))
    return spans


def run_underthesea(texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], float]:
    from underthesea import ner

    ner("Đồng chí Lê Xuân Tiến chủ trì hội nghị.")  # warm-up (loads the model)
    t0 = time.perf_counter()
    rows = [ner(t) if t.strip() else [] for t in texts]
    elapsed = time.perf_counter() - t0
    return [underthesea_spans(t, r) for t, r in zip(texts, rows)], elapsed


SYSTEMS = {"ner-vi (this model)": run_ours, "underthesea ner": run_underthesea}
SHORT = {"ner-vi (this model)": "ner-vi", "underthesea ner": "uts"}


# --------------------------------------------------------------------------- scoring

def prf(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict]:
    """Strict entity-level P/R/F1 (seqeval, IOB2) per type and micro over the types present."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    if not any(t != "O" for s in gold for t in s) and not any(t != "O" for s in pred for t in s):
        return {}
    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    return {k: {"p": v["precision"], "r": v["recall"], "f": v["f1-score"], "n": int(v["support"])}
            for k, v in rep.items()}


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict]:
    """Rows: each type, "PERSON+ORGANIZATION+LOCATION" (micro over the three) and "DATE"."""
    out: dict[str, dict] = {}
    per_type = prf(gold, pred)
    for t in TYPES:
        if t in per_type:
            out[t] = per_type[t]
    main = prf(only(gold, MAIN_TYPES), only(pred, MAIN_TYPES))
    if "micro avg" in main:
        out["PERSON+ORGANIZATION+LOCATION"] = main["micro avg"]
    return out


def bench_ner(conll: str | Path, mapping: dict[str, str] | None = None, systems: list[str] | None = None,
              limit: int | None = None) -> dict:
    """Evaluate the systems on a CoNLL file. Returns {system: {"scores": {row: {p, r, f, n}},
    "sentences_per_s": float, "seconds": float}, "_data": {...}}."""
    from .nermodel.conll import read

    sents = read(conll, mapping)
    if limit:
        sents = sents[:limit]
    gold_types = {t[2:] for _, tags in sents for t in tags if t != "O"}
    gold = [[t if t == "O" or t[2:] in TYPES else "O" for t in tags] for _, tags in sents]
    texts, offsets = [], []
    for toks, _ in sents:
        text, offs = detokenize(toks)
        texts.append(text)
        offsets.append(offs)
    result: dict = {"_data": {"file": str(conll), "sentences": len(sents),
                              "tokens": sum(len(t) for t, _ in sents),
                              "entities": sum(1 for g in gold for t in g if t.startswith("B-")),
                              "types_in_file": sorted(gold_types),
                              "types_ignored": sorted(gold_types - set(TYPES))}}
    for name in systems or list(SYSTEMS):
        spans, seconds = SYSTEMS[name](texts)
        pred = [project(sp, offs) for sp, offs in zip(spans, offsets)]
        result[name] = {"scores": score(gold, pred), "seconds": seconds,
                        "sentences_per_s": len(sents) / seconds if seconds else float("inf")}
    return result


def print_ner(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    d = result["_data"]
    names = [k for k in result if not k.startswith("_")]
    table = Table(title=f"NER on {d['file']}: {d['sentences']} sentences, {d['tokens']} tokens, "
                        f"{d['entities']} entities (strict, entity-level, micro)")
    table.add_column("type")
    table.add_column("gold", justify="right")
    for n in names:
        for m in ("P", "R", "F1"):
            table.add_column(f"{SHORT.get(n, n)} {m}", justify="right")
    rows = [t for t in TYPES if any(t in result[n]["scores"] for n in names)]
    rows.insert(min(3, len(rows)), "PERSON+ORGANIZATION+LOCATION")
    for r in rows:
        support = next((result[n]["scores"][r]["n"] for n in names if r in result[n]["scores"]), 0)
        cells = [r, str(support)]
        for n in names:
            s = result[n]["scores"].get(r)
            cells += [f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f']:.3f}"] if s else ["–", "–", "–"]
        style = "bold" if r == "PERSON+ORGANIZATION+LOCATION" else None
        table.add_row(*cells, style=style)
    cells = ["sentences/s", ""]
    for n in names:
        cells += ["", "", f"{result[n]['sentences_per_s']:.1f}"]
    table.add_row(*cells)
    console = Console(width=max(Console().width, 110))
    console.print(table)
    console.print("columns: " + "; ".join(f"{SHORT.get(n, n)} = {n}" for n in names))
    if d["types_ignored"]:
        console.print(f"types in the file that neither system predicts (scored as O): {', '.join(d['types_ignored'])}")


def _mapping(items: list[str]) -> dict[str, str]:
    out = {}
    for it in items or []:
        if "=" not in it:
            raise SystemExit(f"--map expects SRC=DST, got {it!r}")
        a, b = it.split("=", 1)
        out[a.strip()] = b.strip()
    return out


def _cmd_ner(args: argparse.Namespace) -> int:
    import json

    res = bench_ner(args.conll, _mapping(args.map), limit=args.limit)
    print_ner(res)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def _cmd_batch(args) -> int:
    from .bench_batch import bench_batch

    bench_batch(articles=args.articles, ner_sample=args.ner_sample)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.bench", description="benchmarks")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ner", help="this NER model vs underthesea's on a BIO CoNLL file")
    p.add_argument("--conll", required=True, type=Path, help="BIO CoNLL file (token first column, tag last)")
    p.add_argument("--map", action="append", default=[], metavar="SRC=DST",
                   help="rename a tag type of the file, e.g. NAME=PERSON (repeatable)")
    p.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    p.add_argument("--json", default=None, help="also write the results as JSON here")
    p.set_defaults(func=_cmd_ner)
    b = sub.add_parser("batch", help="extractor batch (1 and 2 workers) vs underthesea's ner alone")
    b.add_argument("--articles", type=int, default=2000, help="data/raw/ repeated to this many articles")
    b.add_argument("--ner-sample", type=int, default=60, help="articles for the underthesea baseline")
    b.set_defaults(func=_cmd_batch)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
