"""Shared helpers for the PDF engine tests: build into tmp_path, read pages back with pdfplumber."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4

from sbpac_desktop.reporting.engine import OFFICIAL_MARGINS, build_pdf

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_EDGE = OFFICIAL_MARGINS.left
RIGHT_EDGE = PAGE_WIDTH - OFFICIAL_MARGINS.right
PAGE_NUMBER = re.compile(r"^- [0-9๐-๙]+ -$")


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Path]:
    """build(story, name="doc.pdf", **options) -> path of a PDF written by build_pdf."""

    def _build(story, name: str = "doc.pdf", **options) -> Path:
        options.setdefault("title", "เอกสารทดสอบ")
        options.setdefault("author", "ฝ่ายเลขานุการ ศอ.บต.")
        return build_pdf(tmp_path / name, story, **options)

    return _build


def text_lines(page: pdfplumber.page.Page) -> list[str]:
    """The page's text lines, top to bottom, from pdfplumber's characters in stream order.

    Characters are grouped by their top coordinate: marks are never raised or lowered
    in the text layer, so every character of a line shares it exactly.
    """
    lines: dict[float, list[str]] = {}
    for char in page.chars:
        lines.setdefault(round(char["top"], 1), []).append(char["text"])
    texts = ["".join(chars) for _top, chars in sorted(lines.items())]
    return [text for text in texts if not PAGE_NUMBER.match(text.strip())]


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks replace spaces or fall between Thai words."""
    return re.sub(r"\s+", "", text)
