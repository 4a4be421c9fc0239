"""The FHIR R4 export of one conversation: from its console page (clinicians only) and from
an API endpoint for the clinic's records system (a bearer token, `FHIR_API_TOKEN`). Both
are audited; the bundle is checked with fhir.resources before it leaves.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from fhir.resources.bundle import Bundle
from flask import Blueprint, Response, abort, current_app, request

from clinic.records.fhir_export import bundle
from clinic.records.handover import heard_in
from web.console.auth import audit, clinicians_only, staff_store

fhir = Blueprint("fhir", __name__)
MEDIA_TYPE = "application/fhir+json"


def conversation_bundle(conversation_id: str) -> dict[str, Any]:
    """The conversation's intake as a checked FHIR Bundle; 404 when there is none."""
    store = current_app.extensions["conversations"]
    summary = store.summary(conversation_id)
    if summary is None:
        abort(404)
    heard = heard_in(store.events(conversation_id))
    exported = bundle(
        conversation_id,
        heard.slots,
        heard.said,
        summary.started_at,
        summary.last_at,
        current_app.extensions["bookings"].for_conversation(conversation_id),
    )
    Bundle.parse_obj(exported)  # raises on anything FHIR R4 would refuse
    return exported


def _answer(exported: dict[str, Any], conversation_id: str) -> Response:
    response = Response(json.dumps(exported, indent=2), mimetype=MEDIA_TYPE)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="intake-{conversation_id[:40]}.fhir.json"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@fhir.get("/console/conversations/<conversation_id>/fhir")
@clinicians_only
def console_export(conversation_id: str) -> Any:
    exported = conversation_bundle(conversation_id)
    audit("export_fhir", conversation_id)
    return _answer(exported, conversation_id)


@fhir.get("/api/fhir/conversations/<conversation_id>")
def api_export(conversation_id: str) -> Any:
    """For the records system: `Authorization: Bearer <FHIR_API_TOKEN>`; off when unset."""
    token = current_app.config.get("FHIR_API_TOKEN") or ""
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        staff_store().audit("api", "refused", conversation_id, request.path[:200])
        abort(401)
    exported = conversation_bundle(conversation_id)
    staff_store().audit("api", "export_fhir", conversation_id, request.remote_addr or "")
    return _answer(exported, conversation_id)
