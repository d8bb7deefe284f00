"""The subcommands of `haicap`, one module per concern; `tui.cli` builds the grammar and dispatches.

Each module has `register(commands, parents)`, which adds its subparsers and sets
`handler=` on them; a handler takes `(args, db_path)` and returns the exit code. None of
them starts Textual but `present`: they work on the store directly and report a `StoreError` as one
line, `haicap: message`.

    init        init (a store folder, private or --shared with a Unix group)
    importing   import, extract, eval
    follow_up   items, item, set, restore-item
    search      search
    export      export (minutes and tracking table: docx, xlsx, md, csv)
    settings    config
    backups     restore
    audit       audit (restores, settings changes and imports: who and when)
    serve       serve (the dashboard in a browser, through textual-serve)
    stress      stress (concurrent writers on a scratch store)
    present     present (opens the app on the presenter)
    synth       synth (a SYNTHETIC store for scale tests: real communes, made-up reports)
    bench       bench (launch, switching, filtering, overview, edits, imports, memory on a store)
"""

from __future__ import annotations

from . import (
    audit,
    backups,
    bench,
    export,
    follow_up,
    importing,
    init,
    present,
    search,
    serve,
    settings,
    stress,
    synth,
)

__all__ = ["MODULES"]

MODULES = (init, importing, follow_up, search, export, settings, backups, audit, present, serve, stress, synth, bench)
"""The command modules, in the order their commands appear in `haicap --help`."""
