"""Indicators from real sentences of the seeds and the corpus."""
import pytest

from extractor.extract.numbers import find_indicators, parse_number


@pytest.mark.parametrize("raw, value", [
    ("2.108", 2108), ("99,9", 99.9), ("13.675", 13675), ("09", 9), ("1.234,5", 1234.5),
    ("375.000", 375000), ("8,692,052", 8692052), ("1,75", 1.75), ("1.28", 1.28),
])
def test_parse_number(raw, value):
    assert parse_number(raw) == pytest.approx(value)


def found(sentence):
    return [(sentence[s:e], i.value, i.unit, i.qualifier) for s, e, i in find_indicators(sentence, 0, len(sentence), [])]


@pytest.mark.parametrize("sentence, expected", [
    # seed 003
    ("tích cực chuyển đổi số ngành tuyên giáo với trên 150 hội nghị được ngành tuyên giáo tham mưu",
     [("trên 150 hội nghị", 150, "hội nghị", "over")]),
    ("05 đợt điều tra dư luận xã hội được thực hiện trên môi trường internet với hơn 50.000 lượt người tham gia.",
     [("05 đợt", 5, "đợt", "exact"), ("hơn 50.000 lượt người", 50000, "lượt người", "over")]),
    ("thu ngân sách ước đạt 13.675 tỷ đồng, thu hút đầu tư vượt chỉ tiêu.",
     [("ước đạt 13.675 tỷ đồng", 13675, "tỷ đồng", "exact")]),
    ("huy động được 99,97% cử tri đi bầu cử, trên 99,3% dân số trên 18 tuổi tiêm vaccine",
     [("99,97%", 99.97, "%", "exact"), ("trên 99,3%", 99.3, "%", "over")]),
    # seed 004
    ("với tổng số 2.737 tin và hơn 547 bài viết, tổ chức 71 đợt tuyên truyền lưu động, "
     "12 buổi hội nghị thông tin thời sự với gần 4.300 lượt đại biểu tham dự",
     [("2.737 tin", 2737, "tin", "exact"), ("hơn 547 bài viết", 547, "bài viết", "over"),
      ("71 đợt", 71, "đợt", "exact"), ("12 buổi", 12, "buổi", "exact"),
      ("gần 4.300 lượt đại biểu", 4300, "lượt đại biểu", "nearly")]),
    ("mở 09 lớp đào tạo, bồi dưỡng lý luận chính trị cho 2.108 học viên đạt 99,9% kế hoạch",
     [("09 lớp", 9, "lớp", "exact"), ("2.108 học viên", 2108, "học viên", "exact"), ("99,9%", 99.9, "%", "exact")]),
    # hungyen-23868: a fraction counts its numerator
    ("toàn tỉnh đã xác định có 1.062 người nghiện ma tuý ở 125/161 xã, phường có người nghiện (chiếm 77%).",
     [("1.062 người", 1062, "người", "exact"), ("125/161 xã", 125, "xã", "exact"), ("77%", 77, "%", "exact")]),
])
def test_indicators_in_real_sentences(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "kỷ niệm 91 năm thành lập Đảng Cộng sản Việt Nam",             # anniversary
    "Trong 6 tháng đầu năm 2022, ngành Tuyên giáo tỉnh Thái Nguyên",  # reporting period
    "đại hội đảng bộ các cấp nhiệm kỳ 2020 - 2025 tiến tới Đại hội XIII",  # term
    "Kỳ họp thứ 9, Quốc hội khóa XIV",                               # ordinals
    "Bộ Tư lệnh Vùng 1 Hải quân",                                   # a number inside a name
    "tiếp tục đổi mới hoạt động của ban chỉ đạo 35 các cấp",         # a committee's name
    "phòng, chống dịch Covid-19 và tiêm mũi 2",                       # disease name, dose ordinal
    "người dân trên 18 tuổi",                                         # an age
])
def test_not_indicators(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("chiều dài kè hào khoảng 150m, diện tích kho 7ha", [("khoảng 150m", 150, "m", "about"), ("7ha", 7, "ha", "exact")]),
    ("ở cấp tỉnh đã tổ chức 721 cuộc giám sát; cấp huyện: 6.404 cuộc", [("721 cuộc", 721, "cuộc", "exact"),
                                                                       ("6.404 cuộc", 6404, "cuộc", "exact")]),
    ("tổng nguồn vốn đầu tư tại các dự án 1.121 tỷ đồng", [("1.121 tỷ đồng", 1121, "tỷ đồng", "exact")]),
])
def test_glued_measures_and_counts_after_a_colon(sentence, expected):
    assert found(sentence) == expected
