"""Responsibility forms of other provinces' plans (dev plans ad-ah of tests/fixtures_measures) and the
places agencies belong to. Synthetic sentences in the shapes of Shandong, Yunnan, Guangdong, Zhejiang and
Hunan plans; nothing is copied."""
from __future__ import annotations

from loaders import parse_plan
from loaders.pipeline import parse_text
from ontology import responsibility as r
from ontology.mapping import map_document
from ontology.mapping.agencies import resolve
from ontology.mapping.plans import RegionRef
from ontology.regions import region_slug

DISTRICT = [RegionRef("region:moudu", "某渡区", "Moudu", "county", "moudu"),
            RegionRef("region:mouming", "某明市", "Mouming", "prefecture", "mouming"),
            RegionRef("region:mouyun", "某云省", "Mouyun", "province", "mouyun")]
CITY = [RegionRef("region:moushui", "某水市", "Moushui", "prefecture", "moushui"),
        RegionRef("region:mouzhe", "某浙省", "Mouzhe", "province", "mouzhe")]
PROVINCE = [RegionRef("region:mouxiang", "某湘省", "Mouxiang", "province", "mouxiang")]


# -- names and tiers -------------------------------------------------------------------

def test_bare_places_share_the_government_head_of_the_last():
    assert r.split_names("某沙市、某潭市、某洲市人民政府") == ["某沙市人民政府", "某潭市人民政府", "某洲市人民政府"]
    assert r.split_names("市财政局、某泉市人民政府") == ["市财政局", "某泉市人民政府"]


def test_generic_tiers_written_with_prefecture_levels_brackets_and_subdistricts():
    assert r.split_names("各市州、县市区人民政府") == ["各市州、县市区人民政府"]
    assert r.generic_local_government("各市州、县市区人民政府") == "county"
    assert r.generic_local_government("各区〔市、县〕政府") == "county"
    assert r.generic_local_government("各镇人民政府（街道办事处）") == "township"


# -- clauses in running text -----------------------------------------------------------

def test_adverb_before_fu_ze_and_a_helper_clause():
    assert r.inline("开展城市公园绿地提升，新建口袋公园30个。市建设局具体负责，市综合执法局协助。")[:2] == (
        ["市建设局"], ["市综合执法局"])


def test_two_subject_clauses_in_one_sentence():
    got = r.inline("加强就业援助。对零就业家庭实行动态清零。各镇人民政府（街道办事处）负责具体实施，市人社局负责统筹指导。")
    assert got[:2] == (["各镇人民政府（街道办事处）"], ["市人社局"])


def test_short_names_a_function_pattern_knows_can_be_subjects():
    got = r.inline("建设培训基地1个。区商务局、区人社局、区妇联按职责分工负责。")
    assert got[:2] == (["区商务局"], ["区人社局", "区妇联"])
    assert r.inline("由政府负责兜底保障。") is None


def test_duties_after_a_you_clause_are_involved():
    got = r.inline("新建农村供水管网200公里。由市水利局牵头，市财政局配合，各县（市、区）人民政府负责具体实施。")
    assert got[:2] == (["市水利局"], ["市财政局", "各县（市、区）人民政府"])
    got = r.inline("建立周调度机制，由区发改局牵头，区级各相关部门配合，协调解决难题，区重点办负责日常调度。")
    assert "区重点办" in got[1]


def test_host_of_a_coordinating_office_is_responsible():
    got = r.inline("建立联席会议制度，联席会议办公室设在省发展改革委，负责日常工作。")
    assert got[:2] == (["省发展改革委"], [])


def test_group_heading_names_the_lead_of_its_items():
    assert r.heading_duty("县经济开发区管委会牵头工作（3项）") == ["县经济开发区管委会"]
    assert r.heading_duty("加强组织领导") is None
    doc = parse_text("\n".join([
        "某乡县2025年重点工作责任分工", "一、重点任务清单", "（一）县住房和城乡建设局牵头工作（2项）",
        "1.改造城镇老旧小区12个。", "2.新建口袋公园2处。（牵头单位：县自然资源局）",
    ]), {"file": "t.txt", "region": "某乡县", "region_en": "Mouxiang", "level": "county"})
    leads = [m.responsibility.lead for m in doc.measures]
    assert leads == [["县住房和城乡建设局"], ["县自然资源局"]]   # an item's own clause wins


# -- the places agencies belong to -----------------------------------------------------

def test_a_sibling_district_keeps_its_district():
    other, own = resolve("某川区商务局", DISTRICT), resolve("区商务局", DISTRICT)
    assert other.id != own.id and other.region.name == "某川区" and other.name == "某川区商务局"
    assert other.region.level == "county" and other.region.parent_id == "region:mouming"
    assert other.function == own.function == "commerce"


def test_county_level_city_and_county_of_the_plans_city_are_their_own():
    for name, place in (("某泉市卫生健康局", "某泉市"), ("某云县人民政府", "某云县")):
        ref = resolve(name, CITY)
        assert ref.region.name == place and ref.region.level == "county" and ref.region.parent_id == "region:moushui"
    assert resolve("某泉市卫生健康局", CITY).id != resolve("市卫生健康委", CITY).id
    assert resolve("某泉市人民政府", CITY).id != resolve("某云县人民政府", CITY).id


def test_cities_named_in_a_province_plan_and_zone_words_that_are_no_places():
    ref = resolve("某沙市人民政府", PROVINCE)
    assert ref.region.level == "prefecture" and ref.region.parent_id == "region:mouxiang"
    assert resolve("经济开发区管委会", DISTRICT).region.id == "region:moudu"
    assert resolve("某某区域合作中心", DISTRICT).region.id == "region:moudu"
    assert resolve("某渡区发改局", DISTRICT).id == resolve("区发改局", DISTRICT).id


def test_an_agency_of_another_place_gets_its_region_node(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("某渡区稳增长若干措施\n一、重点任务\n1.推动跨区协作。共建产业园区。（区商务局牵头，某川区商务局配合）\n",
                    encoding="utf-8")
    rec = map_document(parse_plan(path, {"file": "p.txt", "region": "某渡区", "region_en": "Moudu", "level": "county",
                                         "parent": "某明市", "parent_en": "Mouming", "province": "某云省"}))
    regions = {n.id: n.properties for n in rec.nodes if n.label == "Region"}
    assert regions["region:某川区"]["level"] == "county"
    assert ("region:某川区", "region:mouming") in {(x.start, x.end) for x in rec.relationships if x.type == "PART_OF"}


# -- one region id whichever plan names the region --------------------------------------

def _region_ids(tmp_path, name: str, meta: dict) -> set[str]:
    path = tmp_path / name
    path.write_text(f"{meta['title']}\n\n一、主要任务\n（一）发展社区养老服务。建设社区养老服务中心。\n", encoding="utf-8")
    return {n.id for n in map_document(parse_plan(path, meta)).nodes if n.label == "Region"}


def test_a_province_level_city_has_one_id_from_city_and_district_plans(tmp_path):
    city = _region_ids(tmp_path, "c.txt", {"file": "c.txt", "region": "上海市", "region_en": "Shanghai",
                                           "level": "province", "title": "上海市养老服务实施方案"})
    district = _region_ids(tmp_path, "d.txt", {"file": "d.txt", "region": "虹口区", "region_en": "Hongkou",
                                               "level": "county", "parent": "上海市", "province": "上海市",
                                               "title": "虹口区养老服务实施方案"})
    parent_only = _region_ids(tmp_path, "e.txt", {"file": "e.txt", "region": "静安区", "region_en": "Jing'an",
                                                  "level": "county", "parent": "上海市",
                                                  "title": "静安区养老服务实施方案"})
    assert "region:shanghai" in city and "region:shanghai" in district and "region:shanghai" in parent_only
    assert region_slug("Shanghai Municipality", "上海市") == region_slug(None, "上海市") == "shanghai"
    assert region_slug("Huzhou", "湖州市") == "huzhou" and region_slug(None, "湖州市") == "湖州市"


# -- round 2: labels and districts ending like zone words --------------------------------

def test_bare_role_words_as_labels():
    span = r.find_clause("促进教育资源均衡配置。推进城乡学校共同体建设。牵头：区教委；配合：区财政局、各镇乡人民政府（街道办事处）")
    text = "促进教育资源均衡配置。推进城乡学校共同体建设。牵头：区教委；配合：区财政局、各镇乡人民政府（街道办事处）"
    got = r.parse(text[span[0]:span[1]], span[0])
    assert (got.lead, got.involved) == (["区教委"], ["区财政局", "各镇乡人民政府（街道办事处）"])
    got = r.parse("（牵头单位:区公安分局  配合单位:区发展改革委、区人力社保局）", 0)
    assert (got.lead, got.involved) == (["区公安分局"], ["区发展改革委", "区人力社保局"])


def test_a_district_whose_name_ends_like_a_zone_word_is_a_place():
    county_city = [RegionRef("region:mouyi", "某义市", "Mouyi", "county", "mouyi"),
                   RegionRef("region:mouzhoushi", "某州市", "Mouzhoushi", "prefecture", "mouzhoushi"),
                   RegionRef("region:mouzhe", "某浙省", "Mouzhe", "province", "mouzhe")]
    ref = resolve("某城区发改局", county_city)
    assert ref.region.name == "某城区" and ref.region.parent_id == "region:mouzhoushi"
    assert ref.id != resolve("市发改局", county_city).id
    assert resolve("中心城区管委会", county_city).region.id == "region:mouyi"


# -- round 3: labels, quotes, townships ----------------------------------------------------

def test_more_labels_a_quoted_principle_and_townships_sharing_a_head():
    got = r.parse("（负责单位：市发展改革委（市能源局）；承担单位：各县（市、区）人民政府）", 0)
    assert (got.lead, got.involved) == (["市发展改革委（市能源局）"], ["各县（市、区）人民政府"])
    got = r.parse("（市交通运输局、市公安局按照“谁主管、谁负责”原则落实）", 0)
    assert (got.lead, got.involved) == (["市交通运输局"], ["市公安局"])
    assert r.split_names("某溪镇、某岭乡人民政府") == ["某溪镇人民政府", "某岭乡人民政府"]
    assert resolve("负责单位：市发展改革委", CITY) is None or resolve("负责单位：市发展改革委", CITY).region.id == "region:moushui"


# -- round 4: several clauses in one item, labels written as sentences -------------------------

def test_clauses_after_sub_tasks_inside_one_item_all_count():
    doc = parse_text("\n".join([
        "某昌市工作要点", "一、依法履行政府职能",
        "1.深化审批改革。动态调整许可事项清单（市审批服务局负责），推行告知承诺制。规范中介服务收费（市发展改革委负责）。",
    ]), {"file": "t.txt", "region": "某昌市", "region_en": "Mouchang", "level": "prefecture"})
    r0 = doc.measures[0].responsibility
    assert (r0.lead, r0.involved) == (["市审批服务局"], ["市发展改革委"])


def test_a_label_written_as_a_sentence():
    assert r.inline("加强政务诚信建设。本项工作责任单位为市发展改革委，市政务服务中心配合。")[:2] == (
        ["市发展改革委"], ["市政务服务中心"])


# -- round 5: 会同 after a lead, party committees and governments --------------------------

def test_bodies_a_lead_acts_together_with_and_the_party_and_government_tier():
    assert r.inline("打通断头路8条，由县交通运输局牵头，会同县公安局交警大队、县自然资源局推进。")[:2] == (
        ["县交通运输局"], ["县公安局交警大队", "县自然资源局"])
    assert r.split_names("县委网信办，各乡镇党委和政府") == ["县委网信办", "各乡镇党委和政府"]
    assert r.generic_local_government("各乡镇党委和政府") == "township"
    assert r.generic_local_government("各县（市、区）党委和政府") == "county"


# -- round 6: a clause wrapped over two lines, the prefecture tier of an autonomous region -------

def test_a_bracket_wrapped_over_two_lines_is_one_clause():
    doc = parse_text("\n".join([
        "某蒙自治区家政服务实施意见", "一、提升从业人员素质",
        "（一）扩大职业培训规模。每年开展家政服务培训2万人次以上。（自治区人力资源社会保障厅、商务厅、",
        "妇联按职责分工负责）",
        "（二）推进产教融合。支持职业院校开设家政服务相关专业。（自治区教育厅负责）",
    ]), {"file": "t.txt", "region": "某蒙自治区", "region_en": "Moumeng", "level": "province"})
    assert [s.title for s in doc.sections] == ["提升从业人员素质"]
    r0 = doc.measures[0].responsibility
    assert r0.lead == ["自治区人力资源社会保障厅"] and r0.involved == ["商务厅", "妇联"]


def test_the_prefectures_of_an_autonomous_region_as_one_tier_and_in_a_blanket():
    assert r.split_names("自治区商务厅、各盟行政公署、市人民政府") == ["自治区商务厅", "各盟行政公署、市人民政府"]
    got = r.blanket("（以下各项任务均需各盟行政公署、市人民政府负责落实，不再列出）")
    assert got is not None and got[0] == ["各盟行政公署、市人民政府"]


def test_functions_of_bodies_other_provinces_name():
    for name, fid in (("某水海关", "customs"), ("市口岸办", "port_affairs"), ("市民宗局", "ethnic_religious"),
                      ("市药监局", "market_regulation"), ("市公共资源交易中心", "government_services"),
                      ("市通信发展办公室", "communications"), ("区交运局", "transport"), ("区重点办", "other")):
        assert resolve(name, CITY).function == fid, name


def test_the_government_where_a_project_lies_is_the_generic_tier():
    assert r.generic_local_government("项目所在地县（市、区）人民政府") == "county"
    assert r.generic_local_government("所在地乡镇政府") == "township"
    ref = resolve("项目所在地县（市、区）人民政府", CITY)
    assert ref.id == resolve("各县（市、区）人民政府", CITY).id
