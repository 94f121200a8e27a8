"""Questions typed the way candidates really type them (lower case, no question mark,
contractions, "do you guys") reach the interviewer's reply on that topic, or its honest
fallback when it has none: never a reply to a different question.

A topic is named by marker phrases: an interviewer's reply is on the topic when its
``about`` list holds one of them. An interviewer with no reply on a topic must fall back
(``matched_reply`` gives None) rather than answer something else. Some topics every
interviewer who takes questions must be able to answer (REQUIRED)."""

from __future__ import annotations

import pytest

from simulator.engine.replies import SharedPhrases, matched_reply, normalise
from simulator.packs.library import Library
from simulator.packs.records import Persona
from tests.content.test_candidate_replies import ASKED

TOPICS: dict[str, tuple[str, ...]] = {
    "salary": ("salary",),
    "benefits": ("benefits",),
    "next steps": ("next steps",),
    "team": ("team", "design team", "how big"),
    "report to": ("report to",),
    "remote": ("remote",),
    "culture": ("culture",),
    "start date": ("want me to start",),
    "typical day": ("typical day",),
    "why open": ("position open", "last person"),
    "first months": ("first 90 days", "success"),
    "performance": ("performance",),
    "challenges": ("challenge",),
    "growth": ("growth",),
    "training": ("professional development", "training"),
    "travel": ("travel",),
    "concerns": ("concern",),
    "work-life": ("work-life", "shift pattern"),
    "first year": ("first year",),
    "enjoy": ("enjoy",),
    "tenure": ("how long have you been",),
    "mentor": ("mentor", "preceptorship"),
    "disagreement": ("disagreement", "disagree"),
    "management style": ("management style",),
    "tools": ("tools", "stack"),
    "parking": ("parking",),
}
"""Each topic's marker phrases."""

REQUIRED = {"tenure", "mentor", "disagreement", "salary", "next steps", "enjoy", "remote"}
"""Topics every interviewer who takes questions has a reply for."""

NO_REPLY = "no reply"

PHRASINGS: list[tuple[str, str]] = [
    ("whats the salary range", "salary"),
    ("how much does this pay", "salary"),
    ("can you tell me a bit about the pay", "salary"),
    ("what's the compensation like", "salary"),
    ("what benefits do you guys offer", "benefits"),
    ("how much holiday do i get", "benefits"),
    ("is there a pension", "benefits"),
    ("whats the parental leave like", "benefits"),
    ("what are the next steps", "next steps"),
    ("when will i hear back", "next steps"),
    ("what happens after this interview", "next steps"),
    ("whats the timeline for a decision", "next steps"),
    ("tell me about the team", "team"),
    ("how big is the team", "team"),
    ("who would i be working with", "team"),
    ("who would i report to", "report to"),
    ("who would i be reporting to", "report to"),
    ("is this remote", "remote"),
    ("can i work from home", "remote"),
    ("is it hybrid or in the office", "remote"),
    ("how would you describe the culture", "culture"),
    ("whats the culture like", "culture"),
    ("when would you want me to start", "start date"),
    ("how soon can i start", "start date"),
    ("whats the start date", "start date"),
    ("what does a typical day look like", "typical day"),
    ("whats the day to day like", "typical day"),
    ("why is this role open", "why open"),
    ("what happened to the last person", "why open"),
    ("is this a new role", "why open"),
    ("what does success look like in the first 90 days", "first months"),
    ("what would you expect from me in the first three months", "first months"),
    ("how will i be measured", "performance"),
    ("how do you guys do performance reviews", "performance"),
    ("whats the biggest challenge right now", "challenges"),
    ("what are the biggest challenges the team is facing", "challenges"),
    ("what does career progression look like", "growth"),
    ("is there room for growth", "growth"),
    ("do you guys offer training", "training"),
    ("will i need to travel", "travel"),
    ("is there much travel", "travel"),
    ("do you have any concerns about me", "concerns"),
    ("is there anything that worries you about my background", "concerns"),
    ("hows the work life balance", "work-life"),
    ("would i have to work weekends", "work-life"),
    ("what would you want me to achieve in my first year", "first year"),
    ("what do you like most about working here", "enjoy"),
    ("whats your favourite part of the job", "enjoy"),
    ("how long have you been here", "tenure"),
    ("how long have you worked here", "tenure"),
    ("what made you join", "tenure"),
    ("why did you join the company", "tenure"),
    ("how did you end up working here", "tenure"),
    ("would i get a mentor", "mentor"),
    ("is there mentoring", "mentor"),
    ("who would i learn from", "mentor"),
    ("do new starters get mentored", "mentor"),
    ("how does the team handle disagreements", "disagreement"),
    ("what happens when people disagree", "disagreement"),
    ("how do you guys deal with conflict", "disagreement"),
    ("how do you handle disagreements on the team", "disagreement"),
    ("whats your management style", "management style"),
    ("what are you like as a manager", "management style"),
    ("what tools do you guys use", "tools"),
    ("is there parking", "parking"),
    ("is there parking on site", "parking"),
    ("is the job on site", "remote"),
    ("would i need to be onsite", "remote"),
    ("how many days are on site", "remote"),
    ("is it on site or remote", "remote"),
    ("whats the wifi password", NO_REPLY),
    ("can i bring my dog", NO_REPLY),
    ("is there a gym", NO_REPLY),
    ("whats your favourite film", NO_REPLY),
    ("do you have a canteen", NO_REPLY),
    ("what's the weather like there", NO_REPLY),
]
"""(what the candidate types, the topic it is about)"""


@pytest.fixture(scope="module")
def personas(library: Library) -> dict[str, Persona]:
    return {entry.persona.id: entry.persona for entry in library.personas}


def on_topic(persona: Persona, topic: str) -> list[str]:
    """The persona's replies on the topic."""
    markers = {normalise(marker) for marker in TOPICS.get(topic, ())}
    return [
        reply.reply
        for reply in persona.replies
        if any(normalise(phrase) in markers for phrase in reply.about)
    ]


def test_the_table_is_big_and_names_only_known_topics() -> None:
    assert len(PHRASINGS) >= 60
    assert {topic for _, topic in PHRASINGS} <= {*TOPICS, NO_REPLY}
    assert set(TOPICS) >= REQUIRED


@pytest.mark.parametrize("persona_id", ASKED)
def test_every_interviewer_answers_the_required_topics(
    personas: dict[str, Persona], persona_id: str
) -> None:
    missing = [
        topic for topic in sorted(REQUIRED) if on_topic(personas[persona_id], topic) is None
    ]
    assert not missing, f"{persona_id} has no reply about: {missing}"


@pytest.mark.parametrize("persona_id", ASKED)
def test_typed_questions_reach_the_reply_on_their_topic_or_none(
    personas: dict[str, Persona], shared: SharedPhrases, persona_id: str
) -> None:
    persona = personas[persona_id]
    wrong = []
    for question, topic in PHRASINGS:
        meant = on_topic(persona, topic)
        got = matched_reply(persona, question, shared)
        if got not in meant if meant else got is not None:
            given = next((r.about[:3] for r in persona.replies if r.reply == got), None)
            wrong.append(f"{question!r} ({topic}): got {given}")
    assert not wrong, f"{persona_id}:\n" + "\n".join(wrong)
