"""The comparison matrix: indicators x regions from the rows of the `compare_matrix` query.

Plain functions (no Streamlit), called by the Compare page, by `python -m graph compare` and
by the tests.  Each cell is one region's statement about one indicator concept: the target
of the latest year where the plan sets one (else the latest figure it states), with its
comparator, value and unit (normalized where the row's units differ but normalize alike), year,
baseline, binding or expected, and the target whose quote is the evidence.  A cell says when
the regions of its row are of different levels (a province next to a district) or state
different years.  Rows that more regions share come first.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote as urlquote

TARGET_KINDS = ("target", "coverage", "annual")
LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}
LEVEL_ZH = {"province": "省级", "prefecture": "市级", "county": "区县级"}
ATTRIBUTE_ZH = {"binding": "约束性", "expected": "预期性", "约束性": "约束性", "预期性": "预期性"}
COMPARATOR_TEXT = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "approx": "≈", "range": ""}
TIDY_COLUMNS = ["indicator_id", "indicator", "indicator_en", "quantity_kind", "region", "region_en", "level", "plan",
                "plan_id", "kind", "comparator", "value", "value_max", "unit", "value_norm", "unit_norm", "year",
                "baseline_value", "baseline_year", "attribute", "note", "indicator_text", "quote", "span_start",
                "span_end", "target_id", "score", "method", "regions_sharing"]


def _num(v: Any) -> str:
    if v is None:
        return ""
    f = float(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


@dataclass
class Cell:
    indicator_id: str
    region: str
    row: dict[str, Any]              # the chosen statement (a compare_matrix row)
    baseline: tuple[Any, Any] = (None, None)  # (value, year)
    notes: list[str] = field(default_factory=list)
    normalized: bool = False          # show value_norm / unit_norm (the row's units differ)
    others: int = 0                   # further statements of this region about this indicator

    @property
    def target_id(self) -> str:
        return self.row["target_id"]

    def value_text(self) -> str:
        r = self.row
        value, vmax, unit = ((r.get("value_norm"), None, r.get("unit_norm")) if self.normalized
                             else (r.get("value"), r.get("value_max"), r.get("unit")))
        if r.get("comparator") == "range" and r.get("value_max") is not None and not self.normalized:
            text = f"{_num(value)}–{_num(vmax)}"
        else:
            text = COMPARATOR_TEXT.get(r.get("comparator") or "=", "") + _num(value)
        return text + (unit if unit and unit != "ratio" else "")

    def text(self) -> str:
        r = self.row
        bits = [self.value_text()]
        if r.get("year"):
            bits.append(str(int(r["year"])))
        if r.get("kind") not in TARGET_KINDS:
            bits.append("现状" if r.get("kind") in ("historic", "baseline") else str(r.get("kind")))
        bv, by = self.baseline
        if bv is not None:
            bits.append(f"基期 {_num(bv)}" + (f" ({int(by)})" if by else ""))
        attr = ATTRIBUTE_ZH.get(r.get("attribute") or "")
        if attr:
            bits.append(attr)
        text = " · ".join(bits)
        if self.notes:
            text += " ⚠ " + "; ".join(self.notes)
        return text

    def link(self) -> str:
        """A link to this cell's quoted evidence on the Compare page (?evidence=<target id>),
        with the cell's text after '#' for the table to display."""
        return f"?evidence={urlquote(self.target_id, safe='')}#{self.text()}"


@dataclass
class MatrixRow:
    indicator_id: str
    indicator: str
    indicator_en: str | None
    quantity_kind: str | None
    aliases: str | None
    cells: dict[str, Cell]
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.indicator + (f" {self.indicator_en}" if self.indicator_en else "")


@dataclass
class Matrix:
    regions: list[str]
    rows: list[MatrixRow]
    levels: dict[str, str]

    @property
    def shared(self) -> list[MatrixRow]:
        return [r for r in self.rows if len(r.cells) > 1]

    def table(self, links: bool = False) -> tuple[list[str], list[list[Any]]]:
        """Indicator, kind, regions sharing it, then one column per region (cell text or link)."""
        cols = ["indicator", "kind", "regions", *self.regions, "note"]
        rows = []
        for r in self.rows:
            cells = [(r.cells[g].link() if links else r.cells[g].text()) if g in r.cells else None
                     for g in self.regions]
            rows.append([r.label, r.quantity_kind, len(r.cells), *cells, "; ".join(r.notes) or None])
        return cols, rows

    def tidy(self) -> tuple[list[str], list[list[Any]]]:
        """One row per cell with every field and its evidence: the download."""
        out = []
        for r in self.rows:
            for g in self.regions:
                c = r.cells.get(g)
                if c is None:
                    continue
                s = dict(c.row)
                s["baseline_value"], s["baseline_year"] = c.baseline
                s["note"] = "; ".join(c.notes) or None
                s["regions_sharing"] = len(r.cells)
                out.append([s.get(k) for k in TIDY_COLUMNS])
        return list(TIDY_COLUMNS), out

    def cell(self, target_id: str) -> Cell | None:
        for r in self.rows:
            for c in r.cells.values():
                if c.target_id == target_id:
                    return c
        return None


def _choose(statements: list[dict[str, Any]]) -> tuple[dict[str, Any], tuple[Any, Any]]:
    """The statement a cell shows (the latest target, else the latest figure) and its baseline."""
    def latest(rows):
        return max(rows, key=lambda r: (r.get("year") or 0, r.get("kind") == "target", str(r.get("target_id"))))

    targets = [r for r in statements if r.get("kind") in TARGET_KINDS]
    chosen = latest(targets or statements)
    if chosen.get("baseline_value") is not None:
        return chosen, (chosen["baseline_value"], chosen.get("baseline_year"))
    year = chosen.get("year") or 9999
    before = [r for r in statements if r is not chosen and r.get("kind") not in TARGET_KINDS
              and (r.get("year") or 0) < year and r.get("value") is not None
              and (r.get("unit_norm") == chosen.get("unit_norm"))]
    if targets and before:
        b = latest(before)
        return chosen, (b.get("value"), b.get("year"))
    return chosen, (None, None)


def build_matrix(records: Iterable[dict[str, Any]], regions: list[str] | None = None) -> Matrix:
    """compare_matrix rows -> the matrix (regions: the columns to keep, in this order; None: all)."""
    by: dict[str, dict[str, list[dict[str, Any]]]] = {}
    meta: dict[str, dict[str, Any]] = {}
    levels: dict[str, str] = {}
    for r in records:
        if regions and r["region"] not in regions:
            continue
        by.setdefault(r["indicator_id"], {}).setdefault(r["region"], []).append(r)
        meta.setdefault(r["indicator_id"], r)
        levels[r["region"]] = r.get("level") or ""
    cols = list(regions) if regions else sorted(levels, key=lambda g: (LEVEL_ORDER.get(levels[g], 9), g))
    cols = [g for g in cols if g in levels]
    rows = []
    for ind, per_region in by.items():
        m = meta[ind]
        cells = {}
        for g, statements in per_region.items():
            chosen, base = _choose(statements)
            cells[g] = Cell(ind, g, chosen, base, others=len(statements) - 1)
        row = MatrixRow(ind, m.get("indicator") or ind, m.get("indicator_en"), m.get("quantity_kind"),
                        m.get("aliases"), cells)
        _annotate(row, levels)
        rows.append(row)
    rows.sort(key=lambda r: (-len(r.cells), r.indicator_id))
    return Matrix(cols, rows, {g: levels[g] for g in cols})


def _annotate(row: MatrixRow, levels: dict[str, str]) -> None:
    if len(row.cells) < 2:
        return
    lv = {levels.get(g) for g in row.cells}
    years = {c.row.get("year") for c in row.cells.values()}
    units = {c.row.get("unit") for c in row.cells.values()}
    norms = {c.row.get("unit_norm") for c in row.cells.values()}
    if len(units) > 1 and len(norms) == 1 and None not in norms:
        for c in row.cells.values():
            c.normalized = True
        row.notes.append("units normalized")
    elif len(norms) > 1:
        row.notes.append("units differ: " + "、".join(sorted(str(u) for u in norms)))
    if len(lv) > 1:
        row.notes.append("levels differ: " + ", ".join(sorted((x or "?") for x in lv)))
        for g, c in row.cells.items():
            c.notes.append(LEVEL_ZH.get(levels.get(g, ""), levels.get(g) or "level ?"))
    if len(years) > 1:
        row.notes.append("years differ: " + ", ".join(str(int(y)) if y else "none" for y in
                                                       sorted(years, key=lambda y: y or 0)))
        counts: dict[Any, int] = {}
        for c in row.cells.values():
            counts[c.row.get("year")] = counts.get(c.row.get("year"), 0) + 1
        common = max(counts, key=lambda y: (counts[y], y or 0))
        for c in row.cells.values():
            y = c.row.get("year")
            if y != common:
                c.notes.append(f"year {int(y)}, others {int(common)}" if y and common else
                               ("no year" if not y else "others no year"))


def evidence_text(cell: Cell) -> str:
    """The quoted evidence of a cell, with where it comes from (markdown)."""
    r = cell.row
    where = f"characters {r.get('span_start')}–{r.get('span_end')}" if r.get("span_start") is not None else ""
    how = f"; matched to the concept by {r.get('method')} (score {r.get('score')})" if r.get("method") else ""
    return (f"**{r.get('region')}** — {r.get('plan') or r.get('plan_id')}: “{r.get('quote') or ''}” "
            f"({where}; written as {r.get('indicator_text')!r}{how})")


# --- the RDF Data Cube download ----------------------------------------------------------------------

def to_data_cube(matrix: Matrix, *, title: str = "Plangraph comparison", fmt: str = "ttl") -> bytes:
    """The matrix's cells as qb:Observations of one qb:DataSet (structure pg:targetStructure):
    indicator and region and year as dimensions, the normalized value as sdmx-measure:obsValue with
    its unit as sdmx-attribute:unitMeasure (the value as written and its unit kept beside them),
    comparator and binding/expected as attributes, the quote as prov:value."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

    from model.ids import short_hash
    from ontology.rdf_export import QB, RES, SDMX_ATTR, SDMX_DIM, SDMX_MEAS, bind, iri
    from ontology.schema import PG

    g = bind(Graph())
    cells = [c for r in matrix.rows for c in r.cells.values()]
    ds = RES[f"comparison-{short_hash(*sorted(c.target_id for c in cells))}"]
    g.add((ds, RDF.type, QB.DataSet))
    g.add((ds, QB.structure, PG.targetStructure))
    g.add((ds, DCTERMS.title, Literal(title)))
    g.add((ds, RDFS.comment, Literal(f"{len(matrix.rows)} indicators x {len(matrix.regions)} regions: "
                                     + "、".join(matrix.regions), lang="zh")))
    for r in matrix.rows:
        ind = iri(r.indicator_id)
        g.add((ind, RDFS.label, Literal(r.indicator, lang="zh")))
        for c in r.cells.values():
            s = c.row
            obs = URIRef(f"{ds}/{urlquote(c.target_id, safe=':-_.~')}")
            g.add((obs, RDF.type, QB.Observation))
            g.add((obs, QB.dataSet, ds))
            g.add((obs, PG.indicatorDimension, ind))
            g.add((obs, PROV.wasDerivedFrom, iri(c.target_id)))
            if s.get("region_id"):
                g.add((obs, SDMX_DIM.refArea, iri(s["region_id"])))
                g.add((iri(s["region_id"]), RDFS.label, Literal(s["region"], lang="zh")))
            if s.get("year"):
                g.add((obs, SDMX_DIM.refPeriod, Literal(str(int(s["year"])), datatype=XSD.gYear)))
            value, unit = (s.get("value_norm"), s.get("unit_norm")) if s.get("value_norm") is not None \
                else (s.get("value"), s.get("unit"))
            if value is not None:
                g.add((obs, SDMX_MEAS.obsValue, Literal(float(value), datatype=XSD.double)))
            if unit:
                g.add((obs, SDMX_ATTR.unitMeasure, Literal(unit)))
            if s.get("value") is not None:
                g.add((obs, PG.value, Literal(float(s["value"]), datatype=XSD.double)))
            if s.get("unit"):
                g.add((obs, PG.unit, Literal(s["unit"])))
            for key, prop in (("comparator", PG.comparator), ("attribute", PG.attribute), ("kind", PG.kind)):
                if s.get(key):
                    g.add((obs, prop, Literal(s[key])))
            bv, by = c.baseline
            if bv is not None:
                g.add((obs, PG.baselineValue, Literal(float(bv), datatype=XSD.double)))
            if by:
                g.add((obs, PG.baselineYear, Literal(int(by), datatype=XSD.integer)))
            if s.get("quote"):
                g.add((obs, PROV.value, Literal(s["quote"], lang="zh")))
    return g.serialize(format="json-ld" if fmt == "jsonld" else "turtle").encode("utf-8")
