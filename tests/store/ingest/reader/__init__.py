"""Tests of the reader of free text (store.reader)."""
