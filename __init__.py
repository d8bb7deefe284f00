"""haicap: a terminal dashboard for provincial leaders' working sessions with communes.

The repository's top-level folders are this package's parts (pyproject.toml maps them):
`haicap.store` holds the data (domain, the TinyDB store, reading reports, views of it) and
knows nothing of the interface; `haicap.tui` is the Textual dashboard and the command line;
`haicap.seeds` is the bundled real data. `python -m haicap` runs the `haicap` command.
"""
