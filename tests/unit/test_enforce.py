"""domain.validation.enforce: one form's rules run, every problem they found raised at once."""

import pytest

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.validation import Checker, enforce


def _rules(check: Checker, data: tuple[str, str]) -> None:
    name, code = data
    check.required("name", name, "ชื่อ", "Name")
    check.max_length("code", code, 3, "รหัส")


def test_enforce_passes_good_input() -> None:
    enforce(_rules, ("ก", "ข"))


def test_enforce_raises_every_problem_found() -> None:
    with pytest.raises(ValidationError) as caught:
        enforce(_rules, ("", "ยาวเกิน"))
    assert [p.field for p in caught.value.problems] == ["name", "code"]
