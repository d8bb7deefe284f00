"""Report text reaches the screen literally: no markup, no terminal control characters."""

from __future__ import annotations

import unicodedata

from haicap.tui.literal import WORD_SLACK, Clip, bounded, clip, count_text, literal, marked, short, visible


def test_control_characters_become_visible() -> None:
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("x\x00y\x7f") == "x␀y␡"
    assert visible("\u202eabc") == "<U+202E>abc"
    assert visible("\x9bc") == "<U+009B>c"


def test_ordinary_text_newlines_and_tabs_are_kept() -> None:
    text = "Xã Ngọc Trạo\tđạt 100%\nhồ sơ"
    assert visible(text) == text


def test_markup_is_not_interpreted() -> None:
    for text in ("[bold red]x[/]", "[link=http://x]y[/link]", "[@click=app.quit]q[/]"):
        content = literal(text)
        assert content.plain == text
        assert not content.spans


def test_style_applies_to_the_whole_literal_text() -> None:
    content = literal("[b]đậm[/b]", "bold")
    assert content.plain == "[b]đậm[/b]"
    assert [(span.start, span.end) for span in content.spans] == [(0, len("[b]đậm[/b]"))]


# -- bounding long text: one rule (`clip`) for every place that shows item text ----------


def test_short_text_is_kept_whole() -> None:
    part = clip("Xã Ngọc Trạo đạt 100%", 1_000)
    assert part == Clip("Xã Ngọc Trạo đạt 100%") and part.whole
    assert bounded("[b]x[/b]").plain == "[b]x[/b]", "no mark when nothing is left out"


def test_a_word_longer_than_the_limit_is_cut_at_the_limit() -> None:
    part = clip("x" * 100_000, 1_000)
    assert (len(part.text), part.before, part.after) == (1_000, 0, 99_000)


def test_long_text_with_spaces_is_cut_between_words() -> None:
    text = " ".join(["từ"] * 40_000)
    part = clip(text, 1_000)
    assert 1_000 - WORD_SLACK <= len(part.text) <= 1_000
    assert part.text.endswith("từ") and text.startswith(part.text)
    assert len(part.text) + part.after == len(text), "every character is either shown or counted"


def test_a_cut_never_separates_a_letter_from_its_combining_mark() -> None:
    text = "a\u0301" * 1_000  # decomposed "á": the mark must stay with its letter
    part = clip(text, 101)
    assert not unicodedata.combining(text[len(part.text)]), "the first character left out starts a letter"
    assert len(part.text) % 2 == 0


def test_the_mark_says_how_many_characters_are_left_out() -> None:
    content = bounded("x" * 100_000)
    assert content.plain == "x" * 1_000 + " … (+99.000 ký tự)"
    assert count_text(1_234_567) == "1.234.567" and count_text(999) == "999"


def test_the_kept_part_is_still_shown_literally_and_styled() -> None:
    text = "\x1b[31m[bold]" + "\x00" * 2_000
    content = bounded(text, 100, "bold")
    assert "\x1b" not in content.plain and "\x00" not in content.plain
    assert content.plain.startswith("␛[31m[bold]␀") and "(+1" in content.plain
    assert next((span.start, span.end) for span in content.spans) == (0, 100), "the style covers the text, not the mark"


def test_a_clip_around_an_offset_shows_context_and_both_marks() -> None:
    words = [f"w{number}" for number in range(30_000)]
    text = " ".join(words)
    around = text.index(" w20000 ") + 1
    part = clip(text, 1_000, around=around)
    assert "w20000" in part.text and part.text.index("w20000") < 400, "the match is near the start, with context before"
    assert part.before and part.after and part.before + len(part.text) + part.after == len(text)
    assert part.text.split()[0] in words and part.text.split()[-1] in words, "no word is cut"
    plain = marked(part, literal(part.text)).plain
    assert plain.startswith(f"(… {count_text(part.before)} ký tự trước) ")


def test_a_clip_around_the_end_fills_the_room_backwards() -> None:
    text = "y" * 5_000
    part = clip(text, 1_000, around=4_990)
    assert (part.before, len(part.text), part.after) == (4_000, 1_000, 0)


def test_short_makes_visible_and_cuts_one_line_mentions() -> None:
    assert short("a\x1bb" * 100_000, 10) == "a␛ba␛ba␛b…"
    assert short("ngắn", 10) == "ngắn"
