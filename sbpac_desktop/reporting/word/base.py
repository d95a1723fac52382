"""WordWriter: an editable .docx with the official page and named Thai styles a clerk can change.

The page is the PDFs' page (layout.OFFICIAL_MARGINS: A4, 3 cm left, 2 cm right, 2.5 cm top,
2 cm bottom). Every style names TH Sarabun New 16 pt for Latin *and* complex-script text:
Word formats Thai with the complex-script properties (w:cs font, w:szCs size, w:bCs bold),
so setting only the Latin font would leave Thai in the default font. The font is named, not
embedded: where TH Sarabun New is not installed, Word substitutes (Tahoma or Leelawadee on
Windows) and LibreOffice asks fontconfig for a Thai font (Sarabun, when installed).

Digits follow the document's setting exactly as the PDF engine does (engine.breaking): every
word is converted to Thai digits except words with Latin letters (URLs, e-mail, English names).

Only python-docx's public API (issue #17): what it has no setting for (w:szCs, w:lang, the page
number field and format, borders, shading, header rows, the paragraph style set without a name
look-up) is written with plain lxml calls on elements reached publicly, in word/ooxml.py.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle, CharacterStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from sbpac_desktop.reporting.layout import OFFICIAL_MARGINS
from sbpac_desktop.reporting.output_file import write_atomically
from sbpac_desktop.reporting.word import ooxml
from sbpac_desktop.reporting.word.ooxml import Element, paragraph_element, run_properties, set_child, set_style
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
    font = style.font
    font.name = FONT  # w:ascii and w:hAnsi
    font.size = Pt(size_pt)
    font.bold = bold
    if bold:
        font.cs_bold = True
    rpr = run_properties(font)
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    set_child(rpr, "w:szCs", str(round(size_pt * 2)), _AFTER_SZ_CS)
    lang = set_child(rpr, "w:lang", None, _AFTER_LANG)
    lang.set(qn("w:bidi"), "th-TH")  # complex-script language: Word's Thai word breaking and proofing


def run_size(run, size_pt: float) -> None:
    """A run's size for Latin and Thai (w:sz and w:szCs): Word sizes Thai text by w:szCs."""
    run.font.size = Pt(size_pt)
    set_child(run_properties(run.font), "w:szCs", str(round(size_pt * 2)), _AFTER_SZ_CS)


class WordWriter:
    """One .docx being written: paragraphs, tables and page breaks in the official styles."""

    def __init__(self, thai_digits: bool = True, *, title: str = "", author: str = "") -> None:
        self.thai_digits = thai_digits
        self.document = Document()
        self._body = self.document.element.find(qn("w:body"))
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
        if self.thai_digits:
            ooxml.add_page_number_format(self._last_section(), "thaiNumbers")
        ooxml.page_number_field(paragraph_element(paragraph), document_digits("2", self.thai_digits))
        paragraph.add_run(" -")

    def _last_section(self) -> Element:
        """The last section's w:sectPr: the body's own, after its content (ECMA-376 §17.6.17)."""
        properties = self._body[-1]
        if properties.tag != qn("w:sectPr"):
            raise RuntimeError("the document body does not end with its w:sectPr")
        return properties

    def _added(self, tag: str) -> Element:
        """The block python-docx has just added: it appends at the body's end, before the w:sectPr."""
        block = self._last_section().getprevious()
        if block is None or block.tag != qn(tag):
            raise RuntimeError(f"python-docx did not add the {tag} at the body's end")
        return block

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
            # the PDF tables' 3 pt padding (Word's default 0.19 cm wraps 'ระเบียบวาระที่ ๑' in its column)
            ooxml.cell_margins(table_style.element, CELL_PADDING_TWIPS)

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
                    run.bold = run.font.cs_bold = True

    def _style_id(self, name: str) -> str:
        """Style ids looked up once: python-docx scans every style on each `style=` it is given."""
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def add_styled(self, style: str) -> Paragraph:
        """A new body paragraph in the named style."""
        paragraph = self.document.add_paragraph()
        set_style(paragraph_element(paragraph), self._style_id(style))
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
        ooxml.bottom_border(paragraph_element(paragraph))
        return paragraph

    def gap(self) -> Paragraph:
        return self.add_styled(BODY)

    def new_numbered_section(self) -> None:
        """A new page that starts its own page numbering (the next letter in a file of letters):
        no number on its first page, '- ๒ -' on its second, as for the first letter."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)  # copies the page, header and number format
        section.different_first_page_header_footer = True
        ooxml.restart_page_numbers(self._last_section())

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
    ) -> WrittenTable:
        """A real Word table; `widths` in points. Header rows are bold and repeat on every page."""
        table = self.document.add_table(rows=0, cols=len(widths), style=TABLE if grid else LIST_TABLE)
        tbl = self._added("w:tbl")
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Pt(width)
        written = WrittenTable(table, [])
        style_id = self._style_id(cell_style)
        for index, values in enumerate(rows):
            header = index < header_rows
            table.add_row()  # its cells have their column's width
            tr = tbl[-1]  # the row just added: the table's last child
            if header:
                ooxml.repeat_as_header(tr)
            cells = list(tr.iterchildren(qn("w:tc")))
            written.cells.append(cells)
            for tc, value in zip(cells, values, strict=True):
                paragraph = written.paragraph_in(tc)
                set_style(paragraph_element(paragraph), style_id)
                self._fill(paragraph, [(value, header)] if isinstance(value, str) else value)
        return written

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


@dataclass(frozen=True)
class WrittenTable:
    """A table WordWriter.table wrote: python-docx's Table (alignment, `rows` of a small table) and
    each row's w:tc elements, kept as written. python-docx's one public way to a row's cells,
    `row.cells`, lays out the whole table on every call in 1.1.0 (a 1,250-row follow-up table took
    half a minute) and still costs 7x this per row in 1.2."""

    table: Table
    cells: list[list[Element]]

    def paragraph_in(self, tc: Element) -> Paragraph:
        """The cell's (first) paragraph, as python-docx's public Paragraph."""
        return Paragraph(tc.find(qn("w:p")), self.table)

    def paragraph(self, row: int, column: int) -> Paragraph:
        return self.paragraph_in(self.cells[row][column])

    def shade(self, row: int, column: int, fill_hex: str) -> None:
        """A cell's background (the follow-up status colours); `fill_hex` like 'F6C9C4'."""
        ooxml.shade(self.cells[row][column], fill_hex)
