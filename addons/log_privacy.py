"""Patients' words stay out of the Rasa server's log.

Rasa's structured log records can carry what the patient wrote: a message that fails is
logged with its text (`rest.message.received.failure`), and the traceback beside it lists
every frame's local variables, the message among them. This withholds Rasa's own list of
such fields ("text", "user_message", "slot_values" and more) and keeps tracebacks without
their locals: the log keeps the event's name, the conversation id and the error type.

Rasa's anonymisation hook is no way to do it: the same hook also rewrites every tracker
for an event broker, and fails without one.
"""

from __future__ import annotations

from typing import Any

import structlog
from structlog.processors import ExceptionRenderer
from structlog.tracebacks import ExceptionDictTransformer

# Rasa's own list of fields that may hold a patient's words (rasa.utils.log_utils).
WITHHELD = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text",
    "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
    "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
    "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
    "entity", "token_text", "user_message", "json_message",
})  # fmt: skip
_TRACEBACKS = ExceptionRenderer(ExceptionDictTransformer(show_locals=False))


def withhold(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: the fields that may hold patients' words, withheld."""
    for key in WITHHELD & event.keys():
        event[key] = f"<withheld {type(event[key]).__name__}>"
    return event


def install() -> None:
    """Changes the live list of processors, which loggers made already share."""
    processors = structlog.get_config()["processors"]
    if withhold not in processors:
        processors.insert(0, withhold)
    for at, processor in enumerate(processors):
        if processor is structlog.processors.dict_tracebacks:
            processors[at] = _TRACEBACKS
