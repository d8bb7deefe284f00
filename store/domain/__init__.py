"""The domain: sessions, communes, items and their follow-up, the commune registry, and the
rules of Vietnamese text and dates. Plain dataclasses and functions; no file, no TinyDB, no UI.
"""
