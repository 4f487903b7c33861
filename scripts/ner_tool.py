"""Check the NER annotation batch: `python scripts/ner_tool.py check [FILE ...]`; print an
article's decoded text for an annotator: `python scripts/ner_tool.py show ID`.

A draft `data/annotated/ner/<id>.json` is written by a person reading `data/raw/<id>.txt`:

    {"id": "<id>", "annotator": "...", "persons": ["Nguyễn Văn A", ...],
     "organisations": ["Ban Tuyên giáo Tỉnh ủy", "UBND tỉnh Hưng Yên", "HĐND", ...]}

Every string is a form written in the article (each distinct form once); training labels every
occurrence of it at word boundaries (longest first). `check` rejects strings that are not in the
decoded text, that start or end with a space or punctuation, duplicates, and unknown keys.
With no FILE it checks every draft listed in `data/annotated/ner/manifest.csv`.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from extractor.nermodel import data  # noqa: E402

KEYS = {"id", "annotator", "persons", "organisations", "notes"}


def problems(path: Path) -> list[str]:
    try:
        draft = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        return [f"unreadable: {e}"]
    out = []
    if not isinstance(draft, dict):
        return ["not a JSON object"]
    extra = set(draft) - KEYS
    if extra:
        out.append(f"unknown keys {sorted(extra)}")
    aid = draft.get("id") or path.stem
    raw_path = data.RAW_DIR / f"{aid}.txt"
    if not raw_path.is_file():
        return out + [f"no article {raw_path}"]
    text = data.read_article(raw_path).text
    for key in ("persons", "organisations"):
        items = draft.get(key)
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            out.append(f"{key}: must be a list of strings")
            continue
        seen = set()
        for s in items:
            if s in seen:
                out.append(f"{key}: {s!r} listed twice")
            seen.add(s)
            if not s or s != s.strip() or not s[0].isalnum() or not (s[-1].isalnum() or s[-1] in ")."):
                out.append(f"{key}: {s!r} must start and end with a letter or digit")
            elif not data.occurrences(text, s):
                out.append(f"{key}: {s!r} is not in the article (at word boundaries)")
    return out


def listed() -> list[Path]:
    with (data.NER_DIR / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return [data.NER_DIR / f"{r['id']}.json" for r in csv.DictReader(f)]


def show(aid: str) -> int:
    """Print the decoded text of data/raw/<aid>.txt (some files are not UTF-8)."""
    path = data.RAW_DIR / f"{aid}.txt"
    if not path.is_file():
        print(f"no article {path}", file=sys.stderr)
        return 1
    sys.stdout.write(data.read_article(path).text + "\n")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "show":
        return show(argv[1])
    if not argv or argv[0] != "check":
        print(__doc__, file=sys.stderr)
        return 2
    paths = [Path(p) for p in argv[1:]] or [p for p in listed() if p.is_file()]
    bad = 0
    for p in paths:
        errs = problems(p)
        bad += bool(errs)
        for e in errs:
            print(f"{p.name}: {e}")
    print(f"{len(paths)} drafts, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
