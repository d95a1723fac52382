"""The plain ReportLab baseline of a document command (issue #16): a script, run as its own
process, that registers the same Sarabun TrueType files and draws the same printed lines on as
many pages of the same size with canvas.drawString — no shaping, no Thai line breaking, no
database. The lines come from a JSON file written beforehand from the app's own PDF
(test_bench_document_process.py):

    python tests/benchmarks/plain_pages.py LINES.json OUT.pdf

LINES.json: {"pagesize": [w, h], "fonts": {name: ttf path}, "pages": [[[x, y, font, size, text], ...], ...]}
"""

from __future__ import annotations

import json
import sys

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


def main(lines_path: str, out: str) -> int:
    with open(lines_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    for name, path in spec["fonts"].items():
        pdfmetrics.registerFont(TTFont(name, path))
    canvas = Canvas(out, pagesize=tuple(spec["pagesize"]))
    for page in spec["pages"]:
        for x, y, font, size, text in page:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
