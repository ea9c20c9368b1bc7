"""Keys typed ahead of the screen they were meant for are handed on, in order, not dropped.

Textual sends a key to the widget focused when the key arrives. The keys typed right after
one that opens a dialog (`s`, then the URL at once; over a slow SSH link they come in one
read) therefore go to the claim list of the screen below, come back to the app unhandled
once the dialog is on top, or reach the dialog itself before its field has focus, and
Textual drops them: the reviewer's first characters vanish. So the app hands each key or
paste that comes back to it after another screen came on top to that screen
(`TypeAheadRouter`), and a dialog holds what reaches it before a field of it has had focus,
with the actions of priority keys (Tab, ctrl+s), and sends them there, in order, the moment
one has (`TypeAheadDialog`). The other way round,
keys typed right after the one that closes a form reach its field after it closed: the
field hands them on to the screen now on top (`typed_past`), which is why a form saves or
cancels in the field's turn (annotator/dialogs/form.py: `after_typing`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from textual import events
from textual.dom import NoScreen
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

__all__ = ["TypeAheadDialog", "TypeAheadRouter", "Typed", "typed_past"]

T = TypeVar("T")

Typed = events.Key | events.Paste


class TypeAheadDialog(ModalScreen[T], Generic[T]):
    """A dialog that keeps the typing which reaches it before any field of it has focus (the
    app holds it here as it arrives, `hold_typing`, in the task that sets the focus)."""

    AUTO_FOCUS = ""
    """Its own on_mount focuses the field typing is for (Textual's default would first focus
    the scrolling body, where typed text goes nowhere)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.typed_ahead: list[Typed | Callable[[], object]] = []
        """Keys, pastes and the actions of priority keys, in the order they came."""
        self.had_focus = False
        """A field has had focus: from then on typing takes Textual's own course."""

    @property
    def holding(self) -> bool:
        """No field here has had focus yet: typing and key actions wait for one."""
        return not self.had_focus and self.focused is None

    def hold_typing(self, event: Typed) -> bool:
        """Keep `event` if no field here has had focus yet (True), for the first that has."""
        if not self.holding:
            return False
        event.stop()
        event.prevent_default()
        self.typed_ahead.append(event)
        return True

    def in_turn(self, action: Callable[[], object]) -> None:
        """Run `action` (a priority key's: Tab, ctrl+s) now, or after the typing held before
        it once a field has focus."""
        if self.holding:
            self.typed_ahead.append(action)
        else:
            action()

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True,
                  from_app_focus: bool = False) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        if self.focused is None or self.had_focus:
            return
        self.had_focus = True
        if self.typed_ahead:
            # Into the app's queue, typing and actions alike, so they keep their order.
            held, self.typed_ahead = self.typed_ahead, []
            for item in held:
                if isinstance(item, (events.Key, events.Paste)):
                    _deliver(self, item)
                else:
                    self.app.call_later(item)


class TypeAheadRouter:
    """Remembers the screen on top when each key or paste arrived, so that one coming back
    to the app (unhandled on its way up) after another screen came on top goes there."""

    def __init__(self) -> None:
        self._sent_into: WeakKeyDictionary[Typed, Screen[Any]] = WeakKeyDictionary()

    def arrived(self, event: Typed, top: Screen[Any]) -> None:
        """`event` arrived from the terminal while `top` was on top."""
        self._sent_into[event] = top

    def hand_on(self, event: Typed, top: Screen[Any]) -> bool:
        """True when `event`, coming back to the app, was typed for `top`, a screen that
        came on top after it arrived, and has gone there."""
        sent_into = self._sent_into.pop(event, None)
        if sent_into is None or sent_into is top:
            return False
        event.stop()
        event.prevent_default()
        if isinstance(top, TypeAheadDialog) and top.hold_typing(event):
            return True
        _deliver(top, event)
        return True


def typed_past(widget: Widget, event: Typed) -> bool:
    """True, and `event` handed to the screen now on top, when `event` reached a field of a
    dialog that is no longer on top: typed right after the key that closed it (Enter, then
    `n` and a rationale at once), it was meant for what came after."""
    try:
        on_top = widget.screen is widget.app.screen
    except NoScreen:  # the dialog is gone already
        on_top = False
    if on_top:
        return False
    event.stop()
    event.prevent_default()
    _deliver(widget.app.screen, event)
    return True


def _deliver(top: Screen[Any], event: Typed) -> None:
    # Sent to the app again as a new arrival (the event given has been stopped): the app
    # routes it to the widget focused now and checks the priority keys on the way (Tab in a
    # form), as it does for typing. Every key handed on takes this way, so they keep the
    # order they were typed in.
    again: Typed = (events.Key(event.key, event.character) if isinstance(event, events.Key)
                    else events.Paste(event.text))
    top.app.post_message(again)
