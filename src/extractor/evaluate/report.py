"""Evaluation output: a terminal table, and CSV/Markdown files written with pandas."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from .score import Scores, summary_rows


def print_summary(scores: Scores, title: str, console: Console | None = None) -> None:
    t = Table(title=title)
    for c in ("field", "precision", "recall", "F1 / accuracy", "tp", "fp", "fn"):
        t.add_column(c, justify="right" if c != "field" else "left")
    fmt = lambda v: "" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))  # noqa: E731
    for r in summary_rows(scores):
        t.add_row(r["field"], fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"]), fmt(r["tp"]),
                  fmt(r["fp"]), fmt(r["fn"]))
    (console or Console()).print(t)


def _markdown(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        cells = ["" if pd.isna(v) else str(v).replace("|", "\\|").replace("\n", " ") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_report(scores: Scores, out_dir: Path, title: str) -> list[Path]:
    """summary.csv/.md (per field), articles.csv (per article and field), errors.csv/.md."""
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = pd.DataFrame(summary_rows(scores))
    articles = pd.DataFrame(scores.rows, columns=["id", "field", "tp", "fp", "fn"])
    errors = pd.DataFrame(scores.errors, columns=["id", "field", "error", "item", "text", "start", "end"])
    errors = errors.sort_values(["field", "error", "id"], kind="stable")
    paths = [out_dir / n for n in ("summary.csv", "summary.md", "articles.csv", "errors.csv", "errors.md")]
    summary.to_csv(paths[0], index=False)
    paths[1].write_text(f"# {title}\n\n" + _markdown(summary), encoding="utf-8")
    articles.to_csv(paths[2], index=False)
    errors.to_csv(paths[3], index=False)
    paths[4].write_text(f"# Errors: {title}\n\n" + _markdown(errors), encoding="utf-8")
    return paths
