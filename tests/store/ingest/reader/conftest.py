"""Shared fixtures for the reader's tests."""

import pytest

from haicap.store.domain.registry import load_registry


@pytest.fixture(scope="session")
def registry():
    """The bundled national registry (read once)."""
    return load_registry()
