"""map_document on hand-built documents: ids, evidence, agencies, domains, instruments, targets, schema conformance."""
from __future__ import annotations

from collections import Counter

import pytest

from model.document import Measure, ParsedDocument, PlanMeta, RegionMeta, Responsibility, Section, Table
from ontology.mapping import map_document
from ontology.mapping.agencies import resolve
from ontology.mapping.plans import region_chain
from ontology.schema import load_schema

M1 = ("2.扩大普惠性生活服务供给。通过政府购买、公建民营、民办公助等方式,提供更多生活性服务。"
      "通过采取无偿或低价提供场地、减免房屋租金、补贴等措施,引导专业化的养老、托育服务机构进社区。"
      "〔责任单位:发改委、财政局牵头,民政局、卫健委等分工负责〕")
M2 = ("9.开展大规模职业技能培训。对就业困难人员开展职业技能培训,符合条件的按规定给予培训补贴。"
      "完成各类职业技能培训20万人次,其中新型学徒制培训8000人左右。"
      "〔责任单位:人社局、教育局、市委宣传部、总工会等按职责分工负责〕")
GOAL = "二、行动目标\n到2025年,每千人口拥有3岁以下婴幼儿托位数达到4.5个,人均体育场地面积3.3平方米。\n"


def build_doc(region: RegionMeta | None = None, plan_id="plan:testcity:2022-1") -> ParsedDocument:
    text = GOAL + "三、重点任务\n" + M1 + "\n" + M2 + "\n"
    measures = []
    for i, body in enumerate((M1, M2)):
        start = text.index(body)
        rs = body.index("〔")
        raw = body[rs:]
        resp = Responsibility(raw=raw, lead=[], involved=[], start=start + rs, end=start + len(body))
        measures.append(Measure(id=f"m-3-{i + 1}", title=body[2:body.index("。")], text=body,
                                section_path=["三、重点任务"], start=start, end=start + len(body),
                                number=body.split(".")[0], responsibility=resp))
    goal_start = text.index("二、行动目标")
    sections = [Section(id="s-2", level=1, number="二", title="行动目标", path=["二、行动目标"],
                        start=goal_start, end=text.index("三、重点任务"))]
    region = region or RegionMeta(name="扬州市", name_en="Yangzhou", level="prefecture", province="江苏省",
                                  province_en="Jiangsu", parent="江苏省", parent_en="Jiangsu", slug="yangzhou")
    meta = PlanMeta(plan_id=plan_id, source_file="t.txt", region=region, title="测试行动方案",
                    period_start=2022, period_end=2025, script="simplified")
    return ParsedDocument(meta=meta, text=text, original=text, sections=sections, measures=measures)


def _policy_ids(doc: ParsedDocument) -> dict[str, str]:
    """The loader's positional measure id (m-3-1) -> the graph's content-derived policy id."""
    from model.ids import measure_ids, policy_id

    return {m.id: policy_id(doc.meta.plan_id, lid) for m, lid in zip(doc.measures, measure_ids(doc.measures))}


PID = _policy_ids(build_doc())
POS = {v: k for k, v in PID.items()}  # policy id -> m-3-1


@pytest.fixture(scope="module")
def records():
    return map_document(build_doc())


def _by_label(rec, label):
    return {n.id: n for n in rec.nodes if n.label == label}


def test_records_conform_to_the_schema(records):
    schema = load_schema()
    for n in records.nodes:
        nt = schema.node(n.label)
        for k, v in n.properties.items():
            assert k in nt.properties, (n.label, k)
            if v is None:
                continue
            want = {"STRING": str, "INT64": int, "DOUBLE": float, "BOOLEAN": bool}[nt.properties[k]]
            assert type(v) is want, (n.id, k, v)
    for r in records.relationships:
        schema.check_pair(r.type, r.start_label, r.end_label)
        assert set(r.properties) <= set(schema.rel(r.type).properties), r
    ids = {n.id for n in records.nodes}
    assert all(r.start in ids and r.end in ids for r in records.relationships)


def test_plan_region_and_policies(records):
    plans = _by_label(records, "Plan")
    assert list(plans) == ["plan:testcity:2022-1"]
    regions = _by_label(records, "Region")
    assert regions["region:yangzhou"].properties["level"] == "prefecture"
    assert regions["region:jiangsu"].properties["level"] == "province"
    part = {(r.start, r.end) for r in records.relationships if r.type == "PART_OF"}
    assert part == {("region:yangzhou", "region:jiangsu")}
    pols = _by_label(records, "Policy")
    assert set(pols) == {PID["m-3-1"], PID["m-3-2"]}
    assert pols[PID["m-3-1"]].properties["text"] == M1


def test_county_chain():
    r = RegionMeta(name="吴兴区", name_en="Wuxing", level="county", province="浙江省", province_en="Zhejiang",
                   parent="湖州市", parent_en="Huzhou", slug="wuxing")
    chain = region_chain(r)
    assert [(c.id, c.level) for c in chain] == [("region:wuxing", "county"), ("region:huzhou", "prefecture"),
                                               ("region:zhejiang", "province")]
    rec = map_document(build_doc(region=r, plan_id="plan:wuxing:x"))
    part = {(x.start, x.end) for x in rec.relationships if x.type == "PART_OF"}
    assert part == {("region:wuxing", "region:huzhou"), ("region:huzhou", "region:zhejiang")}


def test_agencies_named_in_full_with_function_and_lead(records):
    ag = _by_label(records, "Agency")
    names = {n.properties["name"]: n for n in ag.values()}
    assert {"扬州市发改委", "扬州市财政局", "扬州市民政局", "扬州市卫健委", "扬州市人社局", "扬州市委宣传部",
            "扬州市总工会"} <= set(names)
    assert names["扬州市民政局"].properties["function"] == "civil_affairs"
    assert names["扬州市民政局"].id == "agency:yangzhou:civil_affairs"
    led = {(POS[r.start], ag[r.end].properties["name"]) for r in records.relationships if r.type == "LED_BY"}
    assert led == {("m-3-1", "扬州市发改委"), ("m-3-1", "扬州市财政局"), ("m-3-2", "扬州市人社局")}
    inv = [r for r in records.relationships if r.type == "INVOLVES"]
    assert all(r.properties["quote"].startswith("〔责任单位") for r in inv)
    assert all(r.end in ag for r in inv)


def test_agency_resolution_across_places():
    yz = region_chain(RegionMeta("扬州市", "Yangzhou", "prefecture", "江苏省", "Jiangsu", "江苏省", "Jiangsu", "yangzhou"))
    nx = region_chain(RegionMeta("宁夏回族自治区", "Ningxia", "province", slug="ningxia"))
    wx = region_chain(RegionMeta("吴兴区", "Wuxing", "county", "浙江省", "Zhejiang", "湖州市", "Huzhou", "wuxing"))
    assert resolve("市民政局", yz).id == resolve("民政局", yz).id == "agency:yangzhou:civil_affairs"
    a = resolve("自治区民政厅", nx)
    assert (a.name, a.function, a.region.id) == ("宁夏回族自治区民政厅", "civil_affairs", "region:ningxia")
    b = resolve("区民政局", wx)
    assert (b.name, b.region.id) == ("吴兴区民政局", "region:wuxing")
    c = resolve("市民政局", wx)  # a city bureau named in a district plan belongs to the city
    assert (c.name, c.region.id) == ("湖州市民政局", "region:huzhou")
    assert resolve("市市场监管局", yz).name == "扬州市市场监管局"
    assert resolve("市场监督管理局", yz).function == "market_regulation"
    for short, fn in (("市发改委", "development_reform"), ("市人社局", "human_resources_social_security"),
                      ("市卫健委", "health"), ("市住建局", "housing_urban_rural"), ("市资规局", "natural_resources_planning"),
                      ("市总工会", "trade_union"), ("市残联", "disabled_persons_federation"),
                      ("各县(市、区)人民政府", "local_government"), ("市住房城乡建设局", "housing_urban_rural"),
                      ("市人力资源社会保障局", "human_resources_social_security"), ("税务局", "taxation")):
        assert resolve(short, yz).function == fn, short
    g = resolve("各县(市、区)人民政府", yz)
    assert g.name == "扬州市各县(市、区)人民政府" and g.id != resolve("功能区管委会", yz).id
    assert resolve("人行扬州中心支行", yz).name == "人行扬州中心支行"


def test_domains_instruments_with_evidence(records):
    rels = [r for r in records.relationships if r.start == PID["m-3-1"]]
    inst = {r.end for r in rels if r.type == "USES_INSTRUMENT"}
    assert {"instrument:government_procurement", "instrument:public_private_operation", "instrument:subsidy",
            "instrument:land_space_supply"} <= inst
    # 低价提供场地、减免房屋租金 is a space concession, not price regulation or a tax cut
    assert not {"instrument:fee_price_regulation", "instrument:tax_incentive"} & inst
    for r in rels:
        if r.type == "USES_INSTRUMENT":  # the cue words are part of the quoted sentence
            assert r.properties["cue"] and r.properties["cue"] in r.properties["quote"], r
    assert "instrument:information_publicity" not in {r.end for r in records.relationships
                                                      if r.start == PID["m-3-2"] and r.type == "USES_INSTRUMENT"}
    doc = build_doc()
    for r in records.relationships:
        if "span_start" in r.properties and r.properties.get("quote"):
            assert doc.text[r.properties["span_start"]:r.properties["span_end"]] == r.properties["quote"], r
    doms = [r for r in records.relationships if r.type == "IN_DOMAIN" and r.start_label == "Policy"]
    per = Counter(r.start for r in doms)
    assert all(1 <= c <= 3 for c in per.values()) and len(per) == 2
    m2 = {r.end for r in doms if r.start == PID["m-3-2"]}
    assert "domain:employment_training" in m2


def test_targets_owned_by_plan_or_policy_and_linked_to_indicators(records):
    targets = _by_label(records, "Target")
    owner = {r.end: r.start for r in records.relationships if r.type == "SETS_TARGET"}
    measures = {r.start: r.end for r in records.relationships if r.type == "MEASURES"}
    got = {(targets[t].properties["value"], targets[t].properties["unit"], measures[t], owner[t].split(":")[0])
           for t in targets if targets[t].properties["kind"] != "qualitative"}
    assert (4.5, "个", "indicator:childcare_places_per_1000", "plan") in got
    assert (3.3, "平方米", "indicator:sports_ground_area_per_capita", "plan") in got
    assert (20.0, "万人次", "indicator:vocational_skills_training", "policy") in got
    assert all(t.properties["year"] == 2025 for t in targets.values() if t.properties["kind"] == "target")
    tt = next(t for t in targets.values() if t.properties["value"] == 20.0)
    assert tt.properties["value_norm"] == 200000.0 and tt.properties["unit_norm"] == "人次"
    doms = {(r.start, r.end) for r in records.relationships if r.type == "IN_DOMAIN" and r.start_label == "Indicator"}
    assert ("indicator:childcare_places_per_1000", "domain:childcare") in doms


def test_tables_become_targets_with_baselines():
    doc = build_doc()
    tbl_text = "\n主要指标\n指标名称\n2020\n2025年目标\n属性\n每千人口拥有医疗机构床位数(张)\n6\n7.5\n约束性\n城镇登记失业率(%\n3.5以内\n3以内\n预期性\n"
    start = len(doc.text)
    doc.text += tbl_text
    doc.original += tbl_text
    doc.tables.append(Table(title="主要指标", columns=["指标名称", "2020", "2025年目标", "属性"],
                            rows=[["每千人口拥有医疗机构床位数(张)", "6", "7.5", "约束性"],
                                  ["城镇登记失业率(%", "3.5以内", "3以内", "预期性"]],
                            start=start, end=len(doc.text)))
    rec = map_document(doc)
    meas = {r.start: r.end for r in rec.relationships if r.type == "MEASURES"}
    tv = {meas[n.id]: n.properties for n in rec.nodes if n.label == "Target" and n.properties["kind"] == "target"}
    beds = tv["indicator:hospital_beds_per_1000"]
    assert (beds["value"], beds["baseline_value"], beds["baseline_year"], beds["year"], beds["unit"], beds["attribute"]) == (
        7.5, 6.0, 2020, 2025, "张", "binding")
    un = tv["indicator:urban_registered_unemployment"]
    assert (un["value"], un["comparator"], un["baseline_value"], un["unit"], un["attribute"]) == (3.0, "<=", 3.5, "%", "expected")
    assert doc.text[beds["span_start"]:beds["span_end"]] == beds["quote"]


def test_deterministic():
    a, b = map_document(build_doc()), map_document(build_doc())
    assert [(n.id, n.properties) for n in a.nodes] == [(n.id, n.properties) for n in b.nodes]
    assert [(r.type, r.start, r.end, r.properties) for r in a.relationships] == \
           [(r.type, r.start, r.end, r.properties) for r in b.relationships]


def test_split_agency_lists_are_rejoined():
    from ontology.mapping.policies import join_bracket_pieces, split_responsibility

    assert join_bracket_pieces(["自治区教育厅", "各市", "县区人民政府", "各县（市", "区）人民政府", "市文旅集团"]) == [
        "自治区教育厅", "各市、县区人民政府", "各县（市、区）人民政府", "市文旅集团"]
    lead, inv = split_responsibility("〔责任单位:政务办牵头,商务局、市场监管局、统计局按职责分工负责〕")
    assert lead == ["政务办"] and inv == ["商务局", "市场监管局", "统计局"]


def test_year_columns_under_an_indicator_group_label_hold_values():
    from ontology.mapping.table_targets import column_roles

    roles = column_roles(["序号", "指标名称", "单位", "指标值 2020年", "指标值 2025年", "属性"], 2021, 2025)
    assert roles["indicator"] == 1 and roles["baseline"] == 3 and roles["target"] == 4 and roles["attribute"] == 5


def test_indicator_names_meet_despite_filler_words():
    from ontology.mapping.indicators import canonical

    a = canonical("每千人口拥有托位数")
    b = canonical("每千人口托位数")
    c = canonical("每千人口拥有3岁以下婴幼儿托位数")
    assert a.id == b.id == c.id and a.known
    assert canonical("养老机构中护理型床位占比").id == canonical("养老机构护理型床位占比").id
