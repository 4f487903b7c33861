"""Dates from real sentences; a day-month with no year takes the article's year."""
import pytest

from extractor.extract.dates import find_dates


def found(text, year=2021):
    return [(text[h.start:h.end], h.value, h.year_inferred) for h in find_dates(text, 0, len(text), year)]


@pytest.mark.parametrize("text, year, expected", [
    ("Ngày 14/01/2021, tại Trụ sở Tỉnh ủy Hưng Yên", 2021, [("14/01/2021", "2021-01-14", False)]),
    ("Sáng 22/7, Ban Tuyên giáo Trung ương tổ chức hội nghị", 2020, [("Sáng 22/7", "2020-07-22", True)]),
    ("01-07-2022 15:09", None, [("01-07-2022", "2022-07-01", False)]),
    ("Thứ Năm, ngày 4 tháng 3 năm 2021 - 7:01:35 PM", None, [("ngày 4 tháng 3 năm 2021", "2021-03-04", False)]),
    ("Từ tháng 3/2021, chính sách tiền lương", None, [("tháng 3/2021", "2021-03", False)]),
    ("từ 28/4 đến 15h chiều 1/5, toàn tỉnh có 10 trường hợp", 2021,
     [("28/4", "2021-04-28", True), ("chiều 1/5", "2021-05-01", True)]),
    ("Ngày 25.5, đoàn kiểm tra làm việc; từ tháng 3.2013 đến tháng 2.2016", 2016,
     [("Ngày 25.5", "2016-05-25", True), ("tháng 3.2013", "2013-03", False), ("tháng 2.2016", "2016-02", False)]),
])
def test_dates(text, year, expected):
    assert found(text, year) == expected


@pytest.mark.parametrize("text", [
    "125/161 xã, phường có người nghiện",      # a fraction, not a date
    "trên 99,3% dân số",                        # dateparser's classic mistake
    "nhiệm kỳ 2020 - 2025",                     # a term
    "vào ngày 10 hằng tháng",                   # recurring
    "ngày 45/13",                               # impossible
])
def test_not_dates(text):
    assert found(text) == []


def test_no_year_means_no_day_month():
    assert found("Sáng 22/7, hội nghị", None) == []


@pytest.mark.parametrize("text, expected", [
    ("tiêm vaccine từ tháng 4 và dự kiến đến tháng 6", [("tháng 4", "2021-04", True), ("tháng 6", "2021-06", True)]),
    ("trong 6 tháng đầu năm", []),               # a duration, not a month
    ("ngày 4 tháng 3 năm 2021", [("ngày 4 tháng 3 năm 2021", "2021-03-04", False)]),
])
def test_month_names_without_a_year(text, expected):
    assert found(text, 2021) == expected
