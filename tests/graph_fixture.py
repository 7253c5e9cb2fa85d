"""A small hand-made graph touching every label and relationship type, for query and app tests
that must not depend on how well extraction does on the seeds."""
from model.records import GraphRecords


def comparison_graph() -> GraphRecords:
    r = GraphRecords()
    r.add_node("region:zhejiang", "Region", name="浙江省", name_en="Zhejiang", level="province")
    r.add_node("region:huzhou", "Region", name="湖州市", name_en="Huzhou", level="prefecture", province="浙江省")
    r.add_node("region:wuxing", "Region", name="吴兴区", name_en="Wuxing", level="county", province="浙江省")
    r.add_node("region:yangzhou", "Region", name="扬州市", name_en="Yangzhou", level="prefecture", province="江苏省")
    r.add_rel("PART_OF", ("region:wuxing", "Region"), ("region:huzhou", "Region"))
    r.add_rel("PART_OF", ("region:huzhou", "Region"), ("region:zhejiang", "Region"))
    r.add_node("domain:childcare", "Domain", name="托育服务", name_en="Childcare")
    r.add_node("domain:elderly_care", "Domain", name="养老服务", name_en="Elderly care")
    r.add_node("instrument:subsidy", "PolicyInstrument", name="财政补贴", name_en="Subsidy", category="supply")
    r.add_node("instrument:government_procurement", "PolicyInstrument", name="政府购买服务",
               name_en="Government procurement", category="demand")
    r.add_node("instrument:standards_certification", "PolicyInstrument", name="标准规范",
               name_en="Standards and certification", category="environmental")
    r.add_node("indicator:childcare-places", "Indicator", name="每千人口拥有3岁以下婴幼儿托位数",
               name_en="Childcare places per 1,000 people", unit="个", unit_norm="个/千人")
    r.add_rel("IN_DOMAIN", ("indicator:childcare-places", "Indicator"), ("domain:childcare", "Domain"))
    plans = {"wuxing": ("plan:wuxing:2021-2025", "吴兴区公共服务体系建设“十四五”规划", 4.5, "约束性"),
             "yangzhou": ("plan:yangzhou:2022-80", "四补四提升行动方案", 4.0, None)}
    for slug, (pid, title, value, attr) in plans.items():
        suffix = pid.split(":", 1)[1].replace(":", "-")
        r.add_node(pid, "Plan", title=title, period_start=2021, period_end=2025, source_file=f"{slug}.txt")
        r.add_rel("FOR_REGION", (pid, "Plan"), (f"region:{slug}", "Region"))
        agency = f"agency:{slug}:civil_affairs"
        r.add_node(agency, "Agency", name=f"{'吴兴区' if slug == 'wuxing' else '扬州市'}民政局", function="civil_affairs",
                   short_name="民政局")
        r.add_rel("OF_REGION", (agency, "Agency"), (f"region:{slug}", "Region"))
        for k in range(3):
            pol = f"policy:{suffix}:m-{k}"
            r.add_node(pol, "Policy", title=f"发展普惠托育服务{k}", text=f"通过政府购买服务和补贴发展托育服务{k}。",
                       section_path="重点任务 > 托育", kind="measure", plan_id=pid, span_start=k * 30, span_end=k * 30 + 20)
            r.add_rel("HAS_POLICY", (pid, "Plan"), (pol, "Policy"))
            r.add_rel("IN_DOMAIN", (pol, "Policy"), ("domain:childcare", "Domain"), score=1.0, method="keywords")
            r.add_rel("USES_INSTRUMENT", (pol, "Policy"), ("instrument:subsidy", "PolicyInstrument"),
                      quote="补贴", span_start=k * 30 + 10, span_end=k * 30 + 12, plan_id=pid, cue="补贴")
            if k:
                r.add_rel("USES_INSTRUMENT", (pol, "Policy"), ("instrument:government_procurement", "PolicyInstrument"),
                          quote="政府购买服务", span_start=k * 30 + 2, span_end=k * 30 + 8, plan_id=pid,
                          cue="政府购买服务")
            r.add_rel("LED_BY" if k == 0 else "INVOLVES", (pol, "Policy"), (agency, "Agency"), quote="民政局",
                      span_start=k * 30 + 18, span_end=k * 30 + 20, plan_id=pid)
        tgt = f"target:{suffix}:1"
        r.add_node(tgt, "Target", value=value, unit="个", value_norm=value, unit_norm="个/千人", comparator=">=", year=2025,
                   kind="target", indicator_text="每千人口拥有3岁以下婴幼儿托位数", plan_id=pid, attribute=attr,
                   quote=f"每千人口拥有3岁以下婴幼儿托位数达到{value}个", span_start=5, span_end=25)
        r.add_rel("SETS_TARGET", (f"policy:{suffix}:m-0", "Policy"), (tgt, "Target"), quote="托位数", span_start=5,
                  span_end=25, plan_id=pid)
        r.add_rel("MEASURES", (tgt, "Target"), ("indicator:childcare-places", "Indicator"))
    r.add_rel("SIMILAR_TO", ("policy:wuxing-2021-2025:m-0", "Policy"), ("policy:yangzhou-2022-80:m-0", "Policy"),
              score=0.82, method="lexical")
    return with_indicator_counts(with_region_ranks(r))


def with_region_ranks(r: GraphRecords) -> GraphRecords:
    """The regions' name_rank as a build writes it (pipeline/regions.py), from the records themselves."""
    from pipeline.regions import region_ranks

    planned = {x.end for x in r.relationships if x.type == "FOR_REGION"}
    with_agencies = {x.end for x in r.relationships if x.type == "OF_REGION"}
    rows = [{"id": n.id, "name": n.properties.get("name"), "plans": int(n.id in planned),
             "agencies": int(n.id in with_agencies)} for n in r.nodes if n.label == "Region"]
    ranks = region_ranks(rows)  # every region an int, -1 where no plan is for it
    for n in r.nodes:
        if n.label == "Region":
            n.properties = {**n.properties, "name_rank": ranks[n.id]}  # a second call re-ranks
    return r


def with_indicator_counts(r: GraphRecords) -> GraphRecords:
    """The indicators' regions and targets tallies as a build writes them (pipeline/indicator_counts.py)."""
    plan_region = {x.start: x.end for x in r.relationships if x.type == "FOR_REGION"}
    plan_of = {n.id: n.properties.get("plan_id") for n in r.nodes if n.label == "Target"}
    regions: dict[str, set[str]] = {}
    targets: dict[str, set[str]] = {}
    for x in r.relationships:
        if x.type == "MEASURES" and plan_of.get(x.start) in plan_region:
            regions.setdefault(x.end, set()).add(plan_region[plan_of[x.start]])
            targets.setdefault(x.end, set()).add(x.start)
    for n in r.nodes:
        if n.label == "Indicator":
            n.properties = {**n.properties, "regions": len(regions.get(n.id, ())),
                            "targets": len(targets.get(n.id, ()))}
    return r
