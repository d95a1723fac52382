"""`sbpac-desktop search TEXT [--json]` as a clerk or a script runs it (a real process)."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import STORY_DAY, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", STORY_DAY).returncode == 0
    return path


def test_search_prints_thai_results_with_the_match_marked(demo_db):
    result = run("--db", str(demo_db), "search", "ศอ.บต.")
    assert result.returncode == 0, result.stderr
    assert "«ศอ.บต.»" in result.stdout and "[ข้อสั่งการ ขส. " in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith(("พบ ", "แสดง "))


def test_search_json(demo_db):
    result = run("--db", str(demo_db), "search", "เลขาธิการ", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits and {"kind", "kind_th", "id", "title", "snippet", "number_text", "rank"} <= set(hits[0])
    assert all("«เลขาธิการ»" in hit["snippet"] for hit in hits)


@pytest.mark.parametrize("text", ["ไป", '"*OR', "%_"])
def test_short_and_odd_queries_never_fail(demo_db, text):
    result = run("--db", str(demo_db), "search", text, "--json")
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_no_hits_and_thai_digits(demo_db):
    assert "ไม่พบข้อมูลที่ตรงกับ" in run("--db", str(demo_db), "search", "ไม่มีคำนี้แน่นอน").stdout
    result = run("--db", str(demo_db), "search", "ศอ.บต.", "--limit", "2", "--thai-digits")
    assert result.returncode == 0 and "แสดง ๒ รายการที่ตรงที่สุด" in result.stdout and "ยังมีอีก" in result.stdout


def test_count_line_says_whether_more_matches_were_left_out(demo_db):
    every = json.loads(run("--db", str(demo_db), "search", "เลขาธิการ", "--json", "--limit", "500").stdout)
    assert 2 < len(every) < 500
    exact = run("--db", str(demo_db), "search", "เลขาธิการ", "--limit", str(len(every))).stdout
    assert exact.strip().splitlines()[-1] == f"พบ {len(every)} รายการ"
    fewer = run("--db", str(demo_db), "search", "เลขาธิการ", "--limit", str(len(every) - 1)).stdout
    assert fewer.strip().splitlines()[-1].startswith(f"แสดง {len(every) - 1} รายการ") and "ยังมีอีก" in fewer


def test_bad_limit_is_a_thai_usage_error(demo_db):
    result = run("--db", str(demo_db), "search", "ศอ.บต.", "--limit", "0")
    assert result.returncode == 2 and "จำนวนผลลัพธ์" in result.stderr
