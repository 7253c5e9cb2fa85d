"""A plan's framing part (一、规划总则 over 编制依据 / 规划范围 / 规划期限 / 工作思路: lexicon
structure_non_measure_words) holds no measures. Synthetic text in the shape of district 规划."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county", "parent": "某某市"}


def test_framing_sections_of_a_plan_hold_no_measures():
    doc = parse_text("\n".join([
        "某某区公园城市建设规划", "为推进公园城市建设，编制本规划。", "一、规划总则",
        "（一）编制依据", "《中华人民共和国城乡规划法》《某某市绿化条例》等法律法规。",
        "（二）规划范围", "规划范围为某某区全域，总面积372平方公里。",
        "（三）规划期限", "规划期限为2026—2030年。",
        "（四）工作思路", "以公园城市理念统领城市建设，推动生态价值转化。",
        "二、主要任务", "（一）建设公园体系", "新建城市公园10座，口袋公园30座。（区绿化市容局负责）"]), META)
    assert [m.title for m in doc.measures] == ["建设公园体系"]
