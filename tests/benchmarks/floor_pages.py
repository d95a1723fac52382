"""The floor under a document command (issue #16): plain_pages.py run after importing only what
every document command needs before it can lay out a page — SQLAlchemy's Core (the database layer
of the design), ReportLab's platypus (the layout), HarfBuzz (Thai shaping) and the segmenter with
its word list loaded — and nothing of ours beyond the segmenter. Timed against plain_pages.py
alone, it says how far from the plain script the libraries alone already are:

    python tests/benchmarks/floor_pages.py LINES.json OUT.pdf
"""

from __future__ import annotations

import sys

import reportlab.platypus  # noqa: F401 - imported for its cost: the documents' layout
import sqlalchemy  # noqa: F401 - imported for its cost: the Core every command reads with
import uharfbuzz  # noqa: F401 - imported for its cost: the shaping of Thai runs
from plain_pages import main  # this script's folder is first on sys.path

from sbpac_desktop.thai.segment import warm

if __name__ == "__main__":
    warm()  # nlpo3 with its cached word list, as a command line process segments
    sys.exit(main(sys.argv[1], sys.argv[2]))
