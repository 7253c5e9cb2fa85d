"""The console only reads the graph (issue 12): hostile inputs on both stores, the allowlist's
tokenizer on its own, and the queries a researcher types still working.

Every hostile input must be refused by the clause allowlist (graph/cypher_guard.py) before any
engine sees it, leave the store exactly as it was, and never leak a canary: a file with a unique
marker that the inputs try to read, and a local HTTP server that counts the requests they try
to make.
"""
from __future__ import annotations

import http.server
import threading
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.console import run_console
from graph import cypher_guard
from graph.cypher_guard import CypherRefused
from graph.queries import all_queries
from tests.graph_fixture import comparison_graph

MARKER = f"CANARY-{uuid.uuid4().hex}"

# {canary}: a file holding MARKER; {url}: the counting HTTP server; {tmp}: a scratch folder.
HOSTILE = [
    # files and URLs
    "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN * LIMIT 3",
    "LOAD FROM '{canary}' (file_format='csv', header=false) RETURN *",
    "load from '{canary}' return *",
    "LOAD WITH HEADERS (a STRING) FROM '{canary}' RETURN *",
    "MATCH (n:Region) WITH n LIMIT 1 LOAD FROM '{canary}' RETURN *",
    "LOAD CSV FROM 'file://{canary}' AS row RETURN row",
    "LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV FROM '{url}/a.csv' AS row RETURN row",
    "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM '{url}/b.csv' AS row RETURN row",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file://{canary}' AS r CREATE (:Region {{id: r[0]}})",
    "COPY Region FROM '{canary}'",
    "COPY (MATCH (r:Region) RETURN r.id) TO '{tmp}/out.csv'",
    "ATTACH '{tmp}/other.lbug' AS other (dbtype lbug)",
    "INSTALL httpfs",
    "LOAD EXTENSION httpfs",
    "EXPORT DATABASE '{tmp}/export'",
    "IMPORT DATABASE '{tmp}/export'",
    "RETURN apoc.load.json('{url}/c.json')",
    "CALL apoc.load.json('{url}/d.json') YIELD value RETURN value",
    "RETURN `apoc`.`load`.json('file://{canary}')",
    "RETURN apoc . load . csv ('file://{canary}')",
    "ＬＯＡＤ FROM '{canary}' RETURN *",
    # server administration and other sessions
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD *",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW DATABASES",
    "SHOW SETTINGS",
    "CALL dbms.listConfig()",
    "CALL dbms.components() YIELD name RETURN name",
    "CALL db.stats.collect('QUERIES')",
    "CALL db.stats.clear('QUERIES')",
    "WITH 1 AS x CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data",
    "CALL threads=1",
    "USE system SHOW USERS",
    "CYPHER runtime=slotted MATCH (n) DETACH DELETE n",
    "PROFILE MATCH (n) DETACH DELETE n",
    "BEGIN TRANSACTION",
    "CHECKPOINT",
    # several statements
    "RETURN 1; MATCH (n:Plan) DETACH DELETE n",
    "RETURN 1;MATCH (n) DETACH DELETE n;",
    "RETURN 1 /* c */ ; MATCH (n) DELETE n",
    "RETURN 'a;b'; LOAD FROM '{canary}' RETURN *",
    "CALL show_tables() RETURN *; DROP TABLE Region",
    # comments, strings, backticks and whitespace used to hide a clause
    "RETURN 1 //\nMATCH (n) DETACH DELETE n",
    "RETURN 1 // x\u2028MATCH (n) DETACH DELETE n",
    "MATCH (n) WHERE n.id = 'x' /* hidden */ DETACH DELETE n",
    "MATCH (r:Region) RETURN r /* unterminated",
    "RETURN 'unterminated",
    "RETURN `unterminated",
    "MATCH (r:Region)\u00a0DETACH\u3000DELETE r",
    "MATCH (r:Region)\u2003SET r.name = 'x'",
    "RETURN 1\u200b; MATCH (n) DELETE n",
    "MATCH (n) WITH n, 1DELETE n",
    "MATCH (r:Region) RETURN 1.DELETE",
    # writes, in any case
    "CREATE (:Region {{id: 'region:evil', name: 'x'}})",
    "cReAtE (:Region {{id: 'region:evil'}})",
    "MERGE (:Region {{id: 'region:evil'}})",
    "MATCH (r:Region) SET r.name = 'x'",
    "MATCH (r:Region) DETACH DELETE r",
    "match (r:region) detach delete r",
    "MATCH (r:Region) REMOVE r.name",
    "MATCH (r:Region) FOREACH (x IN [1] | SET r.name = 'x')",
    "INSERT (:Region {{id: 'region:evil'}})",
    "DROP TABLE Region",
    "ALTER TABLE Region ADD evil STRING",
    "MATCH (r:Region) RETURN r.id AS id NEXT MATCH (m) DETACH DELETE m",
    # subqueries with a write or a file read inside
    "CALL {{ MATCH (r:Region) DETACH DELETE r }}",
    "MATCH (r:Region) CALL (r) {{ DETACH DELETE r }}",
    "MATCH (r:Region) CALL {{ WITH r DELETE r }} RETURN 1",
    "MATCH (n) RETURN COUNT {{ MATCH (m) DETACH DELETE m }} AS c",
    "MATCH (n) WHERE EXISTS {{ LOAD CSV FROM 'file://{canary}' AS r RETURN r }} RETURN n",
    "MATCH (n) RETURN n UNION MATCH (m) DETACH DELETE m RETURN m",
]

ALLOWED = [
    ("MATCH (n) /* ; */ RETURN count(n) AS c", None),
    ("RETURN 'a;b' AS s", [["a;b"]]),
    ("RETURN \"it's \\\"quoted\\\"\" AS s", [["it's \"quoted\""]]),
    ("MATCH (r:Region) // a comment; DELETE\nRETURN count(r) AS c", [[4]]),
    ("MATCH (r:Region) RETURN count(r) AS c;", [[4]]),
    ("match (r:Region) where r.name starts with '吴' return r.id as id", [["region:wuxing"]]),
    ("MATCH (r:Region)\u00a0RETURN r.name AS `set` ORDER BY `set` LIMIT 1", None),
    ("UNWIND ['a', 'b'] AS x RETURN toUpper(x) AS u ORDER BY u", [["A"], ["B"]]),
    ("MATCH (a:Region)-[:PART_OF*1..2]->(b:Region) RETURN a.id AS src, b.id AS dst ORDER BY src, dst", None),
    ("MATCH (r:Region) WITH r.level AS level, count(*) AS n RETURN level, n ORDER BY level", None),
    ("MATCH (r:Region) OPTIONAL MATCH (r)-[:PART_OF]->(up:Region) RETURN r.id AS id, up.id AS up "
     "ORDER BY id SKIP 1 LIMIT 2", None),
    ("MATCH (r:Region) RETURN CASE WHEN r.level = 'province' THEN 1 ELSE 0 END AS p ORDER BY p DESC LIMIT 1",
     [[1]]),
    ("RETURN size([1, 2]) AS s, coalesce(NULL, 'x') AS c, toLower('AB') AS l", [[2, "x", "ab"]]),
    ("MATCH (r:Region) RETURN r.id AS id UNION MATCH (d:Domain) RETURN d.id AS id", None),
]


@pytest.fixture(scope="module")
def canary(tmp_path_factory):
    folder = tmp_path_factory.mktemp("canary")
    path = folder / "canary.csv"
    path.write_text(f"{MARKER},{MARKER}\n{MARKER},1\n")
    path.chmod(0o644)
    folder.chmod(0o755)
    return path


@pytest.fixture(scope="module")
def http_canary():
    """A local server that answers every GET with the marker and counts the requests."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = f"{MARKER},1\n".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def graph_store(request, tmp_path_factory):
    """Each store once per module, holding the comparison graph (the console tests never write)."""
    if request.param == "embedded":
        from graph.embedded_store import EmbeddedStore

        store = EmbeddedStore(tmp_path_factory.mktemp("lbug") / "graph.lbug")  # writable: the guard alone holds
        store.ensure_schema()
        store.write(comparison_graph())
        yield store
        store.close()
    else:
        store = request.getfixturevalue("neo4j_session_store")
        store.clear()
        store.write(comparison_graph())
        yield store
        store.clear()


@pytest.fixture(scope="module")
def before(graph_store):
    return graph_store.dump()


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_input_is_refused_and_nothing_is_read_or_changed(graph_store, before, template, canary,
                                                                http_canary, tmp_path):
    url, hits = http_canary
    cypher = template.format(canary=canary, url=url, tmp=tmp_path)
    with pytest.raises(CypherRefused) as refused:
        graph_store.read_only_query(cypher)
    out = run_console(graph_store, cypher, "")
    assert out.status == "refused", (cypher, out)
    assert out.message.startswith("Refused: ") and "line " in out.message, out.message
    assert out.rows is None
    assert MARKER not in str(refused.value) and MARKER not in repr(out)
    assert "Traceback" not in out.message
    assert not hits, f"an HTTP request was made: {hits}"
    assert not list(tmp_path.iterdir()), "a file was written"
    assert graph_store.dump() == before


def test_at_least_forty_hostile_inputs():
    assert len(HOSTILE) >= 40 and len(set(HOSTILE)) == len(HOSTILE)


@pytest.mark.parametrize("cypher,rows", ALLOWED)
def test_ordinary_console_queries_still_run(graph_store, before, cypher, rows):
    out = run_console(graph_store, cypher, "")
    assert out.status == "ok", (cypher, out.message)
    if rows is not None:
        assert out.rows == rows
    assert graph_store.dump() == before


NAMED_PARAMS = {"indicator_targets": {"indicator": "indicator:childcare-places"},
                "policy_evidence": {"policy": "x"}, "neighbourhood": {"ids": ["region:wuxing"]},
                "similar_measures": {"policy": "x"}}


@pytest.mark.parametrize("name", sorted(all_queries()))
def test_every_named_query_passes_the_guard_on_both_stores(graph_store, name):
    q = all_queries()[name]
    assert cypher_guard.check(q.text, cypher_guard.NEO4J) == q.text
    assert cypher_guard.check(q.text, cypher_guard.EMBEDDED) == q.text
    params = q.bind({k: v for k, v in NAMED_PARAMS.get(name, {}).items() if k in {p.name for p in q.params}}
                    | {p.name: "x" for p in q.params if p.required and p.name not in NAMED_PARAMS.get(name, {})})
    res = graph_store.read_only_query(q.text, params)
    assert list(res.columns) == list(q.columns)


# --- the tokenizer and the allowlist on their own -------------------------------------------------

@pytest.mark.parametrize("cypher,word", [
    ("RETURN 1 //\nDELETE", "DELETE"),
    ("MATCH (n) /* */ SET n.x = 1", "SET"),
    ("MATCH (n) RETURN n SKIP 1 FINISH", "FINISH"),
    ("RETURN db.stats.collect('x')", "db.stats.collect"),
    ("MATCH (n) RETURN dbms.info()", "dbms.info"),
    ("CALL db.labels() YIELD label RETURN label UNION CALL dbms.listConfig()", "dbms.listConfig"),
    ("RETURN 1 AS x; ", None),
])
def test_refusals_name_the_clause_and_its_position(cypher, word):
    if word is None:
        assert cypher_guard.check(cypher) == "RETURN 1 AS x"
        return
    with pytest.raises(CypherRefused) as e:
        cypher_guard.check(cypher)
    assert word in str(e.value) and "line " in str(e.value) and "column " in str(e.value)


def test_tokenizer_understands_strings_comments_backticks_and_parameters():
    toks = cypher_guard.tokenize("MATCH (`a``b`:L {k: $p, s: 'x\\'; //'}) // c ; d\nRETURN \"/* no */\"")
    kinds = [(t.kind, t.value) for t in toks]
    assert ("name", "a`b") in kinds and ("param", "p") in kinds
    assert ("string", "x\\'; //") in kinds and ("string", "/* no */") in kinds
    assert not any(t.value in ("c", "d", ";") for t in toks)


def test_position_is_line_and_column():
    with pytest.raises(CypherRefused, match=r"line 3, column 3"):
        cypher_guard.check("MATCH (n)\nWITH n\n  DELETE n")


def test_procedure_allowlist_is_per_store():
    assert cypher_guard.check("CALL db.labels() YIELD label RETURN label", cypher_guard.NEO4J)
    assert cypher_guard.check("CALL show_tables() RETURN *", cypher_guard.EMBEDDED)
    with pytest.raises(CypherRefused, match="show_tables"):
        cypher_guard.check("CALL show_tables() RETURN *", cypher_guard.NEO4J)
    with pytest.raises(CypherRefused, match="db.labels"):
        cypher_guard.check("CALL db.labels()", cypher_guard.EMBEDDED)


def test_read_procedures_run_on_their_store(graph_store):
    if graph_store.kind == "neo4j":
        res = graph_store.read_only_query("CALL db.labels() YIELD label RETURN label ORDER BY label")
        assert ["Region"] in res.rows
    else:
        res = graph_store.read_only_query("CALL show_tables() RETURN *")
        assert res.rows


# --- parameters and timeouts (issue 12, item 8) ----------------------------------------------------

def test_out_of_range_integer_parameter_is_a_clear_message(graph_store):
    out = run_console(graph_store, "RETURN $n AS n", '{"n": 123456789012345678901234567890}')
    assert out.status == "error" and "64-bit" in out.message and "parameter n" in out.message
    out = run_console(graph_store, "RETURN $n AS n", '{"n": [1, 99999999999999999999]}')
    assert out.status == "error" and "parameter n[1]" in out.message
    assert run_console(graph_store, "RETURN $n AS n", '{"n": 9223372036854775807}').rows == [[9223372036854775807]]


def test_timeouts_say_the_limit(graph_store):
    from graph.store import StoreError

    slow = ("UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b WITH a, b WHERE (a * b) % 7 = 3 "
            "RETURN count(*) AS n")
    with pytest.raises(StoreError, match=r"timed out after 0\.5 s"):
        graph_store.read_only_query(slow, timeout=0.5)


# --- properties: hiding places and harmless decoration ------------------------------------------

_SEPARATORS = st.lists(st.sampled_from([" ", "\n", "\t", "\r\n", "\u00a0", "\u3000", "\u2003", "/* x */",
                                        "/* ; */", "// c\n", "\u2028"]), min_size=1, max_size=3).map("".join)
_WORDS = st.sampled_from(sorted(cypher_guard.FORBIDDEN_WORDS))


@settings(max_examples=300, deadline=None)
@given(word=_WORDS, sep1=_SEPARATORS, sep2=_SEPARATORS,
       case=st.sampled_from([str.upper, str.lower, str.title]))
def test_a_forbidden_word_is_refused_wherever_it_hides(word, sep1, sep2, case):
    w = case(word)
    for cypher in (f"MATCH (n){sep1}{w}{sep2}n", f"{w}{sep1}(n)", f"RETURN 1{sep1}AS x{sep2}{w} x",
                   f"MATCH (n) WHERE EXISTS {{{sep1}MATCH (n){sep2}{w} n }} RETURN n"):
        with pytest.raises(CypherRefused):
            cypher_guard.check(cypher)


@settings(max_examples=200, deadline=None)
@given(seps=st.lists(_SEPARATORS, min_size=12, max_size=12))
def test_comments_and_blanks_between_tokens_change_nothing(seps):
    parts = ["MATCH", "(r:Region)", "WHERE", "r.name", "<>", "';'", "RETURN", "count(r)", "AS", "c", "ORDER BY c",
             "LIMIT 1"]
    cypher = "".join(p + s for p, s in zip(parts, seps))
    assert cypher_guard.check(cypher).startswith("MATCH")
