"""The subcommands of `haicap`, one module per concern; `haicap.tui.cli.main` builds the grammar and dispatches.

Each module has `register(commands, parents)`, which adds its subparsers and sets
`handler=` on them; a handler takes `(args, db_path)` and returns the exit code. None of
them starts Textual but `present`: they work on the store directly and report a `StoreError` as one
line, `haicap: message`.

    init        init (a store folder, private or --shared with a Unix group)
    importing   import, extract, eval
    follow_up   items, item, set, restore-item
    search      search
    export      export (minutes and tracking table: docx, xlsx, md, csv)
    report      report (a period: two-axis counts, overdue, changes; docx, xlsx, md)
    settings    config
    backups     restore
    audit       audit (restores, settings changes and imports: who and when)
    serve       serve (the dashboard in a browser, through textual-serve)
    language    lang (the language haicap speaks; remember one in the user's settings)
    stress      stress (concurrent writers on a scratch store; in `haicap.tui.cli.dev`)
    present     present (opens the app on the presenter)
    synth       synth (dev: a SYNTHETIC store for scale tests: real communes, made-up reports)
    bench       bench (dev: launch, switching, filtering, overview, edits, imports, memory on a store)
"""

from __future__ import annotations

from haicap.tui.cli.commands import (
    audit,
    backups,
    export,
    follow_up,
    importing,
    init,
    language,
    present,
    report,
    search,
    serve,
    settings,
)
from haicap.tui.cli.dev import bench, stress, synth

__all__ = ["MODULES"]

MODULES = (
    init,
    importing,
    follow_up,
    search,
    export,
    report,
    settings,
    backups,
    audit,
    present,
    serve,
    language,
    stress,
    synth,
    bench,
)
"""The command modules, in the order their commands appear in `haicap --help`."""
