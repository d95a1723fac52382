"""Sarabun for every PDF: registration, sizes, and the font class that keeps the text layer right.

Sizes: the government standard is TH Sarabun New 16 pt. Sarabun (the OFL redesign we
ship) draws its glyphs about 1.5 times larger on the same em, and a line of Sarabun
10.6 pt was measured to be as wide as the same line in TH Sarabun New 16 pt
(docs/CONVENTIONS.md §6.3). So BODY_SIZE = 10.6 keeps the words per line, and
therefore the page count, of a Word document typed to the standard. LEADING is
Sarabun's own single line spacing (hhea ascender 1068 + descender 232 per 1000 em),
which is what "single spacing" (docs/CONVENTIONS.md §6.4) means for this font and leaves room
for stacked marks (ปั้น) above and tails (ฎุ) below.
"""

from __future__ import annotations

import threading
from pathlib import Path

import fontpkg
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from .cmap import to_unicode_cmap

FAMILY = "Sarabun"
REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"

BODY_SIZE = 10.6
ASCENT = 1.068  # em fractions from Sarabun's hhea table; used to place baselines
DESCENT = 0.232
LEADING = round(BODY_SIZE * (ASCENT + DESCENT), 2)

_VARIANTS = {  # registered name -> (weight, style) in fontpkg
    REGULAR: (400, "normal"),
    BOLD: (700, "normal"),
    ITALIC: (400, "italic"),
    BOLD_ITALIC: (700, "italic"),
}

# Plane 15 private use: 65,534 codes, far from the BMP private area where fonts keep
# legacy glyphs and where ReportLab's own shaper puts its alternates.
_FIRST_PRIVATE = 0xF0000
_LAST_PRIVATE = 0xFFFFD

_register_lock = threading.Lock()
_seen = threading.local()  # the document of each thread's latest splitString


class ThaiTTFont(TTFont):
    """A TrueType font whose shaped glyphs carry the source text into the PDF.

    A shaped Thai run draws glyphs that have no character of their own (a tone mark
    lowered under an upper vowel, ญ without its tail, a ligature). Each such glyph,
    together with the source text it stands for, gets a private code point here;
    addObjects then writes a ToUnicode map that turns those codes back into the
    stored text, so copy, search and pdftotext give the words that were stored.
    """

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name, str(path))
        self.path = Path(path)
        self._lock = threading.Lock()
        self._code_of: dict[tuple[int, str, int], int] = {}
        self._text_of: dict[int, str] = {}
        self._next_code = _FIRST_PRIVATE

    def code_for(self, glyph: int, text: str, width: int) -> int:
        """The private code that draws `glyph`, reads as `text` and is `width` wide in /Widths."""
        key = (glyph, text, width)
        code = self._code_of.get(key)
        if code is not None:
            return code
        with self._lock:
            code = self._code_of.get(key)
            if code is None:
                code = self._allocate(glyph, text, width)
        return code

    def _allocate(self, glyph: int, text: str, width: int) -> int:
        if self._next_code > _LAST_PRIVATE:
            raise RuntimeError(f"{self.fontName}: private code points exhausted")
        code = self._next_code
        self._next_code += 1
        # Only charToGlyph/charWidths learn the code: glyphToChar stays untouched so
        # ReportLab's own shaper never picks one of our codes for another string.
        self.face.charToGlyph[code] = glyph
        self.face.charWidths[code] = width
        self._text_of[code] = text
        self._code_of[(glyph, text, width)] = code
        return code

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - ReportLab's name
        """ReportLab's split into subsets, noting `doc` for last_document (text_stream.py)."""
        _seen.document = doc
        return super().splitString(text, doc, encoding)

    def last_document(self) -> object:
        """The PDF document of this thread's latest splitString call: what a canvas writes into."""
        return _seen.document

    def text_for_code(self, code: int) -> str | None:
        """The source text of one of our private codes, None for any other code."""
        return self._text_of.get(code)

    def addObjects(self, doc) -> None:  # noqa: N802 - ReportLab's hook name
        """Embed the subsets as usual, then replace each ToUnicode map by the fixed one."""
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for index, subset in enumerate(subsets):
            base_name = (SUBSETN(index) + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base_name)
            if stream is not None:
                stream.content = to_unicode_cmap(subset, self._reading_of)

    def _reading_of(self, code: int) -> str:
        text = self._text_of.get(code)
        return chr(code) if text is None else text


def register_fonts() -> None:
    """Register Sarabun regular/bold/italic/bold-italic as the ReportLab family "Sarabun".

    Idempotent and cheap after the first call; safe to call from every builder.
    """
    if _registered():
        return
    with _register_lock:
        if _registered():
            return
        for name, (weight, style) in _VARIANTS.items():
            pdfmetrics.registerFont(ThaiTTFont(name, fontpkg.path("sarabun", weight, style)))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def _registered() -> bool:
    return all(isinstance(_font_or_none(name), ThaiTTFont) for name in _VARIANTS)


def thai_font(name: str) -> ThaiTTFont:
    """The registered ThaiTTFont called `name`; other fonts cannot keep a correct text layer.

    Asked for every run drawn, so the registry is looked at first and the fonts are
    registered only when `name` is not one of ours yet."""
    font = _font_or_none(name)
    if not isinstance(font, ThaiTTFont):
        register_fonts()
        font = pdfmetrics.getFont(name)
        if not isinstance(font, ThaiTTFont):
            raise ValueError(f"font {name!r} is not a shaped Thai font; use one of {sorted(_VARIANTS)}")
    return font


def _font_or_none(name: str) -> object:
    """The font registered as `name`, None if there is none yet. Not getFont alone: for a name
    it does not know it searches the disk for Type 1 metrics (0.3-0.6 s before Sarabun is in)."""
    return pdfmetrics.getFont(name) if name in pdfmetrics.getRegisteredFontNames() else None


def bold_of(name: str) -> str:
    """The bold member of the family that `name` belongs to (itself if already bold)."""
    family, _bold, italic = ps2tt(name)
    return tt2ps(family, 1, italic)
