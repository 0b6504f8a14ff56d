#!/usr/bin/env bash
# One entry point for a fresh machine:
#   bash run.sh app    set up (once) and start the UI on http://localhost:8501
#   bash run.sh test   set up (once) and run the whole test suite
# Both create or reuse the project-local virtual environment .venv/.
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
VENV=.venv
STAMP=$VENV/.installed

system_packages() {
  # poppler-utils: pdftoppm, to look at a generated PDF in the integration tests;
  # chromium, chromium-driver: the end-to-end browser test of the UI.
  # (The PDF font comes from a PyPI package, so the app itself needs no system package.)
  local want=(poppler-utils chromium chromium-driver)
  local missing=()
  for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing system packages: ${missing[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >/dev/null \
      || echo "!! could not install ${missing[*]}; the PDF-image and browser tests will fail" >&2
  else
    echo "!! please install: ${missing[*]} (apt-get)" >&2
  fi
}

setup() {
  system_packages
  [ -x $VENV/bin/python ] || "$PY" -m venv $VENV
  local want
  want=$(sha256sum pyproject.toml | cut -c1-16)
  if [ "$(cat $STAMP 2>/dev/null)" != "$want" ]; then
    echo "== installing Python packages into $VENV (first run takes a few minutes)"
    # torch first, pinned: the local CPU build; otherwise sentence-transformers pulls CUDA wheels
    local log=$VENV/install.log
    if ! { $VENV/bin/pip install torch==2.13.0 && $VENV/bin/pip install -e '.[test]'; } >"$log" 2>&1; then
      grep -v "WARNING: Location" "$log" | tail -40 >&2
      echo "!! installing Python packages failed; full log in $log" >&2
      exit 1
    fi
    echo "$want" > $STAMP
  fi
}

case "${1:-}" in
  app)
    setup
    # no index build here: the first page is served at once and the app builds the index (and embeds the
    # knowledge bank's questions) in the background, with a progress bar in the sidebar
    exec $VENV/bin/python -m streamlit run app.py --server.headless true --browser.gatherUsageStats false "${@:2}"
    ;;
  test)
    setup
    # lint first (a small rule set in pyproject.toml): an undefined name fails fast, before 5 minutes of tests
    $VENV/bin/python -m ruff check .
    HF_HUB_OFFLINE=1 exec $VENV/bin/python -m pytest -q "${@:2}"
    ;;
  *)
    echo "usage: bash run.sh app | bash run.sh test" >&2
    exit 2
    ;;
esac
