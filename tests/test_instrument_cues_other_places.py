"""Instrument cues on how other provinces write their measures (实施方案, 若干措施, 行动计划 of other places).

The sentences are our own, written in the shapes of real plans read with the search tool (Guangdong's
private-investment scheme, Hunan and Henan cities' growth and manufacturing measures, Fujian and Guangxi
business-environment measures, rural and childcare schemes, parking-sharing rules of other cities): each names the written government action, and
the second half the same words used descriptively, as a body or a place, which must not code. Extend the
cue table (ontology/vocab/instrument_cues.csv), not the code, when a new phrasing fails here.
"""
from __future__ import annotations

import pytest

from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> dict[str, str]:
    return {h.instrument.id: h.keyword for h in instruments.find(sentences(text, 0, len(text)))}


CASES = [
    ("对新认定的国家级专精特新企业给予一次性奖励50万元。", {"subsidy"}, set()),
    ("单个项目最高补助不超过300万元。", {"subsidy"}, set()),
    ("对承办市级促消费活动的企业给予3万元至5万元的资金支持。", {"subsidy"}, set()),
    ("联合平台企业发放消费券，激发消费意愿。", {"subsidy"}, set()),
    ("按照每个托位1万元的标准给予建设补助。", {"subsidy"}, set()),
    ("对评定为五星级的养老机构奖励20万元。", {"subsidy"}, set()),
    ("经认定的项目，按设备投资额的10%给予最高500万元支持。", {"subsidy"}, set()),
    ("落实稳岗返还政策，支持企业稳定就业岗位。", {"subsidy"}, set()),
    ("对新建的普惠性托育机构给予开办补贴和运营补贴。", {"subsidy"}, set()),
    ("实施以奖代补，对验收合格的村给予奖补。", {"subsidy"}, set()),
    ("积极争取地方政府专项债券支持重大项目建设。", {"special_funds_bonds"}, set()),
    ("统筹整合涉农资金，集中用于高标准农田建设。", {"special_funds_bonds"}, set()),
    ("设立产业引导基金，撬动社会资本投向重点产业。", {"special_funds_bonds"}, set()),
    ("积极争取超长期特别国债和中央预算内投资支持。", {"special_funds_bonds"}, set()),
    ("所需经费纳入区级财政预算。", {"special_funds_bonds"}, set()),
    ("市级财政每年安排专项资金用于社区养老服务设施建设。", {"special_funds_bonds"}, set()),
    ("引导金融机构加大信贷投放，落实无还本续贷政策。", {"finance_credit_insurance"}, set()),
    ("开展知识产权质押融资，扩大政府性融资担保覆盖面。", {"finance_credit_insurance"}, set()),
    ("推动首台（套）重大技术装备保险补偿落地。", {"finance_credit_insurance"}, set()),
    ("落实研发费用加计扣除政策。", {"tax_incentive"}, set()),
    ("对符合条件的小微企业减半征收房产税和城镇土地使用税。", {"tax_incentive"}, set()),
    ("对承租国有房屋的个体工商户减免租金。", {"land_space_supply"}, {"tax_incentive"}),
    ("通过政府采购支持创新产品首购首用。", {"government_procurement"}, set()),
    ("采取政府购买服务方式委托专业机构运营。", {"government_procurement"}, set()),
    ("优先保障重点项目用地指标。", {"land_space_supply"}, set()),
    ("推行标准地出让和弹性年期供地，支持先租后让。", {"land_space_supply"}, set()),
    ("盘活闲置校舍、厂房用于托育服务。", {"land_space_supply"}, set()),
    ("托育设施用地可以划拨方式供地。", {"land_space_supply"}, set()),
    ("街道无偿提供场地用于社区食堂。", {"land_space_supply"}, set()),
    ("大力引进高层次人才和急需紧缺人才。", {"training_talent"}, set()),
    ("开展职业技能培训，推行以工代训。", {"training_talent"}, set()),
    ("实施订单式培养，建设一批实训基地。", {"training_talent"}, set()),
    ("全面推行双随机、一公开监管，加强信用监管。", {"regulation_supervision"}, set()),
    ("将工作完成情况纳入年度绩效考核。", {"regulation_supervision"}, set()),
    ("对失信主体实施联合惩戒。", {"regulation_supervision"}, set()),
    ("对进展缓慢的地区予以通报并约谈相关负责人。", {"regulation_supervision"}, set()),
    ("推行容缺受理和告知承诺制，压缩审批时限。", {"regulation_supervision"}, set()),
    ("实行包容审慎监管，推行分级分类监管。", {"regulation_supervision"}, set()),
    ("开展示范创建，打造一批示范街区。", {"pilot_demonstration"}, set()),
    ("选择条件成熟的区先行先试，形成可复制可推广的经验。", {"pilot_demonstration"}, set()),
    ("遴选一批示范项目予以重点支持。", {"pilot_demonstration"}, set()),
    ("加强政策宣传解读，营造良好社会氛围。", {"information_publicity"}, set()),
    ("通过新闻媒体广泛宣传典型案例。", {"information_publicity"}, set()),
    ("及时向社会公开项目进展情况。", {"information_publicity"}, set()),
    ("举办消费季和美食节等促消费活动。", {"events_promotion"}, set()),
    ("组织参加中国国际进口博览会，开展招商推介。", {"events_promotion"}, set()),
    ("举办职业技能大赛。", {"events_promotion"}, set()),
    ("建立联席会议制度，定期研究解决重大问题。", {"coordination_mechanism"}, set()),
    ("成立工作专班，实行一事一议。", {"coordination_mechanism"}, set()),
    ("建立市区联动的会商机制。", {"coordination_mechanism"}, set()),
    ("研究出台支持民间投资的实施细则。", {"rule_making"}, set()),
    ("修订物业管理条例，制定配套管理办法。", {"rule_making"}, set()),
    ("制定社区嵌入式托育服务地方标准。", {"standards_certification"}, set()),
    ("常态化开展普惠托育机构认定。", {"standards_certification"}, set()),
    ("开展养老机构等级评定。", {"standards_certification"}, set()),
    ("依托一网通办平台实现全程网办。", {"digital_platform"}, set()),
    ("建设全市统一的智慧养老信息平台。", {"digital_platform"}, set()),
    ("实施揭榜挂帅，支持企业开展关键核心技术攻关。", {"rd_support"}, set()),
    ("组织实施重点研发计划项目。", {"rd_support"}, set()),
    ("开展养老服务需求摸底调查。", {"survey_investigation"}, set()),
    ("组织开展第三次全国土壤普查。", {"survey_investigation"}, set()),
    ("培育区域公用品牌，支持地理标志农产品。", {"brand_building"}, set()),
    ("由政府投资新建一批公办幼儿园。", {"public_investment"}, set()),
    ("编制养老服务设施专项规划。", {"planning_layout"}, set()),
    ("将托育设施纳入国土空间规划。", {"planning_layout"}, set()),
    ("托育机构用水用电用气按居民生活类价格执行。", {"fee_price_regulation"}, set()),
    ("支持社会力量通过公建民营方式运营养老机构。", {"public_private_operation"}, set()),
    ("新建住宅小区应当按标准配建养老服务设施。", {"mandate_obligation"}, set()),
    ("高标准建设一批社区食堂和老年助餐点。", set(), {"standards_certification"}),
    ("新建高标准农田5万亩。", set(), {"rule_making", "standards_certification"}),
    ("会同宣传部门做好相关工作。", set(), {"information_publicity"}),
    ("支持培训机构规范发展。", set(), {"training_talent"}),
    ("充分发挥龙头企业的示范带动作用。", set(), {"pilot_demonstration"}),
    ("在社区活动场地开展健身活动。", set(), {"land_space_supply"}),
    ("金融机构是服务实体经济的主力军。", set(), {"finance_credit_insurance"}),
    ("大力发展服务外包产业。", set(), {"government_procurement"}),
    ("社会资本新建的养老机构逐年增加。", set(), {"public_investment"}),
    ("规范化的服务流程是基础。", set(), {"regulation_supervision"}),
    ("加大人才引进力度，完善引才用才机制。", {"training_talent"}, set()),
    ("对符合条件的技改项目实施贷款贴息。", {"subsidy"}, set()),
    ("落实用地保障，对重大项目应保尽保。", {"land_space_supply"}, set()),
    ("开展全国示范县创建工作。", {"pilot_demonstration"}, set()),
    ("将养老服务工作纳入政府目标考核。", {"regulation_supervision"}, set()),
    ("开展专项整治行动，严厉打击违法行为。", {"regulation_supervision"}, set()),
    ("开展“双随机”抽查。", {"regulation_supervision"}, set()),
    ("支持首台（套）装备推广应用。", {"rd_support"}, set()),
    ("建立健全长效管理机制。", set(), {"coordination_mechanism"}),
    ("加强组织领导，明确职责分工。", set(), {"regulation_supervision", "coordination_mechanism"}),
    ("区委宣传部、区文明办", set(), {"information_publicity"}),
    ("按照高标准规划、高品质建设的要求推进项目。", set(), {"rule_making", "standards_certification"}),
    ("经认定的普惠托育机构可享受补助。", set(), {"standards_certification"}),
    ("对违反规定的，处1万元以上5万元以下罚款。", set(), {"subsidy"}),
    ("引导金融机构参与。", set(), {"finance_credit_insurance"}),
    ("依托高校研究中心开展合作。", set(), {"rd_support"}),
    ("利用公共空间开展文化活动。", set(), {"land_space_supply"}),
    ("大赛组委会办公室设在市体育局。", set(), {"events_promotion"}),    # parking sharing, energy transition, parks, shelters, urban renewal, rental housing
    ("采取公开招标等竞争性方式确定停车场经营服务单位。", {"government_procurement"}, set()),
    ("建立全市统一的智慧停车综合管理信息服务系统。", {"digital_platform"}, set()),
    ("实时公布泊位数量和收费标准等信息。", {"information_publicity"}, set()),
    ("实行差别化、阶梯式停车收费。", {"fee_price_regulation"}, set()),
    ("畅通投诉举报渠道，依法查处违法停车行为。", {"regulation_supervision"}, set()),
    ("推动机关企事业单位内部停车泊位错时对外开放。", {"land_space_supply"}, set()),
    ("对新建的公共充电桩按充电功率给予建设补贴。", {"subsidy"}, set()),
    ("落实分时电价政策，执行峰谷电价。", {"fee_price_regulation"}, set()),
    ("推广合同能源管理模式，开展绿色信贷。", {"finance_credit_insurance"}, set()),
    ("开展能耗双控考核，实施节能审查。", {"regulation_supervision"}, set()),
    ("组织开展节能宣传周和全国低碳日活动。", {"events_promotion"}, set()),
    ("编制可再生能源发展专项规划。", {"planning_layout"}, set()),
    ("开展整县屋顶分布式光伏开发试点。", {"pilot_demonstration"}, set()),
    ("鼓励社会资本通过认建认养方式参与公园建设和管护。", {"public_private_operation"}, set()),
    ("新建口袋公园20座，建成绿道50公里。", {"public_investment"}, set()),
    ("通过微信公众号发布公园活动信息。", {"information_publicity"}, set()),
    ("制定公园城市建设导则。", {"standards_certification"}, set()),
    ("改造提升应急避难场所10处。", {"public_investment"}, set()),
    ("编制应急避难场所建设技术规范。", {"standards_certification"}, set()),
    ("定期组织开展应急疏散演练。", {"training_talent"}, set()),
    ("利用公园绿地、学校操场、体育场馆等场所兼作应急避难场所。", {"land_space_supply"}, set()),
    ("对老旧小区改造项目实行全过程质量监管。", {"regulation_supervision"}, set()),
    ("对城市更新项目给予容积率奖励。", {"land_space_supply"}, set()),
    ("市级财政按户给予改造补助。", {"subsidy"}, set()),
    ("引入社会资本参与城市更新，推行政府引导、市场运作模式。", {"public_private_operation"}, set()),
    ("建立市区两级城市更新工作领导小组。", {"coordination_mechanism"}, set()),
    ("出台城市更新条例配套政策。", {"rule_making"}, set()),
    ("保障性租赁住房租金低于同地段同品质市场租赁住房租金。", {"fee_price_regulation"}, set()),
    ("对保障性租赁住房项目免收城市基础设施配套费。", {"tax_incentive"}, set()),
    ("严禁发布虚假广告信息。", set(), {"information_publicity"}),
    ("推动数字标准地名地址库建设。", set(), {"land_space_supply"}),
    ("对承办活动的企业给予5万元的资金支持。", {"subsidy"}, {"special_funds_bonds"}),
    # words in passing: a principle, a body, a place, a quality
    ("加强统筹协调，形成工作合力。", set(), {"coordination_mechanism"}),
    ("各部门要密切配合，协同推进。", set(), {"coordination_mechanism"}),
    ("建立由市政府分管领导牵头的联席会议制度。", {"coordination_mechanism"}, set()),
    ("按照规划要求推进项目建设。", set(), {"planning_layout"}),
    ("符合国土空间规划的前提下，允许临时使用。", set(), {"planning_layout"}),
    ("鼓励社会力量参与。", set(), {"public_private_operation"}),
    ("在场地内开展消防演练。", set(), {"land_space_supply"}),
    ("推动服务规范化发展。", set(), {"regulation_supervision"}),
    ("高标准推进新城建设。", set(), {"standards_certification"}),
    ("宣传部门负责指导。", set(), {"information_publicity"}),
    ("加强宣传引导，营造全社会关心支持的良好氛围。", {"information_publicity"}, set()),
    ("丰富老年人精神文化活动。", set(), {"events_promotion"}),
    ("平台企业是促消费的重要力量。", set(), {"digital_platform"}),
    ("人才是第一资源。", set(), {"training_talent"}),
    ("研究中心负责技术指导。", set(), {"rd_support"}),
    ("监管部门履行职责。", set(), {"regulation_supervision"}),
    ("政府部门应当加强指导。", set(), {"mandate_obligation"}),
    ("保险公司参与。", set(), {"finance_credit_insurance"}),
    # five-year-plan outlines: named zones, adjectives, benefits
    ("推动一体化示范区先行启动区与商务区联动发展。", set(), {"pilot_demonstration"}),
    ("世界级品牌赛事成功举办。", set(), {"brand_building"}),
    ("城乡居民基本养老保险基础养老金逐步提高。", set(), {"finance_credit_insurance"}),
    ("优化国有资本布局，强化主责主业管理。", set(), {"planning_layout"}),
    ("用好出口信用保险政策工具。", {"finance_credit_insurance"}, {"regulation_supervision"}),
    ("打造一批具有示范引领作用的校企合作项目。", {"pilot_demonstration"}, set()),
    ("发挥其在区域合作中的示范作用。", set(), {"pilot_demonstration"}),
    # the dev batch's shapes (tests/coding_dev): descriptive 数字化/平台/智慧, money given priority, plan evaluation
    ("推动制造业企业数字化转型，提升智能制造水平。", set(), {"digital_platform"}),
    ("运用数字化手段拓展线上销售渠道。", set(), {"digital_platform"}),
    ("依托本地高校开设人工智能、大数据相关专业。", {"training_talent"}, {"digital_platform"}),
    ("运用大数据技术开展客流监测预警。", {"digital_platform"}, set()),
    ("支持龙头企业建设科创平台和对外开放平台。", set(), {"digital_platform"}),
    ("建成市级物业管理监管与服务平台。", {"digital_platform"}, {"regulation_supervision"}),
    ("到2025年建成智慧社区100个。", set(), {"public_investment"}),
    ("在乡镇建设物流配送中心，在行政村设立物流服务站点。", {"public_investment"}, set()),
    ("推进铁路物流基地和港口物流园区建设。", {"public_investment"}, set()),
    ("福利彩票公益金优先用于养老机构安全设施建设。", {"special_funds_bonds"}, {"land_space_supply"}),
    ("在夜间经济集聚区周边道路施划临时停车泊位，允许街区外摆经营。", {"land_space_supply"}, set()),
    ("春节期间国有景区对游客实行门票半价。", {"fee_price_regulation"}, set()),
    ("如实告知服务内容和收费标准。", set(), {"fee_price_regulation"}),
    ("开展规划实施中期评估，评估结果向社会公布。", {"regulation_supervision", "information_publicity"},
     {"planning_layout"}),
    ("组织企业参加农产品产销对接会。", {"events_promotion"}, set()),
    ("引入品牌首店、旗舰店，丰富商业业态。", set(), {"brand_building"}),
    # the second dev batch's shapes: budget lines and named funds, venues opened, works programmes
    ("市级财政每年安排1000万元，向市民发放体育消费券，用于健身场馆消费和体育培训。",
     {"special_funds_bonds", "subsidy"}, {"training_talent"}),
    ("统筹使用就业补助资金和失业保险基金。", {"special_funds_bonds"}, {"subsidy"}),
    ("实现求职登记、岗位推送、补贴申领全程网上办理。", {"digital_platform"}, {"subsidy"}),
    ("公共体育场馆在节假日向社会免费或低收费开放。", {"fee_price_regulation", "land_space_supply"}, set()),
    ("实施高校毕业生就业见习计划，对见习单位给予见习补贴。", {"training_talent", "subsidy"}, set()),
    ("建立改造项目库，编制年度改造计划。", {"planning_layout"}, set()),
    ("同步推进雨污分流改造，整治小区内部道路。", set(), {"regulation_supervision"}),
    ("结合小区改造增设养老、托育等服务设施。", {"public_investment"}, set()),
    ("建立物业服务质量评价制度。", {"regulation_supervision"}, set()),
    ("吸引社会资本通过改造运营一体化方式参与改造。", {"public_private_operation"}, set()),
    # the third dev batch's shapes: car parks opened, operators' posting duties, parks and car parks built
    ("机关内部停车场在夜间和节假日向周边居民开放。", {"land_space_supply"}, set()),
    ("停车场经营者应当公示收费标准和共享时段。", {"mandate_obligation"},
     {"information_publicity", "fee_price_regulation"}),
    ("对违规停放车辆依法处理。", {"regulation_supervision"}, set()),
    ("新建住宅项目按照标准配建停车位，推进立体停车库建设。", {"mandate_obligation", "public_investment"}, set()),
    ("结合城市更新和拆违整治，利用边角地建设口袋公园。", {"public_investment", "land_space_supply"},
     {"regulation_supervision"}),
    ("加快建设公园城市。", set(), {"public_investment"}),
    ("供电企业简化并网手续，加快配电网升级改造。", {"regulation_supervision", "public_investment"}, set()),
    ("组织开展光伏进乡村宣传活动。", {"information_publicity"}, {"events_promotion"}),
    ("推动管线单位出资参与管网改造。", set(), {"public_investment"}),
    # the fourth dev batch's shapes: shelters, urban renewal, housing plans
    ("对现有公园、广场开展避难资源调查评估，建立应急避难场所数据库。", {"survey_investigation", "digital_platform"}, set()),
    ("利用公园绿地、学校体育场地新建或改造一批应急避难场所。", {"land_space_supply", "public_investment"}, set()),
    ("产权单位是日常管护的责任主体，应当定期检查设施设备。", {"mandate_obligation"}, {"regulation_supervision"}),
    ("各区人民政府是避难场所建设的责任主体。", set(), {"mandate_obligation"}),
    ("在符合规划的前提下，5年内可继续按原用途和土地权利类型使用土地。", {"land_space_supply"}, set()),
    ("对燃气、供水、排水管网进行更新改造，建设排水防涝设施。", {"public_investment"}, set()),
    ("指导居民自治组织开展家园微更新。", set(), {"public_investment"}),
    ("研究制定容积率奖励、用途转换等配套政策。", {"rule_making", "land_space_supply"}, set()),
    ("合理确定住宅用地供应规模和节奏，推行租赁合同网签备案。", {"land_space_supply", "regulation_supervision"}, set()),
    ("保障性租赁住房执行民用水电气价格。", {"fee_price_regulation"}, set()),
    ("新建住宅全面执行绿色建筑标准，对获得高星级绿色建筑标识的项目给予奖励。",
     {"standards_certification", "subsidy"}, set()),
    ("普及避险自救知识，通过地图软件向公众发布场所位置。", {"information_publicity"}, set()),
    # the fifth dev batch's shapes: developers' quotas, toilets, county plans, user fees, contests
    ("在新建居住区按每千人不少于10个托位的标准配套建设托育设施，同步规划、同步建设、同步验收。",
     {"mandate_obligation"}, {"regulation_supervision"}),
    ("新改建户厕与公共厕所同步推进。", {"public_investment"}, set()),
    ("统筹县域农村生活污水治理规划，建立污水处理设施运行维护管理制度。", {"planning_layout", "rule_making"}, set()),
    ("探索向农户收取垃圾处理费。", {"fee_price_regulation"}, set()),
    ("开展美丽庭院评比，通过积分制引导村民参与。", {"events_promotion"}, set()),
    # dev batch 8 shapes (营商环境, 高标准农田, 数字经济, 基层医疗, 学前教育, 生态环境, 节水, 冰雪经济): own sentences
    ("编制并公布市级行政许可事项清单，清单之外不得违规实施许可。", {"rule_making"}, {"mandate_obligation"}),
    ("开展妨碍公平竞争的政策措施清理，对违规设置的条件一律予以废止。", {"rule_making"}, set()),
    ("制定区级部门安全生产责任清单。", {"rule_making"}, set()),
    ("建立涉企收费目录清单，清单之外一律不得收费。", {"fee_price_regulation"}, {"mandate_obligation"}),
    ("垃圾处理费标准动态调整到位。", {"fee_price_regulation"}, set()),
    ("工业用地出让底价可按最低价标准的七成确定。", {"fee_price_regulation"}, set()),
    ("签约服务费由医保基金和签约居民按比例分担。", {"fee_price_regulation"}, set()),
    ("企业注销登记全程不收费。", {"tax_incentive"}, set()),
    ("设立中小企业应急转贷资金池，为企业提供过桥资金。", {"special_funds_bonds"}, set()),
    ("区级财政按每亩每年不低于15元安排管护经费。", {"special_funds_bonds"}, set()),
    ("用于本方案各项奖补政策兑现。", set(), {"subsidy"}),
    ("每年创建节水型企业、节水型社区各10个。", {"pilot_demonstration"}, set()),
    ("推行说服教育、劝导示范等柔性执法方式。", {"regulation_supervision"}, {"pilot_demonstration"}),
    ("取水单位安装在线计量设施并接入市水资源监控平台。", {"digital_platform"}, set()),
    ("实施农村订单定向医学生免费培养。", {"training_talent"}, set()),
    ("每两年对全市托育机构开展一轮服务质量评估。", {"regulation_supervision"}, set()),
    ("每月开展一次地表水水质监测并公开监测信息。", {"regulation_supervision", "information_publicity"}, set()),
    ("对暂不开发利用的污染地块实施风险管控。", {"regulation_supervision"}, set()),
    ("对重点用水单位实行计划用水管理。", {"regulation_supervision"}, set()),
    ("按需向社会开放交通、气象、信用等公共数据。", set(), {"land_space_supply", "regulation_supervision"}),
    ("由区财政通过政府购买服务方式为企业免费提供诊断服务。", {"government_procurement"}, {"land_space_supply"}),
    ("建立市领导挂钩联系重点企业制度。", {"coordination_mechanism"}, set()),
    ("建立城区学校与乡村学校结对帮扶机制。", {"coordination_mechanism"}, set()),
    ("每年实施市级科技重大专项3项。", {"rd_support"}, set()),
    ("配套建设田间道路和农田林网。", {"public_investment"}, set()),
    ("在每个乡镇卫生院建设中医馆。", {"public_investment"}, set()),
    ("更换老旧供水管网150公里。", {"public_investment"}, set()),
    ("建设区级餐厨垃圾资源化利用厂2座。", {"public_investment"}, set()),
    ("对非法占用岸线的项目依法拆除并实施生态修复。", {"public_investment"}, set()),
    ("督促建设单位落实建设工程垃圾分类要求。", set(), {"public_investment"}),
    ("在新建居住区按每千人10个托位的标准配套建设托育设施。", set(), {"public_investment"}),
    ("在完成政府投资任务的基础上，推行先建后补。", {"subsidy"}, {"public_investment"}),
    ("新建公共建筑按标准预留通信机房。", {"mandate_obligation"}, set()),
    ("新建公共建筑必须采用节水器具。", {"mandate_obligation"}, set()),
    ("医师晋升副高级职称前须到基层服务满1年。", {"mandate_obligation"}, set()),
    ("将充电站选址纳入国土空间详细规划。", {"land_space_supply"}, set()),
    ("市属体育场馆在寒暑假向中小学生免费开放。", {"land_space_supply", "fee_price_regulation"}, set()),
    ("公共机构节能改造项目优先采用合同能源管理模式。", {"public_private_operation"}, set()),
    ("推行合同能源管理模式，由投资企业与屋顶业主约定分成。", set(), {"public_private_operation"}),
    ("鼓励社会资本参与高标准农田建设。", set(), {"public_private_operation", "standards_certification"}),
    ("对列入省级工业互联网平台名单的，给予一次性奖励50万元。", {"subsidy"}, {"digital_platform"}),
    # dev batch 9 shapes (民营经济, 公共文化, 公交优先, 社会救助): own sentences
    ("对捐赠的企业按规定享受税收优惠。", set(), {"tax_incentive"}),
    ("考核结果与运营补贴资金挂钩。", {"regulation_supervision"}, {"subsidy"}),
    ("对残疾人、现役军人免费乘坐城市公交。", {"tax_incentive"}, set()),
    ("商业用地出让价格可按基准地价的七成确定。", {"fee_price_regulation"}, set()),
    ("对小微企业用电实行阶段性价格优惠。", {"fee_price_regulation"}, set()),
    ("政府性融资担保机构担保费率降至1%以下。", {"fee_price_regulation"}, set()),
    ("对符合条件的困难家庭优先配租公共租赁住房。", {"land_space_supply"}, set()),
    ("除法律法规明令禁止的领域外，一律向民间资本开放。", set(), {"mandate_obligation"}),
    ("对救助资金开展专项审计，严禁挤占挪用。", {"regulation_supervision"}, {"mandate_obligation"}),
    ("对困难家庭开展常态化监测预警。", {"survey_investigation"}, {"regulation_supervision"}),
    ("对社会力量运营的书房按年度考核结果给予运营补助。", {"subsidy"}, {"regulation_supervision"}),
    ("每年发布一批向民间资本推介的项目清单。", {"information_publicity"}, set()),
    ("通过手机应用实时发布车辆到站信息。", set(), {"information_publicity"}),
    ("每两年评选一批优秀民营企业家。", {"events_promotion"}, set()),
    ("建设城市公交智能调度系统。", {"digital_platform"}, set()),
    ("编制城市公交线网优化方案。", {"planning_layout"}, set()),
    ("实施一批历史建筑修缮工程。", {"public_investment"}, set()),
    # a free public service is no tax_incentive (tests/gold/coding_dev/README.md): no charge is waived
    ("为辖区65岁以上老年人每年提供一次免费健康体检。", set(), {"tax_incentive"}),
    ("对低保家庭子女减免学前教育保教费。", {"tax_incentive"}, set()),
]


@pytest.mark.parametrize("text,expected,absent", CASES)
def test_other_places_phrasing(text, expected, absent):
    got = _codes(text)
    assert expected <= set(got), (text, got)
    assert not (absent & set(got)), (text, got)


def test_responsibility_clause_never_codes():
    """The standard clause (责任单位/牵头单位 …) is cut before coding; inside it, 财政局 or 宣传部 are bodies."""
    text = "落实用地保障。（责任单位：市自然资源局、市财政局、市委宣传部，配合单位：市发展改革委）"
    cut = text.index("（")
    hits = instruments.find(sentences(text, 0, len(text)), [(cut, len(text))])
    assert {h.instrument.id for h in hits} == {"land_space_supply"}
    assert all(h.cue_end <= cut for h in hits)


DUTY_PLAN = """某市养老机构安全管理实施意见
一、职责分工
（一）某市民政局
市民政局是行业主管部门，主要履行以下职责：
1.组织开展养老机构安全检查，督促限期整改；
2.每年组织养老机构负责人参加安全培训。
（二）养老机构
养老机构是安全责任主体，在民政部门的指导下，主要履行以下职责：
1.每月组织一次防火巡查，建立检查台账；
2.组织员工开展消防培训和应急演练。
"""


def test_duty_list_of_an_operator_is_an_obligation_of_a_government_body_its_actions():
    """X主要履行以下职责：1.… — an operator's duties (养老机构) are obligations laid on it, whatever action they
    name (its 巡查 is not government supervision, its 培训 no training programme); an agency's duties are coded by
    the actions they name. The opener is the cue; the item's first sentence the quote."""
    import tempfile
    from pathlib import Path

    from loaders import parse_plan
    from ontology.mapping import map_document
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "duty.txt"
        path.write_text(DUTY_PLAN, encoding="utf-8")
        recs = map_document(parse_plan(path, {"file": path.name, "region": "某市", "region_en": "X",
                                              "level": "prefecture"}))
    titles = {n.id: n.properties["title"] for n in recs.nodes if n.label == "Policy"}
    uses: dict[str, set[str]] = {}
    cues = {}
    for r in recs.relationships:
        if r.type == "USES_INSTRUMENT":
            uses.setdefault(titles[r.start], set()).add(r.end.split(":", 1)[1])
            cues[(titles[r.start], r.end)] = (r.properties["cue"], r.properties["method"])
    assert uses["组织开展养老机构安全检查"] == {"regulation_supervision"}
    assert uses["每年组织养老机构负责人参加安全培训"] == {"training_talent"}
    assert uses["每月组织一次防火巡查"] == {"mandate_obligation"}
    assert uses["组织员工开展消防培训和应急演练"] == {"mandate_obligation"}
    assert cues[("每月组织一次防火巡查", "instrument:mandate_obligation")] == ("主要履行以下职责", "duty_list")
