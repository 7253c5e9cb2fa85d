"""Small Streamlit widgets shared by the pages."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from graph.result_tables import to_csv_bytes, to_xlsx_bytes
from graph.store import QueryResult


def _plain(v: Any) -> Any:
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        try:
            return v.item()  # numpy scalar -> Python
        except (ValueError, AttributeError):
            return v
    return v


def result_of(data: pd.DataFrame | tuple[list[str], list[list[Any]]]) -> QueryResult:
    if isinstance(data, pd.DataFrame):
        rows = [[None if (not isinstance(v, (list, dict)) and pd.isna(v)) else _plain(v) for v in row]
                for row in data.itertuples(index=False, name=None)]
        return QueryResult([str(c) for c in data.columns], rows)
    cols, rows = data
    return QueryResult(list(cols), [list(r) for r in rows])


def downloads(data: pd.DataFrame | tuple[list[str], list[list[Any]]] | Callable[[], Any], name: str,
              key: str) -> None:
    """CSV (UTF-8 with BOM) and XLSX download buttons for one table; given a function that makes the
    table, the files are made only when a button is clicked."""
    if callable(data):
        make = data
        c1, c2, _ = st.columns([1, 1, 4])
        c1.download_button("Download CSV", lambda: to_csv_bytes(result_of(make())), file_name=f"{name}.csv",
                           mime="text/csv", key=f"{key}_csv", on_click="ignore")
        c2.download_button("Download XLSX", lambda: to_xlsx_bytes(result_of(make()), sheet=name),
                           file_name=f"{name}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"{key}_xlsx", on_click="ignore")
        return
    res = result_of(data)
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button("Download CSV", to_csv_bytes(res), file_name=f"{name}.csv", mime="text/csv",
                       key=f"{key}_csv", on_click="ignore")
    c2.download_button("Download XLSX", to_xlsx_bytes(res, sheet=name), file_name=f"{name}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"{key}_xlsx", on_click="ignore")


def table(data: pd.DataFrame, name: str, key: str, **kw: Any) -> None:
    """A table with its downloads, whose files are made when a button is clicked (an XLSX of a thousand
    rows on every run of the page cost more than the page's queries)."""
    st.dataframe(data, hide_index=True, width="stretch", **kw)
    downloads(lambda: data, name, key)


def paged_table(data: pd.DataFrame, name: str, key: str, per_page: int = 100, what: str = "rows", **kw: Any) -> None:
    """A table shown a page of ``per_page`` rows at a time (a page number to choose when there are more), its
    downloads holding every row: a thousand regions' rows with their quotes were a page's largest message."""
    from explorer.views import page_of

    shown, pages = page_of(data, 1, per_page)
    if pages > 1:
        n = int(st.number_input(f"Page (of {pages}, {per_page} {what} each)", min_value=1, max_value=pages, value=1,
                                step=1, key=f"{key}_page"))
        shown, _ = page_of(data, n, per_page)
    st.dataframe(shown, hide_index=True, width="stretch", **kw)
    downloads(lambda: data, name, key)


def link_columns(columns: list[str], display: str) -> dict[str, Any]:
    """Column configs that show links whose text the regex `display` takes from the link itself."""
    return {c: st.column_config.LinkColumn(c, display_text=display) for c in columns}
