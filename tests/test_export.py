"""`python -m graph export --query NAME --format csv|xlsx`: run as a subprocess on a fixture database,
and the files opened again the way a researcher's spreadsheet would."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.graph_fixture import comparison_graph

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from graph.embedded_store import EmbeddedStore

    path = tmp_path_factory.mktemp("exportdb") / "graph.lbug"
    store = EmbeddedStore(path)
    store.ensure_schema()
    store.write(comparison_graph())
    store.close()
    return path


def export(db: Path, out: Path, fmt: str, query: str, *params: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "graph", "export", "--store", "embedded", "--db", str(db), "--query", query,
           "--format", fmt, "--out", str(out)]
    for p in params:
        cmd += ["--param", p]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_csv_export_has_bom_and_chinese(db, tmp_path):
    out = tmp_path / "targets.csv"
    r = export(db, out, "csv", "indicator_targets", "indicator=indicator:childcare-places")
    assert r.returncode == 0, r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for spreadsheet programs"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {(r["region"], float(r["value_norm"]), r["year"]) for r in rows} == {("吴兴区", 4.5, "2025"),
                                                                                ("扬州市", 4.0, "2025")}
    assert all(r["indicator"] == "每千人口拥有3岁以下婴幼儿托位数" for r in rows)
    assert {r["quote"] for r in rows} == {"每千人口拥有3岁以下婴幼儿托位数达到4.5个", "每千人口拥有3岁以下婴幼儿托位数达到4.0个"}
    assert list(rows[0]) == ["region", "level", "plan_id", "plan", "indicator", "indicator_text", "kind",
                             "comparator", "value", "value_max", "unit", "value_norm", "unit_norm", "year",
                             "baseline_value", "baseline_year", "attribute", "change_type", "quote", "span_start",
                             "span_end"]


def test_xlsx_export_reopens_with_openpyxl(db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "mix.xlsx"
    r = export(db, out, "xlsx", "instrument_mix", "region=吴兴区")
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("region", "instrument_id", "instrument", "instrument_en", "category", "uses", "share")
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert {b["region"] for b in body} == {"吴兴区"}
    assert {b["instrument"] for b in body} == {"财政补贴", "政府购买服务"}
    assert isinstance(body[0]["uses"], int) and abs(sum(b["share"] for b in body) - 1.0) < 0.01


def test_xlsx_export_of_list_columns(db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "shared.xlsx"
    r = export(db, out, "xlsx", "shared_indicators")
    assert r.returncode == 0, r.stderr
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][1] == "每千人口拥有3岁以下婴幼儿托位数" and rows[1][4] == 2
    assert "吴兴区" in rows[1][5] and "扬州市" in rows[1][5]  # list cells as JSON text, Chinese unescaped


def test_csv_export_without_parameters(db, tmp_path):
    out = tmp_path / "regions.csv"
    assert export(db, out, "csv", "regions").returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["region"] for r in rows} == {"浙江省", "湖州市", "吴兴区", "扬州市"}


def test_export_errors_are_clear(db, tmp_path):
    r = export(db, tmp_path / "x.csv", "csv", "no_such_query")
    assert r.returncode == 2 and "no query named 'no_such_query'" in r.stderr
    r = export(db, tmp_path / "x.csv", "csv", "indicator_targets")
    assert r.returncode == 2 and "needs the parameter indicator" in r.stderr
    assert not (tmp_path / "x.csv").exists()


def test_command_line_answers_paged_queries_for_every_region(db):
    """The explorer pages regions (region_limit 20); `graph export/query` mean the whole store unless paged."""
    from graph.embedded_store import EmbeddedStore
    from pipeline.cli import _every_region

    store = EmbeddedStore(db, read_only=True)
    try:
        assert _every_region(store, "instrument_mix", {}) == {"region_limit": "4"}      # 4 regions in the store
        assert _every_region(store, "instrument_mix", {"region_limit": "2"}) == {"region_limit": "2"}
        assert _every_region(store, "regions", {}) == {}                                # no paging declared
        assert _every_region(store, "no_such_query", {}) == {}                          # store.query reports it
    finally:
        store.close()
