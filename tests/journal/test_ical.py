"""The iCalendar writer: escaping, folding at 75 octets, CRLF, stable UIDs; the output read
back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from simulator.journal.ical import calendar_text, escape_text, fold, reminder_uid, utc_stamp
from simulator.journal.models import Reminder

T0 = 1_767_268_800.0  # 2026-01-01T12:00:00Z
DAY = 86_400.0


def reminder(reminder_id: str = "r1", **changes: object) -> Reminder:
    values: dict[str, object] = {
        "id": reminder_id,
        "session_id": "s1",
        "persona_name": "Acme (Data engineer)",
        "kind": "thank-you",
        "title": "Send a thank-you note to Sam",
        "recipient": "Sam",
        "due_at": T0 + DAY,
        "done_at": None,
        "closed": False,
        "snoozed_until": None,
        "source": "interview",
        "planned_at": T0,
    }
    values.update(changes)
    return Reminder(**values)  # type: ignore[arg-type]


def test_text_values_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("one\r\ntwo\rthree\tfour") == "one\\ntwo\\nthree four"
    # Controls and invisible formatting characters never reach a calendar.
    assert escape_text("evil\x1b[2J\u202egnp.exe\x07") == "evil[2Jgnp.exe"


@pytest.mark.parametrize("text", ["x" * 200, "é" * 120, "a" + "🙂" * 60, "ab" * 37 + "é" * 3])
def test_folding_keeps_lines_within_75_octets_and_characters_whole(text: str) -> None:
    line = "SUMMARY:" + text
    folded = fold(line)
    assert folded.endswith("\r\n")
    pieces = folded[:-2].split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line


def test_a_short_line_is_not_folded() -> None:
    assert fold("VERSION:2.0") == "VERSION:2.0\r\n"
    assert fold("X:" + "a" * 73) == "X:" + "a" * 73 + "\r\n"  # exactly 75 octets


def test_times_are_utc() -> None:
    assert utc_stamp(T0) == "20260101T120000Z"
    assert utc_stamp(T0 + 0.9) == "20260101T120000Z"


def test_every_line_ends_in_crlf_and_the_same_state_gives_the_same_text() -> None:
    reminders = [reminder("r1"), reminder("r2", kind="inquiry", title="Ask, politely; now")]
    text = calendar_text(reminders)
    assert text == calendar_text(reminders)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "SUMMARY:Ask\\, politely\\; now\r\n" in text
    assert reminder_uid(reminders[0]) == "r1@mock-interview.local"


def test_events_read_back_with_their_due_times() -> None:
    snoozed = reminder("r2", snoozed_until=T0 + 3 * DAY, title="Check in " + "é" * 80)
    calendar = icalendar.Calendar.from_ical(calendar_text([reminder("r1"), snoozed]))
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"r1@mock-interview.local", "r2@mock-interview.local"}
    first = events["r1@mock-interview.local"]
    assert first.decoded("DTSTART") == datetime(2026, 1, 2, 12, tzinfo=UTC)
    assert first.decoded("DURATION") == timedelta(minutes=15)
    assert str(first["SUMMARY"]) == "Send a thank-you note to Sam"
    assert "For: Sam\n" in str(first["DESCRIPTION"])
    assert first.decoded("DTSTAMP") == datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert int(first["SEQUENCE"]) == 0
    second = events["r2@mock-interview.local"]
    assert second.decoded("DTSTART") == datetime(2026, 1, 4, 12, tzinfo=UTC)  # the snooze
    assert str(second["SUMMARY"]) == "Check in " + "é" * 80  # folded and unfolded whole
    assert int(second["SEQUENCE"]) == 2 * 24 * 60  # moved two days: newer than before
    (alarm,) = second.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(0)


def test_to_dos_have_due_times() -> None:
    calendar = icalendar.Calendar.from_ical(calendar_text([reminder()], kind="todo"))
    (todo,) = calendar.walk("VTODO")
    assert todo.decoded("DUE") == datetime(2026, 1, 2, 12, tzinfo=UTC)
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert "DTSTART" not in todo
    assert calendar.walk("VEVENT") == []


def test_an_empty_calendar_is_still_a_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(calendar_text([]))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["VERSION"]) == "2.0"
