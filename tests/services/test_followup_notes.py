"""The follow-up report's notes and signer: problems, suggestions and next step come from each
directive's newest progress report; the report is signed by the series' secretary post and the
person holding it (the default series for a fiscal-year report); the dossier's part is unsigned.
Runs on SQLite and PostgreSQL (the ctx fixture)."""

from dataclasses import replace
from datetime import date

from sbpac_desktop.domain.documents import PersonLine
from sbpac_desktop.services import settings
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.directives.progress import ProgressInput
from sbpac_desktop.services.meetings import documents
from sbpac_desktop.services.meetings import series as series_service
from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document
from sbpac_desktop.services.meetings.followup_signer import UNNAMED
from tests.services.helpers import meeting, person
from tests.services.workflow_helpers import AS_OF, DUE, ISSUED, hold, post

POST_TITLE = "ผู้ช่วยเลขาธิการ ศอ.บต."  # workflow_helpers.post's title


def _report(ctx, assignment_id, on, result, **notes):
    progress.add_progress(ctx.db, ctx.actor, ProgressInput(assignment_id, on, 40, result, **notes), today=AS_OF)


def _setup(ctx, holder=True):
    """A series whose secretary post is held (or not), its meeting, a directive of it with two reports."""
    secretary_post = post(ctx, "กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษฯ", "กปพ.")
    if holder:
        hold(ctx, person(ctx, "พัฒนา", "พื้นที่พิเศษ"), secretary_post)
    view = series_service.create_series(ctx.db, ctx.actor, series_service.SeriesInput("การประชุมผู้บริหาร ศอ.บต."))
    view = series_service.update_series(
        ctx.db, ctx.actor, view.id, view.version, replace(view.to_input(), secretary_position_id=secretary_post)
    )
    meeting_id = meeting(ctx, view.id, ISSUED).id
    data = DirectiveInput(
        "ให้เร่งรัดการเบิกจ่ายงบประมาณ", ISSUED, (AssignmentInput(position_id=post(ctx)),), meeting_id, due_on=DUE
    )
    detail = directives.create_directive(ctx.db, ctx.actor, data, today=AS_OF)
    assignment_id = detail.assignments[0].id
    _report(ctx, assignment_id, date(2019, 11, 30), "เริ่มดำเนินการ", problems="ปัญหาเก่า")
    _report(
        ctx, assignment_id, date(2019, 12, 31), "จัดซื้อจัดจ้างแล้ว",
        problems="งบประมาณโอนล่าช้า", suggestions="ควรประชุมติดตามทุกเดือน", next_step="เร่งรัดการเบิกจ่าย",
    )  # fmt: skip
    return view.id, meeting_id, assignment_id


def _lines(doc):
    return [line for group in doc.groups for line in group.rows]


def test_notes_come_from_the_newest_report_and_the_secretary_post_signs(ctx):
    _series_id, meeting_id, _assignment = _setup(ctx)
    doc = followup_document(ctx.db, ctx.actor, FollowUpScope(meeting_id=meeting_id), AS_OF)
    [line] = _lines(doc)
    assert (line.problems, line.suggestions, line.next_step) == (
        "งบประมาณโอนล่าช้า",
        "ควรประชุมติดตามทุกเดือน",
        "เร่งรัดการเบิกจ่าย",
    )
    assert doc.signed
    assert doc.reporter == PersonLine("นายพัฒนา พื้นที่พิเศษ", POST_TITLE)
    dossier = documents.dossier_document(ctx.db, ctx.actor, meeting_id, AS_OF)
    assert not dossier.directives.signed  # the dossier is signed as a whole


def test_a_report_without_notes_prints_none_and_an_empty_post_leaves_the_name_to_fill_in(ctx):
    _series_id, meeting_id, assignment_id = _setup(ctx, holder=False)
    doc = followup_document(ctx.db, ctx.actor, FollowUpScope(meeting_id=meeting_id), AS_OF)
    assert doc.reporter == PersonLine(UNNAMED, POST_TITLE)
    _report(ctx, assignment_id, date(2020, 1, 15), "แล้วเสร็จตามแผน")  # newest: no notes at all
    [line] = _lines(followup_document(ctx.db, ctx.actor, FollowUpScope(meeting_id=meeting_id), AS_OF))
    assert (line.problems, line.suggestions, line.next_step) == (None, None, None)


def test_a_fiscal_year_report_is_signed_for_the_default_series(ctx):
    series_id, _meeting_id, _assignment = _setup(ctx)
    year = FollowUpScope(fiscal_year=2563)
    assert followup_document(ctx.db, ctx.actor, year, AS_OF).reporter is None  # no default series: lines to fill
    current = settings.get_settings(ctx.db, ctx.actor)
    settings.update_settings(ctx.db, ctx.actor, settings.SettingsInput(True, series_id), current.version)
    assert followup_document(ctx.db, ctx.actor, year, AS_OF).reporter == PersonLine("นายพัฒนา พื้นที่พิเศษ", POST_TITLE)
