"""The dossier's parts, in order: the PDF's contents page (reporting.dossier) and the Word file's
cover (reporting.word.dossier) list the same; free of ReportLab."""

PARTS = ("ระเบียบวาระการประชุม", "รายชื่อผู้เข้าประชุม", "รายงานการประชุม", "รายงานผลการติดตามข้อสั่งการ")
