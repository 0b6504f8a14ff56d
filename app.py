"""The web UI: ``streamlit run app.py`` (or ``bash run.sh app``). Pages live in ui/."""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent)
if ROOT not in sys.path:  # ui/ is not an installed package
    sys.path.insert(0, ROOT)

from ui.main import main  # noqa: E402

main()
