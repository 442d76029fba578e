"""Fakes for the heavy models, shared by the theme core tests and the web tests."""
from __future__ import annotations

import re
import zlib

import numpy as np

# Words standing for a few meanings: the fake "understands" these and nothing else.
CONCEPTS = {
    "housing": "housing house flat hostel homeless homelessness accommodation council landlord "
               "rent tenancy roof doorway sofa evicted deposit abode nowhere live front door",
    "breach": "breach breached probation appointment order licence conditions recalled recall "
              "curfew tag unpaid requirements reporting community sentence",
    "mental": "mental health anxiety depression crisis counselling sectioned psychiatrist panic "
              "suicidal therapist trauma ward harmed liaison diversion",
    "drugs": "drugs drug heroin methadone script rehab detox drink drinking alcohol clean "
             "relapsed relapse spice using cannabis crack naloxone dealer recovery",
    "police": "police officer officers custody arrested arresting searched search coppers "
              "victim crime sergeant solicitor trust",
    "offline": "online phone smartphone internet wifi email app data computer forms",
    "travel": "bus buses fare travel walk train ticket tickets pass",
}
WORD_CONCEPT = {w: i for i, words in enumerate(CONCEPTS.values()) for w in words.split()}
HASH_DIMS = 48


class FakeEmbedder:
    """Concept counts plus hashed words; counts every text it is asked to embed."""

    name = "fake-concepts"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def encode(self, texts):
        self.calls.extend(texts)
        out = np.zeros((len(texts), len(CONCEPTS) + HASH_DIMS), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                if word in WORD_CONCEPT:
                    out[row, WORD_CONCEPT[word]] += 1.0
                elif len(word) > 3:
                    out[row, len(CONCEPTS) + zlib.crc32(word.encode()) % HASH_DIMS] += 0.3
        return out
