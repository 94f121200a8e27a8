"""Transcribing while the answer is spoken: a recognition stream fed from a worker thread.

The recorder hands each block to :meth:`LiveTranscriber.feed`, which only queues it; the
worker decodes each utterance as soon as it ends. When the answer stops, only the last
utterance is left, so the transcript is ready soon after (see docs/performance.md).
"""

from __future__ import annotations

import queue
import threading

from simulator.voice.audio import Samples
from simulator.voice.transcript import RecognitionStream, Transcript

_END = None
_CANCEL = "cancel"


class LiveTranscriber:
    """Feeds a :class:`~simulator.voice.transcript.RecognitionStream` from its own thread.

    Its :meth:`feed` fits the recorder's listener (see :class:`~simulator.voice.recorder.
    Recorder`)."""

    def __init__(self, stream: RecognitionStream) -> None:
        """Start the worker for ``stream`` (from ``recogniser.start()``)."""
        self._stream = stream
        self._blocks: queue.Queue[tuple[Samples, int] | str | None] = queue.Queue()
        self._error: BaseException | None = None
        self._result: Transcript | None = None
        self._thread = threading.Thread(target=self._work, name="live-transcriber", daemon=True)
        self._thread.start()

    def feed(self, samples: Samples, rate: int) -> None:
        """Queue the next block (returns at once)."""
        self._blocks.put((samples, rate))

    def _work(self) -> None:
        try:
            while True:
                item = self._blocks.get()
                if item == _CANCEL:
                    return
                if item is _END or isinstance(item, str):
                    break
                self._stream.feed(*item)
            self._result = self._stream.finish()
        except BaseException as error:  # handed to the caller of finish()
            self._error = error

    def finish(self, timeout: float | None = None) -> Transcript:
        """Wait for the queued blocks and the last utterance; the whole transcript.
        Raises what the recogniser raised, or TimeoutError."""
        self._blocks.put(_END)
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError("the transcript is taking longer than expected")
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def cancel(self) -> None:
        """Stop the worker without finishing the transcript (the recording was dropped)."""
        self._blocks.put(_CANCEL)
