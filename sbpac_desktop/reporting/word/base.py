"""WordWriter: an editable .docx with the official page and named Thai styles a clerk can change.

The page is the PDFs' page (layout.OFFICIAL_MARGINS: A4, 3 cm left, 2 cm right, 2.5 cm top,
2 cm bottom). Every style names TH Sarabun New 16 pt for Latin *and* complex-script text:
Word formats Thai with the complex-script properties (w:cs font, w:szCs size, w:bCs bold),
so setting only the Latin font would leave Thai in the default font. The font is named, not
embedded: where TH Sarabun New is not installed, Word substitutes (Tahoma or Leelawadee on
Windows) and LibreOffice asks fontconfig for a Thai font (Sarabun, when installed).

Digits follow the document's setting exactly as the PDF engine does (engine.breaking): every
word is converted to Thai digits except words with Latin letters (URLs, e-mail, English names).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle, CharacterStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from sbpac_desktop.reporting.layout import OFFICIAL_MARGINS
from sbpac_desktop.reporting.output_file import write_atomically
from sbpac_desktop.thai import segment, to_thai_digits

FONT = "TH Sarabun New"
BODY_PT = 16
SMALL_PT = 14  # dense tables, as the PDF's "small" style
FOOTNOTE_PT = 12
FIRST_LINE_INDENT = Cm(2.5)
CELL_PADDING_TWIPS = 60  # 3 pt, as engine.table.CELL_PADDING

# Named styles (Thai names: what the clerk sees in Word's style list).
TITLE = "หัวเรื่อง"  # bold, centred: document titles
HEADING = "หัวข้อ"  # bold: part headings, kept with the next paragraph
BODY = "เนื้อความ"
BODY_INDENT = "เนื้อความย่อหน้า"  # first line indented 2.5 cm
CELL = "ข้อความในตาราง"
CELL_SMALL = "ข้อความในตารางขนาดเล็ก"
TABLE = "ตาราง"  # with grid lines
LIST_TABLE = "ตารางรายชื่อ"  # no lines: attendance lists, the agenda

Runs = Sequence[tuple[str, bool]]

# Where w:szCs and w:lang go among a w:rPr's children (ECMA-376 order; Word rejects others).
_AFTER_SZ_CS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
                "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")  # fmt: skip
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_PG_NUM_TYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                      "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")  # fmt: skip


def document_digits(text: str, thai_digits: bool) -> str:
    """The PDF engine's digit rule: Thai digits in every word that has no Latin letter."""
    if not thai_digits or not any(char.isdigit() for char in text):
        return text
    if not _has_latin(text):  # every word converts: no need to find the words
        return to_thai_digits(text)
    return "".join(token if _has_latin(token) else to_thai_digits(token) for token in segment(text))


def _has_latin(token: str) -> bool:
    return any("a" <= char.lower() <= "z" for char in token)


def thai_font(style: CharacterStyle, size_pt: float, bold: bool = False) -> None:
    """TH Sarabun New at `size_pt` for Latin and complex script (Thai), bold in both if asked."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.font.size = Pt(size_pt)
    style.font.bold = bold
    _set_child(rpr, "w:szCs", str(round(size_pt * 2)), _AFTER_SZ_CS)
    if bold:
        rpr.get_or_add_bCs()
    lang = _set_child(rpr, "w:lang", None, _AFTER_LANG)
    lang.set(qn("w:bidi"), "th-TH")  # complex-script language: Word's Thai word breaking and proofing


def run_size(run, size_pt: float) -> None:
    """A run's size for Latin and Thai (w:sz and w:szCs): Word sizes Thai text by w:szCs."""
    run.font.size = Pt(size_pt)
    _set_child(run._r.get_or_add_rPr(), "w:szCs", str(round(size_pt * 2)), _AFTER_SZ_CS)


def _set_child(parent, tag: str, value: str | None, successors: tuple[str, ...]):
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert_element_before(child, *successors)
    if value is not None:
        child.set(qn("w:val"), value)
    return child


class WordWriter:
    """One .docx being written: paragraphs, tables and page breaks in the official styles."""

    def __init__(self, thai_digits: bool = True, *, title: str = "", author: str = "") -> None:
        self.thai_digits = thai_digits
        self.document = Document()
        self._page_setup()
        self._styles()
        properties = self.document.core_properties
        properties.title, properties.author, properties.language = title, author, "th-TH"
        self._style_ids: dict[str, str] = {}

    # --- set-up --------------------------------------------------------------------
    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = Pt(OFFICIAL_MARGINS.left)
        section.right_margin = Pt(OFFICIAL_MARGINS.right)
        section.top_margin = Pt(OFFICIAL_MARGINS.top)
        section.bottom_margin = Pt(OFFICIAL_MARGINS.bottom)
        section.header_distance = Pt(OFFICIAL_MARGINS.page_number_from_top - BODY_PT)
        section.different_first_page_header_footer = True  # "- ๒ -" from page 2, as the PDFs
        self._page_number(section.header.paragraphs[0])

    def _page_number(self, paragraph: Paragraph) -> None:
        """'- n -' centred. Thai digits come from the section's number format (w:pgNumType
        thaiNumbers), which Word and LibreOffice both honour; the field switch \\* ThaiArabic is
        read by LibreOffice as Thai letters (ก ข ค)."""
        paragraph.style = self.document.styles["Normal"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("- ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        if self.thai_digits:
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:fmt"), "thaiNumbers")
            self.document.sections[0]._sectPr.insert_element_before(numbering, *_AFTER_PG_NUM_TYPE)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = document_digits("2", self.thai_digits)
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        paragraph.add_run(" -")

    def _styles(self) -> None:
        styles = self.document.styles
        normal = styles["Normal"]
        thai_font(normal, BODY_PT)
        normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        body = self._paragraph_style(BODY, normal)
        self._paragraph_style(BODY_INDENT, body).paragraph_format.first_line_indent = FIRST_LINE_INDENT
        title = self._paragraph_style(TITLE, body, bold=True)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.keep_with_next = True
        heading = self._paragraph_style(HEADING, body, bold=True)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(BODY_PT / 2)
        self._paragraph_style(CELL, body)
        self._paragraph_style(CELL_SMALL, body, size=SMALL_PT)
        for name, base in ((TABLE, "Table Grid"), (LIST_TABLE, "Normal Table")):
            table_style = styles.add_style(name, WD_STYLE_TYPE.TABLE)
            table_style.base_style = styles[base]
            thai_font(table_style, BODY_PT)
            _cell_margins(table_style, CELL_PADDING_TWIPS)

    def _paragraph_style(self, name: str, base: BaseStyle, *, bold: bool = False, size: float = BODY_PT):
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = base
        style.quick_style = True  # shown in Word's style gallery
        thai_font(style, size, bold)
        return style

    # --- text ----------------------------------------------------------------------
    def text(self, value: str) -> str:
        return document_digits(value, self.thai_digits)

    def para(
        self,
        text: str | Runs,
        style: str = BODY,
        *,
        indent: float = 0.0,
        first_line: float | None = None,
        keep_with_next: bool = False,
        space_before: float | None = None,
    ) -> Paragraph:
        """A paragraph; `indent` and `first_line` in points (the PDF writers' units). Newlines
        in the text stay line breaks inside the paragraph, as in the PDF."""
        paragraph = self.add_styled(style)
        self._fill(paragraph, text)
        fmt = paragraph.paragraph_format
        if indent:
            fmt.left_indent = Pt(indent)
        if first_line is not None:
            fmt.first_line_indent = Pt(first_line)
        if keep_with_next:
            fmt.keep_with_next = True
        if space_before is not None:
            fmt.space_before = Pt(space_before)
        return paragraph

    def _fill(self, paragraph: Paragraph, text: str | Runs) -> None:
        runs = [(text, False)] if isinstance(text, str) else list(text)
        for value, bold in runs:
            for number, line in enumerate(self.text(value).split("\n")):
                if number:
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                run = paragraph.add_run(line)
                if bold:
                    run.bold = True
                    run._r.get_or_add_rPr().get_or_add_bCs()

    def _style_id(self, name: str) -> str:
        """Style ids looked up once: python-docx scans every style on each `style=` it is given."""
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def add_styled(self, style: str) -> Paragraph:
        """A new body paragraph in the named style."""
        paragraph = self.document.add_paragraph()
        paragraph._p.style = self._style_id(style)
        return paragraph

    def centred(self, text: str, bold: bool = False) -> Paragraph:
        paragraph = self.para(text, TITLE if bold else BODY)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def labelled(self, label: str, text: str, indent: float = 0.0) -> Paragraph:
        return self.para([(label, True), ("  " + text, False)], indent=indent)

    def rule(self) -> Paragraph:
        """The PDFs' short centred line under a heading block: a bottom border on an empty paragraph."""
        paragraph = self.add_styled(BODY)
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Cm(4.8)  # 40 % of the 16 cm text width remains
        fmt.space_after = Pt(BODY_PT / 2)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().insert_element_before(
            borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr"
        )
        return paragraph

    def gap(self) -> Paragraph:
        return self.add_styled(BODY)

    def new_numbered_section(self) -> None:
        """A new page that starts its own page numbering (the next letter in a file of letters):
        no number on its first page, '- ๒ -' on its second, as for the first letter."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)  # copies the page, header and number format
        section.different_first_page_header_footer = True
        numbering = section._sectPr.find(qn("w:pgNumType"))
        if numbering is None:
            numbering = OxmlElement("w:pgNumType")
            section._sectPr.insert_element_before(numbering, *_AFTER_PG_NUM_TYPE)
        numbering.set(qn("w:start"), "1")

    def page_break(self) -> None:
        self.add_styled(BODY).add_run().add_break(WD_BREAK.PAGE)

    # --- tables --------------------------------------------------------------------
    def table(
        self,
        rows: Sequence[Sequence[str | Runs]],
        widths: Sequence[float],
        *,
        header_rows: int = 1,
        grid: bool = True,
        cell_style: str = CELL,
    ) -> Table:
        """A real Word table; `widths` in points. Header rows are bold and repeat on every page."""
        table = self.document.add_table(rows=0, cols=len(widths), style=TABLE if grid else LIST_TABLE)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Pt(width)
        for index, values in enumerate(rows):
            header = index < header_rows
            row = table.add_row()
            if header:
                _repeat_as_header(row)
            for cell, value in zip(row_cells(row), values, strict=True):  # add_row gave each its column's width
                paragraph = cell.paragraphs[0]
                paragraph._p.style = self._style_id(cell_style)
                runs = [(value, header)] if isinstance(value, str) else value
                self._fill(paragraph, runs)
        return table

    def footer_note(self, text: str) -> None:
        """Small right-aligned text at the foot of every page, first included: the audit anchor
        that certified minutes and the dossier carry (reporting/anchor_footer.py), as printed there
        (digits unchanged). 12 pt TH Sarabun New is about the PDF's 8 pt Sarabun."""
        if not text:
            return
        section = self.document.sections[0]
        for footer in (section.footer, section.first_page_footer):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run_size(paragraph.add_run(text), FOOTNOTE_PT)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the .docx atomically (engine.write_atomically: Thai errors, no partial file)."""
        return write_atomically(path, lambda temporary: self.document.save(str(temporary)))


def row_cells(row: _Row) -> list[_Cell]:
    """The row's cells in linear time. python-docx's `row.cells` lays out the whole table's grid
    on every call, which made a 1,250-row follow-up report take half a minute."""
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def shade(cell: _Cell, fill_hex: str) -> None:
    """A cell's background (the follow-up status colours); `fill_hex` like 'F6C9C4'."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill_hex)):
        shading.set(qn(key), value)
    properties.append(shading)


def _cell_margins(style: BaseStyle, twips: int) -> None:
    """The PDF tables' 3 pt cell padding (Word's default 0.19 cm wraps 'ระเบียบวาระที่ ๑' in its column)."""
    properties = style.element.find(qn("w:tblPr"))
    if properties is None:
        properties = OxmlElement("w:tblPr")
        style.element.insert_element_before(properties, "w:trPr", "w:tcPr", "w:tblStylePr")
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
