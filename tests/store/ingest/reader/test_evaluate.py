"""The scorer: found/correct/ignored/wrong, macro-F1 rules, commune accuracy, report."""

import json

import pytest

from haicap.store.ingest.reader.evaluate import evaluate_dir, format_scores

BODY = (
    "Sáng 4/3, đồng chí Lò Văn Minh, Chủ tịch UBND tỉnh Lạng Sơn đã làm việc với xã Bình Gia.\n"
    "Xã đã giải quyết 980 hồ sơ, 100% đúng hạn.\n"
    "Xã có nhiều tiềm năng phát triển du lịch, đã đón 3.000 lượt khách.\n"
    "Bên cạnh đó, xã đề nghị tỉnh hỗ trợ kinh phí làm đường.\n"
    "Phát biểu kết luận buổi làm việc, Chủ tịch UBND tỉnh yêu cầu xã tập trung thu ngân sách.\n"
)


def _write(tmp_path, key, body=BODY, name="01_test"):
    articles = tmp_path / "articles"
    articles.mkdir(exist_ok=True)
    (articles / f"{name}.txt").write_text("url: x\ndate: 2026-03-04\n\n" + body, encoding="utf-8")
    (articles / f"{name}.key.json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _key(**lists):
    base = {
        "date": "2026-03-04",
        "communes": ["Bình Gia"],
        "achievements": [],
        "difficulties": [],
        "requests": [],
        "directives": [],
        "ambiguous": [],
    }
    base.update(lists)
    return base


def test_perfect_article(tmp_path, registry):
    key = _key(
        achievements=["Xã đã giải quyết 980 hồ sơ"],
        requests=["xã đề nghị tỉnh hỗ trợ kinh phí"],
        directives=["yêu cầu xã tập trung thu ngân sách"],
        ambiguous=[{"fragment": "Xã có nhiều tiềm năng phát triển du lịch", "note": "potential"}],
    )
    report = evaluate_dir(_write(tmp_path, key), registry)
    assert report.kinds["achievement"].found == 1
    assert report.kinds["request"].correct == 1 and report.kinds["directive"].correct == 1
    # difficulty has neither fragments nor items: skipped from macro-F1, which stays 1.
    assert not report.kinds["difficulty"].counts
    assert report.macro_f1 == pytest.approx(1.0)
    assert report.commune_accuracy == 1.0 and report.date_accuracy == 1.0


def test_wrong_and_ignored_items(tmp_path, registry):
    # The key calls the potential sentence ambiguous: the reader's item on it is ignored.
    key = _key(
        achievements=["Xã đã giải quyết 980 hồ sơ"], ambiguous=[{"fragment": "đã đón 3.000 lượt khách", "note": "statistic"}]
    )
    report = evaluate_dir(_write(tmp_path, key), registry)
    ach = report.kinds["achievement"]
    assert ach.correct == 1 and ach.wrong == 0
    # request and directive items have no fragments at all: they are wrong, F1 0.
    assert report.kinds["request"].wrong == 1 and report.kinds["request"].f1 == 0.0
    assert report.macro_f1 == pytest.approx((1.0 + 0.0 + 0.0) / 3)
    text = format_scores(report)
    assert "false request" in text and "macro-F1" in text


def test_missed_fragment_and_commune_mismatch(tmp_path, registry):
    key = _key(difficulties=["xã thiếu nước sinh hoạt"], communes=["Chi Lăng"])
    report = evaluate_dir(_write(tmp_path, key), registry)
    assert report.kinds["difficulty"].recall == 0.0 and report.kinds["difficulty"].f1 == 0.0
    assert report.commune_accuracy == 0.0
    assert ("difficulty", "xã thiếu nước sinh hoạt") in report.articles[0].misses


def test_accepts_the_articles_dir_itself(tmp_path, registry):
    _write(tmp_path, _key())
    assert len(evaluate_dir(tmp_path / "articles", registry).articles) == 1


def test_an_unknown_session_date_is_right_only_when_the_reader_names_none(tmp_path, registry):
    undated = "Đoàn công tác của tỉnh làm việc với xã Bình Gia.\nXã đã giải quyết 980 hồ sơ."
    key = _key(date="unknown", achievements=["Xã đã giải quyết 980 hồ sơ"])
    assert evaluate_dir(_write(tmp_path, key, body=undated), registry).date_accuracy == 1.0
    dated = "Sáng 3/3, Đoàn công tác của tỉnh làm việc với xã Bình Gia.\nXã đã giải quyết 980 hồ sơ."
    assert evaluate_dir(_write(tmp_path, key, body=dated), registry).date_accuracy == 0.0
