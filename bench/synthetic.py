"""A synthetic plan graph scaled up from the shape of the seed plans, for store benchmarks.

Shape per plan follows what the five seeds produce: a few dozen measures, each in
one or two domains with a couple of instruments and agencies, and a handful of
targets on shared indicators. Values are made up; only the shape matters here.
"""
from __future__ import annotations

import random

from model.records import GraphRecords

DOMAINS = ["elderly_care", "childcare", "education", "health", "employment_training", "sports", "culture", "tourism"]
INSTRUMENTS = ["subsidy", "government_procurement", "land_space_supply", "standards_certification",
               "pilot_demonstration", "digital_platform", "training_talent", "planning_layout"]
FUNCTIONS = ["civil_affairs", "finance", "development_reform", "education", "health", "human_resources_social_security"]


def synthetic_graph(plans: int, policies_per_plan: int = 40, targets_per_plan: int = 10, seed: int = 7) -> GraphRecords:
    rnd = random.Random(seed)
    r = GraphRecords()
    for d in DOMAINS:
        r.add_node(f"domain:{d}", "Domain", name=d, name_en=d)
    for i in INSTRUMENTS:
        r.add_node(f"instrument:{i}", "PolicyInstrument", name=i, name_en=i,
                   category=rnd.choice(["supply", "demand", "environmental"]))
    for k in range(200):
        r.add_node(f"indicator:{k}", "Indicator", name=f"指标{k}", unit="%")
        r.add_rel("IN_DOMAIN", (f"indicator:{k}", "Indicator"), (f"domain:{rnd.choice(DOMAINS)}", "Domain"))
    regions = max(1, plans // 5)
    for g in range(regions):
        r.add_node(f"region:r{g}", "Region", name=f"地区{g}", name_en=f"Region {g}", level="prefecture")
        for f in FUNCTIONS:
            a = f"agency:r{g}:{f}"
            r.add_node(a, "Agency", name=f"地区{g}{f}局", function=f)
            r.add_rel("OF_REGION", (a, "Agency"), (f"region:r{g}", "Region"))
    for p in range(plans):
        g = p % regions
        pid = f"plan:r{g}:{p}"
        r.add_node(pid, "Plan", title=f"规划{p}", period_start=2021, period_end=2025, source_file=f"{p}.txt")
        r.add_rel("FOR_REGION", (pid, "Plan"), (f"region:r{g}", "Region"))
        for m in range(policies_per_plan):
            pol = f"policy:{p}:m-{m}"
            r.add_node(pol, "Policy", title=f"措施{m}", text="推进养老服务体系建设，" * 8, plan_id=pid,
                       span_start=m * 100, span_end=m * 100 + 80, kind="measure")
            r.add_rel("HAS_POLICY", (pid, "Plan"), (pol, "Policy"))
            for d in rnd.sample(DOMAINS, 2):
                r.add_rel("IN_DOMAIN", (pol, "Policy"), (f"domain:{d}", "Domain"), score=0.8, method="keywords")
            for i in rnd.sample(INSTRUMENTS, 2):
                r.add_rel("USES_INSTRUMENT", (pol, "Policy"), (f"instrument:{i}", "PolicyInstrument"),
                          quote="给予补贴", span_start=m * 100 + 5, span_end=m * 100 + 9, plan_id=pid)
            r.add_rel("LED_BY", (pol, "Policy"), (f"agency:r{g}:{rnd.choice(FUNCTIONS)}", "Agency"),
                      quote="市民政局", span_start=m * 100 + 70, span_end=m * 100 + 74, plan_id=pid)
        for t in range(targets_per_plan):
            tid = f"target:{p}:{t}"
            r.add_node(tid, "Target", value=rnd.uniform(1, 100), unit="%", year=2025, comparator=">=", kind="target",
                       plan_id=pid, quote="达到90%", span_start=t, span_end=t + 5)
            r.add_rel("SETS_TARGET", (f"policy:{p}:m-{t}", "Policy"), (tid, "Target"), quote="达到90%", plan_id=pid)
            r.add_rel("MEASURES", (tid, "Target"), (f"indicator:{rnd.randrange(200)}", "Indicator"))
    return r
