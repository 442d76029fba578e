"""``run_analysis``: segments in, themes out, every stage swappable.

Stages: sort -> embed (cached) -> words -> map questions -> BERTopic (``engine``: codes as
zero-shot topics, our clusterer, outliers reduced, theme-set ``rules`` and ``label_rules``,
broader themes from its ``hierarchy``) -> describe (labels, quotes, counts). Questions come
first: a response that follows them is cut where its answers change (``runs``).
Heavy models load lazily inside functions, so importing this module is cheap.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .cluster import ClusterSettings
from .describe import (
    breakdown_groups,
    co_occurrence,
    dominance,
    member_groups,
    pick_representatives,
)
from .embed import embed_segments
from .guide import embed_free_texts
from .label_rules import distinct_labels, draft_labels
from .question_names import name_runs_by_questions
from .questions import answer_guide, map_questions
from .rules import min_theme_size
from .said_forms import as_said, said_forms
from .schema import (
    AnalysisResult,
    AnalysisSettings,
    Codebook,
    FoundTheme,
    Guides,
    QuestionInput,
    SegmentInput,
    ThemeDraft,
    ThemeOptions,
    sort_segments,
)
from .stability import run_stability
from .text_models import TextModels
from .words import SegmentWords, WordAnalyser, analyse_words

if TYPE_CHECKING:
    from .engine import TopicFit

__all__ = ["Progress", "describe_themes", "run_analysis", "sort_segments"]

Progress = Callable[[str, int], None]


MIN_FIT_ROWS = 3  # with fewer well-connected segments, fit the topic model on them all


def describe_themes(drafts: Sequence[ThemeDraft], segments: Sequence[SegmentInput],
                    vectors: np.ndarray, words: Sequence[SegmentWords],
                    analyser: WordAnalyser, quotes: int = 5) -> list[FoundTheme]:
    """Turn row groups into ``FoundTheme`` records (keywords, label, quotes, counts, groups).

    Args:
        drafts: the themes; rows index into ``segments``.
        segments: all segments of the run (totals are counted over these).
        vectors: row-aligned unit vectors.
        words: row-aligned ``SegmentWords``.
        analyser: shows terms in display case.
        quotes: representative quotes wanted per theme.

    Returns:
        Themes in the order of ``drafts``.
    """
    keywords, _, labels = draft_labels(drafts, words, analyser, [s.text for s in segments])
    groups = member_groups(segments)
    member_total = len({s.member_id for s in segments if s.member_id is not None})
    source_total = len({s.source_key for s in segments})
    overlaps = co_occurrence({d.id: d.rows for d in drafts}, segments)
    themes = []
    for draft, words_of, found in zip(drafts, keywords, labels, strict=True):
        # Found by lemmas, shown as said ("Women offenders"); a code's name as written.
        label = found if draft.code is not None else as_said(found, said_forms(draft.rows, words))
        members = {m for r in draft.rows if (m := segments[r].member_id) is not None}
        flag, share = dominance(draft.rows, segments)
        themes.append(FoundTheme(
            id=draft.id, label=label, code=draft.code, is_new=draft.is_new,
            keywords=[analyser.display(t) for t, _ in words_of],
            segment_ids=sorted(segments[r].id for r in draft.rows),
            also_ids=sorted(segments[r].id for r in draft.also_rows),
            representative_ids=pick_representatives(draft.rows, vectors, segments, quotes),
            segment_count=len(draft.rows), member_count=len(members), member_total=member_total,
            source_count=len({segments[r].source_key for r in draft.rows}),
            source_total=source_total, breakdown=breakdown_groups(members, groups),
            co_occurrence=overlaps[draft.id], dominated_by_one_member=flag,
            top_member_share=share, broader=draft.broader,
            label_suggested=draft.suggested is not None and found == draft.suggested))
    return themes


def _no_progress(stage: str, percent: int) -> None:
    return None


def _fit_rows(ordered: list[SegmentInput], vectors: np.ndarray, grouping: np.ndarray,
              isolation_threshold: float) -> np.ndarray:
    """Rows the topic model is fitted on: all but isolated remarks.

    Isolated remarks ("Yeah.", "Can we have a break?") would only blur the clusters: they sit
    out of fitting, and join a theme later only if close enough to it. Said in conversation,
    a remark is judged by itself; a document's passage (never small talk) by where it sits.
    """
    from .rules import neighbour_similarity

    documents = np.array([s.kind == "document" for s in ordered])
    closeness = np.where(documents, neighbour_similarity(grouping), neighbour_similarity(vectors))
    fit_rows = np.flatnonzero(closeness >= isolation_threshold)
    if len(fit_rows) < MIN_FIT_ROWS:
        fit_rows = np.arange(len(ordered))
    return fit_rows


def _fit_drafts(ordered: list[SegmentInput], vectors: np.ndarray,
                segment_words: list[SegmentWords], *, guides: Guides, models: TextModels,
                options: ThemeOptions) -> tuple[list[ThemeDraft], TopicFit]:
    """Fit BERTopic, apply the theme-set rules, and return drafts and the method used."""
    from .cluster import for_rows
    from .engine import (
        clustering_view,
        fit_topics,
        make_backend,
        representation_chain,
    )
    from .guide import embed_codebook
    from .keywords import readable_keywords
    from .rules import (
        Settled,
        codes_that_fit,
        join_code_twins,
        refresh_model,
        settle_topics,
    )
    from .runs import DocumentRunsClusterer
    from .words import spacy_pipeline

    embedder, cache, words = models.embedder, models.cache, models.words
    codebook, answers = guides.codebook, guides.answers
    texts = [s.text for s in ordered]
    known = {t.strip(): w for t, w in zip(texts, segment_words, strict=False)}
    grouping, clusterer = clustering_view(ordered, vectors, answers, guides.probabilities)
    fit_rows = _fit_rows(ordered, vectors, grouping, options.isolation_threshold)
    # A document's runs were cut apart where its subject changes: nothing merges them again,
    # and it takes no zero-shot codes (codes taking passages first pull them out of the runs
    # they sit in), so codes only name the runs that fit them (``codes_that_fit``).
    runs = isinstance(clusterer, DocumentRunsClusterer)
    # One zero-shot text per code: its name, description and example phrases.
    codes = [] if runs else [
        f"{c.name}: {c.description} {'; '.join(c.examples)}".strip(": ")
        for c in codebook.codes]
    fit = fit_topics([texts[r] for r in fit_rows], grouping[fit_rows], codes,
                     make_backend(embedder, cache),
                     lambda text: known.get(text) or words.analyse([text])[0], options=options,
                     clusterer=for_rows(clusterer, fit_rows))
    texts = fit.texts_for(texts)
    topics = np.full(len(ordered), -1, dtype=int)
    topics[fit_rows] = fit.topics
    settled = settle_topics(fit.model, texts, Settled(topics, fit.code_of_topic, []), grouping,
                            options=options, own=vectors, keep_apart=runs)
    code_vectors = embed_codebook(codebook, embedder, cache)
    code_sims = code_vectors.similarity(vectors)
    settled.code_of_topic = codes_that_fit(settled.topics, settled.code_of_topic, code_sims,
                                           options.code_fit)
    if not runs:
        settled = join_code_twins(settled, code_sims, options.code_fit, grouping,
                                  options.reassign_threshold)
    nlp = spacy_pipeline(words)
    refresh_model(fit.model, texts, settled.topics, grouping, representation_chain(nlp))
    from bertopic.cluster import BaseCluster

    # New segments join the final themes by similarity to their centres (as after loading).
    fit.model.hdbscan_model = BaseCluster()
    names = codebook.names()
    drafts: list[ThemeDraft] = []
    for topic in range(int(settled.topics.max()) + 1):
        code = settled.code_of_topic.get(topic)
        name = names[code] if code is not None else None
        keywords = readable_keywords(fit.model.get_topic(topic) or [])
        drafts.append(ThemeDraft(topic, np.flatnonzero(settled.topics == topic).tolist(), name,
                                 code is None, label=name, keywords=keywords,
                                 also_rows=[r for r, extra in enumerate(settled.also)
                                            if topic in extra]))
    # Code names (and hints) only where the segments say the code's words (``code_fit``).
    from .code_fit import name_from_codes

    name_from_codes(drafts, [s.text for s in ordered], segment_words, vectors, code_vectors,
                    words, taken=set(settled.code_of_topic.values()))
    drafts, merged = distinct_labels(drafts, segment_words, words, embedder, cache,
                                     [s.text for s in ordered], merge_allowed=not runs)
    if runs:
        # Each document's first passage (rows follow ids, so its first row): its opening run.
        firsts = {s.source_key: r for r, s in reversed(list(enumerate(ordered)))}
        name_runs_by_questions(drafts, guides, [s.text for s in ordered], models,
                               set(firsts.values()))
    if merged:
        # The saved model's topics stay the run's themes, so ``transform`` agrees with them.
        topics = np.full(len(ordered), -1, dtype=int)
        for draft in drafts:
            topics[draft.rows] = draft.id
        refresh_model(fit.model, texts, topics, grouping, representation_chain(nlp))
        for draft in drafts:
            draft.keywords = readable_keywords(fit.model.get_topic(draft.id) or [])
    from .hierarchy import broader_themes

    parents = broader_themes(fit.model, texts, [d.rows for d in drafts], segment_words,
                             words.display, [d.label or "" for d in drafts])
    for draft in drafts:
        draft.broader = parents.get(draft.id)
    return drafts, fit


def run_analysis(segments: Sequence[SegmentInput], *, models: TextModels,
                 questions: Sequence[QuestionInput] = (), codebook: Codebook | None = None,
                 options: ThemeOptions | None = None, progress: Progress | None = None,
                 model_dir: Path | str | None = None) -> AnalysisResult:
    """Find themes in segments with BERTopic, guided by a codebook; map segments to questions.

    Args:
        segments: the consultation's usable segments (any order; ids unique).
        models: the embedder, its cache (unchanged text is never embedded again) and the
            word analyser.
        questions: the consultation's questions (none: no question links).
        codebook: codes tried as zero-shot themes, or None/empty to discover themes freely.
        options: thresholds and the seed; defaults suit all-MiniLM-L6-v2.
        progress: callback(stage, percent) for the jobs page.
        model_dir: a folder to save the fitted BERTopic model in (safetensors), or None.

    Returns:
        An ``AnalysisResult``: themes largest first (ids 0..), the ids not grouped,
        assignments for every segment, question links and the settings used.
    """
    progress = progress or _no_progress
    options = options or ThemeOptions()
    codebook = codebook or Codebook()
    embedder, cache, words = models.embedder, models.cache, models.words
    ordered = sort_segments(segments)

    progress("Embedding new segments", 5)
    vectors = embed_segments(ordered, embedder, cache)
    progress("Finding words and phrases", 35)
    segment_words = analyse_words([s.text for s in ordered], words)
    progress("Matching to questions", 45)
    links, probabilities = map_questions(ordered, vectors, questions,
                                         lambda texts: embed_free_texts(texts, embedder, cache),
                                         options.question_min_similarity)
    # A response that follows the questions is cut where its answers change (``runs``).
    answers = answer_guide(ordered, links, questions)
    progress("Grouping into themes", 55)
    drafts: list[ThemeDraft] = []
    fit: TopicFit | None = None
    if ordered:
        drafts, fit = _fit_drafts(ordered, vectors, segment_words,
                                  guides=Guides(codebook, answers, [q.text for q in questions],
                                                probabilities),
                                  models=models, options=options)
    progress("Describing themes", 75)
    # Three times the quotes shown: the store passes over any a member may not be quoted in.
    themes = describe_themes(drafts, ordered, vectors, segment_words, words, options.quotes * 3)
    if fit is not None and model_dir is not None:
        from .saved_model import keep_topic_model

        # Saved once the themes have their final names: joins by ``transform`` take them.
        keep_topic_model(fit.model, model_dir, themes, codebook)
    progress("Checking how stable each theme is", 80)
    stability = run_stability(ordered, vectors, [d.rows for d in drafts], answers,
                              probabilities)
    for theme, found in zip(themes, stability.found if stability else [], strict=False):
        theme.found_again = found
    theme_of = {sid: t.id for t in themes for sid in t.segment_ids}
    not_grouped = [s.id for s in ordered if s.id not in theme_of]
    used = fit.settings if fit else ClusterSettings(0, 0, 0, 0)
    settings = AnalysisSettings(
        n_segments=len(ordered), method=fit.method if fit else "none",
        n_clusters=used.n_clusters, n_neighbors=used.n_neighbors,
        n_components=used.n_components, min_theme_size=min_theme_size(len(ordered)),
        code_threshold=options.code_threshold, code_margin=options.code_margin,
        merge_threshold=options.merge_threshold,
        reassign_threshold=options.reassign_threshold,
        isolation_threshold=options.isolation_threshold,
        max_not_grouped=options.max_not_grouped, seed=options.seed, embedder=embedder.name,
        words=words.name, resamples=stability.resamples if stability else 0)
    progress("Done", 100)
    return AnalysisResult(themes=themes, not_grouped=not_grouped,
                          assignments={s.id: theme_of.get(s.id) for s in ordered},
                          questions=links, settings=settings)
