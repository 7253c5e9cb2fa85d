"""Plan and Region nodes: the document's metadata and its administrative chain (county -> prefecture -> province)."""
from __future__ import annotations

from dataclasses import dataclass

from model.document import ParsedDocument, RegionMeta
from model.ids import region_id
from model.records import GraphRecords
from ontology.regions import english_name, region_slug


@dataclass(frozen=True)
class RegionRef:
    """A region of the chain, with the id used for it in the graph."""
    id: str
    name: str
    name_en: str | None
    level: str
    slug: str
    parent_id: str | None = None   # a region outside the plan's chain (an agency's place): the chain region above it


def region_chain(region: RegionMeta) -> list[RegionRef]:
    """The plan's region first, then its parent (if not the province), then the province."""
    own_slug = region.slug or region_slug(region.name_en, region.name)
    chain = [RegionRef(region_id(own_slug), region.name, region.name_en, region.level, own_slug)]
    if region.level == "province":
        return chain
    if region.parent and region.parent != region.province:
        # a district whose metadata names its province-level city as parent only (parent = 上海市, no
        # province): that city is the province of the chain, with the same id as from its own plans
        level = "province" if english_name(region.parent) and not region.province else "prefecture"
        ps = region_slug(region.parent_en, region.parent)
        chain.append(RegionRef(region_id(ps), region.parent, region.parent_en, level, ps))
    if region.province:
        ps = region_slug(region.province_en, region.province)
        chain.append(RegionRef(region_id(ps), region.province, region.province_en, "province", ps))
    return chain


def map_plan(doc: ParsedDocument, out: GraphRecords) -> tuple[str, list[RegionRef]]:
    """Add the Plan, its Region chain, FOR_REGION and PART_OF; return the plan id and the chain."""
    m = doc.meta
    chain = region_chain(m.region)
    province_name = m.region.province if m.region.level != "province" else m.region.name
    for ref in chain:
        out.add_node(ref.id, "Region", name=ref.name, name_en=ref.name_en, level=ref.level,
                     province=province_name if ref.level != "province" else ref.name)
    for child, parent in zip(chain, chain[1:]):
        out.add_rel("PART_OF", (child.id, "Region"), (parent.id, "Region"))
    title = m.title
    out.add_node(
        m.plan_id, "Plan",
        title=title, title_original=_original(doc, title), doc_number=m.doc_number, issuer=m.issuer,
        issued=m.issued, published=m.published, period_start=m.period_start, period_end=m.period_end,
        validity=m.validity, plan_type=m.plan_type, source_file=m.source_file, script=m.script,
    )  # no text: see pg:text in ontology/plangraph.ttl
    out.add_rel("FOR_REGION", (m.plan_id, "Plan"), (chain[0].id, "Region"))
    return m.plan_id, chain


def _original(doc: ParsedDocument, s: str | None) -> str | None:
    """The original-script form of a string that occurs in the simplified text (same offsets)."""
    if not s:
        return s
    i = doc.text.find(s)
    return doc.original[i:i + len(s)] if i >= 0 and len(doc.original) == len(doc.text) else s
