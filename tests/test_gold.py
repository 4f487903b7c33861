"""The gold set itself: its size and split, every file valid and grounded, and the commands
that read it."""
import csv
import json

from conftest import GOLD
from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluate.gold import load_gold


def test_manifest_has_sixty_articles_in_two_splits():
    rows = list(csv.DictReader((GOLD / "manifest.csv").open(encoding="utf-8")))
    assert len(rows) >= 60
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert sum(r["split"] == "test" for r in rows) >= 25


def test_every_gold_file_validates_and_is_grounded():
    golds = load_gold(GOLD, "all")  # raises on a schema or grounding problem
    assert len(golds) >= 60
    assert sum(len(g["officials"]) for g in golds) > 50
    assert sum(len(g["indicators"]) for g in golds) > 200


def test_second_pass_covers_fifteen_articles():
    second = load_gold(GOLD, "all", sub="second_pass/gold")
    assert len(second) >= 15
    assert {g["annotator"].split("-")[0] for g in second} == {"pass2"}


def test_evaluate_with_given_predictions_and_floor(tmp_path):
    golds = load_gold(GOLD, "test")
    pred = tmp_path / "pred.jsonl"
    # The gold itself as predictions scores 1.0 everywhere; an empty prediction set fails a floor.
    pred.write_text("\n".join(json.dumps({k: v for k, v in g.items() if k != "_split"}, ensure_ascii=False)
                              for g in golds) + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--split", "test", "--pred", str(pred),
                              "--min-f1", "0.999", "--report", str(tmp_path / "rep")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "rep" / "errors.csv").is_file() and (tmp_path / "rep" / "summary.md").is_file()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--split", "test", "--pred", str(empty), "--min-f1", "0.5"])
    assert res.exit_code == 1
