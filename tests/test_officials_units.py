"""Officials, units and documents from real sentences (seeds and corpus), in every order the
genre writes them."""
import pytest

from extractor import extract_text


def officials(text):
    return [(o.name, o.titles) for o in extract_text(text).officials]


@pytest.mark.parametrize("text, expected", [
    # "đồng chí A, T1, T2" (seed 001)
    ("Đồng chí Lê Xuân Tiến, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì Hội nghị.",
     [("Lê Xuân Tiến", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"])]),
    # "A- T1, T2, T3" (seed 002)
    ("Đồng chí Võ Văn Thưởng- Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương dự.",
     [("Võ Văn Thưởng", ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Tuyên giáo Trung ương"])]),
    # "T1, T2 A", abbreviations expanded (seed 003)
    ("Phát biểu tại hội nghị, Phó bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Huỳnh Thị Hằng cho rằng.",
     [("Huỳnh Thị Hằng", ["Phó bí thư Thường trực Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"])]),
    # "A - UVBTV ..." (seed 003)
    ("đồng chí Trần Tuyết Minh - UVBTV Tỉnh ủy, Phó Chủ tịch Ủy ban nhân dân tỉnh, đồng chí Hà Anh Dũng, "
     "UVBTV Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy và các đại diện.",
     [("Trần Tuyết Minh", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Ủy ban nhân dân tỉnh"]),
      ("Hà Anh Dũng", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"])]),
    # "đồng chí T A" (seed 000)
    ("Phát biểu tại Hội nghị, đồng chí Trưởng Ban Tuyên giáo Tỉnh ủy Vũ Duy Hoàng đề nghị các cơ quan.",
     [("Vũ Duy Hoàng", ["Trưởng Ban Tuyên giáo Tỉnh ủy"])]),
    # "A – T" with an en dash (seed 004)
    ("đồng chí Nguyễn Tường Huy – Ủy viên Ban Thường vụ Huyện ủy, Trưởng ban Ban Tuyên giáo Huyện ủy ghi nhận.",
     [("Nguyễn Tường Huy", ["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng ban Ban Tuyên giáo Huyện ủy"])]),
    # ranks are not titles; a list of people (hungyen-23868)
    ("Đến dự có Thượng tướng Lê Thế Tiệm, UVTW Đảng, Thứ trưởng Bộ Công an; đồng chí Nguyễn Đình Phách, "
     "UVTW Đảng, Bí thư Tỉnh ủy; cùng đại diện các ban, ngành.",
     [("Lê Thế Tiệm", ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"]),
      ("Nguyễn Đình Phách", ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"])]),
    # the honorific is not part of the name; "(T)" after the name (baomoi25-103 style)
    ("Ông Phạm Minh Tuấn (Phó Tổng Biên tập Tạp chí Cộng sản) phát biểu.",
     [("Phạm Minh Tuấn", ["Phó Tổng Biên tập Tạp chí Cộng sản"])]),
    # a position with no name is no official; a person with no position neither
    ("Chủ tịch UBND huyện tặng Giấy khen cho anh Nguyễn Văn An.", []),
])
def test_officials(text, expected):
    assert officials(text) == expected


def test_mentions_of_one_person_are_merged():
    text = ("Đồng chí Nguyễn Duy Hưng, Phó Bí thư Thường trực Tỉnh ủy dự.\n"
            "Phát biểu chỉ đạo Hội nghị, đồng chí Nguyễn Duy Hưng, Phó Bí thư Thường trực Tỉnh ủy ghi nhận.")
    [o] = extract_text(text).officials
    assert o.name == "Nguyễn Duy Hưng" and o.titles == ["Phó Bí thư Thường trực Tỉnh ủy"]
    assert [m.start for m in o.mentions] == [text.index("Nguyễn"), text.rindex("Nguyễn")]


def units(text):
    return [(u.name, u.level) for u in extract_text(text).units]


@pytest.mark.parametrize("text, expected", [
    ("Ngày 14/01/2021, tại Trụ sở Tỉnh ủy Hưng Yên, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị.",
     [("Tỉnh ủy Hưng Yên", "province"), ("Ban Tuyên giáo Tỉnh ủy Hưng Yên", "province")]),
    ("Tham dự có lãnh đạo các sở, ngành liên quan; Ủy ban MTTQ và các tổ chức chính trị - xã hội cấp tỉnh.",
     [("Ủy ban Mặt trận Tổ quốc", "other")]),
    ("Ban Tuyên giáo các cấp đã tập trung tham mưu.", []),       # a generic plural
    ("cho tập thể Ban Tuyên giáo Tỉnh ủy và Đảng ủy Công ty Cổ phần Gang Thép Thái Nguyên vì có thành tích",
     [("Ban Tuyên giáo Tỉnh ủy Thái Nguyên", "province"),
      ("Đảng ủy Công ty Cổ phần Gang Thép Thái Nguyên", "enterprise")]),
    ("phối hợp với Sở Thông tin và Truyền thông và UBND huyện Văn Lâm tỉnh Hưng Yên",
     [("Sở Thông tin và Truyền thông", "province"), ("Ủy ban nhân dân huyện Văn Lâm tỉnh Hưng Yên", "district")]),
    ("Báo cáo kết quả công tác năm 2020 được thông qua.", []),  # "Báo" is half of "Báo cáo"
])
def test_units(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("theo đúng tinh thần Chỉ thị số 35-CT/TW.", [("Chỉ thị", "35", "CT/TW")]),
    ("Quy định 101-QĐ/TW về quy định nêu gương", [("Quy định", "101", "QĐ/TW")]),
    ("thực hiện Chỉ thị 05 của Bộ Chính trị", [("Chỉ thị", "05", None)]),
    ("Tổ chức Hội nghị sơ kết 02 năm thực hiện Kết luận số 01-KL/TW có 18 tập thể", [("Kết luận", "01", "KL/TW")]),
    ("theo văn bản số 253/SVH&TT-QLDT ngày 20", [("Văn bản", "253", "SVH&TT-QLDT")]),
    ("Nghị định số 70/2012/NĐ-CP của Chính phủ", [("Nghị định", "70", "2012/NĐ-CP")]),
    ("triển khai kế hoạch 6 tháng cuối năm và Nghị quyết Đại hội XIII", []),
])
def test_documents(text, expected):
    assert [(d.kind, d.number, d.code) for d in extract_text(text).documents] == expected
