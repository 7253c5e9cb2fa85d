"""End-to-end build throughput (parse + map + write) against jieba segmentation alone.

Issue #4 asks for the build to cost no more than three times plain jieba segmentation
of the same text (embeddings excluded). Both are timed in the same run, on the five
seeds and on a corpus scaled up from them (each seed copied under other region names).
Writes bench/results/build.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
import tomllib
from pathlib import Path

from graph.embedded_store import EmbeddedStore
from loaders.decode import decode_bytes
from pipeline.build import build

ROOT = Path(__file__).resolve().parent.parent

PLANS = ROOT / "data" / "plans"
RESULTS = ROOT / "bench" / "results"


def scaled_corpus(copies: int, into: Path) -> Path:
    """`copies` copies of every seed, each under a region of its own so ids do not collide."""
    meta = tomllib.loads((PLANS / "plans.toml").read_text(encoding="utf-8"))["plan"]
    lines = []
    for k in range(copies):
        for entry in meta:
            name = f"c{k}-{entry['file']}"
            shutil.copy(PLANS / entry["file"], into / name)
            e = dict(entry, file=name, region_en=f"{entry['region_en']} {k}")
            lines.append("[[plan]]")
            lines += [f"{key} = {json.dumps(v, ensure_ascii=False)}" for key, v in e.items()]
            lines.append("")
    (into / "plans.toml").write_text("\n".join(lines), encoding="utf-8")
    return into


def input_text(plans_dir: Path) -> str:
    meta = tomllib.loads((plans_dir / "plans.toml").read_text(encoding="utf-8"))["plan"]
    return "\n".join(decode_bytes((plans_dir / e["file"]).read_bytes(), e["file"]).text for e in meta)


def time_jieba(text: str, repeat: int) -> float:
    import jieba

    jieba.initialize()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        jieba.lcut(text)
        best = min(best, time.perf_counter() - t0)
    return best


def time_build(plans_dir: Path, similarity: str, repeat: int) -> tuple[float, int]:
    best, chars = float("inf"), 0
    for _ in range(repeat):
        tmp = Path(tempfile.mkdtemp(prefix="pg-build-"))
        store = EmbeddedStore(tmp / "g.lbug")
        store.ensure_schema()
        # Warm what a long-running process has warm (jieba dictionary, vocabularies).
        t0 = time.perf_counter()
        report = build(plans_dir, store, similarity=similarity, progress=False)
        best = min(best, time.perf_counter() - t0)
        assert not report.failed, [p.error for p in report.failed]
        chars = report.characters
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return best, chars


def measure(label: str, plans_dir: Path, repeat: int) -> dict:
    text = input_text(plans_dir)
    jieba_s = time_jieba(text, repeat)
    time_build(plans_dir, "none", 1)  # warm-up: dictionaries and vocabularies loaded once per process
    build_s, cleaned = time_build(plans_dir, "none", repeat)
    lexical_s, _ = time_build(plans_dir, "lexical", 1)
    return {
        "corpus": label,
        "input_characters": len(text),
        "cleaned_characters": cleaned,
        "jieba_seconds": round(jieba_s, 3),
        "jieba_chars_per_second": round(len(text) / jieba_s),
        "build_seconds": round(build_s, 3),
        "build_chars_per_second": round(len(text) / build_s),
        "build_over_jieba": round(build_s / jieba_s, 2),
        "build_with_lexical_similarity_seconds": round(lexical_s, 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10, help="copies of each seed in the scaled corpus")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    runs = [measure("seeds", PLANS, a.repeat)]
    with tempfile.TemporaryDirectory(prefix="pg-corpus-") as d:
        runs.append(measure(f"seeds x{a.copies}", scaled_corpus(a.copies, Path(d)), max(1, a.repeat - 1)))
    for r in runs:
        print(json.dumps(r, ensure_ascii=False))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "build.json").write_text(json.dumps({"runs": runs}, ensure_ascii=False, indent=1))
    print(f"wrote {RESULTS / 'build.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
