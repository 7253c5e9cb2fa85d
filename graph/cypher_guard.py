"""The console's gate: a single read statement, decided on its tokens before any engine sees it.

An allowlist, not a denylist. The text is tokenized the way both engines read it (strings in
either quote kind with backslash escapes, `//` and `/* */` comments, backtick names, `$params`);
any character the tokenizer does not know is refused rather than guessed at. Then:

- one statement only: a `;` outside strings and comments may only be followed by nothing;
- every bare word is an allowed keyword (MATCH, OPTIONAL, WHERE, WITH, UNWIND, RETURN, ORDER BY,
  SKIP, LIMIT, UNION, DISTINCT, AS, AND/OR/XOR/NOT, CASE … END, IN, IS NULL, STARTS/ENDS WITH,
  CONTAINS, EXISTS {…}, COUNT {…}, COLLECT {…}), a name in a name position (after `.` or `:`,
  a map key), a call of a function on the store's list, or a variable the statement itself
  introduces (a pattern variable, an `AS` alias, an `x IN` iterator);
- known clause words that are not reads (LOAD, COPY, CREATE, CALL, SHOW, …) are refused by name
  wherever they stand, even where an engine might take them for a variable;
- CALL only of a procedure on the store's list (`CALL db.labels()`), never `CALL {…}`.

What passes is then EXPLAINed and run in a READ transaction (Neo4j) or on a read-only database
(embedded) by the store: this module is the first of those layers, not the only one.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from graph.store import ReadOnlyViolation

# Clause words and modifiers a read statement is made of.
ALLOWED_KEYWORDS = frozenset("""
MATCH OPTIONAL WHERE WITH UNWIND RETURN ORDER BY SKIP OFFSET LIMIT UNION ALL DISTINCT AS
AND OR XOR NOT IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END ASC ASCENDING DESC DESCENDING
STARTS ENDS CONTAINS EXISTS COUNT COLLECT ANY NONE SINGLE SHORTEST
""".split())
# Keywords that may stand before "(" without being a function call.
_KEYWORDS_BEFORE_PAREN = frozenset("""
MATCH OPTIONAL WHERE WITH UNWIND RETURN ORDER BY SKIP OFFSET LIMIT UNION ALL DISTINCT AS
AND OR XOR NOT IN IS CASE WHEN THEN ELSE CONTAINS STARTS ENDS
""".split())
# Words that open a statement or a subquery body.
_STARTERS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
_SUBQUERY_OPENERS = frozenset({"EXISTS", "COUNT", "COLLECT"})

# Clause and command words of either engine that are not reads: refused by name wherever they
# stand (a variable with one of these names must be written in backticks).
FORBIDDEN_WORDS = {
    **{w: "writes to the graph" for w in
       "CREATE MERGE SET DELETE DETACH REMOVE DROP FOREACH INSERT ALTER RENAME UPDATE".split()},
    **{w: "reads files or URLs" for w in "LOAD CSV COPY IMPORT EXPORT".split()},
    **{w: "changes the database setup" for w in
       "ATTACH INSTALL UNINSTALL USE CHECKPOINT MACRO GRANT REVOKE DENY START STOP ENABLE".split()},
    **{w: "controls transactions" for w in "BEGIN COMMIT ROLLBACK TRANSACTION TRANSACTIONS PERIODIC".split()},
    **{w: "administers the server" for w in "SHOW TERMINATE DATABASE DATABASES DEALLOCATE REALLOCATE".split()},
    **{w: "is not a read clause" for w in "FINISH LET FILTER NEXT USING YIELD CYPHER SEARCH".split()},
    **{w: "runs or profiles the query itself (the console plans it)" for w in "EXPLAIN PROFILE".split()},
    "CALL": "calls a procedure or subquery (only the listed read procedures may be called)",
    "ON": "belongs to MERGE",
}

# Read functions per store (lower-case; the embedded list also holds the Neo4j names that
# graph/dialect.py rewrites: labels(x)[0], type(r), toString, startNode(r) = n -> struct_extract).
_COMMON_FUNCTIONS = frozenset("""
count collect sum avg min max coalesce id size tolower toupper lower upper trim ltrim rtrim
replace substring left right split reverse abs ceil floor round sign sqrt exp log log10 range head
last tail nodes relationships length labels type tostring
""".split())
NEO4J_FUNCTIONS = _COMMON_FUNCTIONS | frozenset("""
elementid keys properties startnode endnode tointeger tofloat toboolean tostringornull tointegerornull
tofloatornull tobooleanornull stdev stdevp percentilecont percentiledisc isempty pi e any all none single
reduce shortestpath allshortestpaths date datetime localdatetime time localtime duration timestamp
valuetype char_length character_length normalize nullif btrim isnan
""".split())
EMBEDDED_FUNCTIONS = _COMMON_FUNCTIONS | frozenset("""
label string to_int64 to_int32 to_double to_float cast concat contains starts_with ends_with
list_concat list_contains list_distinct list_sort list_reverse list_sum list_extract string_split
array_extract prefix suffix lcase ucase pi any all none single is_acyclic is_trail properties
date timestamp interval to_string startnode struct_extract
""".split())
NEO4J_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys"})
EMBEDDED_PROCEDURES = frozenset({"show_tables", "table_info"})

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9]+)?")
_PUNCT = set("()[]{},.:;|+-*/%^=<>!~?&")
# Every line break any engine might end a // comment at: ending it too early only means
# more text is checked.
_LINE_BREAKS = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_READ_CLAUSES = "MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION"


class CypherRefused(ReadOnlyViolation):
    """A console statement that is not a single read; the message names what and where."""

    def __init__(self, message: str, position: int | None = None, text: str = ""):
        self.position = position
        if position is not None:
            line = text.count("\n", 0, position) + 1
            col = position - (text.rfind("\n", 0, position) + 1) + 1
            message = f"{message} (line {line}, column {col})"
        super().__init__(message)


@dataclass(frozen=True)
class Token:
    kind: str  # word | name (backticked) | string | number | param | punct
    value: str
    pos: int

    @property
    def upper(self) -> str:
        """The keyword form: compatibility-folded (full-width letters are letters), upper case."""
        return unicodedata.normalize("NFKC", self.value).upper() if self.kind == "word" else ""


@dataclass(frozen=True)
class Allowlist:
    functions: frozenset[str]
    procedures: frozenset[str]


NEO4J = Allowlist(NEO4J_FUNCTIONS, NEO4J_PROCEDURES)
EMBEDDED = Allowlist(EMBEDDED_FUNCTIONS, EMBEDDED_PROCEDURES)


def _word_char(c: str) -> bool:
    return c == "_" or c.isalnum()


def tokenize(text: str) -> list[Token]:
    """Tokens of a Cypher text; comments and whitespace dropped. Raises CypherRefused on an
    unterminated string, comment or backtick name, or on a character Cypher has no use for."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            while i < n and text[i] not in _LINE_BREAKS:
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)  # comments do not nest: the first */ ends it
            if end < 0:
                raise CypherRefused("unterminated /* comment", i, text)
            i = end + 2
        elif c in "'\"":
            j = i + 1
            buf = []
            while True:
                if j >= n:
                    raise CypherRefused("unterminated string", i, text)
                if text[j] == "\\":
                    buf.append(text[j:j + 2])
                    j += 2
                    continue
                if text[j] == c:
                    break
                buf.append(text[j])
                j += 1
            out.append(Token("string", "".join(buf), i))
            i = j + 1
        elif c == "`":
            j, buf = i + 1, []
            while True:
                end = text.find("`", j)
                if end < 0:
                    raise CypherRefused("unterminated `name`", i, text)
                buf.append(text[j:end])
                if text.startswith("``", end):  # a doubled backtick is one backtick in the name
                    buf.append("`")
                    j = end + 2
                    continue
                break
            out.append(Token("name", "".join(buf), i))
            i = end + 1
        elif c == "$":
            j = i + 1
            if j < n and text[j] == "`":
                end = text.find("`", j + 1)
                if end < 0:
                    raise CypherRefused("unterminated `name`", j, text)
                j = end + 1
            else:
                while j < n and _word_char(text[j]):
                    j += 1
            if j == i + 1:
                raise CypherRefused("a $ must name a parameter", i, text)
            out.append(Token("param", text[i + 1:j], i))
            i = j
        elif "0" <= c <= "9":
            # Only number characters: letters after a number start a word, which is checked
            # (`1DELETE` is the number 1 and the keyword DELETE to a Cypher lexer).
            m = _NUMBER.match(text, i)
            assert m is not None  # a digit always starts a number
            out.append(Token("number", m.group(), i))
            i = m.end()
        elif _word_char(c):
            j = i + 1
            while j < n and _word_char(text[j]):
                j += 1
            out.append(Token("word", text[i:j], i))
            i = j
        elif c in _PUNCT:
            out.append(Token("punct", c, i))
            i += 1
        else:
            raise CypherRefused(f"unexpected character U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip(), i, text)
    return out


def _is(tok: Token | None, *values: str) -> bool:
    return tok is not None and tok.kind == "punct" and tok.value in values


def _kw(tok: Token | None, *words: str) -> bool:
    return tok is not None and tok.kind == "word" and tok.upper in words


def _qualified_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at tokens[i] (words or `names`), and the index after it."""
    parts = [tokens[i].value]
    j = i + 1
    while j + 1 < len(tokens) and _is(tokens[j], ".") and tokens[j + 1].kind in ("word", "name"):
        parts.append(tokens[j + 1].value)
        j += 2
    return ".".join(parts), j


def check(text: str, allow: Allowlist = NEO4J) -> str:
    """Return the statement to run (a trailing `;` removed) or raise CypherRefused."""
    if not isinstance(text, str):
        raise CypherRefused("the query must be text")
    tokens = tokenize(text)
    for k, tok in enumerate(tokens):
        if _is(tok, ";"):
            if k + 1 < len(tokens):
                raise CypherRefused("only one statement may be run: text follows the ';'", tokens[k + 1].pos, text)
            text = text[:tok.pos]
            tokens = tokens[:k]
            break
    if not tokens:
        raise CypherRefused("there is no query, only comments or blanks")
    first = tokens[0]
    if not (_kw(first, *_STARTERS)):
        word = first.upper or first.value
        if first.upper in FORBIDDEN_WORDS:
            raise CypherRefused(f"{word} is not allowed: it {FORBIDDEN_WORDS[first.upper]}; "
                                f"the console only runs reads ({_READ_CLAUSES})", first.pos, text)
        raise CypherRefused(f"a query must start with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN, "
                            f"not {word!r}", first.pos, text)
    introduced = _introduced_variables(tokens)
    consumed: set[int] = set()  # tokens already judged (procedure names, YIELD lists)
    brackets: list[str] = []  # "(", "[", "map" or "subquery"
    label_ctx = False  # inside a label expression (:A|B)
    for k, tok in enumerate(tokens):
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if tok.kind == "punct":
            if tok.value not in "|&!":
                label_ctx = False
            if tok.value in "([":
                brackets.append(tok.value)
            elif tok.value == "{":
                if _kw(prev, "CALL"):
                    raise CypherRefused("CALL { … } subqueries are not allowed", tok.pos, text)
                if _kw(prev, *_SUBQUERY_OPENERS):
                    brackets.append("subquery")
                    if nxt is not None and not (_kw(nxt, *(_STARTERS - {"CALL"})) or _is(nxt, "(")):
                        opener = prev.upper if prev else ""
                        raise CypherRefused(f"a {opener} {{ … }} subquery must hold a MATCH pattern or a read "
                                            f"query", nxt.pos, text)
                else:
                    brackets.append("map")
            elif tok.value in ")]}" and brackets:
                brackets.pop()  # unbalanced brackets are the engine's syntax error to report
            continue
        if tok.kind not in ("word", "name") or k in consumed:
            continue
        in_map = bool(brackets) and brackets[-1] == "map"
        before_prev = tokens[k - 2] if k >= 2 else None
        u = tok.upper
        if _is(prev, ".") and before_prev is not None and (
                before_prev.kind in ("word", "name", "param") or _is(before_prev, ")", "]", "}", "{", ",")):
            continue  # a property (n.name, {.name}) or a namespace part (judged with its call)
        if (_is(prev, ":") and not in_map) or (in_map and _is(nxt, ":") and not _is(prev, ":")):
            label_ctx = True
            continue  # a label, relationship type or map key
        if label_ctx and _is(prev, "|", "&", "!"):
            if u in FORBIDDEN_WORDS:  # `[x IN l WHERE x:A | …]` also has a | here: a value, so check it
                raise CypherRefused(f"{u} is not allowed: it {FORBIDDEN_WORDS[u]}", tok.pos, text)
            continue  # an alternative label or type (:A|B, :A&B)
        label_ctx = False
        if u == "CALL":
            consumed |= _check_call(tokens, k, allow, text)
            continue
        if u in FORBIDDEN_WORDS:
            raise CypherRefused(f"{u} is not allowed: it {FORBIDDEN_WORDS[u]}; the console only runs reads "
                                f"({_READ_CLAUSES})", tok.pos, text)
        name, after = _qualified_name(tokens, k)
        if after < len(tokens) and _is(tokens[after], "(") and not (tok.kind == "word" and after == k + 1
                                                                  and u in _KEYWORDS_BEFORE_PAREN):
            if name.lower() not in allow.functions:
                raise CypherRefused(f"function {name}() is not on the console's list of read functions",
                                    tok.pos, text)
            consumed.update(range(k, after))
            continue
        if tok.kind == "word" and u in ALLOWED_KEYWORDS:
            continue
        if tok.value.lower() in introduced:
            continue
        raise CypherRefused(f"{tok.value!r} is neither a read keyword nor a variable this query introduces "
                            f"(write a name that clashes with a keyword in `backticks`)", tok.pos, text)
    return text


def _introduced_variables(tokens: list[Token]) -> set[str]:
    """Names the statement binds: pattern and comprehension variables, AS aliases, path names,
    `x IN` iterators. Generous on purpose: forbidden words are refused before this is asked."""
    out = set()
    in_yield = False
    for k, tok in enumerate(tokens):
        if _kw(tok, "YIELD"):
            in_yield = True
            continue
        if in_yield and not (tok.kind in ("word", "name") or _is(tok, ",")):
            in_yield = False
        if in_yield and tok.kind in ("word", "name"):
            if tok.upper in ALLOWED_KEYWORDS:
                in_yield = False
            else:
                out.add(tok.value.lower())
            continue
        if tok.kind not in ("word", "name"):
            continue
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (_is(prev, "(", "[") or _kw(prev, "AS")
                or (_is(nxt, "=") and (_kw(prev, "MATCH") or _is(prev, ",")))
                or (_kw(nxt, "IN") and _is(prev, ","))):
            out.add(tok.value.lower())
    return out


def _check_call(tokens: list[Token], k: int, allow: Allowlist, text: str) -> set[int]:
    """CALL of a listed procedure: `CALL name(…) [YIELD a [AS b], …]`; returns the tokens it judged."""
    call = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None or nxt.kind not in ("word", "name"):
        raise CypherRefused("CALL subqueries are not allowed; only listed read procedures may be called",
                            call.pos, text)
    name, after = _qualified_name(tokens, k + 1)
    if name.lower() not in allow.procedures:
        raise CypherRefused(f"procedure {name} is not on the console's list of read procedures "
                            f"({', '.join(sorted(allow.procedures))})", nxt.pos, text)
    if not (after < len(tokens) and _is(tokens[after], "(")):
        raise CypherRefused(f"CALL {name} must be followed by its arguments in ( )", nxt.pos, text)
    judged = set(range(k + 1, after))
    # Skip the argument list, then accept a YIELD list of plain names.
    depth, j = 0, after
    while j < len(tokens):
        if _is(tokens[j], "("):
            depth += 1
        elif _is(tokens[j], ")"):
            depth -= 1
            if depth == 0:
                break
        j += 1
    j += 1
    if j < len(tokens) and _kw(tokens[j], "YIELD"):
        judged.add(j)
        j += 1
        while j < len(tokens) and (tokens[j].kind in ("word", "name") or _is(tokens[j], ",", "*")):
            if _kw(tokens[j], "WHERE", "RETURN", "WITH", "UNION", "ORDER", "SKIP", "LIMIT", "MATCH", "OPTIONAL",
                   "UNWIND"):
                break
            if tokens[j].kind == "word" and tokens[j].upper in FORBIDDEN_WORDS:
                break
            judged.add(j)
            j += 1
    return judged


def check_params(params: dict[str, Any]) -> None:
    """Parameter values the engines can take: integers within 64 bits, finite numbers, JSON shapes.
    Raises ValueError naming the parameter."""
    def walk(name: str, v: Any) -> None:
        if isinstance(v, bool) or v is None or isinstance(v, str):
            return
        if isinstance(v, int):
            if not INT64_MIN <= v <= INT64_MAX:
                raise ValueError(f"parameter {name}: the integer {v} is outside the 64-bit range "
                                 f"({INT64_MIN} to {INT64_MAX})")
            return
        if isinstance(v, float):
            if not math.isfinite(v):
                raise ValueError(f"parameter {name}: {v} is not a finite number")
            return
        if isinstance(v, list):
            for i, item in enumerate(v):
                walk(f"{name}[{i}]", item)
            return
        if isinstance(v, dict):
            for key, item in v.items():
                if not isinstance(key, str):
                    raise ValueError(f"parameter {name}: map keys must be text")
                walk(f"{name}.{key}", item)
            return
        raise ValueError(f"parameter {name}: a {type(v).__name__} cannot be passed to a query")

    for key, value in params.items():
        if not isinstance(key, str):
            raise ValueError("parameter names must be text")
        walk(key, value)
