"""Benchmark of `extractor batch` (run as `python -m extractor.bench batch`).

Builds a corpus of data/raw/ repeated to at least N articles, runs the real command as a
subprocess with 1 and 2 workers (and on a quarter of the corpus, to see whether memory grows
with the number of articles), sampling the whole process tree's resident memory, and in the
same run times underthesea's `ner` alone on a sample of the same articles as the baseline.
Prints one table; the ratios are against that baseline, measured on this machine in this run.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    label: str
    articles: int
    seconds: float
    peak_mb: float

    @property
    def per_article_ms(self) -> float:
        return 1000 * self.seconds / self.articles if self.articles else float("nan")


def build_corpus(src: Path, dest: Path, n: int) -> int:
    files = sorted(src.glob("*.txt"))
    dest.mkdir(parents=True, exist_ok=True)
    k = 0
    while k < n:
        for f in files:
            shutil.copyfile(f, dest / f"{k // len(files):03d}_{f.name}")
            k += 1
            if k >= n:
                break
    return k


def _tree_rss(proc) -> int:
    import psutil

    try:
        p = psutil.Process(proc.pid)
        procs = [p] + p.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_batch_cmd(corpus: Path, workers: int, label: str) -> Run:
    out = corpus.parent / f"out-{label}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "extractor", "batch", str(corpus), "--out", str(out), "--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc))
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    proc.wait()
    seconds = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed: {' '.join(cmd)}")
    n = sum(1 for line in (out / "records.jsonl").read_text(encoding="utf-8").split("\n") if line)
    return Run(label, n, seconds, peak / 2**20)


def run_ner_baseline(corpus: Path, sample: int) -> Run:
    """underthesea's `ner` alone over whole articles, in this process (its models loaded first)."""
    from underthesea import ner

    ner("Hà Nội")  # load the model outside the timing
    every = sorted(corpus.glob("*.txt"))
    files = every[:: max(1, len(every) // sample)][:sample]  # spread over the corpus, like the batch
    import resource

    t0 = time.perf_counter()
    for f in files:
        for line in f.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                ner(line)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Run(f"underthesea ner alone ({len(files)} articles)", len(files), seconds, peak)


def bench_batch(articles: int = 2000, ner_sample: int = 60, workers: tuple[int, ...] = (1, 2)) -> list[Run]:
    console = Console()
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        tmp_path = Path(tmp)
        full = tmp_path / "full"
        n = build_corpus(ROOT / "data" / "raw", full, articles)
        quarter = tmp_path / "quarter"
        build_corpus(ROOT / "data" / "raw", quarter, n // 4)
        runs = [run_ner_baseline(full, ner_sample)]
        runs.append(run_batch_cmd(quarter, 1, f"batch, 1 worker, {n // 4} articles"))
        for w in workers:
            runs.append(run_batch_cmd(full, w, f"batch, {w} worker{'s' if w > 1 else ''}, {n} articles"))
    base = runs[0]
    t = Table(title="extractor batch vs underthesea ner (same machine, same run)")
    for c in ("run", "articles", "seconds", "articles/s", "ms/article", "× faster than ner", "peak RSS MB"):
        t.add_column(c, justify="right" if c != "run" else "left")
    for r in runs:
        t.add_row(r.label, str(r.articles), f"{r.seconds:.1f}", f"{r.articles / r.seconds:.1f}",
                  f"{r.per_article_ms:.1f}", f"{base.per_article_ms / r.per_article_ms:.1f}", f"{r.peak_mb:.0f}")
    console.print(t)
    one = next(r for r in runs if "1 worker" in r.label and str(n) in r.label.split(",")[-1])
    two = next((r for r in runs if "2 workers" in r.label), None)
    if two:
        console.print(f"scaling 1 → 2 workers: {one.seconds / two.seconds:.2f}× "
                      f"(ideal 2.00×; this machine has 2 cores)")
    q = runs[1]
    console.print(f"peak memory, 1 worker: {q.peak_mb:.0f} MB for {q.articles} articles, "
                  f"{one.peak_mb:.0f} MB for {one.articles} articles")
    return runs
