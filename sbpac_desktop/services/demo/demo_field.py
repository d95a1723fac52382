"""The demo's field follow-up (issue #15): the seed meeting planned field visits with the ministries
(แผนการลงพื้นที่ติดตามร่วมกับกระทรวง ทบวง กรม) and asked for a civil-society network and the
volunteer graduates to monitor alongside government. So the story gets a visit to a tambon in each
province of the area, led by the director of กปพ. with two ministries' assistant secretaries-general,
four carried out with findings (the last one's proposed for the next meeting's agenda) and one still planned,
and five reports from the network and the volunteer graduates.

Nothing here changes a directive's progress, so the statuses of docs/CONVENTIONS.md §7 still hold.
Loaded once, with the directives (services/demo/demo.py), through the same services as the window.
"""

from __future__ import annotations

from datetime import date

from sbpac_desktop.services import places
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo.demo_clock import DemoClock
from sbpac_desktop.services.field import field_findings, field_visits, network
from sbpac_desktop.services.field.field_findings import FindingInput
from sbpac_desktop.services.field.field_visits import OutcomeInput, VisitInput
from sbpac_desktop.services.field.network import MemberInput, ReportInput
from sbpac_desktop.store.database import Database

# tambon, date, joining posts (demo_data.PEOPLE keys), directive seqs, title, outcome or None, findings
VisitSpec = tuple[str, date, tuple[str, ...], tuple[int, ...], str, tuple[str, str, str | None] | None, tuple[str, ...]]
VISITS: tuple[VisitSpec, ...] = (
    ("ต.สะบารัง อ.เมืองปัตตานี", date(2019, 11, 14), ("A1", "A7"), (2,),
     "ติดตามการส่งเสริมอาชีพและตลาดชุมชน ต.สะบารัง จ.ปัตตานี",
     ("ผอ.กปพ. ผช.ลธ.(พณ.) ผช.ลธ.(พม.) และบัณฑิตอาสาพัฒนามาตุภูมิในพื้นที่",
      "ตลาดชุมชนเปิดทุกวันศุกร์ ผู้ค้าร้อยละ 60 เป็นกลุ่มสตรีที่ได้รับการฝึกอาชีพ",
      "ขอให้ช่วยหาตลาดรองรับผลิตภัณฑ์ผ้าบาติกนอกพื้นที่"),
     ("กลุ่มผ้าบาติกมีรายได้เพิ่มขึ้นแต่ขาดช่องทางจำหน่ายนอกจังหวัด",
      "ถนนเข้าตลาดชุมชนชำรุด รถขนสินค้าเข้าไม่ได้ในฤดูฝน")),
    ("ต.สะเตง อ.เมืองยะลา", date(2019, 11, 28), ("A4", "A6"), (),
     "ติดตามการพัฒนาคุณภาพชีวิตและสาธารณสุขชุมชน ต.สะเตง จ.ยะลา",
     ("ผอ.กปพ. ผช.ลธ.(สถ.) ผช.ลธ.(สธ.)", "อาสาสมัครสาธารณสุขประจำหมู่บ้านครบทุกหมู่บ้าน ศูนย์เด็กเล็กต้องปรับปรุง",
      None),
     ("ศูนย์พัฒนาเด็กเล็กหลังคารั่ว ต้องการงบซ่อมแซมจากท้องถิ่น",)),
    ("ต.บางนาค อ.เมืองนราธิวาส", date(2019, 12, 12), ("A2", "A3"), (),
     "ติดตามการเสริมสร้างความเข้าใจและกิจกรรมวัฒนธรรม ต.บางนาค จ.นราธิวาส",
     ("ผอ.กปพ. ผช.ลธ.(วธ.) ผช.ลธ.(กปส.)", "ผู้นำศาสนาและเยาวชนร่วมเวทีประชาคม 120 คน", "ขอให้จัดเวทีต่อเนื่องทุกไตรมาส"),
     ("เยาวชนต้องการพื้นที่ทำกิจกรรมสร้างสรรค์ในชุมชน",)),
    ("ต.พิมาน อ.เมืองสตูล", date(2020, 1, 16), ("A5", "A8"), (),
     "ติดตามการเบิกจ่ายงบประมาณและการเตรียมรับมือภัยพิบัติ ต.พิมาน จ.สตูล",
     ("ผอ.กปพ. ผช.ลธ.(บก.) ผช.ลธ.(ปภ.)", "โครงการลงทุนเบิกจ่ายล่าช้าเพราะผู้รับจ้างขาดแคลนวัสดุ", None),
     ("แผนเผชิญเหตุอุทกภัยของตำบลยังไม่ได้ซ้อมในปีนี้",)),
    ("ต.บ้านนา อ.จะนะ", date(2020, 3, 5), ("A1", "A4"), (), "ลงพื้นที่ติดตามโครงการพัฒนา อ.จะนะ จ.สงขลา", None, ()),
)  # fmt: skip
# directive seq -> the places it concerns (a tambon, a district or a whole province), so the tracker and
# the dashboard can be narrowed by province and district: ปัตตานี has 3, 5 and 7; อ.เมืองปัตตานี only 3.
DIRECTIVE_PLACES = {
    3: ("ต.สะบารัง อ.เมืองปัตตานี", "ต.สะเตง อ.เมืองยะลา"),
    5: ("จ.ปัตตานี",),
    7: ("อ.ยะหริ่ง จ.ปัตตานี", "ต.บางนาค อ.เมืองนราธิวาส"),
    8: ("จ.สตูล",),
}
PURPOSE = "ติดตามผลการดำเนินงานตามข้อสั่งการและรับฟังปัญหาความต้องการของประชาชนร่วมกับกระทรวง ทบวง กรม"
PROPOSE = "พิจารณาให้ทุกตำบลซ้อมแผนเผชิญเหตุอุทกภัยก่อนฤดูมรสุม (จากการลงพื้นที่ ต.พิมาน จ.สตูล)"

# kind, name, organisation, tambon
MEMBERS = (
    ("volunteer", "นางสาวฟาตีมะห์ ดอเลาะ", "บัณฑิตอาสาพัฒนามาตุภูมิ รุ่นที่ 3", "ต.สะบารัง อ.เมืองปัตตานี"),
    ("volunteer", "นายอับดุลเลาะ สาและ", "บัณฑิตอาสาพัฒนามาตุภูมิ รุ่นที่ 3", "ต.สะเตง อ.เมืองยะลา"),
    ("volunteer", "นางสาวนูรีซัน มะแซ", "บัณฑิตอาสาพัฒนามาตุภูมิ รุ่นที่ 4", "ต.บางนาค อ.เมืองนราธิวาส"),
    ("network", "นายมะรอนิง ยูโซ๊ะ", "เครือข่ายภาคประชาชนเฝ้าระวังการพัฒนา จ.ปัตตานี", "ต.ตะลุโบะ อ.เมืองปัตตานี"),
    ("network", "นางรอฮานี สาแม", "สภาองค์กรชุมชนตำบลพิมาน", "ต.พิมาน อ.เมืองสตูล"),
)
# member index, date, rating, text, directive seq or None, tambon or None
REPORTS: tuple[tuple[int, date, str, str, int | None, str | None], ...] = (
    (0, date(2019, 12, 20), "partial", "ตลาดชุมชนคึกคักขึ้น แต่ยังขาดป้ายบอกทางและที่จอดรถ", 2, "ต.สะบารัง อ.เมืองปัตตานี"),
    (1, date(2020, 1, 10), "effective", "อสม. ลงเยี่ยมบ้านผู้สูงอายุครบทุกหลังตามแผน", None, "ต.สะเตง อ.เมืองยะลา"),
    (2, date(2020, 1, 24), "effective", "เวทีประชาคมเยาวชนจัดต่อเนื่อง มีผู้เข้าร่วมเพิ่มขึ้น", None, "ต.บางนาค อ.เมืองนราธิวาส"),
    (3, date(2020, 2, 3), "not_effective", "โครงการก่อสร้างลานกีฬายังไม่เริ่ม ป้ายโครงการไม่มีรายละเอียดงบประมาณ", 2, None),
    (4, date(2020, 2, 7), "partial", "ชาวบ้านได้รับแจ้งแผนเผชิญเหตุแล้ว แต่ยังไม่ได้ซ้อมอพยพ", None, "ต.พิมาน อ.เมืองสตูล"),
)


def load_field_story(
    db: Database, actor: Actor, clock: DemoClock, posts: dict[str, int], seq_ids: dict[int, int]
) -> None:
    """`posts`: demo people keys -> their post ids; `seq_ids`: directive seq -> id (this fiscal year)."""
    places.sync_places(db, actor)
    for seq, written in DIRECTIVE_PLACES.items():
        if seq in seq_ids:
            place_ids = [places.resolve_place(db, actor, text).id for text in written]
            places.set_directive_places(db, actor, seq_ids[seq], place_ids)
    for spec in VISITS:
        _visit(db, actor, clock, posts, seq_ids, spec)
    members = [_member(db, actor, spec) for spec in MEMBERS]
    for index, on, rating, text, about_seq, tambon in REPORTS:
        place_id = places.resolve_place(db, actor, tambon).id if tambon else None
        directive_id = seq_ids.get(about_seq) if about_seq else None
        report = ReportInput(members[index], clock.on(on), rating, text, directive_id, place_id)
        network.add_report(db, actor, report, today=clock.as_of)


def _visit(
    db: Database, actor: Actor, clock: DemoClock, posts: dict[str, int], seq_ids: dict[int, int], spec: VisitSpec
) -> None:
    tambon, on, joining, seqs, title, outcome, findings = spec
    place = places.resolve_place(db, actor, tambon)
    data = VisitInput(
        title, clock.on(on), PURPOSE, (place.id,), posts["D1"], tuple(posts[k] for k in joining),
        tuple(seq_ids[s] for s in seqs if s in seq_ids),
    )  # fmt: skip
    visit = field_visits.create_visit(db, actor, data)
    if outcome is None:
        return
    visit = field_visits.record_outcome(db, actor, visit.row.id, visit.row.version, OutcomeInput(*outcome), clock.as_of)
    for number, text in enumerate(findings):
        directive_id = data.directive_ids[0] if data.directive_ids and number == 0 else None
        finding = field_findings.add_finding(db, actor, visit.row.id, FindingInput(text, place.id, directive_id))
        if "แผนเผชิญเหตุ" in text:  # the flood drill: for the next meeting to consider (item 4)
            field_findings.propose_finding(db, actor, finding.id, finding.version, PROPOSE)


def _member(db: Database, actor: Actor, spec: tuple[str, str, str, str]) -> int:
    kind, name, organisation, tambon = spec
    place_id = places.resolve_place(db, actor, tambon).id
    return network.add_member(db, actor, MemberInput(kind, name, place_id, organisation)).id
