"""Every message in the code has its Vietnamese, and the compiled catalogue is the source's.

The code's messages are what `pybabel extract` finds (calls of `_`, `N_`, `ngettext`) in
store/ and tui/; the catalogue is store/locales/vi/LC_MESSAGES/haicap.po and the .mo that
`pybabel compile` makes of it (see README "For developers").
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from haicap.store.domain.i18n import LOCALE_DIR, _, language_from, language_of, ngettext, pgettext, set_language

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("store", "tui")
PO = LOCALE_DIR / "vi" / "LC_MESSAGES" / "haicap.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def code_messages() -> dict[tuple[str | None, str], str]:
    """Each message of the code, as (context, English; the singular for a plural), and one
    place it is."""
    found: dict[tuple[str | None, str], str] = {}
    for folder in SOURCES:
        for filename, lineno, message, _comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
        ):
            singular = message[0] if isinstance(message, (list, tuple)) else message
            found.setdefault((context, singular), f"{folder}/{filename}:{lineno}")
    return found


def catalogue():
    with PO.open("rb") as source:
        return read_po(source, locale="vi")


def placeholders(text: str) -> set[str]:
    return {name.split(":")[0].split("!")[0] for name in PLACEHOLDER.findall(text)}


def test_every_message_of_the_code_has_its_vietnamese() -> None:
    po = catalogue()
    missing = []
    for (context, key), where in code_messages().items():
        entry = po.get(key, context=context)
        strings = [] if entry is None else (list(entry.string) if isinstance(entry.string, (list, tuple)) else [entry.string])
        if entry is None or not all(strings) or entry.fuzzy:
            missing.append(f"{where}: {key!r}")
    assert not missing, "messages with no Vietnamese (pybabel update, then translate):\n" + "\n".join(missing)


def test_every_translation_keeps_the_placeholders() -> None:
    wrong = []
    for entry in catalogue():
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, (list, tuple)) else (entry.id,)
        strings = entry.string if isinstance(entry.string, (list, tuple)) else (entry.string,)
        wanted = placeholders(ids[-1])
        for string in strings:
            if string and placeholders(string) != wanted:
                wrong.append(f"{ids[0]!r} → {string!r}")
    assert not wrong, "translations whose {placeholders} differ from the English:\n" + "\n".join(wrong)


def test_the_catalogue_holds_no_message_the_code_lost() -> None:
    used = set(code_messages())
    # argparse's own messages ("usage: ", "options") are listed in the code with N_ for this.
    stale = [entry.id for entry in catalogue() if entry.id and (entry.context, _id(entry)) not in used]
    assert not stale, "messages no code uses (pybabel update --ignore-obsolete):\n" + "\n".join(map(repr, stale))


def _id(entry) -> str:  # type: ignore[no-untyped-def]
    return entry.id if isinstance(entry.id, str) else entry.id[0]


def test_the_compiled_catalogue_is_the_source() -> None:
    with MO.open("rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    differ = []
    for entry in catalogue():
        if not entry.id or entry.fuzzy:
            continue
        if isinstance(entry.id, (list, tuple)):
            got = mo.ngettext(entry.id[0], entry.id[1], 1)
            want = entry.string[0] or entry.id[0]
        elif entry.context:
            got, want = mo.pgettext(entry.context, entry.id), entry.string or entry.id
        else:
            got, want = mo.gettext(entry.id), entry.string or entry.id
        if got != want:
            differ.append(repr(entry.id))
    assert not differ, "haicap.mo is older than haicap.po (pybabel compile -d store/locales -D haicap):\n" + "\n".join(differ)


def test_no_message_is_built_before_it_is_translated() -> None:
    """`_(f"… {x}")` or `_("…" + x)` can never be in the catalogue: the text is looked up
    after it was filled. Placeholders are filled after translation, with `.format()`."""
    built = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in {"_", "N_", "ngettext", "pgettext"}
                ):
                    for argument in node.args[:3]:
                        if isinstance(argument, (ast.JoinedStr, ast.BinOp, ast.Call)):
                            built.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not built, "messages built before translation:\n" + "\n".join(built)


def test_vietnamese_is_the_default_and_english_is_asked_for() -> None:
    assert language_from(None, None, {}) == "vi"
    assert language_from(None, None, {"LANG": "C.UTF-8"}) == "vi"
    assert language_from(None, None, {"LANG": "en_US.UTF-8"}) == "en"
    assert language_from(None, None, {"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}) == "en"
    assert language_from(None, None, {"LC_ALL": "vi_VN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}) == "vi"
    # An empty variable is not set; a locale haicap does not speak is Vietnamese, not the next variable.
    assert language_from(None, None, {"LC_ALL": "", "LANG": "en_US.UTF-8"}) == "en"
    assert language_from(None, None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}) == "vi"
    assert language_from(None, "en", {"LANG": "vi_VN.UTF-8"}) == "en"
    assert language_from("vi", "en", {"LANG": "en_US.UTF-8"}) == "vi"
    assert language_from(None, 42, {}) == "vi"  # a hand-edited settings file with a number
    assert language_of("en-GB") == "en"
    assert language_of("POSIX") is None


def test_set_language_switches_haicap_and_argparse() -> None:
    import argparse

    set_language("en")
    assert ngettext("{n} item", "{n} items", 2) == "{n} items"
    assert pgettext("directive status", "In progress") == "In progress"
    english = argparse.ArgumentParser(prog="x").format_help()
    set_language("vi")
    vietnamese = argparse.ArgumentParser(prog="x").format_help()
    assert english.startswith("usage: x")
    assert vietnamese.startswith("cách dùng: x"), "argparse's own words are in the catalogue"
    assert pgettext("directive status", "In progress") == "Đang thực hiện"
    assert pgettext("request status", "In progress") == "Đang giải quyết"
    assert _("") == "", "not the catalogue's header"
    with pytest.raises(ValueError):
        set_language("fr")
