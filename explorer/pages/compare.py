"""Compare: the indicators x regions matrix first; then one indicator's targets, domain coverage, the instrument
mix and the measures behind each of its bars."""
import altair as alt
import streamlit as st

from explorer import data, ui
from explorer.views import (
    category_frame,
    default_indicator,
    domain_choices,
    evidence_frame,
    frame,
    heatmap_frame,
    indicator_label,
    instrument_choices,
    instrument_frame,
    mix_selection,
    target_chart_frame,
    target_table,
)
from graph.matrix import build_matrix, evidence_text, to_data_cube

DEFAULT_REGIONS = 8  # regions the matrix and the heat map show first
MIX_REGIONS = 4      # regions the instrument mix shows first
CHART_TARGETS = 40   # bars the targets chart draws at most
TABLE_ROWS = 100     # rows of a long table shown at a time (its downloads hold all)

st.title("Compare regions")

# --- the comparison matrix: indicators x regions ---------------------------------------------
st.subheader("Indicators × regions")
# Charts ask for chosen regions, never for all of them at once (a thousand regions make neither a readable
# chart nor a fast query); the default is the regions whose plans hold most targets.
all_regions = [r["region"] for r in data.records("regions") if r.get("plans")]
largest = [r["region"] for r in data.records("top_regions", limit=DEFAULT_REGIONS)] or all_regions[:DEFAULT_REGIONS]
c1, c2 = st.columns([3, 2])
chosen_regions = c1.multiselect(f"Regions (default: the {DEFAULT_REGIONS} with most targets)", all_regions,
                                default=largest, key="mx_regions")
domains = domain_choices(data.records("taxonomy"))
domain_label = c2.selectbox("Domain", list(domains), index=0, key="mx_domain")
matrix_rows = data.records("compare_matrix", regions=chosen_regions, domain=domains[domain_label]) \
    if chosen_regions else []
matrix = build_matrix(matrix_rows, chosen_regions)
if not chosen_regions:
    st.info("Choose one or more regions to compare.")
elif not matrix.rows:
    st.info("No targets for these regions and this domain.")
else:
    st.caption(f"{len(matrix.rows)} indicators, {len(matrix.shared)} stated by two or more regions (first); "
               "each cell: value and comparator, year, baseline, 约束性/预期性, ⚠ where the regions' levels or "
               "years differ; click a cell for its quoted evidence. Concepts are lined up by indicator "
               "resolution; curate them in ontology/vocab/indicator_alignment.csv.")
    with st.expander("Indicators that should share a row, or should not?"):
        st.markdown(
            "Rows are indicator concepts: names of different plans joined by indicator resolution "
            "(the parts of each name: what is measured, per whom, with which restrictive qualifiers, in which "
            "unit). To correct it, add rows to `ontology/vocab/indicator_alignment.csv` — `same,a,b` joins two "
            "names, `not_same,a,b` keeps them apart, `concept,a,,id,name,unit` names a new concept — and "
            "rebuild. `python -m graph indicators --suggest` lists the near pairs left apart with the reason; "
            "`python -m graph indicators --unaligned` lists the concepts only one plan states.")
    cols, body = matrix.table(links=True)
    st.dataframe(frame(cols, body), hide_index=True, width="stretch",
                 column_config=ui.link_columns(matrix.regions, r"#(.*)$"), key="mx_table")
    # the files are made when a button is clicked, not on every run (the Data Cube takes a second)
    ui.downloads(matrix.tidy, "comparison_matrix", "mx_dl")
    st.download_button("Download RDF Data Cube (Turtle)", lambda: to_data_cube(matrix),
                       file_name="comparison_matrix.ttl", mime="text/turtle", key="mx_ttl", on_click="ignore")
    ev = st.query_params.get("evidence")
    cell = matrix.cell(ev) if ev else None
    if cell is not None:
        st.info(evidence_text(cell))

# --- targets of one indicator across regions ------------------------------------------------
st.subheader("Targets per indicator")
indicators = data.records("indicators")
if not indicators:
    st.info("No targets in the graph yet.")
else:
    labels = [indicator_label(r) for r in indicators]
    choice = st.selectbox("Indicator", labels, index=default_indicator(indicators), key="cmp_indicator")
    ind = indicators[labels.index(choice)]
    res = data.query("indicator_targets", indicator=ind["indicator_id"])
    cols, rows = target_table(res["columns"], res["rows"])
    targets = frame(cols, rows)
    regions_with = sorted(set(targets["region"])) if not targets.empty else []
    st.markdown(f"**{len(regions_with)} regions** set a target or figure for this indicator: "
                + "、".join(regions_with))
    ui.paged_table(targets, "indicator_targets", "cmp_targets", TABLE_ROWS, "targets")
    plot, left_out = target_chart_frame(targets, chosen_regions, CHART_TARGETS)
    if left_out:
        st.caption(f"The chart draws the targets of the regions chosen for the matrix above, at most "
                   f"{CHART_TARGETS}; "
                   f"{left_out} more are in the table.")
    if not plot.empty:
        unit = next((u for u in plot["unit_norm"] if u), "")
        st.altair_chart(
            alt.Chart(plot).mark_bar().encode(
                x=alt.X("value_norm:Q", title=f"normalized value ({unit})", stack=None),
                y=alt.Y("target:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240)),
                color=alt.Color("region:N", legend=None),
                tooltip=["region", "comparator", "value", "unit", "value_norm", "unit_norm", "year", "attribute"],
            ),
            width="stretch", height=max(140, 30 * len(plot) + 60))

# --- domain x region heat map ---------------------------------------------------------------
st.subheader("Policy domains per region")
st.caption("For the regions chosen for the matrix above.")
heat = heatmap_frame(data.records("domain_coverage", regions=chosen_regions) if chosen_regions else [])
if heat.empty:
    st.info("No measures are classified into domains yet.")
else:
    base = alt.Chart(heat).encode(
        x=alt.X("region:N", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("domain:N", title=None, axis=alt.Axis(labelLimit=260)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("measures:Q", scale=alt.Scale(scheme="blues", domainMin=0)),
        tooltip=["region", "domain", "measures"])
    top = float(heat["measures"].max() or 1)
    labels = base.mark_text(fontSize=12).encode(
        text="measures:Q", color=alt.condition(alt.datum.measures > top / 2, alt.value("white"), alt.value("black")))
    st.altair_chart(cells + labels, width="stretch", height=max(160, 30 * heat["domain"].nunique() + 60))
    ui.downloads(lambda: data.frame("domain_coverage", regions=chosen_regions), "domain_coverage", "cmp_domains")

def instrument_audit(mix, event) -> None:
    """The measures behind one bar of the instrument mix: region + instrument -> measure, cue words, quote."""
    st.markdown("**Behind a bar: the measures, cue words and quotes**")
    if mix.empty:
        return
    regions = sorted(set(mix["region"]))
    picked = mix_selection(event)
    clicked = picked if picked and picked[0] in regions and picked != st.session_state.get("cmp_audit_picked") \
        else None
    if clicked:  # a clicked bar drives the two choices below
        st.session_state["cmp_audit_picked"] = clicked
        st.session_state["cmp_audit_region"] = clicked[0]
    if st.session_state.get("cmp_audit_region") not in regions:
        st.session_state["cmp_audit_region"] = regions[0]
    left, right = st.columns(2)
    region = left.selectbox("Region", regions, key="cmp_audit_region")
    choices = instrument_choices(mix, region)
    labels = [label for _, label in choices]
    if clicked:
        st.session_state["cmp_audit_instrument"] = next((lb for i, lb in choices if i == clicked[1]), labels[0])
    if st.session_state.get("cmp_audit_instrument") not in labels:
        st.session_state["cmp_audit_instrument"] = labels[0]
    label = right.selectbox("Instrument", labels, key="cmp_audit_instrument")
    inst = choices[labels.index(label)][0]
    ev = evidence_frame(data.records("instrument_evidence", region=region, instrument=inst))
    st.caption(f"{len(ev)} measure(s) of {region} coded {label}; the cue is the words that evidence it.")
    ui.table(ev, "instrument_evidence", "cmp_evidence")


# --- instrument mix ---------------------------------------------------------------------------
st.subheader("Instrument mix")
if not all_regions:
    st.info("No policy instruments extracted yet.")
else:
    chosen = st.multiselect("Regions to compare", all_regions, default=largest[:MIX_REGIONS], key="cmp_mix_regions")
    mix = instrument_frame(data.records("instrument_mix", regions=chosen) if chosen else [], chosen)
    cats = category_frame(data.records("instrument_categories", regions=chosen) if chosen else [], chosen)
    # full width: the instrument legend is long
    st.markdown("**Instruments (share of each region's instrument uses)** — click a bar to see its measures")
    bar = alt.selection_point(name="mix_bar", fields=["region", "instrument_id"])
    mix_event = st.altair_chart(
        alt.Chart(mix).mark_bar().encode(
            x=alt.X("share:Q", stack="normalize", title="share"),
            y=alt.Y("region:N", title=None),
            color=alt.Color("instrument:N", scale=alt.Scale(scheme="tableau20"),
                            legend=alt.Legend(labelLimit=260, columns=1)),
            opacity=alt.condition(bar, alt.value(1.0), alt.value(0.45)),
            tooltip=["region", "instrument", "category", "uses", "share"],
        ).add_params(bar),
        width="stretch", height=max(160, 18 * mix["instrument"].nunique() + 40, 60 * max(1, len(chosen)) + 60),
        on_select="rerun", key="cmp_mix_chart")
    st.markdown("**Supply / demand / environmental (Rothwell–Zegveld)**")
    st.altair_chart(
        alt.Chart(cats).mark_bar().encode(
            x=alt.X("share:Q", stack="normalize", title="share"),
            y=alt.Y("region:N", title=None),
            color=alt.Color("category:N", scale=alt.Scale(domain=["supply", "demand", "environmental"])),
            tooltip=["region", "category", "uses", "share"],
        ),
        width="stretch", height=max(160, 50 * max(1, len(chosen)) + 60))
    ui.table(mix.drop(columns=["instrument_en"]), "instrument_mix", "cmp_mix")
    ui.table(cats, "instrument_categories", "cmp_cats")
    instrument_audit(mix, mix_event)
