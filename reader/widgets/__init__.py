"""Widgets of the reader, one module each."""
