import pytest

from sbpac_desktop.domain.escalation import DEFAULT_THRESHOLDS, Tier, escalate, tier_for


@pytest.mark.parametrize(
    ("days", "tier"),
    [(None, Tier.NONE), (-3, Tier.NONE), (0, Tier.NONE), (1, Tier.LATE), (6, Tier.LATE), (7, Tier.EXPEDITE),
     (14, Tier.EXPEDITE), (15, Tier.REPORT_UP), (46, Tier.REPORT_UP)],
)  # fmt: skip
def test_default_tiers(days, tier):
    assert DEFAULT_THRESHOLDS == (1, 7, 15)
    assert tier_for(days) is tier


def test_custom_thresholds():
    assert tier_for(3, (3, 10, 30)) is Tier.LATE
    assert tier_for(2, (3, 10, 30)) is Tier.NONE
    assert tier_for(29, (3, 10, 30)) is Tier.EXPEDITE
    assert tier_for(30, (3, 10, 30)) is Tier.REPORT_UP


@pytest.mark.parametrize("bad", [(0, 7, 15), (7, 7, 15), (1, 15, 7), (1, 7)])
def test_bad_thresholds_refused(bad):
    with pytest.raises(ValueError):
        tier_for(5, bad)


def test_labels_are_thai_and_name_the_threshold():
    assert escalate(3).label == "ล่าช้า 3 วัน — ติดตามตามรอบปกติ"
    assert escalate(8).label == "ล่าช้าตั้งแต่ 7 วัน — เร่งรัดการดำเนินการ"
    assert escalate(46).label == "ล่าช้าตั้งแต่ 15 วัน — รายงานผู้บังคับบัญชา"
    assert escalate(20, (3, 10, 30)).label == "ล่าช้าตั้งแต่ 10 วัน — เร่งรัดการดำเนินการ"
    assert escalate(0).label == "ไม่ล่าช้า" and escalate(0).days_late == 0
    assert Tier.REPORT_UP.label.endswith("รายงานผู้บังคับบัญชา")
