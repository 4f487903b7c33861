"""The contract's invariant over every article in data/raw/, through the batch command, and
the shared checker's verdict."""
import json
import subprocess
import sys

from conftest import RAW, ROOT

from extractor.schema import ArticleRecord


def test_every_span_of_every_record_is_grounded(tmp_path):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "extractor", "batch", str(RAW), "--out", str(out), "--workers", "2"],
                   check=True, capture_output=True)
    lines = (out / "records.jsonl").read_text(encoding="utf-8").split("\n")
    records = [json.loads(line) for line in lines if line]
    assert len(records) == len(list(RAW.glob("*.txt")))
    assert (out / "errors.jsonl").read_text() == ""
    spans = 0
    for rec in records:
        model = ArticleRecord.model_validate(rec)
        source = (ROOT / rec["source"]["path"]).read_bytes().decode(rec["source"]["encoding"])
        for field, i, span in model.spans():
            assert source[span.start:span.end] == span.text, (rec["id"], field, i)
            spans += 1
    assert spans > 10000
    checker = ROOT.parent / "shared" / "tools" / "check_records.py"
    if checker.is_file():
        res = subprocess.run([sys.executable, str(checker), str(out / "records.jsonl"), "--quiet"],
                             capture_output=True, text=True, cwd=ROOT)
        assert res.returncode == 0, res.stdout
        assert "0 records with problems" in res.stdout
