"""The clinic's knowledge: vocabulary, intake parsing, evidence and assessment.

Plain Python with no Rasa import, shared by the Rasa actions, the NLU add-ons
and (later) the staff console.
"""
