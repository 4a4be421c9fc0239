"""Safety on every message: red flags, triage level, contraindications, and what to say.

`check_safety` runs after every patient message, whatever the dialogue does next (see
`actions.every_message`). It keeps the conversation's
warning signs and contraindications, works out the red flags and `triage_level`, and gives
the advice as soon as a flag is raised: by this message, by a yes in the screen, or by a
sign said now together with one said earlier. The `red_flag` intent's rule then runs
`action_red_flag_advice`, which only follows up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_facts import (
    NEXT_STEP,
    entity_values,
    has_booking,
    latest_intent,
    patient_messages,
    said_before,
    said_in_the_turn_before,
    said_since_latest_message,
    tells_of_a_pain,
    the_patient,
    value_before_latest_message,
)
from clinic import knowledge, patient, safety, settings, vocabulary
from clinic.intake import answer_before_question
from clinic.knowledge import is_a_statement
from clinic.language.numbers import fever_in_answer
from clinic.safety import advice, answers, checklist, contraindications
from clinic.safety.red_flags import EMERGENCY, URGENT, ScreenQuestion
from clinic.safety.screening import PLACE_SIGNS
from clinic.schedule import clinic_schedule

RED_FLAG_INTENT = "red_flag"
AFTER_FEVER = "check_meningitis_after_fever"
# A `red_flag` the model predicted where the rules found nothing: asked about directly
# (a yes is a doctor today), and a doctor today if the question was never answered.
MODEL_ONLY_FLAG = safety.RedFlag("possible_red_flag", URGENT)
MODEL_ONLY_QUESTION = "check_anything_else"
SCREEN_SLOT = "red_flag_screen"

# Before this hour "in the morning" is the same day as the advice to see a doctor today;
# from the other a doctor "today" means first thing in the morning.
_MORNING_STARTS = advice.MORNING_STARTS
_LATE_EVENING = advice.LATE_EVENING


def _writing_for_another(tracker: Tracker) -> bool:
    """Whether a message of this chat said the writer writes for someone else."""
    return the_patient(tracker) != patient.YOU


def safety_events(tracker: Tracker) -> tuple[dict[str, Any], list[str], str | None]:
    """The slot values after the latest message, the flags to advise on, and their level.

    Advice is due whenever the level rises: a new flag, or a known one that became more
    urgent (chest pain, then "and it spreads to my arm"). `direct_question` in the values
    is the safety question to ask now, if any (see `check_safety`).

    A yes that raised a flag can be taken back in the next message ("sorry, I meant no"):
    the question is asked once more (`rechecking`), and only a no to that withdraws the
    sign; staff see it among `corrected_signs`.
    """
    said = set(entity_values(tracker, "warning_sign")) | _fever_told_as_a_number(tracker)
    said |= _both_legs_as_the_spread(tracker)
    if _writing_for_another(tracker):
        # "She can't feel the paper when she wipes" from a daughter writing for her mother:
        # the patient's signs, though the message is the writer's (outside run 35).
        said |= set(entity_values(tracker, "warning_sign", role=safety.SOMEONE_ELSE))
    # "I never said chest pain or trouble breathing": what a dispute names keeps what was
    # known (its question is asked once more) but raises nothing new.
    said -= _named_in_a_dispute(tracker) - set(tracker.get_slot("warning_signs") or [])
    denied = set(entity_values(tracker, "warning_sign", denied=True)) - said
    if answers.hedged(tracker.latest_message.get("text") or ""):
        # "Not swollen I don't think, maybe a bit warm?": a no said unsure to what is asked
        # is no no; the line is asked again on its own.
        denied -= _signs_asked(tracker)
    unclear = list(tracker.get_slot("unclear_signs") or [])
    corrected = list(tracker.get_slot("corrected_signs") or [])
    withdrawn: set[str] = set()
    unsure_of = raised_by = None
    rechecking = tracker.get_slot("rechecking")
    # "Yes, a car accident 2 yrs ago" to "did the pain start after an accident?": told as
    # long over, a no to the question (outside run 100 p08: an old whiplash sent to 911).
    over = set(entity_values(tracker, "warning_sign", role=safety.SET_ASIDE)) - said
    over -= set(entity_values(tracker, "warning_sign", role=safety.SOMEONE_ELSE))
    answer = _answered_question(tracker, said, denied | over)
    held = set(tracker.get_slot("warning_signs") or [])
    if (
        answer is not None
        and answer[1] == answers.NO
        and denied & held
        # "No... and pain is not between, is on right shoulder blade only": where the pain
        # is put right beside the no, which stands (outside run 121 r04: asked again).
        and not (denied & held) <= PLACE_SIGNS
        and not {answer[0].sign, *answer[0].covers, *answer[0].denied_means_no} & denied
    ):
        # "She has never had cancer, I told you that" while the fall's question waits: a no
        # to a sign held, not to the question (outside run 86 p08); that sign is asked again.
        answer = (answer[0], answers.UNCLEAR)
    if answer is not None:
        question, reading = answer
        if rechecking == question.name and reading == answers.NO:
            # No fall at all is no fall from a height either.
            withdrawn |= {question.sign, *safety.narrower_than({question.sign})}
            if not tracker.get_slot("raised_by_answer"):
                # Disputed, not a yes taken back: the words that raised it go too, but not
                # what the answer says again ("NO chest pain. it's only the shoulder ache on
                # the stairs, and a bit clammy": outside run 104 p08, every sign taken back).
                withdrawn |= advice.taken_back_by_a_no(question) - said
            denied.add(question.sign)
            corrected.append(question.sign)
            unclear = [sign for sign in unclear if sign != question.sign]
        elif rechecking == question.name:
            said.add(question.sign)  # yes again, or unsure: the yes stands
        elif reading == answers.YES:
            said |= _yes_to(question, denied)
            raised_by = question.name
        elif reading == answers.NO:
            denied.add(question.sign)
            # "No, it aches for hours after training": what the no says the pattern is not.
            taken_back = set(question.no_takes_back) & set(tracker.get_slot("warning_signs") or [])
            withdrawn |= taken_back - said
            corrected += sorted(taken_back - said)
        elif _possible_now(tracker.get_slot("screen_unsure"), question.name, reading):
            # Unsure twice on a red-flag question: taken as possible, never as a no; a clear
            # no later ("I took my temperature, no fever") asks it once more.
            possible = _yes_to(question, denied)
            said |= possible
            unclear += sorted(possible)
            raised_by = question.name
        else:
            unsure_of = _asked_again(tracker.get_slot("screen_unsure"), question.name, reading)
    recheck = _taken_back(tracker, answer, said, denied)
    if recheck is None and answer is None and (off := _put_right_beside_the_rest(tracker) - said):
        withdrawn |= off
        corrected += sorted(off)
    if recheck is None and rechecking and (answer is None or answer[0].name != rechecking):
        # Asked once more to be sure, and not answered yet ("can I book for next week?"):
        # a safety question is never dropped, so it stays open.
        recheck = rechecking
    one_by_one = list(tracker.get_slot("screen_one_by_one") or [])
    listed = _answered_checklist(tracker, said, denied)
    if listed is not None:
        denied |= listed.denied
        said |= listed.said
        asked_list = tracker.get_slot("screen_question")
        if listed.unclear and tracker.get_slot("screen_unsure") != asked_list:
            unsure_of = asked_list  # the list once more ("Back to my question")
        elif listed.unclear:
            listed = checklist.ChecklistAnswer(
                frozenset(), tuple(q.name for q in checklist.lines_of(asked_list))
            )
        one_by_one += [name for name in listed.one_by_one if name not in one_by_one]

    put_right = (denied & held) - said - withdrawn
    if put_right and answer is not None and answer[1] == answers.UNCLEAR:
        # "Never had cancer" of a sign held whose flags stand on others too (weight lost):
        # taken off, the advice unchanged (outside run 86 p08: "your cancer team" twice).
        flags_now = {flag.code for flag in current_flags(tracker)}
        without = {flag.code for flag in current_flags(tracker, sorted(held - put_right))}
        if flags_now <= without:
            withdrawn |= put_right
            corrected += sorted(put_right)
    signs = sorted((held | said) - withdrawn)
    denied_signs = sorted((set(tracker.get_slot("denied_signs") or []) | denied) - set(signs))
    # The model's own flag adds recall where the rules raised nothing yet; with advice
    # already given it would only repeat it ("do we really need the ER?").
    model_only = (
        latest_intent(tracker) == RED_FLAG_INTENT
        and not safety.red_flags_for(said)
        and not tracker.get_slot("red_flags")
        and not vocabulary.quoted_sentences(tracker.latest_message.get("text") or "")
    )
    said_cis = set(entity_values(tracker, "contraindication"))
    # "Yes" to "are you pregnant at the moment?": the precaution, recorded.
    said_cis |= {contraindications.FROM_SIGNS[s] for s in said if s in contraindications.FROM_SIGNS}
    text = tracker.latest_message.get("text") or ""
    faint = contraindications.faint_told(text)
    if (
        faint
        and value_before_latest_message(tracker, "requested_slot") == "contraindication_screen"
    ):
        said_cis.add("needle_phobia")  # the checklist's line: fainting with needles
    denied_now = set(entity_values(tracker, "contraindication", denied=True)) - said_cis
    held_cis = set(tracker.get_slot("contraindications") or [])
    if "implant_near_site" in denied_now & held_cis and _another_implant_told(tracker, text):
        # "I dont have a pacemaker??" after a hip replacement told (outside run 116 p07: the
        # implant taken off her list).
        denied_now.discard("implant_near_site")
    if "needle_phobia" in denied_now and faint:
        # "im not scared of needles i just got woozy once when they took blood": no fear,
        # but the faint is the line's other half (outside run 95 p07: taken off the list).
        denied_now.discard("needle_phobia")
        said_cis.add("needle_phobia")
    if "needle_phobia" in held_cis - said_cis and contraindications.faint_put_down(text):
        # "its not fear i just hadnt eaten since the night b4 for the test" (outside run 111
        # p04: "dry needling isn't advised for you" kept): the faint was something else's.
        denied_now.add("needle_phobia")
    if (
        "needle_phobia" in held_cis - said_cis
        and contraindications.fear_said_mild(text)
        # A faint that happened is a fact, not a fear: "its just nerves tbh" after "i did
        # kinda pass out getting my covid shot" keeps it (outside run 127 z03, unsafe).
        and not any(contraindications.faint_told(said) for said in patient_messages(tracker))
    ):
        # "Honestly it's more nerves than a fear": the fear told before was nerves, no bar
        # to needling (outside run 78 p03: "he's only a bit nervous... is that really a no?").
        denied_now.add("needle_phobia")
    # "No, HE is not on blood thinners": a later no takes back what was recorded.
    cis = (held_cis | said_cis) - denied_now
    model_question = safety.question_named(MODEL_ONLY_QUESTION)
    asked = list(tracker.get_slot("asked_questions") or [])
    ask_model_question = False
    if model_only and model_question.sign in {*signs, *denied_signs}:
        model_only = False  # asked and answered: the answer stands
    elif model_only and MODEL_ONLY_QUESTION not in asked:
        model_only, ask_model_question = False, True
    flags = current_flags(tracker, signs, model_only, cis)
    before = list(tracker.get_slot("red_flags") or [])
    # A held sign said no to now, or asked about once more, raises nothing new meanwhile
    # ("no accident, I meant the season. I'm 58 though": no fall's doctor today by the age).
    disputed = (denied - said) & set(tracker.get_slot("warning_signs") or [])
    if recheck and (rechecked := safety.question_named(recheck)):
        disputed.add(rechecked.sign)
    if disputed:
        standing = current_flags(tracker, [s for s in signs if s not in disputed], model_only, cis)
        flags = [flag for flag in flags if flag.code in before or flag in standing]
    new_flags = [flag for flag in flags if flag.code not in before]
    codes = before + [flag.code for flag in new_flags]
    level_before = tracker.get_slot("triage_level")
    level = safety.more_urgent(level_before, safety.triage_level(flags))
    if withdrawn:
        # Levels only rise, except when a mistaken yes is confirmed as a no.
        codes = [flag.code for flag in flags]
        level = safety.triage_level(flags)

    denied_cis = set(tracker.get_slot("denied_contraindications") or []) | denied_now
    # A yes stays open to taking back until another question is answered or it is.
    open_yes = _open_yes(tracker)
    # A yes that raised the level of a flag already open is open to taking back too (a
    # fall's doctor today, then "serious accident? yes": the emergency department).
    rose = level in (URGENT, EMERGENCY) and level != safety.more_urgent(None, level_before)
    if answer is not None or recheck:
        open_yes = raised_by if new_flags or rose else None
    due = _direct_question_due(tracker, unsure_of, signs, denied_signs, asked, level, denied)
    direct = recheck or due
    # "He never fell... oh, and the prostate thing, treated with radiation": the question
    # the message called for waits while the fall is asked about again (outside run 47).
    waiting = tracker.get_slot("question_waiting")
    if recheck and due and due != recheck:
        waiting = due
    elif waiting and (waiting == direct or waiting in asked):
        waiting = None
    if not waiting:
        waiting = _precaution_question_left(tracker, direct, asked, {*signs, *denied_signs})
    if ask_model_question and not direct and level != EMERGENCY:
        direct = MODEL_ONLY_QUESTION
    values = {
        "warning_signs": signs,
        "denied_signs": denied_signs,
        "unclear_signs": sorted(set(unclear)),
        "corrected_signs": corrected,
        "screen_unsure": unsure_of,
        "screen_one_by_one": one_by_one,
        "direct_question": direct,
        "asked_questions": _asked_now(asked, direct),
        "raised_by_answer": open_yes,
        "rechecking": recheck,
        "question_waiting": waiting,
        "red_flags": codes,
        "triage_level": level,
        "contraindications": sorted(cis),
        "denied_contraindications": sorted(denied_cis - cis),
    }
    if withdrawn:
        # The screen's other questions are still to come, and the assessment made under the
        # withdrawn flag is made again when the intake ends.
        values.update(red_flag_screen=None, tdn_fit=None, consultation_offered=None)
    if not (new_flags or rose):
        return values, [], None
    stood_down_before = tracker.get_slot("says_safe") or tracker.get_slot("doctor_checked")
    if stood_down_before and new_flags and all(f.level != EMERGENCY for f in new_flags):
        # Safe after crisis advice (or checked by a doctor), then an old cancer told: the
        # advice is the new flag's own, and the stand-down holds.
        top = safety.triage_level(new_flags)
        return values, [flag.code for flag in new_flags if flag.level == top], top
    if (
        new_flags
        and not rose
        and level_before == EMERGENCY
        and all(
            f.level != EMERGENCY or (f.code not in _OWN_EMERGENCY_ADVICE and not stood_down_before)
            for f in new_flags
        )
    ):
        # A past cancer told after 911 for the heart, or a sudden headache after 911 for a
        # fever and a stiff neck: thanked for and named, the emergency's advice not said
        # again in full (`_more_behind_the_advice`), and the message's question answered
        # (outside run 76 p06: "should i mention the sudden whack...?" got the advice).
        return values, [], None
    advise_on = [flag.code for flag in flags if flag.level == level]
    return values, advise_on, level


# An answer that says nothing to the question ("5", "Anna Smith", "tuesday at 9") is not
# doubt: the question is asked again, up to three times, before it counts as possible.
# `screen_unsure` holds the question's name, with a "?" for each such answer so far.
_MAX_OFF_TOPIC = 2


_ASK_ABOUT_FEVER = frozenset({"fever", "meningitis_warning"})


# Emergencies whose advice differs from the one given (a crisis line, the maternity unit):
# said in full, whatever advice stands.
_OWN_EMERGENCY_ADVICE = frozenset(
    {"suicidal_thoughts", "preterm_labour", "waters_breaking", "pre_eclampsia"}
)


def _questions_asked(tracker: Tracker) -> list[ScreenQuestion]:
    """The safety questions waiting before this message: the screen's lines while the
    screen asks them, and a direct question."""
    in_screen = tracker.get_slot("requested_slot") == SCREEN_SLOT
    asked = [*checklist.lines_of(tracker.get_slot("screen_question"))] if in_screen else []
    direct = safety.question_named(tracker.get_slot("direct_question") or "")
    return [*asked, direct] if direct else asked


def _signs_asked(tracker: Tracker) -> set[str]:
    """The signs the safety questions waiting before this message ask about."""
    return {sign for q in _questions_asked(tracker) for sign in (q.sign, *q.covers)}


def _named_in_a_dispute(tracker: Tracker) -> set[str]:
    """The warning signs named in a sentence that disputes what was read ("I never said
    chest pain")."""
    spans = vocabulary.quoted_sentences(tracker.latest_message.get("text") or "")
    return {
        str(entity.get("value"))
        for entity in tracker.latest_message.get("entities") or []
        if entity.get("entity") == "warning_sign"
        and any(a <= int(entity.get("start") or 0) < b for a, b in spans)
    }


def _fever_told_as_a_number(tracker: Tracker) -> set[str]:
    """ "I had 102 last night" said to a question that asks about fever: a fever."""
    # Only while the screen asks it: "1030" to pick a slot long after is no fever.
    about_fever = bool(_signs_asked(tracker) & _ASK_ABOUT_FEVER)
    text = tracker.latest_message.get("text") or ""
    return {"fever"} if about_fever and fever_in_answer(text) else set()


_SPREAD_QUESTIONS = frozenset({"pain_radiates", "radiates_to"})


def _both_legs_as_the_spread(tracker: Tracker) -> set[str]:
    """ "ya both legs kinda, like down the back of em" said to "does the pain spread
    anywhere?": pain in both legs (outside run 102 p03: nothing raised, then a "nah" to the
    list went through)."""
    if tracker.get_slot("requested_slot") not in _SPREAD_QUESTIONS:
        return set()
    text = tracker.latest_message.get("text") or ""
    return {"both_legs_pain"} if answers.names_both_legs(text) else set()


def _possible_now(waiting: str | None, name: str, reading: str) -> bool:
    """Whether this second (or later) non-answer makes the sign possible."""
    if not waiting or waiting.rstrip("?") != name:
        return False
    if reading == answers.UNSURE:
        return True
    return waiting == name or waiting.count("?") >= _MAX_OFF_TOPIC


def _asked_again(waiting: str | None, name: str, reading: str) -> str:
    """The `screen_unsure` value after a first non-answer (or another off-topic one)."""
    if reading != answers.UNCLEAR:
        return name
    marks = waiting.count("?") if waiting and waiting.rstrip("?") == name else 0
    return name + "?" * (marks + 1)


def unsure_of_question(tracker: Tracker) -> str | None:
    """The question the patient was unsure of or did not answer, without the marks."""
    return (tracker.get_slot("screen_unsure") or "").rstrip("?") or None


def _taken_back(
    tracker: Tracker,
    answer: tuple[ScreenQuestion, str] | None,
    said: set[str],
    denied: set[str],
) -> str | None:
    """The question to ask again when the latest message takes back the yes that raised a
    flag just before ("oops, wrong button"), says no to what an unsure answer left
    possible ("I took my temperature: no fever"), or disputes a flag read from its words
    ("I never said sudden"), else None."""
    question = _open_yes(tracker)
    text = tracker.latest_message.get("text") or ""
    if answer is not None:
        # A message that says nothing to the question may still say no to a flag's sign.
        return _denied_holding_sign(tracker) if answer[1] == answers.UNCLEAR else None
    if not question:
        return _disputed(tracker, text) or _denied_holding_sign(tracker)
    if answers.takes_back_yes(text):
        return question
    if checklist.lines_of(tracker.get_slot("screen_question")) and (
        tracker.get_slot("requested_slot") == SCREEN_SLOT
    ):
        # "No" to the list asked since: the list's answer, not a no to the sign left
        # possible before it (outside run 105 p08: a foot that catches asked once more, then
        # taken back, the list never recorded).
        return _denied_holding_sign(tracker)
    asked = safety.question_named(question)
    unsure_before = asked and asked.sign in (tracker.get_slot("unclear_signs") or [])
    # "No fever" to a fever with a stiff neck: asked once more, never taken as the no itself
    # (a stiff neck and light hurting the eyes without a fever still matter).
    if unsure_before and (
        answers.read_answer(asked, text, said, denied) == answers.NO or denied & set(asked.requires)
    ):
        return question
    return _denied_holding_sign(tracker)


def _open_yes(tracker: Tracker) -> str | None:
    """The question whose yes raised a flag, in the message just after that yes only: "wrong
    button" two messages on is of a later button (outside run 88 p01: the needling
    checklist's Yes, pressed by mistake, asked the warning sign once more)."""
    question = tracker.get_slot("raised_by_answer")
    if not question:
        return None  # nothing open: no walk through the history on every message
    messages = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            messages += 1
        elif event.get("event") == "slot" and event.get("name") == "raised_by_answer":
            return question if messages <= 1 else None
    return question  # no history (the slots alone): as they say


# Details of the pain a summary is put right on ("a 4 not 7", "both sides", "2 weeks"): a
# place named is not one ("the legs are only tired from work" disputes both legs).
_PAIN_DETAILS = frozenset({"pain_severity", "side", "pain_duration"})


def _disputed(tracker: Tracker, text: str) -> str | None:
    """The direct question of the open flag the patient disputes, when that flag was read
    from their words rather than from a yes to a question: asked once more, and only a no
    to it withdraws the signs that raised it (`safety.signs_behind`)."""
    if not answers.disputes_words(text):
        return None
    entities = tracker.latest_message.get("entities") or []
    told = {
        e.get("entity") for e in entities if e.get("role") in (None, "denied", "also")
    }  # a sign set aside ("that's wrong" read as words coming out wrong) names none
    if told & _PAIN_DETAILS and "warning_sign" not in told:
        # "that's not right, I said the pain is a 4 not 7. and the neck is both sides": the
        # summary's details put right, no warning sign named (outside run 115 p08: "please
        # answer once more: did the pain start after a fall?").
        return None
    asked = set(tracker.get_slot("asked_questions") or [])
    held = tracker.get_slot("warning_signs") or []
    put_right = _put_right_now(tracker) & set(held)
    standing = _standing_without(tracker, put_right)
    for code in tracker.get_slot("red_flags") or []:
        if code in standing:
            continue  # "my bladder is fine, it's just the numb bit": it stands on the rest
        # Of the sign that holds it; of the one put right, when narrower ones stand on it.
        question = _question_put_right(code, put_right, set(held))
        question = question or safety.question_for_code(code, held)
        if question is not None and question.name not in asked:
            return question.name
    return None


def _another_implant_told(tracker: Tracker, text: str) -> bool:
    """Whether the patient told of a kind of implant other than the one `text` says no to."""
    denied = contraindications.implant_kinds(text)
    told = set().union(*map(contraindications.implant_kinds, patient_messages(tracker)[:-1]))
    return bool(denied) and bool(told - denied)


def _put_right_now(tracker: Tracker) -> set[str]:
    """The signs the latest message says no to, or sets aside ("my bladder is fine")."""
    return set(entity_values(tracker, "warning_sign", denied=True)) | set(
        entity_values(tracker, "warning_sign", role=safety.SET_ASIDE)
    )


def _standing_without(tracker: Tracker, put_right: set[str]) -> set[str]:
    """The flags that stand on the signs held other than those `put_right`, when the message
    says one of those again ("my bladder is fine... its just the numb bit"); none otherwise,
    so a dispute of the flag's own sign asks as before ("it wasn't sudden at all")."""
    held = set(tracker.get_slot("warning_signs") or [])
    said_again = set(entity_values(tracker, "warning_sign")) & (held - put_right)
    if not (put_right and said_again):
        return set()
    return {flag.code for flag in current_flags(tracker, sorted(held - put_right))}


def _put_right_beside_the_rest(tracker: Tracker) -> set[str]:
    """The signs a dispute puts right that no flag needs: "wait my bladder is fine I didnt
    say that... its just the numb bit" (outside run 115 p02: the numbness asked again, the
    bladder change kept in the notes). Taken off; the flags stand on the rest."""
    if not answers.disputes_words(tracker.latest_message.get("text") or ""):
        return set()
    held = set(tracker.get_slot("warning_signs") or [])
    put_right = _put_right_now(tracker) & held
    flags = set(tracker.get_slot("red_flags") or [])
    return put_right if flags and flags <= _standing_without(tracker, put_right) else set()


def _denied_holding_sign(tracker: Tracker) -> str | None:
    """The question of an open flag whose sign the latest message says no to, in whatever
    words ("I didn't actually fall", "the calf isn't swollen"), even beside words that
    said it ("I slipped but never fell"), or tells as long over or someone else's ("that
    fall was years ago"): asked once more, and only a no withdraws it. A no to a sign the
    flag does not stand on ("peeing is normal") asks nothing."""
    signs = set(tracker.get_slot("warning_signs") or [])
    put_right = entity_values(tracker, "warning_sign", denied=True)
    put_right += entity_values(tracker, "warning_sign", role=safety.SET_ASIDE)
    held = set(put_right) & signs
    if not held:
        return None
    # "There was no fall": no fall from a height either.
    narrower = safety.narrower_than(held) & signs
    standing = {flag.code for flag in current_flags(tracker, sorted(signs - held - narrower))}
    for code in tracker.get_slot("red_flags") or []:
        question = _question_put_right(code, held, signs) or safety.question_for_code(code, signs)
        if code not in standing and question is not None:
            return question.name
    return None


def _question_put_right(code: str, put_right: set[str], held: set[str]) -> ScreenQuestion | None:
    """The question of a sign put right that holds the flag `code` with its narrower signs
    ("there was no fall" of a fall and a fall from a height): the fall's own question, not
    the narrower one's (outside run 101 p05: "to be sure: was it a serious accident?")."""
    for sign in sorted(put_right):
        narrower = safety.narrower_than({sign}) & held
        rest = held - {sign} - narrower
        if not narrower or code in {flag.code for flag in safety.red_flags_for(rest)}:
            continue
        question = safety.question_for_code(code, {sign})
        if question is not None and question.sign == sign:
            return question
    return None


def advise(
    dispatcher: CollectingDispatcher,
    level: str,
    codes: list[str],
    pregnant: bool = False,
    whose: patient.Patient = patient.YOU,
    signs: list[str] | tuple[()] = (),
    said: str = "What you describe",
) -> None:
    """Tells the patient (or whoever writes for them: "her sight") what to do now, naming
    of the warning signs held (`signs`) those the flags stand on."""
    number, crisis = settings.emergency_number(), settings.crisis_line()
    text = advice.red_flag_advice(level, codes, number, crisis, pregnant, signs, said)
    dispatcher.utter_message(text=_spoken_of(text, codes, whose))


def _spoken_of(text: str, codes: list[str], whose: patient.Patient) -> str:
    """Advice as a relative reads it; crisis words stay the writer's own."""
    return text if "suicidal_thoughts" in codes else patient.spoken_of(text, whose)


def _pregnant(tracker: Tracker) -> bool:
    """Whether the patient is pregnant, known or said in the latest message."""
    held = {
        *(tracker.get_slot("contraindications") or []),
        *entity_values(tracker, "contraindication"),
    }
    return "pregnancy" in held or "pregnant_now" in (tracker.get_slot("warning_signs") or [])


def _answered_question(
    tracker: Tracker, said: set[str], denied: set[str]
) -> tuple[ScreenQuestion, str] | None:
    """The safety question the latest message answers, and what the answer says.

    A direct question waits for its answer wherever the conversation is; a screen question
    is answered while the intake asks it.
    """
    name = tracker.get_slot("direct_question")
    in_screen = (
        tracker.active_loop.get("name") == "intake_form"
        and tracker.get_slot("requested_slot") == SCREEN_SLOT
    )
    if not name and in_screen:
        name = tracker.get_slot("screen_question")
    question = safety.question_named(name or "")
    if question is None:
        return None
    text = tracker.latest_message.get("text") or ""
    disputed = safety.question_named(_denied_holding_sign(tracker) or "")
    if disputed is not None and disputed.sign not in {question.sign, *question.covers}:
        # "There was no fall" to "lost weight?": a no to another flag, not to this question.
        return question, answers.UNCLEAR
    if not _may_answer(tracker, said | denied, {question.sign, *question.covers}):
        # "No. Are the needles single-use?": the answer before the patient's own question.
        lead = answer_before_question(text)
        if not lead:
            return None
        return question, answers.read_answer(question, lead, said, denied, None)
    return question, answers.read_answer(question, text, said, denied, latest_intent(tracker))


# A person or a call asked for: the way to one comes with the safety question again.
A_PERSON = frozenset({"human_handoff", "request_callback"})
# A request or a question of the patient's own is no answer to a safety question ("yes book
# me, Tuesday at 4" to "did it start after a fall?"); the question is asked again after it.
_NOT_AN_ANSWER = frozenset({
    "request_booking", "cancel_booking", "reschedule_booking", "greet", "goodbye", "thanks",
    "bot_challenge", "human_handoff", "nothing_said", "other_language", "ask_my_booking",
})  # fmt: skip


def _may_answer(tracker: Tracker, found: set[str], asked: set[str]) -> bool:
    """Whether the latest message may answer the safety question about `asked` signs: it
    names one of them, or it is neither a request nor a question of the patient's own."""
    intent = latest_intent(tracker) or ""
    text = tracker.latest_message.get("text") or ""
    if answers.opens_with_answer(text):
        return True  # "yes pretty much instantly": an answer, whatever the model heard
    own = intent in _NOT_AN_ANSWER or (
        # "It gets worse after swimming, that's the muscle. rest is no": told, not asked.
        intent.startswith("ask_") and intent != "ask_clinic" and not is_a_statement(text)
    )
    # "A doctor x-rayed it on Tuesday, nothing broken" tells of a visit, not of the sign:
    # the follow-up notes it and asks the question again (`_safety_question_again`).
    own = own or advice.seen_by_doctor(text)
    return bool(found & asked) or not own


def _answered_checklist(
    tracker: Tracker, said: set[str], denied: set[str]
) -> checklist.ChecklistAnswer | None:
    """What the latest message settles of the screen's checklist, if one was waiting."""
    lines = checklist.lines_of(tracker.get_slot("screen_question"))
    in_screen = (
        tracker.active_loop.get("name") == "intake_form"
        and tracker.get_slot("requested_slot") == SCREEN_SLOT
    )
    if not lines or not in_screen or tracker.get_slot("direct_question"):
        return None
    text = tracker.latest_message.get("text") or ""
    if not _may_answer(tracker, said | denied, {q.sign for q in lines}):
        lead = answer_before_question(text)  # "no. and Aetna, you take it?"
        if not lead:
            return None
        return checklist.read_checklist_answer(lines, lead, said, denied, None)
    # "No, I pee a lot but that's the baby": the toilet gets its own question next.
    brought_up = {
        question.sign
        for question in map(safety.question_named, entity_values(tracker, "safety_question"))
        if question is not None
    }
    return checklist.read_checklist_answer(
        lines, text, said, denied, latest_intent(tracker), touched=brought_up
    )


def _precaution_question_left(
    tracker: Tracker, direct: str | None, asked: list[str], known: set[str]
) -> str | None:
    """A question the message called for that records a precaution ("are you pregnant at
    the moment?"), left waiting behind a warning sign's question asked first."""
    for name in entity_values(tracker, "safety_question"):
        question = safety.question_named(name)
        if (
            question is not None
            and question.sign in contraindications.FROM_SIGNS
            and name != direct
            and name not in asked
            and question.sign not in known
            and not _precaution_known(tracker, question)
        ):
            return name
    return None


# Marks a direct question asked a second time, told anew after its no.
ASKED_AGAIN = ":again"


def _asked_now(asked: list[str], direct: str | None) -> list[str]:
    """The direct questions asked so far, `direct` among them (marked when it is asked a
    second time)."""
    if not direct:
        return asked
    return [*asked, direct if direct not in asked else f"{direct}{ASKED_AGAIN}"]


def _direct_question_due(
    tracker: Tracker,
    unsure_of: str | None,
    signs: list[str],
    denied: list[str],
    asked: list[str],
    level: str | None,
    denied_now: set[str] | None = None,
) -> str | None:
    """The direct question to ask now: the same one again after a "not sure", else the one
    the message called for (`safety_question`), if not asked before and not yet known.

    A sign said no to earlier and told anew ("since yesterday when I use the toilet paper I
    feel it less" after "no" to the saddle's line) is asked about directly, once: the new
    telling reopens it (outside run 125 w04, unsafe: the next list's line instead)."""
    if level == EMERGENCY:
        return None
    pending = tracker.get_slot("direct_question")
    if unsure_of and unsure_of.rstrip("?") == pending:
        return pending
    known = set(signs) | set(denied)
    settled_now = set(signs) | (set(denied) if denied_now is None else denied_now)
    answered_now = value_before_latest_message(tracker, "direct_question")
    for name in entity_values(tracker, "safety_question"):
        question = safety.question_named(name)
        if question is None or {question.sign, *question.covers} & settled_now:
            continue
        # Asked and answered no, then told anew later in other words ("my bottom is half
        # asleep when I wipe" after "no" to the saddle's question): asked once more, never a
        # third time (outside runs 126 y02 and 127 z02, unsafe: the offer instead).
        told_anew = (
            name != answered_now
            and f"{name}{ASKED_AGAIN}" not in asked
            and bool({question.sign, *question.covers} & set(denied))
        )
        if name in asked and not told_anew:
            continue
        if question.where and not set(question.where) & _context_now(tracker):
            continue  # out of breath with effort, with a low back: no question of the heart
        if question.sign in contraindications.FROM_SIGNS and _precaution_known(tracker, question):
            continue  # "since 14 weeks" from a man is a time; a pregnancy told is not asked
        return name
    # A fever held, a headache or a sore neck told now: meningitis? (outside run 79 p07,
    # unsafe, the other way round: the headache first, the fever later.)
    told_now = set(entity_values(tracker, "warning_sign"))
    if (
        "fever" in signs
        and told_now & {"headache", "neck_pain"}
        and "meningitis_warning" not in known
        and AFTER_FEVER not in asked
    ):
        return AFTER_FEVER
    waiting = safety.question_named(tracker.get_slot("question_waiting") or "")
    if (
        waiting
        and waiting.name not in asked
        and not {waiting.sign, *waiting.covers} & known
        and not (
            waiting.sign in contraindications.FROM_SIGNS and _precaution_known(tracker, waiting)
        )
    ):
        return waiting.name
    return None


def _precaution_known(tracker: Tracker, question: ScreenQuestion) -> bool:
    """Whether the precaution a question would record is told already, or cannot apply
    ("are you pregnant?" of a man, or once "I'm 22 weeks" is recorded)."""
    code = contraindications.FROM_SIGNS[question.sign]
    told = {
        *(tracker.get_slot("contraindications") or []),
        *entity_values(tracker, "contraindication"),
    }
    return code in told or patient.is_a_man(patient_messages(tracker))


def _yes_to(question: ScreenQuestion, denied: set[str]) -> set[str]:
    """What a yes to `question` says: its sign, or, beside a no to it, the other things the
    question asks ("maybe yes? no cancer" to "cancer, or weight lost without trying?" is
    the weight: outside run 86 p08, "your cancer team" to a boy who never had cancer)."""
    if question.sign not in denied:
        return {question.sign}
    return set(checklist.parts_asked(question)) - denied - {question.sign} or {question.sign}


def _emergency_besides(values: dict[str, Any], rechecking: str, tracker: Tracker) -> bool:
    """Whether an emergency stands on the signs held other than the one asked again."""
    question = safety.question_named(rechecking)
    disputed = {question.sign} if question else set()
    signs = [sign for sign in values["warning_signs"] if sign not in disputed]
    return any(flag.level == EMERGENCY for flag in current_flags(tracker, signs))


def check_safety(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """The safety check on every message (see `actions.every_message`): sets the safety
    slots that changed and advises at once when a flag was raised, whatever the dialogue
    does next (a form that the message also answers would otherwise carry on first)."""
    values, new_codes, level = safety_events(tracker)
    direct = values["direct_question"]
    # Whom the advice and questions speak of, read from every message: once, when needed.
    whose = the_patient(tracker) if level or direct else patient.YOU
    still_open = values["rechecking"] and values["rechecking"] == tracker.get_slot("rechecking")
    if values["rechecking"] and not still_open:
        dispatcher.utter_message(text=advice.ASK_AGAIN_AFTER_TAKEN_BACK)
        if _emergency_besides(values, values["rechecking"], tracker):
            # "He's breathing fine now": the breathing is asked again, and the heart's
            # advice still stands meanwhile (outside run 57 p07: it went quiet).
            number = settings.emergency_number()
            dispatcher.utter_message(text=advice.EMERGENCY_REMINDER.format(number=number))
    corrected = _newly(values, tracker, "corrected_signs")
    if corrected:
        dispatcher.utter_message(text=_corrected_to_no(corrected))
    stand_down = _stand_down_revoked(dispatcher, tracker, level, new_codes)
    taken_off = set(tracker.get_slot("contraindications") or []) - set(values["contraindications"])
    if taken_off:
        named = " and ".join(contraindications.labels(sorted(taken_off)))
        dispatcher.utter_message(response="utter_precaution_taken_off", named=named)
        after_the_verdict = tracker.get_slot("tdn_fit") and not tracker.active_loop.get("name")
        if after_the_verdict and not new_codes and not direct and _verdict_changes(tracker, values):
            # The verdict again without it: "not advised" for a fear since said to be
            # nerves would stand otherwise (outside run 78 p03).
            stand_down.append(SlotSet(NEXT_STEP, "action_assess_tdn_fit"))
    if level:
        said = "What you describe"
        signs = values["warning_signs"]
        if len(values["unclear_signs"]) > len(tracker.get_slot("unclear_signs") or []):
            dispatcher.utter_message(text=advice.UNSURE_TAKEN_AS_POSSIBLE)
            sure = [sign for sign in signs if sign not in values["unclear_signs"]]
            if not {flag.code for flag in current_flags(tracker, sure)} & set(new_codes):
                said = advice.NOT_SURE_OF  # the flags stand on what was not sure alone
        text = tracker.latest_message.get("text") or ""
        checked_now = (
            level == URGENT
            and not tracker.get_slot("triage_level")
            and advice.check_covers(text, new_codes, signs)
        )
        if checked_now:
            # "...10 days ago. He went to the ER that day and they did x-rays": the check
            # told with the knock answers it (outside run 113 p06: a doctor today, then 911).
            number = settings.emergency_number()
            reply = advice.checked_before_urgent_advice(number)
            dispatcher.utter_message(text=patient.spoken_of(reply, whose))
            stand_down.append(SlotSet("doctor_checked", text[:300]))
        else:
            advise(dispatcher, level, new_codes, _pregnant(tracker), whose, signs, said)
        safe_now = _safe_with_the_crisis(tracker, new_codes)
        if safe_now:
            dispatcher.utter_message(text=advice.SAFE_NOTED)
            stand_down += [SlotSet("says_safe", safe_now), SlotSet("consultation_offered", True)]
        if (
            level == URGENT
            and not checked_now
            and tracker.active_loop.get("name") == "intake_form"
            and not direct
        ):
            carry_on = patient.spoken_of(advice.CARRY_ON_AFTER_URGENT, whose)
            if not said_before(tracker, carry_on):  # said once, as the questions begin
                dispatcher.utter_message(text=carry_on)
                dispatcher.utter_message(response="utter_mention_callback")
    elif also := _more_behind_the_advice(values, tracker):
        # "He had prostate cancer 4 years ago... lost 15 pounds": the advice already given
        # stands on more now; said, not passed over (outside run 59 p05: five turns).
        dispatcher.utter_message(text=patient.spoken_of(also, whose))
    if direct and still_open:
        way_to_a_person(dispatcher, tracker)
        back_to_question(dispatcher, safety.question_named(direct), whose)
    elif direct:
        again = (values["screen_unsure"] or "").rstrip("?") == direct
        ask_direct_question(
            dispatcher, direct, again=again, to_be_sure=values["rechecking"],
            whose=whose, known=values["warning_signs"],
        )  # fmt: skip
    # An empty list and an unset slot are the same: no event for them. A question asked
    # (again) is always recorded: the dialogue waits for its answer.
    return [
        *stand_down,
        *(
            SlotSet(slot, value)
            for slot, value in values.items()
            if (value or None) != (tracker.get_slot(slot) or None)
            or (slot == "direct_question" and value)
        ),
    ]


def _verdict_changes(tracker: Tracker, values: dict[str, Any]) -> bool:
    """Whether the verdict on needling changes with the precautions now held: "no diabetes
    now, only last pregnancy" beside a yes to the offer leaves a pregnancy's verdict as it
    was, and the booking goes on (outside run 85 p06: the offer made again)."""
    from actions.assessment import assessed  # it imports this module

    level = tracker.get_slot("triage_level")
    return assessed(tracker, level, values["contraindications"]).tdn_fit != tracker.get_slot(
        "tdn_fit"
    )


def _more_behind_the_advice(values: dict[str, Any], tracker: Tracker) -> str:
    """The thanks for warning signs told after the advice that they add to, else ""."""
    new = set(_newly(values, tracker, "warning_signs"))
    if tracker.get_slot("triage_level") == EMERGENCY:
        # "My waterworks have been a bit funny": under emergency advice nothing is asked;
        # what it would have asked about is named (outside run 79 p01: passed over).
        touched = (safety.question_named(n) for n in entity_values(tracker, "safety_question"))
        # ...but not a flag the message says no to ("No chest pain, no jaw, no arm": outside
        # run 102 p02 was thanked for chest pain "too").
        denied_now = entity_values(tracker, "warning_sign", denied=True)
        denied_codes = {flag.code for sign in denied_now for flag in safety.red_flags_for({sign})}
        new |= {
            q.sign
            for q in touched
            if q and not {flag.code for flag in safety.red_flags_for({q.sign})} & denied_codes
        } - set(values.get("denied_signs") or [])
    # Flags of their own too, below the advice given (outside run 73 p04: a past cancer,
    # weight loss and night pain told after 911 for the heart were met with silence).
    before = tracker.get_slot("red_flags") or []
    held = dict.fromkeys([*before, *(values.get("red_flags") or [])])
    added_to = _flags_added_to(new, list(held), before)
    told = [advice.described(code, new) for code in added_to]
    # A flag new now that the new signs make with ones known ("it comes on when I rush",
    # after the jaw ache): named with all the signs it stands on.
    signs = values.get("warning_signs") or []
    told += [
        advice.described(code, signs)
        for code in values.get("red_flags") or []
        if code not in before and code not in added_to
    ]
    told = list(dict.fromkeys(filter(None, told)))
    level = tracker.get_slot("triage_level")
    return advice.more_behind_the_advice("; ".join(told), level == EMERGENCY) if told else ""


def _flags_added_to(
    new_signs: set[str], standing: list[str], before: list[str] | None = None
) -> list[str]:
    """The flags held (`standing`) that `new_signs` add to: one named sign by sign (a past
    cancer told after the advice for night pain), or one new since the advice (`before`,
    by default all of `standing`)."""
    before = standing if before is None else before
    return list(
        dict.fromkeys(
            flag.code
            for flag in safety.red_flags_for(new_signs)
            if flag.code in standing and (flag.code in advice.EACH_SIGN or flag.code not in before)
        )
    )


def _newly(values: dict[str, Any], tracker: Tracker, slot: str) -> list[str]:
    """What the safety check adds to the list `slot` with this message."""
    return [item for item in values[slot] if item not in (tracker.get_slot(slot) or [])]


def _corrected_to_no(signs: list[str]) -> str:
    """The thanks for a mistaken yes put right, keeping what to do if the sign does appear."""
    levels = [flag.level for flag in safety.red_flags_for(set(signs))] or [URGENT]
    level = EMERGENCY if EMERGENCY in levels else URGENT
    what = advice.IF_IT_HAPPENS[level].format(number=settings.emergency_number())
    return advice.CORRECTED_TO_NO.format(what=what)


def ask_direct_question(
    dispatcher: CollectingDispatcher,
    name: str,
    again: bool,
    to_be_sure: bool = False,
    whose: patient.Patient = patient.YOU,
    known: Iterable[str] = (),
) -> None:
    """Asks a direct safety question by its name (see `ask_question`)."""
    question = safety.question_named(name)
    assert question is not None, name
    ask_question(dispatcher, question, again, to_be_sure, whose, known)


def ask_question(
    dispatcher: CollectingDispatcher,
    question: ScreenQuestion,
    again: bool,
    to_be_sure: bool = False,
    whose: patient.Patient = patient.YOU,
    known: Iterable[str] = (),
) -> None:
    """Asks a safety question with Yes and No buttons (and "I'm not sure" the second time);
    asked once more after a yes taken back, in other words than the first time. Asked of
    the person written for when someone writes for them ("Has she had...?"), and without
    what the signs `known` answer already (an age)."""
    text = patient.asked_of(question.asked_knowing(known), whose)
    if to_be_sure:
        dispatcher.utter_message(
            response="utter_to_be_sure", question=_mid_sentence(text), buttons=YES_NO
        )
    elif again:
        dispatcher.utter_message(
            response="utter_screen_clarify", question=text, buttons=YES_NO_UNSURE
        )
    else:
        dispatcher.utter_message(text=text, buttons=YES_NO)


class ActionRedFlagAdvice(Action):
    """Follows up a `red_flag` message outside the intake.

    The safety check has already advised on a newly raised flag; this adds, after urgent
    advice, that the patient may still describe their pain, and repeats the advice when
    the message raised nothing new ("I still can't pee").
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_red_flag_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Repeats the advice when nothing new was raised; invites details after urgent."""
        level = tracker.get_slot("triage_level")
        if level not in (EMERGENCY, URGENT):
            level = URGENT
        before = value_before_latest_message(tracker, "red_flags") or []
        raised_now = set(tracker.get_slot("red_flags") or []) - set(before)
        # A flag raised to a higher level now was advised on by the safety check too (outside
        # run 45: an inflamed artery's doctor today, then its emergency said twice).
        rose = level != value_before_latest_message(tracker, "triage_level")
        # A sign told that adds to the advice was thanked for by the safety check, the
        # advice said to stand (`_more_behind_the_advice`): not the whole of it again.
        new_signs = set(tracker.get_slot("warning_signs") or []) - set(
            value_before_latest_message(tracker, "warning_signs") or []
        )
        if not (raised_now or rose or _flags_added_to(new_signs, before)):
            flags = [flag.code for flag in current_flags(tracker) if flag.level == level]
            if tracker.get_slot("says_safe"):
                # Safe now, said in this chat: the crisis words are not said again in place
                # of the advice for the rest.
                flags = [code for code in flags if code != "suicidal_thoughts"]
            if flags:
                signs = tracker.get_slot("warning_signs") or []
                advise(dispatcher, level, flags, _pregnant(tracker), the_patient(tracker), signs)
        if level == URGENT:
            # "...does he need to stop rugby, and can a 14-year-old have needling?": asked
            # with the pain, answered after the advice (outside run 39: never answered).
            from actions.questions import answer_if_known  # it imports this module

            answer_if_known(dispatcher, tracker, only_if_close=True)
        if level == URGENT and tracker.active_loop.get("name") != "intake_form":
            whose = the_patient(tracker)
            described = patient.spoken_of(advice.DESCRIBE_AFTER_URGENT, whose)
            told_now = tells_of_a_pain(tracker) and bool(tracker.get_slot("body_part"))
            if _invited_and_told(tracker, described) or told_now:
                # Invited to tell of the pain, and told it: its questions start, not the
                # invitation again (outside run 56 p01: three times, the pain told each time);
                # told with the warning sign, they start at once (a "no" to the invitation
                # got "Sorry, I didn't quite understand").
                if told_now:
                    dispatcher.utter_message(response="utter_mention_callback")
                dispatcher.utter_message(
                    text=patient.spoken_of(advice.CARRY_ON_AFTER_URGENT, whose)
                )
                return [FollowupAction("intake_form")]
            if not said_before(tracker, described) and not tracker.get_slot("tdn_fit"):
                # Once: said on every red-flag message it was the same two lines each turn;
                # never once the pain is told and assessed (outside run 85 p08: at the name
                # question of a booking).
                dispatcher.utter_message(text=described)
                dispatcher.utter_message(response="utter_mention_callback")
        return []


def _invited_and_told(tracker: Tracker, invitation: str) -> bool:
    """Whether the patient, invited after urgent advice to tell of the pain, tells of it."""
    return said_before(tracker, invitation) and tells_of_a_pain(tracker)


def current_flags(
    tracker: Tracker,
    signs: list[str] | None = None,
    model_only: bool = False,
    contraindications: set[str] | None = None,
) -> list[safety.RedFlag]:
    """The conversation's red flags with their levels: from `signs` (default: the signs the
    tracker holds) with the intake and the `contraindications` (default: those the tracker
    holds) as context, plus the model's own flag if it raised one."""
    if signs is None:
        signs = tracker.get_slot("warning_signs") or []
    if contraindications is None:
        contraindications = set(tracker.get_slot("contraindications") or [])
    context = _context(tracker) | safety.signs_of_contraindications(contraindications)
    flags = safety.red_flags_for(set(signs) | context)
    if model_only or MODEL_ONLY_FLAG.code in (tracker.get_slot("red_flags") or []):
        flags.append(MODEL_ONLY_FLAG)
    return flags


def _context_now(tracker: Tracker) -> set[str]:
    """The intake's context with the places the latest message names: the safety check
    runs before the intake reads them, and a question asked only there is due at once."""
    places = [
        str(entity.get("value"))
        for entity in tracker.latest_message.get("entities") or []
        if entity.get("entity") == "body_part" and not entity.get("role")
    ]
    # Blood thinners too: a fall on them is asked about the head (`check_head_knock`).
    held = set(tracker.get_slot("contraindications") or []) | set(
        entity_values(tracker, "contraindication")
    )
    return (
        _context(tracker)
        | safety.context_signs(None, None, None, places)
        | safety.signs_of_contraindications(held)
    )


def _context(tracker: Tracker) -> set[str]:
    return safety.context_signs(
        tracker.get_slot("body_part"),
        tracker.get_slot("pain_quality"),
        tracker.get_slot("radiates_to"),
        tracker.get_slot("pain_sites") or [],
    )


class ActionResumeAfterSafetyQuestion(Action):
    """After the answer to a direct safety question: back to where the conversation was.

    The safety check has read the answer (and advised, if it raised a flag). An answer that
    raised nothing is thanked; then the form that was going on, or the intake the message
    before the question began, carries on.
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_resume_after_safety_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Thanks the patient when nothing was raised and resumes the form or the intake;
        a question of the patient's own in place of the answer is answered if the clinic's
        file knows it, and the safety question asked again."""
        from actions.questions import answer_if_known  # it imports this module

        if _left_open(tracker):
            answer_if_known(dispatcher, tracker)
            return _safety_question_again(dispatcher, tracker)
        before = value_before_latest_message(tracker, "red_flags") or []
        if set(tracker.get_slot("red_flags") or []) <= set(before) and not corrected_now(tracker):
            asked = value_before_latest_message(tracker, "direct_question")
            # The crisis question asked on a misreading (outside run 73 p06: "what?? no! why
            # would you ask that, she's got a sore back" got "Thank you, that helps").
            thanks = (
                advice.CRISIS_QUESTION_MISREAD if asked == "check_safe" else
                advice.THANKS_AFTER_SAFETY_ANSWER
            )  # fmt: skip
            dispatcher.utter_message(text=thanks)
        # "No. But is it safe for the baby?": what the precaution means (outside run 59 p04:
        # asked twice beside safety questions, never answered).
        explained = explain_precautions(dispatcher, tracker)
        # "No, nothing like that. Is 15 too young for the needles though?": the question
        # asked with the answer is answered too, when the clinic's file has it clearly
        # (outside run 45: "Thank you, that helps" and the next question, three times).
        if not explained:
            answer_if_known(dispatcher, tracker, only_if_close=True)
        events = [SlotSet("precautions_explained", explained)] if explained else []
        form = form_to_resume(tracker)
        if form:
            return [*events, FollowupAction(form)]
        if tracker.get_slot("consultation_offered"):
            # The offer was open when the question came: it is the patient's turn on it.
            dispatcher.utter_message(response="utter_offer_consultation_again")
        else:
            dispatcher.utter_message(text=advice.ANYTHING_ELSE)
        return events


def explain_precautions(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[str]:
    """Says what each contraindication the message names means for needling, once; the
    codes explained so far when any is new, else []."""
    explained = list(tracker.get_slot("precautions_explained") or [])
    due = precautions_due(tracker)
    latest = tracker.latest_message.get("text") or ""
    if not due and knowledge.looks_like_question(latest):
        # "r the needles ok for the baby??" asked again after its answer: said again in
        # short, not a topic only near the words ("The needles are sterile, single-use").
        again = list(dict.fromkeys(entity_values(tracker, "contraindication")))
        for code in again:
            named = " and ".join(contraindications.labels([code]))
            dispatcher.utter_message(text=contraindications.PRECAUTION_AGAIN.format(named=named))
        return explained if again else []
    whose = the_patient(tracker) if due else patient.YOU
    said_now = said_since_latest_message(tracker)
    for code in due:
        topic = knowledge.topic_named(_SAID_BY_TOPIC.get(code, ""))
        if topic and knowledge.answer_text(topic, knowledge.clinic_values()) in said_now:
            # "Do you treat teenagers? my daughter is 15": the question's answer has just
            # said it (outside runs 105 p07 and 106 p08: two near-identical paragraphs).
            explained.append(code)
            continue
        # How far along a pregnancy is may have been told earlier ("14 weeks"); which
        # implant, in this message.
        said = " ".join(patient_messages(tracker)) if code == "pregnancy" else latest
        text = contraindications.precaution(code, said)
        if text:
            # "...checks where his implant is" to a daughter (outside run 106 p03).
            dispatcher.utter_message(text=patient.spoken_of(text, whose))
            explained.append(code)
    return list(dict.fromkeys(explained)) if due else []


# A precaution a clinic topic's answer says in its own words.
_SAID_BY_TOPIC = {"under_18": "children"}


class ActionAnswerPrecaution(Action):
    """What a contraindication the patient mentions or asks about means for needling.

    "Is it safe for the baby?", "I have a pacemaker, are electric needles OK?", "I'm on
    methotrexate": each gets its own answer once (`precautions_explained`), then the form
    that was going on carries on.
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_answer_precaution"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Answers each newly mentioned contraindication, then resumes the form."""
        explained = explain_precautions(dispatcher, tracker)
        events: list[dict[str, Any]] = [
            SlotSet("precautions_explained", explained or tracker.get_slot("precautions_explained"))
        ]
        form = form_to_resume(tracker)
        if form == "booking_form":
            events += _booking_answer_checked(tracker, domain)
        if form == "intake_form":
            events += _checklist_answer_checked(tracker, domain)
        return [*events, FollowupAction(form)] if form else events


def _checklist_answer_checked(tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
    """The intake form's check of a checklist answer that named a contraindication ("I have
    epilepsy"): after this reply Rasa skips the form's own check, so it is run here."""
    from actions.intake import ValidateIntakeForm  # the intake form imports this module

    if tracker.get_slot("requested_slot") != "contraindication_screen":
        return []
    value = tracker.get_slot("contraindication_screen")
    if value is None or value in ("none", "reported", "unclear"):
        return []
    check = ValidateIntakeForm().validate_contraindication_screen
    return [
        SlotSet(slot, v)
        for slot, v in check(value, CollectingDispatcher(), tracker, domain).items()
    ]


# Booking answers taken whole from the message: after this reply Rasa skips the form's own
# check, so "Jayden Cole. oh wait, I take Eliquis, does that matter" is checked here.
_TAKEN_WHOLE = ("patient_name", "contact_details")


def _booking_answer_checked(tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
    """The booking form's check of the answer the message gave with a precaution."""
    from actions.booking import ValidateBookingForm  # the booking form imports this module

    asked = tracker.get_slot("requested_slot")
    if asked not in _TAKEN_WHOLE:
        return []
    value = tracker.get_slot(asked)
    if value is None or value == value_before_latest_message(tracker, asked):
        value = tracker.latest_message.get("text") or ""  # the mapping did not take it
    check = getattr(ValidateBookingForm(), f"validate_{asked}")
    return [
        SlotSet(slot, v)
        for slot, v in check(value, CollectingDispatcher(), tracker, domain).items()
    ]


def form_to_resume(tracker: Tracker) -> str | None:
    """The form to carry on after a safety reply: the one going on, or the intake when a pain
    or another complaint was described and not yet assessed (the message before the
    question began it; for a complaint it ends at once with who can help)."""
    form = tracker.active_loop.get("name")
    described = tracker.get_slot("body_part") or tracker.get_slot("other_complaint")
    if not form and tracker.get_slot("tdn_fit") is None and described:
        form = "intake_form"
    return form


def about_safety(tracker: Tracker) -> bool:
    """Whether the latest message answered a direct safety question, or asked about the
    advice just given ("can I wait till tomorrow?"), rather than a form's question."""
    if value_before_latest_message(tracker, "direct_question"):
        return True
    level = value_before_latest_message(tracker, "triage_level")
    text = tracker.latest_message.get("text") or ""
    return level in (URGENT, EMERGENCY) and advice.asks_about_waiting(text)


def corrected_now(tracker: Tracker) -> list[str]:
    """The signs the latest message withdrew: a mistaken yes confirmed as a no."""
    before = value_before_latest_message(tracker, "corrected_signs") or []
    return [sign for sign in tracker.get_slot("corrected_signs") or [] if sign not in before]


def undo_for_safety_answer(tracker: Tracker, slots: tuple[str, ...]) -> list[dict[str, Any]]:
    """Events that put back what the latest message set among `slots`: a form calls it when
    the message was about safety (`about_safety`), so "no" to "does your chest feel tight?"
    never answers its question ("which day suits you?"); the form asks again."""
    return [
        SlotSet(slot, value_before_latest_message(tracker, slot))
        for slot in slots
        if tracker.get_slot(slot) != value_before_latest_message(tracker, slot)
    ]


def _planned_a_check_before(tracker: Tracker) -> bool:
    """Whether a message since the emergency advice spoke of a doctor's check still to come:
    "the hospital cleared me" minutes after "once the hospital clears me" is no check made."""
    since_advice, advised = [], False
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "triage_level":
            advised = advised or event.get("value") == EMERGENCY
        elif event.get("event") == "user" and advised:
            since_advice.append(event.get("text") or "")
    return any(advice.plans_doctor_check(text) for text in since_advice[:-1])


def _stand_down_revoked(
    dispatcher: CollectingDispatcher, tracker: Tracker, level: str | None, new_codes: list[str]
) -> list[dict[str, Any]]:
    """Ends what let a patient book after emergency advice when it no longer holds: "wait, no
    doctor has checked it yet", "I might do something tonight", or a new emergency."""
    text = tracker.latest_message.get("text") or ""
    checked = tracker.get_slot("doctor_checked")
    safe = tracker.get_slot("says_safe")
    if not (checked or safe):
        return []
    if level == EMERGENCY and new_codes:
        return [SlotSet("doctor_checked", None), SlotSet("says_safe", None)]  # advised anew
    if level == URGENT and new_codes and checked:
        # A check from before these signs did not see them (outside run 106 p07: a sore
        # scalp told after the GP's check of the neck).
        return [SlotSet("doctor_checked", None)]
    if checked and advice.denies_doctor_check(text):
        number = settings.emergency_number()
        # The advice given, at its level: a doctor today is no emergency department.
        urgent = (level or tracker.get_slot("triage_level")) == URGENT
        reminder = advice.URGENT_REMINDER if urgent else advice.EMERGENCY_REMINDER
        dispatcher.utter_message(text=reminder.format(number=number))
        return [SlotSet("doctor_checked", None)]
    told_again = any(  # the rules decide which signs tell of thoughts of suicide
        flag.code == "suicidal_thoughts"
        for flag in safety.red_flags_for(set(entity_values(tracker, "warning_sign")))
    )
    if safe and (advice.not_safe(text) or (told_again and not advice.says_safe(text))):
        advise(dispatcher, EMERGENCY, ["suicidal_thoughts"])
        return [SlotSet("says_safe", None)]
    return []


def _safe_with_the_crisis(tracker: Tracker, new_codes: list[str]) -> str | None:
    """The patient's words when the message that told of thoughts of suicide also says they
    are safe ("sometimes yes, but I'd never act on it"), with no other emergency."""
    text = tracker.latest_message.get("text") or ""
    only_crisis = new_codes == ["suicidal_thoughts"] and tracker.get_slot("triage_level") != (
        EMERGENCY
    )
    return text[:300] if only_crisis and advice.says_safe(text) else None


def precautions_due(tracker: Tracker) -> list[str]:
    """Contraindications the latest message names (not denied) that were not explained yet."""
    explained = set(tracker.get_slot("precautions_explained") or [])
    named = dict.fromkeys(entity_values(tracker, "contraindication"))
    return [code for code in named if code not in explained]


class ActionEmergencyFollowUp(Action):
    """After advice: the advice again, first, and the question answered in its light.

    After an emergency every message comes here: no booking and no dry-needling talk, and a
    form still going is ended. After urgent advice only "can I wait?" or "is it serious?"
    does; then the form carries on, its question asked again.
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_emergency_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the reminder, shaped by what the patient wrote."""
        text = tracker.latest_message.get("text") or ""
        form = tracker.active_loop.get("name")
        if tracker.get_slot("triage_level") == EMERGENCY:
            codes = [flag.code for flag in current_flags(tracker) if flag.level == EMERGENCY]
            repeats = _follow_ups_so_far(tracker)
            claimed = tracker.get_slot("doctor_check_claimed")
            if claimed:
                return _check_confirmed_or_not(dispatcher, tracker, claimed)
            planned = _planned_a_check_before(tracker)
            before = set(value_before_latest_message(tracker, "red_flags") or [])
            reply = advice.emergency_follow_up(
                text,
                codes,
                settings.emergency_number(),
                settings.crisis_line(),
                clinic_phone=settings.clinic_phone(),
                repeats=repeats,
                check_planned_before=planned,
                # Only thanked for a new sign, the advice itself was not said again: it
                # follows the answer (outside run 76 p06).
                advised_now=bool(set(codes) - before)
                and not any(
                    m.startswith(advice.MORE_BEHIND) for m in said_since_latest_message(tracker)
                ),
                signs=tracker.get_slot("warning_signs") or [],
                booked=(tracker.get_slot("booking_reference") or "")
                if has_booking(tracker)
                else "",
            )
            reply = _spoken_of(reply, codes, the_patient(tracker))
            checked = []
            if advice.seen_by_doctor(text) and not planned and "suicidal_thoughts" not in codes:
                # Asked before it counts (see `_check_confirmed_or_not`).
                dispatcher.utter_message(text=reply, buttons=YES_NO)
                checked = [SlotSet("doctor_check_claimed", text[:300])]
            else:
                dispatcher.utter_message(text=reply)
            if repeats and advice.asks_for_the_visit(text) and not advice.asks_clinics_price(text):
                from actions.questions import answer_if_known  # it imports this module

                # "ok going. but parking? for when i come later" (outside run 111 p02).
                answer_if_known(dispatcher, tracker, only_if_close=True)
            if codes == ["suicidal_thoughts"] and advice.says_safe(text):
                # Noted for the team; booking in the chat opens, the crisis line kept.
                checked = [SlotSet("says_safe", text[:300])]
                checked.append(SlotSet("consultation_offered", True))  # "if you'd like, I can"
            return (
                [*checked, ActiveLoop(None), SlotSet("requested_slot", None)] if form else checked
            )
        codes = [flag.code for flag in current_flags(tracker) if flag.level == URGENT]
        repeats = _follow_ups_so_far(tracker)
        signs = tracker.get_slot("warning_signs") or []
        hour = clinic_schedule().now().hour
        reply = advice.urgent_follow_up(
            text, codes, settings.emergency_number(), repeats, signs,
            small_hours=hour < _MORNING_STARTS, late_evening=hour >= _LATE_EVENING,
        )  # fmt: skip
        dispatcher.utter_message(text=_spoken_of(reply, codes, the_patient(tracker)))
        # "The GP saw it this morning": noted for the physiotherapist; "his GP saw him 10
        # days ago" of a foot slapping down since Saturday is not (outside run 112 p08).
        checked = advice.check_covers(text, codes, signs)
        seen = [SlotSet("doctor_checked", text[:300])] if checked else []
        from actions.questions import (  # it imports this module
            answer_about_a_precaution,
            answer_if_known,
        )

        # "...you didn't say about the lymph nodes, does that matter for the needles?": what
        # the precaution held means, after the advice (outside run 119 p02: asked three times).
        explained = knowledge.looks_like_question(text) and answer_about_a_precaution(
            dispatcher, tracker
        )
        if not (explained or advice.asks_how_serious(text)):
            answer_if_known(dispatcher, tracker, only_if_close=True)  # "...do you treat kids?"
        seen += _safety_question_again(dispatcher, tracker)
        if not form and advice.asks_to_tell(text):
            whose = the_patient(tracker)
            dispatcher.utter_message(text=patient.spoken_of(advice.CARRY_ON_AFTER_URGENT, whose))
            return [*seen, FollowupAction("intake_form")]
        return [*seen, FollowupAction(form)] if form else seen


def _follow_ups_so_far(tracker: Tracker) -> int:
    """How many answers after advice this conversation has had already."""
    return sum(
        1
        for event in tracker.events
        if event.get("event") == "action" and event.get("name") == "action_emergency_follow_up"
    )


def _left_open(tracker: Tracker) -> ScreenQuestion | None:
    """The direct safety question that was waiting before the latest message and is still
    open: not asked again by the safety check, its sign neither said nor denied."""
    question = safety.question_named(value_before_latest_message(tracker, "direct_question") or "")
    if question is None or tracker.get_slot("direct_question"):
        return None
    known = {*(tracker.get_slot("warning_signs") or []), *(tracker.get_slot("denied_signs") or [])}
    return None if {question.sign, *question.covers} & known else question


def _safety_question_again(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]]:
    """The direct safety question that was waiting, asked again when the message spoke of
    something else ("a doctor saw me on Tuesday" to "any numbness when you wipe?"): a
    safety question is never dropped."""
    question = _left_open(tracker)
    if question is None:
        return []
    way_to_a_person(dispatcher, tracker)
    back_to_question(dispatcher, question, the_patient(tracker))
    return [SlotSet("direct_question", question.name)]


def way_to_a_person(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A person asked for while a safety question waits ("I want a real person"): the way
    to one before the question again (outside run 38: asked three times, never given)."""
    if latest_intent(tracker) not in A_PERSON:
        return
    values = knowledge.clinic_values()
    if values["clinic_phone"]:
        dispatcher.utter_message(response="utter_person_after_safety_question", **values)
    else:
        dispatcher.utter_message(response="utter_person_after_safety_question_no_phone")


def back_to_question(
    dispatcher: CollectingDispatcher,
    question: ScreenQuestion,
    whose: patient.Patient = patient.YOU,
) -> None:
    """A safety question asked again after the patient spoke of something else."""
    text = patient.asked_of(question.text, whose)
    dispatcher.utter_message(
        response="utter_back_to_question", question=_mid_sentence(text), buttons=YES_NO
    )


def _mid_sentence(text: str) -> str:
    """A question as it reads after a lead-in ("Back to my question: do you...")."""
    return f"{text[0].lower()}{text[1:]}"


def _check_confirmed_or_not(
    dispatcher: CollectingDispatcher, tracker: Tracker, claimed: str
) -> list[dict[str, Any]]:
    """The answer to "did a doctor examine you for exactly these symptoms after they began,
    and are they no worse?": a plain yes notes the check and lets booking go on; anything
    else keeps the advice."""
    text = tracker.latest_message.get("text") or ""
    number = settings.emergency_number()
    events: list[dict[str, Any]] = [SlotSet("doctor_check_claimed", None)]
    if answers.confirms_check(text, latest_intent(tracker)):
        dispatcher.utter_message(text=advice.checked_by_a_doctor(number))
        events += [SlotSet("doctor_checked", claimed), SlotSet("consultation_offered", True)]
    else:
        codes = [flag.code for flag in current_flags(tracker) if flag.level == EMERGENCY]
        dispatcher.utter_message(
            text=advice.check_not_confirmed(codes, number, settings.clinic_phone())
        )
    if tracker.active_loop.get("name"):
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events


def open_screen_questions(tracker: Tracker) -> list[ScreenQuestion]:
    """The screen questions still to ask: not answered, not said already, not skipped."""
    skipped = {
        name.removeprefix("screen:")
        for name in tracker.get_slot("intake_skipped") or []
        if name.startswith("screen:")
    }
    questions = safety.screen_questions(
        tracker.get_slot("body_part"),
        tracker.get_slot("radiates_to"),
        said=tracker.get_slot("warning_signs") or [],
        denied=tracker.get_slot("denied_signs") or [],
        other_sites=tracker.get_slot("pain_sites") or [],
    )
    return [question for question in questions if question.name not in skipped]


def _asked_just_before(tracker: Tracker, name: str) -> bool:
    """Whether the screen question `name` was the one waiting before the latest message."""
    return (
        value_before_latest_message(tracker, "screen_question") == name
        and value_before_latest_message(tracker, "requested_slot") == "red_flag_screen"
    )


YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
YES_NO_UNSURE = [*YES_NO, {"title": "I'm not sure", "payload": "/inform"}]
CHECKLIST_BUTTONS = [
    {"title": "No", "payload": "/deny"},
    {"title": "Yes", "payload": "/affirm"},
    {"title": "I'm not sure", "payload": "/inform"},
]


class ActionAskRedFlagScreen(Action):
    """Asks the red-flag screen: up to four questions as one checklist, or, after an answer
    that was not a clear no to it, its open lines one by one with Yes and No buttons."""

    def name(self) -> str:
        """The form's ask action for `red_flag_screen`."""
        return "action_ask_red_flag_screen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the checklist or the question and remembers which it was."""
        questions = open_screen_questions(tracker)
        if not questions:
            return []
        # A question the patient was unsure of is asked on its own, more plainly.
        alone = {*(tracker.get_slot("screen_one_by_one") or []), unsure_of_question(tracker)}
        lines = checklist.next_checklist(questions, alone)
        if lines:
            name = checklist.name_of(lines)
            again = _asked_just_before(tracker, name)
            whose = the_patient(tracker)  # read from every message of the chat: once
            dispatcher.utter_message(
                response="utter_checklist_again" if again else "utter_checklist",
                has_asked=whose.has_asked,
                checklist=checklist.text_of(lines, whose),
                buttons=CHECKLIST_BUTTONS,
            )
            return [SlotSet("screen_question", name)]
        if tracker.get_slot("screen_question") is None:
            dispatcher.utter_message(response="utter_screen_intro")
        question = questions[0]
        unsure = unsure_of_question(tracker) == question.name
        if not unsure and _asked_just_before(tracker, question.name):
            # Back after the patient's own question: the same question, not the same words.
            back_to_question(dispatcher, question, the_patient(tracker))
        else:
            ask_question(
                dispatcher, question, again=unsure, whose=the_patient(tracker),
                known=tracker.get_slot("warning_signs") or [],
            )  # fmt: skip
        return [SlotSet("screen_question", question.name)]


class ActionAskContraindicationScreen(Action):
    """Asks the contraindication checklist, or which ones after a plain "yes"."""

    def name(self) -> str:
        """The form's ask action for `contraindication_screen`."""
        return "action_ask_contraindication_screen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the checklist with buttons, or the follow-up question."""
        # A yes to this list, not to the screen's last question just before it ("yes, I
        # said so twice" to "worse at night?" asked no "Which ones?").
        answered_yes = (
            value_before_latest_message(tracker, "requested_slot") == "contraindication_screen"
            and latest_intent(tracker) == "affirm"
        )
        if answered_yes:
            dispatcher.utter_message(text=contraindications.WHICH_ONES)
            return []
        named = list(tracker.get_slot("contraindications") or [])
        buttons = [
            {"title": "None of these" if not named else "No others", "payload": "/deny"},
            {"title": "Yes, one or more", "payload": "/affirm"},
        ]
        text = contraindications.checklist(
            named,
            booking=bool(tracker.get_slot("booking_first")),
            again=value_before_latest_message(tracker, "requested_slot")
            == "contraindication_screen",
            signs=tracker.get_slot("warning_signs") or [],
            to=the_patient(tracker),
            man=patient.is_a_man(patient_messages(tracker)),
        )
        if said_in_the_turn_before(tracker, text):
            # The same list a second time running: a word that it is still open (issue 23).
            dispatcher.utter_message(response="utter_question_still_open", buttons=buttons)
            return []
        dispatcher.utter_message(text=text, buttons=buttons)
        return []
