"""Bundled real data: the national commune registry and the seed working session.

This package holds data files only; `store.seeds` and `store.registry` read them.
Synthetic data never goes here.
"""
