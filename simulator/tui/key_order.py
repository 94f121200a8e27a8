"""Keys applied in the order they were typed, each on the state the keys before it left.

Textual runs a priority binding the moment its key is read, and hands every other key to
the focused widget's message queue; a key no widget handles then travels up the DOM, one
queue at a time, before its binding runs at the app. So when several keys arrive in one
read (a paste then ctrl+s, a fast typist, a busy machine), a binding can run before the
text typed ahead of it has reached the editor, and keys typed after a binding can reach a
widget before the binding has changed what they apply to (the rest of an answer landing in
the next question's editor; ``space down`` ticking the item below the highlighted one).

:class:`KeyOrder` sits in front of the app's own key handling. A key that the focused text
box consumes itself goes straight to it: that box's queue keeps such keys in order, and
waiting there would make a long burst of typing slow. Any other key (a binding, a move, a
key for a list) waits until every message the keys before it caused has been handled, and
the keys after it wait until every message it caused has been handled in turn.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.widget import Widget

log = logging.getLogger(__name__)

SETTLE_LIMIT = 1.0
"""Seconds to wait for the app to finish with one key before the next goes anyway: a
widget that never stops posting messages must not freeze the keyboard."""

CLEAR_TURNS = 3
"""Turns of the event loop in a row with no messages waiting that count as settled."""
FAST_TURNS = 50
"""Turns that only yield before the wait starts polling at :data:`POLL_INTERVAL`."""
POLL_INTERVAL = 0.002
"""Seconds between checks once a wait is long."""

InputEvent = events.Key | events.Paste
"""What the keyboard delivers: keys, and bracketed pastes."""

Dispatch = Callable[[InputEvent], Awaitable[None]]
"""The app's own handling of a key: bindings first, then the focused widget."""


def _waiting_messages(pump: MessagePump) -> int:
    """Messages a pump has been given and not started on."""
    # Textual's own queue counts no messages in progress; one taken out early to be
    # combined with the next waits in _pending_message.
    return pump.message_queue_size + (pump._pending_message is not None)


class KeyOrder:
    """Feeds keyboard events to the app one after another (see the module docstring)."""

    def __init__(self, app: App[Any], dispatch: Dispatch) -> None:
        self._app = app
        self._dispatch = dispatch
        self._waiting: deque[InputEvent] = deque()
        self._task: asyncio.Task[None] | None = None

    @property
    def idle(self) -> bool:
        """Whether no key is waiting or still being finished."""
        return self._task is None and not self._waiting

    async def receive(self, event: InputEvent) -> None:
        """Take a key from the terminal: handle it now if nothing is in the way, else queue it."""
        if self._task is None:
            if self._typed_into_focus(event):
                await self._dispatch(event)
                return
            if not any(self._busy_pumps()):
                await self._dispatch(event)
                self._start()  # the keys after it wait for what it set off
                return
        self._waiting.append(event)
        self._start()

    def _start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._drain(), name="key-order")

    async def _drain(self) -> None:
        """Settle, hand over the next keys, settle again, until none are waiting."""
        try:
            while True:
                await self._settle()
                if not self._waiting:
                    return
                await self._on_app(self._next_batch())
        except Exception:  # the keyboard must never stop answering
            log.exception("key order failed; handing the waiting keys over as they are")
            while self._waiting:
                await self._on_app([self._waiting.popleft()])
        finally:
            self._task = None

    def _next_batch(self) -> list[InputEvent]:
        """The next key, and the typing into the focused text box right behind it."""
        batch = [self._waiting.popleft()]
        if self._typed_into_focus(batch[0]):
            while self._waiting and self._typed_into_focus(self._waiting[0]):
                batch.append(self._waiting.popleft())
        return batch

    async def _on_app(self, batch: list[InputEvent]) -> None:
        """Run the app's key handling for these keys on the app's own message loop."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        async def deliver() -> None:
            try:
                for event in batch:
                    await self._dispatch(event)
            finally:
                if not done.done():
                    done.set_result(None)

        if not self._app.call_later(deliver):
            return  # the app is closing: nothing is left to type into
        await done

    def _typed_into_focus(self, event: InputEvent) -> bool:
        """Whether the focused widget takes this key or paste as text, with no binding first."""
        try:
            screen = self._app.screen
        except Exception:  # no screen yet, or the app is closing
            return False
        focused: Widget | None = screen.focused
        if focused is None or not _is_text_box(focused):
            return False
        if isinstance(event, events.Paste):
            return True
        if not focused.check_consume_key(event.key, event.character):
            return False
        for _node, bindings in screen._binding_chain:
            if any(binding.priority for binding in bindings.key_to_bindings.get(event.key, ())):
                return False
        return True

    def _busy_pumps(self) -> Iterator[MessagePump]:
        """The app, screen and widgets with messages still to handle."""
        app = self._app
        if _waiting_messages(app):
            yield app
        try:
            screen = app.screen
        except Exception:
            return
        for pump in screen.walk_children(with_self=True):
            if _waiting_messages(pump):
                yield pump

    async def _settle(self) -> None:
        """Wait until every message already posted, and every one those post, is handled.

        A handler part-way through (awaiting a mount, say) has an empty queue, so the check
        must come out clear on several turns of the event loop in a row.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_LIMIT
        clear = turns = 0
        while clear < CLEAR_TURNS:
            clear = 0 if any(self._busy_pumps()) else clear + 1
            if loop.time() > deadline:
                log.warning("still busy after %.1f s; the next key goes on", SETTLE_LIMIT)
                return
            turns += 1
            # The first turns only yield; a long wait polls gently instead of spinning.
            await asyncio.sleep(0 if turns < FAST_TURNS else POLL_INTERVAL)


def _is_text_box(widget: Widget) -> bool:
    """An editable Input or TextArea."""
    from textual.widgets import Input, TextArea

    if isinstance(widget, TextArea):
        return not widget.read_only
    return isinstance(widget, Input)
