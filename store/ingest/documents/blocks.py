"""What a document is made of once read: blocks of clean text, some of them headings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haicap.store.domain.models import Kind

__all__ = ["Block", "Document"]


@dataclass(frozen=True)
class Block:
    """One paragraph or table row of a document, as clean text."""

    text: str
    """The `clean()`ed text of the paragraph or row."""
    heading: bool = False
    """True when the block is a section heading."""
    kind: Kind | None = None
    """For a heading, the kind of section it opens (`heading_kind`); otherwise None."""


@dataclass(frozen=True)
class Document:
    """What `read_document` found in a file."""

    source: str
    """The path as given, used in messages."""
    format: str
    """"structured" (YAML/JSON), "docx", "doc" (old Word, converted), "pdf" or "text"."""
    blocks: tuple[Block, ...] = ()
    """For Word, PDF and text files: the content in reading order."""
    data: Any = None
    """For structured files: the parsed YAML/JSON object."""
    encoding: str | None = None
    """For text files: "UTF-8", "UTF-16" or "Windows-1258"; None otherwise."""
    minutes: Any = None
    """For Word files haicap wrote (its minutes): their `MinutesMark`
    (`store.ingest.documents.minutes_mark`); None otherwise."""

    def body(self) -> str:
        """The text of all blocks, one per line."""
        return "\n".join(block.text for block in self.blocks)
