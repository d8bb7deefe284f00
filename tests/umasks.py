"""Running a block of a test under another umask."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    """Run the block with the process's umask set to `value`, put back afterwards."""
    previous = os.umask(value)
    try:
        yield
    finally:
        os.umask(previous)
