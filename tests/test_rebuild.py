"""Rebuilds replace: after editing, deleting and renaming plans, a build over the old store gives
exactly the store a fresh build of the same files gives, on both stores (issue 12, deliver 2)."""
from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from pipeline.build import build
from tests.conftest import PLANS

SEEDS = ("jiaxing.txt", "yangzhou.txt", "ningxia.txt", "wuxi.txt")
ENTRIES = {e["file"]: e for e in tomllib.loads((PLANS / "plans.toml").read_text(encoding="utf-8"))["plan"]}
DELETED_MEASURE_LINE = "8.推進(jìn)社區(qū)便民服務(wù)"  # yangzhou, measure 8 (the file's own script)
OLD_TARGET, NEW_TARGET = "托位數(shù)達(dá)到4.5個", "托位數(shù)達(dá)到5.5個"


def toml_entry(entry: dict) -> str:
    def val(v):
        return str(v) if isinstance(v, int) else '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "[[plan]]\n" + "".join(f"{k} = {val(v)}\n" for k, v in entry.items()) + "\n"


def write_folder(folder: Path, files: dict[str, str], texts: dict[str, str] | None = None) -> None:
    """files: name in the folder -> seed file it is a copy of (its plans.toml entry, renamed)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    meta = []
    for name, seed in files.items():
        text = (texts or {}).get(name)
        if text is None:
            shutil.copy(PLANS / seed, folder / name)
        else:
            (folder / name).write_text(text, encoding="utf-8")
        meta.append(toml_entry({**ENTRIES[seed], "file": name}))
    (folder / "plans.toml").write_text("".join(meta), encoding="utf-8")


def edited_yangzhou() -> str:
    text = (PLANS / "yangzhou.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    kept = [ln for ln in lines if not ln.startswith(DELETED_MEASURE_LINE)]
    assert len(kept) == len(lines) - 1, "the measure line to delete is not in yangzhou.txt any more"
    assert text.count(OLD_TARGET) == 1
    return "\n".join(kept).replace(OLD_TARGET, NEW_TARGET)


def _policies(dump, plan_id):
    return {n["id"]: n for n in dump["nodes"] if n["label"] == "Policy" and n["properties"]["plan_id"] == plan_id}


def _diff(a, b) -> str:
    na = {(n["label"], n["id"]): n for n in a["nodes"]}
    nb = {(n["label"], n["id"]): n for n in b["nodes"]}
    ra = {(r["type"], r["start"], r["end"]): r for r in a["relationships"]}
    rb = {(r["type"], r["start"], r["end"]): r for r in b["relationships"]}
    changed = [k for k in na.keys() & nb.keys() if na[k] != nb[k]]
    return (f"nodes only in rebuild {sorted(na.keys() - nb.keys())[:5]}, only in fresh {sorted(nb.keys() - na.keys())[:5]}, "
            f"changed {changed[:5]}; relationships only in rebuild {sorted(ra.keys() - rb.keys())[:5]}, "
            f"only in fresh {sorted(rb.keys() - ra.keys())[:5]}, "
            f"changed {[k for k in ra.keys() & rb.keys() if ra[k] != rb[k]][:5]}")


def rebuild_equals_fresh(store, tmp_path, fresh_store_of):
    """Build v1, change the folder (edit, delete, rename), rebuild over v1; then a fresh build of v2."""
    v1 = tmp_path / "v1"
    write_folder(v1, {s: s for s in SEEDS})
    r1 = build(v1, store, similarity="lexical", progress=False)
    assert not r1.failed and r1.similar_links > 0
    before = store.dump()
    yz_id = next(p.plan_id for p in r1.plans if p.file == "yangzhou.txt")
    nx_id = next(p.plan_id for p in r1.plans if p.file == "ningxia.txt")
    wx_id = next(p.plan_id for p in r1.plans if p.file == "wuxi.txt")

    # v2, in the same folder: yangzhou loses measure 8 and its 4.5 becomes 5.5; ningxia is
    # deleted (file and entry); wuxi.txt is renamed wuxi_2025.txt
    write_folder(v1, {"jiaxing.txt": "jiaxing.txt", "yangzhou.txt": "yangzhou.txt", "wuxi_2025.txt": "wuxi.txt"},
                 texts={"yangzhou.txt": edited_yangzhou()})
    r2 = build(v1, store, similarity="lexical", progress=False)
    assert not r2.failed and not r2.aborted
    assert [(pid, src) for pid, src, _ in r2.removed] == [(nx_id, "ningxia.txt")]
    assert "left" in r2.removed[0][2]
    rebuilt = store.dump()

    fresh = fresh_store_of(v1)
    assert rebuilt == fresh, _diff(rebuilt, fresh)

    # what changed is exactly what was edited
    old_pols, new_pols = _policies(before, yz_id), _policies(rebuilt, yz_id)
    gone = set(old_pols) - set(new_pols)
    assert len(gone) == 1 and old_pols[gone.pop()]["properties"]["title"].startswith("推进社区便民服务")
    assert set(new_pols) < set(old_pols), "measure ids must not move when another measure is deleted"
    assert set(_policies(rebuilt, wx_id)) == set(_policies(before, wx_id))  # a rename keeps every id
    plans = {n["id"]: n for n in rebuilt["nodes"] if n["label"] == "Plan"}
    assert nx_id not in plans and plans[wx_id]["properties"]["source_file"] == "wuxi_2025.txt"
    values = {n["properties"].get("value") for n in rebuilt["nodes"]
              if n["label"] == "Target" and n["properties"]["plan_id"] == yz_id}
    assert 5.5 in values and 4.5 not in values
    ids = {n["id"] for n in rebuilt["nodes"]}
    assert not any(i.startswith(("region:ningxia", "agency:ningxia")) for i in ids)
    assert all(r["start"] in ids and r["end"] in ids for r in rebuilt["relationships"])


def test_rebuild_equals_fresh_build_embedded(embedded_store, tmp_path):
    from graph.embedded_store import EmbeddedStore

    def fresh(folder):
        with EmbeddedStore(tmp_path / "fresh.lbug") as other:
            assert not build(folder, other, similarity="lexical", progress=False).failed
            return other.dump()

    rebuild_equals_fresh(embedded_store, tmp_path, fresh)


def test_rebuild_equals_fresh_build_neo4j(neo4j_store, tmp_path):
    def fresh(folder):
        neo4j_store.clear()
        assert not build(folder, neo4j_store, similarity="lexical", progress=False).failed
        return neo4j_store.dump()

    rebuild_equals_fresh(neo4j_store, tmp_path, fresh)


def test_keep_missing_keeps_a_removed_plan(embedded_store, tmp_path):
    folder = tmp_path / "p"
    write_folder(folder, {"jiaxing.txt": "jiaxing.txt", "ningxia.txt": "ningxia.txt"})
    r1 = build(folder, embedded_store, similarity="none", progress=False)
    before = embedded_store.dump()
    write_folder(folder, {"jiaxing.txt": "jiaxing.txt"})
    r2 = build(folder, embedded_store, similarity="none", progress=False, keep_missing=True)
    nx_id = next(p.plan_id for p in r1.plans if p.file == "ningxia.txt")
    assert r2.removed == [] and r2.kept_missing == [(nx_id, "ningxia.txt")]
    assert embedded_store.dump() == before
    r3 = build(folder, embedded_store, similarity="none", progress=False)
    assert [p for p, _, _ in r3.removed] == [nx_id]
    assert nx_id not in embedded_store.stored_plans()


def test_a_plan_that_fails_on_rebuild_keeps_its_stored_version(embedded_store, tmp_path):
    folder = tmp_path / "p"
    write_folder(folder, {"jiaxing.txt": "jiaxing.txt", "ningxia.txt": "ningxia.txt"})
    build(folder, embedded_store, similarity="none", progress=False)
    before = embedded_store.dump()
    (folder / "ningxia.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    report = build(folder, embedded_store, similarity="none", progress=False)
    (bad,) = report.failed
    assert bad.file == "ningxia.txt" and bad.kept and report.removed == []
    assert embedded_store.dump() == before


def test_content_ids_stay_when_unrelated_text_changes():
    from loaders import parse_plan
    from ontology.mapping import map_document

    def ids(path):
        rec = map_document(parse_plan(path, ENTRIES["yangzhou.txt"]))
        return {n.id for n in rec.nodes if n.label in ("Policy", "Target")}

    import tempfile

    with tempfile.TemporaryDirectory() as d:
        edited = Path(d) / "yangzhou.txt"
        text = (PLANS / "yangzhou.txt").read_text(encoding="utf-8")
        # a new measure line before all the others shifts every offset and every number
        first = next(ln for ln in text.split("\n") if ln.startswith("1."))
        edited.write_text(text.replace(first, "1.新增一项措施。组织开展社区服务试点,给予适当补贴。\n" + first, 1),
                          encoding="utf-8")
        a, b = ids(PLANS / "yangzhou.txt"), ids(edited)
    assert a - b == set(), "no old measure or target id may change when a measure is added"
    assert len(b - a) >= 1
