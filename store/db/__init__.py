"""The store and its file: `Store` (the facade), the TinyDB file with its lock, backups and
schema migrations, the indexes built from its rows, and edits with their history and audit.
"""
