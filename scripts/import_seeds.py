"""Re-create corpus/documents/<id>.txt from the seed files through the loader.

The metadata YAML files are written by hand (they record judgement: status,
defects); this script only refreshes each text and its sha256 so the two stay
consistent. Usage: python scripts/import_seeds.py ../shared/seeds
"""

import hashlib
import sys
from pathlib import Path

import yaml

from assistant.loaders import load_file

docs = Path(__file__).resolve().parent.parent / "corpus" / "documents"
seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
for meta_path in sorted(docs.glob("*.yaml")):
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    source = seeds / meta["source_file"]
    if not source.exists():
        continue
    text = load_file(source).text.encode("utf-8")
    (docs / meta["text_file"]).write_bytes(text)
    lines = meta_path.read_text(encoding="utf-8").splitlines(keepends=True)
    digest = hashlib.sha256(text).hexdigest()
    meta_path.write_text("".join(f"sha256: {digest}\n" if ln.startswith("sha256:") else ln for ln in lines),
                         encoding="utf-8")
    print(meta["id"], digest[:12])
