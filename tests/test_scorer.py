"""The scorer on small hand-made cases: what counts as a hit, a miss and a false alarm."""
import pytest

from extractor.evaluate.match import assign, norm_name, unit_score
from extractor.evaluate.score import score


def span(text, start=0):
    return {"start": start, "end": start + len(text), "text": text}


def rec(id="a", **fields):
    base = {"id": id, "title": None, "published_date": None, "author": None, "event": None, "dates": [],
            "units": [], "officials": [], "indicators": [], "tasks": [], "documents": []}
    return base | fields


def ind(value, unit, subject="", optional=False):
    d = {"span": span(f"{value} {unit}"), "value": value, "unit": unit, "qualifier": "exact", "subject": subject}
    return d | ({"optional": True} if optional else {})


def counts(scores, field):
    c = scores.fields[field]
    return c.tp, c.fp, c.fn


def test_perfect_match():
    g = rec(indicators=[ind(64, "văn bản"), ind(99.9, "%")],
            officials=[{"name": "Nguyễn Tường Huy", "titles": ["Ủy viên Ban Thường vụ Huyện ủy"], "mentions": [span("x")]}])
    s = score([g], {"a": g})
    assert counts(s, "indicators") == (2, 0, 0) and s.fields["indicators"].f1 == 1.0
    assert counts(s, "officials") == (1, 0, 0) and counts(s, "titles") == (1, 0, 0)


def test_partial_match_counts_each_side():
    g = rec(indicators=[ind(64, "văn bản"), ind(2737, "tin"), ind(547, "bài viết")])
    p = rec(indicators=[ind(64, "văn bản"), ind(2737, "lượt"), ind(9, "lớp")])  # wrong unit, extra
    s = score([g], {"a": p})
    assert counts(s, "indicators") == (1, 2, 2)
    assert s.fields["indicators"].precision == pytest.approx(1 / 3)
    assert {(e["error"], e["item"].split()[0]) for e in s.errors if e["field"] == "indicators"} == \
        {("FN", "2737"), ("FN", "547"), ("FP", "2737"), ("FP", "9")}


def test_unit_head_noun_may_sit_in_the_subject():
    g = rec(indicators=[ind(50000, "lượt người")])
    p = rec(indicators=[ind(50000, "lượt", subject="lượt người tham gia")])
    assert counts(score([g], {"a": p}), "indicators") == (1, 0, 0)


def test_duplicates_match_one_to_one():
    g = rec(indicators=[ind(12, "đoàn")])
    p = rec(indicators=[ind(12, "đoàn"), ind(12, "đoàn")])
    assert counts(score([g], {"a": p}), "indicators") == (1, 1, 0)
    gd = rec(dates=[{"span": span("14/01/2021"), "value": "2021-01-14"}])
    pd_ = rec(dates=[{"span": span("14/01/2021"), "value": "2021-01-14"},
                     {"span": span("14/01/2021", 50), "value": "2021-01-14"}])
    assert counts(score([gd], {"a": pd_}), "dates") == (1, 0, 0)  # dates: distinct values


def test_optional_items_cost_nothing_either_way():
    g = rec(indicators=[ind(64, "văn bản"), ind(6, "nhiệm vụ", optional=True)])
    assert counts(score([g], {"a": rec(indicators=[ind(64, "văn bản")])}), "indicators") == (1, 0, 0)
    assert counts(score([g], {"a": rec(indicators=[ind(64, "văn bản"), ind(6, "nhiệm vụ")])}), "indicators") == (1, 0, 0)


def test_required_gold_claims_before_optional():
    g = rec(indicators=[ind(6, "nhiệm vụ", optional=True), ind(6, "nhiệm vụ")])
    assert counts(score([g], {"a": rec(indicators=[ind(6, "nhiệm vụ")])}), "indicators") == (1, 0, 0)


def test_empty_gold():
    g = rec()
    s = score([g], {"a": rec(indicators=[ind(3, "đợt")])})
    assert counts(s, "indicators") == (0, 1, 0)
    assert s.fields["indicators"].precision == 0.0 and s.fields["indicators"].recall == 1.0
    s = score([g], {"a": rec()})
    assert counts(s, "indicators") == (0, 0, 0) and s.fields["indicators"].f1 == 1.0


def test_missing_prediction_is_an_empty_one():
    g = rec(tasks=[{"index": 1, "marker": None, "text": "Tiếp tục đổi mới công tác tuyên giáo", "span": span("x")}])
    assert counts(score([g], {}), "tasks") == (0, 0, 1)


@pytest.mark.parametrize("a, b, same", [
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy Hưng Yên", True),   # locality left off
    ("UBND tỉnh Đăk Nông", "Ủy ban nhân dân tỉnh Đắk Nông", True),         # abbreviation, spelling
    ("Ban Tuyên giáo Tỉnh Uỷ", "ban tuyên giáo tỉnh ủy", True),            # case, tone placement
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", False),
    ("Sở Y tế", "Sở Y tế tỉnh Hà Nam", True),
])
def test_unit_names(a, b, same):
    assert (unit_score({"name": a}, {"name": b}) is not None) is same


def test_titles_are_scored_over_matched_officials():
    g = rec(officials=[{"name": "Hà Anh Dũng", "titles": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
                        "mentions": [span("Hà Anh Dũng")]}])
    p = rec(officials=[{"name": "Hà Anh Dũng", "titles": ["UVBTV Tỉnh ủy"], "mentions": [span("Hà Anh Dũng")]}])
    s = score([g], {"a": p})
    assert counts(s, "titles") == (1, 0, 1)


def test_accuracy_fields_and_agency_credit():
    g = rec(author="Nông Vui", event={"date": "2020-07-22", "kind": "sơ kết"})
    p = rec(author="Nông Vui (TTXVN)", event={"date": "2020-07-21", "kind": "sơ kết"})
    s = score([g], {"a": p})
    assert s.accuracy["author"] == [True] and s.accuracy["event.date"] == [False]


def test_documents_by_number_and_kind():
    g = rec(documents=[{"span": span("Chỉ thị số 35-CT/TW"), "kind": "Chỉ thị", "number": "35", "code": "CT/TW"}])
    p = rec(documents=[{"span": span("Chỉ thị 35"), "kind": "Chỉ thị", "number": "035", "code": None}])
    assert counts(score([g], {"a": p}), "documents") == (1, 0, 0)


def test_assign_prefers_best_scores():
    a = assign([{"name": "Sở Y tế"}], [{"name": "Sở Y tế tỉnh Hà Nam"}, {"name": "Sở Y tế"}], unit_score)
    assert a.pairs == [(0, 1)] and a.spurious == [0]
    assert norm_name("UBND TP.HCM") == "ủy ban nhân dân thành phố hồ chí minh"
