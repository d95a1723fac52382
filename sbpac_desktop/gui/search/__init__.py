"""The toolbar search: a results window over meetings, agenda items, directives and progress reports."""
