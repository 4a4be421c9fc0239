"""The patient's wording lives in domain.yml: actions send responses by name, and never a
sentence of their own (only texts from clinic/ or composed from the domain's words)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from actions.wording import MissingWording, wording
from tests.conftest import DOMAIN, ROOT, domain_responses

ACTIONS = sorted((ROOT / "actions").glob("*.py"))
# Rasa's key for a bot message's response name, not a response.
NOT_A_RESPONSE = {"utter_action"}


def _words_in(expr: ast.expr | None, texts: set[str]) -> bool:
    """Whether `expr` is wording written in Python: a string or f-string with words in it, a
    name in `texts` (bound to such wording), or one of these formatted or chosen between."""
    if isinstance(expr, ast.Constant):
        return isinstance(expr.value, str) and bool(re.search(r"[A-Za-z]", expr.value))
    if isinstance(expr, ast.JoinedStr):
        return any(_words_in(part, texts) for part in expr.values)
    if isinstance(expr, ast.FormattedValue):  # f"{BACK_TO_IT} {question}"
        return _words_in(expr.value, texts)
    if isinstance(expr, ast.Name):
        return expr.id in texts
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        return expr.func.attr == "format" and _words_in(expr.func.value, texts)
    if isinstance(expr, ast.BinOp):
        return _words_in(expr.left, texts) or _words_in(expr.right, texts)
    if isinstance(expr, ast.IfExp):
        return _words_in(expr.body, texts) or _words_in(expr.orelse, texts)
    if isinstance(expr, ast.BoolOp):
        return any(_words_in(value, texts) for value in expr.values)
    return False


def _bound_to_words(body: list[ast.stmt], texts: set[str]) -> set[str]:
    """The names the statements bind to wording, anywhere in them."""
    bound: set[str] = set()
    nodes = [n for s in body for n in ast.walk(s) if isinstance(n, ast.Assign | ast.AnnAssign)]
    for node in nodes:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if _words_in(node.value, texts | bound):
            bound |= {t.id for t in targets if isinstance(t, ast.Name)}
    return bound


def _module_texts() -> set[str]:
    """Module-level names in actions/ bound to wording (imported into other modules too)."""
    texts: set[str] = set()
    for path in ACTIONS:
        module = ast.parse(path.read_text(encoding="utf-8"))
        statements = [s for s in module.body if isinstance(s, ast.Assign | ast.AnnAssign)]
        texts |= _bound_to_words(statements, texts)
    return texts


def _texts_of_own_wording(path: Path, module_texts: set[str]) -> list[str]:
    """Where a file sends `utter_message(text=...)` with wording of its own."""
    found: set[int] = set()
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        texts = module_texts | _bound_to_words(function.body, module_texts)
        for call in ast.walk(function):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "utter_message"
            ):
                continue
            text = next((k.value for k in call.keywords if k.arg == "text"), None)
            if _words_in(text or (call.args[0] if call.args else None), texts):
                found.add(call.lineno)  # a nested function is walked twice
    return [f"{path.name}:{line}" for line in sorted(found)]


def test_no_action_sends_wording_of_its_own() -> None:
    # Patient wording goes in domain.yml's responses, sent with response="utter_...".
    module_texts = _module_texts()
    own = [where for path in ACTIONS for where in _texts_of_own_wording(path, module_texts)]
    assert own == [], f"send these by response name (wording in domain.yml): {own}"


def test_the_check_finds_wording_written_in_python(tmp_path: Path) -> None:
    action = tmp_path / "action.py"
    action.write_text(
        'SORRY = "Sorry, I didn\'t catch that."\n'
        "def run(dispatcher, name, clinic, domain):\n"
        "    dispatcher.utter_message(text=SORRY)\n"
        '    dispatcher.utter_message(text=f"Thanks, {name}.")\n'
        "    said = SORRY if name else clinic.ANSWER\n"
        "    dispatcher.utter_message(text=said)\n"
        "    dispatcher.utter_message(text=clinic.ANSWER.format(name=name))\n"
        '    dispatcher.utter_message(text=wording(domain, "utter_x", name=name))\n'
        '    dispatcher.utter_message(text=f"{SORRY}\\n{name}")\n'
    )
    found = _texts_of_own_wording(action, {"SORRY"})
    assert found == ["action.py:3", "action.py:4", "action.py:6", "action.py:9"]


def test_every_response_an_action_names_is_in_the_domain() -> None:
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in ACTIONS]
    # Parts of an f-string ("utter_ask_{slot}") are no names.
    parts = {id(p) for t in trees for n in ast.walk(t) if isinstance(n, ast.JoinedStr)
             for p in n.values}  # fmt: skip
    named = {
        node.value
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"utter_\w+", node.value)
        and id(node) not in parts
    }
    assert named - NOT_A_RESPONSE - set(domain_responses()) == set()


def test_the_domain_wording_is_filled_as_rasa_fills_it() -> None:
    assert wording(DOMAIN, "utter_name_changed", name="Anna Smith") == (
        "Thanks, I've changed the name to Anna Smith."
    )
    with pytest.raises(MissingWording, match="utter_nowhere"):
        wording(DOMAIN, "utter_nowhere")
    with pytest.raises(MissingWording, match="name"):
        wording(DOMAIN, "utter_name_changed")
