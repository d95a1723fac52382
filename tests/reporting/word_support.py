"""Reading Word files back for the tests: python-docx for the stored text, LibreOffice for a
second, independent reader (its text export and its PDF export, read with pdfplumber)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import fontpkg
import pdfplumber
import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.reporting.conftest import PAGE_NUMBER, squeeze

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_soffice() -> str:
    """The LibreOffice binary; skipped only off CI (CI=1 must have libreoffice-writer-nogui)."""
    if SOFFICE is None:
        if on_ci():
            pytest.fail("LibreOffice (soffice) required on CI: apt-get install libreoffice-writer-nogui", pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return SOFFICE


def blocks(path: Path) -> list[str | list[list[str]]]:
    """The body in order: a paragraph's text, or a table as rows of cell texts."""
    result: list[str | list[list[str]]] = []
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Paragraph):
            result.append(block.text)
        elif isinstance(block, Table):
            result.append([[cell.text for cell in row.cells] for row in block.rows])
    return result


def flat_texts(path: Path) -> list[str]:
    """Every paragraph and every cell text, in reading order."""
    texts: list[str] = []
    for block in blocks(path):
        if isinstance(block, str):
            texts.append(block)
        else:
            texts += [cell for row in block for cell in row]
    return texts


def in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles (squeezed, non-empty) NOT found one after the other in `haystack`."""
    missing, position = [], 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing


def skeleton(text: str) -> str:
    """Letters in order without the marks above and below the line.

    LibreOffice's PDF text layer maps each glyph to one text: a mark glyph that serves two
    contexts reads back as the first one it was used for (ศูนย์ came back as ศ้นย์), and
    its sara am reads as ำา, and in some files sara aa has no mapping at all ("(cid:20)"). So
    its PDFs are compared on consonants, the other vowels on the line and digits; the exact
    text is checked on python-docx's and LibreOffice's own text export.
    """
    text = re.sub(r"\(cid:\d+\)", "", squeeze(text))
    return "".join(char for char in text if unicodedata.category(char) != "Mn" and char not in "าำ")


def _fontconfig(scratch: Path) -> dict[str, str]:
    """fontconfig with Sarabun added, so a machine without any Thai font still shapes Thai;
    with fonts-tlwg-laksaman installed, "TH Sarabun New" is substituted by Laksaman first."""
    conf = scratch / "fonts.conf"
    sarabun = Path(fontpkg.path("sarabun", 400, "normal")).parent
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{sarabun}</dir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def convert(files: list[Path], target: str, outdir: Path) -> list[Path]:
    """soffice --headless --convert-to `target` with a private profile; the converted files."""
    soffice = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
               "--outdir", str(outdir), *map(str, files)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=300, env=_fontconfig(outdir))
    suffix = "." + target.split(":")[0]
    converted = [outdir / (path.stem + suffix) for path in files]
    for path in converted:
        assert path.exists(), f"LibreOffice did not write {path}"
    return converted


def pdf_flow_text(path: Path) -> tuple[int, str]:
    """(pages, text in content-stream order) of a PDF, without the "- n -" page numbers."""
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text(use_text_flow=True) or "" for page in pdf.pages)
        pages = len(pdf.pages)
    return pages, "\n".join(line for line in text.splitlines() if not PAGE_NUMBER.match(line.strip()))
