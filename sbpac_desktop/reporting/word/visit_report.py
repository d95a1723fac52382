"""The field-visit report as an editable Word file: the same lines as the PDF (reporting/visit_text.py)."""

from __future__ import annotations

import os
from pathlib import Path

from sbpac_desktop.domain.field_report import VisitReport
from sbpac_desktop.reporting.layout import CM
from sbpac_desktop.reporting.visit_text import LABEL_INDENT, TITLE, visit_lines
from sbpac_desktop.reporting.word.base import BODY_INDENT, WordWriter


def add_visit_report(w: WordWriter, report: VisitReport) -> None:
    for line in visit_lines(report):
        if line.kind == "title":
            w.centred(line.text, bold=True)
        elif line.kind == "subtitle":
            w.centred(line.text)
            w.gap()
        elif line.kind == "labelled":
            w.para([(line.label, True), ("  " + line.text, False)], indent=LABEL_INDENT, first_line=-LABEL_INDENT)
        elif line.kind == "heading":
            w.para([(line.text, True)], space_before=6)
        elif line.kind == "item":
            w.para(line.text, indent=1.6 * CM, first_line=-0.6 * CM)
        elif line.kind == "signature":
            for _ in range(2):
                w.gap()
            w.para(f"(ลงชื่อ) ...................................... {line.text}", indent=5.8 * CM)
            w.para("(......................................)", indent=7 * CM)
        else:
            w.para(line.text, BODY_INDENT)


def render_visit_report_docx(report: VisitReport, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = WordWriter(thai_digits, title=f"{TITLE} {report.title}", author=report.office)
    add_visit_report(w, report)
    return w.save(path)
