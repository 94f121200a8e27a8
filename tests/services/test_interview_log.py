"""The real-interview log form's rules: values to a log and back, the journal's checks as
the form's problems, the plan preview, drafts, and storing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from simulator.engine.snapshot import ReminderSnapshot
from simulator.journal import Journal, JournalError
from simulator.journal.interviews import check_interview
from simulator.journal.models import InterviewQuestion, RealInterview
from simulator.services.interview_log import (
    DEFAULT_FORMAT,
    DRAFT_SLOT,
    FORM_FIELDS,
    FormProblem,
    draft_key,
    draft_values,
    draft_write,
    form_notes,
    form_plan,
    form_values,
    interview_from_form,
    kept_draft,
    note_field,
    note_recipients,
    plan_outline,
    saved_words,
    state_words,
    store_interview,
    when_text,
)
from simulator.services.practice import JournalWriter

T0 = 1_800_000_000.0
DAY = 86_400.0


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3", clock=lambda: T0) as opened:
        yield opened


def filled(**changes: str) -> dict[str, str]:
    values = form_values(None, T0)
    values.update(
        company=" Acme ",
        role="Data engineer",
        held=when_text(T0 - DAY),
        interviewers="Ana, Ben, , Ana",
        format="panel",
        questions="Design a queue.\n\n  Why us?  \n",
        topics="Queues\nQueues\nBackpressure",
        went_well="The queue.",
    )
    values[note_field("Ben")] = "Dear Ben, thank you."
    values.update(changes)
    return values


def test_a_new_form_is_blank_but_for_when_and_the_format() -> None:
    values = form_values(None, T0)
    assert set(values) == {*FORM_FIELDS, note_field("")}
    assert values["held"] == when_text(T0)
    assert values["format"] == DEFAULT_FORMAT
    assert all(values[field] == "" for field in FORM_FIELDS if field not in ("held", "format"))


def test_the_form_makes_a_new_log_with_its_plan() -> None:
    interview = interview_from_form(filled(), None, T0, new_id="n" * 32)
    assert interview.id == "n" * 32
    assert interview.company == "Acme"
    assert interview.interviewers == ("Ana", "Ben")
    assert [question.prompt for question in interview.questions] == ["Design a queue.", "Why us?"]
    assert interview.reflection["topics"] == ["Queues", "Backpressure"]
    assert interview.thank_you_drafts == {"Ben": "Dear Ben, thank you."}
    assert interview.created_at == interview.updated_at == T0
    assert sum(item["kind"] == "thank-you" for item in interview.reminders) == 2


def test_a_changed_log_keeps_notes_when_it_was_logged_and_what_was_done() -> None:
    first = interview_from_form(filled(), None, T0 - DAY, new_id="n" * 32)
    done: ReminderSnapshot = {**first.reminders[0], "done_at": T0 - 1}
    first = replace(
        first,
        questions=(InterviewQuestion("Design a queue.", notes="Went fine."),),
        reminders=(done, *first.reminders[1:]),
    )
    again = interview_from_form(form_values(first, T0), first, T0)
    assert again.id == first.id
    assert again.created_at == T0 - DAY and again.updated_at == T0
    assert again.questions[0].notes == "Went fine."
    assert [item["done_at"] for item in again.reminders if item["id"] == done["id"]] == [T0 - 1]


@pytest.mark.parametrize("existing", [False, True])
def test_a_log_without_a_company_is_refused_as_the_journal_refuses_it(existing: bool) -> None:
    old = interview_from_form(filled(), None, T0, new_id="n" * 32) if existing else None
    with pytest.raises(JournalError) as refused:
        check_interview(RealInterview(id="x", company=" ", role="", held_at=T0, format="panel"))
    with pytest.raises(FormProblem) as problem:
        interview_from_form(filled(company="  "), old, T0, new_id="n" * 32)
    assert str(problem.value) == str(refused.value)
    assert (problem.value.field, problem.value.title) == ("company", "Not saved yet")


def test_a_date_that_cannot_be_read_is_the_date_field_s_problem() -> None:
    with pytest.raises(FormProblem) as problem:
        interview_from_form(filled(held="last week"), None, T0)
    assert problem.value.field == "held"
    assert problem.value.title == "Check the date"
    assert "YYYY-MM-DD" in str(problem.value)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        form_plan(None, filled(held="last week"), T0)


def test_the_plan_preview_follows_the_names_and_shows_one_check_in() -> None:
    plan = form_plan(None, filled(), T0)
    shown, more = plan_outline(plan)
    assert [item["kind"] for item in shown].count("check-in") == 1
    assert more == sum(item["kind"] == "check-in" for item in plan) - 1 > 0
    assert sum(item["kind"] == "thank-you" for item in shown) == 2
    assert state_words(shown[0]) == ""
    assert state_words({**shown[0], "closed": True}) == " (closed)"
    assert state_words({**shown[0], "done_at": T0}) == " (done)"


def test_thank_you_notes_go_to_each_interviewer() -> None:
    assert note_recipients(" ") == [""]
    assert note_recipients("Ana,Ben, Ana") == ["Ana", "Ben"]
    # An older draft, one note for everyone, goes to the first interviewer.
    notes = form_notes({"interviewers": "Ana, Ben", "thank_you": "Dear both"})
    assert notes == {note_field("Ana"): "Dear both", note_field("Ben"): ""}


def test_saved_words_name_the_first_follow_up() -> None:
    interview = interview_from_form(filled(), None, T0, new_id="n" * 32)
    assert saved_words(interview, T0).startswith("Saved. First follow-up: ")
    closed = tuple({**item, "closed": True} for item in interview.reminders)
    assert saved_words(replace(interview, reminders=closed), T0) == "Saved."


def test_drafts_are_kept_read_back_and_forgotten(journal: Journal) -> None:
    key = draft_key(None)
    values = filled(company="Café")
    draft_write(key, values, saved={})(journal)
    assert json.loads(journal.drafts(key)[DRAFT_SLOT]) == values
    assert kept_draft(journal, key) == values
    draft_write(key, values, saved=values)(journal)  # back as saved: no draft needed
    assert kept_draft(journal, key) == {}
    assert draft_values("not json") == {} == draft_values("[1, 2]") == draft_values(None)


def test_storing_a_log_forgets_its_drafts(journal: Journal) -> None:
    interview = interview_from_form(filled(), None, T0, new_id="n" * 32)
    writer = JournalWriter(journal)
    try:
        writer.submit(draft_write(draft_key(None), filled(), saved={}))
        stored = store_interview(journal, interview, new=True, writer=writer)
    finally:
        writer.stop()
    assert stored is not None and stored.id == interview.id
    assert journal.drafts(draft_key(None)) == {}
    assert journal.drafts(draft_key(interview.id)) == {}
