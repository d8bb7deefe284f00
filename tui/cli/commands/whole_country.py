"""Whole-country commands (`items` and `search` without a commune): the store read a province
at a time, so one province's items are in memory at once, saying so on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from haicap.store.domain.i18n import _

if TYPE_CHECKING:
    from haicap.store import Store
    from haicap.store.domain.models import Item, Kind

__all__ = ["each_province_items", "each_province_matching"]


def each_province_items(store: Store, kinds: tuple[Kind, ...] | None = None) -> Iterator[Item]:
    """Every live item of the store, province by province (see `Store.each_province`); on a
    terminal, says first that every province's file is read in turn."""
    _say_every_province(store)
    for _code, items in store.each_province(kinds):
        yield from items


def each_province_matching(store: Store, query: str) -> Iterator[tuple[str, list[Item]]]:
    """`Store.each_matching`, saying first on a terminal that every province's file is read."""
    _say_every_province(store)
    return store.each_matching(query)


def _say_every_province(store: Store) -> None:
    codes = store.session_counts_by_province()
    if len(codes) > 1 and sys.stderr.isatty():
        print(
            _("haicap: reading the files of {count} provinces one after another…").format(count=len(codes)),
            file=sys.stderr,
        )
