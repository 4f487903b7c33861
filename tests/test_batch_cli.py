"""The commands as a user runs them: bad input is reported and never stops the batch."""
import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import RAW

from extractor.cli import app
from extractor.load import decode_bytes, load
from extractor import errors

runner = CliRunner()
SEED = RAW / "002_cf643962d784c976.txt"


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_one_bad_file_never_stops_the_batch(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a_good.txt").write_bytes(SEED.read_bytes())
    (inp / "b_empty.txt").write_bytes(b"")
    (inp / "c_binary.txt").write_bytes(bytes(range(256)) * 4)
    (inp / "d_lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": SEED.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n{not json\n"
        + json.dumps({"id": "j3", "title": "x"}) + "\n", encoding="utf-8")
    (inp / "e_notes.csv").write_text("ignored", encoding="utf-8")  # not an article type: skipped
    out = tmp_path / "out"
    res = runner.invoke(app, ["batch", str(inp), str(tmp_path / "missing.txt"), "--out", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    records = read_jsonl(out / "records.jsonl")
    assert [r["id"] for r in records] == ["a_good", "j1"]
    assert records[1]["source"]["format"] == "jsonl" and records[1]["source"]["text"].startswith("Ban Tuyên giáo")
    errs = read_jsonl(out / "errors.jsonl")
    kinds = sorted((e["path"].rsplit("/", 1)[-1], e["kind"]) for e in errs)
    assert kinds == [("b_empty.txt", "empty"), ("c_binary.txt", "binary"), ("d_lines.jsonl", "bad_jsonl"),
                     ("d_lines.jsonl", "bad_jsonl"), ("missing.txt", "unreadable")]
    assert re.search(r"articles extracted\s*│\s*2\s", res.output)
    assert re.search(r"failures\s*│\s*5\s", res.output)


def test_batch_output_is_deterministic_across_worker_counts(tmp_path):
    files = sorted(RAW.glob("00*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    runner.invoke(app, ["batch", *map(str, files), "--out", str(a), "--workers", "1"])
    runner.invoke(app, ["batch", *map(str, files), "--out", str(b), "--workers", "2"])
    assert (a / "records.jsonl").read_bytes() == (b / "records.jsonl").read_bytes()


@pytest.mark.parametrize("data, text, encoding", [
    ("Tỉnh ủy".encode("utf-8"), "Tỉnh ủy", "utf-8"),
    (b"\xef\xbb\xbf" + "Tỉnh ủy".encode("utf-8"), "Tỉnh ủy", "utf-8-sig"),
    ("Tỉnh ủy".encode("utf-16"), "Tỉnh ủy", "utf-16"),
])
def test_decoding(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


def test_unsupported_and_missing_inputs(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(errors.InputError) as e:
        load(tmp_path / "x.pdf")
    assert e.value.kind == "unsupported"
    with pytest.raises(errors.InputError) as e:
        load(tmp_path / "nope.txt")
    assert e.value.kind == "unreadable"


def test_inspect_json_and_html(tmp_path):
    res = runner.invoke(app, ["inspect", str(SEED), "--json"])
    assert res.exit_code == 0
    rec = json.loads(res.stdout)
    assert rec["officials"][0]["name"] == "Võ Văn Thưởng"
    page = tmp_path / "p.html"
    res = runner.invoke(app, ["inspect", str(SEED), "--html", str(page)])
    assert res.exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert '<mark class="officials" title="officials">Võ Văn Thưởng</mark>' in html
    assert "http" not in html.split("<pre")[0].replace("charset", "")  # no external assets


def test_inspect_terminal_tables():
    res = runner.invoke(app, ["inspect", str(SEED)])
    assert res.exit_code == 0
    assert "Officials" in res.stdout and "Võ Văn Thưởng" in res.stdout and "Chỉ thị" in res.stdout


def test_inspect_reports_an_unreadable_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    res = runner.invoke(app, ["inspect", str(tmp_path / "e.txt")])
    assert res.exit_code == 2


def test_schema_command_prints_the_contract():
    res = runner.invoke(app, ["schema"])
    schema = json.loads(res.stdout)
    assert {"officials", "indicators", "tasks", "documents", "warnings"} <= set(schema["properties"])


def test_python_dash_m_entry_point():
    res = subprocess.run([sys.executable, "-m", "extractor", "--help"], capture_output=True, text=True)
    assert res.returncode == 0 and "batch" in res.stdout and "evaluate" in res.stdout
