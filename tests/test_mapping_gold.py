"""Mapping quality on the hand-annotated seeds (tests/gold/*.json, scored by bench/eval_mapping.py),
and the sentence shapes of other places' plans that the gold set does not contain.

Thresholds sit below the measured values (see bench/results/eval_mapping.json) with room for
annotation ambiguity, but above the bar the project is judged by where it can be defended:
targets P/R >= 0.9, agencies >= 0.95, instruments and domains >= 0.8 (domain precision, a
judgement call for measures that span several fields, as measured).
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from bench import eval_mapping as ev
from ontology.mapping.agencies import clean_name, resolve
from ontology.mapping.plans import RegionRef
from ontology.mapping.policies import inline_responsibility, split_responsibility
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences

GOLD = Path(__file__).parent / "gold"

THRESHOLDS = {
    "targets": (0.9, 0.9),
    "agencies": (0.95, 0.95),
    "agency_lead": (0.9, 0.9),
    "instruments": (0.8, 0.85),
    "domains": (0.8, 0.85),
}


@pytest.fixture(scope="module")
def result():
    return ev.evaluate(verbose=True)


def test_gold_files_are_well_formed():
    for seed in ev.SEEDS:
        g = json.loads((GOLD / f"{seed}.json").read_text(encoding="utf-8"))
        for t in g["targets"]:
            assert t["indicator"] and t["value"] is not None and t["unit"], t
            assert t["comparator"] in ("=", ">=", ">", "<=", "<", "approx", "range"), t
        for title, a in g.get("agencies", {}).items():
            assert a["lead"], title
    # coverage the task asks for: >= 40 wuxing targets, >= 30 measures with instruments and domains
    wuxing = json.loads((GOLD / "wuxing.json").read_text(encoding="utf-8"))
    assert sum(not t.get("optional") for t in wuxing["targets"]) >= 40
    n = sum(len(json.loads((GOLD / f"{s}.json").read_text(encoding="utf-8")).get("instruments", {})) for s in ev.SEEDS)
    assert n >= 30


@pytest.mark.parametrize("category", sorted(THRESHOLDS))
def test_quality_above_threshold(result, category):
    total = result["total"][category]
    p_min, r_min = THRESHOLDS[category]
    errors = {s: e.get("errors", {}).get(category.split("_")[0] if category != "agency_lead" else "agencies")
              for s, e in result["per_seed"].items()}
    assert total["precision"] >= p_min, (total, errors)
    assert total["recall"] >= r_min, (total, errors)


def test_targets_per_seed(result):
    for seed, e in result["per_seed"].items():
        if "targets" in e:
            assert e["targets"]["recall"] >= 0.85, (seed, e["targets"], e.get("errors"))
            assert e["targets"]["precision"] >= 0.85, (seed, e["targets"], e.get("errors"))


def test_scorer_can_fail():
    """The scorer really compares: a wrong value or year is a miss, an unknown fact a false positive."""
    g = {"indicator": "人均体育场地面积", "value": 3.3, "unit": "平方米", "year": 2025}
    t = {"indicator_text": "人均体育场地面积", "value": 3.3, "unit": "平方米", "year": 2025, "indicator_id": "x"}
    assert ev.target_matches(g, t)
    assert not ev.target_matches(g, {**t, "value": 3.0})
    assert not ev.target_matches(g, {**t, "year": 2030})
    assert not ev.target_matches(g, {**t, "indicator_text": "人均公园绿地面积"})
    assert ev.target_matches({**g, "value": 20, "unit": "万人次", "indicator": "职业技能培训"},
                             {**t, "value": 200000, "unit": "人次", "indicator_text": "职业技能培训"})
    errors: list = []
    s = ev.score_targets([g], [{**t, "id": "a", "span_start": 0, "span_end": 1, "kind": "target", "quote": "",
                                "comparator": "=", "value_max": None, "indicator_text": "别的指标"}], None, errors)
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_degraded_output_fails_threshold(monkeypatch):
    """Dropping every other extracted target must push recall under the bar."""
    real = ev.extracted

    def half(recs):
        got = real(recs)
        got = copy.copy(got)
        got["targets"] = got["targets"][::2]
        return got

    monkeypatch.setattr(ev, "extracted", half)
    res = ev.evaluate(["yangzhou", "ningxia", "wuxi"])
    assert res["total"]["targets"]["recall"] < THRESHOLDS["targets"][1]


# --- sentence shapes of other places' plans -------------------------------------------------

def _facts(text: str, start: int = 2021, end: int = 2025):
    out = []
    for sp in sentences(text, 0, len(text)):
        out += extract(sp, Span(text, 0, len(text)), period_start=start, period_end=end)
    return [(f.indicator_text, f.value, f.value_max, f.unit, f.comparator, f.year) for f in out]


@pytest.mark.parametrize("text,expected", [
    ("到2025年，全市养老机构护理型床位占比达到60%以上。", [("养老机构护理型床位占比", 60, None, "%", ">=", 2025)]),
    ("到2025年，城镇登记失业率控制在3.5%以内。", [("城镇登记失业率", 3.5, None, "%", "<=", 2025)]),
    ("到2025年，每万人拥有社会工作者不低于18人。", [("每万人拥有社会工作者", 18, None, "人", ">=", 2025)]),
    ("到2025年，普通高中在校生规模达到5～6万人。", [("普通高中在校生规模", 5, 6, "万人", "range", 2025)]),
    ("到2025年，医护比达到1:1.2。", [("医护比", 1.2, None, "ratio", "=", 2025)]),
    ("到2025年，社会消费品零售总额突破3000亿元。", [("社会消费品零售总额", 3000, None, "亿元", ">", 2025)]),
    ("到2025年，城乡居民收入比缩小到1.8:1以内。", [("城乡居民收入比", 1.8, None, "ratio", "<=", 2025)]),
    ("全区孕产妇死亡率控制在10/10万以下。", [("孕产妇死亡率", 10, None, "/10万", "<=", 2025)]),
    ("到2025年，每个街道至少建成1个综合养老服务中心。", [("每个街道至少建成综合养老服务中心", 1, None, "个", ">=", 2025)]),
    ("到2025年，特色示范学校、特色学校创建率分别达30%、50%", [("特色示范学校创建率", 30, None, "%", "=", 2025),
                                                  ("特色学校创建率", 50, None, "%", "=", 2025)]),
    ("2025年，重点人群签约率要达到70%", [("重点人群签约率", 70, None, "%", "=", 2025)]),
    ("到2025年，建成区人均公园绿地面积达到15平方米以上，县级以上城市公共体育场馆开放率达到100%。",
     [("建成区人均公园绿地面积", 15, None, "平方米", ">=", 2025), ("县级以上城市公共体育场馆开放率", 100, None, "%", "=", 2025)]),
])
def test_target_shapes(text, expected):
    assert _facts(text) == expected


def test_baseline_with_per_capita_unit_and_clause_change_type():
    sp = "到2025年，医疗机构床位数由2020年的5.8张/千人提高到7张/千人。"
    f = extract(Span(sp, 0, len(sp)), Span(sp, 0, len(sp)), period_start=2021, period_end=2025)
    assert [(x.indicator_text, x.value, x.unit, x.baseline_value, x.baseline_year) for x in f] == [
        ("医疗机构床位数", 7, "张/千人", 5.8, 2020)]
    sp = "全市旅游总收入年均增长10%左右，接待游客人次达到1.5亿人次。"
    f = extract(Span(sp, 0, len(sp)), Span(sp, 0, len(sp)), period_start=2021, period_end=2025)
    assert [x.change_type for x in f] == ["annual_average", None]


# --- agencies -------------------------------------------------------------------------------

CITY = [RegionRef("region:yangzhou", "扬州市", "Yangzhou", "prefecture", "yangzhou"),
        RegionRef("region:jiangsu", "江苏省", "Jiangsu", "province", "jiangsu")]
COUNTY = [RegionRef("region:wuxing", "吴兴区", "Wuxing", "county", "wuxing"),
          RegionRef("region:huzhou", "湖州市", "Huzhou", "prefecture", "huzhou"),
          RegionRef("region:zhejiang", "浙江省", "Zhejiang", "province", "zhejiang")]
PROVINCE = [RegionRef("region:ningxia", "宁夏回族自治区", "Ningxia", "province", "ningxia")]


@pytest.mark.parametrize("chain,written,full,function", [
    (CITY, "市委宣传部", "扬州市委宣传部", "propaganda"),
    (CITY, "市委组织部", "扬州市委组织部", "organization"),
    (CITY, "团市委", "共青团扬州市委", "youth_league"),
    (CITY, "市妇联", "扬州市妇联", "women_federation"),
    (CITY, "市政府妇儿工委办公室", "扬州市政府妇儿工委办公室", "women_children"),
    (CITY, "市红十字会", "扬州市红十字会", "red_cross"),
    (CITY, "各县（市、区）人民政府", "扬州市各县（市、区）人民政府", "local_government"),
    (CITY, "各镇（街道）", "扬州市各镇（街道）", "local_government"),
    (CITY, "国网扬州供电公司", "国网扬州供电公司", "grid_company"),
    (CITY, "市税务局", "扬州市税务局", "taxation"),
    (COUNTY, "团区委", "共青团吴兴区委", "youth_league"),
    (COUNTY, "市民政局", "湖州市民政局", "civil_affairs"),
    (PROVINCE, "自治区民政厅", "宁夏回族自治区民政厅", "civil_affairs"),
    (PROVINCE, "财政厅", "宁夏回族自治区财政厅", "finance"),
])
def test_agency_names(chain, written, full, function):
    ref = resolve(written, chain)
    assert (ref.name, ref.function) == (full, function)


def test_agency_placeholders_and_brackets():
    assert resolve("市级各部门", CITY) is None
    assert resolve("各有关单位", CITY) is None
    assert clean_name("各乡镇（街道））") == "各乡镇（街道）"
    assert clean_name("责任单位：区财政局") == "区财政局"


def test_responsibility_forms():
    assert split_responsibility("（牵头单位：区教育局；责任单位：区财政局、各乡镇（街道））") == (
        ["区教育局"], ["区财政局", "各乡镇（街道）"])
    assert split_responsibility("由市民政局牵头，市财政局、市卫健委配合") == (["市民政局"], ["市财政局", "市卫健委"])
    text = "建立联席会议制度，由市民政局牵头，市财政局、市卫健委等部门配合，定期会商。"
    lead, involved, ev_span = inline_responsibility(Span(text, 100, 100 + len(text)))
    assert (lead, involved) == (["市民政局"], ["市财政局", "市卫健委"])
    assert text[ev_span.start - 100:ev_span.end - 100] == ev_span.text
    assert inline_responsibility(Span("由政府负责兜底保障。", 0, 10)) is None


def test_more_shapes_from_other_places():
    # 1小时通勤圈 / 15分钟生活圈 are names, not quantities
    assert _facts("建成成都至资阳市域铁路，构建都市圈1小时通勤圈。") == []
    # a county's 县城市管理… is its 城市管理 bureau, not a 县城 body
    county = [RegionRef("region:zhengding", "正定县", "Zhengding", "county", "zhengding")]
    assert resolve("县城市管理综合行政执法局", county).name == "正定县城市管理综合行政执法局"


def test_table_with_several_target_years():
    from ontology.mapping.tables import column_roles, target_columns
    cols = ["序号", "指标", "单位", "2023年", "2025年"]
    roles = column_roles(cols, 2023, 2025)
    assert target_columns(cols, roles, 2023) == [3, 4]
    cols = ["类别", "序号", "指标名称", "单位", "2020年", "2025年", "属性"]
    roles = column_roles(cols, 2021, 2025)
    assert (roles["baseline"], target_columns(cols, roles, 2021)) == (4, [5])
