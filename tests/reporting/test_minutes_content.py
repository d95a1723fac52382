"""What the regulation and the follow-up meeting need on paper (issue #13 item 5), in the PDF's
text layer (pdfplumber) and the Word file read back (python-docx): the proposal under 'ข้อเสนอ',
the verbatim style's speakers in order, the follow-up report's notes and its signature block."""

from dataclasses import replace

import pdfplumber
import pytest

from sbpac_desktop.domain.documents import PersonLine
from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.reporting import followup as followup_pdf
from sbpac_desktop.reporting import minutes as minutes_pdf
from sbpac_desktop.reporting.word import followup as followup_word
from sbpac_desktop.reporting.word import minutes as minutes_word
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.meetings import documents
from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document
from tests.reporting.conftest import squeeze, text_lines
from tests.reporting.word_support import convert, flat_texts, in_order, require_soffice

PROPOSAL = "จึงเสนอที่ประชุมเพื่อโปรดพิจารณาให้ความเห็นชอบแผนการลงพื้นที่"
SPEECHES = (
    ("นายกิตติ พาณิชย์ดี (ผู้ช่วยเลขาธิการ ศอ.บต.)", "ขอให้ทุกหน่วยรายงานผลการเบิกจ่ายภายในสิ้นเดือน"),
    ("ผู้แทนกรมบัญชีกลาง", "รับทราบและจะประสานกระทรวงต้นสังกัด\n\nสำหรับโครงการลงทุนจะเร่งรัดในไตรมาสถัดไป"),
    ("ที่ประชุม", "(ที่ประชุมปรบมือ)"),
)
PARTS = ("ข้อเสนอ", PROPOSAL, "นายกิตติพาณิชย์ดี(ผู้ช่วยเลขาธิการศอ.บต.)กล่าวว่าขอให้ทุกหน่วย",
         "ผู้แทนกรมบัญชีกลางกล่าวว่ารับทราบ", "สำหรับโครงการลงทุน", "(ที่ประชุมปรบมือ)",
         "มติที่ประชุม")  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = open_app(str(tmp_path_factory.mktemp("content") / "demo.db"), create=True)
    meeting_id = load_demo(ctx.db, ctx.actor).meeting_id
    trees = (
        documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE),
        followup_document(ctx.db, ctx.actor, FollowUpScope(meeting_id=meeting_id), REFERENCE_DATE),
    )
    ctx.close()
    return trees


def _with_item(doc, style: RecordingStyle, **changes):
    """The demo minutes in `style`, with `changes` on the first item of section 4 (it has a resolution)."""
    sections = list(doc.sections)
    index = next(i for i, s in enumerate(sections) if s.number == 4)
    entries = list(sections[index].entries)
    entries[0] = replace(entries[0], **changes)
    sections[index] = replace(sections[index], entries=tuple(entries))
    return replace(doc, recording_style=style.value, sections=tuple(sections))


def _pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return squeeze("".join(line for page in pdf.pages for line in text_lines(page)))


def _both(doc, writers, tmp_path) -> dict[str, str]:
    """The document's text as the PDF's text layer and as Word's paragraphs and cells, squeezed."""
    pdf_module, word_module = writers
    pdf = pdf_module.render(doc, tmp_path / "d.pdf", thai_digits=False)
    word = word_module.render(doc, tmp_path / "d.docx", thai_digits=False)
    return {"pdf": _pdf_text(pdf), "word": squeeze("".join(flat_texts(word)))}


MINUTES = (minutes_pdf, minutes_word)
FOLLOWUP = (followup_pdf, followup_word)


def test_verbatim_minutes_print_the_proposal_then_each_speaker_in_order(demo, tmp_path):
    doc = _with_item(demo[0], RecordingStyle.VERBATIM, proposal=PROPOSAL, speeches=SPEECHES)
    for name, text in _both(doc, MINUTES, tmp_path).items():
        assert in_order([squeeze(p) for p in PARTS], text) == [], name


def test_a_bracketed_event_or_a_lost_speaker_is_printed_without_said(demo, tmp_path):
    doc = _with_item(demo[0], RecordingStyle.VERBATIM, speeches=(*SPEECHES[2:], ("", "ข้อความของผู้กล่าวที่ถูกลบ")))
    for name, text in _both(doc, MINUTES, tmp_path).items():
        assert in_order(["(ที่ประชุมปรบมือ)", "ข้อความของผู้กล่าวที่ถูกลบ"], text) == [], name
        assert "กล่าวว่า" not in text, name


def test_summary_minutes_print_the_labelled_proposal_but_no_speakers(demo, tmp_path):
    doc = _with_item(demo[0], RecordingStyle.SUMMARY, proposal=PROPOSAL, speeches=SPEECHES)
    for name, text in _both(doc, MINUTES, tmp_path).items():
        assert in_order([squeeze("ข้อเสนอ " + PROPOSAL), "มติที่ประชุม"], text) == [], name
        assert "กล่าวว่า" not in text and "ขอให้ทุกหน่วยรายงาน" not in text, name


def test_resolutions_only_prints_the_proposal_as_the_reason_and_nothing_else(demo, tmp_path):
    background = "ความเป็นมาของเรื่องที่ไม่พิมพ์ในแบบจดเฉพาะมติ"
    doc = _with_item(demo[0], RecordingStyle.RESOLUTIONS, proposal=PROPOSAL, speeches=SPEECHES, background=background)
    for name, text in _both(doc, MINUTES, tmp_path).items():
        assert squeeze(PROPOSAL) in text and squeeze("ข้อเสนอ " + PROPOSAL) not in text, name
        assert "กล่าวว่า" not in text, name
        assert squeeze(background) not in text, name


def test_word_paragraph_of_a_speaker_has_the_name_in_bold(demo, tmp_path):
    from docx import Document

    doc = _with_item(demo[0], RecordingStyle.VERBATIM, speeches=SPEECHES[:1])
    path = minutes_word.render(doc, tmp_path / "m.docx", thai_digits=False)
    [paragraph] = [p for p in Document(str(path)).paragraphs if "กล่าวว่า" in p.text]
    assert paragraph.text == f"{SPEECHES[0][0]} กล่าวว่า {SPEECHES[0][1]}"
    assert (paragraph.runs[0].text, paragraph.runs[0].bold) == (SPEECHES[0][0], True)


def test_followup_prints_each_directives_notes_and_ends_with_the_signature(demo, tmp_path):
    def with_next_step(line):
        return replace(line, next_step="ประสานหน่วยงานในพื้นที่") if line.problems else line

    groups = tuple(replace(g, rows=tuple(with_next_step(line) for line in g.rows)) for g in demo[1].groups)
    doc = replace(demo[1], groups=groups)
    noted = [line for group in doc.groups for line in group.rows if line.problems]
    assert noted, "the demo's reports carry problems and suggestions"
    expected = [followup_pdf.NOTES_HEADING]
    for line in noted:
        expected += [line.number, *(f"{label}{text}" for label, text in followup_pdf.notes_of(line))]
    assert any(label == "การดำเนินการต่อไป" for label, _text in followup_pdf.notes_of(noted[0]))
    ending = ["(ลงชื่อ)", "ผู้รายงาน", f"({doc.reporter.name})", doc.reporter.position]
    for name, text in _both(doc, FOLLOWUP, tmp_path).items():
        assert in_order([squeeze(p) for p in expected + ending], text) == [], name
        assert text.endswith(squeeze(doc.reporter.position)), name


def test_followup_without_a_signer_leaves_dotted_lines_and_the_dossier_part_is_unsigned(demo, tmp_path):
    unsigned = _both(replace(demo[1], reporter=None), FOLLOWUP, tmp_path)
    for name, text in unsigned.items():
        assert text.endswith("ผู้รายงาน(" + "." * 38 + ")"), name
    part = replace(demo[1], signed=False, reporter=PersonLine("นายไม่ควรพิมพ์", "ตำแหน่ง"))
    for name, text in _both(part, FOLLOWUP, tmp_path).items():
        assert "ผู้รายงาน" not in text and "นายไม่ควรพิมพ์" not in text, name


def test_libreoffice_reads_the_verbatim_minutes_and_the_signed_followup_in_order(demo, tmp_path):
    """A second, independent reader of the .docx files: LibreOffice's text export."""
    require_soffice()
    minutes_doc = _with_item(demo[0], RecordingStyle.VERBATIM, proposal=PROPOSAL, speeches=SPEECHES)
    files = [
        minutes_word.render(minutes_doc, tmp_path / "minutes.docx", thai_digits=False),
        followup_word.render(demo[1], tmp_path / "followup.docx", thai_digits=False),
    ]
    expected = [[squeeze(p) for p in PARTS], [squeeze(followup_pdf.NOTES_HEADING), "ผู้รายงาน"]]
    for wanted, text_file in zip(expected, convert(files, "txt:Text (encoded):UTF8", tmp_path / "txt"), strict=True):
        assert in_order(wanted, squeeze(text_file.read_text(encoding="utf-8-sig"))) == [], text_file.name
