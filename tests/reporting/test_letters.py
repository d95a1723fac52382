"""Invitation letters and directive memos as PDF and Word: the parts in the order of the
Regulation, the agenda attached, the emblem drawn, the same text in both formats, and the
Word files opened in LibreOffice."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from docx import Document

from sbpac_desktop.reporting import letters as letters_pdf
from sbpac_desktop.reporting.word import letters as letters_word
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.meetings import letters, meetings
from sbpac_desktop.services.people import office
from tests.reporting.conftest import squeeze, text_lines
from tests.reporting.word_support import blocks, convert, flat_texts, in_order, pdf_flow_text, skeleton
from tests.services.test_office_letters import GOOD

INVITATION_PARTS = ["ที่ นร 5207/ว 45", "15 ตุลาคม 2562", "เรื่อง  ขอเชิญประชุม", "เรียน  ", "สิ่งที่ส่งมาด้วย",
                    "ด้วยศูนย์อำนวยการ", "จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ", "โทร. 0 7320 3881"]  # fmt: skip
MEMO_PARTS = ["บันทึกข้อความ", "ส่วนราชการ", "ที่", "วันที่", "เรื่อง", "เรียน", "ตามที่ได้มีการประชุม", "1) ",
              "จึงเรียนมาเพื่อโปรดทราบและดำเนินการ"]  # fmt: skip


@pytest.fixture(scope="module")
def trees(tmp_path_factory):
    ctx = open_app(str(tmp_path_factory.mktemp("letters") / "demo.db"), create=True)
    load_demo(ctx.db, ctx.actor)
    office.update_office(ctx.db, ctx.actor, GOOD, office.get_office(ctx.db, ctx.actor).version)
    meeting_id = meetings.find_meeting(ctx.db, ctx.actor, "10/2562").id
    dated = {"issued_on": date(2019, 10, 15), "running_number": "45"}
    found = {
        "one": letters.invitation_letters(ctx.db, ctx.actor, meeting_id, **dated),
        "per_post": letters.invitation_letters(ctx.db, ctx.actor, meeting_id, per_post=True, **dated),
        "memos": letters.directive_memos(ctx.db, ctx.actor, meeting_id, issued_on=date(2019, 10, 25)),
    }
    ctx.close()
    return found


def pdf_pages(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [squeeze("".join(text_lines(page))) for page in pdf.pages]


def test_invitation_pdf_parts_in_order_with_list_agenda_and_emblem(trees, tmp_path):
    (letter,) = trees["one"]
    path = letters_pdf.render_invitations(trees["one"], tmp_path / "inv.pdf", thai_digits=False)
    pages = pdf_pages(path)
    assert in_order([squeeze(part) for part in INVITATION_PARTS], pages[0]) == []
    assert squeeze(letter.signer.name) in pages[0] and squeeze(letter.body[0]) in pages[0]
    listing = next(index for index, page in enumerate(pages) if page.startswith("บัญชีแจกจ่าย"))
    assert in_order([squeeze(f"{i}. {post}") for i, post in enumerate(letter.distribution, 1)], pages[listing]) == []
    assert pages[listing + 1].startswith("ระเบียบวาระการประชุม")  # the agenda attached after the list
    with pdfplumber.open(path) as pdf:
        image = pdf.pages[0].images[0]
        assert abs((image["bottom"] - image["top"]) - 85.04) < 1  # 3 cm high, centred
        assert abs((image["x0"] + image["x1"]) / 2 - (85.04 + 453.54 / 2)) < 2


def test_per_post_letters_each_with_its_agenda(trees, tmp_path):
    path = letters_pdf.render_invitations(trees["per_post"], tmp_path / "each.pdf", thai_digits=True)
    pages = pdf_pages(path)
    starts = [page for page in pages if "ขอแสดงความนับถือ" in page]
    assert len(starts) == len(trees["per_post"])
    assert sum(page.startswith("ระเบียบวาระการประชุม") for page in pages) == len(trees["per_post"])
    assert "ที่นร๕๒๐๗/ว๔๕" in pages[0] and "บัญชีแจกจ่าย" not in "".join(pages)


def test_memo_pdf_one_unit_per_page(trees, tmp_path):
    path = letters_pdf.render_memos(trees["memos"], tmp_path / "memos.pdf", thai_digits=False)
    pages = pdf_pages(path)
    firsts = [page for page in pages if page.startswith("บันทึกข้อความ")]
    assert len(firsts) == len(trees["memos"])
    for memo, page in zip(trees["memos"], firsts, strict=True):
        assert in_order([squeeze(part) for part in MEMO_PARTS], page) == []
        assert squeeze(memo.addressee) in page and squeeze(memo.items[0].number) in page


@pytest.mark.parametrize("kind", ["one", "memos"])
def test_word_letters_have_the_pdf_text_in_the_same_order(trees, tmp_path, kind):
    pdf_render = letters_pdf.render_invitations if kind == "one" else letters_pdf.render_memos
    word_render = letters_word.render_invitations if kind == "one" else letters_word.render_memos
    pdf_text = "".join(pdf_pages(pdf_render(trees[kind], tmp_path / "l.pdf", thai_digits=True)))
    docx = word_render(trees[kind], tmp_path / "l.docx", thai_digits=True)
    paragraphs = [squeeze(b) for b in blocks(docx) if isinstance(b, str) and squeeze(b)]
    assert in_order(paragraphs, pdf_text) == []
    document = Document(str(docx))
    assert len(document.inline_shapes) == (1 if kind == "one" else len(trees["memos"]))  # the emblem
    texts = "".join(flat_texts(docx))
    assert "ขอแสดงความนับถือ" in texts if kind == "one" else "บันทึกข้อความ" in texts


def test_word_letters_open_in_libreoffice(trees, tmp_path):
    files = [letters_word.render_invitations(trees["one"], tmp_path / "inv.docx", thai_digits=False),
             letters_word.render_memos(trees["memos"], tmp_path / "memos.docx", thai_digits=False)]  # fmt: skip
    for source, text_file in zip(files, convert(files, "txt:Text (encoded):UTF8", tmp_path / "txt"), strict=True):
        exported = squeeze(text_file.read_text(encoding="utf-8-sig"))
        assert in_order([squeeze(t) for t in flat_texts(source) if squeeze(t)], exported) == []
    for parts, pdf in zip((INVITATION_PARTS, MEMO_PARTS), convert(files, "pdf", tmp_path / "pdf"), strict=True):
        _pages, text = pdf_flow_text(pdf)
        assert in_order([skeleton(part) for part in parts], skeleton(text)) == [], pdf.name


def test_letters_without_an_emblem(trees, tmp_path):
    from dataclasses import replace

    bare = [replace(letter, head=replace(letter.head, emblem=None)) for letter in trees["one"]]
    with pdfplumber.open(letters_pdf.render_invitations(bare, tmp_path / "bare.pdf")) as pdf:
        assert pdf.pages[0].images == []
    assert len(Document(str(letters_word.render_invitations(bare, tmp_path / "bare.docx"))).inline_shapes) == 0


def test_each_letter_is_numbered_from_its_own_first_page(trees, tmp_path):
    """Letter 2 starts on page 4 of the file but shows no number; its next page shows '- ๒ -'."""
    letters_two = trees["per_post"][:2]
    path = letters_pdf.render_invitations(letters_two, tmp_path / "two.pdf", thai_digits=True)
    with pdfplumber.open(path) as pdf:
        tops = [page.extract_text().splitlines()[0].strip() for page in pdf.pages]
    starts = [index for index, page in enumerate(pdf_pages(path)) if "ขอแสดงความนับถือ" in page]
    assert starts[0] == 0 and len(starts) == 2
    for start in starts:
        assert not tops[start].startswith("- ")
        assert tops[start + 1] == "- ๒ -"
    docx = letters_word.render_invitations(letters_two, tmp_path / "two.docx")
    sections = Document(str(docx)).sections
    assert len(sections) == 2 and all(section.different_first_page_header_footer for section in sections)
    starts_at = [s._sectPr.find(f"{{{s._sectPr.nsmap['w']}}}pgNumType") for s in sections]
    assert starts_at[1].get(f"{{{sections[1]._sectPr.nsmap['w']}}}start") == "1"
