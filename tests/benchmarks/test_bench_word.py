"""Word documents and letters (issue 13): the 20-item minutes and the ~200-page follow-up report
written as .docx (compared with the same document as PDF), and the Word and letter commands end
to end, from the process start to the file written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop.reporting import minutes as minutes_pdf
from sbpac_desktop.reporting.word import followup, minutes
from tests.benchmarks.results import bench_median, median_of, record
from tests.benchmarks.test_bench_documents import _followup_doc, _minutes_doc


def test_minutes_20_items_word(benchmark, tmp_path):
    doc = _minutes_doc(20)
    benchmark.pedantic(lambda: minutes.render(doc, tmp_path / "m.docx"), rounds=5, iterations=1)
    pdf = median_of(lambda: minutes_pdf.render(doc, tmp_path / "m.pdf"), 3)
    record("minutes Word (.docx), 20 items", "-", bench_median(benchmark), target=0.5, baseline=pdf,
           note="baseline: the same minutes as PDF")  # fmt: skip


def test_followup_report_1250_rows_word(benchmark, tmp_path):
    doc = _followup_doc(1250)  # ~200 pages as PDF
    benchmark.pedantic(lambda: followup.render(doc, tmp_path / "f.docx"), rounds=2, iterations=1)
    record("follow-up report Word (.docx), 1,250 directives", "-", bench_median(benchmark), target=3.0)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bench-letters") / "demo.db"
    for command in (["init"], ["demo", "--as-of", "15/02/2563"]):
        subprocess.run([sys.executable, "-m", "sbpac_desktop", "--db", str(path), *command], check=True)
    return path


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("minutes -o x.docx", ["minutes", "10/2562", "-o", "{out}/m.docx"]),
        ("dossier -o x.docx", ["dossier", "10/2562", "-o", "{out}/d.docx"]),
        ("letters invitation --per-post -o x.pdf",
         ["letters", "invitation", "10/2562", "--per-post", "-o", "{out}/i.pdf"]),
        ("letters memo -o x.docx", ["letters", "memo", "10/2562", "-o", "{out}/memo.docx"]),
    ],
)
def test_word_and_letter_commands_end_to_end(benchmark, demo_db, tmp_path, name, args):
    filled = [a.replace("{out}", str(tmp_path)) for a in args]
    command = [sys.executable, "-m", "sbpac_desktop", "--db", str(demo_db), *filled]

    def run() -> None:
        subprocess.run(command, check=True, capture_output=True)

    benchmark.pedantic(run, rounds=3, iterations=1)
    record(f"CLI {name} (process start to file written)", "SQLite", bench_median(benchmark), target=1.5)  # issue 16
    assert any(tmp_path.iterdir())
