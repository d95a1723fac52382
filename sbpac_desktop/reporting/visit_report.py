"""The field-visit report as PDF in the official style (TH Sarabun, 16 pt, 3/2 cm margins)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sbpac_desktop.domain.field_report import VisitReport
from sbpac_desktop.reporting.common import Writer, gap, signature
from sbpac_desktop.reporting.engine import build_pdf
from sbpac_desktop.reporting.visit_text import LABEL_INDENT, TITLE, visit_lines


def visit_flowables(report: VisitReport, w: Writer) -> list[Flowable]:
    flow: list[Flowable] = []
    for line in visit_lines(report):
        if line.kind == "title":
            flow.append(w.centred(line.text, bold=True))
        elif line.kind == "subtitle":
            flow += [w.centred(line.text), gap(0.5)]
        elif line.kind == "labelled":
            flow.append(
                w.para([(line.label, True), ("  " + line.text, False)], leftIndent=LABEL_INDENT,
                       firstLineIndent=-LABEL_INDENT)
            )  # fmt: skip
        elif line.kind == "heading":
            flow.append(w.para(line.text, "heading"))
        elif line.kind == "item":
            flow.append(w.para(line.text, leftIndent=1.6 * cm, firstLineIndent=-0.6 * cm))
        elif line.kind == "signature":
            flow.append(signature(w, line.text, None))
        else:
            flow.append(w.para(line.text, "body_indent"))
    return flow


def render_visit_report(report: VisitReport, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = Writer(thai_digits)
    return build_pdf(
        path, visit_flowables(report, w), title=f"{TITLE} {report.title}", author=report.office, thai_digits=thai_digits
    )
