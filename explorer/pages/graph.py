"""Graph: an interactive neighbourhood of a measure, indicator, agency or region (pyvis, offline)."""
import streamlit as st
import streamlit.components.v1 as components

from explorer import data, ui
from explorer.graph_view import LOOKUP_LABELS, edges_table, expand, legend_html, to_pyvis_html
from explorer.views import frame

st.title("Graph neighbourhood")

c = st.columns([1, 2, 1, 1])
label = c[0].selectbox("Start from a", LOOKUP_LABELS, key="g_label")
text = c[1].text_input("Name or id contains", key="g_text")
depth = c[2].slider("Depth", 1, 3, 1, key="g_depth")
cap = c[3].number_input("Node cap", min_value=10, max_value=500, value=120, step=10, key="g_cap")

found = data.records("node_lookup", label=label, text=text.strip(), limit=200)
if not found:
    st.info(f"No {label} matches.")
    st.stop()
by_id = {r["id"]: r for r in found}
start = st.selectbox("Node", list(by_id), format_func=lambda k: f"{by_id[k]['name']} · {k}", key="g_start")


def neighbours(ids):
    return data.records("neighbourhood", ids=sorted(ids), limit=int(cap) * 4)


model = expand(start, label, by_id[start]["name"], int(depth), int(cap), neighbours)
st.caption(f"{len(model.nodes)} nodes, {len(model.edges)} relationships, depth {model.depth_reached}"
           + (" — node cap reached" if model.capped else ""))
st.html(legend_html(model.labels))
components.html(to_pyvis_html(model), height=640, scrolling=False)
ui.table(frame(*edges_table(model)), "neighbourhood", "g_edges")
