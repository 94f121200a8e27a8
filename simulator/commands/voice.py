"""``mock-interview voice ...``: transcribe a WAV file offline and measure its delivery;
check that the microphone, the recogniser and speech output are ready."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.commands.parsing import add_group
from simulator.common import locations
from simulator.services.config import ConfigError, load_config
from simulator.services.context import Context
from simulator.voice.extra import INSTALL_HINT, VoiceUnavailable, missing_packages

if TYPE_CHECKING:
    from simulator.voice.analysis import SpokenAnswer


def _fail(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return 1


def _voice_settings() -> dict[str, Any]:
    """config.json's ``voice`` object (empty when there is none). Raises ConfigError."""
    settings = load_config(locations.config_file()).extra.get("voice", {})
    return settings if isinstance(settings, dict) else {"engine": settings}


def _guessed(count: int) -> str:
    """How many fillers were guessed from sounds, as a clause (empty when none)."""
    if not count:
        return ""
    return f"; {count} guessed from {'a sound' if count == 1 else 'sounds'} that had no word"


def _report(answer: SpokenAnswer) -> list[str]:
    """A spoken answer's transcript and delivery, as lines for people."""
    measured = answer.delivery
    limit = f" (limit {measured.time_limit} s)" if measured.time_limit else ""
    over = f", {measured.over_limit:g} s over" if measured.over_limit else ""
    pauses = ", ".join(f"{pause.start:g}-{pause.end:g} s" for pause in measured.pauses)
    fillers = ", ".join(f"{word} {count}" for word, count in measured.fillers.items())
    return [
        answer.transcript.text or "(no words heard)",
        "",
        f"Speaking time: {measured.speaking_time:g} s{limit}{over}",
        f"Pace: {measured.words_per_minute:g} words a minute",
        f"Pauses of 2 s or more: {len(measured.pauses)}" + (f" ({pauses})" if pauses else ""),
        f"Fillers: {fillers or 'none heard'} ({measured.fillers_per_minute:g} a minute, as far "
        f"as the recogniser hears them{_guessed(measured.guessed_fillers)})",
        f"Longest stretch without a pause: {measured.longest_without_pause:g} s",
    ]


def run_transcribe(context: Context, args: argparse.Namespace) -> int:
    """Print the transcript of a WAV file and its delivery measures."""
    if missing_packages():
        return _fail(INSTALL_HINT)
    if args.limit is not None and args.limit < 0:
        return _fail("--limit must be 0 or more seconds")
    from simulator.voice.analysis import transcribe_file
    from simulator.voice.engines import VoiceConfigError, recogniser_from_config
    from simulator.voice.wavfile import WavError

    path = Path(args.file)
    try:
        recogniser = recogniser_from_config(_voice_settings())
        answer = transcribe_file(path, recogniser, args.limit or 0)
    except (ConfigError, VoiceConfigError, VoiceUnavailable, WavError) as error:
        return _fail(str(error))
    if args.json:
        json.dump(answer.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.writelines(line + "\n" for line in _report(answer))
    return 0


def run_check(context: Context, args: argparse.Namespace) -> int:
    """Say whether the microphone, the recogniser and speech output are ready; exit 0 when
    all three are."""
    from simulator.voice.check import check, hint

    try:
        settings = _voice_settings()
    except ConfigError as error:
        return _fail(str(error))
    parts = check(settings)
    if args.json:
        json.dump([part.to_json() for part in parts], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for part in parts:
            state = "ready" if part.ready else "not ready"
            sys.stdout.write(f"{part.name}: {state}: {part.detail}\n")
        advice = hint(parts)
        if advice:
            sys.stderr.write(advice + "\n")
    return 0 if all(part.ready for part in parts) else 1


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``voice`` and its subcommands."""
    verbs = add_group(
        commands, common, "voice", "transcribe recordings offline; check speaking is ready"
    )
    transcribe = verbs.add(
        "transcribe", run_transcribe, "print the transcript of a WAV file and how it was delivered"
    )
    transcribe.add_argument(
        "file", metavar="FILE.wav", help="a WAV file: any rate, mono or stereo"
    )
    transcribe.add_argument("--json", action="store_true", help="print one JSON object")
    transcribe.add_argument(
        "--limit", type=int, metavar="SECONDS", help="the answer's time limit, to measure against"
    )

    checking = verbs.add(
        "check", run_check, "is the microphone, the recogniser, speech output ready"
    )
    checking.add_argument("--json", action="store_true", help="print JSON for scripts")
