"""What a question asks to be done, as a noun phrase ("Commissioning and funding of treatment").

A consultation often asks what should happen to a thing in the passive voice: "How should
treatment ... be commissioned and funded?" Its only noun phrases then name the thing and
whom it is for ("Treatment for people", "Criminal justice system"), never the subject the
answer is about, which the verbs say (a fourth held-out response's answer on it kept
"Reporting requirements", a side remark). An officer names such an answer by the verbs as
nouns, of the thing: "Commissioning and funding of treatment".

The noun of each verb is its -ing form, taken only where the pipeline's own WordNet noun
list has it ("funding", "commissioning", "sharing", "monitoring"): that form always names
the action itself, while suffix guesses make other words ("base" and "-ment" is a basement,
"depart" a department), and a verb with no listed -ing noun ("improving") reads badly as
"Improving of treatment". Nothing is downloaded: the list ships with the spaCy pipeline.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from .phrases import GENERIC_HEADS, SPEAKER_WORDS
from .vocabulary import Lexicon

__all__ = ["asked_actions", "gerund"]

# Words that may stand in a subject such as "the success of treatment for people's
# families": anything else (a verb, a wh-word, "that") is where the subject begins.
SUBJECT_POS = frozenset(["DET", "ADJ", "NOUN", "PROPN", "ADP", "PART", "NUM", "CCONJ"])
JOINERS = ("and", "or")
BEFORE_INFINITIVE = 2  # words before the verb of "duty to refer"
# Generic as a label's head alone ("Services"), but what is commissioned, funded or run:
# "Commissioning and funding of services" names a subject, "Doing of things" none.
PROVIDED = frozenset(["service", "services", "system", "systems", "programme", "programmes",
                      "project", "projects", "intervention", "interventions", "plan", "plans"])


def gerund(lemma: str, nouns: Collection[str]) -> str | None:
    """Args: a verb's lemma ("fund"); the nouns the dictionary knows. Returns: its -ing form
    when the dictionary lists it as a noun ("funding"), else None."""
    forms = [lemma + "ing", lemma + lemma[-1:] + "ing"]
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        forms.insert(0, lemma[:-1] + "ing")  # "share": "sharing"
    if lemma.endswith("ie"):
        forms.insert(0, lemma[:-2] + "ying")  # "tie": "tying"
    return next((f for f in forms if f in nouns), None)


def _pos(token: Any, lexicon: Lexicon) -> str:
    """A token's coarse tag, a noun where the tagger calls a word the dictionary knows only
    as a noun a verb: right after a modal it guesses one ("should information about ...")."""
    word = token.lower_
    if token.pos_ == "VERB" and word in lexicon.nouns and word not in lexicon.verbs:
        return "NOUN"
    return str(token.pos_)


def _infinitive(words: Sequence[Any], end: int) -> bool:
    """Whether ``words`` end (at index ``end``) on a noun and what it is to do ("duty to
    refer", "right to buy"): the verb completes the noun, which stays the thing named."""
    if end < BEFORE_INFINITIVE:
        return False
    noun, to, verb = words[end - BEFORE_INFINITIVE:end + 1]
    return bool(verb.tag_ == "VB" and to.lower_ == "to" and to.pos_ == "PART"
                and noun.pos_ == "NOUN")


def _subject(tokens: Sequence[Any], be: int, lexicon: Lexicon) -> list[Any]:
    """The words of the passive's subject before ``be`` (index), or [] when none is sure.

    Two orders are read: "How should X be funded" (the subject between the modal and "be")
    and "... that X should be funded" (before the modal, after "that" or the start).
    """
    end = be - 1
    before_modal = end >= 0 and tokens[end].tag_ == "MD"
    if before_modal:
        end -= 1
    start = end - 2 if _infinitive(tokens, end) else end  # "the duty to refer"
    while start >= 0 and _pos(tokens[start], lexicon) in SUBJECT_POS:
        start -= 1
    # The word before the subject must open it: a modal ("How should X be ..."), or for
    # "X should be" the start, "that" or a wh-word. Anything else ("people who are arrested
    # or appear in court are identified") means the subject is not a plain noun phrase.
    opener = tokens[start] if start >= 0 else None
    if before_modal:
        opens = opener is None or opener.lower_ == "that" or opener.tag_.startswith("W")
    else:
        opens = opener is not None and opener.tag_ == "MD"
    return list(tokens[start + 1:end + 1]) if opens and start < end else []


def _thing(subject: Sequence[Any], lexicon: Lexicon,
           display: Callable[[str], str]) -> str | None:
    """The subject's words before its first preposition, as said ("treatment" of "treatment
    for people in contact with ..."), without determiners; None unless they end in a noun
    that names something (not "these", "services" or "members")."""
    words: list[Any] = []
    for token in subject:
        if token.lower_ == "of":
            # "the success of community sentences": the head is a side of what follows, and
            # the question's own phrase names that ("Success of community sentences");
            # "Measuring of success" lost what it was about (a third response).
            return None
        if token.pos_ in {"ADP", "CCONJ"}:
            break
        if token.pos_ != "DET":
            words.append(token)
    head = words[-3] if _infinitive(words, len(words) - 1) else words[-1] if words else None
    if head is None or _pos(head, lexicon) not in ("NOUN", "PROPN"):
        return None
    if head.lower_ in (GENERIC_HEADS - PROVIDED) | SPEAKER_WORDS:
        return None
    text = "".join(t.lower_ + t.whitespace_ for t in words).strip()
    return " ".join(str(display(w)) for w in text.split())


def asked_actions(question: str, nlp: Any, lexicon: Lexicon,
                  display: Callable[[str], str] = str) -> list[str]:
    """Name what a question asks to be done to a thing, as a person would file the answer.

    Args:
        question: the question's text.
        nlp: a spaCy pipeline with a tagger (no parser needed).
        lexicon: the words the dictionary knows as nouns and verbs (``words.spacy_lexicon``).
        display: shows a word in its proper case ("gp" -> "GP").

    Returns:
        Labels such as "Commissioning and funding of treatment", one per passive in the
        question whose verbs all have a listed -ing noun; [] for none.
    """
    tokens = [t for t in nlp(question) if not t.is_space]
    out = []
    for be, token in enumerate(tokens[:-1]):
        if token.lemma_ != "be" or tokens[be + 1].tag_ != "VBN":
            continue
        verbs, k = [tokens[be + 1]], be + 2
        while (k + 1 < len(tokens) and tokens[k].lower_ in JOINERS
               and tokens[k + 1].tag_ == "VBN"):
            verbs.append(tokens[k + 1])
            k += 2
        # The verbs must end the clause ("strengthened so that ..."), or go on to where or
        # to whom ("shared between ..."): "be made more effective" or "be given greater
        # confidence" says how a thing should turn out, and "Making of requirements" names
        # nothing.
        if k < len(tokens) and not (tokens[k].is_punct or tokens[k].pos_ in ("ADP", "SCONJ")):
            continue
        found = [gerund(v.lemma_.lower(), lexicon.nouns) for v in verbs]
        nominal = [n for n in found if n]
        thing = _thing(_subject(tokens, be, lexicon), lexicon, display)
        if thing is None or len(nominal) < len(found):
            continue  # half an action named would mislead
        joiner = f" {tokens[be + 2].lower_} " if len(verbs) > 1 else ""
        named = ", ".join(nominal[:-1]) + joiner + nominal[-1]
        out.append(f"{named[:1].upper()}{named[1:]} of {thing}")
    return out
