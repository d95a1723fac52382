"""The list of screens `tools/screenshots.py` captures, each opened the way a user opens it."""

from __future__ import annotations

from typing import Any

from screenshots import HEIGHT, WIDTH, Shot, Studio


def _main_page(studio: Studio, key: str) -> Any:
    studio.window.search.clear()  # the search shot leaves its text in the toolbar box
    studio.window.show_page(key)
    studio.settle()
    return studio.window.page(key)


def _window_on(studio: Studio, key: str, prepare: Any = None) -> Any:
    page = _main_page(studio, key)
    if prepare is not None:
        prepare(page)
    return studio.window


def _select_first(page: Any) -> None:
    page.table.selectRow(0)


def _first_visit_day(studio: Studio) -> Any:
    from sbpac_desktop.services.field import field_visits

    return min(row.visit_on for row in field_visits.list_visits(studio.ctx.db, studio.ctx.actor))


def _visits_of_the_story(studio: Studio) -> Any:
    """The calendar on the month of the demo's visits (the page opens on today's month)."""
    day = _first_visit_day(studio)
    return _window_on(studio, "field_visits", lambda page: page.show_month(day.year, day.month))


def _plan_of_the_story(studio: Studio) -> Any:
    """The plan page on the demo's fiscal year (it opens on today's)."""
    from sbpac_desktop.thai.dates import fiscal_year

    year = fiscal_year(_first_visit_day(studio))
    return _window_on(studio, "plan", lambda page: page.year.setValue(year))


def _dashboard_plan_panel(studio: Studio) -> Any:
    """The dashboard with its M&E tab: a card per dimension of the fiscal year's integrated plan."""
    return _window_on(studio, "dashboard", lambda page: page.bottom_tabs.setCurrentWidget(page.plan_panel))


def _dashboard_plan_by_agency(studio: Studio) -> Any:
    """The M&E tab per owning agency, narrowed to projects in ปัตตานี by the dashboard's place filter."""

    def choose(page: Any) -> None:
        page.bottom_tabs.setCurrentWidget(page.plan_panel)
        page.plan_panel.set_by_agency(True)
        index = page.place_filter.province.findText("จังหวัดปัตตานี")
        page.place_filter.province.setCurrentIndex(index)
        page.place_filter.province.activated.emit(index)
        studio.settle()

    return _window_on(studio, "dashboard", choose)


def _tracker_in_pattani(studio: Studio) -> Any:
    """The tracker narrowed to directives tied to places in ปัตตานี (the place filter, issue #15)."""

    def choose(page: Any) -> None:
        index = page.place_filter.province.findText("จังหวัดปัตตานี")
        page.place_filter.province.setCurrentIndex(index)
        page.place_filter.province.activated.emit(index)
        studio.settle()

    return _window_on(studio, "directives", choose)


def _latest_meeting_id(studio: Studio) -> int:
    from sbpac_desktop.services.meetings import meetings

    return meetings.list_meetings(studio.ctx.db, studio.ctx.actor)[0].id


def _meeting_window(studio: Studio, tab: int) -> Any:
    page = _main_page(studio, "meetings")
    meeting_id = _latest_meeting_id(studio)
    page.open_meeting(meeting_id)  # the window is built once the meeting has been read
    studio.settle()
    window = page.windows[meeting_id]
    window.resize(WIDTH, HEIGHT - 40)
    window.move(0, 0)
    window.tabs.setCurrentIndex(tab)
    studio.settle(10)
    if tab == 0:  # an item of section 4 (เรื่องเพื่อพิจารณา), so the editor on the right is filled
        model = window.agenda_tab.tree.model()
        window.agenda_tab.tree.setCurrentIndex(model.index(0, 0, model.index(3, 0)))
    return window


def _directives_page(studio: Studio) -> Any:
    page = _main_page(studio, "directives")
    studio.settle(10)
    if page.selected_row() is None:
        page.table.selectRow(0)
    studio.settle()
    return page


def _people(studio: Studio, tab: int) -> Any:
    page = _main_page(studio, "people")
    page.tabs.setCurrentIndex(tab)
    return studio.window


def _dialog(studio: Studio, open_it: Any) -> Any:
    dialog = open_it()
    if dialog is None:
        raise LookupError("the dialog did not open")
    studio.settle()
    return dialog


def _people_dialog(studio: Studio, tab: int, action: str) -> Any:
    page = _main_page(studio, "people")
    page.tabs.setCurrentIndex(tab)
    studio.settle()
    tab_widget = (page.posts_tab, page.units_tab, page.persons_tab)[tab]
    getattr(tab_widget, action)()
    return _dialog(studio, lambda: page.dialog)


def _edit_meeting(studio: Studio) -> Any:
    page = _main_page(studio, "meetings")
    page.select_meeting(_latest_meeting_id(studio))
    return _dialog(studio, page.edit_selected)


def _agenda_item(studio: Studio) -> Any:
    window = _meeting_window(studio, 0)
    return _dialog(studio, window.agenda_tab.add_item)


def _search(studio: Studio, text: str) -> Any:
    studio.window.search.setText(text)
    dialog = _dialog(studio, studio.window.open_search_results)
    studio.settle(10)
    return dialog


def _directive_history(studio: Studio) -> Any:
    page = _directives_page(studio)
    return _dialog(studio, page.detail.show_history)


def _meeting_history(studio: Studio) -> Any:
    window = _meeting_window(studio, 0)
    return _dialog(studio, window.show_history)


def _conflict(studio: Studio) -> Any:
    """Someone saves the directive while it is open for editing; the save meets the conflict dialog."""
    from dataclasses import replace
    from datetime import timedelta

    from sbpac_desktop.gui.dialogs.directive_dialog import directive_input
    from sbpac_desktop.services.directives import directives

    page = _directives_page(studio)
    dialog = page.edit_selected()
    studio.settle()  # its pick lists arrive from the database thread before Save is let go
    detail = dialog.detail
    later = (detail.row.due_on or detail.row.issued_on) + timedelta(days=30)
    ctx = studio.ctx
    directives.update_directive(
        ctx.db, ctx.actor, detail.row.id, detail.row.version, replace(directive_input(detail), due_on=later)
    )
    dialog.text_edit.setPlainText(detail.row.text + " และรายงานผลภายใน ๓๐ วัน")
    dialog.submit()
    studio.settle(20)
    return dialog.conflict_flow.dialog


def _english(studio: Studio, key: str) -> Any:
    settings_page = studio.window.settings_page
    if settings_page is not None:
        settings_page.choose_language("en")  # the window retranslates and rebuilds its pages
    studio.settle(10)
    page = _main_page(studio, key)
    studio.settle(10)
    if key == "directives" and page.selected_row() is None:
        page.table.selectRow(0)
        studio.settle()
    return studio.window


def _workflow(studio: Studio, action: str) -> Any:
    """A workflow dialog on a directive that is still open (the third row is overdue in the demo)."""
    page = _directives_page(studio)
    page.table.selectRow(min(2, page.table.model().rowCount() - 1))
    studio.settle()
    return _dialog(studio, getattr(page.detail.action_bar, action))


def _sign_in(studio: Studio) -> Any:
    from sbpac_desktop.gui.dialogs.sign_in import SignInDialog

    dialog = SignInDialog(lambda login, secret: studio.ctx.actor, studio.ctx.database_display, studio.window)
    dialog.open()
    studio.settle()
    return dialog


def _carry_over(studio: Studio) -> Any:
    """A new meeting after the demo one: items 2 and 3 are offered from the previous meeting."""
    from datetime import date

    from sbpac_desktop.gui.meeting.carryover_dialog import offer_carryover
    from sbpac_desktop.services.meetings import meetings

    ctx = studio.ctx
    latest = meetings.get_meeting(ctx.db, ctx.actor, _latest_meeting_id(studio))
    data = meetings.MeetingInput(
        latest.series_id, latest.title, date(2019, 11, 26), latest.venue, latest.start_time, latest.end_time,
        latest.chair_person_id, latest.recorder_person_id,
    )  # fmt: skip
    created = meetings.create_meeting(ctx.db, ctx.actor, data)
    opened: list[Any] = []  # the dialog opens once the proposal has been read
    offer_carryover(ctx, created.id, studio.window, today=date(2019, 11, 20), opened=opened.append)
    studio.settle()
    return _dialog(studio, lambda: opened[0] if opened else None)


def all_shots(studio: Studio) -> list[Shot]:
    s = studio
    return [
        Shot("main_meetings", "การประชุม — meetings list (n/BE, BE date, status)",
             lambda: _window_on(s, "meetings", _select_first)),
        Shot("main_directives", "ข้อสั่งการ — directives tracker with filters and the detail pane",
             lambda: (_directives_page(s), s.window)[1]),
        Shot("main_dashboard", "ภาพรวม — dashboard", lambda: _window_on(s, "dashboard")),
        Shot("main_people", "บุคคลและหน่วยงาน — posts, their agency and holders, terms in office",
             lambda: _people(s, 0)),
        Shot("people_units", "บุคคลและหน่วยงาน — the org unit tree with short names", lambda: _people(s, 1)),
        Shot("people_persons", "บุคคลและหน่วยงาน — people in Thai order with their current posts",
             lambda: _people(s, 2)),
        Shot("main_series", "ชุดการประชุม — series with chair post, venue, template; members and today's holders",
             lambda: _window_on(s, "series", _select_first)),
        Shot("dialog_series", "Meeting series: posts, venue, agenda template, standing members with their roles",
             lambda: _dialog(s, _main_page(s, "series").edit_selected)),
        Shot("main_settings", "ตั้งค่า — settings", lambda: _window_on(s, "settings")),
        Shot("meeting_agenda", "Meeting window — agenda builder (๔.๑, ๔.๒ numbering)", lambda: _meeting_window(s, 0)),
        Shot("meeting_attendance", "Meeting window — attendance grid", lambda: _meeting_window(s, 1)),
        Shot("meeting_minutes", "Meeting window — minutes preview (QtPdf)", lambda: _meeting_window(s, 2)),
        Shot("directive_detail", "Directive detail — assignments and progress history",
             lambda: _directives_page(s).detail),
        Shot("dialog_search", "Search results for ตำบล (Thai search over meetings, agenda and directives)",
             lambda: _search(s, "ตำบล")),
        Shot("dialog_new_meeting", "New meeting (Ctrl+N), defaults from the series' latest meeting",
             lambda: _dialog(s, _main_page(s, "meetings").new_record)),
        Shot("dialog_edit_meeting", "Edit a meeting's details (F2)", lambda: _edit_meeting(s)),
        Shot("dialog_agenda_item", "Agenda item editor", lambda: _agenda_item(s)),
        Shot("dialog_directive", "Directive editor (text, dimension, priority, due date, lead and supporting posts)",
             lambda: _dialog(s, _directives_page(s).edit_selected)),
        Shot("dialog_progress", "Progress report on a directive", lambda: _dialog(s, _directives_page(s).add_progress)),
        Shot("dialog_position", "Post and the agency it is seconded from",
             lambda: _people_dialog(s, 0, "edit_selected")),
        Shot("dialog_term", "Who holds a post from when (BE dates)", lambda: _people_dialog(s, 0, "assign")),
        Shot("dialog_unit", "Org unit", lambda: _people_dialog(s, 1, "edit_selected")),
        Shot("dialog_person", "Person (title or rank, names, contact)", lambda: _people_dialog(s, 2, "edit_selected")),
        Shot("dialog_history_directive", "ประวัติการแก้ไข of a directive (audit trail, before → after)",
             lambda: _directive_history(s)),
        Shot("dialog_history_meeting", "ประวัติการแก้ไข of a meeting with its agenda and attendance",
             lambda: _meeting_history(s)),
        Shot("dialog_conflict", "Conflict: yours / theirs, reload and re-apply, keep theirs, overwrite",
             lambda: _conflict(s)),  # it changes a directive
        Shot("dialog_followup_report", "Follow-up report (รายงานผลการติดตาม) to PDF",
             lambda: _dialog(s, s.window.open_followup_report)),
        Shot("dialog_block", "Report a blocked directive (ติดขัด)", lambda: _workflow(s, "block")),
        Shot("dialog_extension_request", "Ask for more time (ขอขยายเวลา)", lambda: _workflow(s, "request_extension")),
        Shot("dialog_closure_request", "Ask to close a directive (ขอปิดเรื่อง)", lambda: _workflow(s, "request_closure")),
        Shot("page_users", "บัญชีผู้ใช้ — accounts (administrators only)", lambda: _window_on(s, "users")),
        Shot("dialog_user", "New account", lambda: _dialog(s, _main_page(s, "users").new_record)),
        Shot("main_network", "เครือข่ายภาคประชาชน — network members and volunteer graduates, the chosen one's reports",
             lambda: _window_on(s, "network")),
        Shot("dialog_network_member", "Register a network member or volunteer graduate",
             lambda: _dialog(s, _main_page(s, "network").new_record)),
        Shot("dialog_network_report", "A report from the network (rating, directive or tambon, what they saw)",
             lambda: _dialog(s, _main_page(s, "network").add_report)),
        Shot("main_dimensions", "มิติการพัฒนา — the six dimensions, order, short names, directives per dimension",
             lambda: _window_on(s, "dimensions")),
        Shot("main_field_visits", "การลงพื้นที่ — the month's visits and the chosen visit's plan, outcome and findings",
             lambda: _visits_of_the_story(s)),
        Shot("main_plan", "แผนบูรณาการ — plan tree by dimension, project and indicator with the quarter's state",
             lambda: _plan_of_the_story(s)),
        Shot("dashboard_plan", "ภาพรวม — the integrated plan's M&E per dimension (indicators, budget, directives)",
             lambda: _dashboard_plan_panel(s)),
        Shot("dashboard_plan_agency", "ภาพรวม — the M&E per owning agency, projects in ปัตตานี only",
             lambda: _dashboard_plan_by_agency(s)),
        Shot("directives_by_place", "ข้อสั่งการ — filtered by province (จังหวัดปัตตานี) and district",
             lambda: _tracker_in_pattani(s)),
        Shot("sign_in_dialog", "Sign-in before the main window", lambda: _sign_in(s)),
        Shot("dialog_carry_over", "New meeting: carry over certifying the minutes and open directives",
             lambda: _carry_over(s)),  # it adds a meeting
        # After every Thai shot: English chosen at run time (Settings → language), as a user would.
        Shot("english_settings", "Settings in English (interface language switched at run time)",
             lambda: _english(s, "settings")),
        Shot("english_directives", "Directives tracker in English", lambda: (_english(s, "directives"), s.window)[1]),
    ]  # fmt: skip
