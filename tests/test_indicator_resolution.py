"""Indicator resolution (issue 11): keys, kinds, the pair decision, curation, the stage over a store,
and precision / recall of same-concept pairs on the hand-made gold (tests/gold/indicator_concepts*.json)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from linking.indicators import (
    PARTNER_CAP,
    Alignment,
    Mention,
    candidate_pairs,
    decide,
    evaluate,
    load_alignment,
    resolve,
)
from ontology.mapping.indicators import canonical, indicator_key, indicator_parts, kind_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "tests" / "gold" / "indicator_concepts.json"
HELDOUT = ROOT / "tests" / "gold" / "indicator_concepts_heldout.json"
DEV = ROOT / "tests" / "gold" / "indicator_concepts_dev.json"
DEV4 = ROOT / "tests" / "gold" / "indicator_concepts_dev4.json"
DEV5 = ROOT / "tests" / "gold" / "indicator_concepts_dev5.json"
DEV6 = ROOT / "tests" / "gold" / "indicator_concepts_dev6.json"
DEV7 = ROOT / "tests" / "gold" / "indicator_concepts_dev7.json"
DEV8 = ROOT / "tests" / "gold" / "indicator_concepts_dev8.json"
DEV9 = ROOT / "tests" / "gold" / "indicator_concepts_dev9.json"
DEV10 = ROOT / "tests" / "gold" / "indicator_concepts_dev10.json"
DEV11 = ROOT / "tests" / "gold" / "indicator_concepts_dev11.json"
IN_CI = os.environ.get("CI", "").lower() == "true"


# --- keys and kinds ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("森林覆盖率（期末）", "全市森林覆盖率"),
    ("养老机构护理型床位占比", "养老机构护理型床位比例"),
    ("养老机构护理型床位比重（%）", "养老机构中护理型床位占比"),
    ("千人口执业（助理）医师数", "每千人口拥有执业（助理）医师数"),
    ("每千名老年人养老床位数", "每千老年人口养老床位数"),
    ("到2025年新增就业人数（五年累计）", "“十四五”期间新增就业人数"),
    ("细颗粒物（PM2.5）年均浓度", "细颗粒物浓度"),
])
def test_one_key_for_ways_of_writing_one_indicator(a, b):
    assert indicator_key(a, None).key == indicator_key(b, None).key


@pytest.mark.parametrize("name, unit, base, restrictive, quantity", [
    ("每千人口拥有3岁以下婴幼儿托位数", "个", "每千人", (), "数"),  # 托位 are for under-3s: 婴幼儿 implied (rewordings)
    ("每千人口普惠性托位数", "个", "每千人", ("普惠",), "数"),
    ("常住人口千人床位数", "张", "每千人", (), "数"),
    ("新增保障性租赁住房", "万套", None, ("保障性", "新增", "租赁"), "数"),  # a count named by its noun is its number
    ("筹集保障性租赁住房", "万套", None, ("保障性", "新增", "租赁"), "数"),
    ("城乡居民人均可支配收入", "元", "人均", (), None),
    ("万元地区生产总值用水量下降", "%", "单位地区生产总值", (), None),  # per 10,000 yuan is per unit of GDP
    ("地级及以上城市空气质量优良天数比率", "%", None, (), "率"),
])
def test_parts_of_a_name(name, unit, base, restrictive, quantity):
    p = indicator_parts(indicator_key(name, unit).key)
    assert (p.base, p.restrictive, p.quantity) == (base, tuple(sorted(restrictive)), quantity), p


def test_qualifiers_become_properties():
    k = indicator_key("新增就业人数（五年累计）", "万人")
    assert "cumulative" in k.qualifiers
    assert "annual_average" in indicator_key("地区生产总值年均增速", "%").qualifiers
    assert "period_end" in indicator_key("森林覆盖率（期末）", "%").qualifiers


def test_share_words_are_unified_only_for_shares():
    assert indicator_key("城乡居民收入比", "ratio").key.endswith("比")
    assert indicator_key("绿色出行比例", "%").key == indicator_key("绿色出行占比", None).key


@pytest.mark.parametrize("name, unit, kind", [
    ("托位数", "个", "count"), ("每千人口托位数", "个", "per_capita"), ("养老床位总数", "张", "count"),
    ("护理型床位占比", "%", "share"), ("新增体育场地面积", "万平方米", "area"),
    ("人均体育场地面积", "平方米", "per_capita"), ("居民人均可支配收入增长", "%", "rate_of_change"),
    ("体育产业总产值", "亿元", "money"), ("人均预期寿命", "岁", "time"), ("森林覆盖率", None, "share"),
    ("新增劳动力平均受教育年限", "年", "time"), ("城乡居民收入比", None, "ratio"), ("绿道长度", "公里", "length"),
])
def test_quantity_kinds(name, unit, kind):
    assert kind_of(name, unit) == kind


def test_the_vocabulary_never_claims_a_name_of_another_kind():
    assert canonical("职业技能培训人次", "万人次").id == "indicator:vocational_skills_training"
    assert canonical("有职业技能培训意愿的参训率", "%").id != "indicator:vocational_skills_training"
    assert canonical("法定户籍基本养老保险参保人数", "万人").id != "indicator:basic_pension_insurance_rate"


# --- the pair decision ------------------------------------------------------------------------------

def _key(name, unit=None):
    return indicator_key(name, unit).key


@pytest.mark.parametrize("a, b", [
    ("生活垃圾分类覆盖率", "生活垃圾无害化处理率"),
    ("城镇登记失业率", "城镇调查失业率"),
    ("托位数", "普惠性托位数"),
    ("体育场地面积", "新增体育场地面积"),
    ("每千人口执业（助理）医师数", "每千人口注册护士数"),
    ("每千人口全科医生数", "每万人口全科医生数"),
    ("产业规模", "现代物流产业规模"),
    ("养老机构护理型床位占比", "普惠支持型床位占比"),
    # names no vocabulary knows (synthetic, in the shapes of other provinces' plans)
    ("筹集租赁住房", "筹集保障性租赁住房"),
    ("新增建设用地", "建设用地"),
    ("每万人口发明专利拥有量", "每万人口高价值发明专利拥有量"),
    ("数字经济增加值占地区生产总值比重", "数字经济核心产业增加值占GDP比重"),
    ("城镇居民人均可支配收入", "农村居民人均可支配收入"),
    ("每千名户籍老年人养老床位数", "每千名老年人拥有养老床位数"),
    ("新能源公交车辆占比", "新能源和清洁能源公交车辆占比"),
    ("铁路营业里程", "高铁营业里程"),
    ("每千人口医疗卫生机构床位数", "每万人口医疗卫生机构床位数"),
    ("县城污水处理率", "城市污水处理率"),
    # grade and size marks (lexicons/indicator_marks.txt) and words put before a short name (a narrower kind)
    ("A级旅游景区数量", "5A级旅游景区数量"),
    ("4A级及以上景区数", "A级景区数"),
    ("用户普及率", "5G用户普及率"),
    ("社区生活圈覆盖率", "15分钟社区生活圈覆盖率"),
    ("公园数量", "口袋公园数量"),
    ("技能人才数", "高技能人才数"),
    ("旅游收入", "入境旅游收入"),
    ("出口总额", "进出口总额"),
    ("发明专利拥有量", "有效发明专利拥有量"),
    ("床位数", "养老床位数"),
    ("产业规模", "体育产业规模"),
    # a list of two indicators is neither
    ("研发经费投入强度", "研发经费投入强度、工业战略性新兴产业产值占比"),
    # a rewording that keeps the insurance apart
    ("参加失业保险人数", "工伤保险参保人数"),
    ("失业保险参保人数", "领取失业保险金人数"),
    # a sector narrows (lexicons/indicator_restrictive.txt)
    ("科技进步贡献率", "农业科技进步贡献率"),
])
def test_near_misses_are_rejected(a, b):
    assert not decide(_key(a), _key(b))[0]


@pytest.mark.parametrize("a, b", [
    ("养老机构护理型床位占比", "护理型床位占比"),
    ("绿色交通出行比例", "绿色出行比例"),
    ("65岁及以上老年人健康管理率", "老年人健康管理率"),
    ("应急避难场所人均避难面积", "人均应急避难场所面积"),
    ("设区市细颗粒物（PM2.5）年均浓度", "PM2.5平均浓度"),
    ("单位GDP能耗下降", "单位国内生产总值能源消耗降低"),
    ("千人均注册护士", "每千人口注册护士数"),
    ("新增保障性租赁住房", "筹集保障性租赁住房"),
    ("公民健康素养水平", "居民健康素养水平"),
    ("高速公路通车里程", "高速公路建成里程"),
])
def test_added_words_that_restrict_nothing_are_accepted(a, b):
    ok, score, why = decide(_key(a), _key(b))
    assert ok, why
    assert 0 < score <= 1


@pytest.mark.parametrize("a, b, unit", [
    # verb-object and nominal forms (lexicons/indicator_rewordings.txt)
    ("参加失业保险人数", "失业保险参保人数", "万人"),
    ("参加城镇职工基本养老保险人数", "城镇职工基本养老保险参保人数", "万人"),
    ("接待国内游客人次", "国内游客接待人次", "万人次"),
    ("接待游客人次", "旅游接待人次", "万人次"),
    # a measuring word that the context fixes
    ("学前教育毛入学率", "学前教育毛入园率", "%"),
    ("网民规模", "网民数量", "亿人"),
    ("养老服务床位总量", "养老床位总数", "张"),
    ("城乡居民人均可支配收入比", "城乡居民收入比", None),
    # a leading 万人 is a base; an implied 城镇
    ("万人公交车辆拥有量", "每万人拥有公共交通车辆", "标台"),
    ("城镇棚户区改造", "棚户区改造", "套"),
    # abbreviations (lexicons/indicator_abbreviations.txt)
    ("规上工业增加值增速", "规模以上工业增加值增长", "%"),
    ("普惠园覆盖率", "普惠性幼儿园覆盖率", "%"),
    ("社保卡持卡人数", "社会保障卡持卡人数", "万人"),
    ("基本医保参保率", "基本医疗保险参保率", "%"),
    # inert words before a short name
    ("城市生活污水处理率", "城市污水处理率", "%"),
    ("各类职业技能培训", "职业技能培训", "万人次"),
    ("外贸进出口总额", "进出口总额", "亿元"),
    # money: 总额 / 金额 / 额; a renamed statistic; 中 after a population
    ("技术合同成交总额", "技术合同成交金额", "亿元"),
    ("实际利用外资", "实际使用外资金额", "亿美元"),
    ("每万名就业人员中研发人员", "每万名就业人员研发人员数", "人年"),
    # a share of all of it (占全…比例) is the share
    ("绿色交通出行占全方式出行比例", "绿色交通出行比例", "%"),
    ("清洁能源占全部能源消费的比重", "清洁能源比重", "%"),
])
def test_rewordings_and_abbreviations_are_one_indicator(a, b, unit):
    ka, kb = indicator_key(a, unit), indicator_key(b, unit)
    assert ka.kind == kb.kind
    ok, _, why = decide(ka.key, kb.key)
    assert ok, why


def test_marks_of_a_name():
    from ontology.mapping.indicators import marks_of

    assert marks_of("5A级旅游景区数") == ("5A",)
    assert marks_of("A级旅游景区数") == ("A",)
    assert marks_of("65岁及以上老年人健康管理率") == ()
    assert marks_of("0-3岁婴幼儿托位数") == ()
    assert marks_of("地表水达到或好于Ⅲ类水体率") == ("Ⅲ",)


def _m(i, plan, name, unit=None):
    return Mention(f"t{i}", plan, name, unit, plan)


def test_kinds_gate_the_issue_examples():
    ms = [_m(1, "a", "托位数", "个"), _m(2, "b", "每千人口托位数", "个"),
          _m(3, "a", "养老床位总数", "张"), _m(4, "b", "护理型床位占比", "%"),
          _m(5, "a", "新增体育场地面积", "万平方米"), _m(6, "b", "人均体育场地面积", "平方米"),
          _m(7, "a", "生活垃圾分类覆盖率", "%"), _m(8, "b", "生活垃圾无害化处理率", "%")]
    r = resolve(ms, alignment=Alignment())
    c = {a.target_id: a.concept_id for a in r.assignments}
    for x, y in (("t1", "t2"), ("t3", "t4"), ("t5", "t6"), ("t7", "t8")):
        assert c[x] != c[y]


def test_one_concept_with_aliases_score_and_method():
    ms = [_m(1, "p1", "养老机构护理型床位占比", "%"), _m(2, "p2", "养老机构护理床位占比", "%"),
          _m(3, "p3", "绿色交通出行比例", "%"), _m(4, "p4", "绿色出行比例", "%")]
    r = resolve(ms, alignment=Alignment())
    c = {a.target_id: a for a in r.assignments}
    assert c["t1"].concept_id == c["t2"].concept_id == "indicator:nursing_bed_share"
    assert c["t3"].concept_id == c["t4"].concept_id
    green = r.concepts[c["t3"].concept_id]
    assert {n for n, _ in green.aliases} == {"绿色交通出行比例", "绿色出行比例"} and green.plans == 2
    assert {c["t3"].method, c["t4"].method} == {"key", "lexical"}
    assert min(c["t3"].score, c["t4"].score) < 1.0
    assert c["t1"].method == "vocabulary"


def test_two_names_of_one_plan_stay_two_indicators():
    ms = [_m(1, "p", "特色学校创建率", "%"), _m(2, "p", "特色优势学校创建率", "%")]
    r = resolve(ms, alignment=Alignment())
    assert len({a.concept_id for a in r.assignments}) == 2


def test_no_chains_through_a_general_name():
    # 护理型床位率 ~ 养老机构护理型床位率 and ~ 医院护理型床位率, but the two longer names differ by a substitution
    ms = [_m(1, "a", "护理型床位占比", "%"), _m(2, "b", "社区养老服务中心护理型床位占比", "%"),
          _m(3, "c", "康复医院护理型床位占比", "%")]
    r = resolve(ms, alignment=Alignment())
    c = {a.target_id: a.concept_id for a in r.assignments}
    assert c["t2"] != c["t3"]


def test_a_new_plan_joins_existing_concepts_and_order_does_not_matter():
    base = [_m(1, "p1", "绿色交通出行比例", "%"), _m(2, "p2", "绿色出行比例", "%")]
    added = [_m(3, "p3", "全区绿色出行比例（期末）", "%")]
    r1 = resolve(base + added, alignment=Alignment())
    r2 = resolve(list(reversed(added + base)), alignment=Alignment())
    assert r1.assignments == r2.assignments
    assert len({a.concept_id for a in r1.assignments}) == 1


# --- curation -----------------------------------------------------------------------------------------

def test_alignment_file_same_not_same_and_new_concepts(tmp_path):
    p = tmp_path / "alignment.csv"
    p.write_text("# curated\nrelation,a,b,concept_id,concept_name,unit,note\n"
                 "same,新增公共停车泊位,新建公共停车泊位,,,,built ones are the added ones here\n"
                 "not_same,绿色交通出行比例,绿色出行比例,,,,\n"
                 "concept,河湖水面率,,water_surface_ratio,河湖水面率,%,\n", encoding="utf-8")
    al = load_alignment(p)
    ms = [_m(1, "a", "新增公共停车泊位", "个"), _m(2, "b", "新建公共停车泊位", "个"),
          _m(3, "a", "绿色交通出行比例", "%"), _m(4, "b", "绿色出行比例", "%"),
          _m(5, "a", "全区河湖水面率", "%"), _m(6, "b", "河湖水面率（期末）", "%")]
    r = resolve(ms, alignment=al)
    c = {a.target_id: a for a in r.assignments}
    assert c["t1"].concept_id == c["t2"].concept_id and "curated" in {c["t1"].method, c["t2"].method}
    assert c["t3"].concept_id != c["t4"].concept_id
    assert c["t5"].concept_id == c["t6"].concept_id == "indicator:water_surface_ratio"
    assert r.concepts["indicator:water_surface_ratio"].name == "河湖水面率"


def test_alignment_file_rejects_bad_rows(tmp_path):
    p = tmp_path / "alignment.csv"
    p.write_text("relation,a,b,concept_id,concept_name,unit,note\nmaybe,x,y,,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="relation"):
        load_alignment(p)


def test_shipped_alignment_file_loads():
    al = load_alignment()
    assert isinstance(al, Alignment)


# --- candidates are not quadratic ---------------------------------------------------------------------

def test_candidates_are_a_small_fraction_of_all_pairs():
    from bench.bench_indicators import synthetic_mentions

    sizes = []
    for plans in (10, 40):
        keys = sorted({indicator_key(m.name, m.unit).key for m in synthetic_mentions(plans, 100)})
        sizes.append((len(keys), len(candidate_pairs(keys))))
    for n, pairs in sizes:
        assert pairs <= PARTNER_CAP * n  # a bound linear in the keys, whatever the corpus
        assert pairs < n * (n - 1) // 2 / 100


# --- the stage over a store -----------------------------------------------------------------------------

def _toml(entries):
    out = []
    for e in entries:
        out.append("[[plan]]")
        out += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in e.items()]
    return "\n".join(out) + "\n"


def _plans(into: Path, files: list[str]) -> Path:
    import tomllib

    src = ROOT / "data" / "plans"
    meta = tomllib.loads((src / "plans.toml").read_text(encoding="utf-8"))["plan"]
    into.mkdir(parents=True, exist_ok=True)
    keep = [e for e in meta if e["file"] in files]
    for e in keep:
        shutil.copy(src / e["file"], into / e["file"])
    (into / "plans.toml").write_text(_toml(keep), encoding="utf-8")
    return into


def test_stage_in_the_store_and_an_added_plan_ends_like_a_fresh_build(tmp_path):
    from graph.embedded_store import EmbeddedStore
    from pipeline.build import build

    one = _plans(tmp_path / "one", ["yangzhou.txt"])
    both = _plans(tmp_path / "both", ["yangzhou.txt", "ningxia.txt"])
    inc = EmbeddedStore(tmp_path / "inc.lbug")
    inc.ensure_schema()
    build(one, inc, similarity="none", progress=False)
    report = build(both, inc, similarity="none", progress=False).indicators
    fresh = EmbeddedStore(tmp_path / "fresh.lbug")
    fresh.ensure_schema()
    build(both, fresh, similarity="none", progress=False)
    assert inc.dump() == fresh.dump()
    assert report is not None and report.concepts > 0 and report.shared > 0
    rows = fresh.read("MATCH (t:Target)-[m:MEASURES]->(i:Indicator) RETURN i.id AS i, m.score AS s, m.method AS m, "
                      "t.plan_id AS p").records()
    assert rows and all(r["s"] is not None and r["m"] for r in rows)
    shared = {r["i"] for r in rows if r["i"] == "indicator:sports_ground_area_per_capita"}
    assert shared
    aliases = fresh.read("MATCH (i:Indicator {id: 'indicator:sports_ground_area_per_capita'}) "
                         "RETURN i.aliases AS a, i.plans AS n").records()[0]
    assert "扬州市" in aliases["a"] and "宁夏回族自治区" in aliases["a"] and aliases["n"] == 2
    # every indicator node is measured by some target (merged-away nodes are gone)
    assert not fresh.read("MATCH (i:Indicator) WHERE NOT EXISTS { MATCH (i)<-[:MEASURES]-(:Target) } "
                          "RETURN i.id").rows


# --- gold --------------------------------------------------------------------------------------------

def _need_corpus():
    if not CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"{CORPUS} is required under CI=true")
        pytest.skip(f"the shared corpus is not at {CORPUS}")


def _gold_report(path: Path) -> dict:
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(path.read_text(encoding="utf-8"))
    return run(gold, extracted_mentions(gold))


@pytest.fixture(scope="module")
def gold_report():
    _need_corpus()
    return _gold_report(GOLD)


def test_gold_file_is_well_formed():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(gold["groups"]) >= 15 and len(gold["near_misses"]) >= 15
    for g in gold["groups"]:
        assert g["kind"] in ("share", "count", "per_capita", "rate_of_change", "money", "area", "length", "time",
                             "ratio", "other")
        assert len({m["plan"] for m in g["members"]}) >= 2, g["concept"]
    for n in gold["near_misses"]:
        assert n["why"] and n["a"] != n["b"]
    for name in gold.get("corpus_plans", {}):
        assert name[:2] in ("01", "05", "09", "13", "17", "21", "23", "29"), f"{name} is not a tuning document"


def test_gold_precision_recall_and_no_near_miss_merged(gold_report):
    # measured: precision 1.0, recall 0.94 (33 of 35 pairs), 0 of 21 near misses merged
    assert gold_report["near_misses_merged"] == []
    assert gold_report["precision"] >= 0.95
    assert gold_report["recall"] >= 0.85


def test_dev_gold_of_other_provinces():
    """Names from plans of other provinces, most of them unknown to the vocabulary (no corpus needed)."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV.read_text(encoding="utf-8"))
    assert len({m["indicator"] for g in gold["groups"] for m in g["members"]}) >= 60
    assert not gold.get("corpus_plans")
    r = run(gold, extracted_mentions(gold))
    # measured (107 pairs, 58 near misses): before the parts of a name (base, restrictive classes, quantity)
    # and the decorative and broadening lexicons P 0.86 R 0.53, 4 near misses merged; after P 1.0 R 0.91, none.
    # Batches 2 and 3, fresh, before any change for them: P 0.95 R 0.74, 1 of 14 merged; P 0.79 R 0.69, 2 of 12
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.85
    nv = run(gold, extracted_mentions(gold), vocabulary=False)  # measured: P 1.0 R 0.89, none merged
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.97 and nv["recall"] >= 0.8


def test_dev_gold_batch_4_rewordings():
    """Batch 4 of other provinces' names (rewordings: 参加X保险人数, 普惠园, 规上, 学前三年, 5A级 as a near miss)."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV4.read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 30 and len(gold["near_misses"]) >= 25
    r = run(gold, extracted_mentions(gold))
    # measured once before any change for it: P 0.97 R 0.67 (29 of 43 pairs), 1 of 25 near misses merged
    # (A级 with 5A级 景区); after the rewordings, abbreviations, marks and the short-name gate: P 1.0 R 1.0, none
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.9


def test_dev_gold_batch_5_science_agriculture_commerce():
    """Batch 5, written after batch 4's changes (science and technology, agriculture, commerce)."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV5.read_text(encoding="utf-8"))
    r = run(gold, extracted_mentions(gold))
    # measured once before any change for it: P 0.81 R 0.61 (17 of 28 pairs), 1 of 16 near misses merged
    # (科技进步贡献率 with 农业科技进步贡献率); after (sectors restrictive, 总额/金额 = 额 in money, 利用外资 =
    # 使用外资, 外贸 inert, 中 after 人员): P 1.0 R 0.86, none
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.8


def test_heldout_gold_when_it_exists():
    if not HELDOUT.is_file():
        pytest.skip("tests/gold/indicator_concepts_heldout.json is not written yet")
    _need_corpus()
    r = _gold_report(HELDOUT)
    # measured when the held-out gold landed, before any change for it (the figures stay unseen):
    # 17 pairs, precision 0.67, recall 0.47, 2 of 26 near misses merged (a supply of all rental housing
    # with one of affordable rental housing: 保障性 is no restrictive word yet; a flow of residential
    # land with its stock). Measured once after the parts of a name (restrictive classes, decorative words,
    # dev gold of other provinces): precision 0.73, recall 0.47, 1 of 26 merged; once more after the rewordings,
    # abbreviations, marks and the short-name gate (dev batches 4 and 5): unchanged. These are regression guards,
    # not the project's bars (>= 0.9, no merge).
    assert len(r["near_misses_merged"]) <= 1
    assert r["precision"] >= 0.7
    assert r["recall"] >= 0.4


def test_evaluate_counts_pairs_across_plans_only():
    gold = {"groups": [{"concept": "x", "kind": "share", "members": [
        {"plan": "a", "indicator": "x1"}, {"plan": "a", "indicator": "x2"}, {"plan": "b", "indicator": "x3"}]}],
        "near_misses": [{"a": {"plan": "a", "indicator": "x1"}, "b": {"plan": "c", "indicator": "y"}, "why": "."}]}
    r = evaluate(gold, {("a", "x1"): "c1", ("a", "x2"): "c2", ("b", "x3"): "c1", ("c", "y"): "c3"})
    assert (r["true_positive"], r["false_negative"], r["false_positive"]) == (1, 1, 0)
    r = evaluate(gold, {("a", "x1"): "c1", ("a", "x2"): "c1", ("b", "x3"): "c1", ("c", "y"): "c1"})
    assert len(r["near_misses_merged"]) == 1 and r["false_positive"] == 3


# --- the embedding path without a model -------------------------------------------------------------

def test_without_an_embedding_model_auto_falls_back_and_embedding_says_why(monkeypatch, tmp_path, caplog):
    import logging

    import linking.indicators as li

    monkeypatch.setenv("PLANGRAPH_EMBED_MODEL", str(tmp_path / "no-such-model"))
    monkeypatch.delenv("PLANGRAPH_MODEL_DOWNLOAD", raising=False)
    monkeypatch.setattr(li, "_WARNED", set())
    ms = [_m(1, "a", "绿色交通出行比例", "%"), _m(2, "b", "绿色出行比例", "%")]
    with caplog.at_level(logging.WARNING, logger="linking.indicators"):
        r = resolve(ms, alignment=Alignment(), method="auto")
    assert r.method == "lexical"
    assert "PLANGRAPH_EMBED_MODEL" in caplog.text and "lexical decision is used" in caplog.text
    with pytest.raises(RuntimeError, match="no sentence-embedding model that reads Chinese"):
        resolve(ms, alignment=Alignment(), method="embedding")


def test_units_of_different_quantities_never_join():
    from collections import Counter

    from linking.indicators import unit_clash

    assert unit_clash(Counter({"%": 2}), Counter({"个": 1}))
    assert unit_clash(Counter({"微克/立方米": 1}), Counter({"公里": 1}))
    assert unit_clash(Counter({"张": 1}), Counter({"张/千人": 1})) is None  # one count, per base or not
    assert unit_clash(Counter({"平方米": 1}), Counter({"平方米/人": 1})) is None
    assert unit_clash(Counter({"%": 1}), Counter()) is None
    ms = [_m(1, "a", "再生水利用量", "万立方米"), _m(2, "b", "城区再生水利用量", "万吨")]  # both kind other, names accepted
    r = resolve(ms, alignment=Alignment())
    c = {a.target_id: a.concept_id for a in r.assignments}
    assert c["t1"] != c["t2"]


# --- brackets after a name, attributive words, words after a base (dev batches 6 and 7) ------------------

@pytest.mark.parametrize("a, b, unit", [
    ("城镇新增就业（万人）", "城镇新增就业", "万人"),
    ("孕产妇死亡率（/10万）", "孕产妇死亡率", None),
    ("地区生产总值（亿元）", "地区生产总值", "亿元"),
    ("每千人口注册护士（人）", "每千人口注册护士", None),
    ("执业（助理）医师数（每千人口）", "每千人口执业（助理）医师数", None),
    ("城镇化率（常住人口）", "常住人口城镇化率", "%"),
    ("每千人口拥有执业（助理）医师数（常住人口）", "每千人口执业（助理）医师数", None),
])
def test_a_unit_or_a_base_in_brackets_after_the_name(a, b, unit):
    assert indicator_key(a, unit).key == indicator_key(b, unit).key


def test_a_unit_in_brackets_gives_the_kind_and_is_kept():
    k = indicator_key("地区生产总值（亿元）", None)
    assert (k.kind, k.unit) == ("money", "亿元") and "unit_gloss" in k.qualifiers
    assert indicator_key("执业（助理）医师数", None).key.endswith("医师数")  # 助理 is no unit: the bracket stays
    assert indicator_key("货物进出口总额", "亿美元").kind == "money"  # US dollars are money too


@pytest.mark.parametrize("a, b", [
    ("职业技能培训人次", "补贴性职业技能培训人次"),  # an attributive word in -性
    ("公共交通出行分担率", "公共交通机动化出行分担率"),  # ... in -化, inside the name
    ("每千人口执业（助理）医师数", "每千人口中医类别执业（助理）医师数"),  # a 类别 word after the base
    ("每千人口床位数", "每千人口中医床位数"),  # a word after the base, before a short name
    ("每千人口执业医师数", "每千人口中医执业医师数"),
])
def test_narrower_kinds_by_attributive_words_and_words_after_a_base(a, b):
    ok, _, why = decide(_key(a), _key(b))
    assert not ok, why


def test_an_attributive_word_around_a_synonym_keeps_the_name_off_the_vocabulary():
    assert canonical("补贴性职业技能培训人次", "万人次").id != "indicator:vocational_skills_training"
    assert canonical("各类职业技能培训", "万人次").id == "indicator:vocational_skills_training"


@pytest.mark.parametrize("a, b, unit", [
    ("人均公共体育场地面积", "人均体育场地面积", "平方米"),  # 公共 after a base restates (indicator_inert_after_base.txt)
    ("接待游客总人次", "游客接待人次", "万人次"),
    ("地区生产总值总量", "地区生产总值", "亿元"),
    ("单位生产总值二氧化碳排放量降低", "单位地区生产总值二氧化碳排放降低", "%"),
    ("人均生产总值", "人均地区生产总值", "元"),
    ("全社会研究开发投入占地区生产总值的比重", "研发投入强度", "%"),
    ("研发经费支出相当于地区生产总值比例", "研发经费投入强度", "%"),  # spending relative to GDP is the intensity
    ("旅游业总收入", "旅游总收入", "亿元"),
    ("农村劳动力转移就业（万人）", "农村劳动力转移就业规模", "万人"),
])
def test_rewordings_of_batches_6_and_7(a, b, unit):
    ka, kb = indicator_key(a, unit), indicator_key(b, unit)
    assert ka.kind == kb.kind
    ok, _, why = decide(ka.key, kb.key)
    assert ok, why


def test_amounts_in_yuan_and_in_dollars_do_not_clash():
    from collections import Counter

    from linking.indicators import unit_clash

    assert unit_clash(Counter({"亿美元": 1}), Counter({"亿元": 1})) is None
    ms = [_m(1, "a", "货物进出口总额", "亿美元"), _m(2, "b", "货物贸易进出口总额", "亿元")]
    c = {a.target_id: a.concept_id for a in resolve(ms, alignment=Alignment()).assignments}
    assert c["t1"] == c["t2"]


@pytest.mark.parametrize("path, before", [
    # measured once before any change for them (2922bd1 on 65fd20b): dev6 P 0.93 R 0.88 (28 of 32 pairs),
    # 1 of 20 near misses merged (补贴性 training with all training), without vocabulary R 0.69; dev7 P 0.92
    # R 0.71 (22 of 31), 1 of 23 merged (公共交通机动化出行分担率 with 公共交通出行分担率). After the brackets,
    # attributive words, words after a base and the rewordings: both P 1.0 R 1.0, none merged.
    (DEV6, "P 0.93 R 0.88"), (DEV7, "P 0.92 R 0.71"),
])
def test_dev_gold_batches_6_and_7(path, before):
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(path.read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 20 and len(gold["near_misses"]) >= 20
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.9
    nv = run(gold, ex, vocabulary=False)  # measured: dev6 R 0.94, dev7 R 1.0; none merged
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.97 and nv["recall"] >= 0.85


@pytest.mark.parametrize("a, b, unit", [
    ("年接待游客", "接待游客人次", "万人次"),  # 年 of a sentence (年接待游客1000万人次), the quantity from the unit
    ("全社会固定资产投资累计完成", "固定资产投资", "亿元"),  # the verb after the name
    ("环境空气质量指数（AQI）优良率预计", "环境空气质量指数优良率", "%"),
    ("以建筑面积", "建筑面积", "平方米"),
])
def test_words_of_the_sentence_are_cut_from_the_name(a, b, unit):
    ka, kb = indicator_key(a, unit), indicator_key(b, unit)
    assert ka.kind == kb.kind
    ok, _, why = decide(ka.key, kb.key)
    assert ok, why
    assert indicator_key("任务完成率", "%").key == "任务完成率" and indicator_key("年龄结构", None).key == "年龄结构"


def test_an_amount_in_percent_is_its_change():
    assert kind_of("地区生产总值", "%") == "rate_of_change"
    assert kind_of("地区生产总值", "亿元") == "money"
    assert kind_of("研发经费投入强度", "%") == "share"
    ok, _, why = decide(_key("地区生产总值", "%"), _key("地区生产总值增长", "%"))
    assert ok, why


@pytest.mark.parametrize("a, ua, b, ub", [
    ("床位数（张/千人）", None, "每千人口床位数", "张"),  # the base the unit says joins the name
    ("公园绿地面积", "平方米/人", "人均公园绿地面积", "平方米"),
    ("养老床位数", "张/千老年人", "每千名老年人养老床位数", "张"),
    ("铁路运营里程", "公里", "铁路营业里程", "公里"),
    ("农村卫生户厕普及率", "%", "农村卫生厕所普及率", "%"),
])
def test_the_base_of_a_unit_and_more_measure_words(a, ua, b, ub):
    assert indicator_key(a, ua).key == indicator_key(b, ub).key
    assert indicator_key(a, ua).kind == indicator_key(b, ub).kind


def test_a_unit_without_a_population_says_no_base():
    assert indicator_key("孕产妇死亡率", "1/10万").key == "孕产妇死亡率"
    assert kind_of("户均用电量", None) == kind_of("户均用电量", "千瓦时/户") == "per_capita"


@pytest.mark.parametrize("a, b, unit", [
    ("万元GDP用水量降低", "单位地区生产总值用水量下降", "%"),  # per 10,000 yuan of GDP is per unit of GDP
    ("万元工业增加值用水量下降", "单位工业增加值用水量下降", "%"),
    ("亿元GDP生产安全事故死亡率（人/亿元）", "亿元地区生产总值生产安全事故死亡率", None),  # one unit per another
    ("农村常住居民人均可支配收入增长", "农村居民人均可支配收入增长", "%"),
    ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入（元）", "元"),
])
def test_rewordings_of_batch_8(a, b, unit):
    assert indicator_key(a, unit).key == indicator_key(b, unit).key
    assert _key("万元GDP用水量降低", "%") != _key("万元工业增加值用水量下降", "%")


def test_dev_gold_batch_8_untouched_check():
    """Batch 8, written after the changes for batches 6 and 7 and measured once with them before any change for it."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV8.read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 14 and len(gold["near_misses"]) >= 13
    r = run(gold, extracted_mentions(gold))
    # measured once (the untouched check of batches 6 and 7's rules): P 1.0 R 0.72 (13 of 18 pairs), none of 13
    # near misses merged (after mending one labelling slip; P 0.92 before it). After 万元 = 单位 bases, a unit per a
    # unit in brackets and 常住居民 = 居民: P 1.0 R 0.94 (17 of 18), none merged (left: 亿元GDP…死亡率（人/亿元） is
    # kind other by its unit, the same name without a unit a share).
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.9


@pytest.mark.parametrize("a, ua, b, ub", [
    ("3岁以下婴幼儿托位数（每千人口）", "个", "每千人口托位数", "个"),  # 托位 are for under-3s: 婴幼儿 implied
    ("研究与试验发展（R&D）经费支出占地区生产总值比重", "%", "R&D经费投入强度", "%"),  # (R&D) is a gloss
    ("城镇新增就业人数（五年累计，万人）", None, "城镇新增就业人数", "万人"),  # a qualifier and the unit in one bracket
    ("城区人均公园绿地面积", "平方米", "人均公园绿地面积", "平方米"),  # the urban district before a base is scope
    ("累计建成5G基站", "个", "5G基站", "个"),  # the sentence's verb; 累计 a qualifier
    ("一般工业固废综合利用率", "%", "一般工业固体废物综合利用率", "%"),
    ("城镇新建建筑中绿色建筑面积占比", "%", "绿色建筑占新建建筑比例", "%"),  # Y中X占比 = X占Y比例
    ("城镇绿色建筑占新建建筑比重", "%", "绿色建筑占新建建筑比例", "%"),
    ("快递业务总量", "亿件", "快递业务量", "亿件"),  # in a count 量 and 数 are one quantity
    ("社会物流总费用与GDP的比率", "%", "社会物流总费用占地区生产总值比重", "%"),  # 与…的比率 = 占…比重
    ("国民综合阅读率", "%", "居民综合阅读率", "%"),
    ("耕地保有量", "万亩", "耕地保有面积", "万亩"),  # an amount of land is its area
    ("单位生产总值建设用地使用面积下降率", "%", "单位GDP建设用地使用面积降低", "%"),  # the rate of a change
    ("化学需氧量排放总量减少", "%", "化学需氧量排放量降低", "%"),
])
def test_rewordings_of_batch_9(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert (ka.key, ka.kind) == (kb.key, kb.kind)  # one key, not only a pair the decision accepts


@pytest.mark.parametrize("a, ua, b, ub", [
    ("装配式建筑占新建建筑面积比例", "%", "城镇新建建筑中绿色建筑面积占比", "%"),  # prefabricated vs green
    ("新建5G基站", "个", "累计建成5G基站", "个"),  # a flow vs the stock
    ("每千人口普惠性托位数", "个", "3岁以下婴幼儿托位数（每千人口）", "个"),  # inclusive places vs all
    ("城区常住人口", "万人", "常住人口", "万人"),  # 城区 is scope only before a per-capita base
    ("快递业务收入", "亿元", "快递业务总量", "亿件"),
    ("生活垃圾焚烧处理率", "%", "生活垃圾回收利用率", "%"),
    ("全员劳动生产率增长", "%", "全员劳动生产率", "万元/人"),
    ("氨氮排放总量减少", "%", "化学需氧量排放总量减少", "%"),
])
def test_near_misses_of_batch_9_stay_apart(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert ka.kind != kb.kind or not decide(ka.key, kb.key)[0], (ka, kb)


def test_dev_gold_batch_9_untouched_check():
    """Batch 9, written after batch 8's changes and measured once with them before any change for it."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV9.read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 20 and len(gold["near_misses"]) >= 30
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured once before any change for it (be8e517): P 1.0 R 0.70 (53 of 76 pairs), none of 34 near misses
    # merged; without vocabulary R 0.64 (49 of 76).  After the batch-9 rewordings: P 1.0 R 0.97 (74 of 76), none
    # merged, without vocabulary the same (left: 城镇生活垃圾回收利用率, kept apart because 城镇 is restrictive).
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.95
    nv = run(gold, ex, vocabulary=False)
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.97 and nv["recall"] >= 0.95


@pytest.mark.parametrize("a, ua, b, ub", [
    ("二级及以上综合医院设置老年医学科的比例（%）", None, "二级以上综合性医院设立老年医学科比例", "%"),  # 及以上 = 以上
    ("二级及以上综合医院老年医学科设置率", "%", "二级以上综合性医院设立老年医学科比例", "%"),  # verb-object share
    ("地下水V类水比例", "%", "地下水Ⅴ类水比例", "%"),  # Latin V is the Roman numeral
    ("规模以上工业单位增加值能耗下降（%）", None, "单位规模以上工业增加值能耗下降", "%"),  # the base first
    ("出生人口性别比（女=100）", None, "出生人口性别比", None),  # the reference is a gloss
    ("工矿商贸就业人员十万人生产安全事故死亡率", None, "工矿商贸十万从业人员生产安全事故死亡率", None),
    ("村级集体经济年收入10万元以上村占比", "%", "集体经济年收入10万元以上的村占比", "%"),
    ("自然保护地面积占陆域国土面积比例", "%", "自然保护地占国土面积比例", "%"),  # the territory is the implied whole
    ("适龄儿童免疫规划疫苗接种率", "%", "国家免疫规划疫苗接种率", "%"),
    ("绿道长度（公里）", None, "绿道总里程", "公里"),  # a network's length is its 里程
    ("公共停车泊位（个）", None, "公共停车位", "个"),
])
def test_rewordings_of_batch_10(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert (ka.key, ka.kind) == (kb.key, kb.kind)


@pytest.mark.parametrize("a, ua, b, ub", [
    ("三级综合医院设置老年医学科比例", "%", "二级及以上综合医院设置老年医学科的比例", "%"),
    ("公共交通站点300米覆盖率", "%", "公共交通站点500米覆盖率", "%"),
    ("地表水劣Ⅴ类水体比例", "%", "地下水质量V类水比例", "%"),
    ("单位地区生产总值能耗降低", "%", "规上工业单位增加值能耗降低", "%"),
    ("集体经济年收入50万元以上的村占比", "%", "集体经济年收入10万元以上的村占比", "%"),
    ("生态保护红线面积占比", "%", "自然保护地面积占比", "%"),
    ("新增绿道", "公里", "绿道总里程", "公里"),
    ("港口泊位数", "个", "公共停车位数量", "个"),
    ("城市供水管道长度", "公里", "燃气管道总长度", "公里"),
])
def test_near_misses_of_batch_10_stay_apart(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert ka.kind != kb.kind or not decide(ka.key, kb.key)[0], (ka, kb)


def test_dev_gold_batch_10_untouched_check():
    """Batch 10, written after batch 9's rules and measured once with them before any change for it."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV10.read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 20 and len(gold["near_misses"]) >= 25
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured once before any change for it (82a979b): P 1.0 R 0.58 (30 of 52 pairs), none of 26 near misses merged,
    # without vocabulary the same.  After the batch-10 rewordings: P 1.0 R 0.94 (49 of 52), none merged, without
    # vocabulary the same (left: 生猪出栏（万头）, 头 being no unit of units.csv).  After classifier units
    # (lexicons/indicator_count_classifiers.txt) and moved words no prefix: R 1.0 (52 of 52), none merged.
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.97
    nv = run(gold, ex, vocabulary=False)
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.97 and nv["recall"] >= 0.97


def test_a_classifier_unit_is_a_count_and_moved_words_are_no_prefix():
    # 头 is no unit of units.csv: lexicons/indicator_count_classifiers.txt makes （万头） a unit and the name a count
    k = indicator_key("生猪出栏（万头）", None)
    assert (k.key, k.kind, k.unit) == ("生猪出栏数", "count", "万头")  # a count named by its noun is its number
    assert kind_of("年出栏生猪", "万头") == "count"
    ok, _, why = decide(_key("年出栏生猪", "万头"), _key("生猪出栏量", "万头"))  # the words moved, none put before
    assert ok, why
    assert not decide(_key("公园数", "个"), _key("口袋公园数", "个"))[0]  # a word put before a short name still narrows


@pytest.mark.parametrize("a, ua, b, ub", [
    ("VOCs排放量降低", "%", "挥发性有机物（VOCs）排放总量下降", "%"),  # an abbreviation alone is written out
    ("每10万人拥有博物馆数", "个", "每十万人口博物馆数（个）", None),  # a base in Arabic numerals
    ("民航旅客吞吐量", "万人次", "机场旅客吞吐量（万人次）", None),
    ("集装箱年吞吐量", "万标箱", "集装箱吞吐量", "万标箱"),  # the year of a flow stated per year
    ("常住人口（期末）", "万人", "常住人口规模（万人）", None),  # a population in 万人 is its number
    ("万人拥有公厕数量", "座", "每万人公厕数", "座"),
    ("城市公园", "个", "公园总数", "个"),  # a count named by a short noun alone is its number
])
def test_rewordings_of_batch_11(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert (ka.key, ka.kind) == (kb.key, kb.kind)
    assert kind_of("每10万人拥有博物馆数", None) == "per_capita"


@pytest.mark.parametrize("a, ua, b, ub", [
    ("每万人口博物馆数", "个", "每10万人拥有博物馆数", "个"),  # another base
    ("航空货邮吞吐量", "万吨", "航空旅客吞吐量", "万人次"),
    ("户籍人口规模", "万人", "常住人口规模", "万人"),
    ("口袋公园", "个", "城市公园", "个"),  # a narrower kind of park, also when both get 数
    ("氮氧化物排放总量下降", "%", "VOCs排放量降低", "%"),
    ("国家级专精特新小巨人企业", "家", "专精特新小巨人企业", "家"),
    ("供应", "套", "新增就业人数", "万人"),  # a verb left as a name (供应 = 新增) gets no 数: no noun to count
])
def test_near_misses_of_batch_11_stay_apart(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert ka.kind != kb.kind or not decide(ka.key, kb.key)[0], (ka, kb)


def test_dev_gold_batch_11_untouched_check():
    """Batch 11, written after batch 10's rules and measured once with them before any change for it."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads(DEV11.read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 15 and len(gold["near_misses"]) >= 20
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured once before any change for it (10783bd): P 1.0 R 0.62 (28 of 45 pairs), none of 20 near misses
    # merged, without vocabulary the same.  After the batch-11 rules: P 1.0 R 0.96 (43 of 45), none merged, without
    # vocabulary the same (left: 生活垃圾焚烧处理能力占无害化处理能力比重 / …占比, the whole named or implied).
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.93
    nv = run(gold, ex, vocabulary=False)
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.97 and nv["recall"] >= 0.93


@pytest.mark.parametrize("a, ua, b, ub", [
    ("能耗强度降低（%）", None, "单位生产总值能耗下降", "%"),  # an intensity is per unit of GDP
    ("碳排放强度下降", "%", "单位GDP二氧化碳排放降低", "%"),  # 二氧化碳排放 = 碳排放
    ("常住人口自然增长率", "‰", "人口自然增长率（‰）", None),  # 常住 is the default population
    ("注册志愿者人数占常住人口比例", "%", "注册志愿者比例", "%"),  # a share of the whole population
    ("农产品加工产值与农业总产值之比", "ratio", "农产品加工产值与农业总产值比", "ratio"),
    ("建制村通客车比例", "%", "行政村通客车率", "%"),
    ("上市企业数量", "家", "上市公司数（家）", None),
    ("院前医疗急救平均响应时间", "分钟", "院前急救平均反应时间", "分钟"),
    ("城网供电可靠性", "%", "城市电网供电可靠率（%）", None),
    ("城镇居民人均住房建筑面积", "平方米", "城镇人均住房面积", "平方米"),
])
def test_rewordings_of_batch_12(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert (ka.key, ka.kind) == (kb.key, kb.kind)


def test_restrictive_word_counts_only_where_a_word_begins():
    # 工业 inside 加工业 (one word) is no qualifier; 工业 as a word of its own is one
    assert "工业" not in indicator_parts(indicator_key("农产品加工业产值与农业总产值比", "ratio").key).restrictive
    assert "工业" in indicator_parts(indicator_key("工业用水重复利用率", "%").key).restrictive
    assert "户籍" in indicator_parts(indicator_key("户籍人口城镇化率", "%").key).restrictive
    ok, _, why = decide(_key("常住人口城镇化率", "%"), _key("户籍人口城镇化率", "%"))
    assert not ok, why  # 常住 is the default, 户籍 still narrows


@pytest.mark.parametrize("a, ua, b, ub", [
    ("跨境电子商务交易额", "亿元", "电子商务交易额", "亿元"),  # cross-border trade is some of all
    ("金融机构本外币贷款余额", "亿元", "金融机构各项存款余额", "亿元"),
    ("每万人拥有社会体育指导员", "人", "每千人拥有社会体育指导员数（人）", None),
    ("声环境功能区昼间达标率", "%", "声环境功能区夜间达标率（%）", None),
    ("农村电网供电可靠率", "%", "城市电网供电可靠率", "%"),
    ("建制村通硬化路率", "%", "建制村通客车比例", "%"),
    ("旅游总收入占地区生产总值比重", "%", "旅游业增加值占地区生产总值比重（%）", None),
    ("能耗强度降低", "%", "碳排放强度下降", "%"),
    ("注册志愿者人数", "万人", "注册志愿者人数占常住人口比例（%）", None),
    ("海岛自然岸线保有率", "%", "大陆自然岸线保有率", "%"),
    ("新增上市企业", "家", "境内外上市公司数（家）", None),
])
def test_near_misses_of_batch_12_stay_apart(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert ka.kind != kb.kind or not decide(ka.key, kb.key)[0], (ka, kb)


def test_dev_gold_batch_12_untouched_check():
    """Batch 12, written after batch 11's rules and measured once with them before any change for it."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts_dev12.json").read_text(encoding="utf-8"))
    assert not gold.get("corpus_plans") and len(gold["groups"]) >= 25 and len(gold["near_misses"]) >= 30
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured once before any change for it (7958ea4): P 0.976 R 0.50 (41 of 82 pairs), 1 of 32 near misses merged
    # (跨境电子商务交易额 / 电子商务交易额).  After the batch-12 rules: P 1.0 R 0.85 (70 of 82), none merged, without
    # vocabulary the same (left: substitutions no list knows, 普及率/覆盖率; words before a short name, 冬季, 电网).
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.82
    nv = run(gold, ex, vocabulary=False)
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.97 and nv["recall"] >= 0.82


def test_dev_gold_batch_13():
    """Batch 13, written before the batch-12 rules and not tuned on while they were made (the leave-one-batch-out
    check: they moved it by nothing); tuned on after, with batch 14 kept unseen."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts_dev13.json").read_text(encoding="utf-8"))
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured before (b74f1a2): P 0.931 R 0.562 (27 of 48), none of 19 near misses merged (the wrong pair:
    # 广播电视综合人口覆盖率 / 电视人口综合覆盖率); after the batch-12 rules unchanged; then tuned on (the
    # batch-13 rules, with batch 14 kept unseen): P 1.0 R 0.77 (37 of 48), none merged
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.74


def test_towns_are_the_default_scope_of_services_not_of_a_population():
    # 城镇 before a service, jobs or works is the default scope; before a population's figure it narrows
    assert indicator_key("城镇生活垃圾回收利用率", "%").key == indicator_key("生活垃圾回收利用率", "%").key
    assert indicator_key("城镇新增就业人数", "万人").key == indicator_key("新增就业人数", "万人").key
    assert not decide(_key("城镇居民人均可支配收入", "元"), _key("居民人均可支配收入", "元"))[0]
    assert not decide(_key("农村生活污水处理率", "%"), _key("城镇生活污水处理率", "%"))[0]
    assert "城镇" in indicator_key("常住人口城镇化率", "%").key
    assert not decide(_key("城镇人口", "万人"), _key("人口", "万人"))[0]


def test_an_abbreviation_keeps_its_restrictive_word_in_part():
    # 农机 writes 农业机械 in part: the same restrictive 农业; a restrictive word left out whole still narrows
    ok, _, why = decide(_key("农机总动力", "万千瓦"), _key("农业机械总动力", "万千瓦"))
    assert ok, why
    assert not decide(_key("科技进步贡献率", "%"), _key("农业科技进步贡献率", "%"))[0]
    assert not decide(_key("电视人口综合覆盖率", "%"), _key("广播电视人口综合覆盖率", "%"))[0]
    assert not decide(_key("广播人口综合覆盖率", "%"), _key("广播电视综合人口覆盖率", "%"))[0]


@pytest.mark.parametrize("a, ua, b, ub", [
    ("第三产业增加值占GDP比重", "%", "服务业增加值占地区生产总值比重（%）", None),
    ("新型储能装机规模", "万千瓦", "新型储能装机容量", "万千瓦"),
    ("新型储能总装机", "万千瓦", "新型储能装机容量", "万千瓦"),
    ("税收收入占地方一般公共预算收入比例", "%", "税收收入占一般公共预算收入比重（%）", None),
])
def test_rewordings_of_batch_13(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert (ka.key, ka.kind) == (kb.key, kb.kind)


@pytest.mark.parametrize("a, ua, b, ub", [
    ("O3浓度", "微克/立方米", "臭氧（O3）浓度（微克/立方米）", None),  # a pollutant's formula for its name
    ("SO2排放总量减少", "%", "二氧化硫排放量下降", "%"),
    ("建筑业总产值规模", "亿元", "建筑业总产值（亿元）", None),  # the size of an amount is the amount
    ("城市生活垃圾分类覆盖面", "%", "生活垃圾分类覆盖率（%）", None),
    ("化肥施用量", "万吨", "化肥使用量", "万吨"),
])
def test_rewordings_of_batch_14(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    assert (ka.key, ka.kind) == (kb.key, kb.kind)


def test_dev_gold_batch_14():
    """Batch 14, written after the batch-12 rules and kept unseen while batch 13 was tuned (they moved it by
    nothing: R 0.436 before and after), then tuned on."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts_dev14.json").read_text(encoding="utf-8"))
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured before (733dafb): P 1.0 R 0.436 (17 of 39), none of 16 merged; after the batch-14 rules P 1.0 R 0.615
    # (24 of 39), none merged (left: 国控/国考, 技能人才/技能劳动者, 综合利用/资源化利用, 农用 before a short name,
    # (折纯) after it, a bare count 国家4A级以上景区)
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.58


def test_dev_gold_batch_15():
    """Batch 15 (hard near misses: count vs per capita, stock vs flow, total vs sub-type, 城镇 vs 农村, growth vs
    amount, the same words in units of another kind), written and measured before any change of its round."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts_dev15.json").read_text(encoding="utf-8"))
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured before (887447b): P 1.0 R 0.770 (47 of 61), none of 41 near misses merged; after the batch-15 rules
    # (stated denominators, utility coverage words, 国考 = 国控, ownership and 新城 restrictive, rewordings) P 1.0
    # R 0.902 (55 of 61), none merged
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.87


def test_dev_gold_batch_16():
    """Batch 16, written after the batch-15 rules and kept unseen by them: the fresh check."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts_dev16.json").read_text(encoding="utf-8"))
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured fresh (on the batch-15 rules): P 0.893 R 0.694 (25 of 36), 1 of 20 near misses merged (老旧小区改造
    # in 个 and in 万户: estates and households, 3 wrong pairs); after the count-classifier gate (its one rule
    # drawn from this batch) P 1.0 R 0.694, none merged
    assert r["near_misses_merged"] == []
    assert r["precision"] >= 0.97
    assert r["recall"] >= 0.66
