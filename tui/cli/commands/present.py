"""`haicap present`: open the app straight on the presenter, for a meeting room.

    haicap present                       the newest session
    haicap present --session cdb5ed9f    one session (the first characters of its id are enough)
    haicap present --commune "van du"    one commune over all its sessions

`esc` leaves the presentation for the dashboard; `q` quits.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from haicap.store.domain.i18n import _, pgettext
from haicap.tui.cli.commands.common import CommandError, current_day, find_province, resolve_commune
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add present."""
    present = commands.add_parser(
        "present",
        parents=parents,
        help=_("present a session (the newest by default) or a commune full screen, slide by slide"),
        description=_(
            "Full-screen slides: a title, each commune's results, difficulties, requests and "
            "directives, then what is still open. Keys: space/→/n next, ←/p previous, g go to, c commune, "
            "t theme, esc dashboard, ? help."
        ),
    )
    which = present.add_mutually_exclusive_group()
    which.add_argument("--session", metavar="ID", help=_("the session to present (its id, or its first 4+ characters)"))
    which.add_argument(
        "--commune",
        metavar=pgettext("metavar", "NAME"),
        help=_("present this commune over all its sessions ('van du' or a code)"),
    )
    # SUPPRESS: given before the command (`haicap --province X present`), the value is kept.
    present.add_argument(
        "--province",
        metavar=pgettext("metavar", "NAME"),
        default=argparse.SUPPRESS,
        help=_("where to look for --commune"),
    )
    present.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS, help=_("never write the store"))
    present.set_defaults(handler=_present)


def _present(args: argparse.Namespace, db_path: Path) -> int:
    day = current_day(args)
    # Imported here so the other commands and `--help` stay fast and need no terminal.
    from haicap.store.views.exports import find_session
    from haicap.store.views.slides import deck_of_commune, deck_of_session
    from haicap.tui.app import make_app

    app = make_app(db_path, read_only=getattr(args, "read_only", False), calendar=args.calendar)
    store = app.store
    try:
        if args.commune:
            province = find_province(store, args.province) if getattr(args, "province", None) else None
            commune = resolve_commune(store, args.commune, province)
            if not store.commune_view(commune).sessions:
                said = _("--commune: {commune} ({province}) has no sessions to present")
                raise CommandError(said.format(commune=commune.label, province=commune.province.name))
            app.start_province = commune.province
            app.start_deck = deck_of_commune(store, commune, day)
        else:
            session = find_session(store, args.session) if args.session else store.latest_session()
            if session is None:
                raise CommandError(_("no session to present: import a report first (haicap import FILE)"))
            app.start_province = session.province
            app.start_deck = deck_of_session(store, session, day)
    except BaseException:
        store.close()
        raise
    app.run()
    return app.return_code or 0
