"""Analysis package (built in later issues)."""
