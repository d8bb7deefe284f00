"""Stores for the tests of `haicap.store.db`: every test that needs only a store (not files
on disk) runs once over memory and once over a folder, so behaviour that differs between
TinyDB's MemoryStorage and the store file shows up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haicap.store import Store


@pytest.fixture(params=["memory", "folder"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store, once in memory and once in a folder under tmp_path."""
    opened = Store.in_memory() if request.param == "memory" else Store.open(tmp_path / "store")
    yield opened
    opened.close()


@pytest.fixture
def seeded(store: Store) -> Store:
    """The same store with the bundled seed session loaded (38 items in three communes)."""
    assert store.ensure_seeded() == 1
    return store
