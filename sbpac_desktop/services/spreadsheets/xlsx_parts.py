"""The parts of an .xlsx the importers' readers look up themselves: the workbook part, the XML
member of each sheet and of the shared strings, and the number format of each cell style.

An .xlsx is a ZIP of XML parts: [Content_Types].xml says which part is the workbook, and the
workbook's relationships (xl/_rels/workbook.xml.rels) name its sheets' parts. Both readers need
them (spreadsheets.calamine to tell whether calamine's values are the whole story,
spreadsheets.read and xlsx_scan to read a sheet's XML); openpyxl finds them too but keeps them
in private attributes, so they are read here with zipfile and ElementTree, the way openpyxl
reads them (issue #17: no private API of a library). A damaged part raises what zipfile or ElementTree
raise (KeyError, ValueError, ParseError); the callers decide what that means.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import fromstring

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
STYLES = "xl/styles.xml"
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
WORKBOOK_TYPES = tuple(  # template, macro-enabled template, macro-enabled, plain: openpyxl's order
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "ms-excel.template.macroEnabled",
        "openxmlformats-officedocument.spreadsheetml.template",
        "ms-excel.sheet.macroEnabled",
        "openxmlformats-officedocument.spreadsheetml.sheet",
    )
)


@dataclass(frozen=True)
class SheetPart:
    name: str  # as the workbook names it (the tab's title)
    kind: str  # the relationship type's last word: "worksheet", "chartsheet", "dialogsheet", …
    member: str  # the ZIP member holding its XML


def _target(base: str, target: str) -> str:
    """A relationship's Target as a member name: absolute ("/xl/worksheets/sheet1.xml") from the
    package's root, relative ("worksheets/sheet1.xml") from the folder of the part that names it."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type's last word, member) of one part's relationships ("" for the package's own)."""
    folder, name = posixpath.split(part)
    rels = fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
    return {
        r.get("Id", ""): (r.get("Type", "").rsplit("/", 1)[-1], _target(folder, r.get("Target", "")))
        for r in rels.iter(RELS + "Relationship")
    }


def _declared(archive: zipfile.ZipFile, content_types: tuple[str, ...]) -> str | None:
    """The first part [Content_Types].xml declares of, in turn, each of these types, as openpyxl's
    manifest finds it; None when there is none."""
    types = fromstring(archive.read("[Content_Types].xml"))
    for kind in content_types:
        for override in types.iter(CONTENT_TYPES + "Override"):
            if override.get("ContentType") == kind:
                return override.get("PartName", "")[1:]
    return None


def workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook's member, found as openpyxl finds it (which the full reader must follow): the
    part [Content_Types].xml declares a workbook of, in turn, each kind openpyxl knows; else
    xl/workbook.xml when a default declares one. It does not read the package's own
    relationships (_rels/.rels), so neither does this: a file without them opens in both."""
    found = _declared(archive, WORKBOOK_TYPES)
    if found is not None:
        return found
    types = fromstring(archive.read("[Content_Types].xml"))
    if any(default.get("ContentType") in WORKBOOK_TYPES for default in types.iter(CONTENT_TYPES + "Default")):
        return "xl/workbook.xml"
    raise KeyError("no workbook part")


def shared_strings_part(archive: zipfile.ZipFile) -> str | None:
    """The shared strings' member, where openpyxl reads them from ([Content_Types].xml); None
    when the workbook has none (every text inline)."""
    return _declared(archive, (SHARED_STRINGS,))


def sheet_parts(archive: zipfile.ZipFile) -> list[SheetPart]:
    """The workbook's sheets in its order, each with its kind and member (transitional OOXML only:
    strict files have other namespaces, so no sheet is found in them)."""
    part = workbook_part(archive)
    rels = relationships(archive, part)
    found = []
    for sheet in fromstring(archive.read(part)).iter(MAIN + "sheet"):
        kind, member = rels.get(sheet.get(OFFICE_REL, ""), ("", ""))
        if member:
            found.append(SheetPart(sheet.get("name", ""), kind, member))
    return found


def cell_formats(archive: zipfile.ZipFile) -> list[tuple[int, str | None]]:
    """The number format of each cell style (a cell's s="N" is the N-th): its id, and its code
    when the workbook defines one. A defined code wins over the built-in one of the same id, as
    in Excel and openpyxl; only the workbook's own list counts (a <dxf>'s numFmt styles
    conditional formatting, not cells). The styles are read from xl/styles.xml, where openpyxl
    reads them (it does not follow the workbook's relationship): the formats here are then the
    ones openpyxl gives its cells, and an .xlsx without that part has none."""
    try:
        styles = fromstring(archive.read(STYLES))
    except KeyError:
        return []
    defined = styles.iterfind(f"{MAIN}numFmts/{MAIN}numFmt")
    codes = {int(f.get("numFmtId", "-1")): f.get("formatCode") for f in defined}
    ids = [int(xf.get("numFmtId") or 0) for xf in styles.iterfind(f"{MAIN}cellXfs/{MAIN}xf")]
    return [(fid, codes.get(fid)) for fid in ids]
