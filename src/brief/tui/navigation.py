"""Moving between places: a page, and the relations screens open over it.

The main screen keeps the :class:`~brief.tui.history.History`; these functions keep the
stack of screens and the history in step. Every place the reader moves to is a stop:
a page, the list of an actor's relations over it (``g``), the claims behind one edge
over that; back and forward rebuild the screens a stop names, from the store as it is
now, the focus on the link that had it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .history import Overlay, Place, Stop
from .relations import GONE, overlay_screen
from .screens.reading import ReadingScreen

if TYPE_CHECKING:
    from .app import BriefApp


def overlays_of(app: BriefApp) -> list[tuple[int, ReadingScreen, Overlay]]:
    """The relations screens open over the main screen: where in the stack, the screen,
    and the overlay it is (its focus and scroll as they are now)."""
    found = []
    for at, screen in enumerate(app.screen_stack[1:], 1):
        if isinstance(screen, ReadingScreen) and (overlay := screen.as_overlay()) is not None:
            found.append((at, screen, overlay))
    return found


def capture(app: BriefApp) -> tuple[Overlay, ...]:
    """The overlays open now, bottom first: how the current place is being left."""
    return tuple(overlay for _, _, overlay in overlays_of(app))


async def _pop_to(app: BriefApp, height: int) -> None:
    """Close every screen above the first *height* of the stack."""
    while len(app.screen_stack) > height:
        await app.pop_screen()


async def arrive(app: BriefApp, stop: Stop, before: Stop | None) -> None:
    """Show *stop* (the history's current place now; *before* was): its page, then the
    relations screens over it, keeping those already open that it names."""
    browser = app.browser
    same = (
        before is not None and stop.place == before.place and bool(stop.overlays or before.overlays)
    )
    open_now = overlays_of(app) if same else []
    keep = 0
    for (_, _, overlay), wanted in zip(open_now, stop.overlays, strict=False):
        if overlay != wanted:
            break
        keep += 1
    await _pop_to(app, open_now[keep - 1][0] + 1 if keep else 1)
    if not same:
        await browser.show_stop(stop)
    for n, overlay in enumerate(stop.overlays[keep:], keep):
        screen = overlay_screen(app, overlay)
        if screen is None:  # the corpus changed since: what it showed is gone
            app.notify(GONE, severity="warning")
            browser.history.amend(stop.overlays[:n])
            break
        await app.push_screen(screen)
    browser.refresh_bindings()


async def step(app: BriefApp, delta: int) -> None:
    """Back (``-1``) or forward (``+1``) a place, from whatever screen the reader is on."""
    browser = app.browser
    history = browser.history
    before = history.current
    how = (browser.reader.scroll_y, capture(app))
    stop = history.back(*how) if delta < 0 else history.forward(*how)
    if stop is not None:
        await arrive(app, stop, before)


async def open_overlay(app: BriefApp, overlay: Overlay) -> None:
    """Open the relations screen *overlay* over what is shown, as a new place."""
    screen = overlay_screen(app, overlay)
    if screen is None:  # the page that offered it is older than the corpus
        app.notify(GONE, severity="warning")
        return
    browser = app.browser
    history = browser.history
    if history.current is not None:
        left = capture(app)
        history.go(
            history.current.place, browser.reader.scroll_y, overlays=(*left, overlay), left=left
        )
    await app.push_screen(screen)
    browser.refresh_bindings()


def _beneath(stop: Stop, other: Stop) -> bool:
    """Whether *stop* is *other* with its top relations screen closed."""
    return bool(other.overlays) and (stop.place, stop.overlays) == (
        other.place,
        other.overlays[:-1],
    )


async def close_overlay(app: BriefApp) -> None:
    """Close the relations screen on top (Esc): back a place when that is the place
    beneath it, as it is when it was opened from there; else close it in place."""
    history = app.browser.history
    current, behind = history.current, history.behind
    if current is not None and behind is not None and _beneath(behind, current):
        await step(app, -1)
        return
    await app.pop_screen()
    history.amend(capture(app))
    app.browser.refresh_bindings()


async def go_to(app: BriefApp, place: Place) -> None:
    """Close whatever is open over the main screen and open *place* there."""
    left = capture(app)
    await _pop_to(app, 1)
    await app.browser.open(place, left)
    app.browser.reader.focus()


async def corpus_changed(app: BriefApp) -> None:
    """Read the screens open over the main one again: the comparison, the relations
    screens; close, saying so, a relations screen whose actor, topic or edge is gone
    (and every screen over it)."""
    for screen in app.screen_stack[1:]:
        if isinstance(screen, ReadingScreen) and screen.as_overlay() is None:
            await screen.reread(app.store, app.known)
    for at, screen, _ in overlays_of(app):
        if not await screen.reread(app.store, app.known):
            await _pop_to(app, at)
            app.browser.history.amend(capture(app))
            app.notify(f"{GONE} Its screen was closed.", severity="warning")
            break
