"""The measuring tools behind `make eval`: typos, folds and scores."""

from __future__ import annotations

from evaluation.folds import Example, Prediction, Scores, score, stratified_folds
from evaluation.typos import misspell, with_typos


def test_typos_are_seeded_and_touch_about_one_word_in_three() -> None:
    text = "my lower back has been aching badly since the weekend after gardening " * 10
    once, again = with_typos(text, seed=7), with_typos(text, seed=7)
    assert once == again != text
    assert with_typos(text, seed=8) != once
    changed = sum(a != b for a, b in zip(text.split(), once.split(), strict=False))
    words = len([w for w in text.split() if len(w) >= 3])
    assert 0.2 < changed / words < 0.45


def test_a_misspelt_word_differs_by_one_edit() -> None:
    import random

    rng = random.Random(1)
    for word in ("shoulder", "neck", "knee", "hamstring", "back"):
        for _ in range(20):
            slip = misspell(word, rng)
            assert slip != word and abs(len(slip) - len(word)) <= 1
            assert sorted(slip) == sorted(word) or len(slip) != len(word)


def example(text: str, intent: str, *entities: tuple[str, str]) -> Example:
    return Example(text, intent, frozenset(entities))


def test_folds_spread_every_intent_and_cover_everything_once() -> None:
    examples = [example(f"p{i}", "describe_pain") for i in range(23)] + [
        example(f"g{i}", "greet") for i in range(7)
    ]
    folds = stratified_folds(examples, 5, seed=3)
    assert sorted(e.text for fold in folds for e in fold) == sorted(e.text for e in examples)
    for fold in folds:
        pains = sum(e.intent == "describe_pain" for e in fold)
        assert pains in (4, 5)
        assert sum(e.intent == "greet" for e in fold) in (1, 2)
    assert stratified_folds(examples, 5, seed=3) == folds


def test_scores_count_a_wrong_value_as_a_miss_and_a_false_find() -> None:
    examples = [
        example("a", "describe_pain", ("body_part", "knee"), ("side", "left")),
        example("b", "greet"),
        example("c", "describe_pain", ("body_part", "neck")),
    ]
    predictions = [
        Prediction("describe_pain", 0.9, frozenset({("body_part", "knee"), ("side", "right")})),
        Prediction("describe_pain", 0.6, frozenset({("PERSON", "Ann")})),  # type not scored
        Prediction("describe_pain", 0.8, frozenset({("body_part", "neck")})),
    ]
    intents, entities, confusions = score(examples, predictions, {"body_part", "side"})
    assert confusions == {("greet", "describe_pain"): 1}
    assert intents.recall("describe_pain") == 1.0 and intents.precision("describe_pain") == 2 / 3
    assert intents.recall("greet") == 0.0
    assert entities.f1("body_part") == 1.0
    assert (entities.true_pos["side"], entities.false_pos["side"], entities.false_neg["side"]) == (
        0,
        1,
        1,
    )
    assert round(intents.macro_f1(), 3) == round((0.8 + 0.0) / 2, 3)


def test_macro_f1_leaves_out_labels_never_expected() -> None:
    scores = Scores()
    scores.add(["a"], ["a"])
    scores.add([], ["b"])  # predicted but never the answer: precision counts, macro skips
    assert scores.macro_f1() == 1.0


def test_a_fallback_answer_is_scored_as_the_classifiers_own_top_intent() -> None:
    from evaluation.run import prediction

    fell_back = {
        "intent": {"name": "nlu_fallback", "confidence": 0.4},
        "intent_ranking": [
            {"name": "nlu_fallback", "confidence": 0.4},
            {"name": "goodbye", "confidence": 0.35},
            {"name": "thanks", "confidence": 0.3},
        ],
        "entities": [{"entity": "side", "value": "left"}],
    }
    assert prediction(fell_back) == Prediction("goodbye", 0.35, frozenset({("side", "left")}))
    sure = {"intent": {"name": "greet", "confidence": 0.9}, "intent_ranking": [], "entities": []}
    assert prediction(sure).intent == "greet"
    alone = {"intent": {"name": "nlu_fallback", "confidence": 0.4}, "intent_ranking": []}
    assert prediction(alone).intent == "nlu_fallback"


def test_the_cache_key_follows_the_data_and_the_clinic_code_only_where_used(
    tmp_path, monkeypatch
) -> None:
    from evaluation import run

    for folder in ("data/nlu", "eval", "evaluation", "addons", "clinic"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "data/nlu/a.yml").write_text("nlu: []\n")
    for name in (*run.DEV_FILES, "../evaluation/run.py", "../evaluation/typos.py"):
        (tmp_path / "eval" / name).write_text("text\n")
    (tmp_path / "clinic/red_flags.py").write_text("RULES = 1\n")
    stock, ours = tmp_path / "stock.yml", tmp_path / "ours.yml"
    stock.write_text("pipeline:\n  - name: DIETClassifier\n")
    ours.write_text("pipeline:\n  - name: addons.safety_screen.SafetyScreen\n")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    monkeypatch.setattr(run, "NLU_DATA", tmp_path / "data/nlu")
    monkeypatch.setenv("CLINIC_EVAL_DIR", str(tmp_path / "eval"))

    def keys() -> tuple[str, str]:
        return run._digest(stock, 5, 13), run._digest(ours, 5, 13)

    first = keys()
    assert keys() == first and first[0] != first[1]
    assert run._digest(stock, 3, 13) != first[0] and run._digest(stock, 5, 14) != first[0]
    (tmp_path / "clinic/red_flags.py").write_text("RULES = 2\n")
    second = keys()
    assert second[0] == first[0] and second[1] != first[1]  # stock doesn't run clinic code
    (tmp_path / "data/nlu/a.yml").write_text("nlu: [changed]\n")
    assert all(now != before for now, before in zip(keys(), second, strict=True))


def test_a_variant_is_its_base_with_its_changes(tmp_path, monkeypatch) -> None:
    from evaluation import run

    (tmp_path / "config.yml").write_text(
        "language: en\npipeline:\n  - name: DIETClassifier\n    epochs: 40\n"
        "  - name: FallbackClassifier\npolicies:\n  - name: RulePolicy\n"
    )
    variant = tmp_path / "variant.yml"
    variant.write_text(
        "# Fewer entities.\nbased_on: config.yml\nchanges:\n"
        "  DIETClassifier:\n    entity_recognition: false\n"
    )
    monkeypatch.setattr(run, "ROOT", tmp_path)
    assert run.pipeline_settings(variant) == {
        "language": "en",
        "pipeline": [
            {"name": "DIETClassifier", "epochs": 40, "entity_recognition": False},
            {"name": "FallbackClassifier"},
        ],
    }


def test_a_variant_can_replace_a_component(tmp_path, monkeypatch) -> None:
    from evaluation import run

    (tmp_path / "config.yml").write_text(
        "language: en\npipeline:\n  - name: LogisticRegressionClassifier\n"
        "  - name: FallbackClassifier\n    threshold: 0.4\n"
    )
    variant = tmp_path / "variant.yml"
    variant.write_text(
        "based_on: config.yml\nreplace:\n  LogisticRegressionClassifier:\n"
        "    name: DIETClassifier\n    epochs: 40\n"
        "changes:\n  FallbackClassifier:\n    threshold: 0.3\n"
    )
    monkeypatch.setattr(run, "ROOT", tmp_path)
    assert run.pipeline_settings(variant)["pipeline"] == [
        {"name": "DIETClassifier", "epochs": 40},
        {"name": "FallbackClassifier", "threshold": 0.3},
    ]


def test_a_variant_can_leave_a_component_out(tmp_path, monkeypatch) -> None:
    from evaluation import run

    (tmp_path / "config.yml").write_text(
        "language: en\npipeline:\n  - name: SpacyFeaturizer\n  - name: SentenceMeaning\n"
        "  - name: LogisticRegressionClassifier\n"
    )
    variant = tmp_path / "variant.yml"
    variant.write_text("based_on: config.yml\nremove:\n  - SentenceMeaning\n")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    assert run.pipeline_settings(variant)["pipeline"] == [
        {"name": "SpacyFeaturizer"},
        {"name": "LogisticRegressionClassifier"},
    ]


def test_every_compared_pipeline_has_its_settings_file() -> None:
    from evaluation.compared import PIPELINES
    from evaluation.run import pipeline_settings

    assert {"stock", "ours"} <= set(PIPELINES)
    for path in PIPELINES.values():
        assert pipeline_settings(path)["pipeline"]


def test_a_measurement_is_kept_piece_by_piece(tmp_path, monkeypatch) -> None:
    from evaluation import run

    measured: list[str] = []

    def fake_piece(config, piece, folds, typo_seed):  # training stands aside here
        measured.append(piece)
        if piece == "dev":
            return {"parses": [{"dev": True}], "seconds": 1.0}
        return {"parses": [[f"text {piece}", {"fold": piece}]], "seconds": 2.0}

    monkeypatch.setattr(run, "_measure_piece", fake_piece)
    monkeypatch.setattr(run, "_digest", lambda config, folds, seed: "key")
    config = tmp_path / "config.yml"

    assert run.measure("p", config, 3, 13, tmp_path, only={"1", "dev"}) is None
    assert measured == ["1", "dev"]
    parses = run.measure("p", config, 3, 13, tmp_path)
    assert measured == ["1", "dev", "0", "2"]  # the kept pieces are not measured again
    assert parses is not None and not parses.from_cache
    assert [text for text, _ in parses.held_out] == ["text 0", "text 1", "text 2"]
    assert parses.dev == [{"dev": True}] and parses.seconds == 7.0
    again = run.measure("p", config, 3, 13, tmp_path)
    assert measured == ["1", "dev", "0", "2"] and again is not None and again.from_cache
