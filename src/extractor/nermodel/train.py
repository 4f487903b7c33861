"""Train the NER model: `python -m extractor.nermodel.train` → `models/ner-vi/`.

A spaCy pipeline (the project's tokenizer + `ner`) with the CNN "efficiency" settings on CPU:
hash embeddings of NORM/PREFIX/SUFFIX/SHAPE (no pretrained vectors), a 4-layer maxout window
encoder of width 64 that reads 2 tokens each side per layer (so 8 syllables each side: long
organisation names need the context), a transition-based NER with a 64-wide hidden layer.
The data is built by `extractor.nermodel.data` (hand-annotated gold: the dev split's NER layer
and the NER batch; the rules' silver on the rest of the corpus; never the `test` split); gold
sentences are repeated `--gold-weight` times. In silver sentences, organisation-like runs the
rules left unlabelled are marked missing rather than "not an entity" (`--silver-missing`, the
default).
The seed fixes shuffling, dropout and initialisation. Writes the model and `TRAINING.md` (data
counts, settings, time, command).

`--holdout-round R` keeps the NER batch articles of annotation round R out of training (neither
gold nor silver) and reports the F1 on them after each epoch; `--holdout K [--fold F]` does the
same with every K-th dev article (starting at F). Both are for choosing settings: the shipped
model holds nothing out. `--no-batch` leaves the NER batch out (to measure what it adds).
`--gold-finish N`, `--window`, `--extra-state`, `--silver-org`, `--width` and friends are the
settings tried on held-out data (models/README.md).
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from . import LABELS, data
from .tokens import make_nlp

ROOT = data.ROOT
DEFAULT_OUT = ROOT / "models" / "ner-vi"


def model_config(width: int, depth: int, rows: list[int], hidden: int, window: int = 2,
                 extra_state: bool = False) -> dict:
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner", "extra_state_tokens": extra_state, "hidden_width": hidden,
        "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                      "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": rows,
                      "include_static_vectors": False},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width,
                       "depth": depth, "window_size": window, "maxout_pieces": 3},
        },
    }


def _overlaps(span, others) -> bool:
    """`span` shares a token with one of `others` (spaCy spans of the same doc)."""
    return any(span.start < o.end and o.start < span.end for o in others)


def to_examples(nlp, rows: list[dict], stats: Counter, silver_missing: bool = False,
                silver_org: str = "rules"):
    """spaCy Examples; with `silver_missing`, organisation-like runs the rules left unlabelled in
    silver sentences are marked missing (`data.unlabelled_org_runs`) instead of outside. With
    `silver_org="missing"` the rules' organisation spans are missing too (organisations are then
    learnt from the hand-annotated sentences alone; silver still teaches what is outside)."""
    from spacy.training import Example

    out = []
    for r in rows:
        pred = nlp.make_doc(r["text"])
        ref = nlp.make_doc(r["text"])
        ents = []
        missing = []
        for s, e, label in r["spans"]:
            if silver_org == "missing" and label == "ORGANIZATION" and r["source"] == "silver":
                span = ref.char_span(s, e, alignment_mode="expand")
                if span is not None and not _overlaps(span, ents + missing):
                    missing.append(span)
                    stats["silver_org_spans_missing"] += 1
                continue
            span = ref.char_span(s, e, label=label, alignment_mode="strict")
            if span is None:
                span = ref.char_span(s, e, label=label, alignment_mode="expand")
                stats["spans_expanded_to_tokens"] += 1
            if span is None or _overlaps(span, ents + missing):
                stats["spans_dropped"] += 1
                continue
            ents.append(span)
        if silver_missing and r["source"] == "silver":
            for s, e in data.unlabelled_org_runs(r["text"], [tuple(x) for x in r["spans"]]):
                span = ref.char_span(s, e, alignment_mode="contract")
                if span is not None and len(span) and not _overlaps(span, ents + missing):
                    missing.append(span)
                    stats["silver_missing_runs"] += 1
        ref.set_ents(ents, missing=missing, default="outside")
        out.append(Example(pred, ref))
    return out


def score(nlp, rows: list[dict]) -> dict:
    """Exact-span micro P/R/F1 per label, over PERSON+ORGANIZATION+LOCATION, and DATE."""
    from .model import pipe_entities

    tp, fp, fn = Counter(), Counter(), Counter()
    preds = pipe_entities([r["text"] for r in rows], nlp=nlp)
    for r, pred in zip(rows, preds):
        gold = {tuple(x) for x in r["spans"]}
        pred = set(pred)
        for x in pred & gold:
            tp[x[2]] += 1
        for x in pred - gold:
            fp[x[2]] += 1
        for x in gold - pred:
            fn[x[2]] += 1
    out = {}
    groups = {**{lab: [lab] for lab in LABELS}, "PER+ORG+LOC": ["PERSON", "ORGANIZATION", "LOCATION"]}
    for name, labs in groups.items():
        t, p, n = sum(tp[x] for x in labs), sum(fp[x] for x in labs), sum(fn[x] for x in labs)
        prec = t / (t + p) if t + p else 0.0
        rec = t / (t + n) if t + n else 0.0
        out[name] = {"p": round(prec, 4), "r": round(rec, 4),
                     "f": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0, "n": t + n}
    return out


def round_ids(rnd: int) -> set[str]:
    """The NER batch articles of annotation round `rnd` (`data/annotated/ner/manifest.csv`)."""
    import csv

    with (data.NER_DIR / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return {r["id"] for r in csv.DictReader(f) if int(r["round"]) == rnd}


def holdout_ids(k: int, fold: int | None = None) -> set[str]:
    """Every k-th dev article, starting at `fold` (default k-1): k folds for cross-validation."""
    if k <= 0:
        return set()
    fold = k - 1 if fold is None else fold
    dev = data.split_ids("dev")
    return {aid for i, aid in enumerate(dev) if i % k == fold}


def train(out: Path = DEFAULT_OUT, seed: int = 0, epochs: int = 8, max_minutes: float = 50.0,
          gold_weight: int = 3, holdout: int = 0, width: int = 64, depth: int = 4,
          rows: tuple[int, ...] = (10000, 1000, 2500, 1000), hidden: int = 64, dropout: float = 0.1,
          batch_start: float = 16, batch_end: float = 128, learn_rate: float = 0.001,
          neg_fraction: float = 0.3, averages: bool = True, rebuild_data: bool = False,
          silver_missing: bool = True, fold: int | None = None, use_batch: bool = True,
          gold_finish: int = 0, window: int = 2, extra_state: bool = False,
          holdout_round: int = 0, silver_org: str = "rules", argv: list[str] | None = None,
          log=print) -> dict:
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch
    from thinc.api import Adam

    t_start = time.time()
    data_seconds = None
    if rebuild_data or not (data.BUILD / "examples.jsonl").is_file():
        log("building the training data (python -m extractor.nermodel.data)…")
        data_seconds = data.build(log=log)["seconds"]
    rows_all = data.load_examples()
    held = holdout_ids(holdout, fold) | (round_ids(holdout_round) if holdout_round else set())
    if not use_batch:
        batch_ids = {p.stem for p in data.NER_DIR.glob("*.json")}
        rows_all = [r for r in rows_all if r["article"] not in batch_ids]
    val_rows = [r for r in rows_all if r["article"] in held and r["variant"] == "source"]
    assert all(r["source"] == "gold" for r in val_rows), "held-out articles without hand annotation"
    train_rows = [r for r in rows_all if r["article"] not in held]
    test_ids = set(data.split_ids("test"))
    assert not any(r["article"] in test_ids for r in rows_all), "a test article in the training data"

    # one copy of each distinct silver sentence (page boilerplate repeats across articles)
    stats: Counter = Counter()
    seen: set[str] = set()
    neg_rng = random.Random(seed)
    gold, silver = [], []
    for r in train_rows:
        if r["source"] == "gold":
            gold.append(r)
        elif r["text"] in seen:
            stats["silver_repeats_dropped"] += 1
        else:
            seen.add(r["text"])
            if not r["spans"] and neg_rng.random() >= neg_fraction:
                stats["silver_empty_dropped"] += 1
                continue
            silver.append(r)
    stats["gold_sentences"] = len(gold)
    stats["silver_sentences"] = len(silver)
    for r in gold + silver:
        for _, _, label in r["spans"]:
            stats[f"{r['source']}_{label}"] += 1

    fix_random_seed(seed)
    nlp = make_nlp()
    ner = nlp.add_pipe("ner", config={"model": model_config(width, depth, list(rows), hidden, window,
                                                                        extra_state)})
    for label in LABELS:
        ner.add_label(label)
    train_ex = to_examples(nlp, gold * gold_weight + silver, stats, silver_missing, silver_org)
    stats["training_examples"] = len(train_ex)
    stats["training_tokens"] = sum(len(e.reference) for e in train_ex)
    optimizer = nlp.initialize(lambda: train_ex[:2000], sgd=Adam(learn_rate, L2=1e-6, grad_clip=1.0,
                                                                           use_averages=averages))
    avg = lambda: optimizer.averages if averages else {}  # noqa: E731
    rng = random.Random(seed)
    history = []
    best = (-1.0, None)
    tmp_best = data.BUILD / f"best-{out.resolve().name}-{seed}"
    gold_ex = to_examples(nlp, gold, Counter()) if gold_finish else []
    for epoch in range(1, epochs + gold_finish + 1):
        t0 = time.time()
        if epoch > epochs:  # the finishing epochs: hand-annotated sentences only
            train_ex = gold_ex
        rng.shuffle(train_ex)
        losses: dict = {}
        for batch in minibatch(train_ex, size=compounding(batch_start, batch_end, 1.001)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        row = {"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), "seconds": round(time.time() - t0, 1)}
        if val_rows:
            with nlp.use_params(avg()):
                sc = score(nlp, val_rows)
                row["val"] = sc
                if sc["PER+ORG+LOC"]["f"] > best[0]:
                    best = (sc["PER+ORG+LOC"]["f"], epoch)
                    if tmp_best.exists():
                        shutil.rmtree(tmp_best)
                    nlp.to_disk(tmp_best)
        history.append(row)
        log(json.dumps(row))
        if (time.time() - t_start) / 60 > max_minutes:
            log(f"stopping: over {max_minutes} minutes")
            break
    params = avg()
    if val_rows and best[1] is not None:
        nlp = spacy.load(tmp_best)
        shutil.rmtree(tmp_best)
        params = {}
    minutes = (time.time() - t_start) / 60
    if out.exists():
        for p in out.iterdir():
            if p.name != "TRAINING.md":
                shutil.rmtree(p) if p.is_dir() else p.unlink()
    nlp.meta.update({"name": "ner_vi", "version": "1.0.0", "lang": "xx",
                     "description": "Vietnamese NER for party/government news (PERSON, ORGANIZATION, "
                                    "LOCATION, DATE), trained by extractor.nermodel.train"})
    out.mkdir(parents=True, exist_ok=True)
    with nlp.use_params(params):
        nlp.to_disk(out)
    settings = {"seed": seed, "epochs": epochs, "max_minutes": max_minutes, "gold_weight": gold_weight,
                "holdout": holdout, "width": width, "depth": depth, "rows": list(rows), "hidden": hidden,
                "dropout": dropout, "batch": [batch_start, batch_end], "learn_rate": learn_rate,
                "neg_fraction": neg_fraction, "averages": averages, "silver_missing": silver_missing,
                "fold": fold, "use_batch": use_batch, "gold_finish": gold_finish,
                "window": window, "extra_state": extra_state, "holdout_round": holdout_round,
                "silver_org": silver_org}
    report = {"settings": settings, "data": dict(sorted(stats.items())), "history": history,
              "best_epoch": best[1], "minutes": round(minutes, 1), "data_seconds": data_seconds,
              "held_out_articles": sorted(held)}
    (out / "TRAINING.md").write_text(training_md(report, argv, out), encoding="utf-8")
    return report


def _size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1e6:.1f} MB"


def training_md(report: dict, argv: list[str] | None, out: Path) -> str:
    import spacy

    d, s = report["data"], report["settings"]
    cmd = "python -m extractor.nermodel.train" + ("" if not argv else " " + " ".join(argv))
    data_stats = {}
    stats_path = data.BUILD / "stats.json"
    if stats_path.is_file():
        data_stats = json.loads(stats_path.read_text(encoding="utf-8"))
    lines = [
        "# models/ner-vi: how this model was trained",
        "",
        f"Command (from the repository root): `{cmd}`",
        "",
        f"- trained in **{report['minutes']} minutes** wall-clock, everything included "
        f"({'the data built first, ' + str(report.get('data_seconds')) + ' s' if report.get('data_seconds') else 'data already built by `python -m extractor.nermodel.data`'}; "
        f"the rules' output is cached in `build/nermodel/articles.jsonl`) on "
        f"{platform.machine()} CPU, {_cpus()} cores, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}",
        f"- seed **{s['seed']}** (shuffling, dropout, initialisation: `spacy.util.fix_random_seed` and "
        "`random.Random(seed)`)",
        "",
        "## Data",
        "",
        f"- gold: {data_stats.get('articles_gold', '?')} hand-annotated articles "
        f"({data_stats.get('articles_gold', 0) - data_stats.get('articles_gold_ner_batch', 0)} of the `dev` split, "
        f"{data_stats.get('articles_gold_ner_dev', 0)} of them through their NER layer in `data/annotated/ner_dev/`; "
        f"{data_stats.get('articles_gold_ner_batch', 0)} of the NER batch in `data/annotated/ner/`), "
        f"{d.get('gold_sentences', 0)} sentences, each repeated {s['gold_weight']}×"
        + (f" ({len(report['held_out_articles'])} dev articles held out for validation)" if report['held_out_articles'] else ""),
        f"- silver: {data_stats.get('articles_silver', '?')} articles of `data/raw/` and "
        f"`../shared/corpus/articles/` labelled by the rules (never a `test` article; "
        f"{data_stats.get('skipped_test_copy', 0)} near-copies of test articles left out), "
        f"{d.get('silver_sentences', 0)} distinct sentences "
        f"({d.get('silver_repeats_dropped', 0)} repeated sentences dropped; of the sentences without "
        f"any entity {s['neg_fraction']:.0%} kept, {d.get('silver_empty_dropped', 0)} dropped)",
        "- sentences whose normalised form (NFC, new-style tone marks) differs are included in both forms",
        f"- training examples: {d.get('training_examples', 0)}, tokens: {d.get('training_tokens', 0)}",
        "",
        "| label | gold spans | silver spans |",
        "|---|---:|---:|",
    ]
    for lab in LABELS:
        lines.append(f"| {lab} | {d.get('gold_' + lab, 0)} | {d.get('silver_' + lab, 0)} |")
    lines += [
        "",
        f"Spans widened to token boundaries: {d.get('spans_expanded_to_tokens', 0)}; dropped: "
        f"{d.get('spans_dropped', 0)}.",
        "",
        "## Settings",
        "",
        "- silver sentences: organisation-like runs the rules left unlabelled are "
        + (f"marked missing (`--silver-missing`): {d.get('silver_missing_runs', 0)} runs"
           if s.get("silver_missing") else "treated as outside (not an entity)"),
        "- pipeline: tokenizer (spaCy `xx` + dashes split off) → `ner` (no other component)",
        f"- tok2vec: MultiHashEmbed.v2 attrs NORM, PREFIX, SUFFIX, SHAPE, rows {s['rows']}, width "
        f"{s['width']}; MaxoutWindowEncoder.v2 depth {s['depth']}, window {s.get('window', 1)}, maxout 3; no vectors",
        f"- ner: TransitionBasedParser.v2, hidden width {s['hidden']}, maxout 2"
        f"{', extra state tokens' if s.get('extra_state') else ''}",
        f"- Adam lr {s['learn_rate']}, L2 1e-6, grad clip 1.0"
        f"{', parameter averaging (the averaged weights are saved)' if s.get('averages') else ''}; dropout {s['dropout']}; batches of "
        f"{s['batch'][0]:g}→{s['batch'][1]:g} sentences (compounding 1.001); {s['epochs']} epochs "
        + (f"then {s['gold_finish']} on the hand-annotated sentences only " if s.get("gold_finish") else "")
        + f"(time cap {s['max_minutes']} min)",
        "",
        "## Epochs",
        "",
        "| epoch | loss | seconds | held-out F1 (PER+ORG+LOC) |",
        "|---:|---:|---:|---:|",
    ]
    for h in report["history"]:
        f1 = h.get("val", {}).get("PER+ORG+LOC", {}).get("f", "")
        lines.append(f"| {h['epoch']} | {h['loss']} | {h['seconds']} | {f1} |")
    if report["best_epoch"]:
        lines += ["", f"Kept: epoch {report['best_epoch']} (best held-out F1)."]
    else:
        lines += ["", "Kept: the last epoch."]
    lines += ["", f"Model size on disk: {_size(out)}.", ""]
    return "\n".join(lines)


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(prog="python -m extractor.nermodel.train", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--max-minutes", type=float, default=50.0,
                    help="stop after the epoch that passes this wall-clock time (a safety cap)")
    ap.add_argument("--gold-weight", type=int, default=3)
    ap.add_argument("--holdout", type=int, default=0, help="hold out every K-th dev article (0: none)")
    ap.add_argument("--fold", type=int, default=None, help="which of the K held-out folds (default K-1)")
    ap.add_argument("--no-batch", action="store_true",
                    help="leave the NER batch articles (data/annotated/ner/) out entirely (for comparison)")
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rows", type=int, nargs=4, default=[10000, 1000, 2500, 1000],
                    help="hash-embedding rows for NORM PREFIX SUFFIX SHAPE")
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--neg-fraction", type=float, default=0.3,
                    help="share of silver sentences without entities kept")
    ap.add_argument("--batch", type=float, nargs=2, default=[16, 128], help="batch size start, end (sentences)")
    ap.add_argument("--no-averages", action="store_true", help="keep the last weights, not their running average")
    ap.add_argument("--rebuild-data", action="store_true", help="rebuild build/nermodel/examples.jsonl first")
    ap.add_argument("--silver-missing", action=argparse.BooleanOptionalAction, default=True,
                    help="mark organisation-like runs the rules left unlabelled as missing in silver "
                         "(default; chosen on held-out dev, see models/README.md)")
    ap.add_argument("--gold-finish", type=int, default=0,
                    help="extra epochs after --epochs on the hand-annotated sentences only")
    ap.add_argument("--window", type=int, default=2,
                    help="tokens each side per CNN layer (2: chosen on held-out dev, see models/README.md)")
    ap.add_argument("--extra-state", action="store_true", help="the parser also reads extra state tokens")
    ap.add_argument("--holdout-round", type=int, default=0,
                    help="hold out the NER batch articles of this annotation round and score them "
                         "after each epoch (for choosing settings; 0: none)")
    ap.add_argument("--silver-org", choices=("rules", "missing"), default="rules",
                    help="the rules' organisation spans in silver sentences: labels (default) or missing")
    a = ap.parse_args(argv)
    report = train(a.out, a.seed, a.epochs, a.max_minutes, a.gold_weight, a.holdout, a.width, a.depth,
                   tuple(a.rows), a.hidden, a.dropout, batch_start=a.batch[0], batch_end=a.batch[1],
                   learn_rate=a.learn_rate, neg_fraction=a.neg_fraction,
                   averages=not a.no_averages, rebuild_data=a.rebuild_data,
                   silver_missing=a.silver_missing, fold=a.fold, use_batch=not a.no_batch,
                   gold_finish=a.gold_finish, window=a.window, extra_state=a.extra_state,
                   holdout_round=a.holdout_round, silver_org=a.silver_org, argv=argv,
                   log=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps({k: report[k] for k in ("minutes", "best_epoch")}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
