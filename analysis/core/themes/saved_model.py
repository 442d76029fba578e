"""The fitted BERTopic model kept with a run, named as the run's final themes.

New segments join a run's themes through this model's ``transform`` (``theme_join``), so
its topics must say what the themes say: labels given after fitting (``code_fit``,
``distinct_labels``, a run renamed in its question's words by ``question_names``) and the
codes the themes kept. A topic still carrying a code its theme lost (BERTopic names a
zero-shot topic after its code's text) would name the renamed theme by the lost code.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .schema import Codebook, FoundTheme

if TYPE_CHECKING:
    from bertopic import BERTopic

__all__ = ["keep_topic_model", "name_topics"]


def name_topics(model: BERTopic, themes: Sequence[FoundTheme], codebook: Codebook) -> None:
    """Give the model's topics the final themes' labels and codes (topic id = theme id).

    Args:
        model: the run's fitted ``BERTopic``, its topics the themes.
        themes: the run's themes as described (``describe_themes``).
        codebook: the codes the run was guided by.
    """
    if model.zeroshot_topic_list:
        # Zero-shot texts follow the codebook's order; a theme that lost its code has none.
        place = {name: i for i, name in enumerate(codebook.names())}
        model._topic_id_to_zeroshot_topic_idx = {
            t.id: place[t.code] for t in themes if t.code is not None and t.code in place}
    else:
        model._topic_id_to_zeroshot_topic_idx = {}
    model.set_topic_labels({t.id: t.label for t in themes})


def keep_topic_model(model: BERTopic, folder: Path | str, themes: Sequence[FoundTheme],
                     codebook: Codebook) -> None:
    """Name the model's topics as the themes (``name_topics``) and save it (safetensors).

    Args:
        model: the run's fitted ``BERTopic``.
        folder: where to save it (made by the save).
        themes: the run's themes as described.
        codebook: the codes the run was guided by.
    """
    name_topics(model, themes, codebook)
    model.save(str(folder), serialization="safetensors", save_ctfidf=True,
               save_embedding_model=False)
