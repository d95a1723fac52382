"""The heavy jobs the window sends to a child process (gui/process_operations.py): each reads
through the services and writes a file through reporting, then returns the file's path.
Documents are written as PDF or Word by the target's suffix (.pdf / .docx).

They live outside gui because the child imports them: a `Job` carries the function itself and
pickle sends it by reference (module and name), so the child loads this module and never gui or
Qt. A layer of its own, between the front ends and services|reporting, because each job joins
the two (a service reads, a reporting writer writes) and those two do not import each other.
Every function takes `(db, actor, ...)` like a service and only picklable arguments; the
window names a job by the function (`render_jobs.MINUTES`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sbpac_desktop.reporting.spreadsheets import WrittenFile, write_table
from sbpac_desktop.reporting.writers import writer
from sbpac_desktop.services import settings as org_settings
from sbpac_desktop.services.app import Database
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import dashboard_export
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.meetings import documents, followup, letters
from sbpac_desktop.services.process_jobs import Job
from sbpac_desktop.services.spreadsheets.export import tracker_table


def render_minutes(db: Database, actor: Actor, meeting_id: int, path: Path) -> Path:
    thai_digits = org_settings.document_thai_digits(db, actor)  # Settings: ๑๒๓ or 123
    doc = documents.minutes_document(db, actor, meeting_id)
    return writer("minutes", path).render(doc, path, thai_digits=thai_digits)


def render_agenda(db: Database, actor: Actor, meeting_id: int, path: Path) -> Path:
    thai_digits = org_settings.document_thai_digits(db, actor)
    doc = documents.agenda_document(db, actor, meeting_id)
    return writer("agenda", path).render(doc, path, thai_digits=thai_digits)


def render_dossier(db: Database, actor: Actor, meeting_id: int, path: Path) -> Path:
    thai_digits = org_settings.document_thai_digits(db, actor)
    doc = documents.dossier_document(db, actor, meeting_id)
    return writer("dossier", path).render(doc, path, thai_digits=thai_digits)


def render_invitation(db: Database, actor: Actor, meeting_id: int, per_post: bool, path: Path) -> Path:
    """หนังสือเชิญประชุม (one with the distribution list, or one per invited post), agenda attached."""
    found = letters.invitation_letters(db, actor, meeting_id, per_post=per_post)
    thai_digits = org_settings.document_thai_digits(db, actor)
    return writer("letters", path).render_invitations(found, path, thai_digits=thai_digits)


def render_memos(db: Database, actor: Actor, meeting_id: int, path: Path) -> Path:
    """บันทึกข้อความแจ้งข้อสั่งการ: one per unit, all in one file."""
    memos = letters.directive_memos(db, actor, meeting_id)
    thai_digits = org_settings.document_thai_digits(db, actor)
    return writer("letters", path).render_memos(memos, path, thai_digits=thai_digits)


def export_tracker(db: Database, actor: Actor, filters: DirectiveFilter, as_of: date, path: Path) -> WrittenFile:
    table = tracker_table(db, actor, filters, as_of)
    return write_table(path, table.headers, table.rows, sheet_name=table.sheet_name)


def render_followup(db: Database, actor: Actor, scope: followup.FollowUpScope, as_of: date, path: Path) -> Path:
    thai_digits = org_settings.document_thai_digits(db, actor)
    doc = followup.followup_document(db, actor, scope, as_of)
    return writer("followup", path).render(doc, path, thai_digits=thai_digits)


def export_dashboard(
    db: Database, actor: Actor, fiscal_year: int | None, quarter: int | None, series_id: int | None, as_of: date,
    path: Path, place_id: int | None = None,
) -> WrittenFile:  # fmt: skip
    table = dashboard_export.dashboard_table(db, actor, fiscal_year, quarter, series_id, as_of, place_id)
    return write_table(path, table.headers, table.rows, sheet_name=table.sheet_name, info=table.info)


def job(db: Database, actor: Actor, function: Callable[..., Any], *args: object) -> Job:
    return Job(db.location, actor, function, tuple(args))


def ready(db: Database, actor: Actor) -> list[str]:
    """Loads in the worker process what a document needs before the first one is asked for
    (gui/process_operations.warm_worker, when a meeting window opens): the renderers, the Thai
    fonts, the segmenter's word list and a connection to the database. The first preview then
    waits for its own rendering only, not for the worker's start (issue #16)."""
    from sbpac_desktop.reporting import followup as _followup_pdf  # noqa: F401
    from sbpac_desktop.reporting import minutes as _minutes_pdf  # noqa: F401
    from sbpac_desktop.reporting.engine.fonts import register_fonts
    from sbpac_desktop.thai.segment import warm

    register_fonts()
    warm()
    with db.connect():
        pass
    return sorted(name for name in WARMED if name in sys.modules)  # what the worker has loaded now


WARMED = ("reportlab.platypus", "sbpac_desktop.reporting.minutes", "sbpac_desktop.reporting.followup", "nlpo3")


# The window names a job by its function; these names read as the document they make.
MINUTES = render_minutes
TRACKER = export_tracker
FOLLOWUP = render_followup
DASHBOARD = export_dashboard
AGENDA = render_agenda
DOSSIER = render_dossier
INVITATION = render_invitation
MEMOS = render_memos
READY = ready
