"""Turn hand-written annotation drafts into grounded gold records, and check them.

Why: annotators write spans as the text they read ("hơn 3.024 bài viết"), not as character
offsets. This tool finds each span in the decoded source, so every gold file obeys the same
grounding invariant as the extractor's output: source[start:end] == text.

    python scripts/gold_tool.py finalize DRAFT.json [...] --out-dir data/annotated/gold
    python scripts/gold_tool.py find ID "text"          # list the occurrences of a text
    python scripts/gold_tool.py check GOLD.json [...]   # re-check finished gold files

A draft span is {"text": str, "occurrence": k} (k 0-based, default 0) or {"start", "end", "text"}.
Standard library only, so an annotator can run it without the package.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = {"tổng kết", "sơ kết", "giao ban", "triển khai", "other"}
LEVELS = {"central", "province", "district", "commune", "enterprise", "other", None}
QUALIFIERS = {"exact", "over", "under", "about", "nearly"}
TOP = ["schema_version", "id", "source", "title", "published_date", "author", "event",
       "dates", "units", "officials", "indicators", "tasks", "documents", "warnings"]


class DraftError(ValueError):
    """A draft that cannot become gold; the message says where and why."""


def source_text(article_id: str) -> str:
    return (RAW / f"{article_id}.txt").read_bytes().decode("utf-8")


def resolve(span: dict, text: str, where: str) -> dict:
    """Give a draft span its offsets in `text`, or fail saying why."""
    if not isinstance(span, dict) or not isinstance(span.get("text"), str) or not span["text"]:
        raise DraftError(f"{where}: a span needs a non-empty 'text'")
    want = span["text"]
    if "start" in span and "end" in span:
        if text[span["start"]:span["end"]] != want:
            raise DraftError(f"{where}: source[{span['start']}:{span['end']}] != {want!r}")
        return {"start": span["start"], "end": span["end"], "text": want}
    k = int(span.get("occurrence", 0))
    starts = [m.start() for m in re.finditer(re.escape(want), text)]
    if not starts:
        nfc = unicodedata.normalize("NFC", want)
        hint = " (the source is not NFC here: copy the characters from the file)" if nfc != want or \
            nfc in unicodedata.normalize("NFC", text) else ""
        raise DraftError(f"{where}: {want!r} is not in the source{hint}")
    if k >= len(starts):
        raise DraftError(f"{where}: {want!r} occurs {len(starts)} time(s); occurrence {k} asked")
    return {"start": starts[k], "end": starts[k] + len(want), "text": want}


def finalize(draft: dict) -> dict:
    """Build one gold ArticleRecord from a draft; raises DraftError on the first problem."""
    aid = draft.get("id")
    if not aid or not (RAW / f"{aid}.txt").is_file():
        raise DraftError(f"draft id {aid!r} has no data/raw/<id>.txt")
    text = source_text(aid)
    rec: dict = {
        "schema_version": "1", "id": aid,
        "source": {"path": f"data/raw/{aid}.txt", "encoding": "utf-8", "format": "txt",
                   "sha256": hashlib.sha256((RAW / f"{aid}.txt").read_bytes()).hexdigest()},
        "title": draft.get("title"), "published_date": draft.get("published_date"),
        "author": draft.get("author"), "event": None,
        "dates": [], "units": [], "officials": [], "indicators": [], "tasks": [],
        "documents": [], "warnings": [], "annotator": draft.get("annotator"),
    }
    if rec["published_date"] is not None and not DAY.match(rec["published_date"]):
        raise DraftError(f"published_date {rec['published_date']!r} is not YYYY-MM-DD")
    ev = draft.get("event")
    if ev:
        if ev.get("date") is not None and not DAY.match(ev["date"]):
            raise DraftError(f"event.date {ev['date']!r} is not YYYY-MM-DD")
        if ev.get("kind") not in KINDS:
            raise DraftError(f"event.kind {ev.get('kind')!r} not in {sorted(KINDS)}")
        period = ev.get("period")
        if period:
            for key in ("start", "end"):
                if not DAY.match(str(period.get(key))):
                    raise DraftError(f"event.period.{key} {period.get(key)!r} is not YYYY-MM-DD")
            period = {"label": period.get("label") or period["span"]["text"],
                      "start": period["start"], "end": period["end"],
                      "span": resolve(period["span"], text, "event.period.span")}
        rec["event"] = {"date": ev.get("date"), "kind": ev.get("kind"), "period": period,
                        "organiser": ev.get("organiser")}

    def opt(item: dict, out: dict) -> dict:
        if item.get("optional"):
            out["optional"] = True
        return out

    for i, d in enumerate(draft.get("dates") or []):
        if not ISO.match(str(d.get("value"))):
            raise DraftError(f"dates[{i}].value {d.get('value')!r} is not ISO")
        gran = {10: "day", 7: "month", 4: "year"}[len(d["value"])]
        rec["dates"].append(opt(d, {"span": resolve(d["span"], text, f"dates[{i}]"),
                                    "value": d["value"], "granularity": gran,
                                    "year_inferred": bool(d.get("year_inferred"))}))
    for i, u in enumerate(draft.get("units") or []):
        if u.get("level") not in LEVELS:
            raise DraftError(f"units[{i}].level {u.get('level')!r} not in {LEVELS}")
        mentions = [resolve(m, text, f"units[{i}].mentions[{j}]")
                    for j, m in enumerate(u.get("mentions") or [])]
        if not mentions or not u.get("name"):
            raise DraftError(f"units[{i}] needs a name and at least one mention")
        rec["units"].append(opt(u, {"name": u["name"], "level": u.get("level"),
                                    "mentions": mentions}))
    for i, o in enumerate(draft.get("officials") or []):
        mentions = [resolve(m, text, f"officials[{i}].mentions[{j}]")
                    for j, m in enumerate(o.get("mentions") or [])]
        if not mentions or not o.get("name") or not o.get("titles"):
            raise DraftError(f"officials[{i}] needs a name, titles and at least one mention")
        rec["officials"].append(opt(o, {"name": o["name"], "titles": list(o["titles"]),
                                        "mentions": mentions}))
    for i, ind in enumerate(draft.get("indicators") or []):
        if not isinstance(ind.get("value"), (int, float)) or isinstance(ind.get("value"), bool):
            raise DraftError(f"indicators[{i}].value {ind.get('value')!r} is not a number")
        if ind.get("qualifier") not in QUALIFIERS:
            raise DraftError(f"indicators[{i}].qualifier {ind.get('qualifier')!r}")
        rec["indicators"].append(opt(ind, {
            "span": resolve(ind["span"], text, f"indicators[{i}]"), "value": ind["value"],
            "unit": ind.get("unit") or "", "qualifier": ind["qualifier"],
            "subject": ind.get("subject") or "", "category": ind.get("category")}))
    for i, t in enumerate(draft.get("tasks") or []):
        span = resolve(t["span"], text, f"tasks[{i}]")
        rec["tasks"].append(opt(t, {"index": int(t.get("index") or i + 1),
                                    "marker": t.get("marker"), "text": span["text"],
                                    "span": span}))
    for i, d in enumerate(draft.get("documents") or []):
        if not d.get("kind"):
            raise DraftError(f"documents[{i}] needs a kind")
        rec["documents"].append(opt(d, {"span": resolve(d["span"], text, f"documents[{i}]"),
                                        "kind": d["kind"], "number": d.get("number"),
                                        "code": d.get("code")}))
    return rec


def check(rec: dict) -> list[str]:
    """The same grounding and shape checks as ../shared/tools/check_records.py."""
    problems = [f"missing {k}" for k in TOP if k not in rec]
    text = source_text(rec["id"])
    spans = [d["span"] for d in rec["dates"]] + [s for u in rec["units"] for s in u["mentions"]]
    spans += [s for o in rec["officials"] for s in o["mentions"]]
    spans += [x["span"] for key in ("indicators", "tasks", "documents") for x in rec[key]]
    if rec.get("event") and rec["event"].get("period"):
        spans.append(rec["event"]["period"]["span"])
    for s in spans:
        if text[s["start"]:s["end"]] != s["text"]:
            problems.append(f"span {s} not grounded")
    return problems


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("finalize")
    f.add_argument("drafts", nargs="+", type=Path)
    f.add_argument("--out-dir", type=Path, required=True)
    c = sub.add_parser("check")
    c.add_argument("gold", nargs="+", type=Path)
    s = sub.add_parser("find")
    s.add_argument("id")
    s.add_argument("text")
    args = ap.parse_args(argv)
    bad = 0
    if args.cmd == "find":
        text = source_text(args.id)
        for k, m in enumerate(re.finditer(re.escape(args.text), text)):
            ctx = text[max(0, m.start() - 40):m.end() + 40].replace("\n", "⏎")
            print(f"occurrence {k}: [{m.start()}:{m.end()}] …{ctx}…")
        return 0
    if args.cmd == "finalize":
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for p in args.drafts:
            try:
                rec = finalize(json.loads(p.read_text(encoding="utf-8")))
            except (DraftError, KeyError, json.JSONDecodeError) as e:
                bad += 1
                print(f"{p}: {type(e).__name__}: {e}")
                continue
            out = args.out_dir / f"{rec['id']}.json"
            out.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{p} -> {out}: {len(rec['dates'])} dates, {len(rec['units'])} units, "
                  f"{len(rec['officials'])} officials, {len(rec['indicators'])} indicators, "
                  f"{len(rec['tasks'])} tasks, {len(rec['documents'])} documents")
    else:
        for p in args.gold:
            problems = check(json.loads(p.read_text(encoding="utf-8")))
            bad += bool(problems)
            for pr in problems:
                print(f"{p}: {pr}")
        print(f"{len(args.gold)} gold files, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
