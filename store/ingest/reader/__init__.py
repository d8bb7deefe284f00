"""The reader of free text: a Vietnamese article about a working session in, a session out.

`extract_text(body, registry)` finds the session date, province, leader and communes and
sorts the article's sentences and clauses into achievements, difficulties, requests and
directives. Pure Python, no UI imports; `store.ingest.reader.evaluate` scores it on a devset.
"""

from haicap.store.ingest.reader.extract import ExtractedItem, Extraction, extract_text

__all__ = ["KINDS", "ExtractedItem", "Extraction", "extract_text"]

KINDS = ("achievement", "difficulty", "request", "directive")
"""The four kinds of content, in pane order."""
