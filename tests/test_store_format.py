"""A store built by another version of Plangraph is refused with a clear message, not a crash deep in
a query (issue 12): every build records graph.store.STORE_FORMAT; readers (the explorer, `python -m graph
query/export/compare/dump`) compare it, and `build` over a store of another format rebuilds it in full
(or, with --keep-missing, refuses). On both stores."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from graph.store import META_LABEL, STORE_FORMAT, Statement, StoreFormatError
from pipeline.build import build
from pipeline.cli import main
from tests.graph_fixture import comparison_graph
from tests.test_rebuild import write_folder

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

# The schema a build writes, as a fingerprint, per format. A changed ontology (a label, property or
# datatype) fails here: bump STORE_FORMAT in graph/store.py (stores built before will be rebuilt) and
# record the new fingerprint.
FINGERPRINTS = {1: "7d810aa175c42994", 2: "7d810aa175c42994"}


def fingerprint(schema) -> str:
    data = {"nodes": {k: v.properties for k, v in schema.nodes.items()},
            "relationships": {k: [v.pairs, v.properties] for k, v in schema.relationships.items()}}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def test_a_schema_change_bumps_the_format():
    from ontology.schema import load_schema

    assert FINGERPRINTS.get(STORE_FORMAT) == fingerprint(load_schema()), (
        "the ontology's labels or properties changed: bump STORE_FORMAT in graph/store.py and record "
        f"{fingerprint(load_schema())} for it in tests/test_store_format.py")


# the properties builds wrote only from format 1 on (region pages, indicator tallies)
NEW_IN_1 = {"Region": {"name_rank"}, "Indicator": {"regions", "targets"}}


def old_schema():
    from ontology.schema import load_schema

    s = load_schema()
    nodes = {k: dataclasses.replace(v, properties={p: t for p, t in v.properties.items()
                                                  if p not in NEW_IN_1.get(k, set())})
             for k, v in s.nodes.items()}
    return dataclasses.replace(s, nodes=nodes)


def old_records():
    g = comparison_graph()
    for n in g.nodes:
        n.properties = {p: v for p, v in n.properties.items() if p not in NEW_IN_1.get(n.label, set())}
    return g


def forget_format(store) -> None:
    """What a store built before formats were recorded lacks."""
    store._write_transaction([Statement(f"MATCH (m:{META_LABEL}) DELETE m")])


@pytest.fixture
def old_db(tmp_path):
    """An embedded file as a build before format 1 left it: no name_rank or tallies columns, no format."""
    from graph.embedded_store import EmbeddedStore

    path = tmp_path / "old.lbug"
    s = EmbeddedStore(path, schema=old_schema())
    s.ensure_schema()
    s.write(old_records())
    s._conn().execute(f"DROP TABLE {META_LABEL}")
    s.close()
    return path


def message_of(store_kind: str, have: int) -> str:
    return f"this graph was built by an older Plangraph (format {have}, this code reads {STORE_FORMAT})"


# --- what readers do ----------------------------------------------------------------------------

def test_a_new_or_cleared_store_is_of_this_format(store):
    assert store.stored_format() == STORE_FORMAT and store.format_problem() is None
    store.write(comparison_graph())
    store.check_format()
    store.clear()
    assert store.stored_format() == STORE_FORMAT and store.is_empty()


def test_absent_older_and_newer_formats_are_refused(store):
    store.write(comparison_graph())
    forget_format(store)
    with pytest.raises(StoreFormatError, match=r"older Plangraph \(format 0, this code reads \d+\): rebuild it "
                                               r"with `python -m graph build --fresh"):
        store.check_format()
    store.write_format(STORE_FORMAT - 1)
    with pytest.raises(StoreFormatError, match=f"format {STORE_FORMAT - 1}, this code reads {STORE_FORMAT}"):
        store.check_format()
    store.write_format(STORE_FORMAT + 1)
    with pytest.raises(StoreFormatError, match="newer Plangraph"):
        store.check_format()
    if store.kind == "neo4j":
        assert "--store neo4j" in store.format_problem()


def test_an_empty_store_without_a_format_is_not_refused(store):
    forget_format(store)
    assert store.stored_format() is None and store.format_problem() is None


def test_cli_readers_refuse_an_old_embedded_store(old_db, capsys):
    for argv in (["query", "lead_agencies"], ["query", "instrument_mix", "--format", "json"],
                 ["export", "--format", "csv", "--query", "domain_coverage", "--out", str(old_db.parent / "x.csv")],
                 ["compare", "--format", "csv"], ["dump", "--out", str(old_db.parent / "d.json")]):
        assert main([*argv, "--db", str(old_db)]) == 2, argv
        err = capsys.readouterr().err.strip()
        assert err == (f"error: {message_of('embedded', 0)}: rebuild it with "
                       f"`python -m graph build --fresh --db {old_db}`"), (argv, err)
        assert "Cannot find property" not in err


def test_cli_readers_refuse_an_old_neo4j_store(neo4j_store, capsys):
    neo4j_store.write(old_records())
    forget_format(neo4j_store)
    assert main(["query", "regions", "--store", "neo4j"]) == 2
    err = capsys.readouterr().err
    assert message_of("neo4j", 0) in err and "`python -m graph build --fresh --store neo4j`" in err


def test_the_app_shows_one_line_for_an_old_store(old_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PLANGRAPH_STORE", "embedded")
    monkeypatch.setenv("PLANGRAPH_DB", str(old_db))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [f"{message_of('embedded', 0)}: rebuild it with "
                                           f"`python -m graph build --fresh --db {old_db}`"]


def test_the_app_shows_one_line_for_an_old_neo4j_store(neo4j_store, monkeypatch):
    from streamlit.testing.v1 import AppTest

    neo4j_store.write(comparison_graph())
    neo4j_store.write_format(STORE_FORMAT - 1)
    monkeypatch.setenv("PLANGRAPH_STORE", "neo4j")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1 and message_of("neo4j", STORE_FORMAT - 1) in at.error[0].value


# --- what a build does --------------------------------------------------------------------------

def _fresh_dump(folder: Path, tmp_path: Path):
    from graph.embedded_store import EmbeddedStore

    with EmbeddedStore(tmp_path / "fresh.lbug") as other:
        other.ensure_schema()
        assert not build(folder, other, similarity="none", progress=False, cache_dir=None).failed
        return other.dump()


def test_an_incremental_build_over_an_old_embedded_store_rebuilds_it_in_full(old_db, tmp_path):
    from graph.embedded_store import EmbeddedStore

    folder = tmp_path / "plans"
    write_folder(folder, {"wuxing.txt": "wuxing.txt"})
    with EmbeddedStore(old_db) as s:
        with pytest.raises(StoreFormatError, match="--keep-missing cannot keep"):
            build(folder, s, similarity="none", progress=False, keep_missing=True, cache_dir=None)
        assert s.stored_format() is None and s.read("MATCH (p:Plan) RETURN count(p)").rows == [[2]]
        report = build(folder, s, similarity="none", progress=False, cache_dir=None)
        assert report.reset and "format 0" in report.reset and not report.failed
        assert s.stored_format() == STORE_FORMAT
        s.check_format()
        got = s.dump()
    assert got == _fresh_dump(folder, tmp_path)
    assert "plan:yangzhou:2022-80" not in {n["id"] for n in got["nodes"]}


def test_an_incremental_build_over_an_old_neo4j_store_rebuilds_it_in_full(neo4j_store, tmp_path):
    folder = tmp_path / "plans"
    write_folder(folder, {"wuxing.txt": "wuxing.txt"})
    neo4j_store.write(old_records())
    forget_format(neo4j_store)
    with pytest.raises(StoreFormatError, match="--keep-missing cannot keep"):
        build(folder, neo4j_store, similarity="none", progress=False, keep_missing=True, cache_dir=None)
    report = build(folder, neo4j_store, similarity="none", progress=False, cache_dir=None)
    assert report.reset and not report.failed
    neo4j_store.check_format()
    assert neo4j_store.dump() == _fresh_dump(folder, tmp_path)


def test_a_build_of_this_format_is_not_reset(embedded_store, tmp_path):
    folder = tmp_path / "plans"
    write_folder(folder, {"wuxing.txt": "wuxing.txt"})
    assert build(folder, embedded_store, similarity="none", progress=False, cache_dir=None).reset is None
    again = build(folder, embedded_store, similarity="none", progress=False, cache_dir=tmp_path / "c")
    assert again.reset is None and embedded_store.stored_format() == STORE_FORMAT
