"""Printing from the command line: every document, and bad input that must not leave a file."""

from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader

from tests.cli.test_cli import STORY_DAY, assert_clean_failure, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("print") / "x.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", STORY_DAY).returncode == 0
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["minutes", "10/2562"], "ครั้งที่ ๑๐/๒๕๖๒"),
        (["minutes", "๑๐/๒๕๖๒", "--arabic-digits"], "ครั้งที่ 10/2562"),
        (["agenda", "10/2562"], "ระเบียบวาระการประชุม"),
        (["followup-report", "--fiscal-year", "2563", "--quarter", "2", "--as-of", "15/02/2563"], "ไตรมาสที่ ๒"),
        (["followup-report", "--group-by", "dimension"], "ความมั่นคง"),
        (["dossier", "10/2562"], "สารบัญ"),
    ],
)
def test_documents_are_written(demo_db, tmp_path, args, expected):
    target = tmp_path / "out.pdf"
    result = run("--db", str(demo_db), *args, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "บันทึก" in result.stdout and str(target) in result.stdout
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert expected in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["minutes", "10/2562"], "ครั้งที่ ๑๐/๒๕๖๒"),
        (["minutes", "10/2562", "--arabic-digits"], "ครั้งที่ 10/2562"),
        (["agenda", "10/2562"], "ระเบียบวาระการประชุม"),
        (["followup-report", "--meeting", "10/2562"], "สรุปจำนวนข้อสั่งการตามสถานะ"),
        (["dossier", "10/2562"], "รายชื่อผู้เข้าประชุม"),
    ],
)
def test_word_documents_are_written(demo_db, tmp_path, args, expected):
    target = tmp_path / "out.DOCX"  # the suffix decides, in any case
    result = run("--db", str(demo_db), *args, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    document = Document(str(target))
    assert expected in "\n".join(p.text for p in document.paragraphs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.DOCX"]


def test_unknown_meeting_writes_nothing(demo_db, tmp_path):
    assert_clean_failure(
        run("--db", str(demo_db), "minutes", "42/2562", "-o", str(tmp_path / "m.pdf")), "ไม่พบการประชุม 42/2562"
    )
    assert list(tmp_path.iterdir()) == []


def test_meeting_without_agenda_items(demo_db, tmp_path):
    assert_clean_failure(
        run("--db", str(demo_db), "agenda", "9/2562", "-o", str(tmp_path / "a.pdf")), "ยังไม่มีเรื่องในระเบียบวาระ"
    )
    assert list(tmp_path.iterdir()) == []


def test_missing_output_folder(demo_db, tmp_path):
    result = run("--db", str(demo_db), "dossier", "10/2562", "-o", str(tmp_path / "no" / "d.pdf"))
    assert_clean_failure(result, "ไม่พบโฟลเดอร์")
    assert result.returncode == 7 and list(tmp_path.iterdir()) == []


def test_existing_file_is_replaced_whole(demo_db, tmp_path):
    target = tmp_path / "m.pdf"
    target.write_bytes(b"old content")
    assert run("--db", str(demo_db), "minutes", "10/2562", "-o", str(target)).returncode == 0
    assert target.read_bytes().startswith(b"%PDF") and sorted(p.name for p in tmp_path.iterdir()) == ["m.pdf"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["minutes", "10/2562", "-o", "x.doc"], "ต้องลงท้ายด้วย .pdf หรือ .docx"),
        (["agenda", "10/2562", "-o", "x.odt"], "ต้องลงท้ายด้วย .pdf หรือ .docx"),
        (["minutes", "10/2562"], "-o/--output"),
        (["followup-report", "--quarter", "5", "-o", "f.pdf"], "ไตรมาสต้องเป็น 1 ถึง 4"),
    ],
)
def test_bad_arguments(demo_db, args, fragment):
    result = run("--db", str(demo_db), *args)
    assert result.returncode == 2 and fragment in result.stderr


def test_quarter_needs_a_fiscal_year(demo_db, tmp_path):
    assert_clean_failure(
        run("--db", str(demo_db), "followup-report", "--quarter", "2", "-o", str(tmp_path / "f.pdf")), "ต้องระบุปีงบประมาณ"
    )
