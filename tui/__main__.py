"""`python -m tui` runs the haicap command (with `run`'s manners: Ctrl-C, closed pipes)."""

import sys

from .cli import run

sys.exit(run())
