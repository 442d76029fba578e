"""What a question asks to be done, as a noun phrase ("Commissioning and funding of treatment").

A consultation often asks what should happen to a thing in the passive voice: "How should
treatment ... be commissioned and funded?" Its only noun phrases then name the thing and
whom it is for ("Treatment for people", "Criminal justice system"), never the subject the
answer is about, which the verbs say (a fourth held-out response's answer on it kept
"Reporting requirements", a side remark). An officer names such an answer by the verbs as
nouns, of the thing: "Commissioning and funding of treatment".

The noun of each verb comes from ``action_nouns``: a table of verbs whose noun English
makes otherwise ("expand": "Expansion of Housing First"), else its -ing form where the
pipeline's own WordNet noun list has it ("funding", "commissioning", "sharing"). A question
may also ask someone to act ("How should police ... respond to people sleeping rough?"):
the act is the subject, and people doing something are named by what they do ("Response to
rough sleeping"). Nothing is downloaded.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from analysis.core.word_list import word_list

from .action_nouns import action_noun, gerund
from .phrases import GENERIC_HEADS, SENT_PEOPLE, SPEAKER_WORDS
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
    while start >= 0 and (_pos(tokens[start], lexicon) in SUBJECT_POS
                          or _hyphened(tokens, start)):
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
        if token.pos_ == "CCONJ":
            # One of two things ("police and local authorities") or half of a subject two
            # words share ("drug and alcohol services"): either names it wrongly.
            return None
        if token.pos_ == "ADP":
            break
        if token.pos_ != "DET":
            words.append(token)
    head = words[-3] if _infinitive(words, len(words) - 1) else words[-1] if words else None
    if head is None or _pos(head, lexicon) not in ("NOUN", "PROPN"):
        return None
    if head.lower_ in (GENERIC_HEADS - PROVIDED) | SPEAKER_WORDS:
        return None
    # A name keeps its capitals ("Housing First"); other words are shown in their case.
    shown = "".join((t.text if t.pos_ == "PROPN" else str(display(t.lower_))) + t.whitespace_
                    for t in words)
    return shown.strip()


def _hyphened(tokens: Sequence[Any], at: int) -> bool:
    """Whether token ``at`` is a hyphen or a word joined by one to the word before, inside
    a compound ("problem-solving courts", which the tagger reads as a verb between nouns)."""
    return tokens[at].tag_ == "HYPH" or (at > 0 and tokens[at - 1].tag_ == "HYPH"
                                         and not tokens[at - 1].whitespace_)


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
        found = [action_noun(v.lemma_.lower(), lexicon.nouns) for v in verbs]
        named = [pair for pair in found if pair is not None]
        thing = _thing(_subject(tokens, be, lexicon), lexicon, display)
        if thing is None or len(named) < len(found):
            continue  # half an action named would mislead
        last = tokens[be + 2].lower_ if len(verbs) > 1 else "and"
        nouns = word_list([n for n, _ in named], last)
        out.append(f"{nouns[:1].upper()}{nouns[1:]} {named[-1][1]} {thing}")
    out.extend(_active_actions(tokens, lexicon, display))
    return out


def _active_actions(tokens: Sequence[Any], lexicon: Lexicon,
                    display: Callable[[str], str]) -> list[str]:
    """What a question asks someone to do, in the active voice, as a noun phrase: "How
    should police and local authorities respond to people sleeping rough?" is "Response to
    rough sleeping"; who is to act (the police) is not the subject, the act is.

    A verb counts when a modal and the doers stand before it (a wh-word or nothing before
    the modal) and the verb has a noun (``action_nouns``); a preposition the verb takes is
    kept ("respond to": "response to"), else the noun's own ("Support for women").
    """
    out = []
    for v, verb in enumerate(tokens):
        if verb.pos_ != "VERB" or not verb.tag_.startswith("VB") or verb.tag_ in ("VBN", "VBG"):
            continue
        if not _doers_before(tokens, v, lexicon):
            continue
        pair = action_noun(verb.lemma_.lower(), lexicon.nouns)
        if pair is None:
            continue
        noun, prep = pair
        start = v + 1
        if start < len(tokens) and tokens[start].pos_ == "ADP":
            prep, start = tokens[start].lower_, start + 1
        thing = _activity(tokens[start:]) or _thing(_object(tokens[start:], lexicon), lexicon,
                                                    display)
        if thing is not None:
            out.append(f"{noun[:1].upper()}{noun[1:]} {prep} {thing}")
    return out


def _doers_before(tokens: Sequence[Any], verb: int, lexicon: Lexicon) -> bool:
    """Whether a modal and a plain noun phrase (who is to act) stand before ``verb``, the
    modal opening the question or after a wh-word ("How should police ... respond")."""
    k = verb - 1
    while k >= 0 and (tokens[k].pos_ == "ADV" or tokens[k].lower_ in ("better", ",")):
        k -= 1  # "better support", "the police, and liaison services, better identify"
    doers = k
    while k >= 0 and (_pos(tokens[k], lexicon) in SUBJECT_POS or tokens[k].lower_ == ","
                      or tokens[k].tag_ == "PRP"):  # "How can we prevent ..."
        k -= 1
    if k < 0 or k == doers or tokens[k].tag_ != "MD":
        return False
    return k == 0 or tokens[k - 1].tag_.startswith("W")


def _object(tokens: Sequence[Any], lexicon: Lexicon) -> list[Any]:
    """The noun phrase a verb's object opens with: its words up to the first that cannot
    stand in one (a verb, "to", a comma)."""
    words = []
    for token in tokens:
        if _pos(token, lexicon) not in SUBJECT_POS or token.pos_ == "PART":
            break
        words.append(token)
    return words


def _activity(tokens: Sequence[Any]) -> str | None:
    """What people are doing, where an object is people and their doing it ("people sleeping
    rough" is "rough sleeping", "people begging in the street" is "begging"): the act is the
    subject. None when the participle has an object of its own ("people leaving prison")."""
    words = [t for t in tokens if t.pos_ != "DET"]
    if len(words) < len(("people", "sleeping")) or words[1].tag_ != "VBG":
        return None
    if words[0].lower_ not in SENT_PEOPLE | {"those", "anyone"}:
        return None
    how = []
    for token in words[2:]:
        if token.pos_ not in ("ADV", "ADJ"):
            if not (token.is_punct or token.pos_ in ("ADP", "SCONJ")):
                return None  # "people leaving prison": whom they leave, not an act alone
            break
        how.append(token.lower_)
    return " ".join([*how, words[1].lower_])
