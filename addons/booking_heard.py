"""NLU component: booking words the intent model misreads, read by rule.

- A time asked as a question ("next tuesday after 5pm?", "is 3pm ok?") is a time offered
  (`inform`), not a question about the clinic; "are you open on Saturday?" stays one.
- A question about how cancelling or moving works ("how do I cancel if something comes
  up? is there a fee?") is a question (`ask_clinic`), not a request to cancel now; so is
  any "cancellation" said without a word of changing ("can I come without my mum?").
- A message the model could not place that asks for a consultation ("need a consultation
  for my neck, thursday next week at 5pm") is a booking request.
- A new booking asked for outright ("I haven't got a booking, I want to book one") is a
  booking request, whatever question about a booking the model heard.
- A time the model took for a greeting ("this evening") is a time (`inform`); "good
  evening" and "morning!" still greet.
- "I don't want an appointment after all" tells, it asks nothing: `inform`, which the
  booking form or the offer hears as a no.
- A message that is only a person's name ("Piotr Nowak") is an answer (`inform`), never a
  goodbye or a greeting, whatever the letters look like to the model.

A thin adapter over `clinic.preferred_time` and `clinic.booking`.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.booking import (
    ASKS_FOR_ROOM,
    REQUESTS_A_BOOKING,
    asks_how_to_change,
    asks_to_book,
    declines_booking,
    for_afterwards,
    names_a_change,
    says_a_change,
)
from clinic.knowledge import looks_like_question
from clinic.pain_heard import says_it_hurts
from clinic.preferred_time import (
    TimePreference,
    asks_for_times,
    names_a_time,
    read_preference,
    time_asked,
)
from clinic.schedule import clinic_schedule

# What the model may have made of a time or a booking request.
_UNSURE = frozenset({"nlu_fallback", "greet", "out_of_scope"})
_CHANGES = frozenset({"cancel_booking", "reschedule_booking"})
# A new booking asked for outright, with no time needed: "book one", "book a slot", "I
# haven't got a booking, I want to book". Not "could I book with the same physio?".
_A_NEW_BOOKING = re.compile(
    r"\bbook (?:one|a new one|an? (?:\w+ )?(?:slot|consult|consultation|appointment|appt"
    r"|session))\b"
    r"|\b(?:don'?t|do not|haven'?t|have not) (?:got |have )?(?:a|any) booking\b",
    re.IGNORECASE,
)
# A greeting's own words: "morning!" and "good evening" greet; "this evening" is a time.
_GREETING = re.compile(
    r"(?:hi|hello|hey|hiya|howdy|good\s+(?:morning|afternoon|evening|day)|morning|evening|"
    r"afternoon)\b",
    re.IGNORECASE,
)
# What the model may have made of "I don't want an appointment": a word of booking.
_ABOUT_BOOKING = frozenset(
    {"request_booking", "ask_my_booking", "cancel_booking", "reschedule_booking", "ask_clinic"}
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class BookingHeard(IntentRule):
    """Sets `inform`, `ask_clinic` or `request_booking` where the rules above hear them."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent in _ABOUT_BOOKING and declines_booking(text) and not text.startswith("/"):
            # "Actually I don't want an appointment after all", "I'll talk to my midwife
            # before booking anything": told, not asked; the booking form or the offer
            # hears the no (actions/booking.py).
            return "inform"
        if intent in _UNSURE and time_asked(text):
            return "inform"
        if intent == "greet" and _a_time(text) and not _GREETING.match(text.strip()):
            return "inform"  # "this evening", to when to call: a time, not "good evening"
        if intent in _CHANGES and asks_to_book(text) and not says_a_change(text):
            # "I'd rather just book with you next week", "can't you just book him for
            # Monday?": a booking wished for, not a move (outside run 49: a booking
            # reference was asked for, four times).
            return "request_booking"
        if intent in _CHANGES and (asks_how_to_change(text) or not names_a_change(text)):
            return "ask_clinic"
        if intent in _UNSURE and asks_to_book(text):
            return "request_booking"
        if (
            intent == "ask_clinic"
            and asks_to_book(text)
            and names_a_time(text)
            and asks_for_times(text)
        ):
            # "I want the consultation. Thursday after 6 in evening is possible?": a booking
            # with the time it asks about, not a question about a booking made.
            return "request_booking"
        if intent == "ask_clinic" and time_asked(text):
            return "inform"
        if intent == "ask_clinic" and names_a_time(text) and not looks_like_question(text):
            # "Never mind. Wednesday late morning would suit me better in fact": a time
            # told, no question (outside run 48).
            return "inform"
        asks = (intent or "").startswith("ask_") or intent in _CHANGES
        if asks and _A_NEW_BOOKING.search(text) and not says_a_change(text):
            return "request_booking"  # "I haven't got a booking, I want to book one"
        places = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "body_part"]
        if (
            (intent or "").startswith("ask_")
            and REQUESTS_A_BOOKING.search(text)
            # "can I book in for my lower back?": for a painful place, not how booking works
            and (names_a_time(text) or places or says_it_hurts(text) or for_afterwards(text))
        ):
            # "Could I book for the week after next in case she says it's ok?", "can I
            # book for afterwards?" are no question about after-care, whatever the model
            # made of their words.
            return "request_booking"
        wonders = asks or intent in _UNSURE
        if (
            wonders
            and ASKS_FOR_ROOM.search(text)
            and names_a_time(text)
            and not says_a_change(text)
        ):
            # "I've had a trapped nerve before. Do you have anything on Tuesday?": a free
            # time asked for is a booking (outside run 69, "didn't quite understand").
            return "request_booking"
        if intent != "inform" and "?" not in text and _a_name_last(message):
            # "Piotr Nowak" (a goodbye to the model), "jaylen price", "ugh I told you. Rosa
            # Parking": a name, whatever the model or the name's words made of it.
            return "inform"
        return None


def _a_name_last(message: Message) -> bool:
    """Whether the message is a person's name, or ends with one after a sentence of its own
    ("bro i said it. Jaylen Price")."""
    text = (message.get(TEXT) or "").strip(" .!,")
    last = re.split(r"[.!;:]\s+", text)[-1].strip()
    people = [str(e.get("value") or "").strip() for e in message.get(ENTITIES) or []
              if e.get("entity") == "PERSON"]  # fmt: skip
    return any(person.lower() == last.lower() for person in people) and 0 < len(last.split()) <= 4


def _a_time(text: str) -> bool:
    """Whether the message reads as a time at all ("this evening" names no day, yet is one)."""
    return isinstance(read_preference(text, clinic_schedule().now()), TimePreference)
