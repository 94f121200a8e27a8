"""When a reminder is shown as due, and where a snooze moves it."""

from __future__ import annotations

from simulator.commands.log_reminders import _reminder_line
from simulator.journal.models import Reminder

DAY = 86_400.0
NOW = 1_800_000_000.0


def reminder(due_at: float, snoozed_until: float | None = None) -> Reminder:
    return Reminder(
        id="r1",
        session_id="s1",
        persona_name="Grace",
        kind="inquiry",
        title="Ask how the process is going",
        recipient="",
        due_at=due_at,
        done_at=None,
        closed=False,
        snoozed_until=snoozed_until,
    )


def test_an_overdue_reminder_is_snoozed_from_now() -> None:
    overdue = reminder(NOW - DAY)
    assert overdue.snooze_end(NOW, DAY) == NOW + DAY


def test_a_reminder_not_yet_due_is_moved_a_whole_day() -> None:
    tomorrow = reminder(NOW + DAY - 3600)
    assert tomorrow.snooze_end(NOW, DAY) == NOW + 2 * DAY - 3600


def test_snoozing_again_adds_to_the_snooze() -> None:
    snoozed = reminder(NOW - DAY, snoozed_until=NOW + 7 * DAY)
    assert snoozed.is_snoozed(NOW)
    assert snoozed.shown_due_at == NOW + 7 * DAY
    assert snoozed.snooze_end(NOW, DAY) == NOW + 8 * DAY


def test_a_past_snooze_no_longer_moves_the_due_date() -> None:
    expired = reminder(NOW - DAY, snoozed_until=NOW - 3600)
    assert not expired.is_snoozed(NOW)
    assert expired.shown_due_at == NOW - 3600


def test_log_reminders_shows_the_snoozed_due_date() -> None:
    line = _reminder_line(reminder(NOW - DAY, snoozed_until=NOW + 7 * DAY), NOW)
    assert "due in 7 days (snoozed)" in line
