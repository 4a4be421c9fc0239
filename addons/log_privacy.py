"""Patients' words stay out of the Rasa server's log.

Rasa's structured log records carry the message with some events: a message that fails
(`rest.message.received.failure`, with a traceback) is logged with its text. Rasa passes
such fields ("text", "user_message", "slot_values" and more) through an anonymisation
pipeline when a plugin provides one, so this registers one that withholds them all: the
log keeps the event's name, the conversation id and the error type.
"""

from __future__ import annotations

from typing import Any

import pluggy
from rasa.plugin import plugin_manager

_hookimpl = pluggy.HookimplMarker("rasa")


class _Withheld:
    """Rasa's anonymisation pipeline, as far as the log uses one."""

    def log_run(self, value: Any) -> str:
        return f"<withheld {type(value).__name__}>"


class _LogPrivacy:
    _pipeline = _Withheld()

    @_hookimpl  # type: ignore[misc]
    def get_anonymization_pipeline(self) -> _Withheld:
        return self._pipeline


_plugin = _LogPrivacy()


def install() -> None:
    manager = plugin_manager()
    if not manager.is_registered(_plugin):
        manager.register(_plugin)
