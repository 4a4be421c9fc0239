"""The pipelines `make eval` compares: a name and the file with its settings.

Kept apart from evaluation/run.py, whose code is part of every cached measurement's key: a
new variant here changes no other pipeline's parses, so it doesn't send them to be
measured again (the stock pipeline takes about 4 core-hours).
"""

from __future__ import annotations

from evaluation.dev_set import ROOT

PIPELINES = {
    "stock": ROOT / "evaluation" / "pipelines" / "stock.yml",
    "ours": ROOT / "config.yml",
    "ours-words": ROOT / "evaluation" / "pipelines" / "ours_words.yml",
    "ours-diet": ROOT / "evaluation" / "pipelines" / "ours_diet.yml",
}
