"""The journal under faults, in the real app: what the user sees while typing an answer.

test_journal_faults.py proves the journal and the writer under each fault; these drive the
app itself (a session at a question, keys into the answer editor) and check what reaches
the screen: a notification that says what happened and where the text is, and an editor
that still holds exactly what was typed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from textual import events
from textual.pilot import Pilot

from simulator.common import locations
from simulator.journal import Journal, JournalError
from simulator.services.emergency import EmergencyStore
from simulator.services.practice import CONFLICT_PREFIX, answer_slot, recover_emergency_files
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.widgets.answer_editor import AnswerEditor

from tui_helpers import burst, open_session, settle

AppFactory = Callable[..., MockInterviewApp]

# Longer than the free pages of a fresh journal, so saving it needs the file to grow.
PASTED = "Situation: the nightly build took 40 min; naïve caching, 中文, 👍🏽, e\u0301.\n" * 600
TYPED = "3x, ok."


def notices(app: MockInterviewApp) -> list[str]:
    """The titles and messages of the notifications shown so far, each once, including any
    that have timed out since (a loaded machine can take longer than a notice lasts)."""
    record: dict[str, None] | None = getattr(app, "_notices_seen", None)
    if record is None:
        record = dict.fromkeys(f"{n.title}: {n.message}" for n in app._notifications)
        shown = record
        notify = app.notify

        def recording_notify(message: str, *, title: str = "", **options: Any) -> None:
            shown[f"{title}: {message}"] = None
            notify(message, title=title, **options)

        app.notify = recording_notify  # type: ignore[method-assign]
        app._notices_seen = record  # type: ignore[attr-defined]
    return list(record)


async def wait_for(pilot: Pilot[int], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds; 15 s at most (a loaded CI machine running
    the suite on every core has taken more than 5)."""
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"within 15 s: {what}")


async def to_first_question(app: MockInterviewApp, pilot: Pilot[int]) -> AnswerEditor:
    """A session at its first question, the answer editor focused."""
    practice = await open_session(app, pilot, "rigorous-tech-lead")
    while practice.session.step().question is None:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.screen, InterviewScreen)
    editor = app.screen.query_one("#answer", AnswerEditor)
    assert app.focused is editor
    return editor


async def type_into(pilot: Pilot[int], pasted: str, typed: str) -> None:
    """What a terminal delivers: a paste (to the app, as the driver sends it), then keys."""
    if pasted:
        pilot.app.post_message(events.Paste(pasted))
        await pilot.pause()
    await burst(pilot, *typed)


def connection_of(journal: Journal) -> sqlite3.Connection:
    connection = journal._connection
    assert connection is not None
    return connection


def drafts_of(app: MockInterviewApp) -> dict[str, str]:
    """The journal's drafts for the session on screen, after the writes queued so far."""
    assert app.practice is not None and app.writer is not None and app.journal is not None
    app.writer.flush()
    return app.journal.drafts(app.practice.session.id)


async def test_a_full_disk_while_typing_is_told_and_the_text_is_kept(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await to_first_question(app, pilot)
        assert app.practice is not None and app.journal is not None and app.writer is not None
        session_id = app.practice.session.id
        current = app.practice.session.current_answer()
        assert current is not None
        slot = answer_slot(current["id"])
        assert app.writer.flush()
        before = set(notices(app))

        # The disk is full: the journal may not grow by a single page.
        connection = connection_of(app.journal)
        with app.journal._lock:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            free = connection.execute("PRAGMA freelist_count").fetchone()[0]
            size = connection.execute("PRAGMA page_size").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
        assert len(PASTED.encode("utf-8")) > (free + 2) * size  # it cannot fit in free pages

        await type_into(pilot, PASTED, TYPED)
        typed = PASTED + TYPED
        kept = locations.data_dir() / "emergency" / f"{session_id}.json"

        def told() -> list[str]:
            return [notice for notice in notices(app) if notice not in before]

        await wait_for(pilot, lambda: bool(told()), "a notification about the failed save")
        (notice,) = told()
        assert "disk is full" in notice, notice
        assert f"kept in {kept}" in notice, notice
        assert "Traceback" not in notice
        assert editor.text == typed

        def kept_drafts() -> object:
            return json.loads(kept.read_text(encoding="utf-8"))["drafts"]

        # The first failed save may hold all but the last keys; the next one (on a loaded
        # machine, after the notice) catches up with the whole text.
        await wait_for(pilot, lambda: kept_drafts() == {slot: typed}, "the whole text kept")
        assert slot not in drafts_of(app)

        # Space again: the next save works, with nothing more to tell, and the older
        # emergency copy is dropped so that the next start cannot lay it over the newer text.
        with app.journal._lock:
            connection.execute("PRAGMA max_page_count = 1073741823")
        await burst(pilot, *" Done.")
        typed += " Done."
        await wait_for(pilot, lambda: drafts_of(app).get(slot) == typed, "the next save")
        assert editor.text == typed
        assert len(told()) == 1, told()
        assert not kept.exists()
        store = EmergencyStore([kept.parent])
        assert recover_emergency_files(app.journal, store) == []
        assert drafts_of(app)[slot] == typed


async def test_a_draft_changed_in_another_window_is_told_and_both_are_kept(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await to_first_question(app, pilot)
        assert app.practice is not None and app.writer is not None
        session_id = app.practice.session.id
        current = app.practice.session.current_answer()
        assert current is not None
        slot = answer_slot(current["id"])
        await type_into(pilot, "", "Profiled.")
        await wait_for(pilot, lambda: drafts_of(app).get(slot) == "Profiled.", "a save")
        before = set(notices(app))

        # Another window, with its own connection, changes the same draft.
        with Journal.open() as other:
            other.save_draft(session_id, slot, "The other window's answer.")

        await type_into(pilot, "", " Cached.")
        mine = "Profiled. Cached."

        def told() -> list[str]:
            return [notice for notice in notices(app) if notice not in before]

        await wait_for(pilot, lambda: bool(told()), "a notification about the other window")
        (notice,) = told()
        assert "another mock-interview window" in notice, notice
        assert "both versions are kept" in notice, notice
        assert "kept in" not in notice, notice  # nothing went to an emergency file
        # Told as a warning about the other window, not as a failed save to act on.
        assert notice.startswith("Changed in another window: "), notice
        assert "somewhere safe" not in notice, notice
        assert editor.text == mine

        drafts = drafts_of(app)
        assert drafts[slot] == "The other window's answer."
        (conflict,) = [name for name in drafts if name.startswith(CONFLICT_PREFIX)]
        # The save that found the conflict may hold all but the last keys; the next one
        # (on a loaded machine, after the notice) catches up with the whole text.
        await wait_for(pilot, lambda: drafts_of(app).get(conflict) == mine, "all of mine kept")
        emergency = EmergencyStore([locations.data_dir() / "emergency"])
        assert emergency.pending() == []

        # Typing on keeps this window's version current, without telling the user again.
        await burst(pilot, *" Held.")
        mine += " Held."
        await wait_for(pilot, lambda: drafts_of(app).get(conflict) == mine, "the next save")
        assert drafts_of(app)[slot] == "The other window's answer."
        assert editor.text == mine
        assert len(told()) == 1, told()


async def test_a_failed_save_reported_while_the_screen_waits_for_the_writer_is_no_freeze(
    make_app: AppFactory,
) -> None:
    """The screen's thread waits for the writer before it reads the journal (resuming,
    listing drafts). A save that fails just then must not make the writer wait in turn for
    the screen's thread to show the notice: both stood still until the wait gave up."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        writer = app.writer
        assert writer is not None

        def full_disk(_journal: Journal) -> None:
            raise JournalError("saving failed: database or disk is full")

        writer.submit(full_disk)
        assert writer.flush(timeout=5), "the writer waited for the screen that waited for it"
        await wait_for(
            pilot, lambda: any("disk is full" in text for text in notices(app)), "the notice"
        )
