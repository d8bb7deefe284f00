"""`python -m tui` runs the haicap command."""

import sys

from .cli import main

sys.exit(main())
