"""The report of `make eval`: Markdown with the figures side by side, and PNG plots."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from evaluation.compared import PIPELINES
from evaluation.dev_set import PLACES, ROOT
from evaluation.run import PipelineResult, pipeline_settings

# The targets, checked on our pipeline.
TARGETS = {
    "body-part accuracy (dev)": 0.97,
    "pain-intent recall (dev)": 0.97,
    "intent macro-F1 (cross-validation)": 0.95,
    "body-part accuracy (dev with typos)": 0.92,
}
MAX_OFF_TOPIC = 0.05


def headline(result: PipelineResult) -> dict[str, float]:
    assert result.dev and result.dev_typos
    entity_labels = result.entities.labels()
    return {
        "intent macro-F1 (cross-validation)": result.intents.macro_f1(),
        "entity macro-F1 (cross-validation)": result.entities.macro_f1(entity_labels),
        "body-part accuracy (dev)": result.dev.body_part_accuracy,
        "pain-intent recall (dev)": result.dev.pain_recall,
        "off-topic taken as TDN pain (dev)": result.dev.off_topic_taken,
        "body-part accuracy (dev with typos)": result.dev_typos.body_part_accuracy,
        "pain-intent recall (dev with typos)": result.dev_typos.pain_recall,
        "off-topic taken as TDN pain (dev with typos)": result.dev_typos.off_topic_taken,
        "messages sent to the fallback (cross-validation)": result.sent_to_fallback,
    }


def verdicts(ours: PipelineResult) -> list[tuple[str, float, str, bool]]:
    figures = headline(ours)
    checks = [(name, figures[name], f">= {goal:.0%}", figures[name] >= goal)
              for name, goal in TARGETS.items()]  # fmt: skip
    off = figures["off-topic taken as TDN pain (dev)"]
    checks.append(("off-topic taken as TDN pain (dev)", off, f"<= {MAX_OFF_TOPIC:.0%}",
                   off <= MAX_OFF_TOPIC))  # fmt: skip
    return checks


def _save(figure: Figure, path: Path) -> str:
    figure.savefig(path, format="png")
    return path.name


def confusion_plot(result: PipelineResult, path: Path) -> str:
    labels = result.intents.labels()
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for label in labels:
        matrix[index[label]][index[label]] = result.intents.true_pos[label]
    for (gold, predicted), texts in result.confusions.items():
        if gold in index and predicted in index:
            matrix[index[gold]][index[predicted]] = len(texts)
    # Rows as shares of each intent's examples, so small intents show as clearly.
    shares = [[n / (sum(row) or 1) for n in row] for row in matrix]
    figure = Figure(figsize=(11, 10), dpi=100, layout="constrained")
    axes = figure.subplots()
    image = axes.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    axes.set_xticks(range(len(labels)), labels, rotation=90)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted intent")
    axes.set_ylabel("true intent")
    axes.set_title(f"Intent confusion ({result.name}, cross-validation; share of each row)")
    for i, row in enumerate(matrix):
        for j, n in enumerate(row):
            if n:
                colour = "white" if shares[i][j] > 0.5 else "black"
                axes.text(j, i, str(n), ha="center", va="center", fontsize=7, color=colour)
    figure.colorbar(image, ax=axes, shrink=0.6)
    return _save(figure, path)


def body_part_plot(results: list[PipelineResult], path: Path) -> str:
    places = sorted(PLACES)
    figure = Figure(figsize=(10, 4), dpi=100, layout="constrained")
    axes = figure.subplots()
    width = 0.8 / (2 * len(results))
    for n, result in enumerate(results):
        for m, (label, figures) in enumerate((("", result.dev), (" typos", result.dev_typos))):
            assert figures
            shares = [figures.per_place_right[p] / (figures.per_place[p] or 1) for p in places]
            offset = (2 * n + m) * width
            axes.bar([i + offset for i in range(len(places))], shares, width,
                     label=f"{result.name}{label}", alpha=1.0 if not m else 0.55)  # fmt: skip
    axes.set_xticks([i + 0.4 - width / 2 for i in range(len(places))], places)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("right body part")
    axes.set_title("Body-part accuracy on the dev set, per body part (agree rows)")
    axes.legend(loc="lower right", fontsize=8)
    return _save(figure, path)


def _standing(result: PipelineResult) -> tuple[int, float]:
    """Targets met, then intent macro-F1: how the pipelines are ranked."""
    passed = sum(ok for *_, ok in verdicts(result))
    return passed, headline(result)["intent macro-F1 (cross-validation)"]


def fallback_threshold(config: Path) -> float | None:
    """The FallbackClassifier threshold a pipeline file sets, if it has one."""
    steps = pipeline_settings(config).get("pipeline") or []
    found = [s.get("threshold") for s in steps if s.get("name") == "FallbackClassifier"]
    return float(found[0]) if found and found[0] is not None else None


def threshold_table(result: PipelineResult) -> list[str]:
    """What each fallback threshold would cost (right answers lost) and catch (wrong ones)."""
    right = [c for c, ok in result.confidences if ok]
    wrong = [c for c, ok in result.confidences if not ok]
    lines = ["| threshold | right intents sent to the fallback | wrong intents caught |",
             "|---|---|---|"]  # fmt: skip
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        lost = sum(c < threshold for c in right) / len(right) if right else 0.0
        caught = sum(c < threshold for c in wrong) / len(wrong) if wrong else 0.0
        lines.append(f"| {threshold:.1f} | {lost:.1%} | {caught:.1%} |")
    return lines


def description(config: Path) -> str:
    """A pipeline file's opening comment: what it is and why it was tried."""
    lines = []
    for line in config.read_text().splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    return " ".join(lines)


def confidence_plot(result: PipelineResult, path: Path, threshold: float | None) -> str:
    right = [c for c, ok in result.confidences if ok]
    wrong = [c for c, ok in result.confidences if not ok]
    figure = Figure(figsize=(8, 4), dpi=100, layout="constrained")
    axes = figure.subplots()
    bins = [i / 20 for i in range(21)]
    axes.hist(right, bins=bins, alpha=0.7, label=f"right ({len(right)})", color="#0b5d66")
    axes.hist(wrong, bins=bins, alpha=0.8, label=f"wrong ({len(wrong)})", color="#b45309")
    if threshold is not None:
        axes.axvline(threshold, color="#111827", linestyle="--",
                     label=f"fallback threshold {threshold}")  # fmt: skip
    axes.set_yscale("log")
    axes.set_xlabel("intent confidence")
    axes.set_ylabel("held-out examples (log)")
    axes.set_title(f"Confidence of right and wrong intents ({result.name}, cross-validation)")
    axes.legend()
    return _save(figure, path)


def write(results: list[PipelineResult], folds: int, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    ours = next(r for r in results if r.name == "ours")
    lines = ["# How well the assistant understands patients", ""]
    lines += [f"{folds}-fold cross-validation on `data/nlu/` (the same folds for every "
              "pipeline), and the dev sets (`evaluation/data/dev/`, never trained on), clean "
              "and with machine-made typos (one word in three, seeded).", ""]  # fmt: skip
    names = [r.name for r in results]
    lines += ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    tables = [headline(r) for r in results]
    for key in tables[0]:
        lines.append(f"| {key} | " + " | ".join(f"{t[key]:.1%}" for t in tables) + " |")
    lines.append("| training and measuring time | "
                 + " | ".join(f"{r.train_seconds:.0f} s" + (" (cached)" if r.cached else "")
                              for r in results) + " |")  # fmt: skip
    lines += ["", "Intents are scored as `rasa test nlu` scores them: when the fallback would "
              "answer, the classifier's own top intent counts, and the share of messages the "
              "fallback would answer is its own row. The dev-set figures are what the "
              "assistant does, fallback included.", ""]  # fmt: skip
    lines += ["## The pipelines", ""]
    lines += [f"- **{r.name}** (`{PIPELINES[r.name].relative_to(ROOT)}`): "
              f"{description(PIPELINES[r.name])}" for r in results]  # fmt: skip
    best = max(results, key=_standing)
    lines += [
        "",
        f"Best on the targets, then on intent macro-F1: **{best.name}**."
        + ("" if best.name == "ours" else " `config.yml` should take its settings."),
    ]
    lines += ["", "## Targets (our pipeline)", ""]
    for name, value, goal, ok in verdicts(ours):
        lines.append(f"- {'PASS' if ok else 'FAIL'} {name}: {value:.1%} (target {goal})")

    for title, scores in (("Intents", "intents"), ("Entities", "entities")):
        lines += ["", f"## {title}, per label (cross-validation)", ""]
        lines += ["| label | support | " + " | ".join(f"{n} P / R / F1" for n in names) + " |",
                  "|---|---|" + "---|" * len(names)]  # fmt: skip
        for label in getattr(ours, scores).labels():
            cells = []
            for r in results:
                s = getattr(r, scores)
                cells.append(
                    f"{s.precision(label):.2f} / {s.recall(label):.2f} / {s.f1(label):.2f}"
                )
            lines.append(
                f"| {label} | {getattr(ours, scores).support(label)} | " + " | ".join(cells) + " |"
            )

    lines += ["", "## Worst intent confusions (ours), with examples", ""]
    worst = sorted(ours.confusions.items(), key=lambda item: -len(item[1]))[:12]
    for (gold, predicted), texts in worst:
        shown = "; ".join(f'"{t}"' for t in texts[:3])
        lines.append(f"- {gold} → {predicted} ({len(texts)}): {shown}")

    assert ours.dev and ours.dev_typos
    lines += ["", "## Dev-set misses (ours)", ""]
    for row, result in ours.dev.misses:
        lines.append(f'- body part {row["location"]}, got {result.body_part}: "{row["text"]}"')
    for row, result in ours.dev.off_taken:
        lines.append(f'- off-topic taken as pain ({result.body_part}): "{row["text"]}"')

    plots = [
        ("Intent confusion", confusion_plot(ours, out / "confusion.png")),
        ("Accuracy per body part", body_part_plot(results, out / "body_parts.png")),
        (
            "Confidence of right and wrong intents",
            confidence_plot(ours, out / "confidence.png", fallback_threshold(PIPELINES["ours"])),
        ),
    ]
    lines += ["", "## Plots", ""]
    lines += [f"![{title}]({name})" for title, name in plots]
    lines += ["", "## Choosing the fallback threshold (ours, cross-validation)", ""]
    lines += threshold_table(ours)
    report = out / "report.md"
    report.write_text("\n".join(lines) + "\n")
    return report
