"""The quarterly M&E report of the integrated plan for the SG meeting, as plain data: services
fill it (services/field/plan_report.py), reporting lays out the same tables as PDF and Word."""

from __future__ import annotations

from dataclasses import dataclass

TITLE = "รายงานผลการกำกับ ติดตาม และประเมินผลแผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้"
GROUP_COLUMNS = ("", "โครงการ", "ตัวชี้วัด", "ตามแผน", "ต่ำกว่าแผน", "ยังไม่รายงาน",
                 "งบจัดสรร (ล้านบาท)", "แผนเบิกจ่ายสะสม (ล้านบาท)", "เบิกจ่ายสะสม (ล้านบาท)", "ร้อยละของแผน")  # fmt: skip
INDICATOR_COLUMNS = ("โครงการ / เจ้าของ", "ตัวชี้วัด", "หน่วย", "เป้าหมายปี", "เป้าหมายสะสม", "ผลสะสม", "สถานะ")
DIRECTIVE_COLUMNS = ("โครงการ", "ข้อสั่งการ", "สถานะ")


@dataclass(frozen=True)
class ReportSection:
    heading: str
    rows: tuple[tuple[str, ...], ...]
    state_keys: tuple[str, ...] = ()  # per row, for the status cell's fill (IndicatorState / directive status)


@dataclass(frozen=True)
class PlanReport:
    office: str
    fiscal_year: int
    quarter: int
    subtitle: str  # 'ประจำปีงบประมาณ พ.ศ. 2563 ไตรมาสที่ 1 (ตุลาคม - ธันวาคม 2562)'
    prepared: str  # 'ข้อมูล ณ วันที่ 15 กุมภาพันธ์ 2563'
    overview: str  # one paragraph: how many indicators on track, budget disbursed
    by_dimension: tuple[tuple[str, ...], ...]
    by_agency: tuple[tuple[str, ...], ...]
    dimensions: tuple[ReportSection, ...]  # each dimension's indicators
    directives: tuple[tuple[str, ...], ...]
