"""Replaces pyinstaller-hooks-contrib's hook, which copies all 63 MB of pythainlp's corpora.

The spec adds only the corpus files the app reads (installer/pyinstaller/bundle.py,
PYTHAINLP_CORPUS_FILES); the self-test's segmenter step fails if one is missing.
"""

datas: list[tuple[str, str]] = []
