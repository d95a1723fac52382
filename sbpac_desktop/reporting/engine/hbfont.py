"""HarfBuzz views of the registered Sarabun fonts: glyph ids, advances and outlines."""

from __future__ import annotations

import functools

import uharfbuzz as hb
from reportlab.pdfgen.pathobject import PDFPathObject

from .fonts import thai_font


@functools.cache
def hb_font(font_name: str) -> hb.Font:
    """A HarfBuzz font over the same file ReportLab embeds, at the font's own units."""
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(thai_font(font_name).path))))


def per_mille(font_name: str) -> float:
    """Factor from font units to 1/1000 em, the unit of PDF widths and TJ offsets."""
    return 1000.0 / hb_font(font_name).face.upem


@functools.cache
def nominal_glyph(font_name: str, char: str) -> int:
    """The glyph the font's cmap gives `char`; 0 if it has none."""
    return hb_font(font_name).get_nominal_glyph(ord(char)) or 0


@functools.lru_cache(maxsize=4096)
def glyph_width(font_name: str, glyph: int) -> int:
    """The glyph's own advance (hmtx) in 1/1000 em: what a reader takes from /Widths."""
    return round(hb_font(font_name).get_glyph_h_advance(glyph) * per_mille(font_name))


@functools.lru_cache(maxsize=4096)
def glyph_path(font_name: str, glyph: int) -> PDFPathObject:
    """The glyph outline as a PDF path in 1/1000 em, origin at the glyph origin."""
    pen = _PathPen(per_mille(font_name))
    hb_font(font_name).draw_glyph_with_pen(glyph, pen)
    return pen.path


class _PathPen:
    """A fontTools-style pen writing a ReportLab path; quadratic curves become cubic ones."""

    def __init__(self, scale: float) -> None:
        self.path = PDFPathObject()
        self._scale = scale
        self._current = (0.0, 0.0)

    def _point(self, point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * self._scale, point[1] * self._scale

    def moveTo(self, point) -> None:  # noqa: N802 - the pen protocol's names
        self._current = self._point(point)
        self.path.moveTo(*self._current)

    def lineTo(self, point) -> None:  # noqa: N802
        self._current = self._point(point)
        self.path.lineTo(*self._current)

    def curveTo(self, *points) -> None:  # noqa: N802
        (x1, y1), (x2, y2), end = (self._point(p) for p in points)
        self.path.curveTo(x1, y1, x2, y2, *end)
        self._current = end

    def qCurveTo(self, *points) -> None:  # noqa: N802
        # TrueType: off-curve points with implied on-curve points halfway between them.
        *controls, last = (self._point(p) for p in points)
        for index, control in enumerate(controls):
            if index == len(controls) - 1:
                end = last
            else:
                following = controls[index + 1]
                end = ((control[0] + following[0]) / 2, (control[1] + following[1]) / 2)
            self._quadratic(control, end)

    def _quadratic(self, control: tuple[float, float], end: tuple[float, float]) -> None:
        (x0, y0), (cx, cy), (x3, y3) = self._current, control, end
        self.path.curveTo(
            x0 + 2 / 3 * (cx - x0), y0 + 2 / 3 * (cy - y0), x3 + 2 / 3 * (cx - x3), y3 + 2 / 3 * (cy - y3), x3, y3
        )
        self._current = end

    def closePath(self) -> None:  # noqa: N802
        self.path.close()

    def endPath(self) -> None:  # noqa: N802
        pass
