"""The one error type the journal raises for problems the user must see."""

from __future__ import annotations


class JournalError(Exception):
    """The journal cannot do what was asked; the message is plain and meant for the user."""
