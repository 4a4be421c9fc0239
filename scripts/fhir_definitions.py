"""Writes our FHIR definitions (the intake Questionnaire, our CodeSystems) to docs/fhir/.

Run after changing a code table: `python scripts/fhir_definitions.py`. A test fails while
the published files differ from what the code makes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "fhir"


def definitions() -> dict[str, dict]:
    """File name -> resource, as the code makes them now."""
    from clinic.records.fhir_definitions import code_systems, questionnaire

    files = {"Questionnaire-tdn-intake.json": questionnaire()}
    files.update({f"CodeSystem-tdn-{kind}.json": cs for kind, cs in code_systems().items()})
    return files


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, resource in definitions().items():
        (FOLDER / name).write_text(json.dumps(resource, indent=2, ensure_ascii=False) + "\n")
    print(f"Wrote {len(definitions())} definitions to {FOLDER.relative_to(ROOT)}/")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
