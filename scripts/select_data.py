"""Copy the seeds and a stratified selection of ../shared/corpus into data/raw/ and pick the gold set.

Why a script: the selection must be reproducible and every copied article keeps its manifest
row (source, licence note), so `data/manifest.csv` is written from `../shared/corpus/manifest.csv`.
Run from the repository root: `python scripts/select_data.py` (idempotent; seed 7).
"""
from __future__ import annotations

import csv
import random
import shutil
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RAW = ROOT / "data" / "raw"
GOLD_MANIFEST = ROOT / "data" / "annotated" / "manifest.csv"

# How many corpus articles of each (source, genre) go to data/raw and how many of those to gold.
# Genre 1 = tuyên giáo reports, 2 = other work reviews, 3 = neighbouring political news.
RAW_QUOTA = {"1": 10**6, "2": 10**6, "3": 60}
GOLD_QUOTA = {
    ("baomoi17", "1"): 6, ("daksong", "1"): 6, ("dcsvn", "1"): 1, ("unc", "1"): 1,
    ("baomoi17", "2"): 6, ("daksong", "2"): 8, ("hungyen", "2"): 5, ("unc", "2"): 4,
    ("baomoi25", "2"): 2, ("vntc", "2"): 1,
    ("baomoi17", "3"): 4, ("vntc", "3"): 3, ("hungyen", "3"): 2, ("unc", "3"): 2,
    ("dcsvn", "3"): 1, ("rss26", "3"): 2, ("baomoi25", "3"): 1,
}
GOLD_MAX_CHARS = 8000   # long pages cannot be annotated by hand in the time a pass takes
GOLD_MIN_CHARS = 900


def main() -> None:
    rng = random.Random(7)
    rows = list(csv.DictReader((SHARED / "corpus" / "manifest.csv").open(encoding="utf-8")))
    fields = list(rows[0].keys())
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["id"].split("-")[0], r["genre"])].append(r)

    raw_rows, gold_ids = [], []
    genre3 = [r for k, g in groups.items() if k[1] == "3" for r in g]
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda r: r["id"])
        fit = [r for r in group if GOLD_MIN_CHARS <= int(r["chars"]) <= GOLD_MAX_CHARS]
        picked = rng.sample(fit, min(GOLD_QUOTA.get(key, 0), len(fit)))
        gold_ids += [r["id"] for r in picked]
        if key[1] != "3":
            raw_rows += group
    gold_set = set(gold_ids)
    extra3 = [r for r in sorted(genre3, key=lambda r: r["id"]) if r["id"] not in gold_set]
    raw_rows += rng.sample(extra3, RAW_QUOTA["3"])
    raw_rows += [r for r in genre3 if r["id"] in gold_set]

    RAW.mkdir(parents=True, exist_ok=True)
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    out_rows = []
    for s in seeds:
        shutil.copyfile(s, RAW / s.name)
        out_rows.append({f: "" for f in fields} | {
            "id": s.stem, "path_in_repo": f"shared/seeds/{s.name}", "genre": "1",
            "license_note": "seed article supplied with the project; research use only"})
    for r in sorted(raw_rows, key=lambda r: r["id"]):
        shutil.copyfile(SHARED / "corpus" / "articles" / f"{r['id']}.txt", RAW / f"{r['id']}.txt")
        out_rows.append(r)
    with (ROOT / "data" / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(out_rows)

    # Gold: the seeds plus the sample, alternately into dev and test within each stratum.
    GOLD_MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    by_id = {r["id"]: r for r in out_rows}
    gold = [(s.stem, "dev") for s in seeds]
    order = [g for g in gold_ids]
    for i, gid in enumerate(order):
        gold.append((gid, "test" if i % 2 == 0 else "dev"))
    with GOLD_MANIFEST.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "split", "source", "genre", "chars", "title", "second_pass"])
        for gid, split in gold:
            r = by_id[gid]
            chars = len((RAW / f"{gid}.txt").read_text(encoding="utf-8"))
            w.writerow([gid, split, gid.split("-")[0] if "-" in gid else "seed", r["genre"], chars,
                        r["title"], ""])
    print(f"data/raw: {len(out_rows)} articles; gold: {len(gold)} "
          f"({sum(s == 'dev' for _, s in gold)} dev, {sum(s == 'test' for _, s in gold)} test)")


if __name__ == "__main__":
    main()
