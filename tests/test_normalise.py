"""Normalisation keeps a map to the source: every normalised range maps back exactly."""
import unicodedata

import pytest

from extractor.normalise import fold, normalise


@pytest.mark.parametrize("source, expected", [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),           # old-style tone placement
    ("hoà bình, thuỷ lợi, khoẻ", "hòa bình, thủy lợi, khỏe"),
    ("quý, quỷ, khuya", "quý, quỷ, khuya"),            # "uy" after q is not retoned
    ("mở 09lớp đào tạo", "mở 09 lớp đào tạo"),         # glued digits split (seed 004)
    ("Đang truy cập39", "Đang truy cập39"),            # letters then digits stay
    ("lúc 15h", "lúc 15h"),                             # one-letter units stay glued
    ("a\u00a0\u00a0 b\tc", "a b c"),                    # odd spaces collapse
    ("Tổng\u200b kết", "Tổng kết"),                     # zero-width space dropped
    (unicodedata.normalize("NFD", "Tỉnh ủy Hưng Yên"), "Tỉnh ủy Hưng Yên"),  # decomposed marks
])
def test_normalised_text(source, expected):
    assert normalise(source).text == expected


@pytest.mark.parametrize("source, word", [
    ("Đồng chí Uỷ viên Ban Thường vụ", "Ủy viên"),
    (unicodedata.normalize("NFD", "Ban Tuyên giáo Tỉnh ủy"), "Tuyên giáo"),
    ("hơn 09lớp học", "09 lớp"),
])
def test_offsets_map_back_to_source(source, word):
    n = normalise(source)
    i = n.text.index(word)
    s, e = n.to_source(i, i + len(word))
    assert fold(source[s:e]) == fold(word)
    assert normalise(source[s:e]).text == word


def test_every_character_maps_inside_the_source():
    src = "  Uỷ\u00a0ban \r\nnhân dân 09lớp " + unicodedata.normalize("NFD", "Hưng Yên")
    n = normalise(src)
    assert len(n.starts) == len(n.text) == len(n.ends)
    assert all(0 <= s <= e <= len(src) for s, e in zip(n.starts, n.ends))
    assert n.starts == sorted(n.starts)
