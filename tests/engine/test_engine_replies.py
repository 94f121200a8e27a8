"""Matching a candidate's typed question to one of the interviewer's replies."""

from __future__ import annotations

from simulator.engine.replies import matched_reply, matches, normalise, shared_phrases
from simulator.packs.records import Persona, Reply


def persona(*replies: tuple[list[str], str]) -> Persona:
    return Persona(
        id="p",
        name="P",
        plan=[],
        replies=[Reply(about=about, reply=reply) for about, reply in replies],
    )


def test_contractions_read_the_same_with_or_without_the_apostrophe() -> None:
    assert normalise("What's it like?") == normalise("whats it like") == "what is it like"
    assert normalise("It doesn\u2019t mention") == normalise("it doesnt mention")
    assert normalise("the developer's laptop") == "the developer laptop"
    assert matches("whats the culture like", "what is the culture")


def test_each_word_of_a_phrase_matches_its_everyday_endings() -> None:
    assert matches("is there mentoring", "mentor")
    assert matches("do new starters get mentored", "mentor")
    assert matches("who would i be reporting to", "report to")
    assert matches("what worries you", "worry")
    assert matches("how does the team handle disagreements", "disagreement")
    assert matches("how is work planned", "plan")
    assert not matches("full steam ahead", "team")
    assert not matches("teamwork", "team")


def test_an_inflected_match_counts_as_long_as_the_words_it_matched() -> None:
    nurse = persona((["reporting"], "incidents"), (["report to"], "team"))
    assert matched_reply(nurse, "who would i be reporting to") == "team"


def test_a_question_about_a_shared_topic_the_persona_lacks_falls_back() -> None:
    others = [
        persona((["team", "how big"], "t"), (["disagreement", "conflict"], "d")),
        persona((["team", "how big"], "t"), (["disagreement"], "d")),
    ]
    shared = shared_phrases(others)
    lead = persona((["team", "who would i work"], "We are six."))
    question = "How does the team handle disagreements?"
    assert matched_reply(lead, question) == "We are six."  # without shared phrases
    assert matched_reply(lead, question, shared) is None
    # A longer shared phrase listed beside the match elsewhere is on the same topic.
    assert matched_reply(lead, "how big is the team", shared) == "We are six."
    assert matched_reply(lead, "tell me about the team", shared) == "We are six."


def test_shared_phrases_are_those_two_personas_list() -> None:
    shared = shared_phrases(
        [persona((["team", "Size"], "a")), persona((["team"], "b"), (["pay"], "c"))]
    )
    assert set(shared) == {"team"}
    assert shared["team"] == {"team", "size"}
