"""Task lists: ordinal words, bullets, and items after an announcing colon."""
from extractor import extract_text


def test_ordinal_words_make_one_task_each():
    text = ("Nhiệm vụ năm 2021.\nMột là, tập trung tham mưu tổ chức các hội nghị học tập nghị quyết.\n"
            "Hai là, tham mưu đẩy mạnh hoạt động của BCĐ 35 cấp ủy.\nBa là, chú trọng công tác tuyên truyền các sự kiện.")
    tasks = extract_text(text).tasks
    assert [(t.index, t.marker) for t in tasks] == [(1, "Một là"), (2, "Hai là"), (3, "Ba là")]
    assert tasks[1].text == "tham mưu đẩy mạnh hoạt động của BCĐ 35 cấp ủy."


def test_items_after_an_announcing_sentence():
    # seed 002
    text = ("Trong thời gian tới, Ban Tuyên giáo Trung ương đề ra một số nhiệm vụ trọng tâm: Tiếp tục triển khai "
            "có hiệu quả các nhiệm vụ. Tiếp tục đổi mới, nâng cao chất lượng tham mưu. Tăng cường công tác lý luận "
            "chính trị.")
    tasks = extract_text(text).tasks
    assert [t.text for t in tasks] == ["Tiếp tục triển khai có hiệu quả các nhiệm vụ.",
                                       "Tiếp tục đổi mới, nâng cao chất lượng tham mưu.",
                                       "Tăng cường công tác lý luận chính trị."]
    assert all(t.marker is None for t in tasks)


def test_bullets_after_a_task_heading():
    text = ("Hội nghị đề ra các giải pháp trọng tâm sau:\n- Tăng cường công tác tuyên truyền trên mạng xã hội.\n"
            "- Nâng cao chất lượng đội ngũ báo cáo viên các cấp.\nTin: Minh Anh")
    tasks = extract_text(text).tasks
    assert [(t.index, t.marker, t.text) for t in tasks] == [
        (1, "-", "Tăng cường công tác tuyên truyền trên mạng xã hội."),
        (2, "-", "Nâng cao chất lượng đội ngũ báo cáo viên các cấp.")]


def test_a_list_of_shortcomings_is_not_tasks():
    text = ("Tuy nhiên vẫn còn một số tồn tại, hạn chế như: Việc tuyên truyền chưa thường xuyên. "
            "Tính chiến đấu chưa sắc bén.")
    assert extract_text(text).tasks == []


def test_numbered_items_inside_an_ordinal_item():
    # hungyen-23900: "(1) … (2) …" nested in "Hai là"
    text = ("Đảng bộ Công an tỉnh đã đề ra các giải pháp trọng tâm sau: Một là, chủ động nắm chắc tình hình an ninh. "
            "Hai là, đẩy mạnh công tác đấu tranh phòng, chống tội phạm. Trong đó: (1)Tập trung công tác đấu tranh "
            "phòng, chống tội phạm trong thanh thiếu niên; (2) Tăng cường công tác quản lý cư trú, quản lý vũ khí. "
            "Ba là, tập trung đổi mới phong trào bảo vệ an ninh Tổ quốc.")
    tasks = extract_text(text).tasks
    assert [(t.index, t.marker) for t in tasks] == [(1, "Một là"), (2, "Hai là"), (3, "Ba là"), (1, "(1)"), (2, "(2)")]
    assert tasks[3].text == "Tập trung công tác đấu tranh phòng, chống tội phạm trong thanh thiếu niên"
    assert tasks[4].text == "Tăng cường công tác quản lý cư trú, quản lý vũ khí."
