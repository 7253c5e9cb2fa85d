"""Plangraph explorer: compare Chinese local-government plans as a knowledge graph.

    streamlit run app.py -- --store embedded --db data/graph.lbug
    streamlit run app.py -- --store neo4j

Pages live in explorer/pages/; their logic in plain functions in explorer/.
"""
from __future__ import annotations

import sys

import streamlit as st

from explorer import data
from explorer.settings import parse_settings
from graph.store import StoreError, StoreFormatError

st.set_page_config(page_title="Plangraph", page_icon=":material/map:", layout="wide")

settings = parse_settings(sys.argv[1:])
data.configure(settings)

PAGES = [
    st.Page("explorer/pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("explorer/pages/compare.py", title="Compare", icon=":material/bar_chart:"),
    st.Page("explorer/pages/policies.py", title="Policies", icon=":material/description:"),
    st.Page("explorer/pages/graph.py", title="Graph", icon=":material/hub:"),
    st.Page("explorer/pages/agencies.py", title="Agencies", icon=":material/account_balance:"),
    st.Page("explorer/pages/cypher.py", title="Cypher", icon=":material/terminal:"),
]
page = st.navigation(PAGES)

st.sidebar.markdown("**Plangraph** — Chinese local-government plans compared")
try:
    store = data.store()
    data.counts()  # a server that accepted the driver but cannot answer fails here, with its message
except StoreFormatError as e:  # built by another version of Plangraph: one line saying how to rebuild it
    st.title("Plangraph")
    st.error(str(e))
    st.stop()
except StoreError as e:
    st.title("Plangraph")
    st.error(f"Cannot open the graph store: {e}")
    st.info("Build the graph first: `make build` (or `python -m graph build --store embedded --db data/graph.lbug`).")
    st.stop()
st.sidebar.caption(f"Store: {store.describe()}")
if data.rebuilt():
    st.info("The graph was rebuilt since this page was last shown: now showing the new version.",
            icon=":material/autorenew:")
page.run()
