"""The minutes of a working session as a Word document, in the usual administrative layout.

A4, margins and type as offices set them (Times New Roman 13 pt; left margin 3 cm for
binding): the province and the national motto side by side, the place and date, the
title, the session facts (time, chair, participants, communes, source), then per group of
communes the results, difficulties, requests (with responsible agency, co-agencies,
deadline and state) and directives (with who carries them out, deadline, completion and
state), and the signature block. Headings are Word headings, so the navigation pane
shows the outline, and their wording is the one haicap's own Word import reads back.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.text.paragraph import Paragraph

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _
from haicap.store.domain.models import TRACKED_KINDS, Kind
from haicap.store.domain.text import shorten
from haicap.store.ingest.documents.minutes_mark import AUTHOR, body_digest, keywords, session_part
from haicap.store.views.exports.content import ExportContent, Group, SessionBlock, document_language, join_list, kind_heading
from haicap.store.views.exports.plain import ROMAN, comrade, follow_up_line, leader_line

__all__ = ["FONT", "NO_BREAK_SPACE", "add_letterhead", "add_line", "apply_page", "apply_styles", "build_docx", "letterhead_name"]

FONT = "Times New Roman"
"""Has every Vietnamese glyph; LibreOffice substitutes the metric-compatible Liberation Serif."""

NO_BREAK_SPACE = "\u00a0"
"""Joins the words of a name that a line must not break inside."""

_PROPERTY_LIMIT = 255
"""The most characters a document property (the title Word shows in File > Info) may hold."""

_SIZE = Pt(13)
_HEADING_SIZES = {"Heading 1": Pt(13), "Heading 2": Pt(13), "Heading 3": Pt(13)}


def _set_fonts(rpr) -> None:  # type: ignore[no-untyped-def]
    """Times New Roman for every script, with the theme fonts of the template removed (they win over a named font)."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _set_language(rpr) -> None:  # type: ignore[no-untyped-def]
    """The language spoken ("vi-VN", "en-US"), so Word and LibreOffice check spelling and hyphenate in it."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), document_language())


def _styles(document: DocxDocument) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults)
    _set_language(defaults)
    normal = document.styles["Normal"]
    normal.font.size = _SIZE
    _set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in _HEADING_SIZES.items():
        style = document.styles[name]
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr)
        color = rpr.find(qn("w:color"))
        if color is not None:  # the template's blue theme colour: headings are black in official documents
            rpr.remove(color)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.size = size
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.space_before = Pt(10)
        style.paragraph_format.space_after = Pt(4)


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = OxmlElement("w:fldSimple")  # the page number, filled in by Word or LibreOffice
    number.set(qn("w:instr"), "PAGE")
    footer._p.append(number)


def _line(
    container: DocxDocument | BlockItemContainer,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    underline: bool = False,
) -> Paragraph:
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size is not None:
            run.font.size = size
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _day_words(day: dt.date) -> str:
    return _("{day}/{month}/{year}").format(day=f"{day.day:02d}", month=f"{day.month:02d}", year=day.year)


def letterhead_name(full_name: str, name: str) -> str:
    """The province as the letterhead writes it: "THÀNH PHỐ HỒ CHÍ MINH", with no-break spaces
    inside the unit word and inside the name, so a cell too narrow for one line breaks
    before the name ("THÀNH PHỐ" / "HỒ CHÍ MINH"), never inside it."""
    unit = full_name[: -len(name)].strip() if name and full_name.endswith(name) else ""
    parts = [unit, name] if unit else [full_name]
    return " ".join(part.upper().replace(" ", NO_BREAK_SPACE) for part in parts)


def add_letterhead(document: DocxDocument, province_full: str, province_name: str, place_day: dt.date) -> None:
    """The national header: the province on the left; the country's name, its motto, and
    the place and date on the right."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    # LibreOffice lays a table out by its grid columns, Word by its cells: set both.
    for column, cell, width in zip(table.columns, (left, right), (Cm(6), Cm(10.5)), strict=True):
        column.width = cell.width = width
    left.paragraphs[0].text = ""
    center = WD_ALIGN_PARAGRAPH.CENTER
    province = letterhead_name(province_full, province_name)
    _line(left, province, bold=True, size=Pt(12), align=center)
    _line(right, _("SOCIALIST REPUBLIC OF VIETNAM"), bold=True, size=Pt(12), align=center)
    _line(right, _("Independence - Freedom - Happiness"), bold=True, align=center, underline=True)
    _line(right, "")
    place = f"{province_name}, " if province_name else ""
    _line(right, f"{place}{_day_words(place_day)}", italic=True, align=center)
    for cell in (left, right):  # the empty first paragraph python-docx gives every cell
        first = cell.paragraphs[0]
        if not first.text:
            first._p.getparent().remove(first._p)


def _fact(document: DocxDocument, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _facts(document: DocxDocument, block: SessionBlock) -> None:
    session = block.session
    _fact(document, _("Time"), _capitalized(_day_words(session.date)) + ".")
    _fact(document, _("Chaired by"), leader_line(block) + ".")
    if session.participants:
        document.add_paragraph().add_run(_("Participants") + ":").bold = True
        for person in session.participants:
            _item(document, _capitalized(comrade(person)) + ";")
    _fact(document, _("Working with"), join_list(session.communes) + ".")
    if session.source:
        _fact(document, _("Source"), session.source + ".")


def _capitalized(text: str) -> str:
    """`text` with its first letter made capital, the rest as it is (names keep theirs)."""
    return text[:1].upper() + text[1:]


def _item(document: DocxDocument, text: str) -> Paragraph:
    paragraph = document.add_paragraph(f"- {text}")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    return paragraph


def _group(document: DocxDocument, group: Group, level: int) -> None:
    number = 0
    for kind in Kind:
        entries = group.of_kind(kind)
        if not entries:
            continue
        number += 1
        label = f"{ROMAN[number - 1]}." if level == 1 else f"{number}."
        document.add_heading(f"{label} {kind_heading(kind)}", level=level)
        for entry in entries:
            _item(document, entry.text)
            if kind in TRACKED_KINDS:
                detail = document.add_paragraph()
                run = detail.add_run(follow_up_line(entry))
                run.italic = True
                run.font.size = Pt(12)
                detail.paragraph_format.left_indent = Cm(1)
                detail.paragraph_format.space_after = Pt(6)


def _body(document: DocxDocument, block: SessionBlock, level: int) -> None:
    groups = [g for g in block.groups if g.entries]
    if not groups:
        document.add_paragraph(_("Nothing was recorded."))
    for number, group in enumerate(groups):
        if group.heading:
            document.add_heading(f"{ROMAN[number]}. {group.heading.upper()}", level=level)
            _group(document, group, level + 1)
        else:
            _group(document, group, level)


def _signatures(document: DocxDocument, block: SessionBlock) -> None:
    document.add_paragraph().paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    center = WD_ALIGN_PARAGRAPH.CENTER
    roles = (_("SECRETARY"), _("CHAIR"))
    for cell, role, name in zip(table.rows[0].cells, roles, ("", block.session.leader_name), strict=True):
        cell.paragraphs[0].alignment = center
        cell.paragraphs[0].add_run(role).bold = True
        _line(cell, _("(Signature and full name)"), italic=True, align=center)
        for _blank in range(4):
            _line(cell)
        _line(cell, name, bold=True, align=center)
        for paragraph in cell.paragraphs:  # one block: the row is never split across pages
            paragraph.paragraph_format.keep_with_next = True


def _mark(document: DocxDocument, content: ExportContent) -> None:
    """Minutes of one session carry it whole, in a custom XML part with a digest of the text
    (`store.ingest.documents.minutes_mark`): importing them reproduces the session, never
    their layout's lines as items. Nothing of it is shown."""
    if content.copy is None:
        return
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.part import Part

    from haicap.store.views.exports.session_file import session_data

    data = session_data(content.copy)
    package = document.part.package
    blob = session_part(data, body_digest(document.element.body))
    # The template has a custom XML part of its own: the next free names.
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", blob, package)
    # Word keeps a custom XML part that has its properties part (a data store id) when it saves.
    store_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"haicap:{content.copy.content_hash}")).upper() + "}"
    props = Part(
        package.next_partname("/customXml/itemProps%d.xml"),
        CONTENT_TYPE.OFC_CUSTOM_XML_PROPERTIES,
        (
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
            f'<ds:datastoreItem ds:itemID="{store_id}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
        ).encode(),
        package,
    )
    item.relate_to(props, RELATIONSHIP_TYPE.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RELATIONSHIP_TYPE.CUSTOM_XML)


def build_docx(content: ExportContent) -> bytes:
    """The minutes (one session) or the summary (a commune's sessions) as the bytes of a .docx file."""
    document = Document()
    _styles(document)
    _page(document)
    single = content.single_session
    add_letterhead(document, content.province_full, content.province, content.blocks[0].session.date if single else content.today)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _line(document, "")
    _line(document, content.title, bold=True, size=Pt(14), align=center)
    subtitle = content.blocks[0].session.title if single else content.scope
    _line(document, subtitle, bold=True, align=center).paragraph_format.space_after = Pt(12)
    for index, block in enumerate(content.blocks):
        if single:
            _facts(document, block)
            _body(document, block, level=1)
        else:
            heading = _("PART {number}. WORKING SESSION OF {date}").format(
                number=ROMAN[index], date=format_date(block.session.date)
            )
            document.add_heading(heading, level=1)
            _line(document, block.session.title, italic=True).paragraph_format.space_after = Pt(4)
            _facts(document, block)
            _body(document, block, level=2)
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(12)
    note.paragraph_format.keep_with_next = single  # the signatures never start a page alone
    note.add_run(
        _("Follow-up state of the requests and directives as of {date}. Made with haicap.").format(date=_day_words(content.today))
    ).italic = True
    if single:
        _signatures(document, content.blocks[0])
    _mark(document, content)
    properties = document.core_properties
    # Many communes make a scope longer than a property may be: cut there, between words.
    properties.title = shorten(f"{content.title} — {content.scope}", _PROPERTY_LIMIT, at_word=True)
    properties.author = AUTHOR
    properties.keywords = keywords(content.copy.session.id if content.copy else None)
    properties.last_modified_by = "haicap"
    properties.language = document_language()
    properties.comments = ""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# The layout shared with the report of a period (`store.views.period_report.docx`).
apply_styles = _styles
"""Times New Roman 13 pt, black headings, the document's language."""
apply_page = _page
"""A4, the administrative margins, the page number in the footer."""
add_line = _line
"""A paragraph of one run, without space after it."""
