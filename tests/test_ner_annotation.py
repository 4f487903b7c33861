"""The NER annotation layers (data/annotated/ner, ner_dev, ner_test): the checker rejects bad
drafts, drafts become the spans training and the CoNLL file use, and the committed
test_ner.conll is what the layer gives. Nothing here trains."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.nermodel import conll, data

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import ner_tool  # noqa: E402


def test_checker_accepts_every_committed_draft():
    from extractor.nermodel.agreement import SECOND_DIR

    for folder in (data.NER_DIR, data.NER_DEV_DIR, data.NER_TEST_DIR, SECOND_DIR):
        drafts = sorted(folder.glob("*.json"))
        assert drafts, folder
        found = {p.name: ner_tool.problems(p) for p in drafts}
        assert {name: errs for name, errs in found.items() if errs} == {}


def test_checker_rejects_strings_not_in_the_article(tmp_path):
    draft = tmp_path / "x.json"
    draft.write_text(json.dumps({"id": "001_4243e8b00d04b6f6", "persons": ["Lê Xuân Tiến", "Lê Xuân"],
                                 "organisations": ["Ban Tuyên giáo Tỉnh ủy,", "Sở Không Có",
                                                   "Tỉnh ủy", "Tỉnh ủy"], "extra": 1}), encoding="utf-8")
    errs = ner_tool.problems(draft)
    assert "unknown keys ['extra']" in errs
    assert any("'Ban Tuyên giáo Tỉnh ủy,'" in e and "letter or digit" in e for e in errs)
    assert any("'Sở Không Có' is not in the article" in e for e in errs)
    assert any("'Tỉnh ủy' listed twice" in e for e in errs)
    assert not any("Lê Xuân Tiến" in e or "'Lê Xuân'" in e for e in errs)  # both are in the text


def test_checker_cli_exit_codes(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "ner_tool.py"), "check", str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "unreadable" in run.stdout


def test_draft_spans_label_every_occurrence_but_not_titles_or_bare_words():
    text = ("Cục Quản lý thị trường họp. Cục trưởng Nguyễn Văn A nói Cục sẽ làm; "
            "Đảng viên và Đảng bộ xã; Nguyễn Văn A ký.")
    draft = {"persons": ["Nguyễn Văn A"], "organisations": ["Cục Quản lý thị trường", "Cục", "Đảng"]}
    got = [(text[s:e], label) for s, e, label in data.ner_draft_spans(text, draft)]
    assert got.count(("Nguyễn Văn A", "PERSON")) == 2
    assert ("Cục Quản lý thị trường", "ORGANIZATION") in got
    assert ("Cục", "ORGANIZATION") not in got  # a bare general word: left out (gold convention)
    assert not any(t == "Đảng" for t, _ in got)


def test_title_tail_occurrence_is_skipped():
    text = "Đảng ủy họp; ông Lê Văn C, Đảng ủy viên, dự; Đảng ủy giao nhiệm vụ."
    got = [text[s:e] for s, e, _ in data.ner_draft_spans(text, {"organisations": ["Đảng ủy"]})]
    assert got == ["Đảng ủy", "Đảng ủy"]  # not the one in "Đảng ủy viên" (a party-committee member)


def test_credit_and_document_code_occurrences_are_skipped():
    # the code and the credit as written in data/raw/hungyen-23545.txt and baomoi17-22373294.txt
    text = ("Nghị quyết số 09/2024/NQ-HĐND của HĐND tỉnh. "
            "Ảnh: Văn Điệp/TTXVN Bà Trương Thị Mai đánh giá cao TTXVN.")
    got = [(s, text[s:e]) for s, e, _ in data.ner_draft_spans(text, {"organisations": ["HĐND", "TTXVN"]})]
    assert [t for _, t in got] == ["HĐND", "TTXVN"]
    assert got[0][0] == text.index("của HĐND") + 4 and got[1][0] == text.rindex("TTXVN")


def test_unlabelled_org_runs_skip_titles_and_labelled_spans():
    text = "Nhân dịp này, Quân khu 3 tặng Cờ; Phó Cục trưởng Nguyễn Văn B dự; BHXH Việt Nam giao."
    runs = [text[a:b] for a, b in data.unlabelled_org_runs(text, [])]
    assert runs == ["Quân khu 3 tặng Cờ", "BHXH Việt Nam giao"]
    s = text.index("BHXH")
    assert [text[a:b] for a, b in data.unlabelled_org_runs(text, [(s, s + 13, "ORGANIZATION")])] == \
        ["Quân khu 3 tặng Cờ"]


def test_committed_test_ner_conll_is_what_the_layer_gives(tmp_path):
    out = tmp_path / "t.conll"
    conll.write(conll.gold_sentences("test", layer="ner"), out)
    assert out.read_text(encoding="utf-8") == (data.GOLD_DIR / "test_ner.conll").read_text(encoding="utf-8")


def test_ner_layer_has_every_test_article_and_none_trains():
    test_ids = set(data.split_ids("test"))
    assert {p.stem for p in data.NER_TEST_DIR.glob("*.json")} == test_ids
    assert not test_ids & {p.stem for p in data.NER_DIR.glob("*.json")}
    assert {p.stem for p in data.NER_DEV_DIR.glob("*.json")} <= set(data.split_ids("dev"))


def test_bad_ner_switch_is_an_error(monkeypatch):
    from extractor.ner import document_entities
    from extractor.pipeline import prepare

    monkeypatch.setenv("EXTRACTOR_NER", "bogus")
    doc = prepare(data.read_article(data.RAW_DIR / "004_011d73779fde9fba.txt"))
    with pytest.raises(ValueError, match="EXTRACTOR_NER='bogus'"):
        document_entities(doc)
    monkeypatch.setenv("EXTRACTOR_NER", "off")
    assert document_entities(doc) == []


def test_every_raw_article_keeps_its_manifest_row_and_every_ner_article_is_raw():
    import csv

    rows = list(csv.DictReader((ROOT / "data" / "manifest.csv").open(encoding="utf-8")))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == {p.stem for p in data.RAW_DIR.glob("*.txt")}
    assert all(r["license_note"].strip() for r in rows)
    batch = list(csv.DictReader((data.NER_DIR / "manifest.csv").open(encoding="utf-8")))
    assert {r["round"] for r in batch} == {str(k) for k in range(1, 8)}
    assert {r["id"] for r in batch} <= set(ids)
    assert {r["id"] for r in batch} == {p.stem for p in data.NER_DIR.glob("*.json")}


def test_second_test_layer_agreement_counts_a_dropped_organisation(tmp_path, monkeypatch):
    from extractor.nermodel import agreement

    aid = "vntc-xh-vne-1000"
    draft = data.ner_draft(aid, agreement.SECOND_DIR)
    assert draft is not None and "UBND tỉnh Bạc Liêu" in draft["organisations"]
    same = agreement.agreement([aid])["rows"]["second vs first"]
    (tmp_path / f"{aid}.json").write_text(json.dumps(
        {**draft, "organisations": [o for o in draft["organisations"] if o != "UBND tỉnh Bạc Liêu"]}),
        encoding="utf-8")
    monkeypatch.setattr(agreement, "SECOND_DIR", tmp_path)
    fewer = agreement.agreement([aid])["rows"]["second vs first"]
    assert fewer["ORGANIZATION"]["r"] < same["ORGANIZATION"]["r"]
    assert fewer["ORGANIZATION"]["n"] == same["ORGANIZATION"]["n"]  # the first layer is the reference


def test_a_leader_listed_as_a_person_is_not_labelled_inside_a_city_or_road_name():
    text = ("Chủ tịch Hồ Chí Minh đến TP Hồ Chí Minh, qua đường Hồ Chí Minh. "
            "Chủ tịch UBND TP Lê Hồng Sơn dự.")
    spans = data.ner_draft_spans(text, {"persons": ["Hồ Chí Minh", "Lê Hồng Sơn"], "organisations": []})
    assert [text[a:b] for a, b, _ in spans] == ["Hồ Chí Minh", "Lê Hồng Sơn"]
    assert spans[0][0] == text.index("Hồ Chí Minh")


def test_silver_organisations_can_be_missing_while_gold_ones_stay_labelled():
    from collections import Counter

    from extractor.nermodel.tokens import make_nlp
    from extractor.nermodel.train import to_examples

    text = "Đồng chí Lê Xuân Tiến, Ủy viên Ban Thường vụ Tỉnh ủy phát biểu."
    per = (text.index("Lê"), text.index(","), "PERSON")
    org = (text.index("Ban"), text.index(" phát"), "ORGANIZATION")
    rows = [{"text": text, "spans": [per, org], "source": src} for src in ("silver", "gold")]
    silver, gold = to_examples(make_nlp(), rows, Counter(), silver_org="missing")
    assert [(e.text, e.label_) for e in silver.reference.ents] == [("Lê Xuân Tiến", "PERSON")]
    assert {t.text for t in silver.reference if t.ent_iob_ == ""} == {"Ban", "Thường", "vụ", "Tỉnh", "ủy"}
    assert [(e.text, e.label_) for e in gold.reference.ents] == [
        ("Lê Xuân Tiến", "PERSON"), ("Ban Thường vụ Tỉnh ủy", "ORGANIZATION")]
    assert all(t.ent_iob_ != "" for t in gold.reference)
