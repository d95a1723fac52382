"""The M&E report's part headings and column widths, shared by the PDF (reporting.plan_report) and
the Word file (reporting.word.plan_report); free of ReportLab."""

from __future__ import annotations

from sbpac_desktop.reporting.layout import CM

GROUP_WIDTHS = (3.4 * CM, 1.1 * CM, 1.1 * CM, 1.1 * CM, 1.2 * CM, 1.3 * CM, 1.8 * CM, 1.8 * CM, 1.8 * CM, 1.4 * CM)
INDICATOR_WIDTHS = (3.8 * CM, 4.0 * CM, 1.4 * CM, 1.5 * CM, 1.5 * CM, 1.5 * CM, 2.3 * CM)
DIRECTIVE_WIDTHS = (4.0 * CM, 8.5 * CM, 3.5 * CM)
HEADINGS = (
    "๑. สรุปผลตามมิติการพัฒนา",
    "๒. สรุปผลตามหน่วยงานเจ้าของโครงการ",
    "๓. ผลตัวชี้วัดรายโครงการ",
    "๔. สถานะข้อสั่งการที่เกี่ยวข้องกับโครงการ",
)
