"""Readability checker: reading age, long sentences and jargon with plainer words."""
from surveys.services.readability import JARGON_FILE, check_text, find_jargon, jargon_list


def test_plain_words_pass():
    result = check_text("Have you been in prison? This can be at any time in your life.")
    assert result.ok and result.grade <= 4 and result.reading_age <= 9


def test_hard_words_warn_with_a_reading_age():
    result = check_text("How can multi-agency commissioning arrangements better support statutory "
                        "partners to reduce reoffending among people subject to licence conditions?")
    assert result.grade > 4
    assert result.warnings[0].startswith(f"Reading age about {result.reading_age}")
    assert any("Long sentence (18 words)" in w for w in result.warnings)


def test_jargon_gets_a_plainer_suggestion():
    assert find_jargon("Did you breach your order?") == [("breach", "breaking the rules of your order")]
    found = dict(find_jargon("Your Licence Conditions said no. A licence condition is a rule."))
    assert found == {"Licence Conditions": "the rules you must follow after prison",
                     "licence condition": "a rule you must follow after prison"}
    # A longer phrase hides the word inside it; words inside other words do not count.
    assert [w for w, _ in find_jargon("a custodial sentence")] == ["custodial sentence"]
    assert find_jargon("breaches of the breachwater") == []


def test_every_line_of_the_jargon_list_has_a_suggestion():
    lines = [line for line in JARGON_FILE.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert all(line.count("|") == 1 and all(part.strip() for part in line.split("|")) for line in lines)
    words = [w.lower() for w, _ in jargon_list()]
    assert len(words) == len(set(words)) >= 40
    for required in ("breach", "licence conditions", "statutory", "commissioning", "multi-agency"):
        assert required in words


def test_it_never_downloads_anything(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", refuse)
    assert check_text("Where did you sleep on your first night out of prison?").grade >= 0


def test_empty_text_has_no_warnings():
    assert check_text("   ").ok
