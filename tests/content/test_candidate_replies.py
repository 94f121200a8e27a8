"""Every interviewer answers the candidate's own questions: each question the app suggests
in that interviewer's session, and the questions candidates ask most, get one of the
interviewer's own replies (not the line that says it cannot answer), and natural
rephrasings reach the reply meant for them rather than one that shares a word.

An interviewer whose plan has no your-questions stage (the career coach's writing drills)
is never asked, so it is left out."""

from __future__ import annotations

import pytest

from simulator.engine.replies import SharedPhrases
from simulator.engine.replies import matched_reply as bare_match
from simulator.packs.library import Library, PersonaEntry
from simulator.packs.records import Persona

ASKED = [
    "friendly-recruiter",
    "hiring-manager",
    "rigorous-tech-lead",
    "panel-of-three",
    "bar-raiser",
    "startup-cto",
    "industry-professional",
    "security-engineering-lead",
    "analytics-manager",
    "ecommerce-marketing-lead",
    "it-service-desk-lead",
    "pm-programme-director",
    "ux-design-lead",
    "nurse-ward-manager",
    "teaching-deputy-head",
]
"""The built-in interviewers whose plan has a your-questions stage."""

COMMON = [
    "What are the next steps in the process?",
    "What is the salary range for this role?",
    "When would you want me to start?",
    "What does a typical day look like?",
    "How would you describe the team culture?",
    "Is this role remote or hybrid?",
    "How will my performance be measured?",
    "What are the biggest challenges facing the team?",
    "What do you enjoy most about working here?",
    "What does success look like in the first 90 days?",
    "Are there opportunities for training and growth?",
    "Who would I report to?",
    "How big is the team?",
    "What benefits do you offer?",
    "Is there any travel involved?",
    "Why is this position open?",
    "Do you have any concerns about my background?",
    "What is the timeline for a decision?",
    "How does the company support work-life balance?",
    "What would you want me to accomplish in the first year?",
    "How soon could I start?",
    "Is there anything in my background that gives you pause?",
]
"""What candidates ask most often at the end of an interview, as they would say it."""

DIFFERENT = [
    (
        "Do you have any concerns about my background?",
        "What are the biggest challenges facing the team?",
    ),
    (
        "How will my performance be measured?",
        "What would you want me to accomplish in the first year?",
    ),
    ("How will my performance be measured?", "What does a typical day look like?"),
    ("Why is this position open?", "What do you enjoy most about working here?"),
    ("When would you want me to start?", "What are the next steps in the process?"),
    (
        "How does the company support work-life balance?",
        "How would you describe the team culture?",
    ),
    ("What benefits do you offer?", "What does a typical day look like?"),
]
"""Pairs of questions that share words but are about different things, so every
interviewer answers them with different replies."""

INTENDED = [
    # (interviewer, question, words from the reply meant for it)
    ("friendly-recruiter", "Any reservations about hiring me?", "passing you"),
    ("friendly-recruiter", "What's the pay band?", "band by email"),
    ("friendly-recruiter", "How much holiday do I get?", "25 days"),
    ("friendly-recruiter", "What happened to the person who had this job before?", "promoted"),
    ("friendly-recruiter", "Are the hours flexible?", "core hours"),
    ("hiring-manager", "Is there anything in my experience that worries you?", "red flag"),
    ("hiring-manager", "Who would be my manager?", "report to me"),
    ("hiring-manager", "What keeps you up at night?", "team doubled"),
    ("hiring-manager", "How does the team handle disagreements?", "disagree openly"),
    ("friendly-recruiter", "Is there a bonus?", "bonus on top"),
    ("ux-design-lead", "What happens after this interview?", "design exercise"),
    (
        "hiring-manager",
        "How do you balance shipping quickly with keeping the code healthy?",
        "shortcut",
    ),
    (
        "hiring-manager",
        "Which parts of the stack would I be working in during my first three months?",
        "customer accounts service",
    ),
    ("hiring-manager", "How are technical decisions made and written down?", "design note"),
    (
        "hiring-manager",
        "What would you expect me to achieve in my first twelve months?",
        "end of the first year",
    ),
    (
        "rigorous-tech-lead",
        "How are technical decisions made and written down?",
        "design document",
    ),
    ("rigorous-tech-lead", "When will I hear back about a decision?", "final round"),
    ("rigorous-tech-lead", "How will I be evaluated?", "ladder"),
    (
        "rigorous-tech-lead",
        "How does code get from a developer's laptop to production here?",
        "pipeline runs",
    ),
    ("rigorous-tech-lead", "What does the on-call rotation look like?", "one week in six"),
    ("rigorous-tech-lead", "Will I be expected to answer emails at the weekend?", "after hours"),
    ("panel-of-three", "What are the biggest challenges facing the team?", "saying no"),
    ("panel-of-three", "How do people here get feedback, and how often?", "one-to-ones"),
    ("bar-raiser", "Is there anything that would make you hesitate to hire me?", "assessment"),
    (
        "bar-raiser",
        "What is the biggest piece of technical debt the team is living with?",
        "guessing",
    ),
    ("startup-cto", "What's the culture like?", "say what they think"),
    (
        "startup-cto",
        "How do you balance shipping quickly with keeping the code healthy?",
        "lean towards shipping",
    ),
    ("industry-professional", "When would you want me to start?", "no job"),
    ("industry-professional", "Where do you see the biggest gap in my background?", "evidence"),
    (
        "industry-professional",
        "Which tools or languages does your team use day to day?",
        "SQL and Python",
    ),
    ("industry-professional", "What is the salary range for this role?", "salary surveys"),
    (
        "security-engineering-lead",
        "What does the on-call rota look like for security incidents?",
        "one week in six",
    ),
    (
        "security-engineering-lead",
        "What is the biggest security gap you want this hire to help close?",
        "identity",
    ),
    (
        "security-engineering-lead",
        "What would success look like in the first 90 days?",
        "first three months",
    ),
    (
        "analytics-manager",
        "What does a good analysis look like here, from request to decision?",
        "starts with the decision",
    ),
    (
        "analytics-manager",
        "Can you tell me about an analysis that recently changed a decision?",
        "onboarding",
    ),
    (
        "it-service-desk-lead",
        "How is the knowledge base kept up to date, and who owns it?",
        "editor",
    ),
    ("it-service-desk-lead", "Will I have to work evenings?", "shift ends"),
    ("pm-programme-director", "Is there much travel?", "trip"),
    ("ux-design-lead", "How will my performance be measured?", "twice a year"),
]
"""Rephrased or easily confused questions, with words only the intended reply holds."""


def matched_reply(persona: Persona, question: str, shared: SharedPhrases) -> str | None:
    """The reply the app gives: matched with the built-in personas' shared phrases."""
    return bare_match(persona, question, shared)


def asks_for_questions(entry: PersonaEntry) -> bool:
    return any(stage.stage == "your-questions" for stage in entry.persona.plan)


def suggestions(library: Library, entry: PersonaEntry) -> list[str]:
    """Every question the app may suggest in this interviewer's session: the candidate
    questions of the packs its stages can draw from and of its own pack, and all packs'
    when a session's packs hold none (as Session.suggested_candidate_questions does)."""
    own = {entry.pack_id}
    reachable = {
        ref.key[0]
        for stage in entry.persona.plan
        if stage.stage == "questions"
        for ref in library.matching(stage)
    }
    found = list(library.candidate_questions(reachable | own))
    if any(not library.candidate_questions({pack, *own}) for pack in reachable):
        found += library.candidate_questions()
    return list(dict.fromkeys(found))


def entry_for(library: Library, persona_id: str) -> PersonaEntry:
    entry = library.persona(persona_id)
    assert entry is not None and entry.usable, persona_id
    return entry


def test_the_list_holds_every_interviewer_who_is_asked(library: Library) -> None:
    asked = [entry.persona.id for entry in library.personas if asks_for_questions(entry)]
    assert sorted(asked) == sorted(ASKED)
    assert "career-coach" not in asked


@pytest.mark.parametrize("persona_id", ASKED)
def test_every_suggested_question_gets_a_reply(
    library: Library, shared: SharedPhrases, persona_id: str
) -> None:
    entry = entry_for(library, persona_id)
    suggested = suggestions(library, entry)
    assert len(suggested) >= 8
    unanswered = [q for q in suggested if matched_reply(entry.persona, q, shared) is None]
    assert not unanswered, f"{persona_id} has no reply to:\n" + "\n".join(unanswered)


@pytest.mark.parametrize("persona_id", ASKED)
def test_common_questions_get_a_reply(
    library: Library, shared: SharedPhrases, persona_id: str
) -> None:
    persona = entry_for(library, persona_id).persona
    unanswered = [q for q in COMMON if matched_reply(persona, q, shared) is None]
    assert not unanswered, f"{persona_id} has no reply to:\n" + "\n".join(unanswered)


@pytest.mark.parametrize("persona_id", ASKED)
@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_questions_that_share_words_get_different_replies(
    library: Library, shared: SharedPhrases, persona_id: str, one: str, other: str
) -> None:
    persona = entry_for(library, persona_id).persona
    first, second = matched_reply(persona, one, shared), matched_reply(persona, other, shared)
    assert first is not None and second is not None
    assert first != second, (one, other, first)


@pytest.mark.parametrize(("persona_id", "question", "words"), INTENDED)
def test_a_question_reaches_the_reply_meant_for_it(
    library: Library, shared: SharedPhrases, persona_id: str, question: str, words: str
) -> None:
    reply = matched_reply(entry_for(library, persona_id).persona, question, shared)
    assert reply is not None, question
    assert words.casefold() in " ".join(reply.split()).casefold(), reply
