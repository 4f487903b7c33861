"""The command line: thin typer functions that parse arguments and call the library."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import errors

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract validated, grounded records from Vietnamese news about party and government work.")
console = Console(stderr=True)


@app.command()
def batch(
    inputs: Annotated[list[Path], typer.Argument(help="Files (.txt, .html, .jsonl) or folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for records.jsonl and errors.jsonl.")],
    workers: Annotated[int, typer.Option(help="Worker processes (default: the machine's cores).")] = 0,
    resume: Annotated[bool, typer.Option(help="Keep OUT's records; skip inputs already there (same path and content).")] = False,
    time_limit: Annotated[float, typer.Option(help="Seconds allowed per input file (0: no limit).")] = 60.0,
    tables: Annotated[Optional[Path], typer.Option(help="Also write one Parquet and CSV table per field family here.")] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (default: a local Dask cluster).")] = None,
) -> None:
    """Extract every article of INPUTS into OUT/records.jsonl; failures go to OUT/errors.jsonl."""
    from .batch import FIELDS, discover, run_batch

    if engine not in ("local", "dask"):
        raise typer.BadParameter("--engine must be local or dask")
    workers = workers or os.cpu_count() or 1
    total = sum(1 for _ in discover(inputs))
    with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("batch", total=total)
        summary = run_batch(inputs, out, workers=workers, resume=resume, time_limit=time_limit or None,
                            engine=engine, scheduler=scheduler, progress=lambda _: bar.advance(task))
    t = Table(title=f"batch → {out}", show_header=False)
    t.add_row("input files", str(summary.files) + (f" (+{summary.skipped} already done)" if summary.skipped else ""))
    t.add_row("articles extracted", str(summary.articles))
    t.add_row("failures", f"{summary.failures} {dict(summary.error_kinds) if summary.failures else ''}")
    for f in FIELDS:
        t.add_row(f, str(summary.items[f]))
    t.add_row("time", f"{summary.seconds:.1f} s ({summary.articles_per_second:.1f} articles/s, "
                      f"{workers} workers, {engine})")
    if tables is not None:
        from .tables import write_tables

        counts = write_tables(out / "records.jsonl", tables)
        t.add_row("tables", f"{tables}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    Console().print(t)


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="One article file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON instead.")] = False,
    html: Annotated[Optional[Path], typer.Option("--html", help="Also write a self-contained HTML page here.")] = None,
) -> None:
    """Show one article's extraction: tables and the text with the evidence highlighted."""
    from .inspect_view import show, to_html
    from .load import load
    from .pipeline import extract_article

    try:
        raws = load(file)
    except errors.InputError as e:
        console.print(f"[red]cannot read {file}: {e.kind}: {e}")
        raise typer.Exit(2)
    for raw in raws:
        if isinstance(raw, errors.InputError):
            console.print(f"[red]{file}: {raw.kind}: {raw}")
            continue
        record = extract_article(raw)
        if as_json:
            sys.stdout.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n")
        else:
            show(record, raw.text, Console())
        if html is not None:
            html.write_text(to_html(record, raw.text), encoding="utf-8")
            console.print(f"wrote {html}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from .schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n")


def main() -> None:
    app()


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="The gold folder (with manifest.csv and gold/).")] = Path("data/annotated"),
    split: Annotated[str, typer.Option(help="dev, test or all.")] = "test",
    pred: Annotated[Optional[Path], typer.Option(help="Score these records instead of running the extractor.")] = None,
    report: Annotated[Optional[Path], typer.Option(help="Write summary/articles/errors as CSV and Markdown here.")] = None,
    min_f1: Annotated[Optional[float], typer.Option(help="Exit 1 when any field's F1 (or accuracy) is below this.")] = None,
    floor: Annotated[Optional[list[str]], typer.Option(help="FIELD=X: exit 1 when FIELD's F1 is below X (repeatable).")] = None,
) -> None:
    """Score the extractor (or given predictions) against the hand-annotated gold set."""
    from .evaluate.gold import load_gold, repo_root
    from .evaluate.score import score, summary_rows

    if split not in ("dev", "test", "all"):
        raise typer.BadParameter("split must be dev, test or all")
    golds = load_gold(gold, split)
    if pred is not None:
        preds = {}
        for line in pred.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                obj = json.loads(line)
                if "dates" in obj:
                    preds[obj["id"]] = obj
    else:
        from .pipeline import extract_file

        root = repo_root(gold)
        preds = {}
        for g in golds:
            for r in extract_file(root / g["source"]["path"]):
                if not isinstance(r, errors.InputError):
                    preds[g["id"]] = r.model_dump(mode="json")
    scores = score(golds, preds)
    _show_scores(scores, f"{split} split: {len(golds)} articles", report)
    floors: dict[str, float] = {}
    for item in floor or []:
        name, _, value = item.partition("=")
        try:
            floors[name] = float(value)
        except ValueError:
            raise typer.BadParameter(f"--floor wants FIELD=NUMBER, got {item!r}")
    rows = {r["field"]: r["f1"] for r in summary_rows(scores)}
    unknown = set(floors) - set(rows)
    if unknown:
        raise typer.BadParameter(f"unknown field(s) in --floor: {', '.join(sorted(unknown))}")
    low = [f"{f} {v:.3f} < {min_f1}" for f, v in rows.items() if min_f1 is not None and v is not None and v < min_f1]
    low += [f"{f} {rows[f]:.3f} < {x}" for f, x in floors.items() if rows[f] is not None and rows[f] < x]
    if low:
        console.print(f"[red]below the floor: {'; '.join(low)}")
        raise typer.Exit(1)


@app.command()
def agreement(
    gold: Annotated[Path, typer.Option(help="The gold folder (with gold/ and second_pass/gold/).")] = Path("data/annotated"),
    report: Annotated[Optional[Path], typer.Option(help="Write the comparison as CSV and Markdown here.")] = None,
) -> None:
    """How far two independent annotation passes agree, per field (the second scored against the first)."""
    from .evaluate.gold import load_gold
    from .evaluate.score import agreement as agree

    second = load_gold(gold, "all", sub="second_pass/gold")
    first = load_gold(gold, "all")
    _show_scores(agree(first, second), f"agreement between annotation passes: {len(second)} articles", report)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(ctx: typer.Context) -> None:
    """Rebuild the NER model into models/ner-vi (about 20 minutes on 2 cores); options are those of
    `python -m extractor.nermodel.train --help`."""
    from .nermodel.train import main as train_main

    raise typer.Exit(train_main(list(ctx.args)))


def _show_scores(scores, title: str, report: Optional[Path]) -> None:
    """Print the per-field table; with a report folder, write it as CSV and Markdown too."""
    from .evaluate.report import print_summary, write_report

    print_summary(scores, title, Console())
    if report is not None:
        for p in write_report(scores, report, title):
            console.print(f"wrote {p}")
