"""The staff console through Flask's test client, on real stores: conversations written by
Rasa's own tracker store, bookings and staff tables created by the migrations."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
from typing import Any

import pytest
from flask.testing import FlaskClient

from clinic.booking_store import BookingStore, NewBooking, Notice
from clinic.staff_store import MAX_FAILED_LOGINS, StaffStore
from tests.tracker_rows import save_conversation
from web.app import create_app

PASSWORD = "a long enough password"
API_TOKEN = "rasa-api-token-never-on-a-page"
XSS = "<script>alert(1)</script> my neck"
NOW = time.time()
EVERYONE = ["red-flag", "urgent-one", "unsure", "knee-booked"]


def user(text: str, intent: str, confidence: float, minutes_ago: float) -> Any:
    from rasa.shared.core.events import UserUttered

    return UserUttered(
        text,
        intent={"name": intent, "confidence": confidence},
        timestamp=NOW - minutes_ago * 60,
    )


def slots(minutes_ago: float, **values: Any) -> list[Any]:
    from rasa.shared.core.events import SlotSet

    return [
        SlotSet(name, value, timestamp=NOW - minutes_ago * 60) for name, value in values.items()
    ]


@pytest.fixture
def database(booking_db: str) -> str:
    """Four conversations: routine and booked, an emergency, an urgent one, an unsure one."""
    from rasa.shared.core.events import ActionExecuted, BotUttered

    save_conversation(
        booking_db,
        "knee-booked",
        [
            user("my left knee aches", "describe_pain", 0.99, 50),
            BotUttered("Which side?", timestamp=NOW - 50 * 60),
            *slots(49, body_part="knee", side="left", tdn_fit="likely", triage_level="routine"),
            *slots(49, unanswered_questions=["do you validate parking at the mall?"]),
            *slots(48, booking_reference="K7P4QM"),
        ],
    )
    save_conversation(
        booking_db,
        "red-flag",
        [
            user("numb around my bottom and can't pee", "red_flag", 0.97, 120),
            *slots(119, red_flags=["cauda_equina"], triage_level="emergency", body_part="back"),
        ],
    )
    save_conversation(
        booking_db,
        "urgent-one",
        [
            user("I fell and my hip hurts", "describe_pain", 0.95, 200),
            *slots(199, triage_level="urgent", body_part="hip", unclear_signs=["trauma"]),
            *slots(198, corrected_signs=["saddle_numbness"]),
        ],
    )
    save_conversation(
        booking_db,
        "unsure",
        [
            user(XSS, "nlu_fallback", 0.31, 10),
            ActionExecuted("action_default_fallback", timestamp=NOW - 10 * 60),
            *slots(9, unanswered_questions=[XSS]),
        ],
    )
    staff = StaffStore(booking_db)
    staff.save_member("clara", PASSWORD, "clinician")
    staff.save_member("rita", PASSWORD, "reception")
    return booking_db


@pytest.fixture
def app(database: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("RASA_API_TOKEN", API_TOKEN)
    return create_app(DATABASE_URL=database, SECRET_KEY="test-secret")


def csrf_token(page: str) -> str:
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'name="csrf_token" value="([^"]+)"', page
    )
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(app: Any, username: str, password: str = PASSWORD) -> tuple[FlaskClient, Any]:
    client = app.test_client()
    token = csrf_token(client.get("/console/login").get_data(as_text=True))
    answer = client.post(
        "/console/login", data={"username": username, "password": password, "csrf_token": token}
    )
    return client, answer


def text(answer: Any) -> str:
    return answer.get_data(as_text=True)


def audit_actions(database: str) -> list[tuple[str, str, str | None]]:
    return [(e.username, e.action, e.conversation_id) for e in StaffStore(database).audit_entries()]


def test_anonymous_visitors_are_sent_to_sign_in(app: Any) -> None:
    for path in ("/console/", "/console/conversations", "/console/conversations/red-flag",
                 "/console/bookings", "/console/bookings.csv"):  # fmt: skip
        answer = app.test_client().get(path)
        assert answer.status_code == 302 and "/console/login" in answer.headers["Location"], path


def test_a_clinician_sees_red_flags_first_and_highlighted(app: Any, database: str) -> None:
    clinician, answer = sign_in(app, "clara")
    assert answer.status_code == 302
    answer = clinician.get("/console/conversations")
    assert answer.headers["Cache-Control"] == "no-store"  # health data stays out of caches
    page = text(answer)
    order = re.findall(r'href="/console/conversations/([^"]+)"', page)
    assert order == ["red-flag", "urgent-one", "unsure", "knee-booked"]
    assert re.search(
        r'<tr class="care emergency">\s*<td>[^<]+</td>\s*'
        r'<td><a href="/console/conversations/red-flag"',
        page,
    )
    assert ("clara", "view_inbox", None) in audit_actions(database)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("triage_level=emergency", ["red-flag"]),
        ("body_part=knee", ["knee-booked"]),
        ("tdn_fit=likely", ["knee-booked"]),
        ("booked=yes", ["knee-booked"]),
        ("booked=no", ["red-flag", "urgent-one", "unsure"]),
        ("low_confidence=1", ["unsure"]),
        ("q=BOTTOM", ["red-flag"]),
        ("reviewed=yes", []),
        ("from=2000-01-01&to=2000-01-02", []),
        (f"from={dt.date.today() - dt.timedelta(days=1)}", EVERYONE),
    ],
)  # fmt: skip
def test_filters_return_the_right_conversations(app: Any, query: str, expected: list[str]) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get(f"/console/conversations?{query}"))
    assert re.findall(r'href="/console/conversations/([^"]+)"', page) == expected


def test_the_conversation_page_shows_summary_and_transcript_and_is_audited(
    app: Any, database: str
) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get("/console/conversations/red-flag"))
    # In words, with the patient's phrase beside the finding; no codes.
    assert "<strong>Possible cauda equina syndrome</strong>" in page
    assert "Emergency: told to call 911" in page
    assert "Patient: &#34;numb around my bottom and can&#39;t pee&#34;" in page
    assert "cauda_equina" not in page.split('id="transcript-title"')[0]
    assert "numb around my bottom" in page and "red_flag 0.97" in page
    assert ("clara", "view_conversation", "red-flag") in audit_actions(database)
    assert clinician.get("/console/conversations/no-such-one").status_code == 404


def test_unsure_and_corrected_safety_answers_are_shown_to_staff(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get("/console/conversations/urgent-one"))
    assert re.search(
        r"<dt>Unsure</dt>\s*<dd[^>]*>\s*Started after a fall, accident or knock\s*"
        r'<span class="note">\(unsure answer, taken as possible\)',
        page,
    )
    assert re.search(
        r"<dt>Said no after yes</dt>\s*<dd[^>]*>\s*Saddle numbness\s*"
        r'<span class="note">\(corrected by the patient\)',
        page,
    )
    # What the intake never learnt is marked, not left out.
    assert re.search(r"<dt>Feels</dt>\s*<dd class=\" unknown\">\s*not known", page)


def test_the_handover_prints_alone_for_clinicians_and_is_audited(app: Any, database: str) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get("/console/conversations/knee-booked/handover"))
    assert "Knee, left side" in page and "likely to help" in page
    assert "do you validate parking at the mall?" in page
    assert "Transcript" not in page and 'class="bar"' not in page
    assert ("clara", "print_handover", "knee-booked") in audit_actions(database)
    reception, _ = sign_in(app, "rita")
    assert reception.get("/console/conversations/knee-booked/handover").status_code == 403
    assert clinician.get("/console/conversations/none/handover").status_code == 404


def test_the_inbox_and_filters_show_words_not_codes(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get("/console/conversations"))
    assert "Possible cauda equina syndrome" in page and ">Urgent (doctor today)<" in page
    assert '<option value="assess_first" >Assess first</option>' in page
    assert "cauda_equina" not in page and ">assess_first<" not in page


def test_patient_text_is_escaped_everywhere(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    for path in ("/console/conversations", "/console/conversations/unsure", "/console/questions"):
        page = text(clinician.get(path))
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unanswered_questions_are_listed_for_clinicians_and_audited(
    app: Any, database: str
) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get("/console/questions"))
    assert "do you validate parking at the mall?" in page
    assert "/console/conversations/knee-booked" in page
    assert ("clara", "view_unanswered_questions", None) in audit_actions(database)
    reception, _ = sign_in(app, "rita")
    assert reception.get("/console/questions").status_code == 403


def test_reception_cannot_open_transcripts_but_sees_bookings(app: Any, database: str) -> None:
    reception, _ = sign_in(app, "rita")
    assert reception.get("/console/").headers["Location"].endswith("/console/bookings")
    assert reception.get("/console/conversations").status_code == 403
    assert reception.get("/console/conversations/red-flag").status_code == 403
    assert ("rita", "refused", "red-flag") in audit_actions(database)
    assert reception.get("/console/bookings").status_code == 200


def test_marking_reviewed_with_notes_and_tags(app: Any, database: str) -> None:
    clinician, _ = sign_in(app, "clara")
    page = text(clinician.get("/console/conversations/red-flag"))
    answer = clinician.post(
        "/console/conversations/red-flag",
        data={"csrf_token": csrf_token(page), "reviewed": "y", "notes": "Called, sent to ED",
              "tags": "Called back, ED"},
    )  # fmt: skip
    assert answer.status_code == 302
    review = StaffStore(database).review("red-flag")
    assert review.reviewed_by == "clara" and review.notes == "Called, sent to ED"
    assert review.tags == "called back,ed"
    assert re.findall(
        r'href="/console/conversations/([^"]+)"',
        text(clinician.get("/console/conversations?reviewed=yes")),
    ) == ["red-flag"]
    assert ("clara", "review", "red-flag") in audit_actions(database)


def test_forms_without_the_csrf_token_are_refused(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    answer = clinician.post("/console/conversations/red-flag", data={"reviewed": "y"})
    assert answer.status_code == 400


def test_five_wrong_passwords_lock_the_account(app: Any, database: str) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        _, answer = sign_in(app, "clara", "wrong password!!")
        assert answer.status_code == 401 and "Wrong user name or password" in text(answer)
    _, answer = sign_in(app, "clara")  # the right password, too late
    assert answer.status_code == 401 and "locked" in text(answer)
    refused = [a for a in audit_actions(database) if a[1] == "sign_in_refused"]
    assert len(refused) == MAX_FAILED_LOGINS + 1
    # It opens again once the lockout is over.
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=16)
    staff = StaffStore(database)
    assert staff.sign_in("clara", PASSWORD, "127.0.0.1", now=later).role == "clinician"


def test_a_session_ends_after_the_idle_time(database: str) -> None:
    app = create_app(
        DATABASE_URL=database, SECRET_KEY="test-secret",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(seconds=1),
    )  # fmt: skip
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(seconds=1)
    clinician, _ = sign_in(app, "clara")
    assert clinician.get("/console/conversations").status_code == 200
    time.sleep(2.1)
    assert clinician.get("/console/conversations").status_code == 302


def test_the_rasa_token_never_reaches_a_page(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    for path in ("/console/conversations", "/console/conversations/knee-booked",
                 "/console/bookings", "/", "/chat/settings"):  # fmt: skip
        assert API_TOKEN not in text(clinician.get(path)), path


def make_booking(database: str, name: str, hours_ahead: int, conversation: str) -> str:
    start = dt.datetime.now(dt.timezone.utc).replace(minute=0, second=0, microsecond=0)
    start += dt.timedelta(hours=hours_ahead)
    booking = BookingStore(database).book(
        NewBooking(start, start + dt.timedelta(minutes=30), name, "+12125550143", None,
                   conversation, f"key-{conversation}-{hours_ahead}", start, "knee", "routine"),
        ["Dr Peter Ray"],
        lambda booking: Notice("booked", "New booking", booking.reference),
    )  # fmt: skip
    return booking.reference


def test_bookings_by_day_status_changes_and_csv(app: Any, database: str) -> None:
    first = make_booking(database, "Anna Smith", 26, "knee-booked")
    second = make_booking(database, '=HYPERLINK("http://x")', 27, "other")
    reception, _ = sign_in(app, "rita")
    page = text(reception.get("/console/bookings"))
    assert "Anna Smith" in page and "+12125550143" in page
    assert 'href="/console/conversations/' not in page  # reception gets no transcript links
    for status, shown in (
        ("attended", "attended"),
        ("no_show", "no-show"),
        ("cancelled", "cancelled"),
    ):
        answer = reception.post(
            "/console/bookings/status",
            data={"csrf_token": csrf_token(page), "reference": first, "status": status},
            follow_redirects=True,
        )
        assert f"{first} is now {shown}." in text(answer)
        assert BookingStore(database).get(first).status == status
    assert ("rita", "booking_status", "knee-booked") in audit_actions(database)

    exported = reception.get("/console/bookings.csv")
    rows = list(csv.DictReader(io.StringIO(text(exported))))
    assert [r["reference"] for r in rows] == [first, second]
    assert rows[0]["status"] == "cancelled"
    assert rows[1]["patient_name"].startswith("'=")  # not a formula in a spreadsheet
    assert ("rita", "export_bookings", None) in audit_actions(database)

    clinician, _ = sign_in(app, "clara")  # the conversation's page shows its booking
    page = text(clinician.get("/console/conversations/knee-booked"))
    assert f"{first}: " in page and "Anna Smith" in page and "cancelled" in page


def test_the_dashboard_counts_and_draws(app: Any) -> None:
    reception, _ = sign_in(app, "rita")  # aggregates only: every role may see it
    page = text(reception.get("/console/dashboard"))
    assert "Conversations per day, last 30 days: 4 in all." in page
    assert "Triage level: emergency 1, urgent (doctor today) 1, routine 1, not known yet 1." in page
    assert "Booked a consultation: booked 1, not booked 3." in page
    assert "Commonest body parts: knee 1, back 1, hip 1." in page
    for name in ("per-day", "triage", "tdn-fit", "booked", "body-parts"):
        image = reception.get(f"/console/dashboard/{name}.png")
        assert image.status_code == 200 and image.data.startswith(b"\x89PNG"), name
    assert reception.get("/console/dashboard/nothing.png").status_code == 404


def test_direction_overrides_cannot_make_a_transcript_show_other_words(
    app: Any, database: str
) -> None:
    """Text stored before the web server cleaned it (or sent to Rasa by another channel)."""
    save_conversation(
        database,
        "reordered",
        [
            user(
                "I am \u202eenod ton\u202c fine, my \u2066back\u2069 hurts", "describe_pain", 0.9, 5
            )
        ],
    )
    clinician, _ = sign_in(app, "clara")
    for path in (
        "/console/conversations/reordered",
        "/console/conversations",
        "/console/conversations?q=back",
    ):
        page = text(clinician.get(path))
        assert "\u202e" not in page and "\u2066" not in page, path
        assert "I am enod ton fine, my back hurts" in page, path


def test_the_call_back_queue_puts_overdue_first_and_audits_each_outcome(
    app: Any, database: str
) -> None:
    from clinic.booking_store import Notice
    from clinic.records.callbacks import (
        UNANSWERED,
        URGENT_ADVICE,
        CallBackRequest,
        CallBackStore,
    )

    store = CallBackStore(database)
    now = dt.datetime.now(dt.timezone.utc)

    def ask(conversation: str, name: str, due: dt.datetime, reason: str, level: str) -> int:
        wanted = CallBackRequest(conversation, name, "+12125550150", "x", due, reason, level)
        return store.request(wanted, lambda c: Notice("callback", "Call-back", c.patient_name)).id

    ask("knee-booked", "Later Lou", now + dt.timedelta(hours=3), UNANSWERED, "routine")
    urgent = ask("urgent-one", "Overdue Olga", now - dt.timedelta(hours=1), URGENT_ADVICE, "urgent")
    reception, _ = sign_in(app, "rita")
    page = text(reception.get("/console/callbacks"))
    assert page.index("Overdue Olga") < page.index("Later Lou")
    assert re.search(r'<tr class="overdue\s+care urgent">', page)
    assert "After urgent advice" in page and "Urgent (doctor today)" in page
    assert "/console/conversations/" not in page  # reception: no transcripts
    answer = reception.post(
        f"/console/callbacks/{urgent}",
        data={"status": "called", "note": "seeing GP at 4", "csrf_token": csrf_token(page)},
    )
    assert answer.status_code == 302
    marked = store.get(urgent)
    assert (
        marked is not None and marked.status == "called" and "rita: seeing GP at 4" in marked.note
    )
    assert ("rita", "callback_outcome", "urgent-one") in audit_actions(database)
    assert ("rita", "view_callbacks", None) in audit_actions(database)
    bad = reception.post(f"/console/callbacks/{urgent}", data={"status": "called"})
    assert bad.status_code == 400  # no CSRF token
    clinician, _ = sign_in(app, "clara")
    assert "/console/conversations/urgent-one" in text(clinician.get("/console/callbacks"))
