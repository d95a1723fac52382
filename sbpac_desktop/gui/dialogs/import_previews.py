"""The services' import reports as the preview dialog's lines (no Qt widgets here)."""

from __future__ import annotations

from sbpac_desktop.gui.dialogs.import_preview_dialog import Preview, PreviewLine
from sbpac_desktop.services.org_import import OrgImportReport
from sbpac_desktop.services.spreadsheet_plan import RowProblem


def problem_line(problem: RowProblem, kind: str = "") -> PreviewLine:
    where = f"{problem.column}: " if problem.column else ""
    action = "error" if problem.is_error else "warning"
    return PreviewLine(problem.row, kind, action, "", where + problem.message_th)


def org_preview(report: OrgImportReport) -> Preview:
    lines = [problem_line(p) for p in report.problems]
    lines += [PreviewLine(r.row, r.kind_th, r.action, r.label, r.detail_th) for r in report.rows]
    changes = any(r.action in ("create", "update") for r in report.rows)
    return Preview(report.summary_th(), tuple(lines), report.ok, changes, report.committed)
