"""Use cases: one unit of work per user action; frozen DTOs in and out, never ORM objects.

One package per feature — `meetings/`, `field/`, `people/`, `spreadsheets/`, `directives/`,
`admin/`, `demo/` — each saying in its `__init__` what it owns; pyproject.toml has one
import-linter contract per package naming the other features it may use (directives and admin
none). The modules at this top level are what every feature shares (the signed-in actor and the
open database, permissions, the audit entry, attachments, lookups, places, search, the status
rule's SQL, the worker-process jobs) and import no feature package.
"""
