"""PDF/A-2u post-processing and PAdES sign/verify on real files (ReportLab, pikepdf, pyHanko)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pikepdf
import pytest
from PIL import ImageCms
from pypdf import PdfReader

from sbpac_desktop.domain.errors import EXIT_NOT_FOUND, EXIT_OUTPUT, EXIT_USAGE, AppError
from sbpac_desktop.reporting.engine import ThaiParagraph, styles
from sbpac_desktop.reporting.pdfa import make_pdfa, pdfa_problems
from sbpac_desktop.reporting.signing import SignatureState, sign_pdf, verify_pdf
from tests.support.certificates import PASSPHRASE, SIGNER, self_signed_p12

TEXT = "รายงานการประชุม ครั้งที่ ๑๐/๒๕๖๒ ที่ประชุมรับทราบ และมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. ติดตาม"


@pytest.fixture
def minutes_pdf(build) -> Path:
    story = [ThaiParagraph(TEXT, styles()["body"], thai_digits=True) for _ in range(3)]
    return build(story, "minutes.pdf", title="รายงานการประชุม ครั้งที่ 10/2562")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> Path:
    return self_signed_p12(tmp_path_factory.mktemp("cert") / "signer.p12")


def test_reportlab_output_alone_is_not_pdfa(minutes_pdf):
    problems = pdfa_problems(minutes_pdf)
    assert "XMP does not declare PDF/A-2u" in problems
    assert "no single GTS_PDFA1 output intent with a profile" in problems


def test_make_pdfa_passes_the_structural_checks(minutes_pdf):
    make_pdfa(minutes_pdf)
    assert pdfa_problems(minutes_pdf) == []
    with pikepdf.open(minutes_pdf) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "U")
        assert meta["dc:title"] == "รายงานการประชุม ครั้งที่ 10/2562" == str(pdf.docinfo["/Title"])
        created = datetime.fromisoformat(meta["xmp:CreateDate"])
        assert abs(created - datetime.now(UTC)) < timedelta(minutes=5)
        assert "/Trapped" not in pdf.docinfo and "/Filter" not in pdf.Root.Metadata.stream_dict
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        profile = intent.DestOutputProfile.read_bytes()
        assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB "  # an ICC RGB profile
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                assert "/FontFile2" in font.FontDescriptor and "/ToUnicode" in font
    with pikepdf.open(minutes_pdf) as pdf:  # the profile is Little CMS's sRGB
        profile_bytes = pdf.Root.OutputIntents[0].DestOutputProfile.read_bytes()
    description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile_bytes)))
    assert "sRGB" in description
    assert "ที่ประชุมรับทราบ" in PdfReader(minutes_pdf).pages[0].extract_text()


def test_structural_check_finds_an_unembedded_font_and_javascript(tmp_path, minutes_pdf):
    make_pdfa(minutes_pdf)
    with pikepdf.open(minutes_pdf, allow_overwriting_input=True) as pdf:
        font = next(iter(pdf.pages[0].Resources.Font.values()))
        del font.FontDescriptor["/FontFile2"]
        del font["/ToUnicode"]
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")
        pdf.save(minutes_pdf)
    problems = pdfa_problems(minutes_pdf)
    assert any("not embedded" in p for p in problems)
    assert any("no ToUnicode" in p for p in problems)
    assert "JavaScript or automatic action" in problems


def test_signed_minutes_verify_as_valid_but_untrusted(minutes_pdf, certificate, tmp_path):
    make_pdfa(minutes_pdf)
    signed = sign_pdf(minutes_pdf, certificate, PASSPHRASE, tmp_path / "signed.pdf")
    result = verify_pdf(signed)
    assert result.state is SignatureState.VALID
    assert result.signer == SIGNER and result.trusted is False
    assert abs(result.signed_at - datetime.now(UTC)) < timedelta(minutes=5)
    lines = "\n".join(result.lines())
    assert "ลายมือชื่อดิจิทัลถูกต้อง" in lines and "ยังยืนยันตัวผู้ลงนามไม่ได้" in lines
    assert f"{datetime.now().year + 543}" in lines  # the signing time in the Buddhist Era
    assert pdfa_problems(signed) == []  # the signature is an incremental update of the PDF/A file


def test_default_output_name_and_unsigned_file(minutes_pdf, certificate):
    signed = sign_pdf(minutes_pdf, certificate, PASSPHRASE)
    assert signed.name == "minutes-signed.pdf"
    assert verify_pdf(minutes_pdf).state is SignatureState.NOT_SIGNED


def test_one_changed_byte_is_reported(minutes_pdf, certificate, tmp_path):
    signed = sign_pdf(minutes_pdf, certificate, PASSPHRASE, tmp_path / "signed.pdf")
    data = bytearray(signed.read_bytes())
    position = data.find(b"stream\n") + 20  # inside the first content or font stream, which the digest covers
    data[position] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    assert verify_pdf(changed).state is SignatureState.CHANGED
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n1 0 obj (x) endobj\n")
    assert verify_pdf(appended).state is SignatureState.CHANGED


@pytest.mark.parametrize(
    ("case", "code", "fragment"),
    [
        ("wrong passphrase", EXIT_USAGE, "รหัสผ่านของใบรับรองไม่ถูกต้อง"),
        ("missing pdf", EXIT_NOT_FOUND, "ไม่พบไฟล์"),
        ("missing certificate", EXIT_NOT_FOUND, "ไม่พบไฟล์ใบรับรอง"),
        ("not a pdf", EXIT_USAGE, "ไม่ใช่ไฟล์ PDF"),
        ("not a certificate", EXIT_USAGE, "ไม่ใช่ใบรับรองแบบ PKCS#12"),
        ("certificate without key", EXIT_USAGE, "ไม่มีใบรับรองพร้อมกุญแจส่วนตัว"),
        ("output not pdf", EXIT_USAGE, "ต้องลงท้ายด้วย .pdf"),
        ("output folder missing", EXIT_OUTPUT, "บันทึกไฟล์"),
    ],
)
def test_bad_input_is_refused_in_thai_and_writes_nothing(minutes_pdf, certificate, tmp_path, case, code, fragment):
    source, cert, passphrase, output = minutes_pdf, certificate, PASSPHRASE, tmp_path / "out.pdf"
    if case == "wrong passphrase":
        passphrase = "ผิด"
    elif case == "missing pdf":
        source = tmp_path / "none.pdf"
    elif case == "missing certificate":
        cert = tmp_path / "none.p12"
    elif case == "not a pdf":
        source = tmp_path / "notes.pdf"
        source.write_text("ไม่ใช่ PDF", encoding="utf-8")
    elif case == "not a certificate":
        cert = minutes_pdf
    elif case == "certificate without key":
        cert = self_signed_p12(tmp_path / "nokey.p12", with_key=False)
    elif case == "output not pdf":
        output = tmp_path / "out.txt"
    elif case == "output folder missing":
        output = tmp_path / "no" / "out.pdf"
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(AppError) as raised:
        sign_pdf(source, cert, passphrase, output)
    assert raised.value.exit_code == code
    assert fragment in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_damaged_signature_value_is_invalid(minutes_pdf, certificate, tmp_path):
    signed = sign_pdf(minutes_pdf, certificate, PASSPHRASE, tmp_path / "signed.pdf")
    data = bytearray(signed.read_bytes())
    contents = re.search(rb"/Contents <([0-9a-fA-F]+)>", bytes(data))
    assert contents is not None
    position = contents.start(1) + len(contents.group(1).rstrip(b"0")) - 40  # inside the RSA signature value
    data[position] = ord("1") if data[position] == ord("0") else ord("0")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    result = verify_pdf(damaged)
    assert result.state is SignatureState.INVALID and result.lines()[0] == "ลายมือชื่อดิจิทัลไม่ถูกต้อง"
