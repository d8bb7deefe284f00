"""Report text reaches the screen literally: no markup, no terminal control characters."""

from __future__ import annotations

from tui.literal import literal, visible


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
