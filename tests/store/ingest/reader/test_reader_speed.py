"""The reader's time grows in step with its input, whatever the input (issue 15).

A text pasted without its full stops is one "sentence" of the whole text; each speech verb
used to search everything before it for its speaker, so 50 kB took seconds and 400 kB
minutes. These tests read such texts, made from the labelled articles of this folder, and
pathological ones (a line of dots, thousands of abbreviations or clauses) under a deadline:
a reader that is superlinear again fails them in seconds instead of hanging the suite.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from deadlines import deadline

from haicap.store.ingest.reader import extract_text
from haicap.store.ingest.reader.sentences import MAX_SENTENCE_CHARS, split_sentences

HERE = Path(__file__).parent
TODAY = dt.date(2026, 6, 1)
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"'”’»)\]]|$)")
_CREDIT = re.compile(r"(?i)ảnh|thực hiện:")


def _article_words() -> list[str]:
    """The words of the labelled articles' bodies, without sentence ends or photo credits
    (a sentence holding a credit is a caption and would not be read at all).

    The notices of conclusions ("thông báo kết luận") are used: they open with "nghe báo cáo",
    after which every speech verb of the rest of the sentence used to be checked against all
    the text before it (200 kB of them took minutes).
    """
    lines: list[str] = []
    for path in sorted(HERE.glob("synthetic*/*ketluan*.txt")):
        body = path.read_text(encoding="utf-8").partition("\n\n")[2]
        lines += [line for line in body.splitlines() if line.strip() and not _CREDIT.search(line)]
    return _SENTENCE_END.sub("", " ".join(lines)).split()


def text_without_sentence_ends(size: int) -> str:
    """`size` bytes of real-looking article text with its sentence ends removed: one sentence.

    Each repetition of the articles carries its number every tenth word, so no piece of it
    repeats (a repeated sentence is read once, which would make the test too easy).
    """
    words = _article_words()
    parts: list[str] = []
    total, round_ = 0, 0
    while total < size:
        round_ += 1
        chunk = " ".join(f"{word} {round_}" if i % 10 == 0 else word for i, word in enumerate(words))
        parts.append(chunk)
        total += len(chunk.encode()) + 1
    return " ".join(parts).encode()[:size].decode("utf-8", "ignore").rstrip() + "."


def timed(read: Callable[[], object], limit: float) -> float:
    """CPU seconds `read` took in this process; the test fails once it runs `limit` seconds.

    CPU time, not wall time: other tests or programs on a shared machine slow the wall
    clock, not the work the reader does, so the ratio of two readings stays meaningful.
    """
    start = time.process_time()
    with deadline(limit):
        read()
    return time.process_time() - start


def test_half_a_megabyte_without_sentence_ends_reads_in_linear_time(registry):
    # Five times the text takes about five times as long (a quadratic reader: 25 times).
    small, large = text_without_sentence_ends(100_000), text_without_sentence_ends(500_000)
    small_time = timed(lambda: extract_text(small, registry, today=TODAY), 6)
    large_time = timed(lambda: extract_text(large, registry, today=TODAY), 15)
    assert large_time < 6 * small_time + 0.5, (small_time, large_time)


def test_a_text_without_sentence_ends_is_still_read(registry):
    text = text_without_sentence_ends(100_000)
    extraction = extract_text(text, registry, today=TODAY)
    assert extraction.province is not None
    assert extraction.items, "the pieces of the long sentence are classified like sentences"
    assert max(len(sentence) for sentence in extraction.sentences) <= MAX_SENTENCE_CHARS
    # Nothing is lost: the pieces hold every word of the text, in order.
    assert " ".join(extraction.sentences).split() == text.split()


def test_an_over_long_sentence_is_cut_at_a_clause_boundary():
    clause = "xã đã hoàn thành kế hoạch xây dựng nông thôn mới với nhiều tiêu chí nâng cao"
    sentence = ", ".join([clause] * 60) + "."
    pieces = split_sentences(sentence)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert all(piece.endswith((",", ".")) for piece in pieces), "cut after a comma, not inside a clause"
    assert " ".join(pieces) == sentence


def test_sentences_of_real_length_are_not_cut():
    sentence = "Xã kiến nghị tỉnh hỗ trợ kinh phí, " * 40 + "và sớm bố trí vốn."
    assert len(sentence) < MAX_SENTENCE_CHARS
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    "unit",
    [
        ". ",  # a full stop then no capital: never a break, a long run of candidates
        "." * 50,  # dots that end nothing
        "ông A ở TP. Huế và Q. {k} ",  # abbreviations: the sentence goes on after each dot
        "ông Nguyễn V. A. và bà Lê T. B. {k} ",  # initials
        "a; b{k}; ",  # hundreds of one-word clauses
        "“ông A nói” xã đề nghị {k} ",  # a speech verb and a speaker every few words
        "Chủ tịch UBND tỉnh đề nghị xã báo cáo của các xã ghi nhận {k} ",
    ],
    ids=["stops", "dots", "abbreviations", "initials", "clauses", "quotes", "verbs"],
)
def test_pathological_paragraphs_read_in_linear_time(registry, unit):
    def text(size: int) -> str:
        # The number {k} makes every piece differ: a repeated sentence would be read only once.
        count = size // len(unit.encode()) + 1
        return "Sáng 25/11, xã Ngọc Trạo, tỉnh Thanh Hóa " + "".join(unit.format(k=k) for k in range(count)).strip() + "."

    small, large = text(25_000), text(125_000)
    small_time = timed(lambda: extract_text(small, registry, today=TODAY), 5)
    large_time = timed(lambda: extract_text(large, registry, today=TODAY), 10)
    assert large_time < 8 * small_time + 0.5, (small_time, large_time)


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("Xã đã làm. TP. Huế đón khách.", ["Xã đã làm.", "TP. Huế đón khách."]),
        ("Xã đã làm. A. Nguyễn đến. Ông V. A. nói.", ["Xã đã làm.", "A. Nguyễn đến.", "Ông V. A. nói."]),
        ("Trong quý I. Bà Lan cho biết.", ["Trong quý I.", "Bà Lan cho biết."]),
        ("2. Rà soát hồ sơ. Xong.", ["2. Rà soát hồ sơ.", "Xong."]),
    ],
)
def test_the_splitter_looking_back_a_few_words_splits_as_before(paragraph, sentences):
    # An abbreviation or initial that opens a sentence is the whole text since the last break.
    assert split_sentences(paragraph) == sentences
