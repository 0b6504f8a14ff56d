"""Check one or more knowledge files: python scripts/check_knowledge.py knowledge/linhai-plan-draft.yaml"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.errors import AssistantError  # noqa: E402
from assistant.knowledge.bank import validate_file  # noqa: E402

status = 0
for name in sys.argv[1:]:
    try:
        print(f"{name}: {validate_file(Path(name))} points OK")
    except AssistantError as exc:
        print(f"{name}: {exc.message}")
        status = 1
sys.exit(status)
