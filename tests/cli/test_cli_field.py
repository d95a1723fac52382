"""`places`, `visits` and `network` on the command line (issue #15): init fills the area's places,
a visit is planned, carried out, given findings and printed as PDF (read back through its text
layer) and Word; the network's template round-trips through `network import`; wrong input gets
one Thai line and the usual exit code, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docx import Document

from sbpac_desktop.cli.main import main


@pytest.fixture(autouse=True)
def _no_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SBPAC_USER", "SBPAC_PASSWORD", "SBPAC_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "d.db")
    assert main(["--db", path, "init"]) == 0
    return path


def run(db: str, *argv: str) -> int:
    try:
        return main(["--db", db, *argv])
    except SystemExit as stop:
        return int(stop.code or 0)


def out_json(db: str, capsys, *argv: str):
    capsys.readouterr()
    assert run(db, *argv, "--json") == 0
    return json.loads(capsys.readouterr().out)


def one_thai_error(capsys, fragment: str) -> None:
    captured = capsys.readouterr()
    lines = [line for line in captured.err.strip().splitlines() if not line.startswith("usage:")]
    assert any(fragment in line for line in lines), captured.err
    assert "Traceback" not in captured.err + captured.out


def test_init_gives_the_area_and_places_lists_it(db, capsys):
    provinces = out_json(db, capsys, "places", "list")
    assert [p["name_th"] for p in provinces] == ["สงขลา", "สตูล", "ปัตตานี", "ยะลา", "นราธิวาส"]
    under = out_json(db, capsys, "places", "list", "--parent", "สงขลา")
    assert [p["name_th"] for p in under] == ["จะนะ", "นาทวี", "เทพา", "สะบ้าย้อย"]
    found = out_json(db, capsys, "places", "list", "--search", "สะบารัง")
    assert found[0]["label"] == "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี"
    assert run(db, "places", "list", "--parent", "ไม่มีจริง") != 0
    one_thai_error(capsys, "ไม่พบพื้นที่ 'ไม่มีจริง'")


def test_visit_plan_done_finding_and_reports(db, capsys, tmp_path):
    assert run(db, "visits", "add", "ติดตามโครงการตลาดชุมชน", "--date", "14/1/2563", "--purpose", "ติดตามผล",
               "--place", "ต.สะบารัง อ.เมืองปัตตานี", "--place", "950101") == 0  # fmt: skip
    visits = out_json(db, capsys, "visits", "list", "--month", "1/2563")
    assert [v["title"] for v in visits] == ["ติดตามโครงการตลาดชุมชน"] and len(visits[0]["places"]) == 2
    assert out_json(db, capsys, "visits", "list", "--month", "2/2563") == []
    vid = str(visits[0]["id"])
    assert run(db, "visits", "done", vid, "--participants", "คณะ ศอ.บต.", "--summary", "ตลาดเปิดทุกวันศุกร์",
               "--issues", "ขอที่จอดรถ") == 0  # fmt: skip
    assert run(db, "visits", "finding", vid, "ผู้ค้าเพิ่มขึ้นเป็น 40 ราย", "--place", "940101", "--propose") == 0
    pdf, docx = tmp_path / "visit.pdf", tmp_path / "visit.docx"
    assert run(db, "visits", "report", vid, "--out", str(pdf)) == 0
    assert run(db, "visits", "report", vid, "--out", str(docx), "--arabic-digits") == 0
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    for expected in ("รายงานผลการลงพื้นที่ติดตามการดำเนินงาน", "ติดตามโครงการตลาดชุมชน", "ต.สะบารัง",
                     "ตลาดเปิดทุกวันศุกร์", "ขอที่จอดรถ", "ผู้ค้าเพิ่มขึ้นเป็น ๔๐ ราย",
                     "ระเบียบวาระการประชุมครั้งต่อไป", "๕. ประเด็นที่ประชาชน",
                     "๑๔ มกราคม ๒๕๖๓"):  # fmt: skip
        assert expected in text, expected
    words = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "ผู้ค้าเพิ่มขึ้นเป็น 40 ราย" in words and "14 มกราคม 2563" in words


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("visits", "add", "x", "--date", "31/02/2563", "--purpose", "p", "--place", "94"), "31"),
        (("visits", "add", "x", "--date", "1/1/2563", "--purpose", "p", "--place", "หาดใหญ่"), "ไม่พบพื้นที่"),
        (("visits", "add", " ", "--date", "1/1/2563", "--purpose", "p", "--place", "94"), "กรุณากรอกชื่อเรื่อง"),
        (("visits", "list", "--month", "13/2563"), "เดือนต้องเป็น"),
        (("visits", "report", "1", "--out", "x.txt"), ".pdf หรือ .docx"),
        (("visits", "done", "99", "--participants", "a", "--summary", "b"), "ไม่พบ"),
    ],
)
def test_wrong_input_one_thai_line(db, capsys, argv, message):
    assert run(db, *argv) != 0
    one_thai_error(capsys, message)
    assert out_json(db, capsys, "visits", "list") == []


def test_network_template_import_and_listing(db, capsys, tmp_path):
    form = tmp_path / "form.xlsx"
    assert run(db, "network", "template", str(form)) == 0
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    sheet.append(["บัณฑิตอาสาพัฒนามาตุภูมิ", "นายซุลกิฟลี", "ชมรม", "ต.สะบารัง อ.เมืองปัตตานี", "0811111111",
                  "10/1/2563", None, "ต.สะบารัง", "เห็นผล", "ถนนดีขึ้น"])  # fmt: skip
    sheet.append(["เครือข่าย", "นางรอฮานี", None, None, None, "31/02/2563", None, "ยะลา", "ดีมาก", "x"])
    book.save(form)
    assert run(db, "network", "import", str(form)) == 2
    captured = capsys.readouterr()
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in captured.out and "ไม่รู้จัก 'ดีมาก'" in captured.out
    sheet.delete_rows(5)
    book.save(form)
    assert run(db, "network", "import", str(form), "--dry-run") == 0
    assert out_json(db, capsys, "network", "members") == []
    assert run(db, "network", "import", str(form)) == 0
    assert [m["name"] for m in out_json(db, capsys, "network", "members")] == ["นายซุลกิฟลี"]
    assert [r["text"] for r in out_json(db, capsys, "network", "reports", "--place", "94")] == ["ถนนดีขึ้น"]
