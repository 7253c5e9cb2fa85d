"""Overview: what the graph holds — regions, plans, counts, store and similarity method."""
import streamlit as st

from explorer import data, ui
from explorer.views import bilingual, counts_table, frame, region_summary

SUMMARY_REGIONS = 40  # above this many regions the table alone lists them
PLANS_PER_PAGE = 100

st.title("Plangraph")
st.caption("A knowledge graph of Chinese local-government plans: targets, measures, policy instruments and "
           "lead agencies, compared across regions.")

store = data.store()
counts = data.counts()
node_labels = list(store.schema.nodes)

c = st.columns(4)
c[0].metric("Regions", counts.get("Region", 0))
c[1].metric("Plans", counts.get("Plan", 0))
c[2].metric("Measures", counts.get("Policy", 0))
c[3].metric("Targets", counts.get("Target", 0))

st.markdown(f"**Store in use:** {store.describe()}")

sim = data.records("similarity_methods")
if sim:
    st.markdown("**Similarity method:** " + "; ".join(
        f"`{r['method'] or 'unspecified'}` ({r['links']} SIMILAR_TO links, scores "
        f"{(r['min_score'] or 0):.2f}–{(r['max_score'] or 0):.2f})" for r in sim))
else:
    st.markdown("**Similarity method:** none — the graph has no SIMILAR_TO links.")

st.subheader("Regions")
regions = data.frame("regions")
if not regions.empty:
    regions.insert(1, "name", [bilingual(a, b) for a, b in zip(regions["region"], regions["region_en"])])
    if len(regions) <= SUMMARY_REGIONS:
        st.markdown("; ".join(region_summary(r) for r in regions.to_dict("records")))
ui.paged_table(regions, "regions", "ov_regions", PLANS_PER_PAGE, "regions")

st.subheader("Plans")
n_plans = counts.get("Plan", 0)
pages = max(1, -(-n_plans // PLANS_PER_PAGE))
page = 1
if pages > 1:
    page = int(st.number_input(f"Page (of {pages}, {PLANS_PER_PAGE} plans each, by region)", min_value=1,
                               max_value=pages, value=1, step=1, key="ov_plans_page"))
plans = data.frame("plans_overview", skip=(page - 1) * PLANS_PER_PAGE, limit=PLANS_PER_PAGE)
st.dataframe(plans, hide_index=True, width="stretch")
# the files hold every plan, fetched when a button is clicked
ui.downloads(lambda: data.frame("plans_overview", limit=max(n_plans, 1)), "plans", "ov_plans")

st.subheader("Counts per label and relationship type")
cols, rows = counts_table(counts, node_labels)
ui.table(frame(cols, rows), "counts", "ov_counts")

st.subheader("Export the whole graph as RDF")
st.caption("Turtle or JSON-LD with the Plangraph ontology's IRIs (SKOS, ORG, PROV-O, Data Cube, Web Annotation); "
           "it passes the SHACL shapes in ontology/shapes.ttl.")
fmt = st.radio("RDF format", ["ttl", "jsonld"], horizontal=True, key="ov_rdf_fmt")
if st.button("Prepare RDF export", key="ov_rdf_prepare"):
    st.download_button(f"Download plangraph.{fmt}", data.rdf(fmt), file_name=f"plangraph.{fmt}",
                       mime="text/turtle" if fmt == "ttl" else "application/ld+json", key="ov_rdf_download",
                       on_click="ignore")
