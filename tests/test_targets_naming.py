"""Indicator naming (ontology/mapping/naming.py): the shortest phrase that says what is measured."""
from __future__ import annotations

from ontology.mapping import naming
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def names(text):
    ctx = Span(text, 0, len(text))
    return [(f.indicator_text, f.value) for s in sentences(text)
            for f in extract(s, ctx, period_start=2026, period_end=2030) if f.kind != "qualitative"]


def test_grant_rate_and_cap_fragments():
    assert naming.grant_name("按项目合同金额的", "给予奖补", "") == "项目合同金额奖补比例"
    assert naming.grant_name("单个企业最高", "", "给予补贴，单个企业最高100万元") == "单个企业补贴上限"
    got = names("对认定的项目，按设备投资额的20%给予补贴，单个项目最高不超过500万元。")
    assert got == [("设备投资额补贴比例", 20.0), ("单个项目补贴上限", 500.0)]


def test_no_year_scope_word_or_verb_in_the_name():
    assert names("到2030年，全区建成口袋公园25座。") == [("口袋公园", 25.0)]
    assert names("到2030年，全区新建口袋公园25座。") == [("新建口袋公园", 25.0)]  # 新建 says what is counted
    assert names("全市力争培育专精特新企业120家。") == [("专精特新企业", 120.0)]
    assert naming.clean("2030年全市绿化覆盖率") == "绿化覆盖率"


def test_object_after_a_verb_a_verb_phrase_or_a_list_of_examples():
    assert names("共计引进高端人才300名。") == [("高端人才", 300.0)]
    assert names("推进北站、南湖等12个片区改造。") == [("片区改造", 12.0)]
    assert names("建成中心城区4座雨水调蓄池。") == [("雨水调蓄池", 4.0)]
    assert names("实施旧住房成套改造80万平方米。") == [("旧住房成套改造", 80.0)]


def test_a_count_of_places_before_a_share_is_no_target():
    got = names("到2030年，东、西等3个新城建设用地面积70%以上达到要求。")
    assert got == [("新城建设用地面积", 70.0)]


def test_enumerations_bind_each_value_to_its_own_indicator():
    got = names("到2030年，甲类设施达标率、乙类设施达标率、丙类设施达标率均达到100%。")
    assert [n for n, _ in got] == ["甲类设施达标率", "乙类设施达标率", "丙类设施达标率"]
    got = names("到2030年，一、二、三产业增加值占比分别达5%、35%和60%。")
    assert got == [("一产业增加值占比", 5.0), ("二产业增加值占比", 35.0), ("三产业增加值占比", 60.0)]
    got = names("到2030年，建成骨干路网（其中快速路）800（120）公里。")
    assert got == [("骨干路网（其中快速路）", 800.0), ("快速路", 120.0)]


def test_classifier_first_enumeration_names_each_figure_by_the_noun_after_its_classifier():
    # 新建改造N座X、M条Y、K个Z: each figure is X, Y, Z (never the noun of the item before), the verb shared
    assert names("到2030年，新建改造5座污水处理厂、42条配套支管、16个提升泵站。") == [
        ("新建改造污水处理厂", 5.0), ("新建改造配套支管", 42.0), ("新建改造提升泵站", 16.0)]
    assert names("三年内改造提升12处农贸市场、8座公厕和6个垃圾收集点。") == [
        ("农贸市场", 12.0), ("公厕", 8.0), ("垃圾收集点", 6.0)]
    assert names("新建2所初中、5所小学和8所幼儿园。") == [("初中", 2.0), ("小学", 5.0), ("幼儿园", 8.0)]
    assert names("新建4处公共停车场、1200个停车泊位和300个充电桩。") == [
        ("公共停车场", 4.0), ("停车泊位", 1200.0), ("充电桩", 300.0)]
    assert naming.object_after("小学和8所幼儿园") == "小学"
    assert names("改造老旧小区40个、背街小巷25条。") == [("改造老旧小区", 40.0), ("背街小巷", 25.0)]


def test_enumerations_in_chinese_numerals_with_grades_or_with_the_work_after_de():
    assert names("新建一座养老服务综合体、两所公办幼儿园和四个社区食堂。") == [
        ("养老服务综合体", 1.0), ("公办幼儿园", 2.0), ("社区食堂", 4.0)]
    assert names("创建2个国家级、5个省级和8个市级示范区。") == [
        ("国家级示范区", 2.0), ("省级示范区", 5.0), ("市级示范区", 8.0)]
    assert names("新建3个一类、5个二类公厕。") == [("一类公厕", 3.0), ("二类公厕", 5.0)]
    assert names("完成15条河道、30座水闸的整治。") == [("河道", 15.0), ("水闸", 30.0)]
    assert names("引进300名具有资质的专业人才。") == [("专业人才", 300.0)]
    assert names("实施四项行动、两个工程。") == []


def test_a_verb_with_a_bracketed_alternative_before_a_classifier_first_list():
    assert names("新（改）建12座乡镇公厕、30个村级公厕和8座旅游厕所。") == [
        ("乡镇公厕", 12.0), ("村级公厕", 30.0), ("旅游厕所", 8.0)]


def test_a_grade_is_part_of_the_name_and_a_payer_is_not():
    assert names("培育省级龙头企业5家、市级龙头企业10家。") == [("省级龙头企业", 5.0), ("市级龙头企业", 10.0)]
    assert names("县级医院综合能力达标率达到95%。") == [("县级医院综合能力达标率", 95.0)]
    assert names("县财政对新建社区食堂按每个10万元给予一次性建设补助。") == [("新建社区食堂建设补助标准", 10.0)]


def test_works_written_alone_share_the_noun_of_their_enumeration():
    assert names("建设5个、提升10个邻里中心。") == [("建设邻里中心", 5.0), ("提升邻里中心", 10.0)]
    assert names("新建5座、改建8座公厕。") == [("新建公厕", 5.0), ("改建公厕", 8.0)]
    assert names("新建公园绿地5处、改造提升3处。") == [("新建公园绿地", 5.0), ("改造提升公园绿地", 3.0)]
    assert names("打造3条、提升5条乡村旅游精品线路。") == [("打造乡村旅游精品线路", 3.0), ("提升乡村旅游精品线路", 5.0)]


def test_a_list_closed_by_he_and_a_measure_written_after_its_last_item():
    assert names("全县公园、绿道和口袋公园分别新增3座、15条和20个。") == [
        ("公园", 3.0), ("绿道", 15.0), ("口袋公园", 20.0)]
    assert names("城市、县城和乡镇污水处理率分别达到98%、95%和80%。") == [
        ("城市污水处理率", 98.0), ("县城污水处理率", 95.0), ("乡镇污水处理率", 80.0)]
    assert [n for n, _ in names("到2030年，教育、卫生和文化设施覆盖率均达到100%。")] == [
        "教育设施覆盖率", "卫生设施覆盖率", "文化设施覆盖率"]


def test_a_breakdown_in_brackets_after_a_classifier_first_object():
    assert names("新建改建15个社区嵌入式服务设施（其中养老服务站8个）。") == [
        ("新建改建社区嵌入式服务设施", 15.0), ("养老服务站", 8.0)]


def test_a_compound_sector_name_with_one_value_is_one_indicator_and_no_adverb_ends_a_name():
    # 年均 holds no 均 shared by several names: a sector list before one measure word with one value
    assert names("到2030年，批发、零售和住宿业增加值年均增长6%。") == [("批发、零售和住宿业增加值", 6.0)]
    assert names("到2030年，批发、零售和住宿业增加值持续增长6%。") == [("批发、零售和住宿业增加值", 6.0)]
    assert names("到2030年，数字经济核心产业营业收入稳步提高到800亿元。") == [("数字经济核心产业营业收入", 800.0)]
    # a shared value word still gives one indicator per name
    assert names("到2030年，生活垃圾分类率、回收利用率均达到60%。") == [("生活垃圾分类率", 60.0), ("回收利用率", 60.0)]


def test_each_number_of_a_classifier_first_enumeration_belongs_to_the_noun_after_it():
    assert names("到2030年，选拔100名正职后备人才、200名副职后备人才。") == [
        ("正职后备人才", 100.0), ("副职后备人才", 200.0)]
    # the shape decides, whatever the verb before the first number (推选 is in no lexicon)
    assert names("到2030年，推选30名乡村工匠、15名非遗传承人和8名技能大师。") == [
        ("乡村工匠", 30.0), ("非遗传承人", 15.0), ("技能大师", 8.0)]
    assert names("到2030年，选拔正职后备人才100名、副职后备人才200名。") == [
        ("正职后备人才", 100.0), ("副职后备人才", 200.0)]


def test_a_clause_stating_a_change_without_an_amount_names_the_next_amount():
    assert names("到2030年，批发、零售和住宿业增加值持续较快增长，年均增长6%。") == [("批发、零售和住宿业增加值", 6.0)]
    assert names("到2030年，社会消费品零售总额平稳增长，年均增长5%左右。") == [("社会消费品零售总额", 5.0)]
