"""The inbox of conversations and one conversation's page (clinicians only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import Length

from clinic import settings
from clinic.conversations import ConversationStore, ConversationSummary
from clinic.records.handover import Handover, handover
from clinic.schedule import clinic_schedule
from clinic.staff_store import CLINICIAN, ConversationReview
from web.console.auth import audit, clinicians_only, staff_store

inbox = Blueprint("inbox", __name__, url_prefix="/console")
TRIAGE_ORDER = {"emergency": 0, "urgent": 1}


@dataclass(frozen=True)
class InboxFilter:
    """The inbox's filters, as read from the query string; empty means any."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    triage_level: str = ""
    tdn_fit: str = ""
    body_part: str = ""
    booked: str = ""  # "yes", "no" or ""
    reviewed: str = ""
    low_confidence: bool = False
    text: str = ""

    @classmethod
    def from_query(cls, args: Any) -> InboxFilter:
        def day(name: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(args.get(name, ""))
            except ValueError:
                return None

        return cls(
            date_from=day("from"),
            date_to=day("to"),
            triage_level=args.get("triage_level", ""),
            tdn_fit=args.get("tdn_fit", ""),
            body_part=args.get("body_part", ""),
            booked=args.get("booked", ""),
            reviewed=args.get("reviewed", ""),
            low_confidence=args.get("low_confidence") == "1",
            text=args.get("q", "").strip(),
        )

    def keeps(
        self, summary: ConversationSummary, review: ConversationReview | None, zone: ZoneInfo
    ) -> bool:
        day = dt.datetime.fromtimestamp(summary.last_at, zone).date()
        slots = summary.slots
        checks = [
            not self.date_from or day >= self.date_from,
            not self.date_to or day <= self.date_to,
            not self.triage_level or slots.get("triage_level") == self.triage_level,
            not self.tdn_fit or slots.get("tdn_fit") == self.tdn_fit,
            not self.body_part or slots.get("body_part") == self.body_part,
            not self.booked or summary.booked == (self.booked == "yes"),
            not self.reviewed or bool(review and review.reviewed_at) == (self.reviewed == "yes"),
            not self.low_confidence or summary.low_confidence,
            not self.text
            or any(self.text.lower() in text.lower() for text in summary.patient_texts),
        ]
        return all(checks)


def pinned_first(summaries: list[ConversationSummary]) -> list[ConversationSummary]:
    """Red flags and urgent triage on top (emergency first), then newest first."""
    return sorted(
        summaries,
        key=lambda s: (
            0 if s.needs_care else 1,
            TRIAGE_ORDER.get(s.slots.get("triage_level"), 2),
            -s.last_at,
        ),
    )


def conversations() -> ConversationStore:
    return current_app.extensions["conversations"]


@inbox.get("/")
@login_required
def home() -> Any:
    """Clinicians start at the inbox, reception at the bookings."""
    if current_user.role != CLINICIAN:
        return redirect(url_for("bookings.upcoming"))
    return redirect(url_for("inbox.conversation_list"))


@inbox.get("/conversations")
@clinicians_only
def conversation_list() -> Any:
    chosen = InboxFilter.from_query(request.args)
    zone = clinic_schedule().timezone
    reviews = staff_store().reviews()
    summaries = conversations().summaries()
    shown = pinned_first(
        [s for s in summaries if chosen.keeps(s, reviews.get(s.conversation_id), zone)]
    )
    audit("view_inbox", detail=request.query_string.decode()[:500])
    return render_template(
        "console/inbox.html",
        summaries=shown,
        total=len(summaries),
        reviews=reviews,
        chosen=chosen,
        zone=zone,
        body_parts=sorted({s.slots["body_part"] for s in summaries if s.slots.get("body_part")}),
    )


@inbox.get("/questions")
@clinicians_only
def unanswered_questions() -> Any:
    """The questions the clinic's answers file had no answer for, newest first: each is
    worth an answer to the patient and, often, a new topic in answers.yml."""
    zone = clinic_schedule().timezone
    asked = [
        (summary, question)
        for summary in conversations().summaries()
        for question in reversed(summary.slots.get("unanswered_questions") or [])
    ]
    audit("view_unanswered_questions", detail=f"{len(asked)} questions")
    return render_template("console/questions.html", asked=asked, zone=zone)


class ReviewForm(FlaskForm):
    reviewed = BooleanField("Reviewed")
    notes = TextAreaField("Notes", validators=[Length(max=5000)])
    tags = StringField("Tags (comma-separated)", validators=[Length(max=500)])


@inbox.route("/conversations/<conversation_id>", methods=["GET", "POST"])
@clinicians_only
def conversation(conversation_id: str) -> Any:
    summary = conversations().summary(conversation_id)
    if summary is None:
        abort(404)
    review = staff_store().review(conversation_id)
    form = ReviewForm(
        reviewed=bool(review and review.reviewed_at),
        notes=review.notes if review else "",
        tags=review.tags.replace(",", ", ") if review else "",
    )
    if form.validate_on_submit():
        staff_store().save_review(
            conversation_id,
            current_user.username,
            form.reviewed.data,
            form.notes.data or "",
            (form.tags.data or "").split(","),
        )
        audit("review", conversation_id, "reviewed" if form.reviewed.data else "not reviewed")
        flash("Saved.")
        return redirect(url_for("inbox.conversation", conversation_id=conversation_id))
    audit("view_conversation", conversation_id)
    bookings = current_app.extensions["bookings"].for_conversation(conversation_id)
    return render_template(
        "console/conversation.html",
        summary=summary,
        handover=_handover(conversation_id),
        review=review,
        form=form,
        transcript=conversations().transcript(conversation_id),
        bookings=bookings,
        zone=clinic_schedule().timezone,
    )


@inbox.get("/conversations/<conversation_id>/handover")
@clinicians_only
def printable_handover(conversation_id: str) -> Any:
    """The handover alone, on one printed page: findings in words with the patient's own
    phrases, the booking, and no transcript."""
    summary = conversations().summary(conversation_id)
    if summary is None:
        abort(404)
    audit("print_handover", conversation_id)
    return render_template(
        "console/handover.html",
        summary=summary,
        handover=_handover(conversation_id),
        bookings=current_app.extensions["bookings"].for_conversation(conversation_id),
        zone=clinic_schedule().timezone,
    )


def _handover(conversation_id: str) -> Handover:
    return handover(conversations().events(conversation_id), settings.emergency_number())
