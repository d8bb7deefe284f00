"""Limits on what a zip-based document (.docx) may unpack to, checked by the bytes it really yields.

A zip's central directory states each member's size, but nothing makes it tell the
truth: a 200 kB file can claim a few bytes per member and inflate to gigabytes. So every
member is decompressed here as a stream, in small chunks, counting what comes out, and
the file is refused as soon as a member or the whole passes its limit: before python-docx
(which trusts the directory) reads any of it into memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import _

__all__ = ["MAX_MEMBERS", "MAX_MEMBER_BYTES", "MAX_UNPACKED_BYTES", "check_zip_sizes"]

_MB = 1024 * 1024

MAX_MEMBER_BYTES = 32 * _MB
"""A part of a .docx unpacking to more than this is refused (a long report's text is a few MB)."""
MAX_UNPACKED_BYTES = 100 * _MB
"""A .docx whose parts unpack to more than this in all is refused (photos are stored, not inflated)."""
MAX_MEMBERS = 5000
"""A .docx of more parts than this is refused (Word writes a few dozen)."""

_CHUNK = 256 * 1024


def check_zip_sizes(raw: bytes, source: str) -> None:
    """Decompress every member of the zip in `raw` without keeping it, and raise
    `ReportError` when one is too large, the whole is, or the archive is damaged."""
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise ReportError(
                    source, _("zip archive has {count} parts; refused as damaged or unsafe").format(count=len(members))
                )
            for info in members:
                if info.is_dir():
                    continue
                size = 0
                with archive.open(info) as stream:
                    while chunk := stream.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > MAX_MEMBER_BYTES:
                            raise ReportError(
                                source,
                                _("a part of the file unpacks to more than {size} MB; refused as damaged or unsafe").format(
                                    size=MAX_MEMBER_BYTES // _MB
                                ),
                            )
                        if total > MAX_UNPACKED_BYTES:
                            raise ReportError(
                                source,
                                _("file unpacks to more than {size} MB; refused as damaged or unsafe").format(
                                    size=MAX_UNPACKED_BYTES // _MB
                                ),
                            )
    except ReportError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, zlib.error, NotImplementedError, OSError):
        # A member whose real size differs from the directory's raises BadZipFile while
        # streaming; an unknown compression method NotImplementedError.
        raise ReportError(source, _("damaged Word file (the zip archive is truncated or corrupt)")) from None
