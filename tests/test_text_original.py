"""The original-script text is stored only where it differs from the simplified text: a simplified
plan does not carry every text twice (issue 12: memory on very large plans), a traditional one keeps
its original script on each measure. The plan's whole text is not stored at all (its source file is
the provenance; measures and targets carry their text, quotes and spans)."""
from __future__ import annotations

from loaders.pipeline import parse_text
from ontology.mapping import map_document

META = {"region": "某某市", "region_en": "Moumou", "level": "prefecture", "province": "某某省", "province_en": "Moumou"}
BODY = ("关于推进{x}服务体系建设的实施方案\n\n一、主要任务\n\n（一）完善{x}服务网络。到2025年，每个街道建成1个综合服务中心，"
        "{x}服务设施覆盖率达到90%。\n\n（二）加强人才队伍建设。开展专业技能培训，每年培训2000人次。\n")


def _nodes(text: str, label: str) -> list[dict]:
    recs = map_document(parse_text(text, META, source_file="p.txt"))
    return [n.properties for n in recs.nodes if n.label == label]


def test_simplified_plan_stores_its_text_once():
    plan, = _nodes(BODY.format(x="养老"), "Plan")
    assert "text" not in plan and "text_original" not in plan and plan["source_file"] == "p.txt"
    policies = _nodes(BODY.format(x="养老"), "Policy")
    assert policies and all(p["text"] and p.get("text_original") is None for p in policies)


def test_traditional_plan_keeps_its_original_script():
    trad = BODY.format(x="養老").replace("关于推进", "關於推進").replace("实施方案", "實施方案").replace("网络", "網絡")
    plan, = _nodes(trad, "Plan")
    assert "text" not in plan and "text_original" not in plan and plan["script"] == "traditional"
    policies = _nodes(trad, "Policy")
    assert any(p.get("text_original") and "養老" in p["text_original"] for p in policies)
