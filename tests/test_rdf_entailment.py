"""RDF that other tools can trust: the export holds under RDFS entailment over the ontology
and the W3C vocabularies it refines, and is a well-formed Data Cube (IC-1 … IC-21) on its own."""
from __future__ import annotations

import copy

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology import ONTOLOGY_DIR, qb_integrity
from ontology.mapping import map_document
from ontology.rdf_export import AXIOMS_FILE, PG, QB, SDMX_ATTR, SDMX_MEAS, iri, records_to_dump, to_rdf, validate
from tests.test_mapping_document import build_doc

LITERAL_KINDS = {OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def dump():
    rec = map_document(build_doc())
    rec.extend(map_document(build_doc(plan_id="plan:other:2023-2")))
    return records_to_dump(rec.deduplicated())


@pytest.fixture(scope="module")
def seeds_dump():
    from pathlib import Path

    from loaders import iter_plans, parse_plan

    plans = Path(__file__).resolve().parent.parent / "data" / "plans"
    rec = None
    for path, meta in iter_plans(plans):
        r = map_document(parse_plan(path, meta))
        rec = r if rec is None else rec.extend(r) or rec
    return records_to_dump(rec.deduplicated())


def _kinds() -> dict[URIRef, set[URIRef]]:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "plangraph.ttl", format="turtle")
    g.parse(AXIOMS_FILE, format="turtle")
    out: dict[URIRef, set[URIRef]] = {}
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for p in g.subjects(RDF.type, kind):
            out.setdefault(p, set()).add(kind)
    return out


def test_every_sub_property_agrees_with_what_it_refines():
    """A datatype property may only refine a literal-valued one, an object property an object one."""
    g = Graph()
    g.parse(ONTOLOGY_DIR / "plangraph.ttl", format="turtle")
    kinds = _kinds()
    checked = 0
    for p, q in g.subject_objects(RDFS.subPropertyOf):
        assert q in kinds or q == RDFS.label, f"{q} (refined by {p}) has no definition in {AXIOMS_FILE.name}"
        pk, qk = kinds.get(p, set()), kinds.get(q, {OWL.AnnotationProperty})
        if pk & LITERAL_KINDS:
            assert qk & LITERAL_KINDS, f"datatype property {p} refines object property {q}"
        if OWL.ObjectProperty in pk:
            assert OWL.ObjectProperty in qk, f"object property {p} refines literal-valued {q}"
        checked += 1
    assert checked >= 10


def test_export_conforms_under_rdfs_entailment(dump):
    ok, report = validate(to_rdf(dump), entailment=True)
    assert ok, report[:3000]


def test_entailment_catches_a_datatype_property_under_an_object_property(dump):
    """The check has teeth: org:classification (range skos:Concept) given a literal fails."""
    g = to_rdf(dump)
    agency = next(g.subjects(RDF.type, PG.Agency))
    g.add((agency, URIRef("http://www.w3.org/ns/org#classification"), __import__("rdflib").Literal("education")))
    ok, report = validate(g, entailment=True)
    assert not ok and "classification" in report


def test_seed_export_is_a_well_formed_cube(seeds_dump):
    """Real plans state several targets in one sentence and the same indicator twice: still no
    duplicate observation, every dimension present (SHACL on the seeds: test_mapping_seeds)."""
    g = to_rdf(seeds_dump)
    assert len(list(g.subjects(RDF.type, QB.Observation))) > 50
    found = qb_integrity.violations(g)
    assert not found, [v.constraint for v in found]


def test_export_is_self_contained_and_units_consistent(dump):
    g = to_rdf(dump)
    assert (PG.targets, RDF.type, QB.DataSet) in g
    assert (PG.targets, QB.structure, PG.targetStructure) in g
    assert (PG.targetStructure, RDF.type, QB.DataStructureDefinition) in g
    assert len(list(g.objects(PG.targetStructure, QB.component))) >= 6
    for obs in g.subjects(RDF.type, QB.Observation):
        target = next(n for n in dump["nodes"] if iri(n["id"]) == obs)
        value = float(g.value(obs, SDMX_MEAS.obsValue))
        assert value == target["properties"]["value"]  # the value as written …
        unit = g.value(obs, SDMX_ATTR.unitMeasure)
        if target["properties"].get("unit"):
            assert (unit, RDF.type, SKOS.Concept) in g  # … in the unit as written, a concept with its label
            assert str(g.value(unit, SKOS.prefLabel)) == target["properties"]["unit"]


def _with_a_duplicate(g):
    """A copy in which the second observation takes every dimension value of the first."""
    dup = copy.deepcopy(g)
    a, b = list(dup.subjects(RDF.type, QB.Observation))[:2]
    for p, o in list(dup.predicate_objects(a)):
        if (p, RDF.type, QB.DimensionProperty) in dup:
            dup.remove((b, p, None))
            dup.add((b, p, o))
    return dup


def test_every_integrity_constraint_is_checked_and_can_fail(dump):
    assert len(qb_integrity.constraint_names()) >= 21
    g = to_rdf(dump)
    assert not qb_integrity.violations(g)
    broken = copy.deepcopy(g)
    obs = next(broken.subjects(RDF.type, QB.Observation))
    broken.remove((obs, SDMX_MEAS.obsValue, None))
    broken.add((obs, QB.dataSet, URIRef("https://example.org/other-data-set")))
    names = {v.constraint.split()[0] for v in qb_integrity.violations(broken)}
    assert {"IC-1", "IC-14"} <= names
    dup = _with_a_duplicate(g)
    assert "IC-12" in {v.constraint.split()[0] for v in qb_integrity.violations(dup)}


def _spec_ic12(g) -> bool:
    n = qb_integrity.normalize(g)
    return bool(n.query(qb_integrity._PREFIXES + qb_integrity.IC12_SPEC).askAnswer)


def test_linear_ic12_agrees_with_the_specification_query(dump):
    g = to_rdf(dump)
    assert _spec_ic12(g) is False
    assert not [v for v in qb_integrity.violations(g) if v.constraint.startswith("IC-12")]
    dup = _with_a_duplicate(g)
    assert _spec_ic12(dup) is True
    assert [v for v in qb_integrity.violations(dup) if v.constraint.startswith("IC-12")]
