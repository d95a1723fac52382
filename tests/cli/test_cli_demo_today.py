"""`sbpac-desktop demo` loads the story moved to today: its statuses are those of docs/CONVENTIONS.md §7
today, not 'ล่าช้า ๒๔๔๐ วัน'."""

from __future__ import annotations

import json
from collections import Counter

from tests.cli.test_cli import run


def test_demo_loaded_today_has_the_story_statuses_today(tmp_path):
    path = str(tmp_path / "today.db")
    assert run("--db", path, "init").returncode == 0
    assert run("--db", path, "demo").returncode == 0
    rows = json.loads(run("--db", path, "directives", "--json").stdout)  # statuses as of today
    main = [r for r in rows if (r["meeting"] or "").startswith("10/")]
    assert Counter(r["status"] for r in main) == {"done": 3, "in_progress": 2, "overdue": 2, "not_started": 1}
    no_report, late_indicators = sorted(r["days_late"] for r in main if r["status"] == "overdue")
    assert 15 <= no_report < 15 + 7 and 46 <= late_indicators < 46 + 7  # moved by whole weeks
    assert all("2563" not in r["number_text"] for r in rows)


def test_demo_with_an_impossible_day_is_refused_in_thai(tmp_path):
    path = str(tmp_path / "bad.db")
    result = run("--db", path, "demo", "--as-of", "31/02/2563")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "วันที่" in result.stderr
