"""RDF export with the ontology's IRIs, and SHACL validation (valid graph passes, broken ones fail)."""
from __future__ import annotations

import copy

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from linking.similarity import link_similar
from ontology.mapping import map_document, policy_texts
from ontology.rdf_export import PG, iri, records_to_dump, to_rdf, validate
from tests.test_mapping_document import PID, build_doc


@pytest.fixture(scope="module")
def dump():
    docs = [build_doc(), build_doc(plan_id="plan:other:2023-2")]
    rec = map_document(docs[0])
    rec.extend(map_document(docs[1]))
    rec = rec.deduplicated()
    sims, _ = link_similar([t for d in docs for t in policy_texts(d)], method="lexical", threshold=0.05)
    rec.relationships.extend(sims)
    return records_to_dump(rec)


def test_export_uses_ontology_iris_and_validates(dump):
    g = to_rdf(dump)
    assert (iri("plan:testcity:2022-1"), RDF.type, PG.Plan) in g
    assert (iri(PID["m-3-1"]), RDF.type, PG.Policy) in g
    assert (iri("domain:childcare"), SKOS.inScheme, PG.DomainScheme) in g
    assert (iri("instrument:subsidy"), SKOS.broader, PG.SupplyInstruments) in g
    assert any(g.triples((None, PG.similarTo, None)))
    assert any(g.triples((None, URIRef("http://www.w3.org/ns/oa#exact"), None)))
    assert any(g.triples((None, URIRef("http://purl.org/linked-data/sdmx/2009/measure#obsValue"), None)))
    ok, report = validate(g)
    assert ok, report
    # round trip through both serialisations
    for fmt in ("turtle", "json-ld"):
        data = g.serialize(format=fmt)
        assert len(Graph().parse(data=data, format=fmt)) == len(g)


def _broken(dump, fn):
    d = copy.deepcopy(dump)
    fn(d)
    return to_rdf(d)


def test_invalid_graphs_fail(dump):
    def bad_level(d):
        next(n for n in d["nodes"] if n["label"] == "Region")["properties"]["level"] = "city"

    def target_without_indicator(d):
        d["relationships"] = [r for r in d["relationships"] if r["type"] != "MEASURES"]

    def quantitative_without_value(d):
        t = next(n for n in d["nodes"] if n["label"] == "Target" and n["properties"]["kind"] == "target")
        t["properties"]["value"] = None

    def reversed_span(d):
        t = next(n for n in d["nodes"] if n["label"] == "Target")
        t["properties"]["span_start"], t["properties"]["span_end"] = t["properties"]["span_end"], t["properties"]["span_start"]

    def same_plan_similarity(d):
        pols = [n["id"] for n in d["nodes"] if n["label"] == "Policy" and n["properties"]["plan_id"] == "plan:other:2023-2"]
        d["relationships"].append({"type": "SIMILAR_TO", "start": pols[0], "end": pols[1], "properties": {"score": 0.5, "method": "lexical"}})

    for fn, needle in ((bad_level, "level"), (target_without_indicator, "measures"),
                       (quantitative_without_value, "needs a value"), (reversed_span, "spanStart"),
                       (same_plan_similarity, "different plans")):
        ok, report = validate(_broken(dump, fn))
        assert not ok, fn.__name__
        assert needle in report, (fn.__name__, report[:2000])
