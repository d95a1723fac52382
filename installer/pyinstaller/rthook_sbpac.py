"""PyInstaller runtime hook: runs in the frozen app before sbpac_desktop is imported.

- Alembic loads the migration scripts from .py files inside the install folder; never try to
  write __pycache__ there (read-only for a clerk; left-over files would block a clean removal).
- pythainlp must never create ~/pythainlp-data: everything it needs is in the bundle.
"""

import os
import sys

sys.dont_write_bytecode = True
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
