"""The interview engine: sessions, drawing, timing, scoring, insights, follow-up plans.

No Textual and no SQL here: the TUI shows this state and the journal stores it.
"""
