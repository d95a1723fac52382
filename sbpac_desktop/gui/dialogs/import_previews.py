"""The services' import reports as the preview dialog's lines (no Qt widgets here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sbpac_desktop.gui.dialogs.import_preview_dialog import Preview, PreviewLine
from sbpac_desktop.services.field.network_import import NetworkImportReport
from sbpac_desktop.services.people.org_import import OrgImportReport
from sbpac_desktop.services.spreadsheets.directive_import import ImportReport
from sbpac_desktop.services.spreadsheets.row_plan import RowProblem


def problem_line(problem: RowProblem, kind: str = "") -> PreviewLine:
    where = f"{problem.column}: " if problem.column else ""
    action = "error" if problem.is_error else "warning"
    return PreviewLine(problem.row, kind, action, "", where + problem.message_th)


def org_preview(report: OrgImportReport) -> Preview:
    lines = [problem_line(p) for p in report.problems]
    lines += [PreviewLine(r.row, r.kind_th, r.action, r.label, r.detail_th) for r in report.rows]
    changes = any(r.action in ("create", "update") for r in report.rows)
    return Preview(report.summary_th(), tuple(lines), report.ok, changes, report.committed)


_DIRECTIVE_ACTIONS = {"new": "create", "updated": "update", "unchanged": "unchanged", "refused": "refused"}


def directive_preview(report: ImportReport) -> Preview:
    """File-level problems and warnings first, then one line per row (errors are in the row's reason)."""
    lines = [problem_line(p) for p in report.problems if p.row is None or not p.is_error]
    for outcome in report.outcomes:
        detail = (
            outcome.detail_th
            if outcome.action != "new"
            else (QCoreApplication.translate("ImportPreview", "พร้อมรายงานผล") if outcome.progress_added else "")
        )
        lines.append(
            PreviewLine(
                outcome.row,
                QCoreApplication.translate("ImportPreview", "ข้อสั่งการ"),
                _DIRECTIVE_ACTIONS[outcome.action],
                outcome.number,
                detail,
            )
        )
    changes = bool(report.directives or report.updated)
    return Preview(report.summary_th(), tuple(lines), report.ok, changes, report.committed)


def network_preview(report: NetworkImportReport) -> Preview:
    """One line per report row; a new member is said in the row's detail."""
    lines = [problem_line(p) for p in report.problems]
    lines += [
        PreviewLine(r.row, QCoreApplication.translate("ImportPreview", "รายงาน"), r.action, r.label, r.detail_th)
        for r in report.rows
    ]
    changes = any(r.action == "create" for r in report.rows)
    return Preview(report.summary_th(), tuple(lines), report.ok, changes, report.committed)
