"""The built-in rubrics, usable by id from any pack.

One is the default for each question kind; two more fit answers that are not stories:
`motivation-fit` (why us, why leaving, strengths and weaknesses) and `short-answer` (salary,
notice period, availability and other short facts).
"""

from __future__ import annotations

from simulator.packs.records import Criterion, Kind, Rubric


def _criterion(id_: str, label: str, description: str, levels: dict[int, str]) -> Criterion:
    return Criterion(id=id_, label=label, description=description, levels=levels)


BUILTIN_RUBRICS: dict[str, Rubric] = {
    rubric.id: rubric
    for rubric in (
        Rubric(
            id="star-story",
            title="STAR story, short form",
            description="For behavioral answers told as a story.",
            criteria=[
                _criterion(
                    "structure",
                    "Structure",
                    "The situation, the task, your actions and the result are each clear.",
                    {
                        1: "No story to follow.",
                        3: "A story, but one part is thin.",
                        5: "Every part is clear and in order.",
                    },
                ),
                _criterion(
                    "ownership",
                    "Your part",
                    "It is clear what you did yourself, not only what the team did.",
                    {
                        1: "Only 'we'.",
                        3: "Your part is there but vague.",
                        5: "Your decisions and actions stand out.",
                    },
                ),
                _criterion(
                    "result",
                    "Result",
                    "The outcome is stated, measured where possible, with what you learned.",
                    {
                        1: "No outcome.",
                        3: "An outcome without evidence.",
                        5: "A measurable outcome and a lesson.",
                    },
                ),
                _criterion(
                    "relevance",
                    "Relevance",
                    "The story answers the question that was asked.",
                    {
                        1: "Off the question.",
                        3: "Related, but drifts.",
                        5: "Squarely on the question.",
                    },
                ),
            ],
        ),
        Rubric(
            id="technical-explanation",
            title="Technical explanation, short form",
            description="For technical answers given in words.",
            criteria=[
                _criterion(
                    "accuracy",
                    "Accuracy",
                    "What you said is correct, and limits are stated.",
                    {
                        1: "Major errors.",
                        3: "Mostly right, some gaps.",
                        5: "Correct, with the edge cases named.",
                    },
                ),
                _criterion(
                    "reasoning",
                    "Reasoning",
                    "You explain why, weigh trade-offs and consider alternatives.",
                    {
                        1: "Assertions only.",
                        3: "Some trade-offs.",
                        5: "Clear trade-offs and a justified choice.",
                    },
                ),
                _criterion(
                    "clarity",
                    "Clarity",
                    "A listener could follow and repeat your explanation.",
                    {
                        1: "Hard to follow.",
                        3: "Followable with effort.",
                        5: "Simple, ordered and concrete.",
                    },
                ),
                _criterion(
                    "experience",
                    "Experience",
                    "You ground the answer in something you have done.",
                    {
                        1: "Nothing concrete.",
                        3: "A passing example.",
                        5: "A specific example with results.",
                    },
                ),
            ],
        ),
        Rubric(
            id="informational-conversation",
            title="Informational conversation, short form",
            description="For informational interviews, where you asked for the chat.",
            criteria=[
                _criterion(
                    "preparation",
                    "Preparation",
                    "You show you researched the person, the company and the field.",
                    {
                        1: "No research shows.",
                        3: "General research.",
                        5: "Specific, well-used research.",
                    },
                ),
                _criterion(
                    "purpose",
                    "Purpose",
                    "You are clear about what you are looking for and why.",
                    {
                        1: "Unclear why you are here.",
                        3: "A general aim.",
                        5: "A focused, honest aim.",
                    },
                ),
                _criterion(
                    "curiosity",
                    "Curiosity",
                    "You listen and build on what you hear.",
                    {1: "Scripted.", 3: "Some follow-through.", 5: "Genuine, adaptive interest."},
                ),
                _criterion(
                    "respect",
                    "Respect for their time",
                    "You are concise and make the conversation easy for them.",
                    {1: "Rambling.", 3: "Mostly concise.", 5: "Tight and considerate."},
                ),
            ],
        ),
        Rubric(
            id="written-follow-up",
            title="Written follow-up, short form",
            description="For thank-you notes, inquiries and other follow-up messages.",
            criteria=[
                _criterion(
                    "specific",
                    "Specific",
                    "It mentions something particular from the conversation.",
                    {
                        1: "Could be sent to anyone.",
                        3: "One general reference.",
                        5: "A specific, memorable detail.",
                    },
                ),
                _criterion(
                    "tone",
                    "Tone",
                    "Grateful and enthusiastic without being pushy.",
                    {1: "Cold or pushy.", 3: "Polite.", 5: "Warm, confident and gracious."},
                ),
                _criterion(
                    "brevity",
                    "Brevity",
                    "Short enough to read in under a minute, with a clear subject line.",
                    {
                        1: "Long or no subject.",
                        3: "A little long.",
                        5: "Brief, with a clear subject.",
                    },
                ),
                _criterion(
                    "next-step",
                    "Next step",
                    "It makes the next step easy for the reader.",
                    {
                        1: "No next step.",
                        3: "An implied next step.",
                        5: "A clear, easy next step.",
                    },
                ),
            ],
        ),
        Rubric(
            id="motivation-fit",
            title="Motivation and fit",
            description="For why us, why this role, why leaving, strengths and weaknesses.",
            criteria=[
                _criterion(
                    "specific",
                    "Specific to them",
                    "It shows real research into this company, team or role.",
                    {
                        1: "Could be said to any employer.",
                        3: "One general fact about them.",
                        5: "Specific details that only fit this place.",
                    },
                ),
                _criterion(
                    "evidence",
                    "Linked to your experience",
                    "Claims are backed by something you have actually done.",
                    {
                        1: "Claims with nothing behind them.",
                        3: "A passing example.",
                        5: "A concrete example that proves the point.",
                    },
                ),
                _criterion(
                    "honesty",
                    "Honest",
                    "It sounds true: no cliches, no blame, real limits admitted.",
                    {
                        1: "Rehearsed cliches or blame.",
                        3: "Sincere but guarded.",
                        5: "Candid and positive, limits owned.",
                    },
                ),
                _criterion(
                    "forward",
                    "Forward-looking",
                    "It ends on what you want to do next and why this role fits it.",
                    {
                        1: "Only about the past.",
                        3: "A vague wish for the future.",
                        5: "A clear next step that this role serves.",
                    },
                ),
            ],
        ),
        Rubric(
            id="short-answer",
            title="Short factual answer",
            description="For short facts: salary, notice period, availability, logistics.",
            criteria=[
                _criterion(
                    "direct",
                    "Direct",
                    "The answer comes first, before any explanation.",
                    {
                        1: "No answer, or it is buried.",
                        3: "An answer after some preamble.",
                        5: "The answer in the first sentence.",
                    },
                ),
                _criterion(
                    "accurate",
                    "Accurate",
                    "The facts are right, realistic and consistent with what you said before.",
                    {
                        1: "Vague, wrong or contradictory.",
                        3: "Roughly right, some hedging.",
                        5: "Precise, realistic and checked.",
                    },
                ),
                _criterion(
                    "brief",
                    "Brief",
                    "Said in well under a minute, with only the context that helps.",
                    {
                        1: "A long story.",
                        3: "A little long.",
                        5: "A few sentences, nothing missing.",
                    },
                ),
                _criterion(
                    "confident",
                    "Confident",
                    "Calm and matter-of-fact, without apologising or over-explaining.",
                    {
                        1: "Apologetic or defensive.",
                        3: "Polite but unsure.",
                        5: "Calm, friendly and assured.",
                    },
                ),
            ],
        ),
    )
}
"""Built-in rubrics by id."""

DEFAULT_RUBRIC_BY_KIND: dict[Kind, str] = {
    "behavioral": "star-story",
    "technical": "technical-explanation",
    "informational": "informational-conversation",
    "follow-up": "written-follow-up",
}
"""The rubric used when neither a question nor its pack names one."""
