"""Which text each shaped glyph reads as in the PDF, and the glyph order that keeps it right.

Readers rebuild text in one of two ways: in content-stream order (pypdf, pdf.js,
PDFium) or sorted by each glyph's x position (pdfplumber/pdfminer, some viewers).
HarfBuzz puts a mark after its base letter but may place it left of an earlier mark
(ที่: the tone mark sits 1 unit left of the vowel; ปั้น: 163 units) or right of the
next letter (bold รี: +40), so the two orders disagree and one kind of reader gets
scrambled text. Three rules make every reader agree with the stored string:

1. Glyphs are drawn in x order. A zero-width mark can move within the marks of its
   letter without moving on the page, because it is placed by its own offset. A
   mark right of the next letter's start cannot be reordered for every reader at
   once, so it is pulled back to just before it: up to 58/1000 em (0.6 pt at body
   size) for upper vowels on bold ร ศ ฐ, at most 1/1000 em in Regular and Italic.
2. Every glyph reads as at least one character, and the readings, concatenated in
   drawing order, are exactly the source text. Empty readings are not an option:
   PDFium (Chrome, Edge) replaces them with the raw byte code, and pdfplumber
   splits words at them.
3. SARA AM, which HarfBuzz splits into nikhahit + aa (one character, two glyphs), is
   drawn with the font's precomposed SARA AM glyph, so there are never more glyphs
   than characters. (After a tone mark Sarabun ligates nikhahit + tone, which keeps
   the count even: น้ำ.) This moves the nikhahit by the offset HarfBuzz gave it: at
   most 16/1000 em in Sarabun Regular (0.17 pt at body size), 40/1000 em on bold ษ.
4. The text layer has no vertical offsets and no long jumps back. A mark raised or
   lowered (Ts in PDF) sits on another baseline for poppler, which then moves it
   to another word or line ("สั่ง" came out as "สัง" plus a stray tone mark); a mark
   moved far left (a tone mark on ป ฝ ฟ, up to 0.2 em) is an overlap that starts a
   new line in `pdftotext -raw`. Such a mark is drawn as its outline where HarfBuzz
   put it, and the text stream gets an invisible stand-in that reads as the mark.
   Most tone marks above an upper vowel (สั่ง, นั้น, กิ่ง) are drawn this way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

_SARA_AM = "\u0e33"
_BEFORE_NEXT = 1.0  # 1/1000 em kept between a mark and the next letter
NUDGE_UNITS = 2.0  # offsets this small (1/1000 em, 0.02 pt at body size) are invisible: drop them
FAR_LEFT_UNITS = 100.0  # poppler starts a new word when a glyph overlaps the previous by 0.2 em


@dataclass(frozen=True, slots=True)
class Glyph:
    """One positioned glyph; distances in 1/1000 em."""

    gid: int
    cluster: int
    advance: float
    x_offset: float
    y_offset: float
    chars: int = 0  # how many source characters this glyph stands for (with_natural_counts)
    reading: str = ""  # fixed reading; "" means "its share of the source text"
    outline: tuple[float, float] | None = None  # drawn as an outline at these offsets (outline_far_marks)


def settle_sara_am(text: str, glyphs: list[Glyph], nikhahit: int, aa: int, sara_am: int) -> list[Glyph]:
    """Give each SARA AM that HarfBuzz split into nikhahit + aa one glyph per character (rule 3).

    With the plain nikhahit the pair becomes the precomposed glyph. A shifted
    nikhahit (.narrow, on ป ฝ ฟ) must keep its place, so the pair stays and reads
    "ํา", the decomposed spelling; no Thai word has SARA AM right after ป ฝ ฟ.
    """
    if _SARA_AM not in text:
        return glyphs
    ends = _cluster_ends(text, glyphs)
    sizes = Counter(glyph.cluster for glyph in glyphs)
    result: list[Glyph] = []
    for glyph in glyphs:
        crowded = sizes[glyph.cluster] > ends[glyph.cluster] - glyph.cluster  # more glyphs than characters
        split_am = crowded and glyph.gid == aa and text[ends[glyph.cluster] - 1] == _SARA_AM
        partner = _zero_width_partner(result, glyph.cluster, nikhahit) if split_am else None
        if partner is None:
            result.append(glyph)
        elif result[partner].gid == nikhahit and sara_am:
            del result[partner]
            result.append(replace(glyph, gid=sara_am))
        else:
            result[partner] = replace(result[partner], reading="\u0e4d")
            result.append(replace(glyph, reading="\u0e32"))
    return result


def _cluster_ends(text: str, glyphs: list[Glyph]) -> dict[int, int]:
    starts = sorted({g.cluster for g in glyphs})
    return dict(zip(starts, [*starts[1:], len(text)], strict=True))


def _zero_width_partner(glyphs: list[Glyph], cluster: int, nikhahit: int) -> int | None:
    """The nikhahit half of a split SARA AM among the zero-width glyphs of `cluster` so far.

    The plain nikhahit if present, else the cluster's first mark: HarfBuzz moves the
    nikhahit in front of the other marks above the letter.
    """
    members = [i for i in range(len(glyphs)) if glyphs[i].cluster == cluster and not glyphs[i].advance]
    members = [i for i in members if not glyphs[i].reading]
    plain = [i for i in members if glyphs[i].gid == nikhahit]
    candidates = plain or members
    return candidates[0] if candidates else None


def outline_far_marks(glyphs: list[Glyph]) -> list[Glyph]:
    """Mark glyphs whose place would mislead readers, to be drawn as outlines (rule 4).

    Such a glyph keeps only a stand-in in the text, placed on the baseline just
    before the next letter; visual_order then sorts it with the other marks.
    """
    result = []
    for glyph in glyphs:
        raised = abs(glyph.y_offset) > NUDGE_UNITS
        far_left = not glyph.advance and glyph.x_offset < -FAR_LEFT_UNITS
        if raised or far_left:
            stand_in_x = glyph.x_offset if glyph.advance else 0.0
            glyph = replace(glyph, outline=(glyph.x_offset, glyph.y_offset), x_offset=stand_in_x, y_offset=0.0)
        result.append(glyph)
    return result


def visual_order(glyphs: list[Glyph]) -> list[Glyph]:
    """The same glyphs, listed so that stream order is also left-to-right order (rule 1)."""
    result: list[Glyph] = []
    for unit in _units(glyphs):
        base, marks = unit[0], unit[1:]
        pen = base.advance  # marks are measured from the end of their base letter
        origins = _mark_origins(marks, pen)
        order = sorted(range(len(marks)), key=origins.__getitem__)
        result.append(base)
        result.extend(replace(marks[i], x_offset=origins[i] - pen) for i in order)
    return result


def _units(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A letter (a glyph that advances) with the zero-width marks after it."""
    units: list[list[Glyph]] = []
    for glyph in glyphs:
        if glyph.advance or not units:
            units.append([glyph])
        else:
            units[-1].append(glyph)
    return units


def _mark_origins(marks: list[Glyph], pen: float) -> list[float]:
    origins: list[float] = []
    for mark in marks:
        # Strictly left of the next letter: readers that sort by x compute both
        # positions in floating point and would break an exact tie either way.
        origin = min(pen + mark.x_offset, pen - _BEFORE_NEXT)
        if origins and 0 < origins[-1] - origin <= NUDGE_UNITS:
            origin = origins[-1]  # an invisible nudge instead of a reordering
        origins.append(origin)
    return origins


def with_natural_counts(text: str, glyphs: list[Glyph]) -> list[Glyph]:
    """Glyphs with `chars` set from HarfBuzz clusters (call before reordering).

    A cluster's characters go one per glyph; the last glyph takes any surplus (a
    ligature such as "fi"), and glyphs beyond the characters get none for now.
    """
    members: dict[int, list[int]] = {}
    for index, glyph in enumerate(glyphs):
        members.setdefault(glyph.cluster, []).append(index)
    starts = sorted(members)
    counts = [0] * len(glyphs)
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        indexes = members[start]
        chars = end - start
        for position, index in enumerate(indexes):
            counts[index] = 1 if position < chars else 0
        if chars > len(indexes):
            counts[indexes[-1]] += chars - len(indexes)
    return [replace(glyph, chars=count) for glyph, count in zip(glyphs, counts, strict=True)]


def readings(text: str, glyphs: list[Glyph]) -> list[str]:
    """Cut `text` into consecutive non-empty pieces, one per glyph (rule 2).

    A glyph with no character borrows one from the nearest glyph that has two or
    more. If the run has fewer characters than glyphs (malformed input, such as a
    lone tone mark drawn on a dotted circle), the extra glyphs read U+25CC.
    """
    counts = [glyph.chars for glyph in glyphs]
    for index, count in enumerate(counts):
        if count == 0 and not glyphs[index].reading:
            donor = _donor(counts, index)
            if donor is not None:
                counts[donor] -= 1
                counts[index] = 1
    pieces = []
    position = 0
    for glyph, count in zip(glyphs, counts, strict=True):
        pieces.append(glyph.reading or (text[position : position + count] if count else "\u25cc"))
        position += count
    return pieces


def _donor(counts: list[int], index: int) -> int | None:
    for distance in range(1, len(counts)):
        for candidate in (index - distance, index + distance):
            if 0 <= candidate < len(counts) and counts[candidate] >= 2:
                return candidate
    return None
