"""A benchmark corpus of N distinct plans generated from real ones (issue 14, deliver 1).

Sources: the seeds (data/plans) and the TUNING documents of ../shared/corpus (never the
held-out ones). Each source is parsed once; a generated plan takes one source's cleaned text
as its skeleton and
* recombines measures across documents: about 40% of its measures get the body of a measure
  of another source (the skeleton's own number prefix kept);
* varies numbers: every quantity that is not a year, a list number or part of a document
  number is scaled by a factor drawn per plan (decimals kept);
* varies names and regions: a region name of its own (the source's region names replaced
  everywhere, so agencies are named after it too), prefecture or county level, counties
  under a generated prefecture.
No two generated texts are equal (checked). The corpus is written on the fly into a cache
folder (``.cache/bench-corpus/``, never committed) keyed by size, seed and a fingerprint of
the sources, and reused while they stay the same.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "plans"
CORPUS = ROOT.parent / "shared" / "corpus"
TUNING = ("01", "05", "09", "13", "17", "21", "23", "29")
GOLD = ROOT / "tests" / "gold" / "corpus"
# characters that make up generated place names (two of them, then 市 / 县 / 区)
_NAME_CHARS = "安宁平和康泰丰瑞兴华长青云江湖山川河源清远新南北东西临永嘉定昌泉溪林阳明德福"
_PREFIX = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]\s*|[（(][一二三四五六七八九十\d]{1,3}[）)]\s*"
                     r"|[一二三四五六七八九十]{1,3}、\s*)")
# a number that is a quantity: not a year (2025年, 2021-2025), not inside 〔2022〕80号
_NUMBER = re.compile(r"(?<![\d.〔])(\d+(?:\.\d+)?)(?![\d.〕]|\s*年|\s*号|\s*[-—–至]\s*20\d\d)")


@dataclass
class Source:
    name: str
    text: str
    meta: dict
    measures: list[tuple[int, int]]  # spans of measure bodies (after the number prefix)
    regions: list[str]               # region names to replace (the plan's own, its parent's)


class CorpusMissing(RuntimeError):
    """The shared corpus the benchmark plans are generated from is not there."""


def _tuning_sources(corpus_dir: Path | None = None) -> list[tuple[Path, dict]]:
    """The tuning documents of the shared corpus; raises ``CorpusMissing`` when the folder or its
    tuning documents are missing (a corpus made of the seeds alone would be a different benchmark,
    and its figures would be compared with the real one's without anyone noticing)."""
    folder = CORPUS if corpus_dir is None else Path(corpus_dir)
    out = []
    found = sorted(p for p in folder.glob("*.txt") if p.name[:2] in TUNING) if folder.is_dir() else []
    if not found:
        what = "has none of the tuning documents" if folder.is_dir() else "does not exist"
        raise CorpusMissing(
            f"the benchmark corpus is generated from the seeds and the tuning documents of {folder}, which "
            f"{what} (names starting {' '.join(TUNING)}). Put the shared corpus there (the repository's "
            "sibling folder shared/corpus) and run again; without it the figures would not be comparable.")
    for p in found:
        gold = GOLD / f"{p.stem}.structure.json"
        head = json.loads(gold.read_text(encoding="utf-8")) if gold.is_file() else {}
        meta = {k: head[k] for k in ("region", "region_en", "level", "province") if head.get(k)}
        meta.setdefault("region", "上海市")
        meta.setdefault("region_en", "Shanghai")
        meta.setdefault("level", "province")
        if head.get("parent"):
            meta["parent"] = head["parent"]
        out.append((p, {"file": p.name, **meta}))
    return out


def sources() -> list[Source]:
    from loaders import parse_plan, scan_plans

    items = [(e.path, e.meta) for e in scan_plans(SEEDS)[0] if e.meta and e.path]
    items += _tuning_sources()
    out = []
    for path, meta in items:
        doc = parse_plan(path, meta)
        spans = []
        for m in doc.measures:
            body = doc.text[m.start:m.end]
            cut = _PREFIX.match(body)
            start = m.start + (cut.end() if cut else 0)
            if m.end - start >= 20:
                spans.append((start, m.end))
        regions = [r for r in (meta.get("region"), meta.get("parent"), doc.meta.region.name) if r]
        keep = {k: v for k, v in meta.items() if k in ("plan_type", "period_start", "period_end", "province",
                                                       "province_en", "title", "doc_number", "issuer")}
        out.append(Source(path.name, doc.text, {**keep, "level": meta.get("level")}, spans,
                          sorted(set(regions), key=len, reverse=True)))
    return out


def _names(n: int, rnd: random.Random) -> list[str]:
    pairs = [a + b for a in _NAME_CHARS for b in _NAME_CHARS if a != b]
    rnd.shuffle(pairs)
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} generated names")
    return pairs[:n]


def _vary_numbers(text: str, rnd: random.Random) -> str:
    factor = rnd.uniform(0.7, 1.4)

    def sub(m: re.Match) -> str:
        s = m.group(1)
        start = m.start(1)
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():  # a list number at the start of a line
            return s
        v = float(s) * factor
        if "." in s:
            return f"{v:.{len(s.split('.')[1])}f}"
        return str(max(1, round(v))) if s != "0" else s

    return _NUMBER.sub(sub, text)


def _short(name: str) -> str:
    return name[:-1] if len(name) > 2 and name[-1] in "市县区省" else name


def generate(n: int, into: Path, seed: int = 14) -> list[dict]:
    """Write n plans and their plans.toml into ``into``; returns the entries."""
    rnd = random.Random(seed)
    srcs = sources()
    if len(srcs) < 2:
        raise RuntimeError("need at least two source plans")
    names = _names(n, rnd)
    into.mkdir(parents=True, exist_ok=True)
    entries, seen = [], set()
    prefecture = None
    for k in range(n):
        base = srcs[k % len(srcs)]
        county = k % 3 == 2 and prefecture is not None
        region = names[k] + ("区" if county else "市")
        text = base.text
        # measures recombined: from the end so earlier spans stay valid
        for start, end in reversed(base.measures):
            if rnd.random() < 0.4:
                donor = rnd.choice([s for s in srcs if s is not base and s.measures])
                ds, de = rnd.choice(donor.measures)
                body = donor.text[ds:de]
                for r in donor.regions:
                    body = body.replace(r, region).replace(_short(r), _short(region))
                text = text[:start] + body + text[end:]
        for r in base.regions:
            text = text.replace(r, region)
            if len(_short(r)) >= 2:
                text = text.replace(_short(r), _short(region))
        text = _vary_numbers(text, rnd)
        digest = hashlib.sha1(text.encode()).hexdigest()
        if digest in seen:  # never two equal texts
            text += f"\n（{region}，第{k + 1}稿）"
            digest = hashlib.sha1(text.encode()).hexdigest()
        seen.add(digest)
        file = f"p{k:04d}.txt"
        (into / file).write_text(text, encoding="utf-8")
        entry: dict = {"file": file, "region": region, "region_en": f"Synth {k:04d}",
                       "level": "county" if county else "prefecture"}
        province = base.meta.get("province") or (base.regions[0] if base.meta.get("level") == "province" else None)
        if province:
            entry["province"] = province
        if county:
            entry["parent"] = prefecture
        for key in ("plan_type", "period_start", "period_end"):
            if base.meta.get(key) is not None:
                entry[key] = base.meta[key]
        if base.meta.get("title"):
            t = base.meta["title"]
            for r in base.regions:
                t = t.replace(r, region)
            entry["title"] = t
        if base.meta.get("doc_number"):
            entry["doc_number"] = re.sub(r"\d+号", f"{k + 1}号", base.meta["doc_number"])
        entries.append(entry)
        if not county:
            prefecture = region
    (into / "plans.toml").write_text(toml_entries(entries), encoding="utf-8")
    return entries


def toml_entries(entries: list[dict]) -> str:
    out = []
    for e in entries:
        out.append("[[plan]]")
        out += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in e.items()]
        out.append("")
    return "\n".join(out)


def fingerprint() -> str:
    h = hashlib.sha1(Path(__file__).read_bytes())
    for p in sorted(SEEDS.iterdir()):
        h.update(p.read_bytes())
    for p, _ in _tuning_sources():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def corpus(n: int, seed: int = 14, cache: Path | None = None) -> Path:
    """The generated corpus of n plans (made once, then reused from the cache folder)."""
    from graph.config import CACHE_DIR

    base = Path(cache or CACHE_DIR) / "bench-corpus"
    folder = base / f"n{n}-s{seed}-{fingerprint()}"
    if (folder / "plans.toml").is_file():
        return folder
    tmp = folder.with_name(folder.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    generate(n, tmp, seed)
    tmp.rename(folder)
    return folder


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print(corpus(n))
