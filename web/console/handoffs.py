"""Live chats with patients: the waiting list, taking a chat, writing in it, handing back.

Every console page checks in every few seconds (static/console-handoffs.js): that tells
the assistant someone is there to answer (a patient is offered a person only then), and
tells staff at once, without a reload, that a patient is waiting (a browser notification
and a sound). Reception may take chats too, but sees only what was said from the moment
the patient asked for a person; clinicians can open the whole conversation. Taking,
writing (not the words) and handing back are audited.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from clinic.booking_store import utc_now
from clinic.conversations import ConversationStore
from clinic.message_text import cleaned
from clinic.records.handoffs import LIVE, WAITING, Handoff, HandoffStore
from clinic.schedule import clinic_schedule
from clinic.staff_store import CLINICIAN
from web import rasa_api
from web.console.auth import audit

handoffs = Blueprint("handoffs", __name__, url_prefix="/console")
ROLE_WORDS = {CLINICIAN: "physiotherapist", "reception": "reception"}
MAX_STAFF_MESSAGE = 2000


class MessageForm(FlaskForm):
    text = TextAreaField("Message", validators=[DataRequired(), Length(max=MAX_STAFF_MESSAGE)])


def store() -> HandoffStore:
    return current_app.extensions["handoffs"]


def shown_as(username: str, role: str) -> str:
    """How the patient sees who writes: "Clara (physiotherapist)"."""
    return f"{username.capitalize()} ({ROLE_WORDS.get(role, role)})"


def _waiting_list(now: dt.datetime) -> list[dict[str, Any]]:
    conversations: ConversationStore = current_app.extensions["conversations"]
    listed = []
    for handoff in store().open_ones():
        summary = conversations.summary(handoff.conversation_id)
        listed.append(
            {
                "id": handoff.id,
                "status": handoff.status,
                "waited_seconds": int(handoff.waited(now).total_seconds()),
                "taken_by": handoff.taken_by,
                "mine": handoff.taken_by == current_user.username,
                "level": (summary.slots.get("triage_level") if summary else None) or "",
                "url": url_for("handoffs.live", handoff_id=handoff.id),
            }
        )
    return listed


@handoffs.get("/handoffs.json")
@login_required
def check_in() -> Any:
    """The console's check-in: the member is still there (if available for chats), and who
    waits (no patient text)."""
    store().seen(current_user.username)
    return jsonify(handoffs=_waiting_list(utc_now()))


@handoffs.get("/handoffs")
@login_required
def waiting() -> Any:
    store().seen(current_user.username)
    audit("view_handoffs")
    return render_template(
        "console/handoffs.html",
        handoffs=_waiting_list(utc_now()),
        available=store().is_on_duty(current_user.username),
    )


@handoffs.post("/handoffs/available")
@login_required
def set_available() -> Any:
    """A member says they can (or can no longer) answer patients' live chats."""
    if request.form.get("available") == "yes":
        store().on_duty(current_user.username)
        audit("available_for_chats")
    else:
        store().off_duty(current_user.username)
        audit("not_available_for_chats")
    return redirect(url_for("handoffs.waiting"))


def _open_handoff(handoff_id: int) -> Handoff:
    handoff = store().get(handoff_id)
    if handoff is None:
        abort(404)
    return handoff


@handoffs.post("/handoffs/<int:handoff_id>/take")
@login_required
def take(handoff_id: int) -> Any:
    handoff = _open_handoff(handoff_id)
    if not store().take(handoff_id, current_user.username):
        flash("Someone else has already taken this chat.")
        return redirect(url_for("handoffs.waiting"))
    audit("take_handoff", handoff.conversation_id, str(handoff_id))
    return redirect(url_for("handoffs.live", handoff_id=handoff_id))


def _lines_since(handoff: Handoff, after: float = 0) -> list[dict[str, Any]]:
    """What was said from the moment the patient asked for a person (all a receptionist
    may see), after `after` (a Unix time)."""
    conversations: ConversationStore = current_app.extensions["conversations"]
    start = max(handoff.requested_at.timestamp() - 120, after)
    return [
        line.as_json()
        for line in conversations.chat_since(handoff.conversation_id, start)
        if line.at > after
    ]


@handoffs.get("/handoffs/<int:handoff_id>")
@login_required
def live(handoff_id: int) -> Any:
    handoff = _open_handoff(handoff_id)
    audit("view_handoff", handoff.conversation_id, str(handoff_id))
    return render_template(
        "console/handoff.html",
        handoff=handoff,
        lines=_lines_since(handoff),
        form=MessageForm(),
        mine=handoff.status == LIVE and handoff.taken_by == current_user.username,
        zone=clinic_schedule().timezone,
        clinician=current_user.role == CLINICIAN,
    )


@handoffs.get("/handoffs/<int:handoff_id>/lines.json")
@login_required
def new_lines(handoff_id: int) -> Any:
    handoff = _open_handoff(handoff_id)
    store().seen(current_user.username)
    if handoff.taken_by == current_user.username:
        store().staff_seen(handoff_id)
    after = request.args.get("after", type=float) or 0
    return jsonify(lines=_lines_since(handoff, after), status=handoff.status)


@handoffs.post("/handoffs/<int:handoff_id>/messages")
@login_required
def send(handoff_id: int) -> Any:
    handoff = _open_handoff(handoff_id)
    if handoff.status != LIVE or handoff.taken_by != current_user.username:
        abort(409)
    form = MessageForm()
    if not form.validate_on_submit():
        abort(400)
    text = cleaned(form.text.data or "").strip()
    try:
        rasa_api.staff_message(
            handoff.conversation_id,
            text,
            current_user.username,
            shown_as(current_user.username, current_user.role),
        )
    except rasa_api.RasaUnavailable:
        flash("The message could not be sent: the assistant's server is not answering.")
    audit("handoff_message", handoff.conversation_id, str(handoff_id))
    if request.accept_mimetypes.best == "application/json":
        return jsonify(sent=True)
    return redirect(url_for("handoffs.live", handoff_id=handoff_id))


@handoffs.post("/handoffs/<int:handoff_id>/hand-back")
@login_required
def hand_back(handoff_id: int) -> Any:
    handoff = _open_handoff(handoff_id)
    if handoff.status not in (WAITING, LIVE):
        return redirect(url_for("handoffs.waiting"))
    if store().end(handoff_id):
        try:
            rasa_api.resume(handoff.conversation_id)
            rasa_api.run_action(handoff.conversation_id, "action_handed_back")
        except rasa_api.RasaUnavailable:
            flash("Handed back, but the assistant's server is not answering yet.")
        audit("hand_back", handoff.conversation_id, str(handoff_id))
        flash("Handed back to the assistant.")
    return redirect(url_for("handoffs.waiting"))
