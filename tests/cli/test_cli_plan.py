"""`plan` on the command line (issue #15): a project with its quarterly budget, an indicator, the
quarter's actual and disbursement, the list as JSON with states, the report as PDF (text layer)
and Word; wrong input gets one Thai line and an error exit code, nothing written."""

from __future__ import annotations

import pdfplumber
import pytest
from docx import Document

from sbpac_desktop.cli.main import main
from sbpac_desktop.services.app import open_app
from tests.cli.test_cli_field import _no_sign_in, one_thai_error, out_json, run  # noqa: F401
from tests.services.workflow_helpers import post


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "d.db")
    assert main(["--db", path, "init"]) == 0
    return path


def _post(path: str) -> int:
    ctx = open_app(path)
    try:
        return post(ctx)
    finally:
        ctx.close()


def test_plan_from_project_to_report(db, capsys, tmp_path):
    owner = _post(db)
    dims = {d["name"]: d["id"] for d in out_json(db, capsys, "dimensions", "list")}
    assert run(db, "plan", "add-project", "ส่งเสริมตลาดชุมชน", "--year", "2563", "--dimension",
               str(dims["เศรษฐกิจ"]), "--owner", str(owner), "--budget", "100,000/200000/0/0.50") == 0  # fmt: skip
    [project] = out_json(db, capsys, "plan", "list", "--year", "2563")
    assert project["allocated_satang"] == [10_000_000, 20_000_000, 0, 50]
    assert run(db, "plan", "add-indicator", str(project["id"]), "ผู้ค้ารายใหม่", "--unit", "ราย", "--target", "400") == 0
    [project] = out_json(db, capsys, "plan", "list", "--year", "2563")
    indicator = project["indicators"][0]["id"]
    assert run(db, "plan", "actual", str(indicator), "๑๒๐", "--quarter", "1", "--note", "เปิดตลาด") == 0
    assert run(db, "plan", "disbursed", str(project["id"]), "90,000", "--quarter", "1") == 0
    [project] = out_json(db, capsys, "plan", "list", "--year", "2563", "--quarter", "1")
    assert project["indicators"][0]["state"] == "on_track" and project["percent_of_plan"] == 90.0
    capsys.readouterr()
    assert run(db, "plan", "list", "--year", "2563") == 0
    assert "ผู้ค้ารายใหม่: 120/100 ราย — เป็นไปตามแผน" in capsys.readouterr().out
    pdf, docx = tmp_path / "me.pdf", tmp_path / "me.docx"
    assert run(db, "plan", "report", "--year", "2563", "--quarter", "1", "-o", str(pdf)) == 0
    assert run(db, "plan", "report", "--year", "2563", "--quarter", "1", "-o", str(docx)) == 0
    with pdfplumber.open(pdf) as document:
        assert "ผู้ค้ารายใหม่" in "".join(page.extract_text() for page in document.pages)
    assert any("ส่งเสริมตลาดชุมชน" in c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)


def test_wrong_input_is_refused_in_thai(db, capsys, tmp_path):
    owner = _post(db)
    base = ["plan", "add-project", "x", "--year", "2563", "--dimension", "1", "--owner", str(owner)]
    for argv, fragment in (
        ([*base, "--budget=-5/0/0/0"], "จำนวนเงินต้องเป็นบาท ไม่ติดลบ"),
        ([*base, "--budget", "1/2/3"], "งบประมาณต้องมี 4 ไตรมาส"),
        ([*base, "--budget", "1.005/0/0/0"], "ทศนิยมไม่เกิน 2 ตำแหน่ง"),
        (["plan", "list", "--year", "63"], "ปีงบประมาณต้องเป็นปี พ.ศ."),
        (["plan", "actual", "1", "abc", "--quarter", "1"], "ต้องเป็นตัวเลข"),
        (["plan", "actual", "1", "5", "--quarter", "5"], "ไตรมาสต้องเป็นเลขจำนวนเต็ม"),
        (["plan", "report", "--year", "2563", "--quarter", "1", "-o", str(tmp_path / "r.txt")], ".pdf หรือ .docx"),
        (["plan", "report", "--year", "2570", "--quarter", "1", "-o", str(tmp_path / "r.pdf")], "ยังไม่มีแผนบูรณาการ"),
        (["plan", "add-indicator", "999", "x", "--unit", "คน", "--target", "1"], "ไม่พบโครงการ"),
    ):
        capsys.readouterr()
        assert run(db, *argv) != 0, argv
        one_thai_error(capsys, fragment)
    assert out_json(db, capsys, "plan", "list", "--year", "2563") == []


def test_import_refused_then_accepted(db, capsys, tmp_path):
    import openpyxl

    _post(db)
    book = openpyxl.Workbook()
    book.active.append(["ปีงบประมาณ", "มิติการพัฒนา", "โครงการ", "ตำแหน่งเจ้าของโครงการ", "ตัวชี้วัด", "หน่วยนับ", "เป้าหมาย"])
    book.active.append([2563, "สังคม", "ศูนย์เด็กเล็ก", "ผช.(พณ.)", "ศูนย์ผ่านเกณฑ์", "แห่ง", "สี่สิบ"])
    book.save(tmp_path / "bad.xlsx")
    capsys.readouterr()
    assert run(db, "plan", "import", str(tmp_path / "bad.xlsx")) == 1
    assert "เป้าหมาย: ต้องเป็นตัวเลข" in capsys.readouterr().out
    book.active["G2"] = 40
    book.save(tmp_path / "good.xlsx")
    assert run(db, "plan", "import", str(tmp_path / "good.xlsx")) == 0
    [project] = out_json(db, capsys, "plan", "list", "--year", "2563")
    assert project["indicators"][0]["target"] == 40
