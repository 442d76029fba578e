"""What around a capitalised word shows it is someone (who they are to the speaker, who
they are with, a service they come from), or that a name-word is a thing ("Faith was hard
to keep", "Crystal was my drug")."""
from __future__ import annotations

import re

from .common import CAP_WORD, COMMON_WORDS
from .word_lists import DAYTIME_NAMES, DRUG_NAMES, IDEA_NAMES, PERSON_VERBS

__all__ = [
    "CAME_TO_SOMEONE", "CLAUSE_WORDS", "FROM_A_SERVICE", "LISTED_WITH", "PERSON_ADVERBS",
    "PERSON_AFTER", "PERSON_NOUNS", "PERSON_VERB_AFTER", "RELATIVES", "WITH_AFTER", "WITH_BEFORE",
    "modal_will", "said_as_thing",
]

# "May from the outreach team", "June from probation": someone from a service.
FROM_A_SERVICE = re.compile(
    r"[ \t]+from[ \t]+(?:the[ \t]+)?(?i:outreach|council|probation|hostel|project|charity|church"
    r"|team|housing|job ?centre|drop-?in|shelter|crisis|salvation army|nhs|mental health|cmht"
    r"|social services|social|samaritans|group|rehab|detox|services?)\b")
CAME_TO_SOMEONE = re.compile(r"[ \t]+(?:came|comes)[ \t]+(?:to[ \t]+(?:see|visit)|round|over)\b")
PERSON_ADVERBS = r"(?:never|always|just|then|also|still|even|actually|finally|really|once)"
PERSON_VERB_AFTER = re.compile(rf"(?:[ \t]+{PERSON_ADVERBS})?[ \t]+(?P<verb>[a-z]+(?:['’]t)?)\b")
PERSON_NOUNS = (
    r"(?:mum|mam|mom|mother|dad|father|nan|gran|sister|brother|son|daughter|kids|baby|boyfriend"
    r"|girlfriend|partner|fella|missus|husband|wife|ex|mate|mates|family|flat|house|place"
    r"|room|cell|phone|number|birthday|funeral)"
)
RELATIVES = (
    r"(?:mum|mam|dad|nan|gran|sister|brother|son|daughter|kids|twins?|baby|boyfriend|girlfriend"
    r"|partner|fella|missus|husband|wife|ex|mates?|best mate|friend|pal|cousin|auntie|uncle"
    r"|niece|nephew|key ?worker|worker|po|probation officer|social worker|support worker"
    r"|sponsor|carer|cellie|cell ?mate|co-?d|eldest|youngest|oldest|little (?:girl|boy|one)"
    r"|baby (?:girl|boy)|girl|boy|lad|step-?(?:mum|dad|son|daughter)"
    r"|grand(?:daughter|son|kids|child|children|ma|mother|dad|father))"
)
# "me and Summer", "Autumn and me", "Summer's dad", "Summer and Autumn, my twins": with
# someone, someone's, or someone named with who they are.
WITH_BEFORE = re.compile(r"\b(?i:me|I|him|her|us|them)[ \t]+(?:and|n|&)[ \t]+$")  # "me n Dave"
WITH_AFTER = re.compile(
    # Not "and I'd be anybody's": "and I'd", "and I've" open a clause of their own.
    rf"(?:[ \t]+and[ \t]+(?i:me|I)\b(?!['’])|['’]s[ \t]+(?i:{PERSON_NOUNS})\b"
    # "Summer's my daughter", "Spud's my best mate": who someone is, said with "'s".
    rf"|['’]s[ \t]+(?i:my|his|her|our|their)[ \t]+(?i:{RELATIVES})\b"
    rf"|(?:[ \t]+and[ \t]+{CAP_WORD})?,[ \t]+(?i:my|his|her|our|their)[ \t]+(?i:{RELATIVES})\b"
    rf"|,[ \t]+(?:she|he)[ \t]+[a-z])"  # "Hope, she kept me alive": an idea would be "it"
)
# Capitalised only: "Rose my nan took me in" and "Eve my sponsor says" (who someone is,
# with no comma), "June, she's my worker", "Hope... she was everything", "Sunny, who I
# met in detox", "Summer was born". Not after words that take a clause or an object
# ("Hope my mum is ok", "Will my son...", "Sue my ex"); "who knows", "who would have
# thought" are asides.
PERSON_AFTER = re.compile(
    rf"[ \t]+(?i:my|his|her|our|their)[ \t]+(?!(?i:kids|twins|mates|grandkids|grandchildren)\b)"
    rf"(?i:{RELATIVES})\b"  # "Joy my kids bring me" is the word
    rf"|(?P<more>(?:,|\.\.\.|…)[ \t]*(?:she|he)(?:['’]s\b|[ \t]+[a-z])"
    rf"|,?[ \t]+who[ \t]+(?!(?:knows|cares|ever|would|could)\b)[A-Za-z]"
    rf"|[ \t]+(?:was|were)[ \t]+born\b)"
)
CLAUSE_WORDS = frozenset(
    ["hope", "will", "may", "pray", "trust", "bless", "wish", "sue", "rob", "chase", "grant", "pat",
     "bill", "ray"])
# "Dean, Lisa and me": a name-word listed with a first name.
LISTED_WITH = re.compile(rf",[ \t]+(?P<next>{CAP_WORD})\b")

# Words for a person that are no relative or role: "the only one who", "a lovely woman".
PEOPLE_WORDS = (
    r"(?:one|ones|woman|man|lady|bloke|guy|geezer|chap|person|soul|lass|nurse|doctor|screw"
    r"|officer|copper|teacher|volunteer)"
)
# What an idea or a drug is said to be ("Crystal was my drug", "Charity was the last thing").
THING_WORDS = frozenset(
    ["drug", "drugs", "thing", "things", "word", "words", "habit", "addiction", "problem",
     "vice", "poison", "substance", "feeling", "idea", "choice", "point", "strength",
     "weakness"])
IS_SOMEONE = re.compile(rf"\b(?i:{RELATIVES}|{PEOPLE_WORDS})\b")
# "Hope wasn't a thing I had": the negative says what the word is all the same.
COPULA = (r"(?:[ \t]+(?:is|was)(?:n['’]t)?|['’]s)"
          r"(?:[ \t]+(?:never|always|not|just|really|only|still))?")
# "Faith was hard to keep", "Patience is not easy to find": the subject is what is kept.
HARD_TO = re.compile(
    rf"{COPULA}[ \t]+(?:so[ \t]+|too[ \t]+|very[ \t]+|really[ \t]+)?"
    r"(?:hard|harder|easy|easier|difficult|impossible|tough|tricky)[ \t]+to[ \t]+[a-z]")
# "Crystal was my drug for ten years", "Charity was the last thing I wanted": what the
# word was, up to the first function word; a person there ("my support worker") is someone.
WAS_A = re.compile(rf"{COPULA}[ \t]+(?:my|the|a|an|our|his|her|their)[ \t]+"
                   rf"(?P<what>[a-z]+(?:[ \t]+[a-z]+){{0,2}})")
# "Hope is all I had left", "Joy was something I hadn't felt": what someone has, needs or
# feels is the idea ("she" later still makes it someone: "Joy was all I had, she ...").
HAD_OR_FELT = re.compile(
    rf"{COPULA}[ \t]+(?:all|something|nothing)[ \t]+(?:I|we|you|they)[ \t]+[a-z]")
# "Dawn came and I was still awake", "Dawn broke over the yard": what dawn does, then the
# clause ends or another begins. "Dawn came in and sat with me", "Dawn came with me to
# court", "Dawn broke down in group" are someone.
DAYTIME_DOES = re.compile(
    r"[ \t]+(?:came|comes|arrived|broke|breaks)"
    r"(?:[ \t]*(?:[,.;:!?…]|$)"
    r"|[ \t]+(?:and|but|so|as|while|before)[ \t]+(?:I|we|you|they|it|there|nobody|the|my|our)\b"
    r"|[ \t]+(?:early|late|slowly|eventually|again|soon|at[ \t]+last)\b)"
    r"|[ \t]+(?:broke|breaks)[ \t]+(?:over|across|through)[ \t]+the\b")
# Later in the sentence, a person: "..., she's my daughter", "a nightmare, she kicked off
# every day", "... at that hostel who asked". Not the one reporting it ("'Hope is a
# dangerous thing,' he said", "Faith was hard to keep, she reckons"): that is the speaker.
# "who'd write letters", "who'll listen" are "who would", "who will": someone all the same.
SOMEONE_LATER = re.compile(
    r"[^.?!\n]*?(?:\b(?:she|he)\b(?![ \t]+(?:said|says|reckons|reckoned|used[ \t]+to[ \t]+say"
    r"|would[ \t]+say|told[ \t]+me)\b)"
    r"|\bwho(?:['’](?:d|ll))?[ \t]+(?!(?:knows|cares|would|could)\b)[a-z])")


def said_as_thing(text: str, start: int, end: int) -> bool:
    """Whether an idea, drug or time of day opening a sentence is said as that thing.

    Args:
        text: the whole text.
        start: offset of the word, at a sentence start.
        end: offset just after it.

    Returns:
        True for "Faith was hard to keep", "Crystal was my drug for ten years", "Charity was
        the last thing I wanted", "Hope is all I had left", "Dawn came and I was still
        awake"; False for "Faith told me", "Dawn came to see me", "Crystal was my support
        worker", "Hope was the only one who asked", "Faith was the best thing in my life,
        she's my daughter" and any other word. Privacy first: "Faith was lovely to me"
        stays a name. "he said" after it is the one reporting, not Faith.
    """
    word = text[start:end].lower()
    if word in DAYTIME_NAMES:
        return bool(DAYTIME_DOES.match(text, end))
    if word not in IDEA_NAMES | DRUG_NAMES or SOMEONE_LATER.match(text, end):
        return False
    was_a = WAS_A.match(text, end)
    if was_a:
        what = was_a.group("what").split()
        cut = next((i for i, w in enumerate(what) if w in COMMON_WORDS), len(what))
        # Only a word for a thing makes it the thing: "Grace was my rock", "Joy was the
        # reason I got clean" are said of someone (privacy first).
        return any(w in THING_WORDS for w in what) and not IS_SOMEONE.search(
            " ".join(what[:cut]))
    return bool(HARD_TO.match(text, end) or HAD_OR_FELT.match(text, end))


# "Will conditions on my licence ever be lifted", "Will probation ever trust me": the verb
# asking, its subject, then "ever" or a bare "be"; someone called Will does things in the
# past or present first ("Will said it would never be easy", "Will was ever so kind").
WILL_ASKS = re.compile(r"((?:[ \t]+[a-z]+){1,4}?)[ \t]+(?:ever|be)\b")
# "Will housing help me or not?": a sentence that opens on Will and ends asking.
WILL_QUESTION = re.compile(r"([ \t]+[a-z]+)[^.!?\n]*\?")
DONE_BY_SOMEONE = frozenset(["was", "is", "has", "had", "does", "did", "goes", "went"])


def modal_will(text: str, end: int) -> bool:
    """Say whether "Will never forget it" is "I will": the verb after the adverb is not a
    person's past or present, as in "Will never rang back"; or whether Will asks a question
    of what follows ("Will probation ever trust me").

    Args:
        text: the whole text.
        end: offset just after "Will".

    Returns:
        True when the "Will" ending at ``end`` is the verb, not someone.
    """
    verb = re.match(rf"[ \t]+{PERSON_ADVERBS}[ \t]+([a-z]+)\b", text[end:])
    if verb and verb.group(1) not in PERSON_VERBS:
        return True
    asks = WILL_ASKS.match(text, end) or WILL_QUESTION.match(text, end)
    return bool(asks and not any(w in PERSON_VERBS or w in DONE_BY_SOMEONE
                                 for w in asks.group(1).split()))
