"""The clinic's booking desk: free times, booking, cancelling and moving consultations.

Plain Python over the schedule (clinic/schedule.py) and the store (clinic/booking_store.py);
the chat's actions are thin adapters over it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from clinic import settings
from clinic.availability import Offer, free_practitioners, is_bookable, offer
from clinic.booking_store import Booking, BookingStore, NewBooking, Notice, SlotTaken
from clinic.contact import display_phone, read_contact
from clinic.preferred_time import TimePreference, names_a_time
from clinic.schedule import Schedule, clinic_schedule
from clinic.vocabulary import mended

_REFERENCE = re.compile(r"\b[A-Z0-9]{3}[\s-]?[A-Z0-9]{3}\b")
_LETTER, _DIGIT = re.compile(r"[A-Z]"), re.compile(r"\d")


# "How do I cancel if something comes up?", "is there a fee to cancel?": a question about
# changing a booking, not a request to change one now.
_HOW_TO_CHANGE = re.compile(
    r"\b(?:how (?:do|can|would|will|should) (?:i|we)|what if|what happens if|is there a "
    r"(?:fee|charge|penalty)|do you charge|if (?:something|anything) comes up|"
    r"(?:can|could) i [^.?!]{0,30}\blater|if (?:i|we) (?:ever )?(?:need|have|want|had) to)\b"
    # "If I feel too sick that day, can I cancel?": a condition, then the question.
    r"|\bif\b[^.?!]{0,60}\b(?:can|could|may) (?:i|we) (?:cancel|reschedule|move|change)\b"
    # "If the doctor finds something bad, do I just cancel?" (outside run 76 p02).
    r"|\bif\b[^.?!]{0,60}\b(?:do|should|shall|would) (?:i|we) (?:just |then |simply )?"
    r"(?:cancel|reschedule|move|change)\b"
    # "In case I need to cancel": not "book him too in case the GP says it's muscular".
    r"|\bin case\b[^.?!]{0,30}\b(?:cancel\w*|reschedul\w*|move|change|changes|can'?t make)\b"
    # "And cancelling?", "what about rescheduling?": the policy asked about (outside run 49).
    r"|^\W*(?:and|so|also|what about|how about)?\s*(?:cancell?ing|rescheduling|changing "
    r"(?:it|the day|the time))\b[^.!]{0,20}\?",
    re.IGNORECASE,
)


def asks_how_to_change(text: str) -> bool:
    """Whether a message asks how cancelling or moving works, rather than asking for it."""
    return bool(_HOW_TO_CHANGE.search(text))


# Words of cancelling ("cancel", "can't make it") and of moving ("move it", "another day",
# "instead") a booking.
_CANCEL = re.compile(
    r"\b(?:cancel\w*|call (?:it|that|this) off|can'?t make|cannot make|won'?t make|not make it"
    r"|no longer|not coming|can'?t come)\b",
    re.IGNORECASE,
)
# Moving said in so many words; "instead", "rather" or "another day" may only be a wish
# ("I'd rather just book with you next week").
_MOVE_SAID = (
    # Moving the booking, not furniture or house: "move it", "moving my appointment to".
    r"(?:move|moving)(?=\s+(?:it|that|this|my|our|his|her|him|me|us|them|to|from|back|forward|"
    r"over|up|(?:the|a) (?:appointment|appt|booking|consult\w*|session|time|day|date))\b)|"
    r"reschedul\w*|rebook\w*|re-book\w*|postpone\w*|push (?:it|that|this) "
    r"(?:back|forward)|bring (?:it|that|this) forward|change (?:it|the|my)|switch"
)
_MOVE = re.compile(
    rf"\b(?:{_MOVE_SAID}|(?:another|a different|other) (?:day|time|date)|instead|make it|rather)\b",
    re.IGNORECASE,
)
_CHANGE_SAID = re.compile(rf"\b(?:{_MOVE_SAID}|my booking|my appointment)\b", re.IGNORECASE)


def asks_to_move(text: str) -> bool:
    """Whether a message asks to move a booking ("can I move it to Friday instead?"), in no
    words of cancelling but for another time ("cancel it, can I do saturday instead?"), or
    says the time booked no longer works and asks for another ("I must work that day. Is
    possible Thursday?")."""
    if _CANT_MAKE.search(text) and _ASKS_ANOTHER.search(text) and not _CANCEL_SAID.search(text):
        return True
    return bool(_MOVE.search(text)) and (
        not _CANCEL.search(text) or bool(_CANCEL_FOR_ANOTHER.search(text))
    )


_CANCEL_SAID = re.compile(r"\b(?:cancel\w*|call (?:it|that|this) off)\b", re.IGNORECASE)
# The time booked said not to work: "can't make it", "I have to work that day".
_CANT_MAKE = re.compile(
    r"\b(?:can'?t|cannot|can not|won'?t be able to|unable to|not able to)\s+(?:make|come|do|"
    r"attend|go)\b|\b(?:must|have to|has to|got to|gotta|need to)\s+work\b|\bsomething came up\b"
    r"|\b(?:doesn'?t|does not|won'?t|will not) work\b|\bshift (?:got |has )?changed\b",
    re.IGNORECASE,
)
# ...and another time asked for: "could we do", "how about", "is possible", a question.
_ASKS_ANOTHER = re.compile(
    r"\?|\b(?:how about|what about|could (?:we|i|it)|can (?:we|i|it)|is (?:it )?possible"
    r"|would .{0,15} work|any chance)\b",
    re.IGNORECASE,
)


# Cancelling to come at another time: a move (outside run 59: cancelled, the Saturday lost).
_CANCEL_FOR_ANOTHER = re.compile(r"\bcancel\w*\b[^.?!]{0,60}\b(?:instead|rather)\b", re.IGNORECASE)


# Asked whether a time is cancelled or gone ("so monday is cancelled right?"), not asked
# to cancel it ("can it be cancelled?", "I want it cancelled").
_IS_CANCELLED = re.compile(
    r"\b(?:is|was|got|gets|been|are|were|'s)\s+(?:\w+\s+)?(?:cancel+ed|gone|off)\b"
    r"|\b(?:cancel+ed|gone)\b[^.?!]{0,12}(?:\?|\b(?:right|yeah|yes|correct|yh|ya)\b)",
    re.IGNORECASE,
)
_ASKS_FOR_IT = re.compile(
    r"\b(?:can|could|would|will|please|want|need|like|wish|get|have)\b[^.?!]{0,25}"
    r"\b(?:cancel\w*)\b",
    re.IGNORECASE,
)


def asks_if_cancelled(text: str) -> bool:
    """Whether a message asks whether a booking (or its old time) is cancelled or gone."""
    return bool(_IS_CANCELLED.search(text)) and not _ASKS_FOR_IT.search(text)


def says_a_change(text: str) -> bool:
    """Whether a message says moving or cancelling in so many words, not only a wish for
    another time ("I'd rather book next week" does not)."""
    return bool(_CANCEL.search(text) or _CHANGE_SAID.search(text))


def names_a_change(text: str) -> bool:
    """Whether a message asks in words of changing (cancel, move, another day) or gives a
    booking reference: "can I come without my mum?" does not, whatever the model heard."""
    return bool(_CANCEL.search(text) or _MOVE.search(text)) or reference_in(text) is not None


# "Need a consultation", "can I get an appointment", "book me in".
_TO_BOOK = re.compile(r"\b(?:book|booking|appointment|appt|consultation|consult)\b", re.I)


# Asking for a booking in so many words: "could I book", "can you book me in".
# Putting one in, in other words too: "can I still pencil in a consult", "squeeze me in".
REQUESTS_A_BOOKING = re.compile(
    r"\b(?:can|could|may|would) (?:i|we|you|he|she|they) (?:please |still |just |maybe )?"
    r"(?:(?:book|pencil|squeeze|fit|slot|get in)\b"
    # "Could we come in on friday", "can we get her in": not "can I come in with my son?".
    r"|(?:come|get (?:me|him|her|them|us)) in\b(?!\s+with\b)"
    r"|(?:get|have|grab|schedule|arrange|make|set up) (?:me )?(?:an? |the )?"
    r"(?:appointment|appt|consultation|consult|slot)\b)|\bbook me\b|\bi'?d like to book\b"
    r"|\bi want to book\b"
    # As a thing to do now: "let's book", "go ahead and book", "please book a consult".
    r"|\blet'?s book\b|\blet us book\b|\b(?:go ahead and|please|just) book\b"
    # A yes that says to book: "yes book please", "ok book it", "yeah, book him".
    r"|\b(?:yes|yeah|yep|ok|okay|sure)\W+book\b",
    re.IGNORECASE,
)
# A booking for after the doctor, no day named: "could we book for afterwards?", "after
# I've seen her"; not "after-care" or "the day after".
_FOR_AFTERWARDS = re.compile(
    r"\bafterwards\b|\bfor after\b(?!\s*-?\s*care)|\bafter (?:i'?ve|i have|we'?ve|we have|"
    r"he'?s|she'?s|they'?ve|seeing|being seen|the (?:doctor|gp|scan|visit|check))\b",
    re.IGNORECASE,
)


def for_afterwards(text: str) -> bool:
    """Whether the message puts a booking after something else (the doctor, a scan)."""
    return bool(_FOR_AFTERWARDS.search(text))


# A free time asked about: "do you have anything on Tuesday?", "any space Wednesday?".
ASKS_FOR_ROOM = re.compile(
    r"\b(?:do|have|got) (?:you|u) (?:have |got )?(?:anything|any ?thing|(?:any |a )?(?:space|room"
    r"|slots?|openings?|availability|appointments?|time))\b"
    r"|\bany (?:space|room|slots?|openings?|availability|appointments?)\b"
    r"|\banything (?:free|available|open)\b|\bare you free\b",
    re.IGNORECASE,
)
# "I need an appointment", "I'd like a consultation for my neck", "need to book for my hip".
_WANTS_AN_APPOINTMENT = re.compile(
    r"\b(?:want|like|need|get|have|make|can i)\b.*\b(?:appointment|appt|consultation|consult)\b"
    r"|\b(?:need|needs|want|wants|wanna|like|looking|trying|hoping|here|ready)\s+(?:to\s+)?book\b"
    r"|^\W*book\b|\bbook (?:in|for|a|an|something|him|her|us)\b",
    re.IGNORECASE,
)
# Weighing the consultation up: "why would I book", "what's the point of booking".
_DOUBTS_IT = re.compile(
    r"\bwhy (?:would|should|bother)\b|\b(?:what'?s|whats|what is) the (?:point|use)\b"
    r"|\bany point\b|\bworth (?:it|booking|coming)\b",
    re.IGNORECASE,
)


def doubts_the_consultation(text: str) -> bool:
    """Whether a message weighs up whether coming in is worth it."""
    return bool(_DOUBTS_IT.search(text))


def wants_a_booking(text: str, model_heard_a_request: bool = False) -> bool:
    """Whether a message asks for a consultation ("book me in", "can I book", "I need a
    consult"), not a question about one ("is booking free?", "what's the point of
    booking?") nor how to change one. What the model heard counts unless it is doubt."""
    # "can we jus book": text-speak spelt out (outside run 125 w03: a look-up started).
    spelt = mended(text)
    asks = (
        model_heard_a_request or REQUESTS_A_BOOKING.search(text) or REQUESTS_A_BOOKING.search(spelt)
    )
    asks = asks or _WANTS_AN_APPOINTMENT.search(text)
    return bool(asks) and not doubts_the_consultation(text) and not asks_how_to_change(text)


# No booking wanted, in so many words ("I don't want to book", "no appointment", "not
# booking"), or a last word that stops ("stop", "cancel", "forget it", "never mind").
_NO_BOOKING = re.compile(
    r"\b(?:don'?t|dont|do not|doesn'?t|won'?t|not)\s+(?:\w+\s+)?(?:want|need|wanting|looking)\s+"
    r"(?:to\s+)?(?:book|make|have)?\s*(?:an?\s+|any\s+)?(?:appointment|appt|booking|consultation|"
    r"consult)s?\b"
    r"|\b(?:don'?t|dont|do not)\s+(?:\w+\s+)?(?:want|need)\s+to\s+book\b"
    r"(?!\s+(?:too|so|that|for|before|after|\w+ly)\b)"
    r"|\bno\s+(?:appointment|appt|booking|consultation)s?\b"
    r"|\b(?:don'?t|dont|do not)\s+book\s+(?:anything|me|it|that|one|yet)\b"
    r"|\bnot\s+(?:booking|book)\w*\b",
    re.IGNORECASE,
)
_STOP_WORD = re.compile(
    r"(?:^|[.!?]\s*)\W*(?:stop|cancel|cancel it|forget it|never ?mind|nevermind|leave it|"
    r"no booking)\b[^.!?]*[.!?]*\s*$",
    re.IGNORECASE,
)


def no_booking_wanted(text: str) -> bool:
    """Whether the patient says in words they want no booking ("I don't want to book")."""
    return bool(_NO_BOOKING.search(text))


# No booking to look up: "I haven't booked yet", "never booked", "I didn't make one yet".
# A booking's reference, number or email not at hand is another matter (the clinic finds it).
_BOOKED = r"(?:booked|booking|appointment|appt|consultation|one)"
_HAS_NO_BOOKING = re.compile(
    r"\b(?:don'?t|dont|do not|haven'?t|havent|have not|didn'?t|didnt|did not|never|not)\s+"
    r"(?:\w+\s+){0,2}?(?:have|had|got|made|make|booked|book)\s+(?:\w+\s+){0,2}?"
    r"(?:booked|booking|appointment|appt|consultation|one|anything|in)\b"
    r"(?!\s+(?:ref|reference|number|no\b|code|confirmation|email|details|on me|with me))"
    r"|\b(?:haven'?t|havent|have not|never|not|didn'?t|didnt)\s+(?:\w+\s+)?booked\b"
    rf"|\b(?:no|nothing)\s+{_BOOKED}\s+(?:yet|at all)\b|\bthere'?s no booking\b"
    # A first booking wanted: "I want new appointment", "my first visit", "never been to
    # you" (outside run 103 p03: told the clinic could look it up).
    r"|\b(?:a\s+)?new\s+(?:appointment|appt|booking|consult\w*)\b"
    r"|\bfirst\s+(?:visit|time|appointment|appt|consult\w*)\b"
    r"|\bnever\s+(?:been|come|came|visited)\b",
    re.IGNORECASE,
)


def has_no_booking(text: str) -> bool:
    """Whether the patient says there is no booking to find ("I haven't booked yet")."""
    return bool(_HAS_NO_BOOKING.search(text))


# Put off, not now: "I'll think about it", "maybe later", "let me sleep on it".
_PUT_OFF = re.compile(
    r"\b(?:i'?ll|ill|i will|let me|lemme|gonna|i need to|need to|i want to)\s+(?:have a\s+)?"
    r"(?:think|thinks|sleep on it|get back to you|come back to you|mull|"
    r"(?:check|talk|discuss it|speak) (?:with|to) (?:my|him|her|them)|ask (?:my|him|her|them))\b"
    r"(?!\s+(?:about\s+)?(?:which|what|when)\b)"
    r"|^\W*(?:maybe|perhaps|probably)\s+later\b|\bnot (?:right )?now\b|\bnot yet\b"
    r"|\bget back to you\b"
    # "We'll hold off booking until we know more", "let's leave the booking for now", "I
    # don't want a time right now" (outside run 59 p05: the times were offered again).
    r"|\b(?:hold off|wait on|wait with|put off|leave|park|pause)\s+(?:on\s+)?(?:the\s+)?"
    r"(?:booking|appointment|consultation|it)\b(?!\s+(?:on|at|till|until)\s+\w*day)"
    r"|\b(?:don'?t|do not|dont)\s+want\s+(?:a|any)\s+(?:time|slot|booking)\s+(?:right\s+)?now\b",
    re.IGNORECASE,
)


# A yes said first, alone in its clause: "Yes please. After school...", "sure, ...".
_YES_FIRST = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|definitely|absolutely|please do|go on)"
    r"(?:\W+please)?\W*$",
    re.IGNORECASE,
)


# A wish to come said in any sentence: "Yes we'd still like to come", "I would like to come
# anyway" (outside run 70 p04: the answers alone, and the booking asked for again).
_WANTS_TO_COME = re.compile(
    r"\b(?:we|i)(?:'?d| would)\s+(?:still\s+|really\s+)?(?:like|love|want)\s+to\s+"
    r"(?:come(?:\s+in)?|book|bring (?:him|her|them))\b",
    re.IGNORECASE,
)


def takes_the_offer(text: str) -> bool:
    """Whether an answer to the offer of a consultation takes it up among other things: a
    booking asked for ("not the shoulder, only the neck. yes book please") or a yes said
    first ("Yes please. After school... Do you take Cigna?"), not put off or weighed up."""
    if declines_booking(text) or doubts_the_consultation(text):
        return False
    first = re.split(r"(?<=[.!?,;])\s+", text.strip(), maxsplit=1)[0]
    return wants_a_booking(text) or bool(_YES_FIRST.match(first) or _WANTS_TO_COME.search(text))


def declines_booking(text: str) -> bool:
    """Whether the patient says they want no booking, stops or puts it off: words, not a
    time ("I'll think about it" to the offer is no yes, whatever its "ok")."""
    put_off = bool(_PUT_OFF.search(text)) and not names_a_time(text)  # not "thursday, let me think"
    return no_booking_wanted(text) or bool(_STOP_WORD.search(text)) or put_off


def asks_to_book(text: str) -> bool:
    """Whether a message asks for a consultation in so many words (not how to change one)."""
    return bool(_TO_BOOK.search(text)) and not asks_how_to_change(text)


def when(start: dt.datetime) -> str:
    """A consultation time as patients read it: "Tuesday 24 November at 3:00 pm"."""
    return f"{start:%A} {start.day} {start:%B} at {clock(start)}"


def short_when(start: dt.datetime) -> str:
    """The same, short enough for a button: "Tue 24 Nov, 3:00 pm"."""
    return f"{start:%a} {start.day} {start:%b}, {clock(start)}"


def clock(start: dt.datetime) -> str:
    return f"{start.hour % 12 or 12}:{start:%M} {'am' if start.hour < 12 else 'pm'}"


def reference_in(text: str) -> str | None:
    """The booking reference in a message ("my ref is k7p-4qm" -> "K7P4QM"), else None."""
    for match in _REFERENCE.finditer(text.upper()):
        if _LETTER.search(match[0]) and _DIGIT.search(match[0]):  # "PLEASE" is a word
            return re.sub(r"[\s-]", "", match[0])
    return None


# What a patient may say around a reference; a longer message is about something else.
_REFERENCE_ANSWER_WORDS = 5


def is_reference_answer(text: str) -> bool:
    """Whether a short message gives a booking reference ("it's k7p4qm", "X2C-9PD").

    A reference is six random characters, so a learned model guesses at it: "stop", "no",
    "hello". Said on its own or with a few words, it answers the question for it."""
    return reference_in(text) is not None and len(text.split()) <= _REFERENCE_ANSWER_WORDS


def request_key(conversation_id: str, starts_at: dt.datetime) -> str:
    """The same conversation asking for the same time is one booking, however often sent."""
    said = f"{conversation_id}|{starts_at.astimezone(dt.timezone.utc).isoformat()}"
    return hashlib.sha256(said.encode()).hexdigest()


@dataclass(frozen=True)
class Patient:
    """Who the booking is for and how to reach them (phone in E.164, email lower case)."""

    name: str
    phone: str | None
    email: str | None


class BookingDesk:
    """Offers, books, cancels and moves consultations in the clinic's timezone."""

    def __init__(
        self,
        schedule: Schedule,
        store: BookingStore,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.schedule = schedule
        self.store = store
        self._clock = clock or schedule.now

    def now(self) -> dt.datetime:
        """The clinic's local time now."""
        return self._clock().astimezone(self.schedule.timezone)

    def local(self, moment: dt.datetime) -> dt.datetime:
        """A stored (UTC) time in the clinic's timezone."""
        return moment.astimezone(self.schedule.timezone)

    def _busy(self) -> dict:
        now = self.now()
        return self.store.busy(now - dt.timedelta(days=1), now + self.schedule.horizon)

    def offer(self, wish: TimePreference, not_before: dt.date | None = None) -> Offer:
        """Up to three free times for `wish` (or the nearest after it), none before
        `not_before`."""
        return offer(self.schedule, self._busy(), wish, self.now(), not_before=not_before)

    def is_free(self, starts_at: dt.datetime) -> bool:
        """Whether `starts_at` is still a bookable, free consultation time."""
        return is_bookable(self.schedule, starts_at, self.now()) and bool(
            free_practitioners(self.schedule, self._busy(), starts_at)
        )

    def book(
        self,
        starts_at: dt.datetime,
        patient: Patient,
        conversation_id: str,
        intake_summary: str | None = None,
        triage_level: str | None = None,
    ) -> Booking:
        """Books `starts_at`; a repeated submit returns the same booking. Raises SlotTaken."""
        key = request_key(conversation_id, starts_at)
        earlier = self.store.by_request_key(key)
        if earlier:
            return earlier
        if not is_bookable(self.schedule, starts_at, self.now()):
            raise SlotTaken(starts_at)
        new = NewBooking(
            starts_at=starts_at,
            ends_at=starts_at + self.schedule.consultation,
            patient_name=patient.name,
            phone=patient.phone,
            email=patient.email,
            conversation_id=conversation_id,
            request_key=key,
            consent_given_at=self.now(),
            intake_summary=intake_summary,
            triage_level=triage_level,
        )
        practitioners = free_practitioners(self.schedule, self._busy(), starts_at)
        return self.store.book(new, practitioners, self._notice("booked"))

    def find(self, reference: str | None, contact_text: str) -> Booking | None:
        """The confirmed booking with `reference` whose phone or email is in `contact_text`."""
        contact = read_contact(contact_text)
        if not reference or not (contact.phone or contact.email):
            return None
        return self.store.find(reference, contact.phone, contact.email)

    def cancel(self, reference: str) -> Booking:
        """Cancels the booking; the slot is free again at once."""
        return self.store.cancel(reference, self._notice("cancelled"))

    def move(self, reference: str, starts_at: dt.datetime) -> Booking:
        """Moves the booking to `starts_at`, keeping its reference. Raises SlotTaken."""
        if not is_bookable(self.schedule, starts_at, self.now()):
            raise SlotTaken(starts_at)
        practitioners = free_practitioners(self.schedule, self._busy(), starts_at)
        return self.store.move(
            reference,
            starts_at,
            starts_at + self.schedule.consultation,
            practitioners,
            self._notice("rescheduled"),
        )

    def rename(self, reference: str, patient_name: str) -> Booking:
        """Puts the name on the booking right (a misspelling, the writer's name given)."""
        return self.store.rename(reference, patient_name, self._notice("renamed"))

    def _notice(self, kind: str) -> Callable[[Booking], Notice]:
        def notice(booking: Booking) -> Notice:
            start = self.local(booking.starts_at)
            contact = [display_phone(booking.phone)] if booking.phone else []
            contact += [booking.email] if booking.email else []
            subject = f"Consultation {kind}: {short_when(start)} ({booking.reference})"
            body = "\n".join(
                [
                    f"Free consultation {kind} through the website chat.",
                    "",
                    f"Reference:    {booking.reference}",
                    f"When:         {when(start)} ({self.schedule.timezone.key})",
                    f"With:         {booking.practitioner}",
                    f"Patient:      {booking.patient_name}",
                    f"Contact:      {', '.join(contact)}",
                    f"Conversation: {booking.conversation_id or '-'}",
                    "",
                    "The intake summary and any red flags are in the staff console;",
                    "health details are not sent by email.",
                ]
            )
            return Notice(kind, subject, body)

        return notice


@cache
def booking_desk() -> BookingDesk:
    """The clinic's desk, created on first use from the settings."""
    return BookingDesk(clinic_schedule(), BookingStore(settings.database_url()))
