"""Instrument and domain coding against hand coding (bench/eval_coding.py), and the mechanisms behind it.

Thresholds sit a little below what bench/results/eval_coding.json measures, per split: the seeds
(tests/gold/<seed>.json), the held-out style plans (tests/gold/heldout_*.json), the dev batch of other provinces'
shapes (tests/gold/coding_dev/*.json) and the tuning documents of
../shared/corpus (tests/gold/corpus/<stem>.coding.json, split "tuning"). The held-out corpus documents are
scored by the bench for reporting only: no threshold here is set from them.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bench import eval_coding as ev
from ontology import vocab
from ontology.mapping import instruments
from ontology.mapping.domains import PlanContext, classify
from ontology.mapping.text import Span, sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# split -> aspect -> (precision, recall) minimums
THRESHOLDS = {
    "seeds": {"instruments": (0.95, 0.95), "domains": (0.82, 0.9)},
    "heldout": {"instruments": (0.95, 0.95), "domains": (0.85, 0.83)},
    # dev batch 10 instruments tuned (untouched 0.944/0.785 -> 0.955/0.969): all dev instruments 0.984/0.984;
    # batch 12 added (untouched instruments 0.882/0.750, tuned to 0.930/0.930): all dev instruments 0.976/0.980,
    # domains 0.938/0.872
    # batch 13 added untouched (instruments 0.897/0.759, domains 0.884/0.805): all dev instruments 0.965/0.944;
    # batch 13 instruments tuned (0.957/0.985): all dev instruments 0.971/0.976, domains 0.932/0.869
    "dev": {"instruments": (0.97, 0.97), "domains": (0.92, 0.86)},
    "corpus_tuning": {"instruments": (0.91, 0.9), "domains": (0.87, 0.88)},
}


@pytest.fixture(scope="module", params=sorted(THRESHOLDS))
def split_result(request):
    split = request.param
    if split.startswith("corpus") and not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CORPUS} is missing under CI")
        pytest.skip(f"no shared corpus at {CORPUS}")
    return split, ev.evaluate_split(split, with_errors=True)


def test_coding_quality_per_split(split_result):
    split, res = split_result
    assert res is not None, split
    # scored over the gold measures the parser finds: a structure change that renames a few titles
    # is caught below, not as a coding regression
    for aspect, (p_min, r_min) in THRESHOLDS[split].items():
        total = res["total_parsed"][aspect]
        errors = {n: e.get("errors", {}).get(aspect) for n, e in res["docs"].items()}
        assert total["precision"] >= p_min, (split, aspect, total, errors)
        assert total["recall"] >= r_min, (split, aspect, total, errors)
    # our own gold is keyed by the parser's titles: re-key it when the structure changes many of them
    assert res["unparsed_measures"] <= 0.1 * res["gold_measures"], (split, res["unparsed_measures"])


def test_tuning_gold_covers_six_documents_and_uses_known_ids():
    if not (ROOT / "tests" / "gold" / "corpus").is_dir():
        pytest.skip("no corpus gold")
    inst = {i.id for i in vocab.instruments()}
    dom = {d.id for d in vocab.domains()}
    tuning = [(n, g) for n, g in ev.gold_items("corpus_tuning")]
    assert len(tuning) >= 6
    for name, g in tuning:
        for k in ("plan", "region", "region_en", "level", "annotator_notes"):
            assert g.get(k), (name, k)
        assert g["split"] == "tuning" and set(g["instruments"]) == set(g["domains"]), name
    for name, g in tuning + ev.gold_items("seeds") + ev.gold_items("heldout"):
        for title, ids in g.get("instruments", {}).items():
            assert set(ids) <= inst, (name, title, ids)
        for title, ids in g.get("domains", {}).items():
            assert 1 <= len(ids) <= 3 and set(ids) <= dom, (name, title, ids)


def test_scorer_counts_per_type():
    per: dict = {}
    s = ev.score_aspect({"a": ["subsidy", "pilot_demonstration"], "b": []},
                        {"a": {"subsidy", "planning_layout"}, "b": {"subsidy"}}, per, None)
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert (per["subsidy"].tp, per["subsidy"].fp) == (1, 1)
    assert per["pilot_demonstration"].fn == 1 and per["planning_layout"].fp == 1


def test_gold_measures_meet_parsed_measures_as_eval_structure_pairs_them():
    """A gold title written fuller or shorter than the parser's, or a heading the parser split into
    several paragraph measures, still meets its parsed measures (the heading with the union of theirs)."""
    m = [ev._Parsed("加强源头申报管理", "（一）加强源头申报管理\n建设单位应当申报。", ["处置要求", "加强源头申报管理"]),
         ev._Parsed("对运输单位使用不符合规范的车辆运输", "1.对运输单位使用不符合规范的车辆运输建筑垃圾的，依法处罚。",
                    ["分工", "执法局"]),
         ev._Parsed("支持银行发放长期贷款", "支持银行发放长期贷款。", ["支持政策", "金融支持政策"]),
         ev._Parsed("鼓励企业发行债券", "鼓励企业发行债券。", ["支持政策", "金融支持政策"]),
         ev._Parsed("建立联席会议制度", "（一）建立联席会议制度。由市政府牵头。", ["保障措施", "建立联席会议制度"])]
    gold = ["加强源头申报管理", "对运输单位使用不符合规范的车辆运输建筑垃圾的，依法处罚", "金融支持政策",
            "（一）建立联席会议制度", "开展宣传培训"]
    pairs, split = ev.pair_gold(gold, m)
    assert pairs == {"加强源头申报管理": [0], "对运输单位使用不符合规范的车辆运输建筑垃圾的，依法处罚": [1],
                     "金融支持政策": [2, 3], "（一）建立联席会议制度": [4]}
    assert split == 1  # 开展宣传培训: no parsed measure, all misses


def test_gold_of_an_older_scheme_reads_new_ids_as_their_broader_ids():
    """tests/gold/coding_schemes.csv: a scheme-1 gold cannot hold ids added later."""
    gold = {"a": ["environment"], "b": ["industry"], "c": ["health"]}
    got = {"a": {"energy"}, "b": {"energy"}, "c": {"health", "utilities"}}
    s = ev.score_aspect(gold, got, {}, None, "domains", 1)
    assert (s.tp, s.fp, s.fn) == (3, 1, 0)  # utilities -> land_facilities, not in the gold: one false
    s = ev.score_aspect(gold, got, {}, None, "domains", 2)  # the same ids in a scheme-2 gold: as is
    assert (s.tp, s.fp, s.fn) == (1, 3, 2)
    inst = ev.score_aspect({"x": ["regulation_supervision"], "y": []},
                           {"x": {"rule_making"}, "y": {"survey_investigation", "public_investment"}}, {}, None,
                           "instruments", 1)
    assert (inst.tp, inst.fp, inst.fn) == (1, 0, 0)  # no counterpart in scheme 1: not scored
    for (aspect, i), (since, broader) in ev.scheme_rows().items():
        ids = {x.id for x in (vocab.instruments() if aspect == "instruments" else vocab.domains())}
        assert i in ids and since >= 2 and set(broader) <= ids, (aspect, i)
    for name, g in ev.gold_items("corpus_tuning"):
        assert g.get("coding_scheme") == 2, name  # the tuning gold was coded with the new ids


# --- the cue table -------------------------------------------------------------------------------

def test_cue_table_is_well_formed():
    cues = vocab.instrument_cues()
    ids = {i.id for i in vocab.instruments()}
    for c in cues:
        assert c.kind in vocab.CUE_KINDS and c.comment, c
        assert c.instrument in ids or c.instrument == "*", c
        assert c.pattern.pattern
    for i in ids:
        assert any(c.instrument == i and c.kind == "cue" for c in cues), i
    for i in vocab.instruments():  # each instrument its Rothwell-Zegveld category
        assert i.category in vocab.INSTRUMENT_CATEGORIES, i


def _codes(text: str, skip=()) -> dict[str, str]:
    sents = sentences(text, 0, len(text))
    return {h.instrument.id: h.keyword for h in instruments.find(sents, list(skip))}


@pytest.mark.parametrize("text,expected,absent", [
    # the government action is the evidence
    ("对符合条件的机构按规定给予运营补贴。", {"subsidy"}, set()),
    ("通过政府购买服务方式为老年人提供助洁服务。", {"government_procurement"}, set()),
    ("研究制定社区托育服务地方标准。", {"standards_certification"}, set()),
    ("在三个街道开展智慧养老试点。", {"pilot_demonstration"}, set()),
    ("编制全区停车设施专项规划。", {"planning_layout"}, set()),
    ("建立区级联席会议制度，定期会商重大问题。", {"coordination_mechanism"}, set()),
    ("出台住宅小区停车管理办法。", {"rule_making"}, set()),
    ("开展停车资源普查。", {"survey_investigation"}, set()),
    ("新改扩建项目应全面落实海绵城市建设要求。", {"mandate_obligation"}, set()),
    # the same words used descriptively, as a place or as a body
    ("形成布局均衡的服务网络。", set(), {"planning_layout"}),
    ("在符合规划的前提下建设保障性租赁住房。", set(), {"planning_layout"}),
    ("鼓励社会力量参与社区服务。", set(), {"public_private_operation"}),
    ("打造多元公共空间，提升场地品质。", set(), {"land_space_supply"}),
    ("提升监管规范化、精准化水平。", set(), {"standards_certification"}),
    ("充分发挥国有企业的示范引领作用。", set(), {"pilot_demonstration"}),
    ("按照《城市消防站建设标准》配置装备。", set(), {"standards_certification"}),
    ("统筹推进老旧小区改造。", set(), {"coordination_mechanism"}),
])
def test_cues_and_anti_cues(text, expected, absent):
    got = _codes(text)
    assert expected <= set(got), (text, got)
    assert not (absent & set(got)), (text, got)


def test_cue_words_are_kept_with_offsets():
    text = "一、总体要求。对困难老年人给予助餐补贴，并开展试点。"
    sents = [Span(text, 100, 100 + len(text))]
    hits = {h.instrument.id: h for h in instruments.find(sents)}
    h = hits["subsidy"]
    assert text[h.cue_start - 100:h.cue_end - 100] == h.keyword and "补贴" in h.keyword
    assert h.cue.kind == "cue" and h.cue.comment


def test_title_and_inline_responsibility_are_no_evidence():
    text = "加强宣传引导。由区民政局牵头，区委宣传部、区财政局配合，做好养老服务工作。"
    title = (0, len("加强宣传引导"))
    assert "information_publicity" not in _codes(text, [title])
    # without the gap the title's words would count
    assert "information_publicity" in _codes(text)


def test_no_instrument_from_the_standard_responsibility_clause():
    """The mapping analyses the measure minus its responsibility clause: the bodies named there
    (宣传部, 财政局, 规划资源局) are no instruments."""
    from bench.eval_mapping import load_plan
    from model.ids import measure_ids, policy_id
    from ontology.mapping import map_document

    doc = load_plan("wuxi", json.loads((ROOT / "tests" / "gold" / "wuxi.json").read_text(encoding="utf-8")))
    recs = map_document(doc)
    by_policy = {policy_id(doc.meta.plan_id, mid): m for m, mid in zip(doc.measures, measure_ids(doc.measures))}
    coded = [r for r in recs.relationships if r.type == "USES_INSTRUMENT"]
    assert coded
    for r in coded:
        m = by_policy[r.start]
        if m.responsibility is not None and m.start <= m.responsibility.start <= m.end:
            assert r.properties["span_start"] < m.responsibility.start, (m.title, r.properties)


# --- domains ---------------------------------------------------------------------------------------

def _dom(title: str, body: str, path=(), ctx=None):
    sp = Span(body, 0, len(body))
    return [(h.domain.id, h.method) for h in classify(title, sp, list(path), body, ctx)]


def test_domains_from_what_the_measure_acts_on():
    got = _dom("打造夜间消费集聚区", "培育一批商圈和特色步行街，发展首店经济和夜间经济，吸引游客。")
    assert got[0] == ("commerce_consumption", "keyword")
    got = _dom("推进排水设施提质增效", "推进雨水管网和泵站改造，提高排水能力。")
    assert got[0][0] == "utilities"
    assert len(_dom("推进公园绿地建设", "建设口袋公园和绿道，提升绿化覆盖。")) <= 3


def test_domain_fallback_is_marked():
    agri = next(d for d in vocab.domains() if d.id == "agriculture")
    ctx = PlanContext(frozenset({"agriculture"}), agri)
    assert _dom("加强组织领导", "各地要高度重视，压实工作责任。", ctx=ctx) == [("agriculture", "fallback")]
    assert _dom("加强组织领导", "各地要高度重视，压实工作责任。") == []


def test_domain_order_own_words_then_heading_then_plan():
    """A measure's own words name its field; its section heading only when they name none; the plan last."""
    # own words name education: the elderly-care heading does not add a domain of its own
    got = _dom("扩大优质学位供给", "新改扩建中小学校舍，落实“双减”要求。", path=["三、推进养老服务"])
    assert [d for d, _ in got] == ["education"] and got[0][1] == "keyword"
    # no field in the measure's words: the heading names it, marked as such
    got = _dom("加强队伍建设", "配齐配强工作力量，压实工作责任。", path=["四、发展普惠托育服务"])
    assert got[0] == ("childcare", "section")
    # nothing in either: the plan's dominant domain, marked fallback
    agri = next(d for d in vocab.domains() if d.id == "agriculture")
    got = _dom("加强队伍建设", "配齐配强工作力量，压实工作责任。", path=["五、保障措施"],
               ctx=PlanContext(frozenset(), agri))
    assert got[-1] == ("agriculture", "fallback")


@pytest.mark.parametrize("title,body,expected", [
    # fields as other provinces' plans word them (our own sentences in their shapes)
    ("推进义务教育优质均衡发展", "新改扩建中小学校舍，扩大优质学位供给，落实“双减”要求。", "education"),
    ("深化县域医共体建设", "加强乡镇卫生院和村卫生室标准化建设，稳定村医队伍。", "health"),
    ("发展银龄经济", "开发老龄人力资源，支持银龄人员参与社区服务。", "elderly_care"),
    ("完善生育支持政策", "推进托幼一体化，发放育儿补贴，减轻家庭生育养育负担。", "childcare"),
    ("推进四好农村路建设", "实施国省干线公路提质改造，建设高速公路和跨江桥梁。", "transport"),
    ("推进城中村改造", "实施棚户区和城中村改造，用好住房公积金政策。", "housing_community"),
    ("保障农村饮水安全", "实施水库除险加固和灌区改造，推进城乡供水一体化。", "utilities"),
    ("强化水资源节约集约利用", "实行最严格水资源管理制度，推进节水型社会建设，全面推行河长制。", "environment"),
    ("全面推进乡村振兴", "促进农民增收，改善农村人居环境，推进农村厕所革命和村庄清洁。", "agriculture"),
    ("推动制造业技术改造", "支持规模以上工业企业实施技改，培育单项冠军企业。", "industry"),
    ("促进民营经济发展", "支持中小企业发展，壮大民营经济。", "industry"),
    ("加快数字经济发展", "建设算力中心，培育数据要素市场。", "digital_services"),
    ("发展全域旅游", "创建A级景区，发展红色旅游和乡村旅游。", "tourism"),
    ("加强历史文化保护传承", "保护历史文化名城名镇名村，活化利用文化遗产。", "culture"),
    ("强化安全生产监管", "开展危险化学品和燃气安全隐患排查，加强森林防火工作。", "public_safety"),
    ("深入打好污染防治攻坚战", "加强土壤污染防治，推进秸秆综合利用，保护生物多样性。", "environment"),
    ("加强困境儿童保障", "完善孤儿和困境儿童基本生活保障。", "social_assistance"),
    ("完善县域商业体系", "发展商贸流通，改造农贸市场。", "commerce_consumption"),
    ("推进能源绿色转型", "发展光伏和风电，建设新型储能和充电基础设施。", "energy"),
    ("加快紧缺人才培养", "支持职业院校扩大招生规模，壮大护理人才队伍。", "employment_training"),
    ("推动历史风貌地区品质提升", "保护修缮优秀历史建筑，活化利用文物资源。", "culture"),
])
def test_domains_of_other_places(title, body, expected):
    got = _dom(title, body)
    assert got and got[0][0] == expected, got


def test_words_in_passing_name_no_domain():
    assert "health" not in [d for d, _ in _dom("聚力提升经济活力", "推动产业健康发展，促进经济持续健康运行。")]
