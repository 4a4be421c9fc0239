"""The care the clinic gives: the intake state, the evidence, the assessment."""
