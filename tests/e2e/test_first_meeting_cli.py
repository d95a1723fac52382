"""A new office's first meeting through the command line only, from `init` to the minutes.

Nothing from the demo: the organisation comes from the office's own spreadsheet, the series
and its standing members are created here, and the printed minutes are read back from the
PDF's text layer and the Word file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from tests.e2e.office_sheet import ASSISTANT, SECRETARY_GENERAL, write_office_csv

PASSWORD = "first-office-2563"
SERIES = "การประชุมคณะกรรมการติดตามข้อสั่งการ ศอ.บต."
VENUE = "ห้องประชุมเจริญจิตต์ ณ สงขลา"
DIRECTIVE = "ให้ส่งเสริมการค้าชายแดนด่านสะเดาและจัดทำแผนรายไตรมาส"


class Office:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "office.db"
        self.env = {
            **os.environ,
            "SBPAC_USER": "somchai",
            "SBPAC_PASSWORD": PASSWORD,
            "SBPAC_NEW_PASSWORD": PASSWORD,
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_STATE_HOME": str(folder / "state"),
            "XDG_DATA_HOME": str(folder / "data"),
        }

    def run(self, *args: str) -> str:
        command = [sys.executable, "-m", "sbpac_desktop", "--db", str(self.db), *args]
        result = subprocess.run(command, capture_output=True, text=True, env=self.env, timeout=120)
        assert result.returncode == 0, f"{args}: {result.stderr}"
        assert "Traceback" not in result.stderr
        return result.stdout

    def json(self, *args: str):
        return json.loads(self.run(*args, "--json"))


def _post_id(posts: list[dict], code: str) -> str:
    return str(next(p["id"] for p in posts if p["short_code"] == code))


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Office:
    office = Office(tmp_path_factory.mktemp("first_meeting_cli"))
    office.run("init", "--admin", "somchai", "--name", "สมชาย ใจดี")
    sheet = write_office_csv(office.folder / "office.csv")
    assert "ไม่พบข้อผิดพลาด" in office.run("org", "import", str(sheet), "--dry-run")
    assert "นำเข้าแล้ว" in office.run("org", "import", str(sheet))
    return office


@pytest.fixture(scope="module")
def minutes(office: Office) -> tuple[str, str]:
    dimensions = office.json("dimensions", "list")
    assert [d["name"] for d in dimensions][:2] == ["ความมั่นคง", "เศรษฐกิจ"] and len(dimensions) == 6
    economy = str(next(d["id"] for d in dimensions if d["name"] == "เศรษฐกิจ"))
    posts = office.json("series", "posts")
    chair, secretary, assistant = (_post_id(posts, c) for c in ("ลธ.ศอ.บต.", "ผอ.กปพ.", "ผช.ลธ.(พณ.)"))
    series = office.json(
        "series", "add", SERIES, "--short", "ประชุมติดตาม ศอ.บต.", "--chair-post", chair,
        "--secretary-post", secretary, "--venue", VENUE, "--template", "5",
    )
    for post, role in ((chair, "ประธาน"), (assistant, "กรรมการ"), (secretary, "เลขานุการ")):
        office.run("series", "member-add", str(series["id"]), post, "--role", role)
    meeting = office.json("meetings", "create", "--series", str(series["id"]), "--date", "05/11/2563",
                          "--start", "09.30")
    assert meeting["venue"] == VENUE and meeting["chair"] == "นายศักดิ์ชัย ปกครองดี"
    assert meeting["fiscal_year"] == 2564 and meeting["number_text"] == "1/2563"
    filled = office.run("series", "fill-attendance", str(meeting["id"]))
    assert "เพิ่มผู้เข้าประชุม 3 คน" in filled
    item = office.json("agenda-item", "add", str(meeting["id"]), "--section", "4",
                       "--title", "การขับเคลื่อนเศรษฐกิจชายแดน", "--minutes", "45")
    office.run("minutes-text", str(item["id"]), "--discussion", "มูลค่าการค้าชายแดนด่านสะเดาเพิ่มขึ้นร้อยละ ๑๒",
               "--resolution", "ที่ประชุมรับทราบและมอบหมายตามข้อสั่งการ")
    office.run("directive", "add", "--meeting", "1/2563", "--item", "4.1", "--text", DIRECTIVE,
               "--dimension", economy, "--due", "31/03/2564", "--lead-post", assistant)
    pdf, docx = office.folder / "minutes.pdf", office.folder / "minutes.docx"
    office.run("minutes", "1/2563", "-o", str(pdf))
    office.run("minutes", "1/2563", "-o", str(docx))
    with pdfplumber.open(pdf) as document:
        pdf_text = "\n".join(page.extract_text() or "" for page in document.pages)
    docx_text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    docx_text += "\n".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)
    return pdf_text, docx_text


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_minutes_carry_the_whole_meeting(minutes, kind):
    text = minutes[0] if kind == "pdf" else minutes[1]
    flat = " ".join(text.split())
    for expected in (
        f"รายงาน{SERIES}", "ครั้งที่ ๑/๒๕๖๓", "วันพฤหัสบดีที่ ๕ พฤศจิกายน ๒๕๖๓", VENUE,
        "นายศักดิ์ชัย ปกครองดี", "นายกิตติ พาณิชย์ดี", "นางสาวฐิติมา ประสานงาน", SECRETARY_GENERAL, ASSISTANT,
        "๔.๑ การขับเคลื่อนเศรษฐกิจชายแดน", "ร้อยละ ๑๒", "ที่ประชุมรับทราบและมอบหมายตามข้อสั่งการ",
        "ขส. ๐๐๑/๒๕๖๔", "๓๑ มี.ค. ๒๕๖๔",
    ):
        assert " ".join(expected.split()) in flat, expected
    assert flat.index("ผู้มาประชุม") < flat.index("ระเบียบวาระที่ ๑") < flat.index("ระเบียบวาระที่ ๔")
    assert "เลิกประชุมเวลา ........ น." in flat  # not recorded yet: a blank to fill in, not "-"
    assert "(ศูนย์อำนวยการบริหาร" not in flat  # the office's own unit is not printed after each post


def test_the_directive_is_in_its_dimension(office, minutes):
    rows = office.json("directives")
    assert [(r["number_text"], r["dimension"]) for r in rows] == [("ขส. 001/2564", "เศรษฐกิจ")]
