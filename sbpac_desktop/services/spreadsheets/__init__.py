"""Office spreadsheets in and out: what this package owns.

- `read` (with `calamine`, the fast reader, `xlsx_scan`, the ElementTree pass over a sheet's XML,
  and `xlsx_parts`, which finds that XML and the styles in the package) turns an .xlsx or .csv
  into a grid of values with per-cell notes, or a Thai refusal;
- `fields` names the directive columns and parses their cells; `lookups` resolves the names in
  them (posts, units, dimensions, meetings) once per file; `row_plan` checks every row and plans
  new directives and updates without touching the database; `write` inserts a planned import in
  one transaction; `update` applies the round-trip updates; `directive_import` is the service the
  window and the command line call (dry run, all or nothing);
- `export` and `export_rows` build the tracker's rows for .xlsx/.csv straight from SQL.

The organisation, network and plan importers (`services/org_import*`, `network_import`,
`plan_import`) read their files through `read` and `fields` too. Files are written by
`reporting/spreadsheets.py`; nothing here lays out a page.
"""
