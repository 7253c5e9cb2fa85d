"""Bad inputs fail only themselves (issue 12, deliver 5): a junk-only file is refused with "no plan
text found"; each bad plans.toml entry fails its own plan and the others build; plan files that no
entry lists are reported and not built."""
from __future__ import annotations

import os
import subprocess
import sys

from pipeline.build import build
from tests.conftest import PLANS, ROOT
from tests.test_rebuild import ENTRIES, toml_entry

JUNK = ("首页 | 新闻中心 | 政务公开 | 办事服务\n当前位置：首页 > 政务公开 > 通知公告\n【打印本页】【关闭窗口】\n"
        "主办单位：某某市人民政府办公室 版权所有\n网站标识码 1234567890\n扫一扫在手机打开当前页\n")


def folder_with_bad_entries(folder):
    folder.mkdir()
    (folder / "jiaxing.txt").write_bytes((PLANS / "jiaxing.txt").read_bytes())
    (folder / "ningxia.txt").write_bytes((PLANS / "ningxia.txt").read_bytes())
    (folder / "junk.txt").write_text(JUNK, encoding="utf-8")
    (folder / "unlisted.txt").write_bytes((PLANS / "wuxi.txt").read_bytes())
    nx = ENTRIES["ningxia.txt"]
    entries = [
        toml_entry(ENTRIES["jiaxing.txt"]),
        toml_entry({**ENTRIES["wuxi.txt"], "file": "absent.txt"}),                       # absent file
        toml_entry({k: v for k, v in nx.items() if k != "region"}),                      # missing region
        toml_entry({**nx, "file": "ningxia.txt", "level": "district"}),                  # unknown level
        toml_entry({**ENTRIES["jiaxing.txt"], "region": "嘉兴"}),                         # duplicate
        toml_entry({"file": "junk.txt", "region": "某某市", "region_en": "Moumou", "level": "prefecture"}),
    ]
    (folder / "plans.toml").write_text("".join(entries), encoding="utf-8")


def test_each_bad_entry_fails_only_its_plan(embedded_store, tmp_path):
    folder = tmp_path / "plans"
    folder_with_bad_entries(folder)
    report = build(folder, embedded_store, similarity="none", progress=False)
    by_file = [(p.file, p.error) for p in report.plans]
    assert [f for f, _ in by_file] == ["jiaxing.txt", "absent.txt", "ningxia.txt", "ningxia.txt", "jiaxing.txt",
                                       "junk.txt"]
    errors = [e for _, e in by_file]
    assert errors[0] is None
    assert "absent.txt" in errors[1] and "does not exist" in errors[1]
    assert "missing required key(s) region" in errors[2] and "#3" in errors[2]
    assert "level must be one of" in errors[3] and "'district'" in errors[3]
    assert "already described by entry #1" in errors[4]
    assert "junk.txt: no plan text found" in errors[5]
    assert report.unlisted == ["unlisted.txt"]
    plans = embedded_store.stored_plans()
    assert list(plans.values()) == ["jiaxing.txt"]


def test_cli_reports_bad_entries_and_unlisted_files(tmp_path):
    folder = tmp_path / "plans"
    folder_with_bad_entries(folder)
    res = subprocess.run([sys.executable, "-m", "graph", "build", "--plans", str(folder), "--db", str(tmp_path / "g.lbug"),
                          "--similarity", "none", "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert res.returncode == 1, res.stdout + res.stderr
    assert "built 1/6 plans" in res.stdout
    assert "not built: unlisted.txt is in the folder but not in plans.toml" in res.stdout
    assert "junk.txt: -  FAILED: NoPlanText: junk.txt: no plan text found" in res.stdout
