"""The WordprocessingML python-docx has no setting for, written with plain lxml calls on elements
reached through python-docx's public API (issue #17: no private members such as `run._r` or
`_Cell`, and no helpers of its oxml element classes such as `get_or_add_rPr`):

- a paragraph's w:p is `paragraph.paragraph_format.element` and a run's w:rPr is under
  `run.font.element` (ParagraphFormat and Font are python-docx's public ElementProxy classes; their
  `element` is the w:p, w:r or w:style holding the properties), a style's is `style.element`,
  the document's `document.element`;
- new elements come from docx.oxml.OxmlElement, tag names from docx.oxml.ns.qn.

Children go where ECMA-376 orders them: Word refuses a file whose children are out of order.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.font import Font
from docx.text.paragraph import Paragraph

Element = Any  # an lxml element of the document tree (python-docx types them by its private oxml classes)

# What follows w:pgNumType in a w:sectPr (ECMA-376 §17.6.17).
_AFTER_PG_NUM_TYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                      "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")  # fmt: skip
# What follows w:pBdr in a w:pPr (§17.3.1.26).
_AFTER_P_BDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr")
# What follows w:tblPr in a table style (§17.7.4.17).
_AFTER_TBL_PR = ("w:trPr", "w:tcPr", "w:tblStylePr")


def insert_before(parent: Element, child: Element, successors: tuple[str, ...]) -> None:
    """`child` before the first of `successors` found (given in schema order), else last."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def set_child(parent: Element, tag: str, value: str | None, successors: tuple[str, ...]) -> Element:
    """The parent's `tag` child, added in its place if missing; its w:val set when `value` is given."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        insert_before(parent, child, successors)
    if value is not None:
        child.set(qn("w:val"), value)
    return child


def first_child(parent: Element, tag: str) -> Element:
    """The parent's `tag` child, added first if missing: a w:p's w:pPr, a w:pPr's w:pStyle, a w:tr's w:trPr."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert(0, child)
    return child


def paragraph_element(paragraph: Paragraph) -> Element:
    """The paragraph's w:p."""
    return paragraph.paragraph_format.element


def run_properties(font: Font) -> Element:
    """The w:rPr of the run or style whose Font this is; a Font setter (size, bold) has made it."""
    properties = font.element.find(qn("w:rPr"))
    if properties is None:
        raise ValueError("no w:rPr yet: set a Font property first")
    return properties


def set_style(p: Element, style_id: str) -> None:
    """The paragraph's style by id (what `paragraph.style = name` writes, without looking the name
    up among every style on each call)."""
    first_child(first_child(p, "w:pPr"), "w:pStyle").set(qn("w:val"), style_id)


def page_number_field(p: Element, shown: str) -> None:
    """A PAGE field at the paragraph's end; `shown` is its text until Word or LibreOffice updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    p.append(field)


def add_page_number_format(sect_pr: Element, fmt: str) -> None:
    """A w:pgNumType with the number format (e.g. thaiNumbers) in the section's properties."""
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:fmt"), fmt)
    insert_before(sect_pr, numbering, _AFTER_PG_NUM_TYPE)


def restart_page_numbers(sect_pr: Element) -> None:
    """The section's page numbers start again at 1 (its w:pgNumType, kept or added)."""
    set_child(sect_pr, "w:pgNumType", None, _AFTER_PG_NUM_TYPE).set(qn("w:start"), "1")


def bottom_border(p: Element) -> None:
    """A thin black line under the paragraph (w:pBdr/w:bottom)."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    insert_before(first_child(p, "w:pPr"), borders, _AFTER_P_BDR)


def shade(tc: Element, fill_hex: str) -> None:
    """A cell's background; `fill_hex` like 'F6C9C4'. The cell's w:tcPr holds its width already."""
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill_hex)):
        shading.set(qn(key), value)
    first_child(tc, "w:tcPr").append(shading)


def repeat_as_header(tr: Element) -> None:
    """The row repeats at the top of every page the table runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    first_child(tr, "w:trPr").append(header)


def cell_margins(style_element: Element, twips: int) -> None:
    """Left and right cell padding in a table style's w:tblPr."""
    properties = style_element.find(qn("w:tblPr"))
    if properties is None:
        properties = OxmlElement("w:tblPr")
        insert_before(style_element, properties, _AFTER_TBL_PR)
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
