"""build_pdf: embedded subset fonts, metadata, page numbers, and an all-or-nothing write."""

from __future__ import annotations

import os
import re

import pdfplumber
import pypdf
import pytest
from reportlab.platypus import PageBreak
from reportlab.platypus.flowables import Flowable

from sbpac_desktop.reporting.engine import OutputPathError, ThaiParagraph, build_pdf, shaped_text, thai_table
from sbpac_desktop.reporting.engine import document as document_module
from tests.reporting.conftest import PAGE_WIDTH, text_lines


def three_pages() -> list[Flowable]:
    return [ThaiParagraph("หน้าที่หนึ่ง"), PageBreak(), ThaiParagraph("หน้าที่สอง"), PageBreak(), ThaiParagraph("สาม")]


class Boom(Flowable):
    """A flowable that fails while the page is being drawn."""

    def wrap(self, available_width, available_height):
        return available_width, 10

    def draw(self):
        raise RuntimeError("drawing failed")


def _has_thai(text: str) -> bool:
    return any("\u0e01" <= char <= "\u0e5b" for char in text)


def _fonts(path) -> list[pypdf.generic.DictionaryObject]:
    fonts = []
    for page in pypdf.PdfReader(path).pages:
        fonts.extend(font.get_object() for font in page["/Resources"]["/Font"].values())
    return fonts


def test_fonts_are_embedded_subsets(build):
    path = build([ThaiParagraph([("ตัวหนา ", True), ("ตัวธรรมดา", False)]), thai_table([["ก", "ข"]], [100, 100])])
    fonts = _fonts(path)
    assert fonts
    for font in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+Sarabun-(Regular|Bold)", font["/BaseFont"]), font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        assert "/ToUnicode" in font


def test_metadata(build):
    path = build([ThaiParagraph("ทดสอบ")], title="รายงานการประชุม ครั้งที่ 1/2563", author="ฝ่ายเลขานุการ ศอ.บต.")
    reader = pypdf.PdfReader(path)
    assert reader.metadata.title == "รายงานการประชุม ครั้งที่ 1/2563"
    assert reader.metadata.author == "ฝ่ายเลขานุการ ศอ.บต."
    assert reader.metadata.creator == "SBPAC Desktop"
    assert reader.trailer["/Root"]["/Lang"] == "th-TH"


def test_page_numbers_from_page_two(build):
    reader = pypdf.PdfReader(build(three_pages()))
    texts = [page.extract_text() for page in reader.pages]
    assert "- ๑ -" not in texts[0]
    assert "- ๒ -" in texts[1]
    assert "- ๓ -" in texts[2]


def test_page_number_is_centred_at_the_top(build):
    with pdfplumber.open(build(three_pages())) as pdf:
        page = pdf.pages[1]
        number = [c for c in page.chars if c["top"] < 2.5 * 72 / 2.54]
    assert "".join(c["text"] for c in number) == "- ๒ -"
    middle = (min(c["x0"] for c in number) + max(c["x1"] for c in number)) / 2
    assert abs(middle - PAGE_WIDTH / 2) <= 0.5


def test_page_numbers_can_use_arabic_digits_and_start_on_page_one(build):
    reader = pypdf.PdfReader(build(three_pages(), thai_digits=False, first_page_number_hidden=False))
    assert "- 1 -" in reader.pages[0].extract_text()
    assert "- 2 -" in reader.pages[1].extract_text()


def test_page_header_callback_runs_on_every_page(build):
    def header(canvas, document):
        shaped_text(canvas, PAGE_WIDTH - 56, 20, "ลับ", "Sarabun-Bold", 10.6, align="right")

    with pdfplumber.open(build(three_pages(), page_header=header)) as pdf:
        assert all("ลับ" in "".join(text_lines(page)) for page in pdf.pages)


def test_shaped_text_rejects_unknown_alignment(build):
    def header(canvas, document):
        shaped_text(canvas, 10, 10, "ที่", "Sarabun", 10, align="middle")

    with pytest.raises(ValueError, match="align"):
        build([ThaiParagraph("ก")], page_header=header)


def test_failed_build_leaves_no_file(tmp_path):
    target = tmp_path / "minutes.pdf"
    with pytest.raises(RuntimeError, match="drawing failed"):
        build_pdf(target, [ThaiParagraph("ก่อน"), Boom()], title="t", author="a")
    assert list(tmp_path.iterdir()) == []


def test_failed_build_keeps_the_previous_file(tmp_path):
    target = tmp_path / "minutes.pdf"
    build_pdf(target, [ThaiParagraph("ฉบับเดิม")], title="t", author="a")
    before = target.read_bytes()
    with pytest.raises(RuntimeError):
        build_pdf(target, [Boom()], title="t", author="a")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_missing_directory_is_a_thai_output_path_error(tmp_path):
    target = tmp_path / "ไม่มีโฟลเดอร์นี้" / "minutes.pdf"
    with pytest.raises(OutputPathError) as caught:
        build_pdf(target, [ThaiParagraph("ก")], title="t", author="a")
    assert isinstance(caught.value, OSError)
    assert _has_thai(str(caught.value))
    assert caught.value.path == target


def test_target_that_is_a_directory_is_refused(tmp_path):
    (tmp_path / "minutes.pdf").mkdir()
    with pytest.raises(OutputPathError, match="โฟลเดอร์"):
        build_pdf(tmp_path / "minutes.pdf", [ThaiParagraph("ก")], title="t", author="a")


def test_unwritable_directory_is_a_thai_output_path_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(document_module.os, "open", refuse)
    with pytest.raises(OutputPathError, match="สิทธิ์"):
        build_pdf(tmp_path / "minutes.pdf", [ThaiParagraph("ก")], title="t", author="a")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_read_only_directory_for_real(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(OutputPathError):
            build_pdf(locked / "minutes.pdf", [ThaiParagraph("ก")], title="t", author="a")
    finally:
        locked.chmod(0o755)


def test_file_held_open_elsewhere_is_reported_and_cleaned_up(tmp_path, monkeypatch):
    def refuse(source, target):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(document_module.os, "replace", refuse)
    with pytest.raises(OutputPathError, match="เปิด"):
        build_pdf(tmp_path / "minutes.pdf", [ThaiParagraph("ก")], title="t", author="a")
    assert list(tmp_path.iterdir()) == []
