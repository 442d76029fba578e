"""Demo data: a fictional consultation, members, staff, sessions and a survey."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from forum.access import Role
from forum.extensions import db
from forum.models import Consultation, ConsultationStatus, FocusGroupSession, Member, User
from forum.services.accounts import create_user
from forum.services.consultations import save_consultation
from forum.services.members import record_consent, save_member, withdraw_consent
from forum.services.questions import parse_questions
from forum.services.two_factor import enrol_with_secret

# Demo only: printed at start-up so people can try each role. Never used in production.
DEMO_STAFF = [
    ("admin@forumvoice.example", "Asha Patel", Role.ADMIN, "Brisk-Otter-Lamp-41"),
    ("policy@forumvoice.example", "Tom Richards", Role.POLICY_OFFICER, "Quiet-Heron-Mill-52"),
    ("facilitator@forumvoice.example", "Sam Okonjo", Role.FACILITATOR, "Amber-Fox-Bridge-63"),
    ("peer@forumvoice.example", "Jo Daniels", Role.PEER_RESEARCHER, "Solid-Wren-Harbour-74"),
]

# Demo only: fixed authenticator secrets so the demo admin and policy officer can sign in
# with `flask demo code EMAIL` instead of a phone. Real accounts get random ones at set-up.
DEMO_TWO_FACTOR_SECRETS = {
    "admin@forumvoice.example": "DEMOADMINCODEFORUMVOICEEXAMPLE23",
    "policy@forumvoice.example": "DEMOPOLICYCODEFORUMVOICEEXAMPL45",
}

QUESTIONS = """\
Chapter 1: Leaving prison
Q1. What are the main barriers people face in stopping offending after they leave prison?
Q2. How can housing support on release be improved, including for people serving
short prison sentences?
Chapter 2: Sentences and services in the community
Q3. What does a community sentence mean to the people who serve one, and how can they be
helped to keep to its conditions?
Q4. How can mental health, drug and alcohol services work better with the police, courts
and probation?
Chapter 3: Employment
Q5. What would help people on probation get into work, training or education?
Chapter 4: Working together
Q7. How can services better meet the needs of women in contact with the justice system?
Q8. What can central government do to support local partners to work together to reduce
reoffending?
Q9. How should people with lived experience be involved in designing and checking services?
"""

# (pseudonym, age, gender, ethnicity, lived experience,
#  consent: take_part, quote, demographics, audio)
MEMBERS = [
    ("", "35-44", "Man", "White", ["prison", "homelessness", "drugs_alcohol"], (1, 1, 1, 1)),
    ("", "25-34", "Woman", "Black, Black British, Caribbean or African",
     ["probation", "mental_health"], (1, 1, 1, 0)),
    ("", "45-54", "Man", "White", ["prison", "probation"], (1, 1, 0, 1)),
    ("Kestrel", "25-34", "Woman", "White", ["mental_health", "care"], (1, 1, 1, 1)),
    ("", "18-24", "Man", "Mixed or multiple ethnic groups", ["prison", "care"], (1, 0, 0, 0)),
    ("", "55-64", "Man", "White", ["homelessness", "drugs_alcohol"], (1, 1, 0, 0)),
    ("", "35-44", "Woman", "Asian or Asian British", ["prison", "mental_health"], (1, 1, 1, 1)),
    ("Big Col", "45-54", "Prefer not to say", "Prefer not to say", ["prefer_not"], (1, 1, 0, 1)),
    ("", "25-34", "Man", "Black, Black British, Caribbean or African",
     ["probation", "drugs_alcohol"], (1, 1, 1, 0)),
    ("", "35-44", "Woman", "White", ["homelessness", "mental_health", "drugs_alcohol"], None),
    ("", "18-24", "Non-binary", "White", ["care", "mental_health"], (0, 0, 0, 0)),
    ("", "65 or over", "Man", "White", ["prison"], "withdrawn"),
]


DEMO_LOADERS_KEY = "forum_demo_loaders"


def register_demo_loader(app, loader) -> None:
    """Let a package above forum add its own demo data after the forum's.

    Args:
        app: the Flask app.
        loader: callable with no arguments, run inside the app context.
    """
    app.extensions.setdefault(DEMO_LOADERS_KEY, []).append(loader)


def database_is_empty() -> bool:
    return not db.session.scalar(select(func.count(User.id)))


def load_demo(today: date | None = None) -> dict:
    """Fill an empty database with the demo; returns what was created."""
    today = today or date.today()
    staff = {role: create_user(email, name, role, password)
             for email, name, role, password in DEMO_STAFF}
    for user in staff.values():
        if user.email in DEMO_TWO_FACTOR_SECRETS:
            enrol_with_secret(user, DEMO_TWO_FACTOR_SECRETS[user.email])
    consultation = save_consultation(Consultation(
        title="Reducing reoffending: call for evidence", consulting_body="Ministry of Justice",
        deadline=today + timedelta(days=38), status=ConsultationStatus.OPEN,
        link="https://consultations.example.gov.uk/reducing-reoffending"),
        parse_questions(QUESTIONS))
    save_consultation(Consultation(
        title="Police and crime plan 2026 to 2029",
        consulting_body="Office of the Police and Crime Commissioner",
        deadline=today - timedelta(days=20), status=ConsultationStatus.SUBMITTED),
        parse_questions("1) What should the police and crime commissioner's priorities be?\n"
                        "2) How can the police work better with people in crisis?\n"
                        "4) Is there anything else you would like to tell us?"))
    members = _load_members(staff[Role.FACILITATOR])
    _load_sessions(consultation, staff[Role.FACILITATOR], members, today)
    return {"staff": len(staff), "members": len(members), "consultations": 2}


def _load_members(facilitator: User) -> list[Member]:
    members = []
    for index, (pseudonym, age, gender, ethnicity, areas, consent) in enumerate(MEMBERS):
        member = save_member(Member(age_band=age, gender=gender, ethnicity_group=ethnicity,
                                    lived_experience=areas), pseudonym)
        if consent == "withdrawn":
            record_consent(member, facilitator, take_part=True, may_quote=True,
                           may_quote_with_demographics=False, audio_recording=False,
                           note="Verbal consent at induction")
            withdraw_consent(member, facilitator, "Asked to be taken out of the research")
        elif consent is not None:
            take_part, quote, demographics, audio = (bool(v) for v in consent)
            record_consent(member, facilitator, take_part=take_part, may_quote=quote,
                           may_quote_with_demographics=demographics, audio_recording=audio,
                           note="Signed consent form" if index % 2
                           else "Verbal consent, recorded at the focus group")
        members.append(member)
    return members


def _load_sessions(consultation: Consultation, facilitator: User, members: list[Member],
                   today: date) -> None:
    # Transcripts (forum/demo/transcripts/) are imported by the analysis package's demo loader.
    groups = [
        ("Housing and release", today - timedelta(days=16), "South London", members[0:7]),
        ("Community sentences", today - timedelta(days=9), "Birmingham (online)", members[3:9]),
    ]
    for title, held_on, area, attending in groups:
        db.session.add(FocusGroupSession(consultation=consultation, title=title, held_on=held_on,
                                         area=area, facilitator=facilitator,
                                         members=list(attending)))
    db.session.commit()
