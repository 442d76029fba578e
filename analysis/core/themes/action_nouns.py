"""The noun that names what a verb does ("respond": "response", "prevent": "prevention").

A question asks what should be done ("How should police respond to ...", "How can evictions
be reduced?"), and an officer files the answer under the act as a noun: "Response to rough
sleeping", "Reduction of evictions". English makes such nouns in several ways (-ion, -ment,
-al, -ance, the verb itself), and no suffix rule can tell which: "base" with "-ment" is a
basement, "depart" a department, "commit" with "-ion" a commission. So the nouns are a table
of the verbs consultations ask about, each pair standard English where the noun names the
act itself; any other verb is named by its -ing form, only where the pipeline's own WordNet
noun list has it ("funding", "sharing", "commissioning"). Nothing is downloaded.
"""
from __future__ import annotations

from collections.abc import Collection

__all__ = ["OF", "action_noun", "gerund"]

OF = "of"
# Verb lemma: (its noun, the preposition before what it is done to). "Support for women",
# "Help for families"; every other act is "of" its object ("Prevention of evictions").
ACTION_NOUNS: dict[str, tuple[str, str]] = {
    "respond": ("response", "to"), "support": ("support", "for"), "help": ("help", "for"),
    "prevent": ("prevention", OF), "reduce": ("reduction", OF), "expand": ("expansion", OF),
    "extend": ("extension", OF), "remove": ("removal", OF), "replace": ("replacement", OF),
    "provide": ("provision", OF), "deliver": ("delivery", OF), "involve": ("involvement", OF),
    "allocate": ("allocation", OF), "measure": ("measurement", OF),
    "assess": ("assessment", OF), "develop": ("development", OF),
    "implement": ("implementation", OF), "manage": ("management", OF),
    "protect": ("protection", OF), "identify": ("identification", OF),
    "enforce": ("enforcement", OF), "engage": ("engagement", OF),
    "integrate": ("integration", OF), "regulate": ("regulation", OF),
    "evict": ("eviction", OF), "refer": ("referral", OF), "treat": ("treatment", OF),
    "review": ("review", OF), "release": ("release", OF), "discharge": ("discharge", OF),
    "supervise": ("supervision", OF), "inspect": ("inspection", OF),
    "divert": ("diversion", OF), "rehabilitate": ("rehabilitation", OF),
    "coordinate": ("coordination", OF), "communicate": ("communication", OF),
    "recruit": ("recruitment", OF), "retain": ("retention", OF), "invest": ("investment", OF),
    "collect": ("collection", OF), "publish": ("publication", OF), "abolish": ("abolition", OF),
    "restrict": ("restriction", OF), "detain": ("detention", OF), "prosecute": ("prosecution", OF),
    "punish": ("punishment", OF), "pay": ("payment", OF), "decide": ("decision", OF),
    "close": ("closure", OF), "promote": ("promotion", OF), "encourage": ("encouragement", OF),
}
# Verbs whose -ing noun names something else ("meeting", "making", "setting"), or that say
# how a thing should turn out rather than what is done to it ("improve": the subject is the
# thing improved, not an "improvement").
NO_NOUN = frozenset(["improve", "meet", "make", "give", "set", "take", "get", "do"])


def gerund(lemma: str, nouns: Collection[str]) -> str | None:
    """Args: a verb's lemma ("fund"); the nouns the dictionary knows. Returns: its -ing form
    when the dictionary lists it as a noun ("funding"), else None."""
    forms = [lemma + "ing", lemma + lemma[-1:] + "ing"]
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        forms.insert(0, lemma[:-1] + "ing")  # "share": "sharing"
    if lemma.endswith("ie"):
        forms.insert(0, lemma[:-2] + "ying")  # "tie": "tying"
    return next((f for f in forms if f in nouns), None)


def action_noun(lemma: str, nouns: Collection[str]) -> tuple[str, str] | None:
    """Args: a verb's lemma; the nouns the dictionary knows. Returns: (its noun, the
    preposition before its object): from the table ("reduce": "reduction", "of"), else its
    listed -ing noun ("fund": "funding", "of"); None where no noun names the act."""
    if lemma in NO_NOUN:
        return None
    if lemma in ACTION_NOUNS:
        return ACTION_NOUNS[lemma]
    found = gerund(lemma, nouns)
    return (found, OF) if found else None
