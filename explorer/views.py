"""Plain data shaping for the pages: bilingual names, filter choices, chart frames."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

ANY = "(any)"


def blank(v: Any) -> bool:
    """None, '' or a pandas/float NaN (a missing value once rows went through a DataFrame)."""
    return v is None or v == "" or (isinstance(v, float) and v != v)


def bilingual(name: Any, name_en: Any) -> str:
    """'托育服务 Childcare' — Chinese concept name with its English name (either may be missing)."""
    parts = [str(p) for p in (name, name_en) if not blank(p)]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts = parts[:1]
    return " ".join(parts)


def frame(columns: list[str], rows: list[list[Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def choice_map(records: Iterable[dict[str, Any]], key: str, label: Any) -> dict[str, str]:
    """Display text -> parameter value, preceded by ANY -> '' (the queries' 'any' value)."""
    out = {ANY: ""}
    for r in records:
        text = label(r) if callable(label) else r[label]
        if r.get(key) not in (None, "") and text not in out:
            out[text] = r[key]
    return out


def function_choices(label: str = "{id}") -> dict[str, str]:
    """Agency-function filter: the ontology's closed set of functions (agency_functions.csv), each shown as
    ``label`` formatted with id, name and name_en, preceded by ANY -> ''. From the vocabulary, not the
    graph: listing the functions in use would aggregate every agency of every region."""
    from ontology.vocab import agency_functions

    out = {ANY: ""}
    for f in agency_functions():
        out.setdefault(label.format(id=f.id, name=f.name, name_en=f.name_en), f.id)
    return out


def domain_choices(taxonomy: list[dict[str, Any]]) -> dict[str, str]:
    """Domain filter: display text -> domain id, preceded by ANY -> '' (taxonomy query rows)."""
    return choice_map([r for r in taxonomy if r.get("kind") == "domain"], "id",
                      lambda r: bilingual(r.get("name"), r.get("name_en")))


def default_indicator(records: list[dict[str, Any]]) -> int:
    """Index of the indicator most regions set targets for (the indicators query orders by that)."""
    if not records:
        return 0
    best = max(range(len(records)), key=lambda k: (records[k].get("regions") or 0, records[k].get("targets") or 0, -k))
    return best


def indicator_label(r: dict[str, Any]) -> str:
    name = bilingual(r.get("indicator"), r.get("indicator_en"))
    return f"{name} — {r.get('regions')} regions, {r.get('targets')} targets"


TARGET_COLUMNS = ["region", "level", "comparator", "value", "value_max", "unit", "value_norm", "unit_norm", "year",
                  "baseline_value", "baseline_year", "attribute", "kind", "change_type", "indicator_text", "quote",
                  "plan", "plan_id"]


def target_table(columns: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """indicator_targets rows reordered for reading: who, at what level, by when, with what evidence."""
    idx = {c: k for k, c in enumerate(columns)}
    cols = [c for c in TARGET_COLUMNS if c in idx]
    return cols, [[r[idx[c]] for c in cols] for r in rows]


TARGET_CHART_COLUMNS = ["target", "region", "value_norm", "unit_norm", "comparator", "value", "unit", "year",
                         "attribute"]


def target_chart_frame(targets: pd.DataFrame, regions: Iterable[str], most: int) -> tuple[pd.DataFrame, int]:
    """The bars of the targets chart: the targets with a normalized value of the chosen regions (of every
    region when none is chosen or none of the chosen sets one), at most ``most`` of them, with only the
    columns the chart draws or shows on hover (a chart's data travels whole to the browser: a thousand
    regions' quotes made it the page's largest message and a chart thousands of pixels high). Returns the
    frame and how many targets it leaves out."""
    if "value_norm" not in targets:
        return pd.DataFrame(columns=TARGET_CHART_COLUMNS), 0
    plot = targets.dropna(subset=["value_norm"])
    chosen = set(regions)
    if chosen and plot["region"].isin(chosen).any():
        plot = plot[plot["region"].isin(chosen)]
    plot = plot.copy()
    # one bar per target (a region may have a baseline figure and a target): never stacked
    plot["target"] = [" ".join(str(v) for v in (r, None if blank(y) else int(y), c) if not blank(v))
                      for r, y, c in zip(plot["region"], plot["year"], plot["comparator"])]
    left_out = int(targets["value_norm"].notna().sum()) - min(len(plot), most)  # drawn: the first, by region
    plot = plot[[c for c in TARGET_CHART_COLUMNS if c in plot]].head(most).reset_index(drop=True)
    return plot, left_out


def heatmap_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """domain_coverage -> region, domain (bilingual), measures; every region x domain cell present (0 if none)."""
    df = pd.DataFrame(records, columns=["region", "domain_id", "domain", "domain_en", "measures"])
    if df.empty:
        return pd.DataFrame(columns=["region", "domain", "measures"])
    df["domain"] = [bilingual(a, b) for a, b in zip(df["domain"], df["domain_en"])]
    grid = df.pivot_table(index="region", columns="domain", values="measures", aggfunc="sum", fill_value=0)
    return grid.reset_index().melt(id_vars="region", var_name="domain", value_name="measures")


def instrument_frame(records: list[dict[str, Any]], regions: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(records, columns=["region", "instrument_id", "instrument", "instrument_en", "category", "uses",
                                        "share"])
    if regions:
        df = df[df["region"].isin(regions)]
    df = df.copy()
    df["instrument"] = [bilingual(a, b) for a, b in zip(df["instrument"], df["instrument_en"])]
    return df.reset_index(drop=True)


def category_frame(records: list[dict[str, Any]], regions: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(records, columns=["region", "category", "uses", "share"])
    if regions:
        df = df[df["region"].isin(regions)]
    return df.reset_index(drop=True)


def page_of(df: pd.DataFrame, page: int, per_page: int) -> tuple[pd.DataFrame, int]:
    """Rows of one page (1-based, clamped to the pages there are) and the number of pages (at least 1)."""
    pages = max(1, -(-len(df) // per_page))
    page = min(max(1, page), pages)
    return df.iloc[(page - 1) * per_page:page * per_page], pages


def counts_table(counts: dict[str, int], node_labels: Iterable[str]) -> tuple[list[str], list[list[Any]]]:
    labels = set(node_labels)
    rows = [["node label" if k in labels else "relationship type", k, v] for k, v in counts.items()]
    return ["kind", "name", "count"], rows


def region_summary(r: dict[str, Any]) -> str:
    """'吴兴区 Wuxing (county, in 湖州市, 1 plan)' for the Overview's one-line list of regions."""
    bits = ["level unknown" if blank(r.get("level")) else str(r["level"])]
    if not blank(r.get("parent")):
        bits.append(f"in {r['parent']}")
    n = 0 if blank(r.get("plans")) else int(r["plans"])
    bits.append(f"{n} plan" + ("" if n == 1 else "s"))
    return f"**{bilingual(r.get('region'), r.get('region_en'))}** ({', '.join(bits)})"


# --- instrument mix audit (which measures and quotes stand behind a bar) ------------------------

EVIDENCE_COLUMNS = ["region", "instrument", "measure", "cue", "quote", "plan", "policy_id"]


def instrument_choices(mix: pd.DataFrame, region: str) -> list[tuple[str, str]]:
    """(instrument_id, 'label (n uses)') for one region's bars, most used first."""
    rows = mix[mix["region"] == region].sort_values(["uses", "instrument_id"], ascending=[False, True])
    return [(r.instrument_id, f"{r.instrument} ({int(r.uses)})") for r in rows.itertuples()]


def mix_selection(event: Any) -> tuple[str, str] | None:
    """(region, instrument_id) of the bar clicked in the instrument mix chart, if any."""
    try:
        sel = event["selection"] if isinstance(event, dict) else event.selection
        points = next(iter(sel.values()), None) if hasattr(sel, "values") else None
    except (AttributeError, KeyError, TypeError):
        return None
    if not points:
        return None
    p = points[0] if isinstance(points, list) else points
    region, inst = p.get("region"), p.get("instrument_id")
    return (region, inst) if region and inst else None


def evidence_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """instrument_evidence -> one row per measure using the instrument: the cue words and the quote."""
    df = pd.DataFrame(records, columns=["region", "instrument_id", "instrument", "instrument_en", "category",
                                        "policy_id", "measure", "plan", "cue", "quote", "span_start", "span_end"])
    if df.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    df = df.copy()
    df["instrument"] = [bilingual(a, b) for a, b in zip(df["instrument"], df["instrument_en"])]
    df["cue"] = ["" if blank(c) else str(c) for c in df["cue"]]
    return df[EVIDENCE_COLUMNS].reset_index(drop=True)
