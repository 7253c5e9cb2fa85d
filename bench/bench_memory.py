"""Peak memory of building one very large plan, as a multiple of its file size (issue 12: a 30 MB
plan needed 4 GB, 130x; the bar is 30x).

The plan is the largest seed (wuxing.txt) repeated until the file reaches the size asked for, every
copy with its numbers shifted so that no two copies are equal text. Each size is built by
`python -m graph build --fresh` in a child process of its own. The build may itself parse a very
large plan in a process of its own (pipeline.build.ISOLATE_PARSE_BYTES), so the peak counts the
whole process tree: the largest of the build process's ru_maxrss, its children's (RUSAGE_CHILDREN:
the largest of them), and the sum of the resident memory of the build and all its descendants,
sampled every 50 ms (the memory the tree holds at once). Writes bench/results/memory.json.

    python -m bench.bench_memory [--mb 3 10 30] [--similarity lexical]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "data" / "plans"
RESULTS = ROOT / "bench" / "results"
SEED = "wuxing.txt"


def big_plan(folder: Path, megabytes: float) -> int:
    """Write plan.txt of about ``megabytes`` MB and its plans.toml; return its size in bytes."""
    text = (PLANS / SEED).read_text(encoding="utf-8")
    want = int(megabytes * 1_000_000)
    parts, size, k = [], 0, 0
    while size < want:
        copy = re.sub(r"\d+", lambda m, k=k: str(int(m.group(0)) + k), text) if k else text
        parts.append(copy)
        size += len(copy.encode("utf-8"))
        k += 1
    (folder / "plan.txt").write_text("\n".join(parts), encoding="utf-8")
    (folder / "plans.toml").write_text('[[plan]]\nfile = "plan.txt"\nregion = "某某区"\nregion_en = "Moumou"\n'
                                       'level = "county"\nparent = "湖州市"\nparent_en = "Huzhou"\n'
                                       'province = "浙江省"\nprovince_en = "Zhejiang"\n', encoding="utf-8")
    return (folder / "plan.txt").stat().st_size


def measure(megabytes: float, similarity: str) -> dict:
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "plans"
        folder.mkdir()
        size = big_plan(folder, megabytes)
        script = ("import resource, runpy, sys; sys.argv = ['graph'] + sys.argv[1:]\n"
                  "try:\n    runpy.run_module('graph', run_name='__main__')\n"
                  "finally:\n"
                  "    print('MAXRSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
                  "          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n")
        t = time.perf_counter()
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen([sys.executable, "-c", script, "build", "--plans", str(folder), "--db",
                                     str(Path(d) / "g.lbug"), "--fresh", "--quiet", "--similarity", similarity],
                                    cwd=ROOT, stdout=out, stderr=err, text=True,
                                    env={**os.environ, "HF_HUB_OFFLINE": "1"})
            tree = sample_tree(proc)
            seconds = time.perf_counter() - t
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        m = re.search(r"MAXRSS_KB (\d+) (\d+)", stderr)
        own, children = (int(m.group(1)) * 1024, int(m.group(2)) * 1024) if m else (
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, 0)
        peak = max(own, children, tree)
        built = re.search(r"built (\d+)/(\d+) plans, (\d+) characters", stdout)
        return {"megabytes": round(size / 1e6, 2), "bytes": size, "peak_rss_bytes": peak,
                "peak_over_input": round(peak / size, 1), "build_process_maxrss_bytes": own,
                "largest_child_maxrss_bytes": children, "tree_sampled_peak_bytes": tree,
                "seconds": round(seconds, 1), "returncode": proc.returncode,
                "characters": int(built.group(3)) if built else None, "similarity": similarity,
                "tail": (stdout + stderr)[-400:] if proc.returncode else ""}


def sample_tree(proc: subprocess.Popen, every: float = 0.05) -> int:
    """Wait for ``proc``; the largest sum of the resident memory of it and all its descendants seen."""
    import psutil

    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            procs = []
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, total)
        time.sleep(every)
    return peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, nargs="+", default=[3, 10, 30])
    ap.add_argument("--similarity", default="lexical", choices=("none", "lexical"))
    ap.add_argument("--out", type=Path, default=RESULTS / "memory.json")
    a = ap.parse_args()
    runs = []
    for mb in a.mb:
        r = measure(mb, a.similarity)
        runs.append(r)
        print(f"{r['megabytes']:7.2f} MB: peak {r['peak_rss_bytes'] / 2**20:8.0f} MiB = {r['peak_over_input']:6.1f}x "
              f"the input (build process {r['build_process_maxrss_bytes'] / 2**20:.0f}, largest child "
              f"{r['largest_child_maxrss_bytes'] / 2**20:.0f}, tree sampled {r['tree_sampled_peak_bytes'] / 2**20:.0f} "
              f"MiB), {r['seconds']:.0f} s (exit {r['returncode']})", flush=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"bar": "peak resident memory under 30x the input file",
                                "peak": "largest of the build process's maxrss, its largest child's, "
                                        "and the sampled sum over the process tree",
                                "runs": runs},
                                ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
