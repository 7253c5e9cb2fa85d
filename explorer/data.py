"""The app's access to the graph: one store per process (st.cache_resource), query results
cached as plain data (st.cache_data, keyed on store, query name and parameters)."""
from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from explorer.settings import AppSettings
from graph.store import GraphStore

_SETTINGS_KEY = "_plangraph_settings"


def configure(settings: AppSettings) -> None:
    """Called by app.py on every run, before the page script."""
    st.session_state[_SETTINGS_KEY] = settings


def settings() -> AppSettings:
    s = st.session_state.get(_SETTINGS_KEY)
    if s is None:  # a page run on its own (streamlit run explorer/pages/x.py): same defaults as app.py
        import sys

        from explorer.settings import parse_settings

        s = parse_settings(sys.argv[1:])
        configure(s)
    return s


@st.cache_resource(show_spinner=False)
def _open_store(kind: str, db: str) -> GraphStore:
    from graph.config import open_store

    if kind == "embedded":
        return open_store("embedded", db_path=db, read_only=True)
    return open_store(kind)


def store() -> GraphStore:
    s = settings()
    return _open_store(s.store, s.db)


@st.cache_data(show_spinner=False, max_entries=512)
def _query(kind: str, db: str, name: str, params_json: str) -> dict[str, Any]:
    res = _open_store(kind, db).query(name, json.loads(params_json))
    return {"columns": list(res.columns), "rows": [list(r) for r in res.rows], "truncated": res.truncated}


def query(name: str, **params: Any) -> dict[str, Any]:
    """A named query as {'columns', 'rows', 'truncated'} (plain data, cached)."""
    s = settings()
    return _query(s.store, s.db, name, json.dumps(params, ensure_ascii=False, sort_keys=True))


def records(name: str, **params: Any) -> list[dict[str, Any]]:
    res = query(name, **params)
    return [dict(zip(res["columns"], r)) for r in res["rows"]]


def frame(name: str, **params: Any) -> pd.DataFrame:
    res = query(name, **params)
    return pd.DataFrame(res["rows"], columns=res["columns"])


@st.cache_data(show_spinner=False)
def _counts(kind: str, db: str) -> dict[str, int]:
    return dict(_open_store(kind, db).counts())


def counts() -> dict[str, int]:
    s = settings()
    return _counts(s.store, s.db)


@st.cache_data(show_spinner="Serializing the graph as RDF …")
def _rdf(kind: str, db: str, fmt: str) -> bytes:
    from ontology.rdf_export import serialize

    return serialize(_open_store(kind, db).dump(), fmt)


def rdf(fmt: str = "ttl") -> bytes:
    """The whole graph as RDF with the ontology's IRIs (cached per store)."""
    s = settings()
    return _rdf(s.store, s.db, fmt)
