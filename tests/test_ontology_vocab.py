"""The vocabularies are well-formed data: stable unique ids, labels in both languages, valid categories."""
from __future__ import annotations

import re

from ontology import vocab
from ontology.schema import load_schema

REQUIRED_DOMAINS = {
    "elderly_care", "childcare", "education", "health", "employment_training", "social_assistance", "culture",
    "sports", "tourism", "housing_community", "domestic_services", "commerce_consumption", "digital_services",
    "veterans", "environment", "public_safety", "finance_tax", "land_facilities", "governance_standards", "industry",
}
REQUIRED_INSTRUMENTS = {
    "subsidy", "government_procurement", "public_private_operation", "tax_incentive", "fee_price_regulation",
    "land_space_supply", "special_funds_bonds", "finance_credit_insurance", "standards_certification",
    "pilot_demonstration", "digital_platform", "training_talent", "regulation_supervision", "information_publicity",
    "planning_layout", "brand_building", "events_promotion", "coordination_mechanism",
}


def _cjk(s: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", s))


def test_domains_and_instruments_complete_with_bilingual_labels():
    ds = vocab.domains()
    assert {d.id for d in ds} >= REQUIRED_DOMAINS  # users extend the data files
    ins = vocab.instruments()
    assert {i.id for i in ins} >= REQUIRED_INSTRUMENTS
    for c in ds + ins:
        assert _cjk(c.name) and c.name_en and not _cjk(c.name_en), c
        assert c.keywords, c
        for p in c.patterns:
            assert p.pattern
    assert len({c.notation for c in ds}) == len(ds)
    assert len({c.notation for c in ins}) == len(ins)
    assert {i.category for i in ins} == {"supply", "demand", "environmental"}


def test_agency_functions_and_units():
    fs = vocab.agency_functions()
    ids = [f.id for f in fs]
    assert len(ids) == len(set(ids))
    for need in ("civil_affairs", "finance", "development_reform", "health", "human_resources_social_security",
                 "housing_urban_rural", "natural_resources_planning", "market_regulation", "trade_union",
                 "disabled_persons_federation", "taxation"):
        assert need in ids
    u = vocab.units()
    assert u["万人次"].unit_norm == "人次" and u["万人次"].factor == 10000
    assert u["‰"].unit_norm == "%" and u["‰"].factor == 0.1
    assert u["亿元"].unit_norm == u["万元"].unit_norm
    # longest first: 万人次 must be tried before 人次 and 人
    alt = vocab.unit_regex().split("|")
    assert alt.index(re.escape("万人次")) < alt.index(re.escape("人次")) < alt.index(re.escape("人"))


def test_indicator_vocabulary_ids_unique_and_domains_known():
    inds = vocab.indicators()
    assert len({i.id for i in inds}) == len(inds)
    domains = {d.id for d in vocab.domains()}
    for i in inds:
        assert i.domain in domains, i
        assert i.name in i.synonyms


def test_userdict_frequencies_replace_builtin():
    tk = vocab.tokenizer()
    words = tk.lcut("扩大助餐配送餐服务,开展困难老年人适老化改造,推进康养联合体建设,每千人口托位数")
    assert "助餐" in words and "适老化改造" in words and "康养联合体" in words
    freq = dict((w, f) for w, f, _ in vocab.userdict_words())
    assert tk.FREQ["托育"] == freq["托育"]


def test_ontology_keeps_graph_contract_and_has_bilingual_labels():
    from rdflib import OWL, RDF, RDFS, Graph

    from ontology.schema import ONTOLOGY_FILE

    s = load_schema()
    assert set(s.nodes) == {"Region", "Plan", "Policy", "Domain", "PolicyInstrument", "Indicator", "Target", "Agency"}
    assert set(s.relationships) == {"FOR_REGION", "PART_OF", "HAS_POLICY", "IN_DOMAIN", "USES_INSTRUMENT", "LED_BY",
                                    "INVOLVES", "SETS_TARGET", "MEASURES", "OF_REGION", "SIMILAR_TO"}
    g = Graph().parse(ONTOLOGY_FILE, format="turtle")
    for cls in g.subjects(RDF.type, OWL.Class):
        langs = {lit.language for lit in g.objects(cls, RDFS.label)}
        assert {"en", "zh"} <= langs, cls
    skos = "http://www.w3.org/2004/02/skos/core#"
    schemes = set(g.subjects(RDF.type, __import__("rdflib").URIRef(skos + "ConceptScheme")))
    assert len(schemes) >= 3
