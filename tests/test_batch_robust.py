"""Batch runs that survive real input: resume, torn lines, time limits, hostile text, formats,
tables, huge folders and a Dask cluster."""
import json
import os
import time

import pandas as pd
import pytest

from conftest import RAW

from extractor import errors, extract_text
from extractor.batch import LineWriter, done_inputs, process_path, repair_tail, run_batch

SEEDS = sorted(RAW.glob("00*.txt"))


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_resume_skips_what_is_done_and_appends_the_rest(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for s in SEEDS[:3]:
        (inp / s.name).write_bytes(s.read_bytes())
    out = tmp_path / "out"
    run_batch([inp], out)
    first = (out / "records.jsonl").read_bytes()
    for s in SEEDS[3:]:
        (inp / s.name).write_bytes(s.read_bytes())
    (inp / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes() + b"\nThay doi.")  # changed content: redo
    summary = run_batch([inp], out, resume=True)
    assert summary.skipped == 2 and summary.files == 3
    records = read_jsonl(out / "records.jsonl")
    assert (out / "records.jsonl").read_bytes().startswith(first)
    assert [r["id"] for r in records] == [s.stem for s in SEEDS[:3]] + [SEEDS[0].stem] + [s.stem for s in SEEDS[3:]]


def test_a_torn_last_line_is_cut_before_resuming(tmp_path):
    out = tmp_path / "out"
    run_batch(SEEDS[:2], out)
    good = (out / "records.jsonl").read_bytes()
    with open(out / "records.jsonl", "ab") as f:
        f.write(b'{"id": "half a rec')  # a crash mid-write
    repair_tail(out / "records.jsonl")
    assert (out / "records.jsonl").read_bytes() == good
    assert len(done_inputs(out / "records.jsonl")) == 2


def test_line_writer_writes_whole_lines(tmp_path):
    w = LineWriter(tmp_path / "x.jsonl", truncate=True)
    w.write(json.dumps({"t": "a\u2028b"}, ensure_ascii=False))  # U+2028 stays inside the line
    w.write("{}")
    w.close()
    assert (tmp_path / "x.jsonl").read_text(encoding="utf-8").split("\n") == ['{"t": "a\u2028b"}', "{}", ""]
    assert len(done_inputs(tmp_path / "x.jsonl")) == 1


def test_an_input_over_the_time_limit_is_an_error_row(tmp_path):
    big = tmp_path / "slow.txt"
    big.write_text("Ban Tuyên giáo " * 40000, encoding="utf-8")  # about two seconds of work
    [(kind, line)] = process_path(str(big), time_limit=0.2)
    assert kind == "error" and json.loads(line)["kind"] == "timeout"


@pytest.mark.parametrize("hostile", [
    "1" * 200_000,                                   # one number, no end
    "1." * 100_000,                                  # thousands groups that never close
    "ngày " * 40_000 + "1",                          # date context with no date
    "Một là, " * 25_000,                             # ordinal markers with no text
    "(1)" * 60_000,                                  # numbered markers
    "Chỉ thị số " * 20_000 + "35-CT/" * 20_000,      # document pieces
    "a" * 1_000_000,                                 # a 1 MB line with no spaces
    ("Nguyễn " * 30_000) + "Văn",                    # a name that never ends
])
def test_hostile_text_finishes_in_linear_time(hostile):
    t = time.perf_counter()
    record = extract_text(hostile)
    assert time.perf_counter() - t < 20  # a backtracking explosion would take hours
    assert record.id == "text"


def test_text_that_is_not_vietnamese_gets_a_warning():
    r = extract_text("The Provincial Party Committee held its annual review meeting on Monday. " * 10)
    assert any("does not look like Vietnamese" in w for w in r.warnings)
    assert r.officials == [] and r.units == []


def test_too_large_folder_and_vanishing_files(tmp_path, monkeypatch):
    import extractor.load as load

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_bytes(SEEDS[2].read_bytes())
    (inp / "b.txt").write_bytes(b"x" * 2048)
    (inp / "d.txt").write_bytes(SEEDS[3].read_bytes())
    monkeypatch.setattr(load, "MAX_BYTES", 1024)  # b.txt and the seeds are now "too large"
    out = tmp_path / "out"
    run_batch([inp], out)
    kinds = {e["path"].rsplit("/", 1)[-1]: e["kind"] for e in read_jsonl(out / "errors.jsonl")}
    assert kinds["b.txt"] == "too_large" and kinds["a.txt"] == "too_large"
    monkeypatch.setattr(load, "MAX_BYTES", 10**8)
    # A file that disappears after discovery: reported, the rest go on.
    real = load.read_bytes

    def vanish(path):
        if path.name == "a.txt":
            raise errors.InputError(errors.UNREADABLE, "FileNotFoundError: gone")
        return real(path)

    monkeypatch.setattr(load, "read_bytes", vanish)
    run_batch([inp], out)
    records = read_jsonl(out / "records.jsonl")
    assert [r["id"] for r in records] == ["b", "d"]
    assert any("does not look like Vietnamese" in w for w in records[0]["warnings"])
    kinds = {e["path"].rsplit("/", 1)[-1]: e["kind"] for e in read_jsonl(out / "errors.jsonl")}
    assert kinds == {"a.txt": "unreadable"}


def test_html_page_main_text_and_metadata(tmp_path):
    body = SEEDS[2].read_text(encoding="utf-8").split("\n")
    paras = "".join(f"<p>{line}</p>" for line in body[2:12] if line.strip())
    page = (f"<html><head><title>{body[0]}</title><meta property='article:published_time' content='2020-07-22'>"
            f"</head><body><nav><a href='/'>Trang chủ</a> » <a href='/tin'>Tin tức</a></nav>"
            f"<article><h1>{body[0]}</h1>{paras}</article>"
            f"<footer>Tổng lượt truy cập 8,692,052 · Giấy phép số 23/GP-TTĐT</footer></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    run_batch([tmp_path / "p.html"], tmp_path / "out")
    [rec] = read_jsonl(tmp_path / "out" / "records.jsonl")
    assert rec["source"]["format"] == "html"
    text = rec["source"]["text"]
    assert "Võ Văn Thưởng" in text and "8,692,052" not in text
    assert rec["title"].startswith("Ban Tuyên giáo Trung ương sơ kết")
    assert rec["officials"][0]["name"] == "Võ Văn Thưởng"
    for o in rec["officials"]:
        for m in o["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_jsonl_crawl_with_metadata(tmp_path):
    lines = [{"id": "x1", "url": "http://example.invalid/1", "title": "Tổng kết công tác tuyên giáo năm 2023",
              "published": "2024-01-12", "text": SEEDS[4].read_text(encoding="utf-8")},
             {"id": "x2", "text": "Sáng 22/7, Ban Tuyên giáo Trung ương tổ chức hội nghị.\u2028Năm 2020."}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    run_batch([tmp_path / "c.jsonl"], tmp_path / "out")
    recs = read_jsonl(tmp_path / "out" / "records.jsonl")
    assert [r["id"] for r in recs] == ["x1", "x2"]
    assert recs[0]["published_date"] == "2024-01-12"


def test_tables_one_per_family(tmp_path):
    from extractor.tables import write_tables

    out = tmp_path / "out"
    run_batch(SEEDS, out)
    counts = write_tables(out / "records.jsonl", tmp_path / "t")
    officials = pd.read_parquet(tmp_path / "t" / "officials.parquet")
    assert set(officials["article_id"]) >= {"001_4243e8b00d04b6f6", "003_fccfb3fbc5b1da42"}
    row = officials[officials["name"] == "Hà Anh Dũng"].iloc[0]
    assert row["titles"] == "Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng ban Tuyên giáo Tỉnh ủy"
    ind = pd.read_csv(tmp_path / "t" / "indicators.csv")
    assert 13675.0 in set(ind["value"]) and counts["articles"] == 5
    assert len(pd.read_parquet(tmp_path / "t" / "articles.parquet")) == 5


def test_a_folder_of_many_files_streams(tmp_path):
    inp = tmp_path / "many"
    inp.mkdir()
    n = int(os.environ.get("EXTRACTOR_MANY_FILES", "3000"))  # 100000 in the benchmark notes
    for i in range(n):
        (inp / f"{i:06d}.txt").write_text(f"Ngày 14/01/2021, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị {i}.",
                                          encoding="utf-8")
    summary = run_batch([inp], tmp_path / "out", workers=2)
    assert summary.articles == n and summary.failures == 0


def test_dask_engine_on_a_local_cluster(tmp_path):
    pytest.importorskip("dask.distributed")
    a = run_batch(SEEDS, tmp_path / "local")
    b = run_batch(SEEDS, tmp_path / "dask", engine="dask", workers=2)
    assert b.articles == a.articles == 5
    assert (tmp_path / "local" / "records.jsonl").read_bytes() == (tmp_path / "dask" / "records.jsonl").read_bytes()


def test_ctrl_c_leaves_whole_lines_and_resume_finishes_the_job(tmp_path):
    import signal
    import subprocess
    import sys

    clean = tmp_path / "clean"
    run_batch([RAW], clean)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "batch", str(RAW), "--out", str(out),
                             "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:  # interrupt once some records are out
        if (out / "records.jsonl").is_file() and (out / "records.jsonl").stat().st_size > 50_000:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    partial = (out / "records.jsonl").read_bytes()
    assert partial.endswith(b"\n") or partial == b""
    lines = [line for line in partial.decode("utf-8").split("\n") if line]
    assert all(json.loads(line)["id"] for line in lines)
    assert 0 < len(lines) < len(list(RAW.glob("*.txt")))
    run_batch([RAW], out, resume=True)
    assert (out / "records.jsonl").read_bytes() == (clean / "records.jsonl").read_bytes()
