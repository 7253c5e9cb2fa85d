"""The app's access to the graph: one store per process (st.cache_resource), query results
cached as plain data (st.cache_data, keyed on store, database version, query name and parameters).

The embedded database's version is the identity of the file at its path: a build swaps a
new file in (graph.embedded_store.staged_build), so on the next run of any page the app
sees another version, opens the new file and stops serving results of the old one."""
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
    st.session_state[_REBUILT_KEY] = False


def settings() -> AppSettings:
    s = st.session_state.get(_SETTINGS_KEY)
    if s is None:  # a page run on its own (streamlit run explorer/pages/x.py): same defaults as app.py
        import sys

        from explorer.settings import parse_settings

        s = parse_settings(sys.argv[1:])
        configure(s)
    return s


_VERSION_KEY = "_plangraph_db_version"
_REBUILT_KEY = "_plangraph_rebuilt"


def version(s: AppSettings | None = None) -> str | None:
    """The embedded database file's version now (None for Neo4j, which readers share safely)."""
    s = s or settings()
    if s.store != "embedded":
        return None
    from graph.embedded_store import version_token

    return version_token(s.db)


@st.cache_resource(show_spinner=False, max_entries=2)
def _open_store(kind: str, db: str, version: str | None = None) -> GraphStore:
    from graph.config import open_store

    store = open_store("embedded", db_path=db, read_only=True) if kind == "embedded" else open_store(kind)
    try:
        store.check_format()  # a store another Plangraph built: StoreFormatError, with how to rebuild it
    except BaseException:
        store.close()
        raise
    return store


def store() -> GraphStore:
    """The store of the current database version. When a build has swapped in a new file since
    this session's last run, the new one is opened and ``rebuilt()`` says so for this run."""
    s = settings()
    v = version(s)
    seen = st.session_state.get(_VERSION_KEY, v)
    if v != seen:
        st.session_state[_REBUILT_KEY] = True  # until the next run (configure resets it)
    st.session_state[_VERSION_KEY] = v
    return _open_store(s.store, s.db, v)


def rebuilt() -> bool:
    """True on the first run of this session after the database file was replaced."""
    return bool(st.session_state.get(_REBUILT_KEY))


def _current() -> tuple[str, str, str | None]:
    s = settings()
    return s.store, s.db, version(s)


@st.cache_data(show_spinner=False, max_entries=512)
def _query(kind: str, db: str, version: str | None, name: str, params_json: str) -> dict[str, Any]:
    res = _open_store(kind, db, version).query(name, json.loads(params_json))
    return {"columns": list(res.columns), "rows": [list(r) for r in res.rows], "truncated": res.truncated}


def query(name: str, **params: Any) -> dict[str, Any]:
    """A named query as {'columns', 'rows', 'truncated'} (plain data, cached)."""
    return _query(*_current(), name, json.dumps(params, ensure_ascii=False, sort_keys=True))


def records(name: str, **params: Any) -> list[dict[str, Any]]:
    res = query(name, **params)
    return [dict(zip(res["columns"], r)) for r in res["rows"]]


def frame(name: str, **params: Any) -> pd.DataFrame:
    res = query(name, **params)
    return pd.DataFrame(res["rows"], columns=res["columns"])


@st.cache_data(show_spinner=False, max_entries=8)
def _counts(kind: str, db: str, version: str | None) -> dict[str, int]:
    return dict(_open_store(kind, db, version).counts())


def counts() -> dict[str, int]:
    return _counts(*_current())


@st.cache_data(show_spinner="Serializing the graph as RDF …", max_entries=4)
def _rdf(kind: str, db: str, version: str | None, fmt: str) -> bytes:
    from ontology.rdf_export import serialize

    return serialize(_open_store(kind, db, version).dump(), fmt)


def rdf(fmt: str = "ttl") -> bytes:
    """The whole graph as RDF with the ontology's IRIs (cached per store and version)."""
    return _rdf(*_current(), fmt)
