"""Batch extraction: many inputs in, `records.jsonl` and `errors.jsonl` out, never stopping on
one bad file, and safe to interrupt.

- Order: inputs are processed in sorted path order and written in that order whatever the
  engine or the number of workers, so the same inputs give byte-identical output.
- Safety: every line is written with one `os.write` of the whole encoded line to a file opened
  for appending, so a crash or Ctrl-C leaves whole lines only; `--resume` first cuts a torn
  last line (from a power cut) and then skips inputs already recorded with the same content
  hash.
- Time: each input gets a time limit (a `timeout` error row when it runs over), enforced with a
  timer signal in the process that runs it.
- Engines: `local` (this process, or a process pool with `workers > 1`) and `dask` (a Dask
  cluster at an address, or a local one), reading and writing the same formats.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import errors
from .load import SUFFIXES

FIELDS = ("dates", "units", "officials", "indicators", "tasks", "documents")
DEFAULT_TIME_LIMIT = 60.0  # seconds per input file; ordinary articles take a few milliseconds
WINDOW_PER_WORKER = 16     # inputs in flight per worker: bounds memory on huge folders


@dataclass
class BatchSummary:
    files: int = 0
    skipped: int = 0
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
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _error_line(path: str, kind: str, message: str) -> str:
    return _dumps({"path": path, "kind": kind, "error": message})


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


@contextmanager
def _time_limit(seconds: float | None):
    """Raise _Timeout in this thread after `seconds` (only where signals can be used)."""
    usable = seconds and hasattr(signal, "setitimer")
    if usable:
        try:
            old = signal.signal(signal.SIGALRM, _on_alarm)
        except ValueError:  # not the main thread (a Dask worker thread): no limit
            usable = False
    if not usable:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def process_path(path: str, time_limit: float | None = DEFAULT_TIME_LIMIT) -> list[tuple[str, str]]:
    """Extract one file; returns ("record"|"error", json line) pairs. Never raises."""
    from .pipeline import extract_file

    try:
        with _time_limit(time_limit):
            results = extract_file(path)
    except _Timeout:
        return [("error", _error_line(path, errors.TIMEOUT, f"over the {time_limit:g} s limit per input"))]
    except errors.InputError as e:
        return [("error", _error_line(path, e.kind, str(e)))]
    except Exception as e:  # a bug must not take the batch down: report it and go on
        tb = traceback.extract_tb(e.__traceback__)[-1]
        where = f"{Path(tb.filename).name}:{tb.lineno}"
        return [("error", _error_line(path, errors.INTERNAL, f"{type(e).__name__}: {e} ({where})"))]
    out = []
    for r in results:
        if isinstance(r, errors.InputError):
            out.append(("error", _error_line(path, r.kind, str(r))))
        else:
            out.append(("record", _dumps(r.model_dump(mode="json"))))
    return out


class LineWriter:
    """Appends whole lines to a file, one `os.write` each, so no reader ever sees half a line."""

    def __init__(self, path: Path, truncate: bool):
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if truncate else 0)
        self.fd = os.open(path, flags, 0o644)

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def close(self) -> None:
        os.close(self.fd)


def repair_tail(path: Path) -> None:
    """Cut a torn last line (one without its newline) left by a crash mid-write."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - 1))
        if f.read(1) == b"\n":
            return
        pos, chunk = size, 1 << 16
        while pos > 0:
            start = max(0, pos - chunk)
            f.seek(start)
            block = f.read(pos - start)
            k = block.rfind(b"\n")
            if k >= 0:
                f.truncate(start + k + 1)
                return
            pos = start
        f.truncate(0)


def done_inputs(records: Path) -> set[tuple[str, str]]:
    """(path, sha256) of every input already recorded in a records.jsonl."""
    done: set[tuple[str, str]] = set()
    if not records.is_file():
        return done
    with open(records, encoding="utf-8", newline="\n") as f:
        for line in f:  # newline="\n": U+2028 inside a record does not split it
            if line.strip():
                src = json.loads(line).get("source") or {}
                done.add((src.get("path"), src.get("sha256")))
    return done


def _sha256(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def _results_local(paths: list[str], workers: int, time_limit: float | None) -> Iterator[list[tuple[str, str]]]:
    if workers <= 1 or len(paths) <= 1:
        for p in paths:
            yield process_path(p, time_limit)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window = workers * WINDOW_PER_WORKER
        pending = []
        it = iter(paths)
        for p in it:
            pending.append(pool.submit(process_path, p, time_limit))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()


def _results_dask(paths: list[str], workers: int, time_limit: float | None,
                  scheduler: str | None) -> Iterator[list[tuple[str, str]]]:
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        window = max(1, workers) * WINDOW_PER_WORKER
        pending = []
        for p in paths:
            pending.append(client.submit(process_path, p, time_limit, pure=False))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(inputs: list[Path], out_dir: Path, workers: int = 1, resume: bool = False,
              time_limit: float | None = DEFAULT_TIME_LIMIT, engine: str = "local",
              scheduler: str | None = None, progress: Callable[[str], None] | None = None) -> BatchSummary:
    """Extract every input into out_dir/records.jsonl and out_dir/errors.jsonl."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rec_path, err_path = out_dir / "records.jsonl", out_dir / "errors.jsonl"
    summary = BatchSummary()
    t0 = time.perf_counter()
    done: set[tuple[str, str]] = set()
    if resume:
        repair_tail(rec_path)
        repair_tail(err_path)
        done = done_inputs(rec_path)
    rec_w, err_w = LineWriter(rec_path, truncate=not resume), LineWriter(err_path, truncate=not resume)
    try:
        paths: list[str] = []
        for item in discover(inputs):
            if isinstance(item, tuple):
                p, e = item
                err_w.write(_error_line(str(p), e.kind, str(e)))
                summary.failures += 1
                summary.error_kinds[e.kind] += 1
                continue
            if done and (str(item), _sha256(str(item))) in done:
                summary.skipped += 1
                if progress:
                    progress(str(item))
                continue
            paths.append(str(item))
        if engine == "dask":
            results = _results_dask(paths, workers, time_limit, scheduler)
        elif engine == "local":
            results = _results_local(paths, workers, time_limit)
        else:
            raise ValueError(f"unknown engine {engine!r} (local or dask)")
        for path, lines in zip(paths, results):
            summary.files += 1
            for kind, line in lines:
                if kind == "record":
                    rec_w.write(line)
                    summary.articles += 1
                    obj = json.loads(line)
                    for f in FIELDS:
                        summary.items[f] += len(obj[f])
                else:
                    err_w.write(line)
                    summary.failures += 1
                    summary.error_kinds[json.loads(line)["kind"]] += 1
            if progress:
                progress(path)
    finally:
        rec_w.close()
        err_w.close()
    summary.seconds = time.perf_counter() - t0
    return summary
