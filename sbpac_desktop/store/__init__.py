"""Persistence: SQLAlchemy models, engine setup, migrations. Only services/ may use it."""
