"""The quarterly M&E report of the integrated plan as an editable Word file: the same tables as
the PDF (reporting/plan_report.py), from the same data (domain/plan_report.py)."""

from __future__ import annotations

import os
from pathlib import Path

from sbpac_desktop.domain.plan_report import DIRECTIVE_COLUMNS, GROUP_COLUMNS, INDICATOR_COLUMNS, TITLE, PlanReport
from sbpac_desktop.reporting.plan_text import DIRECTIVE_WIDTHS, GROUP_WIDTHS, HEADINGS, INDICATOR_WIDTHS
from sbpac_desktop.reporting.word.base import BODY_INDENT, WordWriter


def add_plan_report(w: WordWriter, report: PlanReport) -> None:
    w.centred(TITLE, bold=True)
    w.centred(report.subtitle)
    w.centred(f"{report.office} — {report.prepared}")
    w.gap()
    w.para(report.overview, BODY_INDENT)
    for heading, rows, label in ((HEADINGS[0], report.by_dimension, "มิติการพัฒนา"),
                                 (HEADINGS[1], report.by_agency, "หน่วยงาน")):  # fmt: skip
        w.para([(heading, True)], space_before=6)
        w.table([(label, *GROUP_COLUMNS[1:]), *rows], GROUP_WIDTHS)
    w.para([(HEADINGS[2], True)], space_before=6)
    for section in report.dimensions:
        w.para([(section.heading, True)], space_before=6)
        w.table([INDICATOR_COLUMNS, *section.rows], INDICATOR_WIDTHS)
    w.para([(HEADINGS[3], True)], space_before=6)
    if report.directives:
        w.table([DIRECTIVE_COLUMNS, *report.directives], DIRECTIVE_WIDTHS)
    else:
        w.para("ไม่มีข้อสั่งการที่เชื่อมโยงกับโครงการ", BODY_INDENT)


def render_plan_report_docx(report: PlanReport, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = WordWriter(thai_digits, title=f"{TITLE} {report.subtitle}", author=report.office)
    add_plan_report(w, report)
    return w.save(path)
