"""What a reader finds in the five seed articles, checked exactly."""


def titles_of(record):
    return {o.name: o.titles for o in record.officials}


def test_seed_001(seeds):
    r = seeds["001"]
    assert r.published_date == "2021-01-15"
    assert r.event.date == "2021-01-14"
    assert r.event.organiser == "Ban Tuyên giáo Tỉnh ủy Hưng Yên"
    officials = titles_of(r)
    assert officials["Nguyễn Duy Hưng"] == ["Phó Bí thư Thường trực Tỉnh ủy"]
    assert officials["Lê Xuân Tiến"] == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"]
    assert [t.marker for t in r.tasks] == ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là",
                                          "Bảy là", "Tám là"]
    assert r.tasks[7].text.startswith("Ban Tuyên giáo Tỉnh ủy sẽ tham mưu BTV Tỉnh ủy kiện toàn BCĐ")
    # The page clock (4/3/2021), the "Bài viết khác" links (tháng 3/2021, 02/2021) and the
    # licence date (26/3/2018) are page chrome.
    assert sorted({d.value for d in r.dates}) == ["2021-01-14", "2021-01-15"]
    assert {(d.kind, d.number, d.code) for d in r.documents} == {("Chỉ thị", "05", None), ("Quy định", "101", "QĐ/TW")}


def test_seed_002(seeds):
    r = seeds["002"]
    assert r.event.date == "2020-07-22" and r.event.kind == "sơ kết"
    [d] = r.dates
    assert (d.span.text, d.value, d.year_inferred) == ("Sáng 22/7", "2020-07-22", True)
    assert (r.event.period.start, r.event.period.end) == ("2020-01-01", "2020-06-30")
    assert titles_of(r) == {"Võ Văn Thưởng": ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng",
                                              "Trưởng Ban Tuyên giáo Trung ương"]}
    assert [(d.kind, d.number, d.code) for d in r.documents] == [("Chỉ thị", "35", "CT/TW")]
    assert len(r.tasks) == 6 and r.tasks[0].text.startswith("Tiếp tục triển khai có hiệu quả")
    assert r.tasks[5].text.startswith("Đổi mới công tác tuyên giáo")
    assert r.author == "Nông Vui"
    # The lead paragraph is printed twice on the page: its items count once.
    assert len(r.officials[0].mentions) == 2  # the lead and the closing paragraph


def test_seed_003(seeds):
    r = seeds["003"]
    assert titles_of(r) == {
        "Nguyễn Huy Ngọc": ["Phó vụ trưởng Cơ quan Thường trực Ban Tuyên giáo Trung ương tại Thành phố Hồ Chí Minh"],
        "Huỳnh Thị Hằng": ["Phó Bí thư thường trực Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"],
        "Trần Tuyết Minh": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Ủy ban nhân dân tỉnh"],
        "Hà Anh Dũng": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
    }
    got = {(i.value, i.unit, i.qualifier) for i in r.indicators}
    for want in [(150, "hội nghị", "over"), (5, "đợt", "exact"), (50000, "lượt người", "over"),
                 (95, "%", "over"), (12, "đoàn", "exact"), (99.97, "%", "exact"), (99.3, "%", "over"),
                 (93.9, "%", "exact"), (6.32, "%", "exact"), (13675, "tỷ đồng", "exact")]:
        assert want in got
    subjects = {i.value: i.subject for i in r.indicators}
    assert subjects[99.3].startswith("dân số trên 18 tuổi tiêm vaccine")
    assert subjects[6.32] == "tốc độ tăng trưởng"
    values = {i.value for i in r.indicators}
    assert not values & {8692052, 18089, 62, 629}           # sidebar counters
    assert all("BTGTU" not in (d.code or "") for d in r.documents)  # sidebar documents
    assert r.author == "Tuyết Anh"


def test_seed_004(seeds):
    r = seeds["004"]
    assert r.event.date == "2024-01-05" and r.event.kind == "tổng kết"
    assert titles_of(r)["Nguyễn Tường Huy"] == ["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng ban Ban Tuyên giáo Huyện ủy"]
    got = {(i.value, i.unit, i.qualifier) for i in r.indicators}
    for want in [(64, "văn bản", "exact"), (2737, "tin", "exact"), (547, "bài viết", "over"),
                 (4300, "lượt đại biểu", "nearly"), (9, "lớp", "exact"), (2108, "học viên", "exact"),
                 (99.9, "%", "exact"), (3024, "bài viết", "over"), (375000, "lượt", "over")]:
        assert want in got
    nine = next(i for i in r.indicators if i.value == 9)
    assert nine.span.text == "09lớp"  # the glued source text, grounded
    assert not {i.value for i in r.indicators} & {4318805, 94407, 39, 37, 2}  # visitor counters
    assert r.author == "Nguyễn T. Phượng"


def test_seed_000(seeds):
    r = seeds["000"]
    officials = titles_of(r)
    assert officials["Vũ Duy Hoàng"] == ["Trưởng Ban Tuyên giáo Tỉnh ủy"]
    assert officials["Đào Quốc Hùng"] == ["Trưởng Ban Tuyên giáo Đảng ủy Công ty Cổ phần Gang Thép Thái Nguyên"]
    assert (r.event.period.start, r.event.period.end, r.event.period.label) == \
        ("2022-01-01", "2022-06-30", "6 tháng đầu năm 2022")
    assert r.author == "Mạnh Thắng"
    assert r.published_date == "2022-07-01"
