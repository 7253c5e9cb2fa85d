"""The W3C RDF Data Cube integrity constraints IC-1 … IC-21 as SPARQL ASK queries.

Written out from section 11.1 of the Recommendation (https://www.w3.org/TR/vocab-data-cube/#wf-rules):
each query asks whether a violation exists, so a well-formed cube answers false to all of
them.  The specification runs them after two normalization passes (type closure and the
abbreviated-layout rules of section 10); `normalize` applies the parts of those that can
matter for an export (qb:componentProperty from qb:dimension/measure/attribute, and the
types of observations and data sets from qb:dataSet/qb:structure).  IC-20 and IC-21 are
templates over the parent–child property of each hierarchical code list; they are
instantiated once per list found (none: nothing to check).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from rdflib import Graph

_PREFIXES = """
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX qb:   <http://purl.org/linked-data/cube#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
"""

CONSTRAINTS: dict[str, str] = {
    "IC-1 unique data set": """ASK {
  { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?dataset1 . } }
  UNION
  { ?obs a qb:Observation ; qb:dataSet ?dataset1, ?dataset2 . FILTER (?dataset1 != ?dataset2) }
}""",
    "IC-2 unique DSD": """ASK {
  { ?dataset a qb:DataSet . FILTER NOT EXISTS { ?dataset qb:structure ?dsd . } }
  UNION
  { ?dataset a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) }
}""",
    "IC-3 DSD includes measure": """ASK {
  ?dsd a qb:DataStructureDefinition .
  FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] }
}""",
    "IC-4 dimensions have range": """ASK {
  ?dim a qb:DimensionProperty .
  FILTER NOT EXISTS { ?dim rdfs:range [] }
}""",
    "IC-5 concept dimensions have code lists": """ASK {
  ?dim a qb:DimensionProperty ; rdfs:range skos:Concept .
  FILTER NOT EXISTS { ?dim qb:codeList [] }
}""",
    "IC-6 only attributes may be optional": """ASK {
  ?dsd qb:component ?componentSpec .
  ?componentSpec qb:componentRequired "false"^^xsd:boolean ; qb:componentProperty ?component .
  FILTER NOT EXISTS { ?component a qb:AttributeProperty }
}""",
    "IC-7 slice keys must be declared": """ASK {
  ?sliceKey a qb:SliceKey .
  FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?sliceKey }
}""",
    "IC-8 slice keys consistent with DSD": """ASK {
  ?slicekey a qb:SliceKey ; qb:componentProperty ?prop .
  ?dsd qb:sliceKey ?slicekey .
  FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty ?prop ] }
}""",
    "IC-9 unique slice structure": """ASK {
  { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
  UNION
  { ?slice a qb:Slice ; qb:sliceStructure ?key1, ?key2 . FILTER (?key1 != ?key2) }
}""",
    "IC-10 slice dimensions complete": """ASK {
  ?slice qb:sliceStructure [ qb:componentProperty ?dim ] .
  FILTER NOT EXISTS { ?slice ?dim [] }
}""",
    "IC-11 all dimensions required": """ASK {
  ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
  ?dim a qb:DimensionProperty .
  FILTER NOT EXISTS { ?obs ?dim [] }
}""",
    "IC-13 required attributes": """ASK {
  ?obs qb:dataSet/qb:structure/qb:component ?component .
  ?component qb:componentRequired "true"^^xsd:boolean ; qb:componentProperty ?attr .
  FILTER NOT EXISTS { ?obs ?attr [] }
}""",
    "IC-14 all measures present": """ASK {
  ?obs qb:dataSet/qb:structure ?dsd .
  FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
  ?dsd qb:component/qb:componentProperty ?measure .
  ?measure a qb:MeasureProperty .
  FILTER NOT EXISTS { ?obs ?measure [] }
}""",
    "IC-15 measure dimension consistent": """ASK {
  ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
  ?dsd qb:component/qb:componentProperty qb:measureType .
  FILTER NOT EXISTS { ?obs ?measure [] }
}""",
    "IC-16 single measure on measure dimension observation": """ASK {
  ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?omeasure [] .
  ?dsd qb:component/qb:componentProperty qb:measureType ;
       qb:component/qb:componentProperty ?omeasure .
  ?omeasure a qb:MeasureProperty .
  FILTER (?omeasure != ?measure)
}""",
    "IC-17 all measures present in measures dimension cube": """ASK {
  {
    SELECT ?numMeasures (COUNT(?obs2) AS ?count) WHERE {
      {
        SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
          ?dsd qb:component/qb:componentProperty ?m .
          ?m a qb:MeasureProperty .
        } GROUP BY ?dsd
      }
      ?obs1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?dataset ; qb:measureType ?m1 .
      ?obs2 qb:dataSet ?dataset ; qb:measureType ?m2 .
      FILTER NOT EXISTS {
        ?dsd qb:component/qb:componentProperty ?dim .
        FILTER (?dim != qb:measureType)
        ?dim a qb:DimensionProperty .
        ?obs1 ?dim ?v1 .
        ?obs2 ?dim ?v2 .
        FILTER (?v1 != ?v2)
      }
    } GROUP BY ?obs1 ?numMeasures
    HAVING (?count != ?numMeasures)
  }
}""",
    "IC-18 consistent data set links": """ASK {
  ?dataset qb:slice ?slice .
  ?slice qb:observation ?obs .
  FILTER NOT EXISTS { ?obs qb:dataSet ?dataset . }
}""",
    "IC-19 codes from code list (scheme)": """ASK {
  ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
  ?dim a qb:DimensionProperty ; qb:codeList ?list .
  ?list a skos:ConceptScheme .
  ?obs ?dim ?v .
  FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list }
}""",
    "IC-19 codes from code list (collection)": """ASK {
  ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
  ?dim a qb:DimensionProperty ; qb:codeList ?list .
  ?list a skos:Collection .
  ?obs ?dim ?v .
  FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v }
}""",
}

# IC-12 as the specification writes it compares every pair of observations (quadratic: minutes
# for a few hundred targets in rdflib).  `violations` runs the same constraint instantiated
# per structure definition as one grouping of the observations by their dimension values
# (linear); it compares values as RDF terms where the
# specification uses `=` (the export writes every dimension with one datatype, so the two
# agree there; tests/test_rdf_entailment.py checks that they do).
IC12_SPEC = """ASK {
  FILTER( ?allEqual )
  {
    SELECT (MIN(?equal) AS ?allEqual) WHERE {
      ?obs1 qb:dataSet ?dataset .
      ?obs2 qb:dataSet ?dataset .
      FILTER (?obs1 != ?obs2)
      ?dataset qb:structure/qb:component/qb:componentProperty ?dim .
      ?dim a qb:DimensionProperty .
      ?obs1 ?dim ?value1 .
      ?obs2 ?dim ?value2 .
      BIND( ?value1 = ?value2 AS ?equal )
    } GROUP BY ?obs1 ?obs2
  }
}"""


def _select(g: Graph, query: str, **bindings: Any) -> list[Any]:
    """The first column of a SELECT (rdflib types rows loosely, so this is the one place that unpacks them)."""
    return [row[0] for row in cast(Iterable[Any], g.query(_PREFIXES + query, initBindings=bindings or None))]


def _duplicate_queries(g: Graph) -> dict[str, str]:
    out = {}
    for dsd in _select(g, "SELECT DISTINCT ?dsd WHERE { ?dsd a qb:DataStructureDefinition }"):
        dims = sorted(str(d) for d in _select(
            g, "SELECT DISTINCT ?dim WHERE { ?dsd qb:component/qb:componentProperty ?dim . "
               "?dim a qb:DimensionProperty }", dsd=dsd))
        if not dims:
            continue
        values = " ".join(f"?v{i}" for i in range(len(dims)))
        triples = "\n".join(f"    ?obs <{d}> ?v{i} ." for i, d in enumerate(dims))
        out[f"IC-12 no duplicate observations ({dsd})"] = (
            f"ASK {{\n  SELECT ?dataset {values} WHERE {{\n    ?dataset qb:structure <{dsd}> .\n"
            f"    ?obs qb:dataSet ?dataset .\n{triples}\n  }} GROUP BY ?dataset {values}\n"
            f"  HAVING (COUNT(DISTINCT ?obs) > 1)\n}}")
    return out


# IC-20 / IC-21: the specification's templates, instantiated with the parent-child
# property $p of each qb:HierarchicalCodeList (written here as {pcp}).
_IC20 = """ASK {
  ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
  ?dim a qb:DimensionProperty ; qb:codeList ?list .
  ?list a qb:HierarchicalCodeList .
  ?obs ?dim ?v .
  FILTER NOT EXISTS { ?list qb:hierarchyRoot/<{pcp}>* ?v }
}"""
_IC21 = """ASK {
  ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
  ?dim a qb:DimensionProperty ; qb:codeList ?list .
  ?list a qb:HierarchicalCodeList .
  ?obs ?dim ?v .
  FILTER NOT EXISTS { ?list qb:hierarchyRoot/(^<{pcp}>)* ?v }
}"""


@dataclass(frozen=True)
class Violation:
    constraint: str
    query: str


def normalize(g: Graph) -> Graph:
    """The parts of the specification's normalization (section 10.2, phase 1) an export can need."""
    g = Graph() + g
    q = _PREFIXES + """
    CONSTRUCT { ?spec qb:componentProperty ?p . ?o a qb:Observation . ?d a qb:DataSet . ?d2 a qb:DataSet .
                ?dsd a qb:DataStructureDefinition . }
    WHERE {
      { ?spec qb:dimension|qb:measure|qb:attribute ?p } UNION
      { ?o qb:dataSet ?d } UNION { ?d2 qb:structure ?dsd }
    }"""
    for t in cast(Iterable[Any], g.query(q)):
        g.add(t)
    return g


def _hierarchy_queries(g: Graph) -> dict[str, str]:
    out = {}
    for pcp in _select(g, "SELECT DISTINCT ?pcp WHERE { ?list a qb:HierarchicalCodeList ; "
                          "qb:parentChildProperty ?pcp }"):
        out[f"IC-20 codes from hierarchy ({pcp})"] = _IC20.replace("{pcp}", str(pcp))
        out[f"IC-21 codes from hierarchy, inverse ({pcp})"] = _IC21.replace("{pcp}", str(pcp))
    return out


def violations(g: Graph) -> list[Violation]:
    """Every integrity constraint the graph violates (empty: a well-formed cube)."""
    g = normalize(g)
    queries = {**CONSTRAINTS, **_duplicate_queries(g), **_hierarchy_queries(g)}
    return [Violation(name, q) for name, q in queries.items() if bool(g.query(_PREFIXES + q).askAnswer)]


def constraint_names() -> list[str]:
    return sorted([*CONSTRAINTS, "IC-12 no duplicate observations", "IC-20 codes from hierarchy",
                   "IC-21 codes from hierarchy, inverse"], key=lambda n: (int(n.split()[0][3:]), n))

