"""Make the committed test recordings: known sentences with known silences.

    python tests/voice/make_audio.py          # writes tests/voice/audio/*.wav and manifest.json
    python tests/voice/make_audio.py DIR      # writes them to DIR instead

Needs espeak-ng and sox on the PATH (test-time tools only: the tests read the committed
files and need neither). Each sentence is spoken by espeak-ng, its own leading and trailing
silence trimmed, brought to 6 dB below full scale (espeak-ng's loudest peaks clip, which
the recogniser hears badly), and put at 16 kHz, mono, 16-bit. The silences between
sentences have a known length, so the manifest can say exactly where they are. A faint
hiss (about -65 dB, a quiet room) lies under everything: a real microphone never gives
exact digital silence, and pocketsphinx, given long runs of zeros, carries something of
them into the next utterance it decodes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "audio"
RATE = 16_000
EDGE = 0.3
"""Seconds of silence before the first sentence and after the last."""
HISS = "0.001"
"""The room's noise: white noise of this peak amplitude (sox's ``synth whitenoise vol``)."""

VOICE = "en-us+klatt2"
"""espeak-ng's US English voice with its Klatt variant: the one pocketsphinx's model hears
best of those tried (about one word in six wrong, against one in three for most)."""
SPEED = 150
"""Words a minute."""

RECORDINGS: dict[str, list[str | float]] = {
    "pause.wav": [
        "I led a team of five engineers to rebuild the payment system.",
        2.5,
        "We finished two months early.",
    ],
    "filler.wav": [
        "Well, um, we measured the results every week and shared them with the whole company."
    ],
    "uh.wav": ["It was, uh, late."],
    "clean.wav": ["Other teams were using it too."],
}
"""Each file: sentences, and seconds of silence between them."""

FILLERS = {"pause.wav": 0, "filler.wav": 1, "uh.wav": 1, "clean.wav": 0}
"""How many filler sounds (um, uh, er) each file says. clean.wav says none, but its
trailing "too" was once taken for an um."""


SOX = ("sox", "-R", "-q")
"""sox, quiet, with its random numbers (dither, noise) the same on every run."""
AS_WRITTEN = ("-r", str(RATE), "-c", "1", "-b", "16")
"""16 kHz, mono, 16-bit."""
TRIM = ("silence", "1", "0.01", "0.1%", "reverse", "silence", "1", "0.01", "0.1%", "reverse")
"""sox effects that cut the silence before and after a sentence."""


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def seconds_of(path: Path) -> float:
    return float(run("soxi", "-D", str(path)))


def sentence(text: str, folder: Path, number: int) -> tuple[Path, float]:
    """One sentence as a trimmed 16 kHz mono file, and its length in seconds."""
    spoken = folder / f"spoken-{number}.wav"
    trimmed = folder / f"trimmed-{number}.wav"
    run("espeak-ng", "-v", VOICE, "-s", str(SPEED), "-w", str(spoken), text)
    run(*SOX, str(spoken), *AS_WRITTEN, str(trimmed), *TRIM, "gain", "-n", "-6")
    return trimmed, seconds_of(trimmed)


def silence(seconds: float, folder: Path, number: int) -> Path:
    path = folder / f"silence-{number}.wav"
    run(*SOX, "-n", *AS_WRITTEN, str(path), "trim", "0", f"{seconds}")
    return path


def make(name: str, parts: list[str | float], folder: Path, out: Path) -> dict[str, object]:
    """Write one recording; returns its manifest entry."""
    pieces = [silence(EDGE, folder, 0)]
    position = EDGE
    texts: list[str] = []
    silences: list[dict[str, float]] = []
    for number, part in enumerate(parts, start=1):
        if isinstance(part, str):
            path, length = sentence(part, folder, number)
            texts.append(part)
        else:
            path, length = silence(part, folder, number), part
            silences.append({"start": round(position, 3), "end": round(position + part, 3)})
        pieces.append(path)
        position += length
    pieces.append(silence(EDGE, folder, len(parts) + 1))
    joined = folder / "joined.wav"
    run(*SOX, *map(str, pieces), str(joined))
    hiss = folder / "hiss.wav"
    length = str(seconds_of(joined))
    run(*SOX, "-n", *AS_WRITTEN, str(hiss), "synth", length, "whitenoise", "vol", HISS)
    run(*SOX, "-m", str(joined), str(hiss), "-b", "16", str(out / name))
    return {
        "text": " ".join(texts),
        "silences": silences,
        "duration": round(seconds_of(out / name), 3),
        "rate": RATE,
        "voice": VOICE,
        "speed": SPEED,
        "fillers": FILLERS[name],
    }


def main() -> None:
    # Another folder, to compare a fresh make with the committed files.
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        manifest = {
            name: make(name, parts, Path(temporary), out) for name, parts in RECORDINGS.items()
        }
    text = json.dumps(manifest, indent=2) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
