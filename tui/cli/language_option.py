"""`--lang`: the language of one run, chosen before argparse builds its help texts.

`choose_language` reads `--lang X` (or `--lang=X`) from the command line itself, since the
parsers' help is translated as they are built; without it, the language remembered by
`haicap lang`, else the locale's, else Vietnamese (`store.domain.i18n.language_from`).
`add_lang_option` puts the option on the top parser and on every command's, so that it is
accepted before or after the command and listed in each `--help`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence

from haicap.store.domain.i18n import LANGUAGES, _, language_from, language_of, set_language
from haicap.tui import user_config
from haicap.tui.cli.commands.common import CommandError

__all__ = ["LANG_OPTION", "add_lang_option", "choose_language", "unknown_language"]

LANG_OPTION = "--lang"
"""The option that chooses the language of one run (see the module docstring)."""


def _lang_given(words: Sequence[str]) -> str | None:
    """The value of the last `--lang X` or `--lang=X` in `words`, options ending at `--`;
    None when there is none. (Read before argparse, which needs the language to build the
    help texts.)"""
    given = None
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == LANG_OPTION:
            given = words[index + 1] if index + 1 < len(words) else ""
        elif word.startswith(LANG_OPTION + "="):
            given = word.removeprefix(LANG_OPTION + "=")
    return given


def unknown_language(given: str) -> CommandError:
    """The refusal of a `--lang` haicap does not speak (exit 2)."""
    from haicap.store.domain.text import visible

    return CommandError(
        _("{option}: '{value}' is not a language haicap speaks; use one of: {languages}").format(
            option=LANG_OPTION, value=visible(given), languages=", ".join(LANGUAGES)
        ),
        code=2,
    )


def choose_language(words: Sequence[str], environ: Mapping[str, str] | None = None) -> None:
    """Speak, for this run, the language of `--lang` in `words`, else the remembered one
    (`haicap lang`), else the locale's, else Vietnamese (`store.domain.i18n.language_from`).
    An unknown `--lang` is a CommandError (exit 2), said in the language chosen without it."""
    environ = os.environ if environ is None else environ
    given = _lang_given(words)
    configured = user_config.load().get("language")
    set_language(language_from(None, configured, environ))
    if given is not None:
        if language_of(given) is None:
            raise unknown_language(given)
        set_language(language_from(given, configured, environ))


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """`--lang`, on the top parser and on every command's (`haicap --lang en items` and
    `haicap items --lang en`); its value was read by `choose_language` already."""
    parser.add_argument(
        LANG_OPTION,
        metavar="vi|en",
        default=argparse.SUPPRESS,
        help=_(
            "the language to speak for this run: vi (Vietnamese, the default) or en (English); "
            "without it, the one remembered by `haicap lang`, else the one LANG names"
        ),
    )
