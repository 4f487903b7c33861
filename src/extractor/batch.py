"""Batch extraction: many inputs in, `records.jsonl` and `errors.jsonl` out, never stopping on
one bad file.

Each record is one line written with a single write and flushed, so an interrupted run leaves
only whole lines behind; records come out in the sorted order of their input paths whatever the
number of workers, so the same inputs give byte-identical output.
"""
from __future__ import annotations

import json
import os
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import errors
from .load import SUFFIXES

FIELDS = ("dates", "units", "officials", "indicators", "tasks", "documents")


@dataclass
class BatchSummary:
    files: int = 0
    articles: int = 0
    failures: int = 0
    seconds: float = 0.0
    items: Counter = field(default_factory=Counter)
    error_kinds: Counter = field(default_factory=Counter)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def discover(inputs: Iterable[Path]) -> Iterator[Path | tuple[Path, errors.InputError]]:
    """Input files in sorted order: files as given, folders walked for known suffixes."""
    for p in inputs:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in SUFFIXES:
                        yield f
        elif p.exists():
            yield p
        else:
            yield p, errors.InputError(errors.UNREADABLE, "no such file or folder")


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def process_path(path: str) -> list[tuple[str, str]]:
    """Extract one file; returns ("record"|"error", json line) pairs. Never raises."""
    from .pipeline import extract_file

    try:
        results = extract_file(path)
    except errors.InputError as e:
        return [("error", _dumps({"path": path, "kind": e.kind, "error": str(e)}))]
    except Exception as e:  # a bug must not take the batch down: report it and go on
        tb = traceback.extract_tb(e.__traceback__)[-1]
        return [("error", _dumps({"path": path, "kind": errors.INTERNAL,
                                  "error": f"{type(e).__name__}: {e} ({Path(tb.filename).name}:{tb.lineno})"}))]
    out = []
    for r in results:
        if isinstance(r, errors.InputError):
            out.append(("error", _dumps({"path": path, "kind": r.kind, "error": str(r)})))
        else:
            out.append(("record", _dumps(r.model_dump(mode="json"))))
    return out


def run_batch(inputs: list[Path], out_dir: Path, workers: int = 1,
              progress: Callable[[str], None] | None = None) -> BatchSummary:
    """Extract every input into out_dir/records.jsonl and out_dir/errors.jsonl."""
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    t0 = time.perf_counter()
    found = list(discover(inputs))
    paths = [str(p) for p in found if isinstance(p, Path)]
    with open(out_dir / "records.jsonl", "w", encoding="utf-8", newline="\n") as rec_f, \
            open(out_dir / "errors.jsonl", "w", encoding="utf-8", newline="\n") as err_f:
        for item in found:
            if isinstance(item, tuple):
                p, e = item
                err_f.write(_dumps({"path": str(p), "kind": e.kind, "error": str(e)}) + "\n")
                summary.failures += 1
                summary.error_kinds[e.kind] += 1
        if workers > 1 and len(paths) > 1:
            pool = ProcessPoolExecutor(max_workers=workers)
            results = pool.map(process_path, paths, chunksize=4)
        else:
            pool = None
            results = map(process_path, paths)
        try:
            for path, lines in zip(paths, results):
                summary.files += 1
                for kind, line in lines:
                    if kind == "record":
                        rec_f.write(line + "\n")
                        summary.articles += 1
                        obj = json.loads(line)
                        for f in FIELDS:
                            summary.items[f] += len(obj[f])
                    else:
                        err_f.write(line + "\n")
                        summary.failures += 1
                        summary.error_kinds[json.loads(line)["kind"]] += 1
                rec_f.flush()
                err_f.flush()
                if progress:
                    progress(path)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    summary.seconds = time.perf_counter() - t0
    return summary
