"""Measure granularity on synthetic plans of genres unlike the tuning set (tests/fixtures_measures:
实施意见 with run-in titled paragraphs under headings, 若干措施 with 第N条, 工作要点, 行动计划 with
专项行动 blocks, 政策举措 with 牵头 headings and —— items, 规定 in chapters), and the single shapes
behind them. Synthetic texts written in the shapes of other provinces' plans; nothing is copied."""
from __future__ import annotations

from bench import eval_measures_dev
from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county"}


def _measures(lines: list[str]):
    return parse_text("\n".join(lines), META).measures


def test_dev_plans_measures_sections_and_agencies():
    total = eval_measures_dev.evaluate()["total"]
    assert total["documents"] >= 6
    m = total["measures"]
    assert m["precision"] >= 0.95 and m["recall"] >= 0.95, m
    done, paired = map(int, total["sections"].split("/"))
    assert done >= 0.95 * paired
    a = total["agency_links"]
    assert a["precision"] >= 0.95 and a["recall"] >= 0.92, a


def test_block_heading_with_a_target_sentence_heads_its_items():
    ms = _measures([
        "一、总体要求", "坚持问题导向，统筹推进各项工作。", "二、专项行动",
        "（一）平台提能行动。到2027年，新增市级平台10家。",
        "1、建设一批重点实验室。围绕主导产业布局实验室，支持争创省级平台。",
        "2、培育新型研发机构。对新认定的机构给予奖励。",
        "（二）人才集聚行动",
        "1、引进高层次人才。落实人才安居政策，提供住房保障。",
    ])
    assert [m.title for m in ms] == ["建设一批重点实验室", "培育新型研发机构", "引进高层次人才"]
    assert ms[0].section_path[-1] == "平台提能行动"


def test_titled_item_with_an_action_body_stays_a_measure_over_sub_items():
    # the run-in body is an action, not a target sentence: the item is the measure, its (1)(2) its text
    ms = _measures([
        "二、重点任务",
        "1.完善服务网络。建设街道综合服务中心，推动服务下沉。",
        "（1）新建服务站5个；",
        "（2）改造服务站3个。",
        "2.提升服务质量。开展服务评价，公开评价结果。",
    ])
    assert [m.title for m in ms][:1] == ["完善服务网络"]


def test_intro_paragraph_before_run_in_titled_paragraphs_is_no_measure():
    ms = _measures([
        "二、重点任务", "（一）增强县城承载能力",
        "县城是县域发展的重要载体，要补齐设施短板，提升综合承载能力。",
        "完善市政设施。推进老旧管网更新改造，建设排水防涝设施。",
        "提升公共服务。推动优质医疗资源向县城集中，建设县级综合医院。",
    ])
    assert [m.title for m in ms] == ["完善市政设施", "提升公共服务"]


def test_task_verb_paragraph_that_lost_its_title_stop_stays_a_measure():
    ms = _measures([
        "二、重点任务", "（一）优化区域布局",
        "优化镇街服务业分工，根据各地资源禀赋形成特色鲜明的发展格局。",
        "东部片区。打造商贸服务集聚区，发展现代物流。",
        "西部片区。发展文旅休闲产业，建设特色小镇。",
    ])
    assert len(ms) == 3


def test_preamble_before_the_first_heading_is_no_measure():
    ms = _measures([
        "某某区2025年工作要点",
        "2025年是规划收官之年。全区工作的总体要求是：坚持稳中求进，提升服务效能。",
        "一、优化营商环境",
        "推进集成改革。深化一件事一次办改革，新增集成办理事项20项。",
        "规范行政检查。推行综合查一次，减少对企业的干扰。",
    ])
    assert [m.title for m in ms] == ["推进集成改革", "规范行政检查"]


def test_dash_items_under_a_heading_are_measures_with_the_heading_clause():
    ms = _measures([
        "一、扩大有效投资（区发展改革局牵头）",
        "（一）激发民间投资活力",
        "——完善向民间资本推介项目机制，每年推介项目不少于20个。",
        "——落实民间投资项目要素保障，优先纳入重点项目库。",
        "（二）加快项目建设。建立项目推进清单，每月通报进展。",
    ])
    assert [m.title for m in ms] == ["完善向民间资本推介项目机制", "落实民间投资项目要素保障", "加快项目建设"]
    assert all(m.responsibility is not None and m.responsibility.lead == ["区发展改革局"] for m in ms)


def test_heading_clause_over_an_intro_paragraph_reaches_the_items():
    ms = _measures([
        "一、强化科技创新（区科技局牵头）",
        "以平台建设为牵引，推进创新链产业链深度融合。2025年，力争研发投入强度达到3%。",
        "（一）加强科创平台建设。支持校企共建联合研发中心。",
        "（二）加大科技企业培育。实施科技型中小企业梯次培育。",
    ])
    assert [m.title for m in ms] == ["加强科创平台建设", "加大科技企业培育"]
    assert ms[0].section_path == ["强化科技创新"]
    assert all(m.responsibility is not None and m.responsibility.lead == ["区科技局"] for m in ms)


def test_run_in_title_with_an_enumeration_comma():
    ms = _measures([
        "第四章 提升居住品质",
        "加快老旧小区、城中村改造。统筹推进老旧小区综合改造，完善配套设施。",
        "提升物业服务水平。健全物业服务质量评价体系，推动服务延伸。",
    ])
    assert [m.title for m in ms] == ["加快老旧小区、城中村改造", "提升物业服务水平"]


def test_section_with_a_box_keeps_its_own_paragraph_as_a_measure():
    ms = _measures([
        "第三章 完善住房供应体系",
        "第二节 促进商品住房市场平稳健康发展",
        "因城施策优化住房供应结构，合理确定住宅用地供应规模，支持合理住房需求。",
        "专栏1 重点项目",
        "1.新城公租房项目",
        "2.北部片区租赁住房项目",
    ])
    assert [(m.title, m.kind) for m in ms] == [("促进商品住房市场平稳健康发展", "measure"),
                                             ("新城公租房项目", "box"), ("北部片区租赁住房项目", "box")]


def test_leaf_paragraphs_each_opening_with_an_action_are_measures_of_their_own():
    ms = _measures([
        "第五章 保障措施",
        "加强组织领导，建立住房工作联席会议制度，协调解决重大问题。",
        "强化监测评估，开展规划实施中期评估，评估结果向社会公开。",
    ])
    assert [(m.title, m.kind) for m in ms] == [("加强组织领导", "safeguard"), ("强化监测评估", "safeguard")]


def test_a_leaf_section_of_one_statement_paragraph_stays_one_measure():
    ms = _measures([
        "二、重点任务", "（一）坚持党的领导",
        "把党的领导贯穿工作全过程，确保各项任务落到实处。",
        "要建立健全工作机制，定期研究解决重大问题。",
    ])
    assert [m.title for m in ms] == ["坚持党的领导"]


def test_bracket_and_colon_run_in_titles():
    ms = _measures([
        "三、主要任务", "（一）提升服务品质",
        "【完善服务设施】增设休憩座椅和公共厕所，提高服务便利性。",
        "【丰富公园活动】举办特色活动，打造公园文化品牌。",
        "（二）完善共享服务机制",
        "建立共享泊位信息平台：汇聚全区停车场信息，向社会实时发布泊位空余情况。",
        "规范共享停车收费：共享泊位实行协议定价，鼓励采取包月等优惠方式。",
    ])
    assert [m.title for m in ms] == ["完善服务设施", "丰富公园活动", "建立共享泊位信息平台", "规范共享停车收费"]


def test_short_colon_labels_and_agency_colons_are_no_run_in_titles():
    ms = _measures([
        "二、重点任务", "（一）强化协同",
        "主要举措：建立联席会议制度，定期会商重大事项。",
        "区住房城乡建设管理委：负责统筹推进改造工作，制定年度计划。",
    ])
    assert [m.title for m in ms] == ["强化协同"]


# -- error classes found on plans of other places (issue 9): attachment lists, goals, reviews,
# -- stages, norm attachments, duty lists ------------------------------------------------------

def test_attachment_list_titles_are_no_headings_and_attached_tables_give_no_measures():
    ms = _measures([
        "二、重点任务",
        "（一）推进老旧小区改造。完善小区基础设施，同步推进加装电梯。",
        "（二）补齐公共服务短板。建设社区服务设施，打造便民生活圈。",
        "三、保障措施",
        "（一）加强组织领导。成立工作领导小组，统筹推进各项工作。",
        "附表：", "1、某某区城市更新主要指标表", "2、某某区城市更新重点项目表",
        "附表1", "某某区城市更新主要指标表",
        "序号 指标名称 单位 目标值", "1 老旧小区改造数量 个 300",
        "附表2", "某某区城市更新重点项目表",
        "1、某某路片区更新项目", "建设内容：改造建筑面积12万平方米，完善配套设施。",
        "2、滨江老厂区改造项目", "建设内容：改造为文化创意园区，总投资8亿元。",
    ])
    assert [m.title for m in ms] == ["推进老旧小区改造", "补齐公共服务短板", "加强组织领导"]


def test_one_line_attachment_list_and_numbered_attachment_lines():
    body = ["二、重点任务", "（一）完善助餐网络。依托社区设施布局助餐点，推动服务向农村延伸。",
            "（二）推进适老化改造。实施困难老年人家庭适老化改造1000户。"]
    appendix = ["某某区养老服务设施建设项目表",
                "1.某某区第二社会福利院。新建床位300张，2026年建成。",
                "2.某某区康养服务中心。改建建筑面积8000平方米，2027年建成。"]
    for listing in (["附件：1.某某区养老服务主要指标  2.某某区养老服务设施建设项目表"],
                    ["附件1：某某区养老服务主要指标", "附件2：某某区养老服务设施建设项目表"]):
        ms = _measures(body + listing + ["附件2"] + appendix)
        assert [m.title for m in ms] == ["完善助餐网络", "推进适老化改造"], listing


def test_technical_norm_attachment_clauses_are_no_measures():
    ms = _measures([
        "二、主要任务",
        "（一）加快充电设施建设。新建小区按规定配建集中充电设施。",
        "（二）强化安全监管。开展充电安全专项检查，依法查处违规行为。",
        "某某区住房和城乡建设局", "2025年3月10日",
        "附件", "某某区住宅小区电动自行车集中充电设施建设技术导则",
        "一、选址与布局",
        "1.集中充电设施宜设置在室外，与建筑外墙保持不小于6米的间距。",
        "2.充电区域应避开安全出口、疏散通道和消防车通道。",
    ])
    assert [m.title for m in ms] == ["加快充电设施建设", "强化安全监管"]


def test_numbered_target_statements_under_a_goals_heading_are_no_measures():
    ms = _measures([
        "一、目标任务",
        "1.到2026年，全区养老机构护理型床位占比达到70%以上。",
        "2.到2027年，建成社区老年助餐点50个。",
        "二、重点举措",
        "1.完善助餐服务网络。依托社区综合服务设施布局老年助餐点。",
        "2.到2027年，建成一批智慧养老院，推广智能照护设备。",
    ])
    # under 重点举措 an item opening with a year is still a measure; under 目标任务 it is a target
    assert [m.title for m in ms] == ["完善助餐服务网络", "到2027年"]
    assert ms[1].section_path == ["重点举措"]


def test_review_of_achievements_gives_no_measures():
    ms = _measures([
        "一、“十四五”时期取得的成就",
        "1.大气环境质量持续改善。五年来累计淘汰燃煤锅炉200台。",
        "2.水环境治理成效明显。建成城镇污水处理厂8座。",
        "二、主要任务",
        "1.推进产业结构调整。严格控制高耗能高排放项目。",
    ])
    assert [m.title for m in ms] == ["推进产业结构调整"]


def test_stage_sub_items_are_measures_under_their_stage_heading():
    # issue 9 class 1: a stage heading over numbered sub-items is their heading; each sub-item a measure due by
    # the date it opens with, else the stage's period; a stage over a plain paragraph stays one measure
    ms = _measures([
        "二、整治任务",
        "（一）全面排查建档。各街道对辖区餐饮单位开展全面排查。",
        "三、实施步骤",
        "（一）制定方案阶段（2024年8月—9月）",
        "1.2024年8月底前，各区对辖区闲置房屋进行梳理，形成清单。",
        "2.召开动员部署会议，开展宣传发动。",
        "（二）总结验收阶段（2025年10月）",
        "对整治情况进行检查验收，建立长效管理机制。",
    ])
    assert [m.title for m in ms] == ["全面排查建档", "各区对辖区闲置房屋进行梳理", "召开动员部署会议",
                                     "总结验收阶段（2025年10月）"]
    assert ms[1].section_path[-2:] == ["实施步骤", "制定方案阶段（2024年8月—9月）"]
    assert [m.deadline for m in ms[1:]] == ["2024年8月底前", "2024年8月—9月", "2025年10月"]
    assert "检查验收" in ms[3].text


def test_stage_paragraphs_are_one_measure_each():
    ms = _measures([
        "四、实施步骤",
        "第一阶段（2025年3月—6月）：启动部署。制定工作方案，细化任务清单。",
        "第二阶段（2025年7月—2026年10月）：全面推进。各部门按照职责分工推进落实。",
    ])
    assert [(m.number, m.title, m.deadline) for m in ms] == [("第一阶段", "启动部署", "2025年3月—6月"),
                                                             ("第二阶段", "全面推进", "2025年7月—2026年10月")]


def test_agency_titled_duty_paragraphs_are_measures_led_by_their_agency():
    ms = _measures([
        "三、职责分工",
        "区发展改革委：负责将相关工作纳入全区发展规划，统筹推进重大项目建设。",
        "区生态环境局：负责统筹协调和监督管理，组织开展规范化管理评估。",
        "区城市管理局：负责生活垃圾分类收运处置体系建设。",
    ])
    assert [m.title for m in ms] == ["区发展改革委", "区生态环境局", "区城市管理局"]
    assert [m.responsibility.lead for m in ms if m.responsibility] == [["区发展改革委"], ["区生态环境局"], ["区城市管理局"]]


def test_ordinal_run_in_items_of_one_paragraph_stay_separate_measures():
    ms = _measures([
        "二、重点任务", "（三）补齐公共服务短板",
        "一是建设社区嵌入式服务设施，打造便民生活圈；二是推进中小学校建设；三是新增公共停车泊位2万个。",
    ])
    assert [m.number for m in ms] == ["一是", "二是", "三是"]


def test_closing_provision_with_a_quoted_plan_name_ends_the_structure():
    # 本《实施意见》自…起施行 closes like 本实施意见自…: 附则 holds no measure, the attachment list after it none
    ms = _measures([
        "一、工作任务", "（一）规范激励资金使用。物业企业应规范使用激励资金，接受业主监督。",
        "（二）妥善保存申报材料。各街道应妥善保存评价激励工作的申报材料、评价表格等资料台账。",
        "（三）加强监督检查。区房管局会同各街道对激励资金使用情况开展监督检查。",
        "九、附则", "本《实施意见》自2026年8月22日起施行，有效期五年。",
        "附件：1.住宅小区物业服务评价激励申报表", "2.住宅小区物业服务评价激励汇总表",
    ])
    assert [m.title for m in ms] == ["规范激励资金使用", "妥善保存申报材料", "加强监督检查"]


def test_goals_label_line_over_target_statements_inside_a_task_section():
    ms = _measures([
        "二、重点任务", "工作目标：",
        "1.到2026年，全市人均体育场地面积达到3平方米。",
        "2.到2027年，社区15分钟健身圈实现全覆盖。",
        "（一）建设体育公园。因地制宜建设一批体育公园，配建健身步道。",
    ])
    assert [m.title for m in ms] == ["建设体育公园"]


def test_stage_lines_over_sub_items_and_a_stage_heading_named_by_its_period():
    ms = _measures([
        "三、重点任务", "（一）建设体育公园。因地制宜建设一批体育公园，配建健身步道。",
        "四、实施步骤",
        "第一阶段：摸底调查（2025年6月）", "1.开展设施现状调查。", "2.建立建设项目库。",
        "第二阶段：集中建设（2025年7月—12月）", "1.开工建设一批运动场。",
        "（三）巩固提升（2026年）", "对建成设施开展评估，完善运营管理长效机制。",
    ])
    assert [m.title for m in ms] == ["建设体育公园", "开展设施现状调查", "建立建设项目库", "开工建设一批运动场",
                                     "巩固提升（2026年）"]
    assert [m.section_path[-1] for m in ms[1:4]] == ["摸底调查", "摸底调查", "集中建设"]
    assert [m.deadline for m in ms[1:]] == ["2025年6月", "2025年6月", "2025年7月—12月", "2026年"]


def test_duty_paragraph_of_two_agencies_is_led_by_both():
    ms = _measures([
        "三、职责分工",
        "区体育局、区教育局：负责统筹推进学校体育场地开放工作，制定开放管理办法。",
        "区财政局：负责落实全民健身设施建设补助资金。",
    ])
    assert [m.title for m in ms] == ["区体育局、区教育局", "区财政局"]
    assert ms[0].responsibility is not None and ms[0].responsibility.lead == ["区体育局", "区教育局"]


def test_single_numbered_attachment_line_opens_a_muted_appendix_and_review_of_work_done():
    ms = _measures([
        "一、工作开展情况",
        "1.健身设施总量稳步增加。近年来累计建成体育公园12个。",
        "二、重点任务",
        "（一）建设体育公园。因地制宜建设一批体育公园，配建健身步道。",
        "（二）推进场地开放。推动具备条件的学校体育场地向社会开放。",
        "附表1：某某区全民健身设施建设主要指标表",
        "1.人均体育场地面积：现状值2.6平方米，2027年目标值3平方米。",
    ])
    assert [m.title for m in ms] == ["建设体育公园", "推进场地开放"]


def test_targets_assigned_to_agencies_under_a_goals_heading_are_measures():
    # a plan that breaks its targets down to agencies: a target with its own 责任单位 line is a measure;
    # a target statement without one stays a target
    ms = _measures([
        "一、主要预期目标",
        "1.地区生产总值增长6%左右。", "责任单位：区发改局",
        "2.一般公共预算收入增长5%。", "责任单位：区财政局、区税务局",
        "二、发展目标",
        "1.到2027年，全区人均公园绿地面积达到12平方米。",
        "三、重点工作任务",
        "（一）实施重点项目攻坚。全年实施亿元以上项目60个。（责任单位：区住建局）",
    ])
    assert [m.title for m in ms] == ["地区生产总值增长6%左右", "一般公共预算收入增长5%", "实施重点项目攻坚"]
    assert ms[1].responsibility is not None and ms[1].responsibility.lead[:1] == ["区财政局"]


def test_rule_on_combining_aid_is_a_formal_clause():
    ms = _measures([
        "某某区支持企业发展若干措施", "为支持企业发展，制定本措施。",
        "第一条 支持企业技术改造。对设备投资额超过500万元的项目给予补助。",
        "第二条 强化金融支持。对企业贷款给予贴息。",
        "第三条 同一项目符合本区多项扶持政策的，按照就高不重复原则执行。",
        "第四条 本措施自2025年6月1日起施行。",
    ])
    assert [m.title for m in ms] == ["支持企业技术改造", "强化金融支持"]


def test_an_attachment_before_the_body_is_the_plan_itself_and_keeps_its_measures():
    # a notice whose 附件 is the plan: its title names a 标准化 plan, yet nothing is muted
    ms = _measures([
        "某某区民政局关于印发某某区养老机构服务标准化建设实施方案的通知",
        "各街道：现将《某某区养老机构服务标准化建设实施方案》印发给你们，请认真贯彻执行。",
        "附件", "某某区养老机构服务标准化建设实施方案",
        "一、重点任务",
        "（一）完善服务标准体系。制定养老机构服务质量地方标准。",
        "（二）开展标准化试点。每年培育标准化示范机构5家。",
    ])
    assert [m.title for m in ms] == ["完善服务标准体系", "开展标准化试点"]


def test_spaced_attachment_label_and_titles_ending_in_a_semicolon():
    ms = _measures([
        "二、重点任务",
        "（一）完善服务标准体系。制定养老机构服务质量地方标准。",
        "（二）开展标准化试点。每年培育标准化示范机构5家。",
        "附 件：", "1.某某区养老服务设施布局清单；", "2.某某区养老服务主要指标。",
        "某某区养老服务设施布局清单",
        "1.某某街道养老服务综合体。建筑面积3000平方米。",
    ])
    assert [m.title for m in ms] == ["完善服务标准体系", "开展标准化试点"]


def test_safeguards_naming_results_and_staged_actions_are_no_review_or_stage_sections():
    ms = _measures([
        "二、重点任务",
        "（一）实施阶段性攻坚行动",
        "1.开展集中整治。对重点区域开展集中整治。",
        "2.第一阶段重点排查。各街道对辖区开展排查，建立台账。",
        "三、保障措施",
        "（一）注重工作成效。定期评估工作进展，及时调整工作举措。",
        "（二）做好联络对接",
        "区民政局：王某某，联系电话12345678。",
        "区财政局：李某某，联系电话87654321。",
    ])
    assert [m.title for m in ms][:4] == ["开展集中整治", "第一阶段重点排查", "注重工作成效", "做好联络对接"]


def test_stage_item_with_its_own_text_carries_its_period():
    ms = _measures([
        "三、实施步骤",
        "（一）动员部署阶段（2025年3月—4月）。制定工作方案，召开动员部署会议。",
        "（二）集中攻坚阶段（2025年5月—10月）。各单位对照任务清单逐项推进。",
    ])
    assert [(m.title, m.deadline) for m in ms] == [("动员部署阶段（2025年3月—4月）", "2025年3月—4月"),
                                                   ("集中攻坚阶段（2025年5月—10月）", "2025年5月—10月")]


def test_leaf_section_paragraphs_are_one_measure_each_whatever_their_opening():
    # issue 9 class 2: run-in title, task-verb clause, adverb/focus word before the verb -- each a measure
    ms = _measures([
        "二、主要任务", "（一）完善住房供应体系", "1.完善住房租赁市场长效机制",
        "开展租赁住房登记备案工作。研究制定住房租赁管理配套制度，规范租赁当事人行为。",
        "强化租赁房源统筹，改善租赁市场结构，增加小户型租赁住房供给。",
        "进一步发挥国有平台企业的带动作用，保持租赁市场平稳运行。",
        "2.支持居民合理住房消费",
        "重点支持首套住房购买，加大对首套住房购房家庭的支持力度。",
        "用好住房专项维修资金，结合实际提高租房提取额度。",
        "3.健全规划实施保障",
        "规划实施是一项系统工程，需要各方面共同推进。",
        "聚焦重点片区、重点街道和突出矛盾，制定年度行动计划。",
        "建立规划实施年度评估机制，加强年度实施情况跟踪。",
    ])
    assert [m.title for m in ms] == ["开展租赁住房登记备案工作", "强化租赁房源统筹", "进一步发挥国有平台企业的带动作用",
                                     "重点支持首套住房购买", "用好住房专项维修资金",
                                     "聚焦重点片区、重点街道和突出矛盾", "建立规划实施年度评估机制"]
    assert ms[0].section_path[-1] == "完善住房租赁市场长效机制"


def test_leaf_section_rule_paragraph_is_no_action():
    # 建设单位应当… (a rule for an actor: 建设 opens a noun) is the section's text, not a measure of its own
    ms = _measures([
        "二、管理要求", "（一）加强源头申报管理",
        "建设单位应当在开工前向主管部门提交处置计划，申报处置量。",
        "全面落实源头申报管理，实现全量申报。",
    ])
    assert [m.title for m in ms] == ["加强源头申报管理"]


def test_responsibility_label_line_alone_belongs_to_the_measure_above():
    # issue 9 class 3: 【责任单位】… / 责任单位：… on a line of its own is no measure titled 责任单位
    ms = _measures([
        "二、重点任务",
        "（一）建立楼宇资源台账。全面摸清闲置楼宇底数。（责任单位：区住房城乡建设委）",
        "（二）分类推进盘活利用。按照一楼一策原则推进盘活。",
        "【责任单位】区发展改革委、区财政局",
        "（三）强化招商运营服务。引入专业运营机构。",
        "责任单位：区商务委",
        "三、保障措施", "1.支持居民合理住房消费",
        "重点支持首套住房购买，加大支持力度。",
        "用好住房专项维修资金，提高租房提取额度。",
        "【责任单位】区财政局",
    ])
    assert [m.title for m in ms] == ["建立楼宇资源台账", "分类推进盘活利用", "强化招商运营服务",
                                     "重点支持首套住房购买", "用好住房专项维修资金"]
    r = [(m.responsibility.lead + m.responsibility.involved) if m.responsibility else None for m in ms]
    assert r == [["区住房城乡建设委"], ["区发展改革委", "区财政局"], ["区商务委"], None, ["区财政局"]]
