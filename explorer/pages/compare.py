"""Compare: which regions target an indicator and at what level; domain coverage; instrument mix."""
import altair as alt
import streamlit as st

from explorer import data, ui
from explorer.views import (category_frame, default_indicator, frame, heatmap_frame, indicator_label,
                            instrument_frame, target_table)

st.title("Compare regions")

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
    ui.table(targets, "indicator_targets", "cmp_targets")
    plot = targets.dropna(subset=["value_norm"]) if "value_norm" in targets else targets.iloc[0:0]
    if not plot.empty:
        unit = next((u for u in plot["unit_norm"] if u), "")
        st.altair_chart(
            alt.Chart(plot).mark_bar().encode(
                x=alt.X("value_norm:Q", title=f"normalized value ({unit})"),
                y=alt.Y("region:N", title=None, sort="-x"),
                color=alt.Color("year:O", title="year"),
                tooltip=["region", "comparator", "value", "unit", "value_norm", "unit_norm", "year", "attribute"],
            ).properties(height=max(120, 28 * len(plot))),
            width="stretch")

# --- domain x region heat map ---------------------------------------------------------------
st.subheader("Policy domains per region")
heat = heatmap_frame(data.records("domain_coverage"))
if heat.empty:
    st.info("No measures are classified into domains yet.")
else:
    base = alt.Chart(heat).encode(
        x=alt.X("domain:N", title="domain", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("region:N", title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("measures:Q", scale=alt.Scale(scheme="blues", domainMin=0)),
        tooltip=["region", "domain", "measures"])
    top = float(heat["measures"].max() or 1)
    labels = base.mark_text(fontSize=12).encode(
        text="measures:Q", color=alt.condition(alt.datum.measures > top / 2, alt.value("white"), alt.value("black")))
    st.altair_chart(cells + labels, width="stretch", height=max(180, 56 * heat["region"].nunique() + 110))
    ui.downloads(data.frame("domain_coverage"), "domain_coverage", "cmp_domains")

# --- instrument mix ---------------------------------------------------------------------------
st.subheader("Instrument mix")
mix_records = data.records("instrument_mix")
mix_regions = sorted({r["region"] for r in mix_records})
if not mix_regions:
    st.info("No policy instruments extracted yet.")
else:
    chosen = st.multiselect("Regions to compare", mix_regions, default=mix_regions[:2], key="cmp_mix_regions")
    mix = instrument_frame(mix_records, chosen)
    cats = category_frame(data.records("instrument_categories"), chosen)
    left, right = st.columns(2)
    with left:
        st.markdown("**Instruments (share of each region's instrument uses)**")
        st.altair_chart(
            alt.Chart(mix).mark_bar().encode(
                x=alt.X("share:Q", stack="normalize", title="share"),
                y=alt.Y("region:N", title=None),
                color=alt.Color("instrument:N"),
                tooltip=["region", "instrument", "category", "uses", "share"],
            ).properties(height=max(120, 40 * max(1, len(chosen)))),
            width="stretch")
    with right:
        st.markdown("**Supply / demand / environmental (Rothwell–Zegveld)**")
        st.altair_chart(
            alt.Chart(cats).mark_bar().encode(
                x=alt.X("share:Q", stack="normalize", title="share"),
                y=alt.Y("region:N", title=None),
                color=alt.Color("category:N", scale=alt.Scale(domain=["supply", "demand", "environmental"])),
                tooltip=["region", "category", "uses", "share"],
            ).properties(height=max(120, 40 * max(1, len(chosen)))),
            width="stretch")
    ui.table(mix.drop(columns=["instrument_en"]), "instrument_mix", "cmp_mix")
    ui.table(cats, "instrument_categories", "cmp_cats")
