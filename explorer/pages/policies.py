"""Policies: keyword search with filters, similar measures, and two regions' measures side by side
with their evidence highlighted in the original text."""
import streamlit as st

from explorer import data, ui
from explorer.highlight import legend_html, locate_spans, measure_card_html
from explorer.views import ANY, bilingual, choice_map, function_choices
from ontology.script import to_simplified

ROWS_PER_PAGE = 100

st.title("Policies")

taxonomy = data.records("taxonomy")
regions = choice_map(data.records("regions"), "region", lambda r: bilingual(r["region"], r["region_en"]))
domains = choice_map([t for t in taxonomy if t["kind"] == "domain"], "id", lambda r: bilingual(r["name"], r["name_en"]))
instruments = choice_map([t for t in taxonomy if t["kind"] == "instrument"], "id",
                         lambda r: bilingual(r["name"], r["name_en"]))
keyword = st.text_input("Keyword (Chinese, e.g. 托育)", key="pol_keyword")
f = st.columns(4)
region = f[0].selectbox("Region", list(regions), key="pol_region")
# agencies: the chosen region's (listing every agency of every region would be thousands), and the functions
agencies = function_choices("function: {id}")
if regions[region]:
    agencies.update(choice_map(data.records("lead_agencies", region=regions[region], limit=1000), "agency",
                               lambda r: f"{r['agency']} ({r['region']})"))
domain = f[1].selectbox("Domain", list(domains), key="pol_domain")
instrument = f[2].selectbox("Instrument", list(instruments), key="pol_instrument")
agency = f[3].selectbox("Agency", list(agencies), key="pol_agency")

# The graph's text is simplified script; a keyword typed in traditional script finds it too.
found = data.frame("search_measures", keyword=to_simplified(keyword.strip()), region=regions[region],
                   domain=domains[domain], instrument=instruments[instrument], agency=agencies[agency], limit=500)
st.markdown(f"**{len(found)} measures** match" + (" (first 500 shown)" if len(found) >= 500 else ""))
ui.paged_table(found, "measures", "pol_found", ROWS_PER_PAGE, "measures",
               column_config={"text": st.column_config.TextColumn(width="large")})

if found.empty:
    st.stop()

by_id = {r["policy_id"]: r for r in found.to_dict("records")}


def _label(r):
    return f"{r['region']} · {r['title'] or ''} · {r['policy_id']}"


st.subheader("Similar measures")
picked = st.selectbox("Measure", list(by_id), format_func=lambda k: _label(by_id[k]), key="pol_measure")
similar = data.frame("similar_measures", policy=picked, limit=20)
if similar.empty:
    st.info("No similar measures linked to this one.")
else:
    ui.table(similar, "similar_measures", "pol_similar")

st.subheader("Side by side")
st.html(legend_html())
left_rec = by_id[picked]
other_regions = [r for r in regions if r != ANY and regions[r] != left_rec["region"]]
best = similar.iloc[0].to_dict() if not similar.empty else None
default_region = 0
if best is not None:
    default_region = next((k for k, r in enumerate(other_regions) if regions[r] == best["region"]), 0)
left, right = st.columns(2)


def _card(col, rec):
    ev = data.records("policy_evidence", policy=rec["policy_id"])
    spans, missing = locate_spans(rec["text"] or "", rec["span_start"], ev)
    col.html(measure_card_html(rec["title"], f"{rec['region']} · {rec['section_path'] or ''}", rec["text"], spans))
    facts = [f"{e['relation']}: {e['name']}" for e in ev]
    if facts:
        col.caption(" · ".join(facts))
    if missing:
        col.caption(f"{len(missing)} evidence quote(s) not found in the measure text")


with left:
    st.markdown(f"**{left_rec['region']}**")
    _card(left, left_rec)
with right:
    if not other_regions:
        st.info("Only one region has measures.")
    else:
        region_b = st.selectbox("Compare with region", other_regions, index=default_region, key="pol_region_b")
        others = {r["policy_id"]: r for r in data.records("search_measures", region=regions[region_b], limit=500)}
        if not others:
            st.info("No measures in that region.")
        else:
            ids = list(others)
            idx = ids.index(best["policy_id"]) if best is not None and best["policy_id"] in others else 0
            other = st.selectbox("Measure", ids, index=idx, format_func=lambda k: _label(others[k]),
                                 key="pol_measure_b")
            _card(right, others[other])
