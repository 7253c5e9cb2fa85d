"""The Streamlit explorer's view helpers.

Plain, testable functions live in the modules beside this one (highlight, graph_view,
tables, console, settings); explorer.data holds the only Streamlit caching, and
explorer/pages/*.py are the thin page scripts that app.py registers with st.navigation.
"""
