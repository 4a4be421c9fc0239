"""Safety: the red flags and contraindications a message holds, and what to do about them.

- `red_flags`: the clinician's tables (signs, rules, screen questions by region);
- `concepts`: the body systems and findings the signs are about, in patients' words;
- `contraindications`: reasons not to needle; `advice`: what to tell the patient;
- `screening`: reads one message with those tables (this package's API, re-exported here).
"""

from clinic.safety.screening import (
    CONTRAINDICATION,
    SET_ASIDE,
    SIGN,
    SOMEONE_ELSE,
    Mention,
    RedFlag,
    Screening,
    backs_model_red_flag,
    comes_along,
    context_signs,
    medicines_named_plainly,
    more_urgent,
    narrower_than,
    question_for_code,
    question_named,
    read,
    red_flags_for,
    screen,
    screen_questions,
    signs_behind,
    signs_of_contraindications,
    triage_level,
    writes_for_another,
)

__all__ = [
    "CONTRAINDICATION",
    "SET_ASIDE",
    "SIGN",
    "SOMEONE_ELSE",
    "Mention",
    "RedFlag",
    "Screening",
    "backs_model_red_flag",
    "comes_along",
    "context_signs",
    "medicines_named_plainly",
    "more_urgent",
    "narrower_than",
    "question_for_code",
    "question_named",
    "read",
    "red_flags_for",
    "screen",
    "screen_questions",
    "signs_behind",
    "signs_of_contraindications",
    "triage_level",
    "writes_for_another",
]
