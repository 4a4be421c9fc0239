"""Extensions loaded by the Rasa server (custom NLU components).

Rasa imports this package when it loads the model, so the one change to Rasa's own code
that the server needs is installed here: the action server's answers are checked with a
validator built once (see `action_results`).
"""

from addons import action_results

action_results.install()
