"""Row checks and numbering on a grid in memory, with hand-made look-ups (no database)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState
from sbpac_desktop.services.spreadsheets.lookups import Lookups, Target, name_key
from sbpac_desktop.services.spreadsheets.read import Grid
from sbpac_desktop.services.spreadsheets.row_plan import build_plan

TODAY = date(2020, 2, 15)
HEADER = ("เลขที่", "ข้อสั่งการ", "ผู้รับผิดชอบหลัก", "หน่วยงานต้นสังกัด", "วันที่สั่งการ", "ร้อยละ", "ผลการดำเนินการ", "สถานะ")


def lookups() -> Lookups:
    found = Lookups()
    commerce = Target(1, None, "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)")
    culture = Target(2, None, "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงวัฒนธรรม)")
    unit = Target(None, 7, "กรมบัญชีกลาง")
    found.tiers[0][name_key("ผช.ลธ.(พณ.)")].add(commerce)
    found.tiers[0][name_key("ผช.ลธ.(วธ.)")].add(culture)
    for target in (commerce, culture):
        found.tiers[1][name_key(target.label)].add(target)
        found.tiers[3][name_key("ผู้ช่วยเลขาธิการ ศอ.บต.")].add(target)
    found.tiers[2][name_key("บก.")].add(unit)
    found.used_numbers[2563] = {1, 2, 3}
    found.code_examples = ["ผช.ลธ.(พณ.)"]
    return found


def plan_of(*rows: tuple[object, ...]):
    grid = Grid("test", rows=[(1, HEADER), *[(n, row) for n, row in enumerate(rows, start=2)]])
    return build_plan(grid, lookups(), TODAY)


def row(
    number="", text="ให้จัดทำแผน", lead="ผช.ลธ.(พณ.)", agency="", issued="22/10/2562", percent="", result="", status=""
):
    return (number, text, lead, agency, issued, percent, result, status)


def messages(plan) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.message_th) for p in plan.problems if p.is_error]


def test_numbers_fill_after_the_database_and_the_file():
    plan = plan_of(row(), row("ขส. 010/2563"), row(), row("7"), row(issued="1/10/2563"))
    assert plan.ok
    numbers = [(d.fiscal_year, d.data.seq) for d in plan.directives]
    assert numbers == [(2563, 11), (2563, 10), (2563, 12), (2563, 7), (2564, 1)]


def test_duplicates_in_the_file_and_wrong_years():
    plan = plan_of(row("ขส. 005/2563"), row("5"), row("ขส. 002/2563"), row("ขส. 005/2562"))
    # row 4 carries a number already in the database: an update of that directive (round trip), not an error
    assert messages(plan) == [
        (3, "A (เลขที่)", "เลขที่ ขส. 005/2563 ซ้ำกับแถว 2"),
        (5, "A (เลขที่)", "เลขที่ ขส. 005/2562 เป็นของปีงบประมาณ 2562 แต่วันที่สั่งการอยู่ในปีงบประมาณ 2563"),
    ]
    assert not plan.ok


def test_assignees_by_code_label_unit_and_agency_column():
    plan = plan_of(
        row(lead="ผช.ลธ. (พณ.)"),
        row(lead="ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงวัฒนธรรม)"),
        row(lead="บก."),
        row(lead="ผู้ช่วยเลขาธิการ ศอ.บต.", agency="กระทรวงวัฒนธรรม"),
    )
    assert plan.ok
    leads = [(a.position_id, a.org_unit_id, a.role) for d in plan.directives for a in d.data.assignments]
    lead = AssignmentRole.LEAD
    assert leads == [(1, None, lead), (2, None, lead), (None, 7, lead), (2, None, lead)]


def test_unknown_and_ambiguous_posts():
    plan = plan_of(row(lead="ผช.ลธ.(xx.)"), row(lead="ผู้ช่วยเลขาธิการ ศอ.บต."))
    (unknown, ambiguous) = messages(plan)
    assert unknown[:2] == (2, "C (ผู้รับผิดชอบหลัก)") and "ไม่พบตำแหน่งหรือหน่วยงาน 'ผช.ลธ.(xx.)'" in unknown[2]
    assert ambiguous[:2] == (3, "C (ผู้รับผิดชอบหลัก)") and "ตรงกับ 2 ตำแหน่ง" in ambiguous[2]


def test_bad_dates_percent_and_missing_values():
    plan = plan_of(
        row(issued="31/02/2563"),
        row(percent="120", result="เกินร้อย"),
        row(text="", issued=""),
        row(result="ทำแล้ว"),
        row(percent="50"),
    )
    assert messages(plan) == [
        (2, "E (วันที่สั่งการ)", "วันที่ไม่ถูกต้อง: 31/02/2563 (กุมภาพันธ์ 2563 มี 29 วัน)"),
        (3, "F (ร้อยละ)", "ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ 120)"),
        (4, "B (ข้อสั่งการ)", "กรุณากรอกข้อความข้อสั่งการ"),
        (4, "E (วันที่สั่งการ)", "กรุณากรอกวันที่สั่งการ"),
        (5, "F (ร้อยละ)", "มีผลการดำเนินการแต่ไม่ได้ระบุร้อยละ"),
        (6, "G (ผลการดำเนินการ)", "กรุณากรอกผลการดำเนินการ"),
    ]


def test_progress_status_and_default_report_date():
    plan = plan_of(
        row(percent="60", result="ยกร่างแล้ว"),
        row(percent="100", result="เสร็จ", status="ดำเนินการแล้วเสร็จ"),
        row(percent="40", result="ปิดเรื่อง", status="ดำเนินการแล้วเสร็จ"),
        row(status="ยกเลิก"),
    )
    assert plan.ok
    assert [d.state for d in plan.directives] == [
        DirectiveState.OPEN,
        DirectiveState.OPEN,
        DirectiveState.CLOSED,
        DirectiveState.CANCELLED,
    ]
    assert plan.directives[0].progress.report_date == TODAY and plan.directives[0].progress.percent == 60
    (warning,) = [p for p in plan.problems if not p.is_error and "วันที่รายงาน" in p.message_th]
    assert "3 แถวไม่มีวันที่รายงาน" in warning.message_th and "แถว 2, 3, 4" in warning.message_th


def test_missing_header_and_header_only():
    grid = Grid("test", rows=[(1, ("ชื่อ", "ที่อยู่")), (2, ("ก", "ข"))])
    assert "ไม่พบแถวหัวตาราง" in build_plan(grid, lookups(), TODAY).problems[0].message_th
    grid = Grid("test", rows=[(1, ("ข้อสั่งการ", "ผู้รับผิดชอบหลัก"))])
    assert "ไม่พบคอลัมน์ที่จำเป็น: วันที่สั่งการ" in build_plan(grid, lookups(), TODAY).problems[0].message_th
    grid = Grid("test", rows=[(4, HEADER)])
    assert "ไม่มีข้อมูลใต้แถวหัวตาราง" in build_plan(grid, lookups(), TODAY).problems[0].message_th


CELL = st.one_of(
    st.none(),
    st.text(max_size=15),
    st.sampled_from(["ขส. 005/2563", "31/02/2563", "22/10/2562", "120", "ผช.ลธ.(พณ.)", "บก.", "=1+1", "ยกเลิก"]),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(*[CELL] * len(HEADER)), max_size=8))
def test_any_cells_give_a_plan_never_an_exception(rows):
    plan = plan_of(*rows)
    if plan.ok:
        assert len(plan.directives) == plan.data_rows > 0
        assert all(1 <= d.data.seq <= 999_999 for d in plan.directives)
        assert all(0 <= d.progress.percent <= 100 for d in plan.directives if d.progress)
    assert all(p.message_th for p in plan.problems)
