"""A follow-up table row cut at the bottom of a page (the 100k data set's IndexError).

ReportLab measures a cell at the column width less its padding but asked it to split at
the full width. A supporting agency's name that needs one line fewer at the full width
then answered "nothing to split" and ReportLab raised IndexError; with other names the
first half, cut for the full width, ran past the bottom of the page. The room left for
the row grows a quarter of a line at a time so that some cuts land in that window.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pdfplumber
import pytest
from reportlab.platypus import Spacer

from sbpac_desktop.domain.documents import DirectiveLine, FollowUpDoc, FollowUpGroup
from sbpac_desktop.reporting.engine import OFFICIAL_MARGINS, styles
from sbpac_desktop.reporting.followup import COLUMNS, SUPPORT_HEADING, WIDTHS, followup_flowables
from tests.reporting.conftest import LEFT_EDGE, PAGE_HEIGHT, squeeze

# Four lines at the cell's drawn width, three at the column's full width (3.0 cm).
AGENCY = "กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้"
DIRECTIVE = (
    "ให้กรมบัญชีกลางเร่งรัดการเบิกจ่ายงบประมาณโครงการพัฒนาพื้นที่จังหวัดชายแดนภาคใต้ "
    "และรายงานผลการดำเนินงานต่อที่ประชุมทุกไตรมาส โดยประสานกับหน่วยงานที่เกี่ยวข้อง "
    "เพื่อแก้ไขปัญหาอุปสรรคในการดำเนินงานให้แล้วเสร็จภายในปีงบประมาณ"
)
PROGRESS = "อยู่ระหว่างการตรวจสอบเอกสารการเบิกจ่ายของหน่วยงาน"
LINE = DirectiveLine(
    number="ขส. 001/2566",
    text=DIRECTIVE,
    responsible="กรมบัญชีกลาง",
    supporting=(AGENCY,),
    due_on=date(2023, 3, 31),
    status_label="กำลังดำเนินการ",
    status_key="in_progress",
    percent=40,
    progress_text=PROGRESS,
)
ROWS = 3  # the first is cut at the bottom of page 1
DOC = FollowUpDoc(
    title="รายงานผลการติดตามข้อสั่งการ",
    scope="ปีงบประมาณ 2566 ไตรมาสที่ 2",
    as_of=date(2023, 3, 15),
    counts=(("กำลังดำเนินการ", ROWS),),
    groups=(FollowUpGroup("กรมบัญชีกลาง", tuple(replace(LINE, number=f"ขส. {n:03}/2566") for n in range(1, ROWS + 1))),),
)
# Room left on the first page for the first row: from two to six of its lines, a quarter
# of a line at a time (the faulty window is one line wide).
CELL_LEADING = styles()["small"].leading
ROOMS = [CELL_LEADING * (2 + step / 4) for step in range(17)]
# The agency name is cut after three lines: where ReportLab used to fail.
FAULTY_ROOM = CELL_LEADING * 3.5
FRAME_BOTTOM = PAGE_HEIGHT - OFFICIAL_MARGINS.bottom
TOLERANCE = 1.0
WIDTH = sum(WIDTHS)
HEADERS = (*COLUMNS[:2], SUPPORT_HEADING, *COLUMNS[3:])  # grouped by assignee


def _columns(page: pdfplumber.page.Page) -> list[str]:
    """Each table column's characters on the page in stream order, without the header row's."""
    edges = list(itertools.accumulate([LEFT_EDGE, *WIDTHS]))
    body = [c for c in page.chars if c["top"] >= OFFICIAL_MARGINS.top - TOLERANCE]  # not the page number
    texts = ["".join(c["text"] for c in body if left <= c["x0"] < right) for left, right in itertools.pairwise(edges)]
    return [squeeze(text).replace(squeeze(header), "") for text, header in zip(texts, HEADERS, strict=True)]


def _build_at(build, room: float):
    """The report's group table placed so that `room` is left for its first row.

    Without its heading: a heading kept with the table moves both to a fresh page, and
    the report reaches this cut with a table's remainder instead.
    """
    table = followup_flowables(DOC, thai_digits=False)[-1]
    frame_height = PAGE_HEIGHT - OFFICIAL_MARGINS.top - OFFICIAL_MARGINS.bottom
    table.wrap(WIDTH, frame_height)
    return build([Spacer(1, frame_height - table._rowHeights[0] - room), table], thai_digits=False)


@pytest.mark.parametrize("room", ROOMS)
def test_a_row_cut_at_the_page_bottom_keeps_every_text(build, room):
    path = _build_at(build, room)
    with pdfplumber.open(path) as pdf:
        columns = ["", "", "", "", "", ""]
        for page in pdf.pages:
            for char in page.chars:
                assert char["bottom"] <= FRAME_BOTTOM + TOLERANCE, char  # nothing runs off the page
            columns = [so_far + text for so_far, text in zip(columns, _columns(page), strict=True)]
    numbers, directives, agencies, _due, statuses, progress = columns
    assert all(squeeze(line.number) in numbers for line in DOC.groups[0].rows)
    for column, stored in (
        (directives, DIRECTIVE),
        (agencies, AGENCY),
        (statuses, LINE.status_label),
        (progress, PROGRESS),
    ):
        assert column.count(squeeze(stored)) == ROWS


def test_the_row_really_is_cut_in_the_faulty_window(build):
    path = _build_at(build, FAULTY_ROOM)
    with pdfplumber.open(path) as pdf:
        first_page = _columns(pdf.pages[0])
        second_page = _columns(pdf.pages[1])
    assert squeeze(LINE.number) in first_page[0]
    # The agency's name: its first lines here, the rest overleaf.
    head = first_page[2]
    assert head and squeeze(AGENCY).startswith(head) and head != squeeze(AGENCY)
    assert second_page[2].startswith(squeeze(AGENCY)[len(head) :])
