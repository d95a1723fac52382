"""Use cases: one unit of work per user action; frozen DTOs in and out, never ORM objects."""
