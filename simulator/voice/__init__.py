"""Answering out loud: recording, offline transcription, playback and a speaking interviewer.

A layer of its own, between the services and the journal: it may use the journal, the
engine, the packs and the common helpers, never Textual. Its packages come from the
optional ``voice`` extra (pocketsphinx, sounddevice, soundfile and numpy) and are imported
only inside the functions that need them, so importing anything here costs nothing and
works without the extra; :mod:`.extra` says what is missing. See docs/architecture.md
("Answering out loud") for how the pieces fit.
"""
