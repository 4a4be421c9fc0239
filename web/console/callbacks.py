"""The call-back queue: who to call, when, why and how urgent; overdue ones first.

Reception and clinicians both call patients back; each outcome (called, no answer, done)
and its note are audited. Reception sees the queue, not the transcript.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import Length

from clinic.booking_store import utc_now
from clinic.records.callbacks import REASON_WORDS, STATUS_WORDS, CallBack, CallBackStore
from clinic.schedule import clinic_schedule
from web.console.auth import audit

callbacks = Blueprint("callbacks", __name__, url_prefix="/console")
TRIAGE_ORDER = {"emergency": 0, "urgent": 1}


class OutcomeForm(FlaskForm):
    status = SelectField("Outcome", choices=list(STATUS_WORDS.items()))
    note = TextAreaField("Note", validators=[Length(max=2000)])


def store() -> CallBackStore:
    return current_app.extensions["callbacks"]


def in_calling_order(queue: list[CallBack]) -> list[CallBack]:
    """Overdue first, the most urgent triage first among them, then by due time."""
    now = utc_now()
    return sorted(
        queue,
        key=lambda c: (
            not c.overdue(now),
            TRIAGE_ORDER.get(c.triage_level or "", 2),
            c.due_at,
        ),
    )


@callbacks.get("/callbacks")
@login_required
def queue() -> Any:
    waiting = in_calling_order(store().queue())
    audit("view_callbacks", detail=f"{len(waiting)} open")
    return render_template(
        "console/callbacks.html",
        queue=waiting,
        now=utc_now(),
        zone=clinic_schedule().timezone,
        reasons=REASON_WORDS,
        statuses=STATUS_WORDS,
    )


@callbacks.post("/callbacks/<int:callback_id>")
@login_required
def record_outcome(callback_id: int) -> Any:
    form = OutcomeForm()
    if not form.validate_on_submit():
        abort(400)
    marked = store().mark(
        callback_id, form.status.data, form.note.data or "", current_user.username
    )
    if marked is None:
        abort(404)
    audit("callback_outcome", marked.conversation_id, f"{callback_id}: {form.status.data}")
    flash(f"Saved: {marked.patient_name}, {STATUS_WORDS[marked.status].lower()}.")
    return redirect(url_for("callbacks.queue"))
