"""Pick the articles of the NER annotation batch: `data/annotated/ner/manifest.csv`.

Why: the NER model's organisations were limited by the few gold organisation spans of the `dev`
split (issue 4). This batch adds hand-annotated persons and organisations on articles of
`data/raw/` that are in neither gold split and are not near-copies of a `test` article, so the
`test` split stays unseen. Round-robin over the sources (one source's house style must not
dominate), 1,500-7,000 characters (a helper reads each whole), seed 11.

Run from the repository root: `python scripts/select_ner_batch.py [N]` (default 48; idempotent).
This is round 1 of the manifest; the rows of later rounds (`select_ner_active.py`) are kept, and
the articles those rounds copied into data/raw are left out of round 1's pool, as they were not
there when it was drawn.
"""
from __future__ import annotations

import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from extractor.nermodel import data  # noqa: E402

OUT = ROOT / "data" / "annotated" / "ner" / "manifest.csv"
MIN_CHARS, MAX_CHARS = 1500, 7000
# `round`: which selection picked the article; `copied`: 1 when that round copied it from the
# shared corpus into data/raw (select_ner_active.py --corpus)
COLUMNS = ["id", "source", "genre", "chars", "title", "round", "copied"]


def shares_test_text(text: str, test_keys: set[str]) -> bool:
    """A quarter or more of the article's long lines are lines of a `test` article (a near-copy)."""
    lines = data.long_lines(text)
    return sum(k in test_keys for _, _, k in lines) >= max(1, len(lines) // 4)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 48
    rng = random.Random(11)
    rows = list(csv.DictReader((ROOT / "data" / "manifest.csv").open(encoding="utf-8")))
    gold = {r["id"] for r in data.manifest()}
    later = [r for r in csv.DictReader(OUT.open(encoding="utf-8"))
             if r.get("round", "1") != "1"] if OUT.is_file() else []
    # articles that later rounds copied into data/raw were not there when round 1 was drawn
    copied = {r["id"] for r in later if r.get("copied") == "1"}
    test_keys = data.test_line_keys()
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["id"] in gold or r["id"] in copied or not r["chars"] or not MIN_CHARS <= int(r["chars"]) <= MAX_CHARS:
            continue
        if shares_test_text(data.read_article(data.RAW_DIR / f"{r['id']}.txt").text, test_keys):
            continue
        groups[r["id"].split("-")[0]].append(r)
    for g in groups.values():
        rng.shuffle(g)
    picked: list[dict] = []
    while len(picked) < n and any(groups.values()):
        for src in sorted(groups):
            if groups[src] and len(picked) < n:
                picked.append(groups[src].pop())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for r in sorted(picked, key=lambda r: r["id"]):
            w.writerow([r["id"], r["id"].split("-")[0], r["genre"], r["chars"], r["title"], "1", "0"])
        for r in later:
            w.writerow([r[c] for c in COLUMNS])
    print(f"{OUT}: {len(picked)} articles")


if __name__ == "__main__":
    main()
