"""Extensions loaded by the Rasa server (custom NLU components)."""
