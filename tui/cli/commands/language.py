"""`haicap lang`: the language haicap speaks, and remembering one.

    haicap lang              say the language spoken and what chose it
    haicap lang en           speak English from now on (remembered in the settings file)
    haicap lang vi           speak Vietnamese from now on, whatever LANG says
    haicap lang --forget     forget the remembered one: LANG decides again, else Vietnamese

`--lang vi|en` still chooses for one run (see `tui.cli.main`). The choice is the key
"language" of the user's settings file (`tui.user_config`), never of a store: it is the
officer's, not the office's.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from haicap.store.domain.i18n import LANGUAGES, _, language, language_from, language_of, pgettext, set_language
from haicap.tui import user_config
from haicap.tui.cli.commands.common import CommandError
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add lang."""
    lang = commands.add_parser(
        "lang",
        help=_("show the language haicap speaks, or remember one: vi or en"),
        description=_(
            "Without an argument, say the language haicap speaks and what chose it. With vi or en, "
            "speak that language from now on: it is remembered in your settings file ({path}), not in "
            "any store. --forget goes back to the language LANG names, else Vietnamese. --lang vi|en "
            "chooses for one run whatever is remembered."
        ).format(path=user_config.config_path()),
    )
    lang.add_argument(
        "choice",
        nargs="?",
        type=str.lower,
        choices=LANGUAGES,
        metavar="vi|en",
        help=_("the language to remember: vi (Vietnamese) or en (English)"),
    )
    lang.add_argument("--forget", action="store_true", help=_("forget the remembered language"))
    lang.set_defaults(handler=_lang)


def _name(code: str) -> str:
    return pgettext("language", "Vietnamese") if code == "vi" else pgettext("language", "English")


def _source(for_this_run: bool) -> str:
    """What chose the language spoken (as `language_from` does): `--lang` when
    `for_this_run`, else the settings file, the locale or the default."""
    if for_this_run:
        return _("chosen with --lang for this run")
    if user_config.remembered_language() is not None:
        return _("remembered in {path}").format(path=user_config.config_path())
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            if language_of(value) is None:
                break  # "C.UTF-8" names no language haicap speaks: the default
            return _("from {variable}={value}").format(variable=variable, value=value)
    return pgettext("cli", "the default")


def _state(code: str, for_this_run: bool = False) -> str:
    """ "English (en), remembered in ~/.config/haicap/haicap.json"."""
    return _("{name} ({code}), {source}").format(name=_name(code), code=code, source=_source(for_this_run))


def _lang(args: argparse.Namespace, db_path: Path) -> int:
    chosen_for_this_run = getattr(args, "lang", None) is not None
    if args.choice is not None and args.forget:
        raise CommandError(_("--forget: not with a language; give one or the other"), code=2)
    if args.choice is None and not args.forget:
        print(_state(language(), chosen_for_this_run))
        return 0
    if not user_config.remember_language(args.choice):
        raise CommandError(_("{path}: cannot save the language").format(path=user_config.config_path()))
    # What later runs will speak without --lang; said in it, unless --lang chose for this one.
    later = language_from(None, args.choice, os.environ)
    if not chosen_for_this_run:
        set_language(later)
    if args.forget:
        print(_("the remembered language is forgotten; now: {state}").format(state=_state(later)))
    else:
        print(_state(later))
    return 0
