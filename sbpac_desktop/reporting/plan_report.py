"""The quarterly M&E report of the integrated plan as PDF in the official style (TH Sarabun,
3/2 cm margins): the overview, the tables per dimension and per agency, each dimension's
indicators with their state, and the linked directives' status."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable

from sbpac_desktop.domain.plan_report import (
    DIRECTIVE_COLUMNS,
    GROUP_COLUMNS,
    INDICATOR_COLUMNS,
    TITLE,
    PlanReport,
    ReportSection,
)
from sbpac_desktop.reporting.common import Writer, gap
from sbpac_desktop.reporting.engine import build_pdf
from sbpac_desktop.reporting.followup import HEADER_FILL, STATUS_FILLS
from sbpac_desktop.reporting.plan_text import DIRECTIVE_WIDTHS, GROUP_WIDTHS, HEADINGS, INDICATOR_WIDTHS

STATE_FILLS = {
    "on_track": STATUS_FILLS["done"],
    "behind": STATUS_FILLS["overdue"],
    "no_data": STATUS_FILLS["not_started"],
}


def _group_table(w: Writer, rows: tuple[tuple[str, ...], ...], label: str) -> Flowable:
    header = (label, *GROUP_COLUMNS[1:])
    style = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL),
             ("ALIGN", (1, 1), (-1, -1), "RIGHT")]  # fmt: skip
    return w.table([header, *rows], GROUP_WIDTHS, style=style, cell_style=w.style["small"])


def _section_table(w: Writer, section: ReportSection) -> Flowable:
    style = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for index, key in enumerate(section.state_keys, start=1):
        style.append(("BACKGROUND", (6, index), (6, index), STATE_FILLS.get(key, colors.white)))
    return w.table([INDICATOR_COLUMNS, *section.rows], INDICATOR_WIDTHS, style=style, cell_style=w.style["small"])


def plan_flowables(report: PlanReport, w: Writer) -> list[Flowable]:
    flow: list[Flowable] = [
        w.centred(TITLE, bold=True),
        w.centred(report.subtitle),
        w.centred(f"{report.office} — {report.prepared}"),
        gap(0.5),
        w.para(report.overview, "body_indent"),
        w.para(HEADINGS[0], "heading"),
        _group_table(w, report.by_dimension, "มิติการพัฒนา"),
        w.para(HEADINGS[1], "heading"),
        _group_table(w, report.by_agency, "หน่วยงาน"),
        w.para(HEADINGS[2], "heading"),
    ]
    for section in report.dimensions:
        flow += [w.para(section.heading, "heading"), _section_table(w, section)]
    flow.append(w.para(HEADINGS[3], "heading"))
    if report.directives:
        rows = [DIRECTIVE_COLUMNS, *report.directives]
        style = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
        flow.append(w.table(rows, DIRECTIVE_WIDTHS, style=style, cell_style=w.style["small"]))
    else:
        flow.append(w.para("ไม่มีข้อสั่งการที่เชื่อมโยงกับโครงการ", "body_indent"))
    return flow


def render_plan_report(report: PlanReport, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = Writer(thai_digits)
    return build_pdf(path, plan_flowables(report, w), title=f"{TITLE} {report.subtitle}", author=report.office,
                     thai_digits=thai_digits)  # fmt: skip
