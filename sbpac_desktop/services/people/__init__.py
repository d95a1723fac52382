"""The organisation: units, posts, people and terms in office, its spreadsheet import and template, the
issuing office's details."""
