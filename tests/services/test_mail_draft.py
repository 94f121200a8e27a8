"""A thank-you note as a mailto: link (RFC 6068)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from simulator.services.mail_draft import DEFAULT_SUBJECT, mailto_url, subject_and_body


def test_a_subject_line_becomes_the_subject() -> None:
    text = "Subject: Thank you for Tuesday\n\nDear Priya,\nthanks.\n"
    assert subject_and_body(text) == ("Thank you for Tuesday", "Dear Priya,\nthanks.")
    assert subject_and_body("subject:   \nHi") == (DEFAULT_SUBJECT, "Hi")


def test_without_a_subject_line_the_whole_note_is_the_body() -> None:
    assert subject_and_body("Dear Priya,\nthanks.") == (DEFAULT_SUBJECT, "Dear Priya,\nthanks.")


def test_the_link_encodes_everything_and_breaks_lines_as_crlf() -> None:
    text = "Subject: Thanks & more? 100%\nDear Ana-María,\nsee a=b&c=d #1\n"
    url = mailto_url(text)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == ""
    assert " " not in url and "\n" not in url and "#" not in url
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thanks & more? 100%"]
    assert query["body"] == ["Dear Ana-María,\r\nsee a=b&c=d #1"]
    assert "%0D%0A" in url
