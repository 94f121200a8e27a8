"""How a spoken answer was delivered, as rows for :class:`LabelledRows`: the recording, then
each measure with how sure it is and what it measured (the rows come built from
:mod:`simulator.services.delivery_view`)."""

from __future__ import annotations

from textual.content import Content

from simulator.services.delivery_view import DeliveryRow, RecordedAnswer
from simulator.tui.widgets.labelled_rows import Row

CERTAINTY_STYLES = {"high": "$success", "medium": "$text-muted", "low": "$warning"}
"""How each certainty is coloured."""


def delivery_row(row: DeliveryRow) -> Row:
    """One measure: its value, how sure it is, and under them what it measured."""
    return (
        row.label,
        Content.assemble(
            (row.value, "$warning" if row.warning else ""),
            ("  · ", "dim"),
            (f"{row.certainty} certainty", CERTAINTY_STYLES.get(row.certainty, "dim")),
            "\n",
            (row.measured, "dim"),
        ),
    )


def recorded_rows(recording: RecordedAnswer | None, play_key: str) -> list[Row]:
    """The recording and its delivery (none for an answer that was typed)."""
    if recording is None:
        return []
    rows: list[Row] = [
        (
            "Recording",
            Content.assemble(f"{recording.length} spoken", (f"  · {play_key} plays it", "dim")),
        )
    ]
    return rows + [delivery_row(row) for row in recording.rows]
