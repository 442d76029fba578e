"""What the unstemmed word index (prefix search) costs: size, write time and query time.

Builds N answers (``bench/corpus.py``) into a SQLite segments-like table, once with the
stemmed FTS5 index alone and once with the unstemmed one beside it, and prints the file size,
the time to insert every answer (the triggers index each one) and a prefix query's time.
Usage: ``python -m bench.prefix_index_cost [N]`` (default 50,000).
"""
from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time

from bench.corpus import build_corpus

STEMMED = ("CREATE VIRTUAL TABLE s_fts USING fts5(text, content='seg', content_rowid='id', "
           "tokenize='porter unicode61 remove_diacritics 2')",
           "CREATE TRIGGER s_ins AFTER INSERT ON seg BEGIN "
           "INSERT INTO s_fts(rowid, text) VALUES (new.id, new.text); END")
WORDS = ("CREATE VIRTUAL TABLE w_fts USING fts5(text, content='seg', content_rowid='id', "
         "tokenize='unicode61 remove_diacritics 2')",
         "CREATE TRIGGER w_ins AFTER INSERT ON seg BEGIN "
         "INSERT INTO w_fts(rowid, text) VALUES (new.id, new.text); END")


def measure(texts: list[str], with_words: bool) -> tuple[float, float, float]:
    """Args: the answers; whether to add the unstemmed index.

    Returns:
        (file size in MB, seconds to insert all, milliseconds per prefix query).
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "b.db")
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE seg (id INTEGER PRIMARY KEY, text TEXT)")
        for statement in STEMMED + (WORDS if with_words else ()):
            con.execute(statement)
        start = time.perf_counter()
        con.executemany("INSERT INTO seg(text) VALUES (?)", [(t,) for t in texts])
        con.commit()
        insert = time.perf_counter() - start
        table = "w_fts" if with_words else "s_fts"
        start = time.perf_counter()
        for _ in range(20):
            con.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH '\"hous\" *'").fetchall()
        query = (time.perf_counter() - start) / 20 * 1000
        con.close()
        return os.path.getsize(path) / 1e6, insert, query


def main() -> None:
    """Print the figures for the stemmed index alone and with the word index."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    texts = [text for text, _ in build_corpus(size)]
    for label, with_words in (("stemmed only", False), ("stemmed + words", True)):
        mb, insert, query = measure(texts, with_words)
        print(f"{label:16} {size} answers: {mb:6.1f} MB, insert {insert:5.2f} s, "
              f"prefix query {query:5.1f} ms")


if __name__ == "__main__":
    main()
