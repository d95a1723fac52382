"""The directive sentence in the minutes reads as plain Thai: no 'ให้ ผู้ช่วย…', no post named twice."""

from __future__ import annotations

from datetime import date

from sbpac_desktop.domain.documents import DirectiveLine
from sbpac_desktop.reporting.document_text import directive_sentence, thai_list

ASG = "ผู้ช่วยเลขาธิการ ศอ.บต. (กรมบัญชีกลาง)"


def line(text: str, responsible: str | None = ASG, supporting: tuple[str, ...] = (), due: date | None = None):
    return DirectiveLine(number="ขส. 002/2563", text=text, responsible=responsible, supporting=supporting, due_on=due)


def test_lead_support_and_due_date_in_one_plain_sentence():
    sentence = directive_sentence(
        line("เร่งรัดการเบิกจ่ายงบประมาณโครงการพัฒนาพื้นที่", supporting=("กปพ.", "สำนักงานจังหวัดปัตตานี"), due=date(2020, 3, 31))
    )
    assert sentence == (
        "เร่งรัดการเบิกจ่ายงบประมาณโครงการพัฒนาพื้นที่ โดยมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. (กรมบัญชีกลาง)"
        " เป็นผู้รับผิดชอบหลัก ร่วมกับ กปพ. และสำนักงานจังหวัดปัตตานี ให้แล้วเสร็จภายใน 31 มี.ค. 2563 (ขส. 002/2563)"
    )
    assert "ให้ ผู้" not in sentence and "ดำเนินการ ดำเนินการ" not in sentence
    plain = directive_sentence(line("ติดตามผล", responsible="ผู้อำนวยการ กปพ."))
    assert "ให้ผู้อำนวยการ กปพ. เป็นผู้รับผิดชอบหลัก" in plain  # a space after an abbreviation, as after ')'


def test_a_post_the_text_already_names_is_not_repeated():
    sentence = directive_sentence(line(f"ให้{ASG} จัดทำแผนส่งเสริมการค้าชายแดน", supporting=(ASG,)))
    assert sentence == f"ให้{ASG} จัดทำแผนส่งเสริมการค้าชายแดน (ขส. 002/2563)"


def test_no_assignee_yet_is_said_plainly():
    assert directive_sentence(line("ติดตามผลการดำเนินงาน", responsible=None)) == (
        "ติดตามผลการดำเนินงาน (ยังไม่มอบหมายผู้รับผิดชอบ) (ขส. 002/2563)"
    )


def test_thai_lists_use_spaces_and_the_word_lae():
    assert thai_list([]) == "" and thai_list(["ก"]) == "ก"
    assert thai_list(["ก", "ข"]) == "ก และข" and thai_list(["ก", "ข", "ค"]) == "ก ข และค"
    assert thai_list(["กรมบัญชีกลาง", "กปพ."]) == "กรมบัญชีกลาง และ กปพ."  # an abbreviation stands apart


def test_several_assignee_combinations_read_as_natural_thai():
    """One lead post; a lead with supporting units; a division; abbreviations; stray spaces in names."""
    cases = {
        ("ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)", ()): (
            " โดยมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์) เป็นผู้รับผิดชอบหลัก (ขส. 002/2563)"
        ),
        ("กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้", ("สำนักงานจังหวัดยะลา",)): (
            " โดยมอบหมายให้กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้เป็นผู้รับผิดชอบหลัก"
            " ร่วมกับสำนักงานจังหวัดยะลา (ขส. 002/2563)"
        ),
        ("กปพ.", ("ศอ.บต. ส่วนหน้า", "กรมบัญชีกลาง", "สำนักงานสาธารณสุขจังหวัดนราธิวาส")): (
            " โดยมอบหมายให้ กปพ. เป็นผู้รับผิดชอบหลัก"
            " ร่วมกับ ศอ.บต. ส่วนหน้า กรมบัญชีกลาง และสำนักงานสาธารณสุขจังหวัดนราธิวาส (ขส. 002/2563)"
        ),
        ("  ผู้อำนวยการ  กปพ. ", ()): " โดยมอบหมายให้ผู้อำนวยการ กปพ. เป็นผู้รับผิดชอบหลัก (ขส. 002/2563)",
    }
    for (lead, supporting), tail in cases.items():
        sentence = directive_sentence(line("ติดตามผลการดำเนินงาน", responsible=lead, supporting=supporting))
        assert sentence == "ติดตามผลการดำเนินงาน" + tail, (lead, supporting)
        assert "ให้ ผู้" not in sentence and "  " not in sentence and "กับ ผู้" not in sentence
