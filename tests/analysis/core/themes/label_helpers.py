"""Shared by the label tests: the label a theme of these texts and keywords gets."""
from __future__ import annotations

from analysis.core.themes.keywords import make_labels
from analysis.core.themes.label_evidence import label_evidence


def evidence_label(words, texts, keywords, hint=()):
    """The label ``make_labels`` gives one theme of ``texts``, with who-said-what evidence."""
    found = words.analyse(texts)
    rows = list(range(len(texts)))
    evidence = label_evidence(rows, found, hint, texts)
    phrases = [p for f in found for p in f.phrases]
    return make_labels([keywords], [phrases], evidence=[evidence])[0]
