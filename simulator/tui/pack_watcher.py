"""Noticing, while the app is open, that the pack folders changed (see
:mod:`simulator.packs.watch`): the app then reads the packs again."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from simulator.tui.messages import PacksChanged

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from simulator.packs.library import PackFolders
    from simulator.packs.watch import Signature


class PackWatcher:
    """Compares the pack folders with how they were when the library was read, on a timer,
    off the screen's thread; posts :class:`PacksChanged` to the app when they differ."""

    def __init__(self, app: App[Any], folders: Callable[[], PackFolders]) -> None:
        self._app = app
        self._folders = folders
        self._known: Signature = ()
        """The pack folders as they were when the library was read."""
        self._timer: Timer | None = None
        self.asked = False
        """Whether the library being read now is one this watch asked for."""

    def loaded(self, signature: Signature, every: float) -> bool:
        """A library was read from folders that looked like ``signature``: watch them
        every ``every`` seconds from now on. Says whether this watch asked for it."""
        self._known = signature
        if self._timer is None:
            self._timer = self._app.set_interval(every, self._check)
        asked, self.asked = self.asked, False
        return asked

    def _check(self) -> None:
        """Look for added, removed or edited pack files (unless packs are loading now)."""
        app = self._app
        if any(worker.group == "packs" and not worker.is_finished for worker in app.workers):
            return
        compare = partial(self._compare, self._known)
        app.run_worker(compare, name="pack-check", group="pack-watch", exclusive=True, thread=True)

    def _compare(self, known: Signature) -> None:
        from simulator.packs.watch import signature

        if signature(self._folders()) != known:
            self._app.post_message(PacksChanged())
