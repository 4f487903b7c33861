"""How far two hand annotations of the test NER layer agree, next to the model on the same text.

`python -m extractor.nermodel.agreement` scores the second, independent annotation of some test
articles (`data/annotated/ner_test2/`, written by annotators who did not see the first one)
against the first (`data/annotated/ner_test/`, the one `test_ner.conll` is made from), and the
model against each, with the same strict entity-level seqeval scoring as `extractor.bench ner`.
Why: an F1 target means little above the level at which two careful people agree. PERSON and
ORGANIZATION only: LOCATION and DATE come from the same rules in both layers.

Sentences are cut as for the CoNLL files (content and header blocks, entities never split), with
the entities of both layers protected, so all three taggings share one tokenisation.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import data
from .conll import EVAL_KINDS, bio
from .tokens import segments, token_spans

SECOND_DIR = data.GOLD_DIR / "ner_test2"
KINDS = ("PERSON", "ORGANIZATION")


def _layer(text: str, folder: Path, aid: str) -> list[data.Span]:
    return [x for x in data.resolve(data.ner_layer_spans(aid, text, folder)) if x[2] in KINDS]


def tag_sequences(ids: list[str], nlp=None) -> dict[str, list[list[str]]]:
    """IOB2 tags per sentence for the first layer, the second layer and the model."""
    from .model import pipe_entities

    out: dict[str, list[list[str]]] = {"first": [], "second": [], "model": []}
    texts: list[str] = []
    for aid in ids:
        raw = data.read_article(data.RAW_DIR / f"{aid}.txt")
        text = raw.text
        a, b = _layer(text, data.NER_TEST_DIR, aid), _layer(text, SECOND_DIR, aid)
        protect = [(s, e) for s, e, _ in a + b]
        ranges = [(s, e) for s, e, kind in data.article_blocks(raw) if kind in EVAL_KINDS]
        for s, e in [seg for r in ranges for seg in segments(text, r[0], r[1], protect)]:
            sent = text[s:e]
            toks = token_spans(sent)
            for key, spans in (("first", a), ("second", b)):
                local = [(x - s, y - s, lab) for x, y, lab in spans if s <= x and y <= e]
                out[key].append(bio(sent, local, toks)[1])
            texts.append(sent)
    for sent, ents in zip(texts, pipe_entities(texts, nlp=nlp)):
        ents = [x for x in ents if x[2] in KINDS]
        out["model"].append(bio(sent, ents, token_spans(sent))[1])
    return out


def agreement(ids: list[str] | None = None, nlp=None) -> dict[str, dict]:
    """Rows "second vs first", "model vs first", "model vs second": per type and P+O."""
    from ..bench import prf

    ids = ids if ids is not None else sorted(p.stem for p in SECOND_DIR.glob("*.json"))
    tags = tag_sequences(ids, nlp)
    rows = {}
    for name, gold, pred in (("second vs first", "first", "second"), ("model vs first", "first", "model"),
                             ("model vs second", "second", "model")):
        rep = prf(tags[gold], tags[pred])
        rows[name] = {k: rep[k] for k in (*KINDS, "micro avg") if k in rep}
    return {"articles": len(ids), "sentences": len(tags["first"]), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.nermodel.agreement", description=__doc__.split("\n")[0])
    ap.parse_args(argv)
    from rich.console import Console
    from rich.table import Table

    res = agreement()
    table = Table(title=f"NER layer agreement on {res['articles']} test articles, {res['sentences']} sentences "
                        "(strict entity F1; the first named is the reference)")
    table.add_column("pair")
    for k in (*KINDS, "PERSON+ORGANIZATION"):
        table.add_column(k, justify="right")
    for name, rep in res["rows"].items():
        cells = []
        for k in (*KINDS, "micro avg"):
            v = rep.get(k)
            cells.append(f"{v['f']:.3f} (P {v['p']:.2f} R {v['r']:.2f}, n={v['n']})" if v else "-")
        table.add_row(name, *cells)
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
