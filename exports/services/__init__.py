"""Plain functions behind the draft editor and the exports (no HTTP here)."""
