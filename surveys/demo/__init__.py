"""Demo survey: a published peer survey with a picture, skip logic and ten responses."""
from pathlib import Path
from typing import Any

from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.models import Consultation, Member, User

DEMO_CONSULTATION = "Reducing reoffending: call for evidence"


UNFINISHED = 9  # the tenth demo response stops part-way, as some real ones do


def load_demo_survey() -> dict:
    """Add the demo survey to the demo consultation (run after the forum's demo)."""
    consultation = db.session.scalar(
        select(Consultation).where(Consultation.title == DEMO_CONSULTATION))
    if consultation is None:
        return {}
    _load_survey(consultation)
    return {"surveys": 1}


def _make_speech(version) -> None:
    """Read-aloud audio, as publishing in the builder makes it; the demo loads without it."""
    from flask import current_app

    from surveys.services.speech import SpeechError, generate_speech

    try:
        generate_speech(version, current_app.config.get("ORG_NAME", "Forum Voice"),
                        current_app.config["DATA_DIR"])
    except SpeechError as error:
        current_app.logger.warning("%s", error)


def _load_survey(consultation: Consultation) -> None:
    """A published peer survey (version 1) with a picture, skip logic and ten responses."""
    import uuid

    from flask import current_app

    from forum.models.base import utcnow
    from surveys.models import MediaKind
    from surveys.models import QuestionKind as K
    from surveys.services.devices import Tablet, register_device
    from surveys.services.media import save_media
    from surveys.services.payload import VersionSpecs
    from surveys.services.questions import QuestionData, add_question
    from surveys.services.surveys import create_survey, draft_version, publish
    from surveys.services.sync import receive_response

    by_number = {q.number: q.id for q in consultation.questions}
    survey = create_survey(consultation, "Life after prison: peer survey",
                           "We want to hear about life after prison or probation.\n"
                           "We will tell the government what you say.")
    version = draft_version(survey)
    import surveys

    picture_file = Path(surveys.__file__).parent / "demo" / "first-night.png"
    with picture_file.open("rb") as stream:
        picture = save_media(current_app.config["DATA_DIR"], survey.id, MediaKind.PICTURE,
                             "first-night.png", stream)
    dont_know, prefer_not = {"offer_dont_know": True}, {"offer_prefer_not": True}
    # (kind, text, help, choices, consultation question, show if (position, value), options)
    items: list[tuple[Any, str, str | None, list[str], str, tuple[int, str] | None,
                      dict[str, Any]]] = [
        (K.YES_NO, "Have you been in prison?", "This can be at any time in your life.", [], "1",
         None, prefer_not),
        (K.SINGLE_CHOICE, "Where did you sleep on your first night out?", None,
         ["In my own home", "With family or friends", "In a hostel", "On the street",
          "Somewhere else"],
         "2", (1, "yes"), {**dont_know, **prefer_not, "picture": picture,
                           "picture_alt": "A house at night, with the moon in the sky"}),
        (K.SCALE, "How was the help with housing when you got out?", "Choose a face.", [], "2",
         (1, "yes"), dont_know),
        (K.YES_NO, "Have you been on a community sentence?", None, [], "3", None, prefer_not),
        (K.MULTIPLE_CHOICE, "What made it hard to keep to the rules of your order?", None,
         ["Getting to appointments", "Money for travel", "My health", "Drink or drugs",
          "Work or looking after children"], "3", (4, "yes"), dont_know),
        (K.FREE_TEXT, "What helped you most to keep to your order?", "Say it in your own words.",
         [],
         "3", (4, "yes"), {}),
        (K.FREE_TEXT, "What would help you get a job or training?", None, [], "5", None, {}),
        (K.NUMBER, "How many workers help you now?", "For example a key worker or a nurse.", [],
         "8",
         None, {}),
        (K.FREE_TEXT, "What should the government change first?", None, [], "8", None, {}),
    ]
    added: list[Any] = []
    for kind, text, help_text, labels, number, show_if, extra in items:
        condition = (added[show_if[0] - 1].id, show_if[1]) if show_if else None
        added.append(add_question(version, QuestionData(
            kind, text, help_text or "", labels, consultation_question_id=by_number[number],
            show_if=condition, **extra)))
    researcher = db.session.scalar(select(User).where(User.role == Role.PEER_RESEARCHER))
    publish(survey, db.session.scalar(select(User).where(User.role == Role.FACILITATOR)))
    _make_speech(version)
    device, _token = register_device("Hostel tablet 1", researcher)
    members = {m.pseudonym: m.id for m in db.session.scalars(select(Member))}
    ids = [q.id for q in added]
    # (member, answers by question number); None = anonymous.
    responses: list[tuple[str | None, dict[int, Any]]] = [
        ("Member 1",
         {1: "yes", 2: "in-a-hostel", 3: "2", 4: "yes",
          5: ["getting-to-appointments", "money-for-travel"],
                      6: "My probation officer let me ring in when I had no bus fare.",
                      7: "Someone to help me fill in the forms without looking down on me.", 8: 3,
                      9: "Give people somewhere to live on the day they get out."}),
        ("Member 2", {1: "no", 4: "yes", 5: ["my-health"], 6: "Seeing the same worker each time.",
                      7: "Childcare so I can actually go.", 8: 2, 9: "Stop short sentences."}),
        ("Member 3", {1: "yes", 2: "on-the-street", 3: "1", 4: "yes", 5: ["drink-or-drugs"],
                      6: "Peer mentor who had been through it.", 8: 4,
                      9: "Housing first. Nothing works if you are on the street."}),
        ("Kestrel", {1: "no", 4: "no", 7: "A CV course run by people who get it.", 8: 1}),
        ("Member 5", {1: "yes", 2: "with-family-or-friends", 3: "3", 4: "prefer_not",
                      7: "Employers who give you a chance with a record."}),
        ("Member 6", {1: "yes", 2: "in-a-hostel", 3: "2", 4: "yes", 5: ["money-for-travel"],
                      6: "The hostel staff reminded me of appointments.", 8: 5}),
        ("Member 7", {1: "yes", 2: "dont_know", 3: "dont_know", 4: "no", 9: "Listen to women."}),
        (None, {1: "yes", 2: "somewhere-else", 3: "4", 4: "yes", 5: ["dont_know"], 8: 2}),
        (None, {1: "prefer_not", 4: "yes", 5: ["work-or-looking-after-children"],
                6: "Being able to do my hours at the weekend."}),
        (None, {1: "no", 4: "no", 7: "Help with bus fares to interviews.", 8: 0}),
    ]
    specs = VersionSpecs()
    for index, (pseudonym, answers) in enumerate(responses):
        payload = {"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"forum-voice-demo-{index}")),
                   "survey_version_id": version.id, "completed": index != UNFINISHED,
                   "read_aloud": index % 3 == 0,
                   "member_id": members.get(pseudonym) if pseudonym else None,
                   "started_at": utcnow().isoformat(), "finished_at": utcnow().isoformat(),
                   "answers": [{"question_id": ids[n - 1], "value": v} for n, v in answers.items()]}
        receive_response(Tablet(device.id, device.token_hash), payload, specs)
