"""Running a full-screen program in a pseudo-terminal, as a user's terminal would.

:func:`run_until` starts a command on a fresh pseudo-terminal of a fixed size, reads
everything it writes, and reports how long after the start a given text first appeared on
the terminal (that is, when the frame holding it was written), and the process's peak
memory. Nothing here knows about mock-interview.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

COLUMNS = 160
ROWS = 48

# Control sequences, so a marker is found in the text a user would read.
_ESCAPES = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


@dataclass(frozen=True)
class Run:
    """What one run under the pseudo-terminal measured."""

    seconds: float | None
    """From just before the process was started to the first write holding the marker;
    None when it never appeared."""
    peak_rss_bytes: int
    """The process's peak resident memory (VmHWM) when it was stopped."""
    output: bytes
    """Everything it wrote (for diagnosing a run that timed out)."""
    cpu_seconds: float | None = None
    """Processor time (user and system, all threads) the process had used when the
    marker appeared: steadier than wall time on a busy machine, at 10 ms resolution."""
    seen_monotonic: float | None = None
    """``time.monotonic()`` when the marker appeared, to compare with a time the program
    itself recorded (the clock is shared by every process on Linux)."""
    then_seen: bool = True
    """Whether the ``then`` text appeared (always True when none was asked for)."""
    then_seconds: float | None = None
    """From just before the process was started to the first write holding the ``then``
    text; None when none was asked for or it never appeared."""
    then_cpu_seconds: float | None = None
    """Processor time the process had used when the ``then`` text appeared."""
    watched: Mapping[str, float] = field(default_factory=dict)
    """For each ``watch`` name whose text appeared: seconds from the start, as ``seconds``."""


def _die_with_parent() -> None:
    """In the child, before it runs: be killed if the benchmark itself is killed, so no
    app is left running on a terminal nobody reads (Linux's PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def peak_rss(pid: int) -> int:
    """VmHWM of a live process, in bytes (0 if it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_time(pid: int) -> float | None:
    """User plus system time of a live process, in seconds."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def visible_text(output: bytes) -> str:
    """What the bytes written to a terminal say, without the control sequences."""
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


def run_until(
    command: Sequence[str],
    markers: Sequence[str],
    *,
    then: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    settle: float = 0.0,
    cwd: str | None = None,
    watch: Mapping[str, Sequence[str]] | None = None,
) -> Run:
    """Run ``command`` on a new pseudo-terminal until one of ``markers`` is on the screen.

    The time reported is when the first of ``markers`` appeared. When ``then`` is given the
    program keeps running until one of those texts appears too (say, once loading in the background
    is done); either way it then runs ``settle`` more seconds (so memory use afterwards is
    seen) and is killed. ``env`` is the whole environment (default: this process's).
    ``watch`` names more texts whose first appearance is timed too (any text of each list).
    """
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    full_env = {**(os.environ if env is None else env), "TERM": "xterm-256color"}
    full_env["COLORTERM"] = "truecolor"
    full_env.pop("TEXTUAL", None)
    output = bytearray()
    needles = [marker.encode("utf-8") for marker in markers]
    then_needles = [text.encode("utf-8") for text in then]
    then_at: float | None = None
    then_cpu: float | None = None
    watched_needles = {
        name: [text.encode("utf-8") for text in texts] for name, texts in (watch or {}).items()
    }
    watched: dict[str, float] = {}
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        preexec_fn=_die_with_parent,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=full_env,
        cwd=cwd,
        start_new_session=True,
        close_fds=True,
    )
    os.close(follower)
    seen_at: float | None = None
    cpu: float | None = None
    seen_monotonic: float | None = None
    deadline = started + timeout
    scanned = 0
    try:
        while True:
            now = time.perf_counter()
            finished = then_at if then_needles else seen_at
            if seen_at is not None and finished is not None and now >= finished + settle:
                break
            if now >= deadline:
                break
            ready, _, _ = select.select([leader], [], [], 0.05)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:  # the program closed the terminal
                break
            if not chunk:
                break
            arrived = time.perf_counter()
            output += chunk
            # Search the raw bytes and the text as shown (styles may split a marker).
            window = bytes(output[max(0, scanned - 4096) :])
            shown = visible_text(window).encode("utf-8")
            if seen_at is None and any(n in window or n in shown for n in needles):
                seen_at = arrived
                seen_monotonic = time.monotonic()
                cpu = cpu_time(process.pid)
            if (
                then_needles
                and then_at is None
                and any(n in window or n in shown for n in then_needles)
            ):
                then_at = arrived
                then_cpu = cpu_time(process.pid)
            for name, wanted in watched_needles.items():
                if name not in watched and any(n in window or n in shown for n in wanted):
                    watched[name] = arrived - started
            scanned = len(output)
        peak = peak_rss(process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(leader)
    return Run(
        None if seen_at is None else seen_at - started,
        peak,
        bytes(output),
        cpu,
        seen_monotonic,
        then_at is not None or not then_needles,
        None if then_at is None else then_at - started,
        then_cpu,
        watched,
    )
