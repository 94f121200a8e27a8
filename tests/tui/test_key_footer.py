"""The footer fits narrow terminals: Help is never cut off, and nothing is lost at 60x20."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Label
from textual.widgets._footer import FooterKey

from simulator.tui.widgets.key_footer import KeyFooter


class Host(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "noop", "Submit the answer"),
        Binding("ctrl+r", "noop", "Ask for a clarification"),
        Binding("ctrl+t", "noop", "Show a hint"),
        Binding("ctrl+n", "noop", "Skip this question"),
        Binding("f1", "app.help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield KeyFooter()

    def action_help(self) -> None:
        self.bell()


@pytest.mark.parametrize(
    ("width", "compact", "palette"), [(60, True, False), (90, True, True), (120, False, True)]
)
async def test_footer_fits_the_width(width: int, compact: bool, palette: bool) -> None:
    app = Host()
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert footer.compact is compact
        assert footer.show_command_palette is palette
        keys = [key.action for key in footer.query("FooterKey")]
        assert keys[0] == "app.help"
        first = footer.query("FooterKey").first()
        assert first.region.right <= width  # Help is on screen


async def test_footer_follows_a_resize() -> None:
    app = Host()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert not footer.compact
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert footer.compact and not footer.show_command_palette
        assert next(key.action for key in footer.query("FooterKey")) == "app.help"


class Crowded(App[None]):
    """A screen with more keys than fit in 80 columns, as the follow-ups list has."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help"),
        Binding("escape", "back", "Back"),
        Binding("d", "done", "Done"),
        Binding("s", "snooze_day", "Snooze a day"),
        Binding("w", "snooze_week", "Snooze a week"),
        Binding("c", "close_process", "Close process"),
        Binding("a", "upcoming", "Show upcoming"),
        Binding("p", "practice", "Show practice"),
    ]

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield KeyFooter()


def shown(footer: KeyFooter) -> list[FooterKey]:
    return list(footer.query(FooterKey))


@pytest.mark.parametrize(("width", "palette"), [(104, False), (120, True)])
async def test_the_screens_keys_come_before_the_palettes(width: int, palette: bool) -> None:
    app = Crowded()
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        keys = shown(footer)
        # The palette's key only where it leaves room for every key of the screen's own;
        # compact wherever the padded keys and the palette's would not fit.
        assert footer.show_command_palette is palette
        assert footer.compact
        screen_keys = [key for key in keys if not key.has_class("-command-palette")]
        assert [key.key for key in screen_keys] == ["f1", "escape", "d", "s", "w", "c", "a", "p"]
        assert all(key.region.right <= width for key in screen_keys), width
        if palette:
            (palette_key,) = [key for key in keys if key.has_class("-command-palette")]
            # Flush right: no column is left after it for covered keys to show through.
            assert palette_key.region.right == width, palette_key.region
            assert screen_keys[-1].region.right <= palette_key.region.x


async def test_at_80_columns_the_palettes_key_gives_way() -> None:
    app = Crowded()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert not footer.show_command_palette
        # Six of the eight fit, instead of four and a half beside the palette's key.
        on_screen = [key.key for key in shown(footer) if key.region.right <= 80]
        assert on_screen == ["f1", "escape", "d", "s", "w", "c"]


@pytest.mark.parametrize(
    ("width", "keys", "help_says"),
    [
        (60, ["f1", "escape", "d", "s"], "Help, 4 more"),
        (80, ["f1", "escape", "d", "s", "w", "c"], "Help, 2 more"),
        (120, ["f1", "escape", "d", "s", "w", "c", "a", "p"], "Help"),
    ],
)
async def test_keys_that_do_not_fit_are_left_out_whole(
    width: int, keys: list[str], help_says: str
) -> None:
    app = Crowded()
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        screen_keys = [key for key in shown(footer) if not key.has_class("-command-palette")]
        # No key is cut off at the edge: those that do not fit are not drawn at all, and
        # Help, which lists them, says how many it has that the footer has not.
        assert [key.key for key in screen_keys] == keys
        assert all(key.region.right <= width for key in shown(footer)), width
        assert screen_keys[0].description == help_says
        assert str(screen_keys[0].render()).endswith(help_says)


class PlanLike(App[None]):
    """A list's keys ahead of the screen's, as the follow-up plan's footer has them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", id="help"),
        Binding("d", "done", "Done/not done", id="done"),
        Binding("a", "add", "Add check-in", id="add-check-in"),
        Binding("c", "close_process", "Close process", id="close-process"),
        Binding("x", "calendar", "Calendar file", id="export"),
        Binding("escape", "back", "Back", id="back"),
        Binding("ctrl+s", "continue", "Continue", id="continue"),
        Binding("f8", "copy", "Copy", id="copy"),
        Binding("f3", "editor", "Editor", id="editor"),
    ]

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield KeyFooter()


async def test_the_keys_that_leave_the_screen_are_left_out_last() -> None:
    app = PlanLike()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        # Continue and Back stay, though they come after the list's keys.
        assert [key.key for key in shown(footer)] == ["f1", "d", "a", "escape", "ctrl+s"]
        assert shown(footer)[0].description == "Help, 4 more"
        assert all(key.region.right <= 80 for key in shown(footer))


async def test_left_out_keys_come_back_on_a_resize() -> None:
    app = Crowded()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert len(shown(footer)) == 6
        await pilot.resize_terminal(130, 20)
        await pilot.pause()
        await pilot.pause()
        assert [key.key for key in shown(footer)][-3:] == ["a", "p", "ctrl+p"]
        assert shown(footer)[0].description == "Help"


@pytest.mark.parametrize(("width", "count"), [(60, 4), (100, 7), (70, 5)])
async def test_a_resize_that_keeps_the_style_still_refits_the_keys(width: int, count: int) -> None:
    # Compact and without the palette's key before and after: only how many keys fit
    # changes, and the footer must redraw for that alone.
    app = Crowded()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        await pilot.resize_terminal(width, 20)
        await pilot.pause()
        await pilot.pause()
        assert footer.compact and not footer.show_command_palette
        assert len(shown(footer)) == count
        assert shown(footer)[0].description == f"Help, {8 - count} more"
        assert all(key.region.right <= width for key in shown(footer))


async def test_padding_comes_back_when_there_is_room() -> None:
    app = Crowded()
    async with app.run_test(size=(99, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert footer.compact
        await pilot.resize_terminal(160, 20)
        await pilot.pause()
        await pilot.pause()
        assert not footer.compact and footer.show_command_palette
        assert all(key.region.right <= 160 for key in shown(footer))


class Toggling(App[None]):
    """A screen whose Skip key is disabled while ``locked`` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help"),
        Binding("ctrl+n", "skip", "Skip this question"),
    ]

    locked = False

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "skip" and self.locked else True


async def test_unchanged_bindings_leave_the_keys_as_they_are() -> None:
    """Focus changes publish the bindings again; the same keys are not mounted again."""
    app = Toggling()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        before = list(footer.query(FooterKey))
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == before


async def test_a_binding_that_changes_state_redraws_the_keys() -> None:
    app = Toggling()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        skip = next(key for key in footer.query(FooterKey) if key.action == "skip")
        assert not skip.has_class("-disabled")
        app.locked = True
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        skip = next(key for key in footer.query(FooterKey) if key.action == "skip")
        assert skip.has_class("-disabled")  # drawn dimmed


@pytest.mark.parametrize(("width", "compact"), [(80, True), (120, False)])
async def test_keys_mount_in_the_footers_style_and_are_not_restyled(
    width: int, compact: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key is styled once, as it mounts: a change of class after that works out all of
    its styles again."""
    restyled: list[str] = []
    update = FooterKey.update_node_styles

    def counted(key: FooterKey, animate: bool = True) -> None:
        restyled.append(key.key)
        update(key, animate)

    monkeypatch.setattr(FooterKey, "update_node_styles", counted)
    app = Host()
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert footer.compact is compact
        keys = list(footer.query(FooterKey))
        screen_keys = [key for key in keys if not key.has_class("-command-palette")]
        assert screen_keys and all(key.has_class("-compact") is compact for key in screen_keys)
        assert all(key.compact is compact for key in screen_keys)
        # The palette's key is drawn compact at every width, as Textual's footer draws it.
        assert all(key.has_class("-compact") for key in keys if key not in screen_keys)
        assert restyled == []


class Listing(Screen[None]):
    """A screen whose keys depend on a widget of its own, as the journal lists' do."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("d", "delete", "Delete")]

    def compose(self) -> ComposeResult:
        yield Label("body", id="body")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        self.query_one("#body", Label)  # fails once the screen's widgets are gone
        return True


async def test_a_redraw_due_while_the_screen_is_taken_down_does_nothing() -> None:
    """A screen being closed loses its widgets one by one; a redraw of its footer that comes
    due then must not ask the screen for its keys, which would look for widgets gone."""
    app = App[None]()
    async with app.run_test(size=(100, 20)) as pilot:
        await app.push_screen(Listing())
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        footer._pruning = True  # as Textual marks every widget of a screen it takes down
        app.screen.query_one("#body").remove()
        await pilot.pause()
        await footer._redraw()  # raised NoMatches from the screen's check_action
        footer._pruning = False
        app.screen.mount(Label("body", id="body"))
        await pilot.pause()
