"""Clause cuts: only where the content can change kind, never inside a list."""

from haicap.store.ingest.reader.clauses import split_clauses


def _texts(sentence):
    return [c.text for c in split_clauses(sentence)]


def test_result_problem_request_in_one_sentence():
    s = "Trạm y tế đã đi vào hoạt động ổn định, song vẫn còn thiếu bác sĩ và mong tỉnh quan tâm bổ sung nhân lực."
    assert _texts(s) == [
        "Trạm y tế đã đi vào hoạt động ổn định",
        "song vẫn còn thiếu bác sĩ",
        "và mong tỉnh quan tâm bổ sung nhân lực.",
    ]


def test_commas_of_a_list_do_not_cut():
    s = "Bộ máy hoạt động ổn định, thông suốt, hiệu quả, không gián đoạn."
    assert _texts(s) == [s]


def test_semicolon_cuts_and_texts_are_verbatim_slices():
    s = "Xã đề nghị tỉnh hỗ trợ kinh phí; sớm hướng dẫn sắp xếp trụ sở."
    clauses = split_clauses(s)
    assert [c.text for c in clauses] == ["Xã đề nghị tỉnh hỗ trợ kinh phí", "sớm hướng dẫn sắp xếp trụ sở."]
    assert all(s[c.start : c.end].strip() == c.text for c in clauses)


def test_frame_clause_is_cut_before_the_speaker():
    s = "Qua kiểm tra tình trạng ngập úng tại thôn, Chủ tịch UBND tỉnh đề nghị các sở khắc phục."
    assert _texts(s)[0] == "Qua kiểm tra tình trạng ngập úng tại thôn"


def test_new_speech_verb_cuts_but_speech_noun_does_not():
    assert len(_texts("Ông ghi nhận nỗ lực của xã và yêu cầu kiện toàn bộ máy.")) == 2
    assert len(_texts("Các sở đã làm rõ một số kiến nghị, đề xuất của xã về đất đai.")) == 1


def test_consequence_cuts_before_an_instruction():
    s = "Phường là trung tâm của thành phố, vì vậy phải đi đầu trong chuyển đổi số."
    assert _texts(s) == ["Phường là trung tâm của thành phố", "vì vậy phải đi đầu trong chuyển đổi số."]


def test_contrast_cuts_with_tuy_nhien_and_nhung():
    assert _texts("Thu ngân sách đạt 70% dự toán, tuy nhiên nguồn thu từ đất còn thấp.") == [
        "Thu ngân sách đạt 70% dự toán",
        "tuy nhiên nguồn thu từ đất còn thấp.",
    ]
    assert len(_texts("Giải phóng mặt bằng cơ bản hoàn thành, nhưng một số hộ chưa nhận tiền.")) == 2
