"""haicap's own Word minutes: how they are marked when written, and recognised when imported.

Minutes are a layout for people: read back as a report, their follow-up lines became items
and their bullets stayed in the text (64 items for 38). So `store.views.exports.docx_minutes`
marks them, in ways that change nothing of how they look:

- the core properties say "haicap" (author, and keywords with the session id), as every
  haicap .docx has said in its author since the first one;
- minutes of one session carry that session as a `haicap-session/1` copy in a custom XML
  part (Word keeps those when it saves), with a digest of the text of the body.

`minutes_mark(raw)` reads that back without loading the document (the zip's core
properties, custom XML parts and body). The import reads the embedded session instead of
the text (`own_minutes`), when there is one and the text is still the one haicap wrote;
otherwise it refuses with the hint to move the session with `haicap export --format yaml`.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, replace
from typing import Any
from xml.sax.saxutils import escape

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import _
from haicap.store.ingest.documents.blocks import Document
from haicap.store.ingest.reports import load_structured

__all__ = ["AUTHOR", "NAMESPACE", "MinutesMark", "body_digest", "keywords", "minutes_mark", "own_minutes", "session_part"]

AUTHOR = "haicap"
"""The author (dc:creator) of every .docx haicap writes."""

NAMESPACE = "urn:haicap:session-copy"
"""The namespace of the custom XML part holding the session."""

_KEYWORD = re.compile(r"\bhaicap-session:([0-9a-f]{8,64})\b")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_MAX_PART = 10 * 1024 * 1024
"""A custom part larger than this is not read (a session copy is a few hundred kB at most)."""


@dataclass(frozen=True)
class MinutesMark:
    """What marks a .docx as minutes haicap wrote."""

    session_id: str | None
    """The session they are the minutes of, when the keywords say it."""
    session: Any = None
    """The embedded session copy (parsed JSON), or None: older minutes, minutes of several
    sessions, or a part Word or LibreOffice left out."""
    edited: bool = False
    """The body's text is no longer the one haicap wrote with the session."""


def keywords(session_id: str | None) -> str:
    """The keywords of minutes (File > Properties): "haicap, haicap-session:cdb5ed9f"."""
    return f"{AUTHOR}, haicap-session:{session_id}" if session_id else AUTHOR


def body_digest(body: Any) -> str:
    """A digest of the text of a document body (an lxml `w:body`): paragraph by paragraph,
    whitespace collapsed, so a save that splits runs differently keeps it."""
    lines = []
    for paragraph in body.iter(f"{{{_W}}}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{{{_W}}}t"))
        lines.append(" ".join(text.split()))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def session_part(data: dict[str, Any], digest: str) -> bytes:
    """The custom XML part holding the session copy `data` and the body's digest."""
    text = escape(json.dumps(data, ensure_ascii=False))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<session xmlns="{NAMESPACE}" body="{escape(digest)}">{text}</session>'
    ).encode()


def _parse(raw: bytes) -> Any:
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library, without stubs

    # No entities, no network, no huge trees: the file is anyone's.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(raw, parser=parser)


def minutes_mark(raw: bytes) -> MinutesMark | None:
    """The mark of haicap's minutes in the .docx `raw`, or None for any other Word file
    (or one too damaged to tell: the reading of its text says what is wrong)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            if "docProps/core.xml" not in names:
                return None
            core = _parse(archive.read("docProps/core.xml"))
            author = core.findtext("dc:creator", default="", namespaces=_CORE).strip()
            words = core.findtext("cp:keywords", default="", namespaces=_CORE)
            found = _KEYWORD.search(words)
            if author != AUTHOR and not found:
                return None
            session, edited = _embedded_session(archive, names)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    except Exception:  # noqa: BLE001 - lxml raises its own types on a damaged part: not marked, then
        return None
    session_id = found.group(1) if found else None
    return MinutesMark(session_id=session_id, session=session, edited=edited)


def _embedded_session(archive: zipfile.ZipFile, names: set[str]) -> tuple[Any, bool]:
    """The embedded session copy (None when there is none or it cannot be read: the minutes
    are refused then, never read as text) and whether the body was edited since."""
    try:
        session, digest = _embedded(archive, names)
        if session is None:
            return None, False
        body = _parse(archive.read("word/document.xml")).find(f"{{{_W}}}body")
        return session, body is None or body_digest(body) != digest
    except Exception:  # noqa: BLE001 - a damaged part of ours: no session to read back
        return None, False


def _embedded(archive: zipfile.ZipFile, names: set[str]) -> tuple[Any, str]:
    """The session copy of a custom XML part of ours and the digest it was written with."""
    for name in sorted(names):
        if not (name.startswith("customXml/") and name.endswith(".xml")) or "itemProps" in name or "_rels" in name:
            continue
        if archive.getinfo(name).file_size > _MAX_PART:
            continue
        root = _parse(archive.read(name))
        if root.tag != f"{{{NAMESPACE}}}session":
            continue
        return load_structured((root.text or "").encode("utf-8"), name, ".json"), root.get("body", "")
    return None, ""


def own_minutes(doc: Document) -> Document:
    """Minutes haicap wrote, as the session copy they carry; ReportError (with the hint to
    export the session as a file) when they carry none, or their text was edited since."""
    mark = doc.minutes
    assert isinstance(mark, MinutesMark)
    session = f" {mark.session_id}" if mark.session_id else ""
    hint = _("move a session with `haicap export{session} --format yaml` and import that file").format(
        session=f" --session{session}" if session else ""
    )
    if mark.session is None:
        reason = _("these are minutes haicap wrote, not a report to read: {hint}")
        raise ReportError(doc.source, reason.format(hint=hint))
    if mark.edited:
        reason = _("these minutes haicap wrote were edited since (their text is not what haicap wrote): {hint}")
        raise ReportError(doc.source, reason.format(hint=hint))
    return replace(doc, data=mark.session)
