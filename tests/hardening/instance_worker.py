"""A second running instance, without the screen (run as a script, not collected).

Usage: instance_worker.py PERSONA SESSIONS DRAFTS
With the journal of $MOCK_INTERVIEW_HOME, practises SESSIONS sessions the way the app does
(a JournalWriter, drafts while typing, a snapshot on every step): in each, the answer to the
first question is typed as DRAFTS growing drafts, and every session but the last is then
saved. Prints one JSON line per session: its id, the final text, and whether it was saved.
"""

from __future__ import annotations

import json
import sys

from simulator.journal import Journal
from simulator.services.context import Context
from simulator.services.practice import JournalWriter, Practice, StartOptions, answer_slot


def main() -> None:
    """Practise, print, and say whether any write failed."""
    persona, sessions, drafts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    library = Context.create(use_cache=False).load_library()
    errors: list[str] = []
    journal = Journal.open()
    writer = JournalWriter(journal, on_error=errors.append)
    for number in range(sessions):
        practice = Practice.start(library, writer, StartOptions(persona, seed=number))
        session = practice.session
        while session.step().question is None:
            session.advance()
            practice.saved()
        current = session.current_answer()
        assert current is not None
        text = ""
        for word in range(drafts):
            text += f"{persona} {number} word {word}; "
            practice.draft(answer_slot(current["id"]), text)
        last = number == sessions - 1
        if not last:
            practice.saved()
        writer.flush()
        practice.close()
        line = {"id": session.id, "answer": current["id"], "text": text, "saved": not last}
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
    writer.flush()
    writer.stop()
    journal.close()
    if errors:
        sys.stderr.write("\n".join(errors) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
