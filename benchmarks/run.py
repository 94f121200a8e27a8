"""mock-interview's performance benchmark: one command, a table of ratios against floors.

    python benchmarks/run.py            # the full run (about five minutes on 2 cores)
    python benchmarks/run.py --quick    # a small corpus and fewer repeats

It generates its own data in a temporary folder (question packs, a journal full of
sessions), then measures the app against what it cannot beat: an empty Textual app that
paints one word (start-up and memory), libyaml's C parser (reading packs), and a plain
TextArea (typing). Each row is the median of several runs, taken in turns with its
baseline so both see the same machine. Nothing outside the temporary folder is touched:
every program runs with ``MOCK_INTERVIEW_HOME`` pointing inside it, and with its own
bytecode cache (``PYTHONPYCACHEPREFIX``), warmed once before anything is timed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import corpus  # noqa: E402
from benchmarks.programs import BARE_WORD  # noqa: E402
from benchmarks.terminal import Run, run_until  # noqa: E402

PROGRAMS = Path(__file__).resolve().parent / "programs.py"
HOME_MARKERS = ("Loading packs", "Interviewers", "Quick", "History")
"""Text on the home screen's first frame (any one of them)."""


def loaded_markers(questions: int) -> list[str]:
    """Text the home screen shows once the packs are loaded: the number of questions."""
    return [f"{questions} questions", f"{questions:,} questions"]


def builtin_facts() -> tuple[int, list[str]]:
    """How many questions the built-in packs hold (the home screen counts them too), and the
    names of the interviewers that can be started."""
    from simulator.common import locations
    from simulator.packs.cache import PackCache
    from simulator.packs.library import PackFolders, load_library

    library = load_library(PackFolders(locations.builtin_packs_dir(), None), PackCache(None))
    names = [entry.persona.name for entry in library.personas if entry.usable]
    return len(library.questions()), names


MB = 1024 * 1024
GROUPS = ("paint", "indexing", "history", "save", "keystroke", "typing", "memory", "voice")


@dataclass
class Row:
    """One line of the results table."""

    name: str
    result: str
    baseline: str
    ratio: str
    target: str
    met: bool | None
    note: str = ""
    numbers: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """The row for ``--json``."""
        return {
            "name": self.name,
            "result": self.result,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "target": self.target,
            "met": self.met,
            "note": self.note,
            **self.numbers,
        }


@dataclass
class Settings:
    """What to generate and how often to measure."""

    packs: int
    questions: int
    sessions: int
    words: int
    repeats: int
    heavy_repeats: int
    keys: int
    saves: int
    typed: int
    answer_seconds: int


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, Settings]:
    """Command-line options; ``--quick`` only changes the defaults."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Measure mock-interview against a bare Textual app, libyaml and a "
        "plain TextArea, and print a table of ratios with their targets.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small run: 20 packs of 50 questions, 500 sessions, fewer repeats",
    )
    parser.add_argument("--packs", type=int, help="generated packs (default 200)")
    parser.add_argument("--questions", type=int, help="questions per pack (default 250)")
    parser.add_argument("--sessions", type=int, help="sessions in the journal (default 10000)")
    parser.add_argument("--words", type=int, help="words in the long answer (default 5000)")
    parser.add_argument("--repeats", type=int, help="runs per start-up and memory row (default 7)")
    parser.add_argument("--heavy-repeats", type=int, help="runs per pack-indexing row (default 3)")
    parser.add_argument("--keys", type=int, help="keystrokes timed per editor (default 60)")
    parser.add_argument(
        "--typed", type=int, help="keys typed steadily in a session (default 160: 20 s)"
    )
    parser.add_argument("--saves", type=int, help="session saves timed (default 30)")
    parser.add_argument(
        "--answer-seconds",
        type=int,
        help="length of the spoken answer for the voice rows (default 60; it is fed in real time)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        metavar="GROUP",
        help=f"measure only these rows (repeatable; one of {', '.join(GROUPS)})",
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="generate into DIR and keep it afterwards"
    )
    parser.add_argument(
        "--pycache",
        type=Path,
        metavar="DIR",
        default=Path(tempfile.gettempdir()) / "mock-interview-bench-pycache",
        help="bytecode cache for the programs started (default: %(default)s; compiled "
        "once, as an installed app's would be)",
    )
    args = parser.parse_args(argv)
    quick = args.quick

    def pick(value: int | None, full: int, small: int) -> int:
        return value if value is not None else (small if quick else full)

    settings = Settings(
        packs=pick(args.packs, 200, 20),
        questions=pick(args.questions, 250, 50),
        sessions=pick(args.sessions, 10_000, 500),
        words=pick(args.words, 5_000, 1_000),
        repeats=max(1, pick(args.repeats, 7, 2)),
        heavy_repeats=max(1, pick(args.heavy_repeats, 3, 1)),
        keys=max(1, pick(args.keys, 60, 15)),
        saves=max(1, pick(args.saves, 30, 5)),
        typed=max(1, pick(args.typed, 160, 24)),
        answer_seconds=max(1, pick(args.answer_seconds, 60, 20)),
    )
    return args, settings


# --- helpers ------------------------------------------------------------------------------


def median(values: Sequence[float | None]) -> float | None:
    """The median of the values that were measured (None if none were)."""
    found = [value for value in values if value is not None]
    return statistics.median(found) if found else None


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def millis(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:.1f} ms"


def megabytes(value: float | None) -> str:
    return "n/a" if value is None else f"{value / MB:.0f} MB"


def ratio_row(
    name: str,
    result: float | None,
    baseline: float | None,
    limit: float,
    show: Callable[[float | None], str],
    note: str = "",
) -> Row:
    """A row whose target is a ratio to its baseline."""
    ratio = None if result is None or not baseline else result / baseline
    return Row(
        name,
        show(result),
        show(baseline),
        "n/a" if ratio is None else f"{ratio:.2f}x",
        f"<= {limit:g}x",
        None if ratio is None else ratio <= limit,
        note,
        {"value": result, "baseline_value": baseline, "ratio_value": ratio, "limit": limit},
    )


def corpus_fingerprint() -> str:
    """Changes whenever the data generator does, so kept data is made again."""
    import hashlib

    return hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest()[:16]


class Environment:
    """The temporary folder, the homes inside it and how programs are started."""

    def __init__(self, root: Path, pycache: Path) -> None:
        self.root = root
        self.packs = root / "packs"
        self.journal = root / "home-history" / "data" / "journal.sqlite3"
        self.loaded: dict[str, list[str]] = {}
        """What home says once loaded, per home (set by :func:`prepare`)."""
        self.names: list[str] = []
        """The built-in interviewers' names: one on screen means the list is there."""
        self.env = {
            key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
        }
        self.env["PYTHONPYCACHEPREFIX"] = str(pycache)
        self.env.pop("MOCK_INTERVIEW_HOME", None)

    def home(self, name: str) -> Path:
        return self.root / f"home-{name}"

    def env_for(self, home: Path) -> dict[str, str]:
        return {**self.env, "MOCK_INTERVIEW_HOME": str(home)}

    def app(self, *arguments: str) -> list[str]:
        return [sys.executable, "-m", "simulator", *arguments]

    def program(self, *arguments: str) -> list[str]:
        return [sys.executable, str(PROGRAMS), *arguments]

    def timed(self, command: list[str], home: Path) -> float:
        """Wall time of a command with its output thrown away; it must succeed."""
        started = time.perf_counter()
        subprocess.run(
            command,
            env=self.env_for(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=True,
            cwd=self.root,
        )
        return time.perf_counter() - started


def say(message: str) -> None:
    sys.stderr.write(f"[benchmark] {message}\n")
    sys.stderr.flush()


# --- the measurements ---------------------------------------------------------------------


def prepare(env: Environment, settings: Settings) -> list[Path]:
    """Generate the packs and the journal (unless a kept folder already holds them), and
    warm every cache that a user's would be."""
    started = time.perf_counter()
    recorded = env.root / "corpus.json"
    wanted = {
        "packs": settings.packs,
        "questions": settings.questions,
        "sessions": settings.sessions,
        "generator": corpus_fingerprint(),
    }
    if recorded.is_file() and json.loads(recorded.read_text("utf-8")) == wanted:
        paths = sorted(env.packs.rglob("*.yaml"))
        say(f"reusing the data in {env.root}")
    else:
        for name in ("packs", "home-history", "home-big", "home-builtin"):
            shutil.rmtree(env.root / name, ignore_errors=True)
        paths = corpus.write_packs(env.packs, settings.packs, settings.questions)
        say(f"wrote {len(paths)} packs ({settings.packs * settings.questions} questions)")
        corpus.write_journal(env.journal, settings.sessions)
        say(f"wrote a journal of {settings.sessions} sessions")
        recorded.write_text(json.dumps(wanted), "utf-8")
    # Bytecode and pack caches, as after a user's first start.
    env.timed(env.program("parse", str(paths[0])), env.home("scratch"))
    env.timed(env.app("packs", "list", "--json"), env.home("builtin"))
    env.timed(env.app("packs", "list", "--json"), env.home("history"))
    listing = subprocess.run(
        env.app("packs", "list", "--json", "--packs", str(env.packs)),
        env=env.env_for(env.home("big")),
        capture_output=True,
        check=True,
        text=True,
    )
    found = json.loads(listing.stdout)
    generated = [pack for pack in found["packs"] if pack["source"] == "extra"]
    if len(generated) != settings.packs or found["errors"]:
        raise SystemExit(
            f"the generated packs did not all load: {len(generated)} of {settings.packs}, "
            f"errors: {found['errors'][:3]}"
        )
    builtin, env.names = builtin_facts()
    env.loaded = {
        "builtin": loaded_markers(builtin),
        "big": loaded_markers(builtin + settings.packs * settings.questions),
    }
    for home, extra in (("builtin", []), ("big", ["--packs", str(env.packs)])):
        # Settling lets home keep its list of interviewers for the next start, as a
        # user's first start does.
        warm = run_until(
            env.app(*extra),
            HOME_MARKERS,
            then=env.loaded[home],
            env=env.env_for(env.home(home)),
            timeout=30,
            settle=1.0,
        )
        if not warm.then_seen:
            say(f"warning: home never said {env.loaded[home][0]!r}; is the status line new?")
    run_until(env.program("bare"), [BARE_WORD], env=env.env)
    say(f"prepared in {time.perf_counter() - started:.0f} s")
    return paths


def history_available() -> str:
    """Why the history row cannot run ("" when it can)."""
    if importlib.util.find_spec("simulator.tui.screens.history") is None:
        return "skipped: simulator/tui/screens/history.py does not exist yet"
    from simulator.tui.app import MockInterviewApp

    if not hasattr(MockInterviewApp, "action_history"):
        return "skipped: MockInterviewApp.action_history does not exist yet"
    return ""


def terminal_rows(env: Environment, settings: Settings, groups: set[str]) -> dict[str, Row]:
    """First paint and peak memory, in turns: bare app, home, home with many packs,
    history."""
    history_note = history_available() if "history" in groups else "not measured"
    history_markers = [f"{settings.sessions} session", f"{settings.sessions:,} session"]
    variants: dict[str, Callable[[], Run]] = {
        "bare": lambda: run_until(env.program("bare"), [BARE_WORD], env=env.env, settle=0.5),
        "builtin": lambda: run_until(
            env.app(),
            HOME_MARKERS,
            then=env.loaded["builtin"],
            timeout=30,
            settle=0.5,
            env=env.env_for(env.home("builtin")),
            watch={"listed": env.names},
        ),
        "big": lambda: run_until(
            env.app("--packs", str(env.packs)),
            HOME_MARKERS,
            then=env.loaded["big"],
            timeout=30,
            settle=0.5,
            env=env.env_for(env.home("big")),
            watch={"listed": env.names},
        ),
    }
    if not groups & {"paint", "memory"}:
        del variants["builtin"], variants["big"]
    stamp = env.root / "history-opened"
    opened: list[float | None] = []

    def open_history() -> Run:
        stamp.unlink(missing_ok=True)
        run = run_until(
            env.program("history", str(stamp)),
            history_markers,
            env=env.env_for(env.home("history")),
        )
        try:
            started = float(stamp.read_text("ascii"))
        except (OSError, ValueError):
            started = None
        seen = run.seen_monotonic
        opened.append(None if started is None or seen is None else seen - started)
        return run

    if not history_note:
        variants["history"] = open_history
    runs: dict[str, list[Run]] = {name: [] for name in variants}
    for round_number in range(settings.repeats):
        order = list(variants)
        if round_number % 2:
            order.reverse()
        for name in order:
            runs[name].append(variants[name]())
        say(f"start-up round {round_number + 1} of {settings.repeats}")

    def paint(name: str) -> float | None:
        return median([run.seconds for run in runs.get(name, [])])

    def peak(name: str) -> float | None:
        return median([float(run.peak_rss_bytes) or None for run in runs.get(name, [])])

    def never_painted(name: str) -> str:
        missed = sum(1 for run in runs.get(name, []) if run.seconds is None)
        return f"{missed} run(s) never painted" if missed else ""

    def misses(name: str) -> str:
        if never_painted(name):
            return never_painted(name)
        # Processor time is steadier than wall time when other work shares the machine.
        used = median([run.cpu_seconds for run in runs.get(name, [])])
        floor = median([run.cpu_seconds for run in runs.get("bare", [])])
        if used is None or not floor:
            return ""
        return (
            f"processor time to first paint {used:.2f} s vs {floor:.2f} s for the bare app "
            f"({used / floor:.2f}x)"
        )

    def unloaded(name: str) -> str:
        missed = sum(1 for run in runs.get(name, []) if not run.then_seen)
        return f"{missed} run(s) never showed the packs as loaded" if missed else ""

    def listed(name: str) -> float | None:
        return median([run.watched.get("listed") for run in runs.get(name, [])])

    def listed_note(name: str) -> str:
        missed = sum(1 for run in runs.get(name, []) if "listed" not in run.watched)
        if missed:
            return f"{missed} run(s) never showed an interviewer"
        loaded = median([run.then_seconds for run in runs.get(name, [])])
        floor = paint("bare")
        if loaded is None or not floor:
            return ""
        return (
            "an interviewer's name on screen; enter then starts a session, at once or as "
            f"soon as packs and journal are in (packs loaded at {seconds(loaded)}, "
            f"{loaded / floor:.2f}x)"
        )

    questions = settings.packs * settings.questions
    rows: dict[str, Row] = {}
    rows["listed-builtin"] = ratio_row(
        "Interviewers listed: home, built-in packs",
        listed("builtin"),
        paint("bare"),
        1.25,
        seconds,
        listed_note("builtin"),
    )
    rows["listed-big"] = ratio_row(
        f"Interviewers listed: home, {questions:,} questions on --packs (cached)",
        listed("big"),
        paint("bare"),
        1.5,
        seconds,
        listed_note("big"),
    )
    rows["paint-builtin"] = ratio_row(
        "First paint: home, built-in packs",
        paint("builtin"),
        paint("bare"),
        1.25,
        seconds,
        misses("builtin"),
    )
    rows["paint-big"] = ratio_row(
        f"First paint: home, {questions:,} questions on --packs (cached)",
        paint("big"),
        paint("bare"),
        1.5,
        seconds,
        misses("big"),
    )
    if history_note:
        rows["history"] = Row(
            "First paint: history", "n/a", "n/a", "n/a", "<= 1.5x", None, history_note
        )
    else:
        rows["history"] = ratio_row(
            f"First paint: history, {settings.sessions:,} sessions",
            median(opened),
            paint("bare"),
            1.5,
            seconds,
            never_painted("history")
            or "from opening history (at home, loaded) to the list of sessions on screen; "
            "baseline: a bare app's whole start",
        )
    rows["memory-builtin"] = ratio_row(
        "Peak memory: home, built-in packs",
        peak("builtin"),
        peak("bare"),
        1.5,
        megabytes,
        unloaded("builtin") or "after the packs are loaded and shown",
    )
    big_peak = peak("big")
    bare_peak = peak("bare")
    rows["memory-big"] = Row(
        f"Peak memory: home, {questions:,} questions",
        megabytes(big_peak),
        megabytes(bare_peak),
        "n/a" if big_peak is None or not bare_peak else f"{big_peak / bare_peak:.2f}x",
        "< 250 MB",
        None if big_peak is None else big_peak < 250 * MB,
        unloaded("big"),
        numbers={"value": big_peak, "baseline_value": bare_peak, "limit_bytes": 250 * MB},
    )
    return rows


def indexing_rows(env: Environment, settings: Settings, paths: list[Path]) -> list[Row]:
    """``packs list --json`` over the generated packs, cold and warm, against libyaml."""
    listing = env.app("packs", "list", "--json", "--packs", str(env.packs))
    raw: list[float] = []
    cold: list[float] = []
    warm: list[float] = []
    for round_number in range(settings.heavy_repeats):
        raw.append(env.timed(env.program("parse", *map(str, paths)), env.home("scratch")))
        cold_home = env.home("cold")
        shutil.rmtree(cold_home, ignore_errors=True)
        cold.append(env.timed(listing, cold_home))
        warm.append(env.timed(listing, env.home("big")))
        say(f"indexing round {round_number + 1} of {settings.heavy_repeats}")
    questions = settings.packs * settings.questions
    return [
        ratio_row(
            f"packs list --json, {questions:,} questions, cold",
            median(cold),
            median(raw),
            1.3,
            seconds,
            "baseline: CSafeLoader yaml.load of the same files, fresh interpreter",
        ),
        ratio_row(
            f"packs list --json, {questions:,} questions, warm",
            median(warm),
            median(raw),
            0.25,
            seconds,
        ),
    ]


def save_row(env: Environment, settings: Settings) -> Row:
    """Journal.save_session into the big journal: a session saved step by step."""
    from simulator.journal import Journal

    # A copy, so the journal the history row reads keeps its count of sessions.
    path = env.root / "save-journal.sqlite3"
    shutil.copyfile(env.journal, path)
    times: list[float] = []
    with Journal.open(path) as journal:
        number = settings.sessions + 1
        while len(times) < settings.saves:
            snapshot = corpus.session_snapshot(number)
            answers = snapshot["answers"]
            for count in range(1, len(answers) + 1):
                if len(times) >= settings.saves:
                    break
                step = {**snapshot, "answers": answers[:count]}
                started = time.perf_counter()
                journal.save_session(step)  # type: ignore[arg-type]
                times.append(time.perf_counter() - started)
            number += 1
    value = median(times)
    return Row(
        f"Save one session ({settings.sessions:,} in the journal)",
        millis(value),
        "n/a",
        "n/a",
        "< 20 ms",
        None if value is None else value < 0.020,
        f"median of {len(times)} saves",
        {"value": value, "limit": 0.020},
    )


def keystroke_row(settings: Settings) -> Row:
    """Key press to frame in the answer editor, against a plain TextArea."""
    from benchmarks import editor

    app_times: list[float] = []
    plain_times: list[float] = []
    name = "AnswerEditor"
    rounds = 2
    for _ in range(rounds):
        measured, name = editor.keystroke_latencies(settings.words, settings.keys // rounds or 1)
        app_times += measured
        plain_times += editor.plain_latencies(settings.words, settings.keys // rounds or 1)
    value = median(app_times)
    baseline = median(plain_times)
    return Row(
        f"Keystroke to frame, {settings.words:,}-word answer",
        millis(value),
        millis(baseline),
        "n/a" if value is None or not baseline else f"{value / baseline:.2f}x",
        "< 16 ms",
        None if value is None else value < 0.016,
        f"{name} in a {editor.SIZE[0]}x{editor.SIZE[1]} app; baseline: a plain TextArea",
        {"value": value, "baseline_value": baseline, "limit": 0.016},
    )


TYPING_WORDS = 500
"""Words already in the answer when steady typing starts (a long answer, not a huge one)."""


def typing_row(settings: Settings) -> Row:
    """Key press to frame while typing steadily in a session with autosave running."""
    from benchmarks import steady_typing

    measured = steady_typing.steady_typing(settings.typed, TYPING_WORDS)
    plain = steady_typing.plain_typing(settings.typed, TYPING_WORDS)
    value = median(measured.latencies)
    baseline = median(plain.latencies)
    ordered = sorted(measured.latencies)
    worst = ordered[int(0.95 * (len(ordered) - 1))] if ordered else None
    return Row(
        "Keystroke to frame, typing steadily with autosave",
        millis(value),
        millis(baseline),
        "n/a" if value is None or not baseline else f"{value / baseline:.2f}x",
        "< 16 ms",
        None if value is None else value < 0.016 and (worst or 0) < 0.050,
        f"{measured.editor} in a session, {len(measured.latencies)} keys at "
        f"{1 / steady_typing.INTERVAL:g} a second after {TYPING_WORDS} words; "
        f"95th percentile {millis(worst)} (target < 50 ms); {measured.drafts} drafts "
        "written meanwhile; baseline: a plain TextArea at the same pace, nothing saved",
        {"value": value, "baseline_value": baseline, "p95": worst, "drafts": measured.drafts},
    )


def voice_rows(settings: Settings) -> list[Row]:
    """Word error rate, real-time factor, stop to transcript, and stop to transcript on
    screen (see benchmarks/voice.py and benchmarks/voice_screen.py)."""
    from benchmarks import voice, voice_screen

    length = settings.answer_seconds
    names = [
        "Word error rate, committed recordings",
        f"Transcription real-time factor, {length} s answer",
        f"Stop to transcript, {length} s answer",
        f"Stop to transcript on screen, {length} s answer",
    ]
    targets = ["<= 20%", "<= 0.5", "<= 1.5 s", "<= 1.5 s"]
    skipped = voice.missing()
    if skipped:
        return [
            Row(name, "n/a", "n/a", "n/a", target, None, skipped)
            for name, target in zip(names, targets, strict=True)
        ]
    found = voice.measure(length)
    drawn = voice_screen.stop_to_screen(length)
    rtf = found.wall_seconds / found.answer_seconds
    cpu = found.cpu_seconds / found.answer_seconds
    said = f"{found.answer_seconds:.1f} s of the committed recordings joined"
    return [
        Row(
            names[0],
            f"{found.word_error_rate:.1%}",
            "n/a",
            "n/a",
            targets[0],
            found.word_error_rate <= 0.20,
            f"{found.errors} of {found.words} words wrong (fillers left out); pocketsphinx "
            "with its bundled model, espeak-ng's klatt2 voice",
            {"value": found.word_error_rate, "errors": found.errors, "words": found.words},
        ),
        Row(
            names[1],
            f"{rtf:.2f}",
            "n/a",
            "n/a",
            targets[1],
            rtf <= 0.5,
            f"{said}, transcribed whole in {found.wall_seconds:.1f} s wall, "
            f"{found.cpu_seconds:.1f} s processor ({cpu:.2f} of the sound's length); "
            f"loading the model first took {found.load_seconds:.2f} s",
            {"value": rtf, "cpu_value": cpu, "answer_seconds": found.answer_seconds},
        ),
        Row(
            names[2],
            seconds(found.stop_to_transcript),
            "n/a",
            "n/a",
            targets[2],
            found.stop_to_transcript <= 1.5,
            f"{said}, fed to the live transcriber in real time in "
            f"{voice.BLOCK_SECONDS * 1000:.0f} ms blocks; from the last block to the whole "
            "transcript (drawing it is the screen's part)",
            {"value": found.stop_to_transcript, "limit": 1.5},
        ),
        Row(
            names[3],
            seconds(drawn),
            "n/a",
            "n/a",
            targets[3],
            drawn <= 1.5,
            "the same answer spoken into the app (headless, a fake microphone fed in real "
            "time, pocketsphinx transcribing as it goes); from the f2 that stops it to the "
            "transcript in the answer box, drawn",
            {"value": drawn, "limit": 1.5},
        ),
    ]


# --- output -------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    """The rows as an aligned text table."""
    header = ["Measurement", "Result", "Baseline", "Ratio", "Target", "Met"]
    lines = [
        [
            row.name,
            row.result,
            row.baseline,
            row.ratio,
            row.target,
            "n/a" if row.met is None else ("yes" if row.met else "NO"),
        ]
        for row in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    out = [render(header), render(["-" * width for width in widths])]
    out += [render(line) for line in lines]
    notes = [f"  {row.name}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the table."""
    args, settings = parse_args(argv)
    groups = set(args.only or GROUPS)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        root = args.keep.resolve()
    else:
        root = Path(tempfile.mkdtemp(prefix="mock-interview-bench-"))
    env = Environment(root, args.pycache)
    os.environ["MOCK_INTERVIEW_HOME"] = str(env.home("scratch"))
    started = time.perf_counter()
    try:
        found: dict[str, Row] = {}
        if groups - {"voice"}:  # the voice rows need none of the generated data
            paths = prepare(env, settings)
            found = terminal_rows(env, settings, groups)
        if "indexing" in groups:
            found["cold"], found["warm"] = indexing_rows(env, settings, paths)
        if "save" in groups:
            found["save"] = save_row(env, settings)
        if "keystroke" in groups:
            found["keystroke"] = keystroke_row(settings)
        if "typing" in groups:
            found["typing"] = typing_row(settings)
        if "voice" in groups:
            found["wer"], found["rtf"], found["stop"], found["screen"] = voice_rows(settings)
        order = {
            "paint": ["listed-builtin", "listed-big", "paint-builtin", "paint-big"],
            "indexing": ["cold", "warm"],
            "history": ["history"],
            "save": ["save"],
            "keystroke": ["keystroke"],
            "typing": ["typing"],
            "memory": ["memory-builtin", "memory-big"],
            "voice": ["wer", "rtf", "stop", "screen"],
        }
        rows = [found[key] for group in GROUPS if group in groups for key in order[group]]
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(
        f"mock-interview benchmark, {time.strftime('%Y-%m-%d')}: {settings.packs} packs x "
        f"{settings.questions} questions, {settings.sessions} sessions, "
        f"{settings.words}-word answer; medians of {settings.repeats} start-up runs and "
        f"{settings.heavy_repeats} indexing runs ({os.cpu_count()} CPUs, "
        f"{time.perf_counter() - started:.0f} s)"
    )
    print()
    print(table(rows))
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {"settings": settings.__dict__, "rows": [row.to_json() for row in rows]},
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
