"""BIO CoNLL files: the gold `test` split written as one token a line, and a reader.

`python -m extractor.nermodel.conll` writes `data/annotated/test.conll` from the gold test
split: PERSON from officials' mentions, ORGANIZATION from units' mentions, DATE from dates'
spans (each with every other exact occurrence in the same article, as for training), LOCATION
from the gazetteer rule (gold has no places; `data.locations`). Tokens are the model's syllable
tokens (`tokens.token_spans`); sentences are lines, long lines cut into sentences. Lines the
pipeline marks as page chrome (menus, link lists, footers: chrome.py, which looks at layout,
not at entities) are left out, since gold does not annotate chrome; `--all-lines` keeps them.

`--layer ner` writes `data/annotated/test_ner.conll` instead: PERSON and ORGANIZATION from the
NER layer of the test split (`data/annotated/ner_test/`, annotated by hand the way the NER batch
is: every mention of every specific body, including bodies inside positions), DATE and LOCATION
as above. The units-derived file scores a tagger against the *units* field's conventions (a body
inside a position is a unit only when it belongs to the article's locality; at least one
mention per unit), which a sentence-level tagger cannot see; the NER layer is an entity
annotation proper. Both are reported.

Format: `token TAG` a line (IOB2 tags), a blank line after each sentence, and a
`# id = <article> <start>-<end>` comment before each sentence (readers here skip `#` lines).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import data
from .tokens import segments, token_spans

_TAG = re.compile(r"O|[BIES]-\S+")
DEFAULT_OUT = data.GOLD_DIR / "test.conll"
DEFAULT_NER_OUT = data.GOLD_DIR / "test_ner.conll"
EVAL_KINDS = ("content", "header", "duplicate")


def layer_spans(aid: str, text: str, layer: str) -> list[data.Span]:
    """Base spans of one article: `units` = the gold record's officials, units and dates;
    `ner` = the NER layer's persons and organisations (`data/annotated/ner_test/`, annotated
    like the NER batch) with the gold record's dates."""
    rec = data.gold_record(aid)
    if layer == "units":
        return data.gold_spans(rec)
    return data.ner_layer_spans(aid, text, data.NER_TEST_DIR) + [x for x in data.gold_spans(rec) if x[2] == "DATE"]


def gold_sentences(split: str = "test", all_lines: bool = False, ids: list[str] | None = None,
                   layer: str = "units") -> list[tuple[str, str, int, list[data.Span]]]:
    """(article id, sentence text, sentence start in the article, local spans) for a gold split."""
    out = []
    for aid in ids if ids is not None else data.split_ids(split):
        raw = data.read_article(data.RAW_DIR / f"{aid}.txt")
        text = raw.text
        spans = data.label_article(text, layer_spans(aid, text, layer))
        if all_lines:
            ranges = [(0, len(text))]
        else:
            ranges = [(s, e) for s, e, kind in data.article_blocks(raw) if kind in EVAL_KINDS]
        for s, e in [seg for r in ranges for seg in segments(text, r[0], r[1], [(a, b) for a, b, _ in spans])]:
            local = [(a - s, b - s, label) for a, b, label in spans if s <= a and b <= e]
            out.append((aid, text[s:e], s, local))
    return out


def bio(text: str, spans: list[data.Span], tokens: list[tuple[int, int]] | None = None) -> tuple[list[str], list[str]]:
    """Tokens of `text` and their IOB2 tags; a token belongs to an entity it overlaps."""
    tokens = token_spans(text) if tokens is None else tokens
    tags = ["O"] * len(tokens)
    for s, e, label in sorted(spans):
        inside = [i for i, (a, b) in enumerate(tokens) if a < e and s < b]
        for k, i in enumerate(inside):
            if tags[i] != "O":
                continue
            tags[i] = ("B-" if k == 0 else "I-") + label
    return [text[a:b] for a, b in tokens], tags


def write(sentences, path: Path) -> dict:
    n_tok = n_ent = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for aid, text, start, spans in sentences:
            toks, tags = bio(text, spans)
            f.write(f"# id = {aid} {start}-{start + len(text)}\n")
            for t, g in zip(toks, tags):
                f.write(f"{t} {g}\n")
            f.write("\n")
            n_tok += len(toks)
            n_ent += sum(1 for g in tags if g.startswith("B-"))
    return {"sentences": len(sentences), "tokens": n_tok, "entities": n_ent}


def read(path: str | Path, mapping: dict[str, str] | None = None) -> list[tuple[list[str], list[str]]]:
    """Sentences of a CoNLL file as (tokens, IOB2 tags). The token is the first column and the
    tag the last; `-DOCSTART-` and `#` lines are skipped; types are renamed by `mapping`;
    IOB1 or bare I- starts are repaired to IOB2."""
    mapping = mapping or {}
    out: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush():
        nonlocal toks, tags
        if toks:
            out.append((toks, to_iob2(tags)))
        toks, tags = [], []

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        cols = line.split()
        if cols[0] == "#" and (len(cols) != 2 or not _TAG.fullmatch(cols[1])):
            continue  # a comment ("# id = …"); "# O" is the token "#"
        if cols[0] == "-DOCSTART-":
            continue
        if len(cols) == 1:
            cols = [cols[0], "O"]
        tok, tag = cols[0], cols[-1]
        if tag != "O" and "-" in tag:
            prefix, typ = tag.split("-", 1)
            tag = f"{prefix}-{mapping.get(typ, typ)}"
        elif tag != "O":
            tag = "O"
        toks.append(tok)
        tags.append(tag)
    flush()
    return out


def to_iob2(tags: list[str]) -> list[str]:
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.nermodel.conll", description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    ap.add_argument("--out", type=Path, default=None, help=f"default {DEFAULT_OUT} (for test)")
    ap.add_argument("--all-lines", action="store_true", help="keep page-chrome lines too")
    ap.add_argument("--layer", choices=["units", "ner"], default="units",
                    help="units: persons/organisations from the gold record's officials and units "
                         f"(→ {DEFAULT_OUT.name}); ner: from the NER layer in data/annotated/ner_test/ "
                         f"(→ {DEFAULT_NER_OUT.name}; test split only)")
    args = ap.parse_args(argv)
    if args.layer == "ner" and args.split != "test":
        ap.error("--layer ner exists for the test split only")
    default = DEFAULT_NER_OUT if args.layer == "ner" else DEFAULT_OUT
    out = args.out or (default if args.split == "test" else data.BUILD / f"{args.split}.conll")
    out.parent.mkdir(parents=True, exist_ok=True)
    stats = write(gold_sentences(args.split, args.all_lines, layer=args.layer), out)
    print(f"{out}: {stats}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
