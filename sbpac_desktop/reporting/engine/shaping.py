"""HarfBuzz shaping into strings ReportLab draws glyph for glyph.

Glyphs are placed as HarfBuzz said (mark offsets, lowered tone marks, tail-less ญ/ฐ),
but ReportLab's own shaper names each alternate glyph by a private character that
reads as nothing useful in the text layer. Here every glyph gets a code through
ThaiTTFont.code_for chosen so the PDF reads back the source text (readings.py);
marks that would mislead readers are drawn as outlines (rule 4 there). Where the
pen moves other than by a glyph's /Widths entry is kept as a few kerns, which
text_stream.py writes as TJ offsets. Results are cached per (font, text):
documents repeat the same words many times, and shaping data does not depend on
the point size.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import uharfbuzz as hb

from .fonts import ThaiTTFont, thai_font
from .hbfont import glyph_width, hb_font, nominal_glyph, per_mille
from .readings import Glyph, outline_far_marks, readings, settle_sara_am, visual_order, with_natural_counts
from .text_stream import Kern

_CACHE_SIZE = 20_000  # distinct (font, word) pairs; a long document has a few thousand


@dataclass(frozen=True, slots=True)
class Overlay:
    """A raised or lowered mark drawn as an outline: glyph id and origin in 1/1000 em."""

    gid: int
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Shaped:
    """One shaped run: the codes to draw (one per glyph), its advance in 1/1000 em, its outline
    marks and its kerns (text_stream.Kern, sorted by boundary)."""

    text: str
    advance: float
    overlays: tuple[Overlay, ...] = ()
    kerns: tuple[Kern, ...] = ()

    def width(self, size: float) -> float:
        """Advance width in points at `size`."""
        return self.advance * size / 1000.0


EMPTY = Shaped("", 0.0)


def shape(text: str, font_name: str) -> Shaped:
    """Shape `text` in the registered Thai font `font_name` (left to right)."""
    return _shape_cached(font_name, text) if text else EMPTY


def text_width(text: str, font_name: str, size: float) -> float:
    """Width in points of `text` as it will be drawn (shaped advances, not nominal widths)."""
    return shape(text, font_name).width(size)


def join(runs: Iterable[Shaped]) -> Shaped:
    """Runs in one font drawn one after the other, as a single run."""
    texts: list[str] = []
    advance = 0.0
    glyphs = 0
    overlays: list[Overlay] = []
    kerns: list[Kern] = []
    for run in runs:
        texts.append(run.text)
        overlays.extend(Overlay(o.gid, o.x + advance, o.y) for o in run.overlays)
        for kern in run.kerns:
            at = kern.at + glyphs
            if kerns and kerns[-1].at == at:  # the end of the run before meets this run's start
                kerns[-1] = Kern(at, kerns[-1].after, kern.before)
            else:
                kerns.append(Kern(at, kern.after, kern.before))
        advance += run.advance
        glyphs += len(run.text)
    return Shaped("".join(texts), advance, tuple(overlays), tuple(kerns))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _shape_cached(font_name: str, text: str) -> Shaped:
    """The codes to draw, with their kerns, plus the marks drawn as outlines (readings.py, rule 4)."""
    font = thai_font(font_name)
    glyphs = _glyph_plan(font_name, text)
    chars: list[str] = []
    overlays: list[Overlay] = []
    kerns: list[Kern] = []
    pen = 0.0
    for index, (glyph, reading) in enumerate(zip(glyphs, readings(text, glyphs), strict=True)):
        drawn = glyph.gid
        if glyph.outline is not None:
            overlays.append(Overlay(glyph.gid, pen + glyph.outline[0], glyph.outline[1]))
            drawn = nominal_glyph(font_name, " ")  # an empty glyph: the stand-in
        code = _code(font, drawn, glyph, reading, glyph_width(font_name, glyph.gid))
        chars.append(chr(code))
        # The glyph is shown `x_offset` right of the pen; after it the pen moves back by
        # (its /Widths entry - advance + offset), so HarfBuzz's advance wins.
        _add_kerns(kerns, index, -glyph.x_offset, font.face.charWidths[code] - glyph.advance + glyph.x_offset)
        pen += glyph.advance
    return Shaped("".join(chars), pen, tuple(overlays), tuple(kerns))


def _add_kerns(kerns: list[Kern], index: int, before: float, after: float) -> None:
    """Glyph `index`'s offsets as kerns at its two boundaries (zero offsets are left out)."""
    if before:
        if kerns and kerns[-1].at == index:
            kerns[-1] = Kern(index, kerns[-1].after, before)
        else:
            kerns.append(Kern(index, 0.0, before))
    if after:
        kerns.append(Kern(index + 1, after, 0.0))


def _glyph_plan(font_name: str, text: str) -> list[Glyph]:
    """HarfBuzz's glyphs in 1/1000 em, adjusted so every PDF reader gets `text` back."""
    buffer = hb.Buffer()
    # Monotone clusters keep glyphs in source order, which the readings rely on.
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "ltr"  # Thai and Latin only; keeps cluster values increasing
    hb.shape(hb_font(font_name), buffer)  # HarfBuzz defaults: ccmp, locl, liga, kern, mark, mkmk
    scale = per_mille(font_name)
    glyphs = [
        Glyph(info.codepoint, info.cluster, pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale)
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]
    nikhahit, aa, sara_am = (nominal_glyph(font_name, char) for char in "\u0e4d\u0e32\u0e33")
    glyphs = outline_far_marks(settle_sara_am(text, glyphs, nikhahit, aa, sara_am))
    return visual_order(with_natural_counts(text, glyphs))


def _code(font: ThaiTTFont, drawn: int, glyph: Glyph, reading: str, nominal_width: int) -> int:
    """The font's own character when it draws this glyph and reads right, else a private code.

    A mark (drawn left of the pen, see readings.visual_order) gets a code whose
    /Widths entry spans from the mark to its letter's end. With zero width the PDF
    would say "jump right" after it: pypdf and poppler read a jump of a tenth of an
    em as a space (ปั ้น), and poppler stops merging the next mark into the letter.
    """
    if not glyph.advance and glyph.x_offset <= -1:
        return font.code_for(drawn, reading, round(-glyph.x_offset))
    if len(reading) == 1 and font.face.charToGlyph.get(ord(reading)) == drawn:
        return ord(reading)
    return font.code_for(drawn, reading, nominal_width)
