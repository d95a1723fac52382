"""Editable Word (.docx) versions of the printed documents, written with python-docx.

Each writer takes the same document tree (domain.documents) as its PDF twin in reporting/
and prints the same strings in the same order, so the two cannot drift apart; the tests
read both back and compare. See base.py for the page, the named Thai styles and the font,
ooxml.py for the XML python-docx has no setting for (its public API only, issue #17).

    minutes.render(MinutesDoc, path, thai_digits=)     รายงานการประชุม (แบบที่ ๑๑)
    agenda.render(AgendaDoc, path, thai_digits=)       ระเบียบวาระการประชุม
    followup.render(FollowUpDoc, path, thai_digits=)   รายงานผลการติดตามข้อสั่งการ
    dossier.render(DossierDoc, path, thai_digits=)     the three parts and the attendance, one file
"""
