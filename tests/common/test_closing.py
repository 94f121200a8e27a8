"""ClosedOnExit: a with block closes what it opened, also when the block fails."""

from __future__ import annotations

import pytest

from simulator.common.closing import ClosedOnExit


class Held(ClosedOnExit):
    def __init__(self) -> None:
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def test_the_block_gets_the_thing_and_closes_it_once() -> None:
    held = Held()
    with held as inside:
        assert inside is held and held.closed == 0
    assert held.closed == 1


def test_a_failing_block_still_closes_and_the_error_goes_on() -> None:
    held = Held()
    with pytest.raises(ValueError), held:
        raise ValueError("boom")
    assert held.closed == 1
