"""The language haicap speaks: Vietnamese by default, English on request, through gettext.

Every text a user reads is written in the code in English and wrapped in `_()` (or `N_()`
where it must stay a constant until shown, such as a key's description in a `Binding`);
its Vietnamese is in the catalogue `store/locales/vi/LC_MESSAGES/haicap.po`, compiled to
the `.mo` beside it, which the standard library's `gettext` reads. English is the source
language, so it needs no catalogue.

The language is chosen once per process (`set_language`) from, first to last:
`--lang`, the user's settings file (`"language"`), `LC_ALL`, `LC_MESSAGES`, `LANG`
(`language_from`); without any of these, or with a locale such as `C.UTF-8` that names
no language haicap has, it is Vietnamese, the language of the officers who use haicap.

Placeholders are named and filled with `str.format` after translation
(`_("Imported: {counts}").format(counts=…)`), so a translation may put them in another
order; `tests/test_catalogue.py` checks that every message in the code has its Vietnamese
with the same placeholders, and that the compiled catalogue is up to date.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "language",
    "language_from",
    "language_of",
    "ngettext",
    "pgettext",
    "set_language",
    "spoken_in",
]

DOMAIN = "haicap"
"""The gettext domain: the catalogues are `<language>/LC_MESSAGES/haicap.mo`."""

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
"""Where the catalogues are (`store/locales/`)."""

LANGUAGES = ("vi", "en")
"""The languages haicap speaks, the default first."""

DEFAULT_LANGUAGE = "vi"

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""POSIX order: the first one set decides the language of messages."""


@cache
def _catalogue(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[code])


class _Speaking:
    """The language spoken now and its catalogue (one per process: see `set_language`)."""

    code = DEFAULT_LANGUAGE
    catalogue: gettext.NullTranslations = _catalogue(DEFAULT_LANGUAGE)


def set_language(code: str) -> None:
    """Speak `code` (one of LANGUAGES) from now on, in haicap's texts and in argparse's own
    ("usage:", "options"), which go through gettext's default domain."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    _Speaking.catalogue = _catalogue(code)
    _Speaking.code = code
    # argparse calls gettext.gettext, which reads the language from LANGUAGE at every call
    # and looks in the default domain: point both at haicap's catalogue. Child processes
    # (`haicap serve` starts the dashboard) inherit the choice this way too.
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = code


def language() -> str:
    """The language spoken now ("vi" or "en")."""
    return _Speaking.code


def _(message: str) -> str:
    """`message` (English, as written in the code) in the language spoken now; "" stays ""
    (gettext would give the catalogue's header for it, and a binding may have no tooltip)."""
    return _Speaking.catalogue.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n` in the language spoken now (Vietnamese has one)."""
    return _Speaking.catalogue.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the language spoken now, where the same English says different things
    ("In progress" is "Đang giải quyết" for a request, "Đang thực hiện" for a directive)."""
    return _Speaking.catalogue.pgettext(context, message)


def spoken_in(code: str, message: str, context: str | None = None) -> str:
    """`message` (with `context`, as `pgettext` takes it) in language `code`, whatever the
    language spoken now: to recognise a word a file holds in either language (the headers
    of a tracking table filled in by an agency)."""
    catalogue = _catalogue(code)
    return catalogue.pgettext(context, message) if context else catalogue.gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue but leave it English: for constants made at import
    (a `Binding`'s description, a table heading) that are translated with `_()` when shown."""
    return message


def language_of(value: str | None) -> str | None:
    """The language a `--lang` value or a locale names ("en", "en_US.UTF-8", "vi_VN" → "en"
    or "vi"), or None for one haicap does not speak ("C", "POSIX", "fr_FR")."""
    if not value:
        return None
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language_from(cli: str | None, configured: object, environ: Mapping[str, str]) -> str:
    """The language to speak: `--lang` (`cli`), else the settings file's `configured`
    value, else the first of LC_ALL, LC_MESSAGES, LANG that is set, else Vietnamese.

    A locale set to a language haicap does not speak ("C.UTF-8", the usual default of a
    server) falls to Vietnamese rather than to a later variable."""
    for value in (cli, configured if isinstance(configured, str) else None):
        code = language_of(value)
        if code:
            return code
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return language_of(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
