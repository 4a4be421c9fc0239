"""Custom actions: thin adapters between Rasa's tracker and the clinic's knowledge."""

import sys


def _warm_up() -> None:
    """Loads what the first message needs (spaCy's parser for the safety reading, the date
    reader), so that the first patient after a start doesn't wait seconds for it."""
    from clinic import parsing, safety

    safety.screen("my lower back hurts since monday")
    parsing.find_duration("since monday")


if sys.argv[1:3] == ["run", "actions"]:  # the action server, not a test or a script
    _warm_up()
