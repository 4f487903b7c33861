"""Show one article's extraction: rich tables and highlighted text in a terminal, or a
self-contained HTML page (inline CSS, no scripts, no external assets) for a browser."""
from __future__ import annotations

import html
import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .schema import ArticleRecord

COLOURS = {"dates": "#1f77b4", "units": "#2ca02c", "officials": "#d62728", "indicators": "#ff7f0e",
           "tasks": "#9467bd", "documents": "#8c564b", "event": "#17becf"}
# Tasks are long: painted after (under) the short items so those stay visible.
PAINT_ORDER = ["tasks", "event", "units", "documents", "dates", "indicators", "officials"]


def _layers(record: ArticleRecord) -> list[tuple[int, int, str]]:
    spans = [(s.start, s.end, f) for f, _, s in record.spans()]
    return sorted(spans, key=lambda x: PAINT_ORDER.index(x[2]))


def tables(record: ArticleRecord) -> Group:
    meta = Table(title=f"{record.id}", show_header=False)
    meta.add_row("title", record.title or "—")
    meta.add_row("published", record.published_date or "—")
    meta.add_row("author", record.author or "—")
    if record.event:
        e = record.event
        meta.add_row("event", f"{e.date or '?'} · {e.kind} · {e.period.label if e.period else '—'} · "
                              f"{e.organiser or '—'}")
    meta.add_row("warnings", "; ".join(record.warnings) or "—")
    parts = [meta]
    t = Table(title="Officials", title_style=COLOURS["officials"])
    t.add_column("name")
    t.add_column("titles")
    for o in record.officials:
        t.add_row(o.name, "\n".join(o.titles))
    parts.append(t)
    t = Table(title="Units", title_style=COLOURS["units"])
    for c in ("name", "level", "mentions"):
        t.add_column(c)
    for u in record.units:
        t.add_row(u.name, u.level or "", str(len(u.mentions)))
    parts.append(t)
    t = Table(title="Indicators", title_style=COLOURS["indicators"])
    for c in ("evidence", "value", "unit", "qualifier", "subject"):
        t.add_column(c)
    for i in record.indicators:
        t.add_row(i.span.text, f"{i.value:g}", i.unit, i.qualifier, i.subject)
    parts.append(t)
    t = Table(title="Dates and documents", title_style=COLOURS["dates"])
    for c in ("evidence", "value"):
        t.add_column(c)
    for d in record.dates:
        t.add_row(d.span.text, d.value + (" (year inferred)" if d.year_inferred else ""))
    for d in record.documents:
        t.add_row(d.span.text, f"{d.kind} {d.number or ''} {d.code or ''}".strip())
    parts.append(t)
    t = Table(title="Tasks", title_style=COLOURS["tasks"])
    t.add_column("#")
    t.add_column("text")
    for task in record.tasks:
        t.add_row(str(task.index), task.text)
    parts.append(t)
    return Group(*parts)


def highlighted(record: ArticleRecord, source: str) -> Text:
    text = Text(source)
    for s, e, field in _layers(record):
        style = f"bold {COLOURS[field]}" if field != "tasks" else f"underline {COLOURS[field]}"
        text.stylize(style, s, e)
    return text


def show(record: ArticleRecord, source: str, console: Console | None = None) -> None:
    console = console or Console()
    console.print(tables(record))
    console.rule("text (evidence highlighted; colours as table titles)")
    console.print(highlighted(record, source))


def to_html(record: ArticleRecord, source: str) -> str:
    """One page: the text with every item highlighted by field colour, the record beside it."""
    marks: list[str | None] = [None] * len(source)
    for s, e, field in _layers(record):
        for k in range(s, e):
            marks[k] = field
    out, k = [], 0
    while k < len(source):
        f = marks[k]
        j = k
        while j < len(source) and marks[j] == f:
            j += 1
        chunk = html.escape(source[k:j])
        out.append(f'<mark class="{f}" title="{f}">{chunk}</mark>' if f else chunk)
        k = j
    legend = " ".join(f'<mark class="{f}">{f}</mark>' for f in COLOURS)
    css = "\n".join(f"mark.{f}{{background:{c}33;border-bottom:2px solid {c}}}" for f, c in COLOURS.items())
    record_json = html.escape(json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=1))
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(record.id)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:0;display:flex;gap:1rem;height:100vh}}
#text{{flex:3;overflow:auto;padding:1rem;white-space:pre-wrap;line-height:1.5}}
#record{{flex:2;overflow:auto;padding:1rem;background:#f6f6f6;font-size:12px}}
mark{{color:inherit}}
{css}
</style></head><body>
<div id="text"><p>{legend}</p>{''.join(out)}</div>
<pre id="record">{record_json}</pre>
</body></html>
"""
