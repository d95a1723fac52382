"""Pure business rules: statuses, deadlines, numbering, validation. Standard library only."""
