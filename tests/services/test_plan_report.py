"""The quarterly M&E report of the integrated plan, checked through its text layers: the PDF with
pdfplumber (Thai digits and Arabic), the Word file with python-docx; a missing plan or a wrong
quarter is refused in Thai. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from docx import Document

from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.reporting.plan_report import render_plan_report
from sbpac_desktop.reporting.word.plan_report import render_plan_report_docx
from sbpac_desktop.services.field import plan_actuals
from sbpac_desktop.services.field.plan_report import plan_report
from tests.services.plan_helpers import FY, IN_Q2, baht, world


def _pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _docx_text(path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_report_pdf_and_word_carry_the_quarter(ctx, tmp_path):
    w = world(ctx)
    plan_actuals.record_actual(ctx.db, w.officer, w.own_indicator, 1, 120, today=IN_Q2)
    plan_actuals.record_disbursement(ctx.db, w.officer, w.own_project, 1, baht(90_000), today=IN_Q2)
    report = plan_report(ctx.db, w.viewer, FY, 1, today=date(2020, 2, 15))
    assert report.subtitle == "ประจำปีงบประมาณ พ.ศ. 2563 ไตรมาสที่ 1 (ตุลาคม - ธันวาคม 2562)"
    pdf = _pdf_text(render_plan_report(report, tmp_path / "me.pdf", thai_digits=False))
    for expected in (
        "รายงานผลการกำกับ ติดตาม และประเมินผลแผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้",
        "ไตรมาสที่ 1 (ตุลาคม - ธันวาคม 2562)",
        "ผลเป็นไปตามแผน 1 ตัว",
        "ยังไม่รายงานผล 1 ตัว",
        "ผู้ค้ารายใหม่",
        "ด้านความมั่นคง",
        "ขส. 001/2563",
    ):
        assert expected in pdf, expected
    thai = _pdf_text(render_plan_report(report, tmp_path / "th.pdf"))
    assert "ไตรมาสที่ ๑ (ตุลาคม - ธันวาคม ๒๕๖๒)" in thai
    word = _docx_text(render_plan_report_docx(report, tmp_path / "me.docx"))
    assert "ส่งเสริมตลาดชุมชน" in word and "เป็นไปตามแผน" in word and "กระทรวงมหาดไทย" in word


def test_report_refuses_a_missing_plan_or_quarter(ctx):
    w = world(ctx)
    with pytest.raises(NotFound, match=r"ยังไม่มีแผนบูรณาการปีงบประมาณ พ\.ศ\. 2570"):
        plan_report(ctx.db, w.viewer, 2570, 1)
    with pytest.raises(ValidationError, match="ไตรมาสต้องเป็น 1 ถึง 4"):
        plan_report(ctx.db, w.viewer, FY, 0)
