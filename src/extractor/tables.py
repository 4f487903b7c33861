"""Tables for analysts: one Parquet and one CSV file per field family, keyed by article id.

Read from a records.jsonl as a stream, a chunk of records at a time, so the memory used does
not grow with the number of articles; each chunk becomes one Parquet row group.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

CHUNK = 2000  # records per row group

SCHEMAS = {
    "articles": ["article_id", "path", "title", "published_date", "author", "event_date", "event_kind",
                 "period_start", "period_end", "organiser", "n_dates", "n_units", "n_officials",
                 "n_indicators", "n_tasks", "n_documents", "warnings"],
    "dates": ["article_id", "value", "granularity", "year_inferred", "start", "end", "text"],
    "units": ["article_id", "name", "level", "mentions", "start", "end", "text"],
    "officials": ["article_id", "name", "titles", "mentions", "start", "end", "text"],
    "indicators": ["article_id", "value", "unit", "qualifier", "subject", "category", "start", "end", "text"],
    "tasks": ["article_id", "index", "marker", "text", "start", "end"],
    "documents": ["article_id", "kind", "number", "code", "start", "end", "text"],
}


def _rows(rec: dict) -> dict[str, list[dict]]:
    aid = rec["id"]
    ev = rec.get("event") or {}
    period = ev.get("period") or {}
    out: dict[str, list[dict]] = {k: [] for k in SCHEMAS}
    out["articles"].append({
        "article_id": aid, "path": rec["source"]["path"], "title": rec["title"],
        "published_date": rec["published_date"], "author": rec["author"], "event_date": ev.get("date"),
        "event_kind": ev.get("kind"), "period_start": period.get("start"), "period_end": period.get("end"),
        "organiser": ev.get("organiser"), **{f"n_{f}": len(rec[f]) for f in
                                              ("dates", "units", "officials", "indicators", "tasks", "documents")},
        "warnings": "; ".join(rec["warnings"])})
    for d in rec["dates"]:
        out["dates"].append({"article_id": aid, "value": d["value"], "granularity": d["granularity"],
                             "year_inferred": d["year_inferred"], **d["span"]})
    for u in rec["units"]:
        out["units"].append({"article_id": aid, "name": u["name"], "level": u["level"],
                             "mentions": len(u["mentions"]), **u["mentions"][0]})
    for o in rec["officials"]:
        out["officials"].append({"article_id": aid, "name": o["name"], "titles": "; ".join(o["titles"]),
                                 "mentions": len(o["mentions"]), **o["mentions"][0]})
    for i in rec["indicators"]:
        out["indicators"].append({"article_id": aid, "value": i["value"], "unit": i["unit"],
                                  "qualifier": i["qualifier"], "subject": i["subject"],
                                  "category": i.get("category"), **i["span"]})
    for t in rec["tasks"]:
        out["tasks"].append({"article_id": aid, "index": t["index"], "marker": t["marker"], "text": t["text"],
                             "start": t["span"]["start"], "end": t["span"]["end"]})
    for d in rec["documents"]:
        out["documents"].append({"article_id": aid, "kind": d["kind"], "number": d["number"],
                                 "code": d["code"], **d["span"]})
    return out


def _records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=SCHEMAS[name])
    for c in df.columns:
        if c in ("start", "end", "index", "mentions") or c.startswith("n_"):
            df[c] = df[c].astype("int64")
        elif c == "value" and name == "indicators":
            df[c] = df[c].astype("float64")
        elif c == "year_inferred":
            df[c] = df[c].astype("bool")
        else:
            df[c] = df[c].astype("object").where(df[c].notna(), None)
    return df


def write_tables(records: Path, out_dir: Path) -> dict[str, int]:
    """Write <family>.parquet and <family>.csv for every field family; returns rows per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    writers: dict[str, pq.ParquetWriter] = {}
    counts = {k: 0 for k in SCHEMAS}
    for k in SCHEMAS:
        (out_dir / f"{k}.csv").unlink(missing_ok=True)
    buffer: dict[str, list[dict]] = {k: [] for k in SCHEMAS}

    def flush() -> None:
        for name, rows in buffer.items():
            df = _frame(name, rows)
            table = pa.Table.from_pandas(df, preserve_index=False, schema=_arrow_schema(name))
            if name not in writers:
                writers[name] = pq.ParquetWriter(out_dir / f"{name}.parquet", table.schema)
            writers[name].write_table(table)
            csv = out_dir / f"{name}.csv"
            df.to_csv(csv, mode="a", header=not csv.exists(), index=False)
            counts[name] += len(df)
            rows.clear()

    n = 0
    for rec in _records(records):
        for name, rows in _rows(rec).items():
            buffer[name] += rows
        n += 1
        if n % CHUNK == 0:
            flush()
    flush()
    for w in writers.values():
        w.close()
    return counts


def _arrow_schema(name: str) -> pa.Schema:
    types = {"start": pa.int64(), "end": pa.int64(), "index": pa.int64(), "mentions": pa.int64(),
             "year_inferred": pa.bool_()}
    if name == "indicators":
        types["value"] = pa.float64()
    return pa.schema([(c, types.get(c, pa.int64() if c.startswith("n_") else pa.string())) for c in SCHEMAS[name]])
