"""The NLU add-on: rule-raised red flags override the model; model-only ones need a sign."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from addons.safety_screen import SafetyScreen


def parsed(text: str, intent: str, confidence: float = 0.99) -> Message:
    ranking = [
        {"name": intent, "confidence": confidence},
        {"name": "describe_pain", "confidence": 1 - confidence},
    ]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    SafetyScreen({}).process([message])
    return message


def test_a_rule_flag_overrides_whatever_the_model_said() -> None:
    message = parsed("numb between my legs and I can't pee", "greet")
    assert message.get("intent") == {"name": "red_flag", "confidence": 1.0}
    assert message.get("intent_ranking")[1]["name"] == "greet"
    signs = {e["value"] for e in message.get("entities") if e["entity"] == "warning_sign"}
    assert {"saddle_numbness", "bladder_or_bowel_control"} <= signs


def test_denials_and_contraindications_become_entities() -> None:
    message = parsed("no fever, and I take warfarin", "inform")
    entities = {(e["entity"], e["value"], e.get("role")) for e in message.get("entities")}
    assert ("warning_sign", "fever", "denied") in entities
    assert ("contraindication", "anticoagulants", None) in entities
    assert message.get("intent")["name"] == "inform"


def test_a_model_only_red_flag_without_a_sign_gives_way() -> None:
    message = parsed("I fell asleep on the sofa and woke with a stiff neck", "red_flag")
    assert message.get("intent")["name"] == "describe_pain"


def test_an_unbacked_red_flag_naming_a_body_part_is_a_pain_description() -> None:
    message = Message(
        data={
            "text": "my back hurts and i can't bend it",
            "intent": {"name": "red_flag", "confidence": 0.99},
            "intent_ranking": [
                {"name": "red_flag", "confidence": 0.99},
                {"name": "human_handoff", "confidence": 0.004},
            ],
            "entities": [{"entity": "body_part", "value": "back", "start": 3, "end": 7}],
        }
    )
    SafetyScreen({}).process([message])
    assert message.get("intent") == {"name": "describe_pain", "confidence": 0.99}


def test_a_model_only_red_flag_with_a_sign_stands() -> None:
    message = parsed("I feel pain in my head with a vertigo", "red_flag")
    assert message.get("intent")["name"] == "red_flag"


def test_an_unsure_model_red_flag_gives_way() -> None:
    message = parsed("I feel pain in my head with a vertigo", "red_flag", confidence=0.55)
    assert message.get("intent")["name"] == "describe_pain"


# Session 26, written before the change (outside run 70 p02: "I told you already, night is
# the worst. No fever." to the screen, a model-only red flag, gave way to a goodbye at 0.21
# and the chat said "Goodbye, and take care" mid-screen). A red flag that gives way to a
# guess the model was unsure of is something told: `inform`.
def test_a_red_flag_giving_way_to_an_unsure_guess_is_something_told() -> None:
    ranking = [
        {"name": "red_flag", "confidence": 0.62},
        {"name": "goodbye", "confidence": 0.21},
        {"name": "inform", "confidence": 0.08},
    ]
    text = "as I said, evenings are the worst for him. No temperature."
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    SafetyScreen({}).process([message])
    assert message.get("intent")["name"] == "inform", message.get("intent")
