"""The gold set: `data/annotated/manifest.csv` (which article is in which split) and one
hand-written ArticleRecord per article in `gold/`. Gold files are validated against the same
schema as predictions and must be grounded in their source file."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from ..errors import ExtractorError
from ..schema import ArticleRecord


def manifest(gold_dir: Path) -> list[dict]:
    with (gold_dir / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def repo_root(gold_dir: Path) -> Path:
    """Gold records name their source as `data/raw/<id>.txt`, relative to the repository."""
    return gold_dir.resolve().parent.parent


def load_gold(gold_dir: Path, split: str = "all", sub: str = "gold") -> list[dict]:
    """Gold records of one split ("dev", "test" or "all"), validated and grounding-checked."""
    rows = [r for r in manifest(gold_dir) if split == "all" or r["split"] == split]
    root = repo_root(gold_dir)
    out = []
    for r in rows:
        path = gold_dir / sub / f"{r['id']}.json"
        if not path.is_file():
            if sub != "gold":
                continue  # a second pass covers only some articles
            raise ExtractorError(f"gold file missing for {r['id']}: {path}")
        rec = json.loads(path.read_text(encoding="utf-8"))
        ArticleRecord.model_validate(rec)
        source = (root / rec["source"]["path"]).read_bytes().decode(rec["source"]["encoding"])
        for fieldname, i, span in ArticleRecord.model_validate(rec).spans():
            if source[span.start:span.end] != span.text:
                raise ExtractorError(f"gold {r['id']}: {fieldname}[{i}] is not grounded in its source")
        rec["_split"] = r["split"]
        out.append(rec)
    return out
