"""A realistic sample response and Easy Read summary, for the demo, previews and the benchmark.

The organisation, consultation and quotes are invented for Forum Voice; no real person said
these words.
"""
from __future__ import annotations

from datetime import date

from exports.document import (
    EasyReadDocument,
    EasyReadItem,
    Quote,
    ResponseDocument,
    Section,
    ThemeFigure,
)

__all__ = ["sample_response", "sample_easy_read"]

ORGANISATION = "Northway Together"

ABOUT = """Northway Together is a charity working across the north of England with people who \
have repeated contact with crisis services, the police and the courts, often alongside poor \
mental health, homelessness or problems with drugs and alcohol.

This response draws on our casework, our research and, above all, on the experience of the \
members of our **service user forum**, who met three times to discuss this consultation."""

INTRODUCTION = """We welcome the consultation's focus on *joined-up care in the community* and \
its recognition that people in crisis are too often passed between services that each meet one \
need at a time.[^1]

Our members were clear that the first contact matters most. When it goes well, people are \
willing to come back; when it goes badly, they stay away until the next crisis.

**We ask the department to make a single, named point of contact the rule, not the \
exception, for everyone leaving a crisis service.**

[^1]: See our briefing *Passed Around: what people in repeat crisis tell us about services*, \
published in 2025."""

SUMMARY = """Forum members described long waits, being asked to repeat their story to each new \
worker, and little help with housing or money problems that made their mental health worse.

They also described what works:

- a worker who knows them and calls back when promised;
- help that comes to them, including in police custody and at the housing office;
- plain letters that say what will happen next and when."""

RECOMMENDATIONS = (
    "Every person leaving a crisis service should have a **named worker** for at least twelve "
    "weeks, who can be reached by phone or text.",
    "Commissioners should fund liaison and diversion workers in every police custody suite, "
    "with direct links to community mental health teams.",
    "Waiting-time standards should cover the time to a *first real conversation*, not only the "
    "time to an assessment letter.",
    "Housing and welfare advice should sit inside community mental health teams, so that money "
    "and housing problems are dealt with before they become a crisis.",
    "People with lived experience should be paid to help design, commission and review "
    "these services.",
)

METHODS = """This response draws on what 31 forum members told us in 3 focus groups \
(4, 11 and 18 March 2026) and 19 survey responses. All quotes are from forum members unless \
stated otherwise.

Members chose whether they could be quoted. Quotes are shown as members said them, sometimes \
shortened; anything that could identify a person has been removed."""

FIGURES = (
    ThemeFigure("Waiting times and being left without help", 21, 31),
    ThemeFigure("Telling my story again and again", 17, 31),
    ThemeFigure("Housing and money problems", 15, 31),
    ThemeFigure("Police custody and crisis care", 11, 31),
    ThemeFigure("Staff who listen and call back", 9, 31),
    ThemeFigure("Letters and information that make sense", 6, 31),
)

QUESTIONS = [
    ("Q1", "Do you agree with the proposed vision for community mental health services?",
     ("Waiting times and being left without help",),
     """We agree with the vision, with one reservation. It describes services *working \
together*, but it says little about who is responsible when they do not.

Members told us that the gap between services is where people fall.[^1] A vision that names a \
person who stays with someone across that gap would command far more confidence.

[^1]: Eleven of the 31 members who took part described being discharged from one service \
before another had accepted them.""",
     ("I was told someone would ring in two weeks. That was in the summer. Nobody rang.",
      "You get to the front of one queue and they put you at the back of another one.")),
    ("Q2", "How could people be supported while they wait for treatment?",
     ("Waiting times and being left without help", "Staff who listen and call back"),
     """Waiting is not neutral: members described it as the time when things got worse. \
Simple contact while waiting would make a large difference.

### What members suggested

- a call or text every two weeks from someone who knows their case;
- a number to ring that is answered by a person;
- peer support groups that can be joined straight away.""",
     ("Just knowing somebody hasn't forgotten you. That's all it needs to be.",)),
    ("Q3", "What should change about the way people are assessed?",
     ("Telling my story again and again",),
     """Members spoke strongly about having to repeat painful experiences to each new worker. \
Several said they had stopped going to appointments because of it.

**We recommend a single shared record, held with the person's consent, so that people are \
asked once and listened to after that.**""",
     ("Every new person wants the whole story from the start. It takes it out of you, every "
      "single time.",
      "I've told it that many times it doesn't even feel like mine anymore.")),
    ("Q4", "How can services better meet the needs of people in contact with the police?",
     ("Police custody and crisis care",),
     """Members who had been held in police custody while unwell described it as frightening \
and, for some, as the first time anyone asked about their mental health.

Liaison and diversion services can turn that moment into a way in, rather than another \
closed door, but only where they link directly to community teams.""",
     ("The custody nurse was the first person who asked me how I was actually doing.",)),
    ("Q5", "How should housing and welfare support be joined up with mental health care?",
     ("Housing and money problems",),
     """For many members, money and housing problems were the cause of the crisis rather \
than a side issue. Advice that sits inside the mental health team is used; advice that means \
another referral often is not.""",
     ("They can't fix my head while I'm worrying about the eviction letter on the mat.",
      "Sorting my benefits out did more for me than any tablets.")),
    ("Q6", "How should information about services be given to people?",
     ("Letters and information that make sense",),
     """Members asked for letters in plain English that say what will happen, when, and who \
to contact. Several said they had missed appointments because letters were confusing or \
arrived late.""",
     ("The letter had three different phone numbers on it and none of them were the right "
      "one.",)),
    ("Q7", "How should people with lived experience be involved in designing services?",
     ("Staff who listen and call back",),
     """Our forum shows that people with experience of services can give clear, practical \
advice. Involvement should be paid, planned early and reported back, so people can see what \
changed because of what they said.""",
     ("Ask us at the start, not when it's all decided.",)),
]

EASY_READ_ITEMS = (
    EasyReadItem("Waiting too long for help",
                 Quote(1, "Just knowing somebody hasn't forgotten you.", "Forum member"),
                 "We asked the government to make sure someone calls you while you wait.",
                 "clock.svg"),
    EasyReadItem("Telling your story again and again",
                 Quote(2, "It takes it out of you, every single time.", "Forum member"),
                 "We asked for one shared record.\nYou would only tell your story once.",
                 "speech.svg"),
    EasyReadItem("Money and housing problems",
                 Quote(3, "Sorting my benefits out did more for me than any tablets.",
                       "Forum member"),
                 "We asked for money and housing advice in mental health teams.",
                 "house.svg"),
)


def _section(number: str, question: str, themes: tuple[str, ...], text: str,
             quotes: tuple[str, ...], first_id: int) -> Section:
    sources = ("Focus group, 4 March 2026", "Tablet survey", "Focus group, 11 March 2026")
    return Section(number, question, text, themes,
                   tuple(Quote(first_id + i, q, "Forum member", sources[i % len(sources)])
                         for i, q in enumerate(quotes)))


def sample_response(sections: int = len(QUESTIONS)) -> ResponseDocument:
    """A realistic response with ``sections`` question sections (questions repeat past Q7).

    Args:
        sections: how many sections; the benchmark asks for 20+ to reach ~30 pages.

    Returns:
        A ResponseDocument like one a policy officer would send.
    """
    built = []
    for index in range(sections):
        number, question, themes, text, quotes = QUESTIONS[index % len(QUESTIONS)]
        if index >= len(QUESTIONS):
            number = f"Q{index + 1}"
        built.append(_section(number, question, themes, text, quotes, 100 * (index + 1)))
    return ResponseDocument(
        title="Northway Together response to the consultation on community mental health "
              "services",
        organisation=ORGANISATION,
        date=date(2026, 3, 27),
        contact="Sam Okafor, Policy Officer, Northway Together\nsam.okafor@example.org\n"
                "0161 496 0000",
        about=ABOUT, introduction=INTRODUCTION, summary=SUMMARY,
        recommendations=RECOMMENDATIONS, methods=METHODS,
        sections=tuple(built), theme_figures=FIGURES)


def sample_easy_read() -> EasyReadDocument:
    """The Easy Read "You said, we did" summary that goes with ``sample_response``."""
    return EasyReadDocument(
        title="You said, we did",
        organisation=ORGANISATION,
        date=date(2026, 4, 10),
        intro=("The government asked how mental health help should work.",
               "31 forum members told us what they think.",
               "We sent what you said to the government."),
        items=EASY_READ_ITEMS,
        contact="Ring Sam on 0161 496 0000",
    )


def write_samples(folder: str) -> list[str]:
    """Render the sample response (PDF, Word) and Easy Read PDF into ``folder``.

    Args:
        folder: an existing or new directory.

    Returns:
        The paths written.
    """
    from pathlib import Path

    from exports.renderers import render_docx, render_easy_read_pdf, render_pdf

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    files = {"sample-response.pdf": render_pdf(sample_response()),
             "sample-response.docx": render_docx(sample_response()),
             "sample-easy-read.pdf": render_easy_read_pdf(sample_easy_read())}
    for name, data in files.items():
        (out / name).write_bytes(data)
    return [str(out / name) for name in files]


if __name__ == "__main__":
    import sys

    # python -m exports.samples OUT_DIR: write the sample files to look at.
    print("\n".join(write_samples(sys.argv[1] if len(sys.argv) > 1 else ".")))
