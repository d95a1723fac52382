"""ToUnicode CMaps that read shaped glyphs back as the text they came from.

Written from the CMap description in the PDF reference (a bfchar table from one-byte
codes to UTF-16BE strings). Each table holds at most 100 entries, as the format asks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_HEADER = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange"""

_FOOTER = """endcmap
CMapName currentdict /CMap defineresource pop
end
end"""

_MAX_ENTRIES = 100


def utf16_hex(text: str) -> str:
    """Text as the hex string of its UTF-16BE bytes (characters beyond the BMP become pairs)."""
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(subset: Sequence[int], reading: Callable[[int], str]) -> str:
    """The CMap for one 256-code font subset; subset[byte] is the code point drawn by that byte.

    `reading(code_point)` gives the text a reader should get for it. An empty reading
    is written as an empty string: the glyph is ink only (a mark whose text travels
    with its base letter), which pypdf, pdfminer and poppler all accept.
    """
    entries = [f"<{byte:02X}> <{utf16_hex(reading(code))}>" for byte, code in enumerate(subset) if code]
    parts = [_HEADER]
    for start in range(0, len(entries), _MAX_ENTRIES):
        chunk = entries[start : start + _MAX_ENTRIES]
        parts.append(f"{len(chunk)} beginbfchar")
        parts.extend(chunk)
        parts.append("endbfchar")
    parts.append(_FOOTER)
    return "\n".join(parts)
