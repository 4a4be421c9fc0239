"""The clinic's website: its page with the chat widget (and, later, the staff console)."""
