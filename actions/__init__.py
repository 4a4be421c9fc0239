"""Custom actions: thin adapters between Rasa's tracker and the clinic's knowledge."""
