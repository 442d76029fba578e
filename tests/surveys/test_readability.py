"""Readability checker: reading age, long sentences and jargon with plainer words."""
from forum.extensions import db
from surveys.services.readability import JARGON_FILE, check_text, find_jargon, jargon_list


def test_plain_words_pass():
    result = check_text("Have you been in prison? This can be at any time in your life.")
    assert result.ok and result.grade <= 4 and result.reading_age <= 9


def test_hard_words_warn_with_a_reading_age():
    result = check_text("How can multi-agency commissioning arrangements better support "
                        "statutory partners to reduce reoffending among people subject to licence "
                        "conditions?")
    assert result.grade > 4
    assert result.warnings[0].startswith(f"Reading age about {result.reading_age}")
    assert any("Long sentence (18 words)" in w for w in result.warnings)


def test_jargon_gets_a_plainer_suggestion():
    assert find_jargon("Did you breach your order?") == [
        ("breach", "breaking the rules of your order")]
    found = dict(find_jargon("Your Licence Conditions said no. A licence condition is a rule."))
    assert found == {"Licence Conditions": "the rules you must follow after prison",
                     "licence condition": "a rule you must follow after prison"}
    # A longer phrase hides the word inside it; words inside other words do not count.
    assert [w for w, _ in find_jargon("a custodial sentence")] == ["custodial sentence"]
    assert find_jargon("breaches of the breachwater") == []


def test_every_line_of_the_jargon_list_has_a_suggestion():
    lines = [line for line in JARGON_FILE.read_text().splitlines() if line.strip()
             and not line.startswith("#")]
    assert all(line.count("|") == 1 and all(part.strip() for part in line.split("|"))
               for line in lines)
    words = [w.lower() for w, _ in jargon_list()]
    assert len(words) == len(set(words)) >= 40
    for required in ("breach", "licence conditions", "statutory", "commissioning", "multi-agency"):
        assert required in words


def test_empty_text_has_no_warnings():
    assert check_text("   ").ok


def test_short_strings_are_judged_word_by_word_not_by_formula():
    for text in ("Probation appointments", "Money", "Travel", "Drink or drugs",
                 "Getting to appointments"):
        result = check_text(text)
        assert result.ok and result.reading_age <= 9, (text, result.warnings)


def test_long_unfamiliar_words_in_a_short_string_warn():
    result = check_text("Rehabilitative accommodation arrangements")
    assert result.reading_age > 9 and not result.ok
    assert any("\u2018arrangements\u2019" in w for w in result.warnings)


def test_legal_jargon_is_named_word_by_word():
    found = dict(find_jargon("Notwithstanding this, it precipitated non-compliance with your "
                             "licence conditions."))
    assert set(found) == {"Notwithstanding", "precipitated", "non-compliance", "licence conditions"}
    words = {w.lower() for w, _ in jargon_list()}
    assert {"notwithstanding", "precipitate", "compliance"} <= words


def test_the_demo_survey_passes_its_own_checker(app):
    from forum.demo import load_demo
    from surveys.demo import load_demo_survey
    from surveys.models import Survey
    from surveys.services.readability import warnings_for
    from surveys.services.runner import participant_texts

    load_demo()
    load_demo_survey()
    version = db.session.get(Survey, 1).published_version
    assert len(participant_texts(version)) > 30
    assert warnings_for(participant_texts(version)) == []


def test_the_survey_page_does_not_import_nltk(auth, survey):
    import subprocess
    import sys

    code = ("from surveys.services.readability import check_text; import sys; "
            "check_text('How can multi-agency commissioning arrangements better support statutory "
            "partners to reduce reoffending among people?'); print('nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
