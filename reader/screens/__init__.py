"""Screens of the reader, one module each."""
