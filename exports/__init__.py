"""Exports package (built in later issues)."""
