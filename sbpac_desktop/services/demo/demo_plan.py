"""The demo's integrated plan (issue #15): the FY2563 plan of the seed meeting under its six
development dimensions, a dozen projects owned by the ministries' posts, one indicator each and
the first quarter's actuals and disbursements — some on track, some behind, one not reported.
Called once by services/demo/demo.py after the field story; moves with the demo clock like the rest."""

from __future__ import annotations

from sbpac_desktop.services import places
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo.demo_clock import DemoClock
from sbpac_desktop.services.field import plan, plan_actuals
from sbpac_desktop.services.field.plan import IndicatorInput, ProjectInput
from sbpac_desktop.services.field.plan_actuals import ActualInput
from sbpac_desktop.store.database import Database

M = 100 * 1_000_000  # one million baht in satang

# (dimension, project, owner post key, allocation by quarter in millions, directive seqs, tambon,
#  (indicator, unit, target, baseline, direction, cumulative), Q1 actual or None, Q1 disbursed in millions)
PROJECTS = (
    ("ความมั่นคง", "หมู่บ้านปลอดภัยเข้มแข็ง", "A4", (2, 3, 3, 2), (), "ต.บางนาค อ.เมืองนราธิวาส",
     ("จำนวนเหตุการณ์ความไม่สงบในหมู่บ้านเป้าหมาย", "ครั้ง", 40, None, "lower", True), 8, 1.8),
    ("ความมั่นคง", "เฝ้าระวังภัยพิบัติชุมชน", "A8", (1, 1, 1, 1), (), None,
     ("อาสาสมัครป้องกันภัยที่ผ่านการฝึก", "คน", 800, None, "higher", True), 150, 0.9),
    ("เศรษฐกิจ", "ส่งเสริมตลาดชุมชนและสินค้าฮาลาล", "A1", (5, 5, 5, 5), (1,), "ต.สะบารัง อ.เมืองปัตตานี",
     ("ผู้ประกอบการรายใหม่ที่ได้รับการส่งเสริม", "ราย", 400, None, "higher", True), 120, 4.2),
    ("เศรษฐกิจ", "เพิ่มรายได้เกษตรกรยางพารา", "A1", (3, 3, 2, 2), (), None,
     ("ราคายางก้อนถ้วยเฉลี่ยที่เกษตรกรขายได้", "บาท/กก.", 24, 18, "higher", False), 19, 1.1),
    ("สังคม", "บ้านมั่นคงชนบท", "A7", (4, 4, 4, 4), (), "ต.สะเตง อ.เมืองยะลา",
     ("ครัวเรือนเปราะบางที่ได้รับการซ่อมแซมที่อยู่อาศัย", "ครัวเรือน", 600, None, "higher", True), 160, 3.9),
    ("สังคม", "ลดอัตราการเสียชีวิตของมารดาและทารก", "A6", (2, 2, 2, 2), (), None,
     ("อัตราการเสียชีวิตของมารดาต่อแสนการเกิดมีชีพ", "ต่อแสน", 30, 45, "lower", False), 41, 1.6),
    ("การบริหารจัดการภาครัฐ", "เร่งรัดการเบิกจ่ายงบประมาณ จชต.", "A5", (1, 1, 1, 1), (2,), None,
     ("ร้อยละการเบิกจ่ายงบประมาณภาพรวม", "ร้อยละ", 96, None, "higher", False), 22, 0.7),
    ("การบริหารจัดการภาครัฐ", "ฐานข้อมูลตำบลเพื่อการพัฒนา", "D1", (1, 1, 0.5, 0.5), (), None,
     ("ตำบลที่มีข้อมูลพื้นฐานครบถ้วน", "ตำบล", 290, None, "higher", True), None, 0.2),
    ("การพัฒนาทรัพยากรมนุษย์", "บัณฑิตอาสาพัฒนามาตุภูมิ", "D1", (6, 6, 6, 6), (), "ต.พิมาน อ.เมืองสตูล",
     ("บัณฑิตอาสาที่ปฏิบัติงานในพื้นที่", "คน", 2000, 1800, "higher", False), 1850, 5.8),
    ("การพัฒนาทรัพยากรมนุษย์", "ทักษะอาชีพเยาวชนนอกระบบการศึกษา", "A4", (2, 2, 2, 2), (), None,
     ("เยาวชนที่ผ่านการฝึกอาชีพ", "คน", 1200, None, "higher", True), 210, 1.5),
    ("การเสริมสร้างความเข้าใจ", "สื่อสารสร้างความเข้าใจสู่สันติสุข", "A3", (1, 1, 1, 1), (), None,
     ("ประชาชนที่รับรู้นโยบายสันติสุข", "ร้อยละ", 85, 70, "higher", False), 74, 0.8),
    ("การเสริมสร้างความเข้าใจ", "มหกรรมวัฒนธรรมพหุวัฒนธรรมชายแดนใต้", "A2", (0.5, 1.5, 1, 1), (), "ต.บ้านนา อ.จะนะ",
     ("กิจกรรมส่งเสริมพหุวัฒนธรรมที่จัดขึ้น", "ครั้ง", 24, None, "higher", True), 3, 0.4),
)  # fmt: skip


def load_plan_story(
    db: Database, actor: Actor, clock: DemoClock, dims: dict[str, int], posts: dict[str, int], seq_ids: dict[int, int]
) -> int:
    """The plan of the story's fiscal year with its first quarter reported; returns the plan id."""
    plan_id = plan.create_plan(db, actor, clock.fiscal_year)
    actuals = []
    for dimension, name, owner, millions, seqs, tambon, indicator, actual, disbursed in PROJECTS:
        place_ids = (places.resolve_place(db, actor, tambon).id,) if tambon else ()
        allocated = tuple(round(m * M) for m in millions)
        directive_ids = tuple(seq_ids[s] for s in seqs if s in seq_ids)
        data = ProjectInput(name, dims[dimension], posts[owner], allocated, place_ids, directive_ids)  # type: ignore[arg-type]
        project_id = plan.add_project(db, actor, plan_id, data)
        title, unit, target, baseline, direction, cumulative = indicator
        indicator_id = plan.add_indicator(
            db, actor, project_id, IndicatorInput(title, unit, target, baseline, direction, cumulative)
        )
        if actual is not None:
            actuals.append(ActualInput(indicator_id, actual, "ผลการดำเนินงานไตรมาส 1"))
        plan_actuals.record_disbursement(db, actor, project_id, 1, round(disbursed * M), today=clock.as_of)
    plan_actuals.record_actuals(db, actor, 1, actuals, today=clock.as_of)
    return plan_id
