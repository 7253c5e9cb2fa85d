"""Agencies: who leads what, per region and function."""
import altair as alt
import streamlit as st

from explorer import data, ui
from explorer.views import bilingual, choice_map, function_choices

st.title("Agencies")

TOP_REGIONS = 8  # the regions shown when none is chosen: those whose plans hold most targets

regions = choice_map(data.records("regions"), "region", lambda r: bilingual(r["region"], r["region_en"]))
functions = function_choices()

c = st.columns([1, 1, 1])
region = c[0].selectbox("Region", list(regions), key="ag_region")
function = c[1].selectbox("Function", list(functions), key="ag_function")
limit = c[2].number_input("Show at most", min_value=5, max_value=1000, value=50, step=5, key="ag_limit")

# no region chosen: the regions whose plans hold most targets (ranking every agency of every region is a
# whole-graph aggregate no page asks for)
shown = [regions[region]] if regions[region] else [r["region_id"] for r in data.records("top_regions",
                                                                                          limit=TOP_REGIONS)]
if not regions[region]:
    st.caption(f"Region (any): the {TOP_REGIONS} regions whose plans hold most targets; choose a region for another.")

st.subheader("Agencies by measures led")
lead = data.frame("lead_agencies", regions=shown, function=functions[function], limit=int(limit))
if lead.empty:
    st.info("No agency leads or is involved in a measure for this selection.")
else:
    st.altair_chart(
        alt.Chart(lead.head(30)).transform_fold(["led", "involved"], as_=["role", "measures"]).mark_bar().encode(
            x=alt.X("measures:Q"),
            y=alt.Y("agency:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color("role:N", scale=alt.Scale(domain=["led", "involved"])),
            tooltip=["agency", "region", "function", "led", "involved"],
        ),
        width="stretch", height=max(140, 24 * min(30, len(lead)) + 60))
ui.table(lead, "lead_agencies", "ag_lead")

st.subheader("Who leads what: functions across regions")
fn = data.frame("agency_functions", regions=shown)  # none shown (a graph without targets): one page of regions
if functions[function]:
    fn = fn[fn["function"] == functions[function]]
if not fn.empty:
    st.altair_chart(
        alt.Chart(fn).mark_rect().encode(
            x=alt.X("region:N", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
            y=alt.Y("function:N", title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color("led:Q", scale=alt.Scale(scheme="greens")),
            tooltip=["function", "region", "agencies", "led"],
        ),
        width="stretch", height=max(140, 26 * fn["function"].nunique() + 60))
ui.table(fn.reset_index(drop=True), "agency_functions", "ag_functions")
