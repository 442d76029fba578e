"""Forum Voice analysis: the text pipeline and the web around it.

``analysis.core`` is the Flask- and database-free pipeline (transcripts, redaction,
safeguarding flags, segments, document parsing, themes); ``analysis.services`` wraps it
with the database and jobs; ``analysis.views`` speaks HTTP. Imports go down only.
"""
