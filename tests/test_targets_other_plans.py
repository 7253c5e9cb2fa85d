"""Target shapes of plans from other provinces (十四五 规划, 实施方案, 民生实事, 计划执行报告, 发展基础 reviews),
one class per test, on synthetic sentences written in those shapes (no line of any real plan)."""
from __future__ import annotations

from ontology import vocab
from ontology.mapping.quantity import scan
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences
from ontology.mapping.units import normalize


def facts(text, period=(2021, 2025), **kw):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1], **kw)
            if f.kind != "qualitative"]


def got(text, **kw):
    return [(f.indicator_text, f.value, f.unit) for f in facts(text, **kw)]


def test_scaled_units_are_kept_as_written_and_normalized():
    assert [(q.v1, q.u1) for q in scan("新增装机2.6亿千瓦")] == [("2.6", "亿千瓦")]
    assert [(q.v1, q.u1) for q in scan("产量达到480亿公斤")] == [("480", "亿公斤")]
    assert normalize(2.6, "亿千瓦") == (260000000.0, "千瓦")
    assert normalize(3, "万千瓦") == normalize(30000, "千瓦")
    assert vocab.unit("千人") is not None and vocab.unit("千人").factor == 1000
    assert vocab.unit("亿个百分点") is None  # ratios never scale
    assert got("可再生能源新增装机2.6亿千瓦。") == [("可再生能源新增装机", 2.6, "亿千瓦")]


def test_count_and_area_of_one_object():
    assert got("完成210幢9.8万平方米住宅屋面改造。") == [("住宅屋面改造", 210.0, "幢"), ("住宅屋面改造", 9.8, "万平方米")]


def test_enumerated_objects_each_take_their_own_name():
    assert got("新建20家社区食堂、45家老年活动室。") == [("社区食堂", 20.0, "家"), ("老年活动室", 45.0, "家")]
    assert got("城镇新增就业1800人、失业人员再就业600人。") == [("城镇新增就业", 1800.0, "人"),
                                                      ("失业人员再就业", 600.0, "人")]


def test_respectively_with_a_shared_measure_noun():
    assert got("甲产业、乙产业增加值分别增长7.2%、5.4%。") == [("甲产业增加值", 7.2, "%"), ("乙产业增加值", 5.4, "%")]
    assert [n for n, _, _ in got("氨氮、总磷排放总量分别下降9%、8%。")] == ["氨氮排放总量", "总磷排放总量"]
    # an item naming its own measure keeps it
    assert [n for n, _, _ in got("绿化覆盖率、道路达标率均达到95%。")] == ["绿化覆盖率", "道路达标率"]


def test_a_clause_without_subject_takes_the_sentence_indicator():
    fs = facts("与2018年相比，2020年优良水体比例上升6个百分点，达到78%。", historic_context=True)
    assert [(f.indicator_text, f.value, f.unit, f.year) for f in fs] == [
        ("优良水体比例上升", 6.0, "个百分点", 2020), ("优良水体比例", 78.0, "%", 2020)]
    fs = facts("产能2024年达到300万吨，2025年达到320万吨。")
    assert [(f.indicator_text, f.value, f.year, f.year_source) for f in fs] == [
        ("产能", 300.0, 2024, "sentence"), ("产能", 320.0, 2025, "sentence")]


def test_margin_over_a_reference_in_a_later_clause():
    f1, f2 = facts("地区生产总值年均增长9.5%，高于全省平均增速1.5个百分点。", historic_context=True)
    assert (f2.indicator_text, f2.value, f2.unit, f2.extra.get("relative_to")) == (
        "地区生产总值", 1.5, "个百分点", "全省平均增速")


def test_baseline_written_as_a_plan_period_end():
    f1, f2 = facts("服务业占比由“十二五”末的41%提升到46%，提高5个百分点。", historic_context=True)
    assert (f1.indicator_text, f1.value, f1.baseline_value, f1.baseline_year) == ("服务业占比", 46.0, 41.0, 2015)
    assert (f2.value, f2.unit) == (5.0, "个百分点")


def test_multiples_of_a_baseline_are_no_targets():
    assert got("2020年全县税收达到58亿元，是2015年的1.9倍。", historic_context=True) == [("税收", 58.0, "亿元")]
    fs = facts("累计完成投资900亿元，是“十二五”期间的2.2倍。", historic_context=True)
    assert [(f.value, f.year) for f in fs] == [(900.0, 2020)]  # the comparison period is no year of the figure


def test_period_phrases_dates_and_estimates_leave_the_name():
    assert got("“十三五”末人均储蓄超过6万元。", historic_context=True) == [("人均储蓄", 6.0, "万元")]
    assert got("1至9月累计完成投资42亿元。", historic_context=True) == [("投资", 42.0, "亿元")]
    assert got("预计全年社会消费品零售总额突破300亿元。", historic_context=True) == [("社会消费品零售总额", 300.0, "亿元")]


def test_batch_words_before_a_count():
    assert got("到2025年，首批60个未来社区全面建成。") == [("未来社区", 60.0, "个")]
    assert got("建设一批口袋公园。") == []


def test_per_units_with_a_scale_word_and_full_width_ratios():
    assert got("到2025年，公路密度达到3.5公里/百平方公里。") == [("公路密度", 3.5, "公里/百平方公里")]
    f, = facts("到2025年，城乡收入比控制在1.8∶1以内。")
    assert (f.value, f.unit, f.comparator) == (1.8, "ratio", "<=")


def test_baseline_phrases_leave_the_name():
    assert got("到2025年，单位产值能耗较2020年下降11%。") == [("单位产值能耗", 11.0, "%")]
    assert got("到2025年，用水量与2020年相比下降8%。") == [("用水量", 8.0, "%")]


def test_baseline_of_now_is_no_past_figure():
    f, = facts("居民人均收入由目前的3.2万元增长到4.6万元左右。")
    assert (f.indicator_text, f.value, f.baseline_value, f.kind, f.year) == ("居民人均收入", 4.6, 3.2, "target", 2025)
    fs = facts("研发强度每年提高0.1个百分点、从目前的2%达到2.5%以上。")
    assert [(f.value, f.change_type, f.year) for f in fs] == [(0.1, "annual", None), (2.5, None, 2025)]


def test_lead_words_and_verbs_of_support_leave_the_name():
    assert got("医疗床位再增加3000张左右。") == [("医疗床位", 3000.0, "张")]
    assert got("支持80万户困难家庭实施适老化改造。") == [("困难家庭实施适老化改造", 80.0, "万户")]
    assert got("严守90万亩耕地红线。") == [("耕地红线", 90.0, "万亩")]


def test_ranks_per_bases_and_policy_spans_are_no_amounts():
    assert got("人均生产总值超过7万元，稳居百强县前30位。", historic_context=True) == [("人均生产总值", 7.0, "万元")]
    assert got("到2025年，每10万人口拥有图书馆数量达到2个。") == [("每10万人口拥有图书馆数量", 2.0, "个")]
    assert got("落实承包到期后再延长30年政策。") == []


def test_a_threshold_amount_qualifies_the_counted_object():
    assert got("到2025年，培育产值超5亿元企业12家、超亿元企业80家。") == [
        ("产值超5亿元企业", 12.0, "家"), ("超亿元企业", 80.0, "家")]


def test_adjective_standard_is_no_norm():
    f, = facts("到2025年，高标准农田面积累计达到60万亩。")
    assert (f.kind, f.year, f.change_type) == ("target", 2025, "cumulative")


def test_grants_per_unit_and_grant_caps_are_standards():
    f, = facts("对新建光伏项目按照每千瓦300元给予一次性补贴。")
    assert (f.indicator_text, f.value, f.unit, f.kind, f.year) == ("新建光伏项目补贴标准", 300.0, "元/千瓦", "standard", None)
    f, = facts("第八条 每个项目补助不超过30万元。")
    assert (f.indicator_text, f.value, f.comparator, f.kind, f.year) == ("每个项目补助", 30.0, "<=", "standard", None)


def test_false_positives_of_other_plans():
    for text in ("咨询电话：0571-86001234。", "根据《实施意见》（浙政发〔2021〕12号）精神。",
                 "本办法自2022年3月1日起施行，有效期5年。", "到2025年，工业总产值翻一番。"):
        assert got(text) == [], text


def test_relative_baselines_leave_the_name():
    assert got("到2025年，接待游客人次较上年增长8%以上。") == [("接待游客人次", 8.0, "%")]
    assert got("一般公共预算收入同比增长4.5%。", historic_context=True) == [("一般公共预算收入", 4.5, "%")]


def test_a_threshold_before_a_count_names_the_counted_object():
    assert got("到2025年，营业面积3000平方米以上的商业综合体达到9个。") == [
        ("营业面积3000平方米以上的商业综合体", 9.0, "个")]


def test_a_radius_is_part_of_the_name():
    assert got("到2025年，公交站点300米覆盖率达到95%。") == [("公交站点300米覆盖率", 95.0, "%")]


def test_a_status_as_of_a_year_is_not_made_a_goal():
    fs = facts("截至2023年底，全区已建成充电桩2600个。", period=(2024, 2026))
    assert [(f.indicator_text, f.year, f.kind) for f in fs] == [("充电桩", 2023, "historic")]
    fs = facts("统筹各类资金，到2025年累计建成高标准农田40万亩。")
    assert [(f.year, f.kind) for f in fs] == [(2025, "target")]


def test_a_verb_of_aiming_keeps_a_goal_with_a_review_word():
    # (in a one-year plan: in a plan of several years 全年 makes the amount yearly, test_targets_fresh20)
    f, = facts("力争全年固定资产投资增长6%以上。", period=(2025, 2025))
    assert (f.indicator_text, f.kind, f.year) == ("固定资产投资", "target", 2025)


def test_total_words_and_breakdown_brackets_leave_the_name():
    fs = facts("全县重点项目共26项，其中产业项目20项。", historic_context=True)
    assert [(f.indicator_text, f.value) for f in fs] == [("重点项目", 26.0), ("产业项目", 20.0)]


def test_labelled_sub_value_in_brackets():
    assert got("到2025年，绿道长度达到260（其中骨干绿道90）公里。") == [("绿道长度", 260.0, "公里"), ("骨干绿道", 90.0, "公里")]


def test_five_year_spans_and_holdings_leave_the_name():
    fs = facts("每年新增托育机构15家，五年累计新增75家。")
    assert [(f.indicator_text, f.value, f.change_type) for f in fs] == [
        ("新增托育机构", 15.0, "annual"), ("新增托育机构", 75.0, "cumulative")]
    assert got("全市共有养老机构70家。", historic_context=True) == [("养老机构", 70.0, "家")]
    assert got("2022年，全区完成农房改造280户。", historic_context=True) == [("农房改造", 280.0, "户")]


def test_share_of_objects_doing_something():
    assert got("到2025年，70%以上的社区建成养老服务站。") == [("建成养老服务站的社区比例", 70.0, "%")]
    assert got("到2025年，超六成老年人享受助餐服务。") == [("享受助餐服务的老年人比例", 60.0, "%")]
    # a count is no share
    assert got("到2025年，完成30家以上企业改造。")[0][1:] == (30.0, "家")


def test_years_listed_before_respectively_go_to_the_values_in_order():
    fs = facts("护理型床位占比2024年、2025年分别达到50%、58%。")
    assert [(f.value, f.year, f.year_source) for f in fs] == [(50.0, 2024, "sentence"), (58.0, 2025, "sentence")]
    fs = facts("到2023年底和2025年底，示范社区分别达到15个和30个。")
    assert [(f.indicator_text, f.value, f.year) for f in fs] == [("示范社区", 15.0, 2023), ("示范社区", 30.0, 2025)]


def test_ordinal_item_words_leave_the_name():
    assert got("一是新增城镇就业4000人；二是城镇调查失业率控制在5%以内。") == [
        ("新增城镇就业", 4000.0, "人"), ("城镇调查失业率", 5.0, "%")]


def test_zero_breakthrough_is_a_goal_in_words_of_its_object():
    ctx = "到2025年，力争实现国家级孵化器零的突破。"
    fs = [f for s in sentences(ctx) for f in extract(s, Span(ctx, 0, len(ctx)), period_start=2021, period_end=2025)]
    assert [(f.indicator_text, f.value, f.kind, f.year, f.extra.get("unit_hint")) for f in fs] == [
        ("国家级孵化器", None, "qualitative", 2025, "家")]


def test_ascii_power_units_and_grants_per_watt():
    assert got("到2025年，新增光伏装机容量120MW。") == [("新增光伏装机容量", 120.0, "MW")]
    assert normalize(120, "MW") == normalize(12, "万千瓦")
    f, = facts("对分布式光伏项目按照每千瓦时0.2元给予补贴。")
    assert (f.unit, f.kind, f.year) == ("元/千瓦时", "standard", None)
    assert normalize(0.3, "元/瓦") == (300.0, "元/千瓦")


def test_grant_per_unit_and_month():
    f, = facts("对开放共享泊位的单位，按每个泊位每月80元给予奖励。")
    assert (f.value, f.unit, f.kind, f.year) == (80.0, "元/个·月", "standard", None)


def test_a_stock_clause_after_a_flow_takes_the_stock_name():
    assert got("到2030年，新增绿道80公里，累计达到500公里。") == [("新增绿道", 80.0, "公里"), ("绿道", 500.0, "公里")]


def test_funding_allocations_are_instruments_not_targets():
    for text in ("市财政每年安排制造业发展专项资金2亿元。", "设立600万元专项资金支持企业技术改造。",
                 "整合各类资金1500万元，用于发放消费券。", "县财政每年统筹安排3000万元产业引导资金。",
                 "区财政每年安排养老服务专项资金不少于1000万元。"):
        assert got(text) == [], text
    # investment and grants are no allocations
    assert got("全年实施重点项目200个，完成投资900亿元。")[1][1:] == (900.0, "亿元")
    f, = facts("对新建养老机构按照每张床位6000元给予一次性建设补贴。")
    assert (f.unit, f.kind) == ("元/张", "standard")


def test_amounts_of_an_eligibility_clause_are_conditions():
    fs = facts("对年营业收入首次突破3000万元、1亿元的软件企业，分别给予一次性奖励10万元、30万元。")
    assert [(f.value, f.unit, f.kind) for f in fs] == [(10.0, "万元", "standard"), (30.0, "万元", "standard")]
    assert all(f.indicator_text == "软件企业一次性奖励" for f in fs)
    fs = facts("对设备投资额在200万元以上的，按设备投资额的10%给予补助，单个企业最高不超过300万元。")
    assert [(f.value, f.unit) for f in fs] == [(10.0, "%"), (300.0, "万元")]


def test_grants_listed_respectively_take_their_objects():
    fs = facts("对当年新认定为国家级、省级技术中心的企业，分别给予60万元、20万元奖励。")
    assert [(f.indicator_text, f.value) for f in fs] == [("国家级技术中心奖励", 60.0), ("省级技术中心奖励", 20.0)]
    fs = facts("对经评定为三星级、四星级的养老机构，分别给予5万元、8万元奖励。")
    assert [f.indicator_text for f in fs] == ["三星级养老机构奖励", "四星级养老机构奖励"]
    f, = facts("对取得技师证书的人员，给予最高2000元奖励。")
    assert (f.indicator_text, f.comparator, f.kind) == ("取得技师证书的人员奖励上限", "<=", "standard")
    f, = facts("对新引进的总部企业，按每家50万元给予落户奖励。")
    assert (f.indicator_text, f.unit) == ("总部企业奖励标准", "万元/家")


def test_cost_sharing_ratios_are_no_targets():
    assert got("补助资金由市、区按1:1比例分担。") == []
    assert got("所需资金按照3∶7比例承担。") == []


def test_a_year_after_qizhong_dates_its_own_clause():
    fs = facts("到2026年底，建成老年助餐点60个，其中2024年建成20个；培训养老护理员800人次以上。", period=(2024, 2026))
    assert [(f.value, f.year) for f in fs] == [(60.0, 2026), (20.0, 2024), (800.0, 2026)]


def test_a_cutoff_year_of_the_counted_objects_does_not_date_the_goal():
    fs = facts("到2027年，完成2000年底前建成的老旧小区改造300个。", period=(2025, 2027))
    assert [(f.value, f.year, f.kind) for f in fs] == [(300.0, 2027, "target")]


def test_multiples_of_last_year_and_asked_funds_are_no_targets():
    assert got("计划改造小区数量不少于上年的1.2倍。") == []
    assert got("积极争取中央预算内资金3亿元。") == []


def test_a_bare_work_verb_takes_the_work_named_earlier_not_a_grant_name():
    fs = facts("对符合条件的困难家庭适老化改造，每户补助最高5000元，全年完成改造400户。", period=(2025, 2025))
    assert [(f.indicator_text, f.value, f.kind) for f in fs][-1] == ("困难家庭适老化改造", 400.0, "target")
    fs = facts("其中，2025年完成改造100个，开工率不低于95%。", period=(2025, 2027))
    assert [(f.indicator_text[-2:], f.year) for f in fs] == [("改造", 2025), ("工率", 2025)]


def test_an_emission_standard_in_a_name_is_no_norm():
    f, = facts("淘汰国三及以下排放标准营运柴油货车600辆。")
    assert (f.kind, f.year) == ("target", 2025)


def test_clock_times_are_no_ratios():
    assert got("开放时段为工作日18:30至次日08:00。") == []
    f, = facts("到2025年，城乡收入比控制在1.9:1以内。")
    assert (f.value, f.unit) == (1.9, "ratio")


def test_a_range_with_the_scale_on_both_ends():
    assert [(q.v1, q.group("v2"), q.u1) for q in scan("每30万-80万人")] == [("30", "80", "万人")]
    f, = facts("区级应急避难场所按照每20万-50万人设置1处布局。")
    assert (f.indicator_text, f.value, f.value_max, f.unit, f.kind) == (
        "区级应急避难场所服务人口", 20.0, 50.0, "万人/处", "standard")


def test_a_population_threshold_qualifies_the_counted_places():
    fs = facts("到2025年，30万人口以上的县至少建成2处避难场所。")
    assert [(f.value, f.unit) for f in fs] == [(2.0, "处")]


def test_construction_rules_are_norms_without_a_year():
    f, = facts("到2026年，紧急避难场所服务半径不大于500米。")
    assert (f.kind, f.comparator) == ("standard", "<=")
    f, = facts("容纳人数原则上按照常住人口的20%-30%配置。")
    assert (f.value, f.value_max, f.kind, f.year) == (20.0, 30.0, "standard", None)
    assert got("应储备满足3天以内基本生活需要的物资。") == []


def test_a_figure_quoted_for_comparison_is_no_target():
    assert got("2025年，全国城市人均公园绿地面积为15.6平方米，我区仍有差距。", historic_context=True) == []
    assert got("到2025年，新增全国重点文物保护单位2处。") == [("新增全国重点文物保护单位", 2.0, "处")]


def test_an_opening_span_inside_a_rate_is_part_of_the_name():
    f, = facts("到2030年，公园24小时开放率达到80%以上。")
    assert (f.indicator_text, f.value, f.unit) == ("公园24小时开放率", 80.0, "%")


def test_a_connection_date_of_a_grant_rule_dates_nothing():
    fs = facts("对2025年1月1日后并网的光伏项目，按照实际发电量给予每千瓦时0.2元补贴。", period=(2025, 2027))
    assert [(f.unit, f.kind, f.year) for f in fs] == [("元/千瓦时", "standard", None)]


def test_power_and_energy_written_with_a_slash_are_two_amounts():
    assert [(q.v1, q.u1, q.group("per")) for q in scan("10万千瓦/20万千瓦时")] == [
        ("10", "万千瓦", None), ("20", "万千瓦时", None)]


def test_a_fund_in_the_clause_before_is_an_allocation_and_award_rules_are_norms():
    assert got("区财政设立发展专项资金，每年3000万元。") == []
    f, = facts("对新获评区域公用品牌的，一次性奖励20万元。")
    assert (f.kind, f.year) == ("standard", None)
