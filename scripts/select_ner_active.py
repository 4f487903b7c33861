"""Pick the second NER annotation round by disagreement: appends `round=2` rows to
`data/annotated/ner/manifest.csv`.

Why: the first round (`select_ner_batch.py`) drew articles at random, and most of their
sentences were ones the model already got right. This round draws the articles of `data/raw/`
where the shipped model and the rules disagree most about persons and organisations (a span one
of them gives and the other does not, strict offsets), per 1,000 characters of content. That is
where a hand annotation teaches the model something. Same exclusions as round 1: neither gold
split, no NER layer yet, no text shared with a `test` article, 1,500-7,000 characters. The
`test` split plays no part in the choice. At most a third of the picks from one source.

Rounds 3 and 4 (`--round 3 --corpus`, then `--round 4 --corpus` after retraining with round 3)
also draw from the shared corpus articles that are not in `data/raw/` yet (data/raw held only 163
candidates); a picked corpus article is copied into `data/raw/` byte for byte with its manifest
row (source, licence note), so the annotation and the main job see the same text. The choice
depends on the model shipped at the time: rounds 2 and 3 used the stop-7 model, round 4 the
model retrained with rounds 2 and 3.

Run from the repository root: `python scripts/select_ner_active.py [N] [--round R] [--corpus]`
(default 48, round 2; a second run replaces that round's rows; the other rounds' rows are kept,
and their articles are never picked again).
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from extractor.nermodel import data  # noqa: E402
from extractor.nermodel.model import pipe_entities  # noqa: E402
from select_ner_batch import COLUMNS, MAX_CHARS, MIN_CHARS, OUT, shares_test_text  # noqa: E402

KINDS = ("PERSON", "ORGANIZATION")


def disagreement(path: Path, row: dict) -> tuple[int, int]:
    """(spans the model and the rules do not share, content characters) for one article."""
    text = data.read_article(path).text
    blocks = [(s, e) for s, e, kind in row["blocks"] if kind in data.TRAIN_KINDS]
    rules = {tuple(x) for x in data.clean_rule_spans(text, [tuple(x) for x in row["rule_spans"]])
             if x[2] in KINDS}
    rules = {x for x in rules if any(s <= x[0] and x[1] <= e for s, e in blocks)}
    model: set[tuple[int, int, str]] = set()
    for (s, _), ents in zip(blocks, pipe_entities([text[s:e] for s, e in blocks])):
        model |= {(s + a, s + b, label) for a, b, label in ents if label in KINDS}
    return len(rules ^ model), sum(e - s for s, e in blocks)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=48)
    ap.add_argument("--round", type=int, default=2)
    ap.add_argument("--corpus", action="store_true", help="also draw from ../shared/corpus (copied in)")
    a = ap.parse_args(argv)
    n, rnd = a.n, str(a.round)
    manifest_path = ROOT / "data" / "manifest.csv"
    rows = list(csv.DictReader(manifest_path.open(encoding="utf-8")))
    in_raw = {r["id"] for r in rows}
    if a.corpus:
        corpus_manifest = data.CORPUS_DIR.parent / "manifest.csv"
        rows += [r for r in csv.DictReader(corpus_manifest.open(encoding="utf-8")) if r["id"] not in in_raw]
    old = [r for r in csv.DictReader(OUT.open(encoding="utf-8")) if r.get("round", "1") != rnd]
    taken = {r["id"] for r in data.manifest()} | {r["id"] for r in old}
    test_keys = data.test_line_keys()
    seen_text: set[str] = set()
    cands = []
    for r in rows:
        if r["id"] in taken or not r["chars"] or not MIN_CHARS <= int(r["chars"]) <= MAX_CHARS:
            continue
        path = (data.RAW_DIR if r["id"] in in_raw else data.CORPUS_DIR) / f"{r['id']}.txt"
        text = data.read_article(path).text
        if text in seen_text:
            continue
        seen_text.add(text)
        if not shares_test_text(text, test_keys):
            cands.append((r, path))
    cache = data.rule_cache([p for _, p in cands])
    scored = []
    for r, p in cands:
        d, chars = disagreement(p, cache[str(p)])
        scored.append((d * 1000 / max(chars, 1), d, r))
    scored.sort(key=lambda x: (-x[0], x[2]["id"]))
    picked: list[dict] = []
    per_source: Counter = Counter()
    for density, d, r in scored:
        src = r["id"].split("-")[0].split("_")[0]
        if len(picked) < n and per_source[src] < max(1, n // 3):
            picked.append({**r, "score": f"{density:.2f}"})
            per_source[src] += 1
    print(f"{len(cands)} candidates; picked {len(picked)}: {dict(per_source)}; "
          f"density {scored[0][0]:.2f} … {float(picked[-1]['score']):.2f}")
    new_rows = [r for r in picked if r["id"] not in in_raw]
    for r in new_rows:
        shutil.copyfile(data.CORPUS_DIR / f"{r['id']}.txt", data.RAW_DIR / f"{r['id']}.txt")
    if new_rows:
        fields = list(csv.DictReader(manifest_path.open(encoding="utf-8")).fieldnames)
        with manifest_path.open("a", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            for r in new_rows:
                w.writerow(r)
        print(f"copied {len(new_rows)} corpus articles into {data.RAW_DIR} (rows added to {manifest_path})")
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        out = [[r[c] for c in COLUMNS] for r in old]
        out += [[r["id"], r["id"].split("-")[0], r["genre"], r["chars"], r["title"], rnd,
                 "0" if r["id"] in in_raw else "1"] for r in sorted(picked, key=lambda r: r["id"])]
        w.writerows(sorted(out, key=lambda row: int(row[5])))  # rounds in order, stable within one
    print(f"{OUT}: {len(old)} rows of other rounds + {len(picked)} round-{rnd} rows")


if __name__ == "__main__":
    main()
