"""Bundled real data: the national commune registry and the seed working session.

This package holds data files only; `haicap.store.ingest.reports` and `haicap.store.domain.registry` read them.
Synthetic data never goes here.
"""
