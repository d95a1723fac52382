"""Issue #13 item 7: a PDF printed with Thai digits keeps them in its text layer (ToUnicode reads
๒๕๖๓) and wraps each word that holds them in a /Span whose /ActualText has the Arabic digits, so a
reader that honours ActualText (Acrobat, poppler) finds "2563"; the page looks exactly the same."""

from __future__ import annotations

import shutil
import subprocess

import pikepdf
import pytest
from pypdf import PdfReader

from sbpac_desktop.reporting.engine import ThaiParagraph, styles

TEXT = "ประจำปีงบประมาณ พ.ศ. 2563 ครั้งที่ 10/2562 (ขส. 001/2563) ระเบียบวาระที่ 4"


def _spans(path) -> list[str]:
    """The /ActualText of every marked-content span, in drawing order; checks BDC/EMC balance."""
    found, depth = [], 0
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "BDC":
                    depth += 1
                    found.append(str(operands[1]["/ActualText"]))
                elif str(operator) == "EMC":
                    depth -= 1
                    assert depth >= 0
    assert depth == 0
    return found


def test_thai_digits_carry_arabic_actual_text(build):
    path = build([ThaiParagraph(TEXT, styles()["body"], thai_digits=True)])
    layer = PdfReader(path).pages[0].extract_text()
    assert "๒๕๖๓" in layer and "๑๐/๒๕๖๒" in layer and "2563" not in layer  # the glyphs read as printed
    spans = _spans(path)  # one span per word (glued words such as "พ.ศ. 2563" stay whole)
    assert spans == ["พ.ศ. 2563 ครั้ง", "ที่ 10/2562", "(ขส. 001/2563)", "ที่ 4"]
    assert all(not any("๐" <= c <= "๙" for c in span) for span in spans)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_reads_the_actual_text(build):
    path = build([ThaiParagraph(TEXT, styles()["body"], thai_digits=True)])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "พ.ศ. 2563" in text and "ครั้งที่ 10/2562" in text and "ประจำปีงบประมาณ" in text


def test_arabic_digits_need_no_span(build):
    path = build([ThaiParagraph(TEXT, styles()["body"], thai_digits=False)], thai_digits=False)
    assert _spans(path) == []
    assert "2563" in PdfReader(path).pages[0].extract_text()
