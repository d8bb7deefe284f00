"""`python -m haicap` runs the haicap command (with `run`'s manners: Ctrl-C, closed pipes)."""

import sys

from haicap.tui.cli.main import run

sys.exit(run())
