"""The pages of the main window's stack, one module each."""
