"""`letters invitation` and `letters memo` from the command line: PDF and Word by suffix, a
folder of one file per unit, and wrong input that writes nothing."""

from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader

from tests.cli.test_cli import assert_clean_failure, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("letters") / "x.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", "15/02/2563").returncode == 0  # the story's own dates
    return path


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_invitation_pdf_and_word(demo_db, tmp_path):
    pdf = tmp_path / "inv.pdf"
    result = run("--db", str(demo_db), "letters", "invitation", "10/2562", "-o", str(pdf), "--number", "๔๕",
                 "--date", "15/10/2562")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 ฉบับ" in result.stdout
    text = pdf_text(pdf)
    assert "ขอแสดงความนับถือ" in text and "บัญชีแจกจ่าย" in text and "/ว ๔๕" in text and "๑๕ ตุลาคม ๒๕๖๒" in text
    word = tmp_path / "each.docx"
    result = run("--db", str(demo_db), "letters", "invitation", "10/2562", "-o", str(word), "--per-post",
                 "--arabic-digits")  # fmt: skip
    assert result.returncode == 0, result.stderr
    paragraphs = [p.text for p in Document(str(word)).paragraphs]
    assert sum(p == "ขอแสดงความนับถือ" for p in paragraphs) > 1 and not any("บัญชีแจกจ่าย" in p for p in paragraphs)


def test_memos_in_one_file_or_one_per_unit(demo_db, tmp_path):
    one = tmp_path / "memos.pdf"
    assert run("--db", str(demo_db), "letters", "memo", "10/2562", "-o", str(one)).returncode == 0
    assert pdf_text(one).count("บันทึกข้อความ") >= 2
    folder = tmp_path / "units"
    folder.mkdir()
    result = run("--db", str(demo_db), "letters", "memo", "10/2562", "-o", str(folder), "--word")
    assert result.returncode == 0, result.stderr
    files = sorted(folder.iterdir())
    assert len(files) >= 2 and all(f.suffix == ".docx" and f.name.startswith("บันทึกข้อความ-") for f in files)
    assert "บันทึกข้อความ" in Document(str(files[0])).paragraphs[0].text or Document(str(files[0])).tables


def test_memo_file_names_fit_the_file_system(demo_db, tmp_path):
    """Meeting 9/2562 has addressees of 80+ Thai characters: 3 bytes each in UTF-8, past ext4's
    255-byte limit for a name ("File name too long" before)."""
    result = run("--db", str(demo_db), "letters", "memo", "9/2562", "-o", str(tmp_path), "--word")
    assert result.returncode == 0, result.stderr
    names = [f.name for f in tmp_path.iterdir()]
    assert names and all(len(n.encode("utf-8")) <= 180 and n.endswith(".docx") for n in names)
    assert all(" " not in n and "/" not in n for n in names)


@pytest.mark.parametrize(
    ("args", "fragment", "code"),
    [
        (["invitation", "10/2562", "-o", "{tmp}/x.txt"], "ต้องลงท้ายด้วย .pdf หรือ .docx", 7),
        (["invitation", "10/2562", "-o", "{tmp}/x.pdf", "--number", "12ก"], "เลขที่หนังสือต้องเป็นเลขจำนวนเต็ม", 2),
        (["invitation", "42/2562", "-o", "{tmp}/x.pdf"], "ไม่พบการประชุม", 3),
        (["memo", "10/2562", "-o", "{tmp}/missing"], "ไม่พบโฟลเดอร์", 7),
        (["memo", "10/2562", "-o", "{tmp}/m.pdf", "--date", "31/02/2563"], "--date", 2),
        (["memo", "0/2562", "-o", "{tmp}/m.pdf"], "MEETING", 2),
        (["invitation", "10/2562", "-o", "{tmp}/no/x.docx"], "ไม่พบโฟลเดอร์", 7),
    ],
)
def test_wrong_input_writes_nothing(demo_db, tmp_path, args, fragment, code):
    result = run("--db", str(demo_db), "letters", *[a.replace("{tmp}", str(tmp_path)) for a in args])
    if code == 2:  # a usage error: argparse's usage lines, then the Thai reason
        assert fragment in result.stderr and "Traceback" not in result.stderr
    else:
        assert_clean_failure(result, fragment)
    assert result.returncode == code
    assert list(tmp_path.iterdir()) == []
