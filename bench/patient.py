"""A scripted patient: one whole conversation with the assistant, answering whatever it asks.

The load test plays it with many patients at once, and the end-to-end tests use its answers
to get through the intake. Plain Python: `say` is any function that sends one message and
returns the assistant's replies (Rasa's REST channel format).
"""

from __future__ import annotations

import random
from collections.abc import Callable

Replies = list[dict]
Say = Callable[[str], Replies]

# The intake's questions and a plain answer to each, for getting to the offer quickly.
ANSWERS = {
    "Which side": "left",
    "How does the pain feel": "aching",
    "spread": "no",
    "yes/no": "no",
    "Does ": "no",
    "Have you": "no",
    "How long": "2 weeks",
    "0 (no pain) to 10": "4",
    "do any of these apply": "none of these",
}
OFFER = "Would you like a free consultation"
# The booking form's questions and an answer to each (a time is picked from the buttons).
BOOKING_ANSWERS: dict[str, Callable[[random.Random], str]] = {
    "What name": lambda rng: "Anna Smith",
    "phone number or an email": lambda rng: f"(212) 555-{rng.randint(100, 199):04d}",
    "keep your name": lambda rng: "/affirm",
    "Shall I book it?": lambda rng: "/affirm",
}
BOOKED = "You're booked for"

# How patients open; each conversation takes one, so the NLU doesn't see one sentence only.
OPENINGS = (
    "my left knee aches",
    "sharp pain in my lower back for 3 weeks",
    "my neck is stiff and sore on the right",
    "tension headaches most afternoons",
    "my shoulder has been aching since I started a new job",
    "tight calves after running",
)


def texts(replies: Replies) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def buttons(replies: Replies) -> list[dict]:
    return [b for reply in replies for b in reply.get("buttons", [])]


def answer_to(question: str) -> str:
    """A plain answer to the intake's last question."""
    last = question.rsplit("\n", 1)[-1]
    return next((a for cue, a in ANSWERS.items() if cue in last), "no")


class ConversationFailed(AssertionError):
    """The assistant did not answer as a patient getting a booking would expect."""


def expect(replies: Replies, wanted: str) -> Replies:
    if wanted not in texts(replies):
        raise ConversationFailed(f"expected {wanted!r}, got {texts(replies)[-300:]!r}")
    return replies


def book_and_cancel(say: Say, rng: random.Random) -> int:
    """Greeting, pain, intake and screens to the offer, a booking, then cancelling it (so a
    long load test never fills the diary). Returns the number of messages sent."""
    sent = 0

    def send(text: str) -> Replies:
        nonlocal sent
        sent += 1
        return say(text)

    send("hi")
    replies = send(rng.choice(OPENINGS))
    for _ in range(15):
        if OFFER in texts(replies):
            break
        replies = send(answer_to(texts(replies)))
    expect(replies, OFFER)
    expect(send("yes please"), "When would suit you")
    replies = send("as soon as possible")
    for _ in range(20):  # other patients may take a time first: then pick another
        said = texts(replies)
        if BOOKED in said:
            break
        times = [b for b in buttons(replies) if b["title"] != "Other times"]
        answer = next((a for cue, a in BOOKING_ANSWERS.items() if cue in said), None)
        if answer is None and not times:
            raise ConversationFailed(f"unexpected answer while booking: {said[-300:]!r}")
        replies = send(answer(rng) if answer else rng.choice(times)["payload"])
    expect(replies, BOOKED)
    expect(send("I need to cancel my appointment"), "Cancel your consultation")
    expect(send("yes"), "is cancelled")
    send("thanks, bye")
    return sent
