"""Agency names of people's organisations and the township tier as the work's place (lexicons agency_endings,
local_government_generic): 区科协 / 市政协 end like a body; 属地街镇 / 所在街道 are the generic township governments.
Synthetic clauses in the shapes of Shanghai and Jiangsu district plans."""
from __future__ import annotations

from ontology import responsibility as r
from ontology.mapping.agencies import resolve
from ontology.mapping.plans import RegionRef

DISTRICT = [RegionRef("region:moudu", "某渡区", "Moudu", "county", "moudu"),
            RegionRef("region:mouming", "某明市", "Mouming", "prefecture", "mouming")]


def test_short_names_ending_in_xie_are_bodies():
    assert r.is_agency_name("区科协") and r.is_agency_name("市政协")
    text = "开展科普进社区活动。（区科协）"
    span = r.find_clause(text)
    assert span is not None and r.parse(text[span[0]:span[1]], 0).lead == ["区科协"]
    assert not r.is_agency_name("加强协同")


def test_the_townships_where_the_work_lies_are_the_township_tier():
    for name in ("属地街镇", "所在街道"):
        assert r.generic_local_government(name) == "township"
        ref = resolve(name, DISTRICT)
        assert ref is not None and ref.id == resolve("各街镇", DISTRICT).id


def test_defence_mobilisation_and_emergency_centres_have_functions():
    assert resolve("区国动办", DISTRICT).function == "civil_air_defence"
    assert resolve("区国防动员办公室", DISTRICT).function == "civil_air_defence"
    ref = resolve("区急救中心", DISTRICT)
    assert ref.function == "health" and ref.id != resolve("区卫生健康委", DISTRICT).id


def test_county_governments_with_the_zones_committees_in_brackets_are_the_county_tier():
    for name in ("各县（市、区）人民政府（管委会）", "各区政府（开发区管委会）"):
        assert r.generic_local_government(name) == "county"
        assert resolve(name, DISTRICT).id == resolve("各区政府", DISTRICT).id


def test_full_names_meet_their_short_names():
    # a function row earlier in agency_functions.csv wins: 科学技术协会 is the 科协, not the 科委; 住房保障和房屋管理局
    # is the 房管局, not the 建设管理委; 国防动员办公室 / 国动办 are the civil air defence office
    for full, short in [("某渡区工商业联合会", "区工商联"), ("某渡区科学技术协会", "区科协"),
                        ("某渡区国防动员办公室", "区国动办"), ("某渡区住房保障和房屋管理局", "区房管局"),
                        ("区人防办", "区国动办")]:
        assert resolve(full, DISTRICT).id == resolve(short, DISTRICT).id, full
    assert resolve("某渡区科学技术委员会", DISTRICT).id != resolve("区科协", DISTRICT).id
    assert resolve("区住房保障和房屋管理局", DISTRICT).id != resolve("区建设管理委", DISTRICT).id


def test_a_centre_beside_the_bureau_of_its_field_is_a_body_of_its_own():
    # 区城运中心 (city operations) is not the 城管执法局; 区大数据中心 is not the 数据局 (a stem function: its own id)
    assert resolve("区城运中心", DISTRICT).id != resolve("区城管执法局", DISTRICT).id
    assert resolve("区城运中心", DISTRICT).id == resolve("某渡区城市运行管理中心", DISTRICT).id
    big = resolve("区大数据中心", DISTRICT)
    assert big.function == "data_bureau" and big.id != resolve("区数据局", DISTRICT).id
    assert resolve("市大数据局", DISTRICT).id == resolve("市数据局", DISTRICT).id


def test_a_unit_under_a_bureau_keeps_its_function_and_an_id_of_its_own():
    # lexicon agency_unit_endings: 管理所, 事务中心, 监测站, 促进中心 …
    for unit, bureau in [("区水务管理所", "区水务局"), ("区财政事务中心", "区财政局"),
                         ("区生态环境监测站", "区生态环境局"), ("区卫生健康监督所", "区卫生健康委")]:
        u, b = resolve(unit, DISTRICT), resolve(bureau, DISTRICT)
        assert u.function == b.function and u.id != b.id, unit
        assert resolve("某渡区" + unit[1:], DISTRICT).id == u.id     # one unit, however its place is written
    # heads that end like a centre stay the region's body of their function
    assert resolve("区融媒体中心", DISTRICT).id == resolve("某渡区融媒体中心", DISTRICT).id == "agency:moudu:media_center"
