"""The parser class of the `haicap` grammar, and the type command modules register their
subcommands with (see `haicap.tui.cli.commands`)."""

from __future__ import annotations

import argparse
from typing import NoReturn, TypeAlias

from haicap.store.domain.i18n import _
from haicap.store.domain.text import visible

__all__ = ["OneLineParser", "Subcommands"]


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a malformed command line is one line (`haicap items: --kind: expected one
    argument (see haicap items --help)`), exit 2, like every other refusal; `--help` still
    prints the whole usage.

    Every parser of the grammar is one: the subcommands' parsers take the class of the parser
    they are added to, and the shared options (`--db`, `--today`) are parents of them."""

    def error(self, message: str) -> NoReturn:
        hint = _("(see {command} --help)").format(command=self.prog)
        self.exit(2, f"{visible(self.prog)}: {visible(message)} {hint}\n")


Subcommands: TypeAlias = "argparse._SubParsersAction[OneLineParser]"
"""What `register(commands, parents)` adds its subcommands to. (A string: the class is
generic only in typeshed, not at run time.)"""
