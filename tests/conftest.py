import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Copies of ../shared/seeds and ../shared/fixtures, so the suite runs wherever the repo is cloned.
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "converted"

# Tests never reach a network: make any Hugging Face look-up fail fast instead of retrying.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(autouse=True)
def _feedback_kept_private(tmp_path_factory, monkeypatch):
    """Votes and review-queue entries a test causes go to a temporary file, never the project's data/."""
    if "XIAOWEI_FEEDBACK_FILE" not in os.environ:
        monkeypatch.setenv("XIAOWEI_FEEDBACK_FILE", str(tmp_path_factory.getbasetemp() / "feedback.jsonl"))


@pytest.fixture(scope="session")
def corpus():
    from assistant.corpus import load_corpus

    return load_corpus()


@pytest.fixture
def corpus_copy(tmp_path, monkeypatch):
    """A private copy of the corpus folder, for tests that add or break documents."""
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    monkeypatch.setenv("XIAOWEI_CORPUS_DIR", str(root))
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
