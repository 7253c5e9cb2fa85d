"""Builds never break a reader (issue 12, deliver 3): the embedded build writes a new database file
and swaps it in; the running explorer notices the new version, reopens it and says so; a second
writer is refused with the pid that holds the file."""
from __future__ import annotations

import os
import subprocess
import sys

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.test_rebuild import write_folder

APP = str(ROOT / "app.py")


def cli(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "HF_HUB_OFFLINE": "1"})


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_build_while_the_app_holds_the_store(tmp_path, monkeypatch):
    folder, db = tmp_path / "plans", tmp_path / "graph.lbug"
    write_folder(folder, {"jiaxing.txt": "jiaxing.txt"})
    first = cli("build", "--plans", str(folder), "--db", str(db), "--similarity", "none", "--quiet")
    assert first.returncode == 0, first.stdout + first.stderr

    monkeypatch.setenv("PLANGRAPH_STORE", "embedded")
    monkeypatch.setenv("PLANGRAPH_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert metric(at, "Plans") == "1"
    assert not any("rebuilt" in i.value for i in at.info)

    # a second writer that would open the file in place is refused, naming this process
    direct = subprocess.run([sys.executable, "-c", "import sys; from graph.embedded_store import EmbeddedStore; "
                             f"EmbeddedStore({str(db)!r})"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert direct.returncode != 0 and f"pid {os.getpid()}" in direct.stderr, direct.stderr

    # the build itself goes ahead: new file, swapped in while the app holds the old one
    write_folder(folder, {"jiaxing.txt": "jiaxing.txt", "ningxia.txt": "ningxia.txt"})
    second = cli("build", "--plans", str(folder), "--db", str(db), "--similarity", "lexical", "--quiet")
    assert second.returncode == 0, second.stdout + second.stderr
    assert not list(tmp_path.glob(".graph.lbug.build-*")), "the staging file must be gone after the swap"

    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("rebuilt" in i.value for i in at.info)
    assert metric(at, "Plans") == "2"
    for page in ("compare", "policies", "agencies", "graph"):
        at.switch_page(f"explorer/pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
    at.switch_page("explorer/pages/overview.py").run()
    assert not any("rebuilt" in i.value for i in at.info), "the line shows once, on the run that reopened"


def test_a_second_build_is_refused_while_one_runs(tmp_path):
    import fcntl

    db = tmp_path / "graph.lbug"
    lock = open(tmp_path / "graph.lbug.lock", "w")
    lock.write("4242")
    lock.flush()
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        res = cli("build", "--db", str(db), "--similarity", "none", "--quiet")
    finally:
        lock.close()
    assert res.returncode == 2 and "another build (pid 4242)" in res.stderr, res.stderr
    assert not db.exists()


def test_a_failed_build_leaves_the_old_file(tmp_path):
    from graph.embedded_store import EmbeddedStore, staged_build, version_token

    db = tmp_path / "graph.lbug"
    with staged_build(db) as s:
        s.ensure_schema()
        s.write_statements  # noqa: B018 - the store is usable
    before = version_token(db)
    try:
        with staged_build(db) as s:
            s.ensure_schema()
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert version_token(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.lbug", "graph.lbug.lock"]
    with EmbeddedStore(db, read_only=True) as s:
        assert s.counts()["Plan"] == 0
