"""The meeting window and its tabs: agenda builder, attendance, minutes."""
