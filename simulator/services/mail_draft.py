"""A thank-you note as an email in the user's mail app: a ``mailto:`` link (RFC 6068).

The note's first line is its subject when it starts with "Subject:" (as the note boxes
suggest); the rest is the body. No address is known, so the mail app asks for one.
"""

from __future__ import annotations

from urllib.parse import quote

DEFAULT_SUBJECT = "Thank you"
"""The subject of a note that does not start with a "Subject:" line."""

SUBJECT_PREFIX = "subject:"


def subject_and_body(text: str, default_subject: str = DEFAULT_SUBJECT) -> tuple[str, str]:
    """The note split into its subject and its body."""
    lines = text.strip().splitlines()
    if lines and lines[0].strip().lower().startswith(SUBJECT_PREFIX):
        subject = lines[0].strip()[len(SUBJECT_PREFIX) :].strip()
        return subject or default_subject, "\n".join(lines[1:]).strip()
    return default_subject, "\n".join(lines)


def mailto_url(text: str, default_subject: str = DEFAULT_SUBJECT) -> str:
    """A ``mailto:`` link with the note's subject and body, every character that is not
    plainly safe percent-encoded and line breaks written as CRLF (RFC 6068, section 5)."""
    subject, body = subject_and_body(text, default_subject)
    body = "\r\n".join(body.splitlines())
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def open_link(url: str) -> bool:
    """Hand ``url`` to the desktop (the mail app, for ``mailto:``); False if nothing took
    it. Tests replace this function, so nothing is ever opened by them."""
    import webbrowser

    return webbrowser.open(url)
