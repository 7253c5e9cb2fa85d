"""Store-agnostic dump -> RDF with the ontology's IRIs, and SHACL validation of the result.

dump = {"nodes": [{"id", "label", "properties"}], "relationships": [{"type", "start", "end", "properties"}]}

Nodes become resources typed with the ontology class of their label; properties use the
ontology's datatype properties (pg:name, pg:value, ...).  A relationship becomes the plain
triple; when it carries properties it is also described by an rdf:Statement (quote, score,
method).  Evidence (plan_id + span + quote) becomes a Web Annotation SpecificResource
with a TextPositionSelector and a TextQuoteSelector.  Targets are qb:Observations of the
data set pg:targets (refArea = the plan's region, refPeriod = year, obsValue, unitMeasure).
Domains, instruments, indicators and agency functions are SKOS concepts of their schemes.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote as urlquote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from model.ids import short_hash
from ontology import ONTOLOGY_DIR, vocab
from ontology.schema import PG, load_schema

RES = Namespace("https://w3id.org/plangraph/resource/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEAS = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTR = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
TIME = Namespace("http://www.w3.org/2006/time#")
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

_XSD = {"STRING": XSD.string, "INT64": XSD.integer, "DOUBLE": XSD.double, "BOOLEAN": XSD.boolean}
_EVIDENCE_KEYS = ("plan_id", "quote", "span_start", "span_end")


def iri(node_id: str) -> URIRef:
    return RES[urlquote(node_id, safe=":-_.~")]


@lru_cache(maxsize=1)
def _property_iris() -> dict[str, URIRef]:
    return {str(name): URIRef(str(prop)) for prop, name in _ontology().subject_objects(PG.graphProperty)}


def bind(g: Graph) -> Graph:
    for prefix, ns in (("pg", PG), ("res", RES), ("org", ORG), ("qb", QB), ("oa", OA), ("eli", ELI), ("prov", PROV),
                       ("skos", SKOS), ("dcterms", DCTERMS), ("sdmx-dimension", SDMX_DIM),
                       ("sdmx-measure", SDMX_MEAS), ("sdmx-attribute", SDMX_ATTR), ("time", TIME)):
        g.bind(prefix, ns)
    return g


def _literal(value, dtype: str) -> Literal:
    """A typed literal for a property value (never None: callers skip missing values)."""
    if dtype == "INT64":
        return Literal(int(value), datatype=XSD.integer)
    if dtype == "DOUBLE":
        return Literal(float(value), datatype=XSD.double)
    if dtype == "BOOLEAN":
        return Literal(bool(value), datatype=XSD.boolean)
    return Literal(str(value))


def _evidence(g: Graph, subject: URIRef, key: str, props: dict) -> None:
    if props.get("span_start") is None or props.get("span_end") is None or not props.get("plan_id"):
        return
    ev = RES[f"evidence/{short_hash(key, props['plan_id'], props['span_start'], props['span_end'], n=16)}"]
    g.add((subject, PG.evidence, ev))
    g.add((ev, RDF.type, PG.Evidence))
    g.add((ev, RDF.type, OA.SpecificResource))
    g.add((ev, OA.hasSource, iri(props["plan_id"])))
    pos = URIRef(f"{ev}#position")
    g.add((ev, OA.hasSelector, pos))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(int(props["span_start"]), datatype=XSD.nonNegativeInteger)))
    g.add((pos, OA.end, Literal(int(props["span_end"]), datatype=XSD.nonNegativeInteger)))
    if props.get("quote"):
        q = URIRef(f"{ev}#quote")
        g.add((ev, OA.hasSelector, q))
        g.add((q, RDF.type, OA.TextQuoteSelector))
        g.add((q, OA.exact, Literal(props["quote"])))
    g.add((subject, PROV.wasDerivedFrom, iri(props["plan_id"])))


def to_rdf(dump: dict) -> Graph:
    schema = load_schema()
    props_iri = _property_iris()
    g = bind(Graph())
    g.add((URIRef("https://w3id.org/plangraph/export"), OWL.imports, URIRef("https://w3id.org/plangraph/ontology")))
    plan_region = {r["start"]: r["end"] for r in dump.get("relationships", []) if r["type"] == "FOR_REGION"}
    plan_period = {n["id"]: ((n.get("properties") or {}).get("period_start"),
                             (n.get("properties") or {}).get("period_end"))
                   for n in dump.get("nodes", []) if n["label"] == "Plan"}
    statement_index = _statement_indexes(dump.get("nodes", []))
    _data_set_definition(g)
    domains = {d.id: d for d in vocab.domains()}
    instruments = {i.id: i for i in vocab.instruments()}
    functions = {f.id: f for f in vocab.agency_functions()}
    categories = {"supply": PG.SupplyInstruments, "demand": PG.DemandInstruments,
                  "environmental": PG.EnvironmentalInstruments}

    for n in dump.get("nodes", []):
        nid, label, props = n["id"], n["label"], n.get("properties") or {}
        nt = schema.node(label)
        s = iri(nid)
        g.add((s, RDF.type, URIRef(nt.iri)))
        g.add((s, DCTERMS.identifier, Literal(nid)))
        for k, v in props.items():
            if v is None or k not in nt.properties:
                continue
            lit = _literal(v, nt.properties[k])
            g.add((s, props_iri[k], lit))
        name = props.get("name") or props.get("title")
        if name:
            g.add((s, RDFS.label, Literal(name, lang="zh")))
        if props.get("name_en"):
            g.add((s, RDFS.label, Literal(props["name_en"], lang="en")))
        local = nid.split(":", 1)[-1]
        if label in ("Domain", "PolicyInstrument", "Indicator"):
            g.add((s, RDF.type, SKOS.Concept))
            scheme = {"Domain": PG.DomainScheme, "PolicyInstrument": PG.InstrumentScheme,
                      "Indicator": PG.IndicatorScheme}[label]
            g.add((s, SKOS.inScheme, scheme))
            if props.get("name"):
                g.add((s, SKOS.prefLabel, Literal(props["name"], lang="zh")))
            if props.get("name_en"):
                g.add((s, SKOS.prefLabel, Literal(props["name_en"], lang="en")))
            concept = (domains.get(local) if label == "Domain"
                       else instruments.get(local) if label == "PolicyInstrument" else None)
            if concept is not None:
                g.add((s, SKOS.notation, Literal(concept.notation)))
                for kw in concept.keywords:
                    if not kw.startswith("re:"):
                        g.add((s, SKOS.hiddenLabel, Literal(kw, lang="zh")))
            if label == "PolicyInstrument" and props.get("category") in categories:
                g.add((s, SKOS.broader, categories[props["category"]]))
        elif label == "Agency":
            g.add((s, RDF.type, ORG.Organization))
            f = functions.get(props.get("function") or "")
            if f is not None:
                fc = RES[f"function:{f.id}"]
                g.add((s, ORG.classification, fc))
                g.add((fc, RDF.type, PG.AgencyFunction))
                g.add((fc, RDF.type, SKOS.Concept))
                g.add((fc, SKOS.inScheme, PG.AgencyFunctionScheme))
                g.add((fc, SKOS.notation, Literal(f.id)))
                g.add((fc, SKOS.prefLabel, Literal(f.name, lang="zh")))
                g.add((fc, SKOS.prefLabel, Literal(f.name_en, lang="en")))
            if props.get("short_name"):
                g.add((s, SKOS.altLabel, Literal(props["short_name"], lang="zh")))
        elif label == "Plan":
            if props.get("title"):
                g.add((s, DCTERMS.title, Literal(props["title"], lang="zh")))
            if props.get("doc_number"):
                g.add((s, ELI.id_local, Literal(props["doc_number"])))
            for k, p in (("issued", DCTERMS.issued), ("published", ELI.date_publication)):
                if props.get(k):
                    g.add((s, p, Literal(props[k], datatype=XSD.date)))
            if nid in plan_region:
                g.add((s, ELI.jurisdiction, iri(plan_region[nid])))
        elif label == "Target":
            _observation(g, s, props, plan_region, plan_period, statement_index)
        if label in ("Policy", "Target"):
            _evidence(g, s, nid, props)

    for r in dump.get("relationships", []):
        rt = schema.rel(r["type"])
        s, o = iri(r["start"]), iri(r["end"])
        p = URIRef(rt.iri)
        g.add((s, p, o))
        if r["type"] == "SIMILAR_TO":
            g.add((o, p, s))
        if r["type"] == "MEASURES":
            g.add((s, PG.indicatorDimension, o))
        props = {k: v for k, v in (r.get("properties") or {}).items() if v is not None and k in rt.properties}
        if not props:
            continue
        st = RES[f"statement/{short_hash(r['start'], r['type'], r['end'], n=16)}"]
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.type, PG.RelationshipStatement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        for k, v in props.items():
            g.add((st, props_iri[k], _literal(v, rt.properties[k])))
        _evidence(g, st, f"{r['start']}|{r['type']}|{r['end']}", props)
    return g


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "plangraph.ttl", format="turtle")
    return g


_CUBE_TYPES = (QB.DataStructureDefinition, QB.ComponentSpecification, QB.DimensionProperty, QB.MeasureProperty,
               QB.AttributeProperty, QB.DataSet, SKOS.ConceptScheme)


def _data_set_definition(g: Graph) -> None:
    """Copy the data set, its structure, its component specifications and properties and the
    concept schemes from the ontology, so that an export alone is a well-formed Data Cube."""
    ont = _ontology()
    subjects = {s for t in _CUBE_TYPES for s in ont.subjects(RDF.type, t)}
    subjects |= {PG.PlanPeriod, PG.unspecifiedPeriod}
    for s in subjects:
        for p, o in ont.predicate_objects(s):
            if not str(p).startswith(str(PG) + "graph") and p not in (PG.onLabel, PG.onRelationship):
                g.add((s, p, o))


def _period(g: Graph, start, end) -> URIRef:
    """The refPeriod of a statement without a year: the plan period as a time interval."""
    if start is None or end is None:
        return PG.unspecifiedPeriod
    node = RES[f"period/{int(start)}-{int(end)}"]
    g.add((node, RDF.type, PG.PlanPeriod))
    g.add((node, RDFS.label, Literal(f"{int(start)}–{int(end)}")))
    for rel, year in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
        instant = RES[f"year/{int(year)}"]
        g.add((node, rel, instant))
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, TIME.inXSDgYear, Literal(str(int(year)), datatype=XSD.gYear)))
    return node


def _unit(g: Graph, unit: str) -> URIRef:
    node = RES[f"unit/{urlquote(unit, safe='')}"]
    g.add((node, RDF.type, SKOS.Concept))
    g.add((node, SKOS.inScheme, PG.UnitScheme))
    g.add((node, SKOS.prefLabel, Literal(unit, lang="zh")))
    g.add((node, SKOS.notation, Literal(unit)))
    known = vocab.unit(unit)
    if known is not None:
        g.add((node, PG.unitNorm, Literal(known.unit_norm)))
    return node


def _statement_indexes(nodes: list[dict]) -> dict[URIRef, int]:
    """Several targets quoted from one sentence (14类92项, 90%…75%…) are told apart by their
    order in it: the position of the value in the quote, then the id."""
    by_sentence: dict[tuple, list[tuple[int, str]]] = {}
    for n in nodes:
        p = n.get("properties") or {}
        if n["label"] != "Target" or p.get("value") is None:
            continue
        value = p["value"]
        written = str(int(value)) if float(value).is_integer() else str(value)
        pos = (p.get("quote") or "").find(written)
        key = (p.get("plan_id"), p.get("span_start"))
        by_sentence.setdefault(key, []).append((pos if pos >= 0 else 1 << 30, n["id"]))
    out = {}
    for members in by_sentence.values():
        for i, (_pos, nid) in enumerate(sorted(members)):
            out[iri(nid)] = i
    return out


def _observation(g: Graph, s: URIRef, props: dict, plan_region: dict, plan_period: dict,
                 statement_index: dict[URIRef, int]) -> None:
    """A target with a value and a region is a qb:Observation of pg:targets: obsValue the value
    as written, unitMeasure the unit as written (value_norm / unit_norm stay pg: properties)."""
    plan_id = props.get("plan_id") or ""
    region = plan_region.get(plan_id)
    if props.get("value") is None or region is None or props.get("span_start") is None:
        return
    g.add((s, RDF.type, QB.Observation))
    g.add((s, QB.dataSet, PG.targets))
    g.add((s, SDMX_DIM.refArea, iri(region)))
    if props.get("year") is not None:
        g.add((s, SDMX_DIM.refPeriod, Literal(str(int(props["year"])), datatype=XSD.gYear)))
    else:
        g.add((s, SDMX_DIM.refPeriod, _period(g, *plan_period.get(plan_id, (None, None)))))
    g.add((s, PG.sourcePlan, iri(plan_id)))
    g.add((s, PG.statementIndex, Literal(statement_index.get(s, 0), datatype=XSD.integer)))
    g.add((s, SDMX_MEAS.obsValue, Literal(float(props["value"]), datatype=XSD.double)))
    if props.get("unit"):
        g.add((s, SDMX_ATTR.unitMeasure, _unit(g, props["unit"])))


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    g = Graph()
    g.parse(SHAPES_FILE, format="turtle")
    return g


AXIOMS_FILE = ONTOLOGY_DIR / "w3c_axioms.ttl"


@lru_cache(maxsize=1)
def _entailment_graph() -> Graph:
    """plangraph.ttl plus the axioms of the W3C vocabularies it refines: what a consumer infers from."""
    g = Graph() + _ontology()
    g.parse(AXIOMS_FILE, format="turtle")
    return g


def validate(g: Graph, *, entailment: bool = False) -> tuple[bool, str]:
    """SHACL-validate an exported graph against ontology/shapes.ttl; (conforms, report text).
    With ``entailment`` the shapes see the graph after RDFS inference over the export, the
    ontology and the W3C axioms: a sub-property or range that contradicts its W3C definition
    shows up as a violation there."""
    from pyshacl import validate as shacl_validate

    conforms, _report_graph, text = shacl_validate(
        data_graph=g, shacl_graph=_shapes(), ont_graph=_entailment_graph() if entailment else None,
        inference="rdfs" if entailment else "none", abort_on_first=False,
        allow_warnings=True, advanced=True,
    )
    return bool(conforms), str(text)


def records_to_dump(records) -> dict:
    """GraphRecords -> the store-agnostic dump format (for tests and offline export)."""
    return {
        "nodes": [{"id": n.id, "label": n.label, "properties": dict(n.properties)} for n in records.nodes],
        "relationships": [{"type": r.type, "start": r.start, "end": r.end, "properties": dict(r.properties)}
                          for r in records.relationships],
    }


RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}


def serialize(dump: dict, fmt: str = "ttl") -> bytes:
    """The whole graph as RDF bytes (``ttl`` or ``jsonld``): what the CLI writes and the app offers."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}: choose one of {sorted(RDF_FORMATS)}")
    return to_rdf(dump).serialize(format=RDF_FORMATS[fmt]).encode("utf-8")
