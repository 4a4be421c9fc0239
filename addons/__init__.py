"""Extensions loaded by the Rasa server (custom NLU components).

Rasa imports this package when it loads the model, so the changes to Rasa's own code that
the server needs are installed here: the action server's answers are checked with a
validator built once (`action_results`), event and slot classes are found without walking
every subclass each time (`subclasses`), spaCy's model is loaded once (`shared_spacy`), and
connections to the action server are kept open between calls (`kept_sessions`), and a form
never asks its next question over a safety question of the same turn (`safety_first_forms`),
and patients' words stay out of the log (`log_privacy`).
"""

from addons import (
    action_results,
    kept_sessions,
    log_privacy,
    safety_first_forms,
    shared_spacy,
    subclasses,
)

action_results.install()
kept_sessions.install()
log_privacy.install()
safety_first_forms.install()
shared_spacy.install()
subclasses.install()
