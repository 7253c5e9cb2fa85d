"""Cypher: a read-only console (EXPLAIN first; writes refused), with the named queries as starting points."""
import pandas as pd
import streamlit as st

from explorer import data, ui
from explorer.console import ROW_CAP, TIMEOUT_S, params_skeleton, run_console
from graph.queries import all_queries

st.title("Cypher console")
st.caption(f"Read-only: one query at a time, made only of MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, "
           f"ORDER BY, SKIP, LIMIT and UNION with read functions; anything else (LOAD, COPY, CALL, SHOW, "
           f"writes, several statements) is refused before it runs, and what passes is planned (EXPLAIN) and "
           f"run read-only. Time limit {TIMEOUT_S} s, at most {ROW_CAP} rows. Neo4j dialect.")

queries = all_queries()
with st.expander("Named queries (load one as a starting point)", expanded=False):
    st.dataframe(pd.DataFrame([{"name": q.name, "purpose": q.purpose,
                                "parameters": ", ".join(f"{p.name}:{p.type}" for p in q.params)}
                               for q in queries.values()]), hide_index=True, width="stretch")
    pick = st.selectbox("Query", list(queries), format_func=lambda n: f"{n} — {queries[n].purpose}",
                        key="cy_pick")
    if st.button("Load", key="cy_load"):
        st.session_state["cy_text"] = queries[pick].text
        st.session_state["cy_params"] = params_skeleton(queries[pick])

st.session_state.setdefault("cy_text", "MATCH (r:Region) RETURN r.name AS region, r.level AS level ORDER BY region")
st.session_state.setdefault("cy_params", "")
cypher = st.text_area("Cypher", key="cy_text", height=160)
params = st.text_area("Parameters (none, or a JSON object)", key="cy_params", height=68)

if st.button("Run", type="primary", key="cy_run"):
    st.session_state["cy_outcome"] = run_console(data.store(), cypher, params)

out = st.session_state.get("cy_outcome")
if out is not None:
    if out.status == "refused":
        st.error(out.message)
    elif out.status == "error":
        st.error(out.message)
    else:
        st.success(out.message)
        if out.truncated:
            st.warning(f"Truncated: only the first {ROW_CAP} rows are shown and downloadable.")
        result = pd.DataFrame(out.rows, columns=out.columns)
        ui.table(result, "query_result", "cy_result")
