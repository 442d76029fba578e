"""The thin layer between the analysis core and the database: load, run, save."""
