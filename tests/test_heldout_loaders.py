"""Held-out style plans (tests/heldout/): places, scripts, encodings, formats and site
furniture the seed plans do not have. Each document's expected facts are written out
here; the loaders must get them from general rules (nothing in loaders/ names these
places). See tests/heldout/README.md for the corpus.
"""
from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import pytest

from bench.docx_fixture import build_docx
from loaders import parse_plan
from loaders.pipeline import _read
from tests.audit import misplaced_drops, unaccounted

HELD = Path(__file__).parent / "heldout"


def _meta(file: str, region: str, region_en: str, level: str = "prefecture") -> dict:
    return {"file": file, "region": region, "region_en": region_en, "level": level}


DOCS = {
    "zhuzhou_minzheng_14th.html": ("株洲市", "Zhuzhou"),
    "guiyang_yanglao_fangan.txt": ("贵阳市", "Guiyang"),
    "tianjin_yinfa_yijian.txt": ("天津市", "Tianjin"),
    "shunde_wenlv_fangan.txt": ("顺德区", "Shunde"),
    "chengdu_jiaotong_14th.txt": ("成都市", "Chengdu"),
    "zhengding_lvyou_fangan.html": ("正定县", "Zhengding"),
    "qingdao_icv_fangan.docx.txt": ("青岛市", "Qingdao"),
    "huichang_shangye_fangan.html": ("会昌县", "Huichang"),
    "xiangyang_nongye_14th_pdf.txt": ("襄阳市", "Xiangyang"),
    "hefei_zhuanjingtexin_banfa.txt": ("合肥市", "Hefei"),
    "lanzhou_huizhan_xize.txt": ("兰州市", "Lanzhou"),
    "nanning_zhaoshang_cuoshi.txt": ("南宁市", "Nanning"),
    "kunming_shuzi_jihua.html": ("昆明市", "Kunming"),
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = {}
    tmp = tmp_path_factory.mktemp("heldout")
    for name, (region, region_en) in DOCS.items():
        path = HELD / name
        if name.endswith(".docx.txt"):
            path = build_docx(path, tmp / name.replace(".docx.txt", ".docx"))
        level = "county" if region.endswith(("区", "县")) else "prefecture"
        out[name] = (path, parse_plan(path, _meta(path.name, region, region_en, level)))
    return out


def _m(doc):
    return [(m.number, m.title, m.kind) for m in doc.measures]


def _resp(doc):
    return {m.title: (m.responsibility.lead, m.responsibility.involved) if m.responsibility else None
            for m in doc.measures}


# -- invariants over the whole corpus ------------------------------------------------

@pytest.mark.parametrize("name", list(DOCS))
def test_contract(docs, name):
    path, doc = docs[name]
    decoded = _read(path)[0]
    assert len(doc.text) == len(doc.original)
    assert unaccounted(decoded, doc) == []
    assert misplaced_drops(decoded, doc) == []
    for m in doc.measures:
        assert m.text == doc.text[m.start:m.end]
        if m.responsibility:
            r = m.responsibility
            assert r.raw == doc.text[r.start:r.end]
            if not m.text.split("\n")[0].isdigit():      # a table row's lead may be a merged cell above it
                assert m.start <= r.start <= r.end <= m.end
            assert r.lead, m.title
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= len(doc.text)
    for t in doc.tables:
        assert 0 <= t.start < t.end <= len(doc.text)
        assert all(len(r) == len(t.columns) for r in t.rows)
    # web/page furniture never survives, and no blank or edge-space lines
    for junk in ("当前位置", "您的位置", "打印本页", "关闭窗口", "版权所有", "浏览次数", "上一篇", "ICP备", "共 5 页"):
        assert junk not in doc.text, junk
    assert all(ln == ln.strip() and ln for ln in doc.text.split("\n"))


# -- 十四五 plan as an HTML page: chapters, sections, real <table>, 专栏 --------------

def test_zhuzhou_metadata_from_site_grid(docs):
    doc = docs["zhuzhou_minzheng_14th.html"][1]
    m = doc.meta
    assert m.title == "株洲市民政事业发展“十四五”规划"     # not the 《省规划》 cited in the preamble
    assert (m.doc_number, m.issuer, m.issued, m.published) == ("株政办发〔2021〕31号", "株洲市人民政府办公室", "2021-11-08", "2021-11-15")
    assert (m.period_start, m.period_end, m.plan_type, m.validity) == (2021, 2025, "规划", "有效")
    assert not [c for c in m.checks if "region" in c and "湖南" in c]
    dropped = {d.text.strip() for d in doc.dropped}
    assert {"索 引 号：", "430200/2021-00873", "2021-11-08", "株政办发〔2021〕31号", "有效"} <= dropped
    assert doc.text.startswith("株洲市民政事业发展“十四五”规划\n")


def test_zhuzhou_html_table(docs):
    doc = docs["zhuzhou_minzheng_14th.html"][1]
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.title == "表1 株洲市民政事业发展“十四五”主要指标"
    assert t.columns == ["类别", "序号", "指标名称", "单位", "2020年", "2025年", "属性"]
    assert t.rows[0] == ["社会救助", "1", "城市低保标准", "元/月", "650", "≥780", "预期性"]
    assert [r[0] for r in t.rows] == ["社会救助"] * 2 + ["养老服务"] * 3 + ["社会事务"]   # rowspan expanded
    assert t.rows[3] == ["养老服务", "4", "街道综合养老服务中心覆盖率", "%", "30", "100", "约束性"]
    assert t.rows[5][4:] == ["80", "100（约束性）", "100（约束性）"]                   # colspan expanded
    span = doc.text[t.start:t.end]
    assert span.startswith("表1 株洲市") and span.endswith("100（约束性）")
    assert "第二章" not in span and "面临形势" not in span


def test_zhuzhou_structure(docs):
    doc = docs["zhuzhou_minzheng_14th.html"][1]
    assert [(s.number, s.path) for s in doc.sections] == [
        ("第一章", ["发展基础和面临形势"]),
        ("第一节", ["发展基础和面临形势", "“十三五”发展成就"]),
        ("第二节", ["发展基础和面临形势", "面临形势"]),
        ("第二章", ["主要任务"]),
        ("第一节", ["主要任务", "健全分层分类社会救助体系"]),
        ("第二节", ["主要任务", "构建居家社区机构相协调的养老服务体系"]),
        ("第三章", ["保障措施"]),
    ]
    assert _m(doc) == [
        ("1", "完善最低生活保障制度", "measure"), ("2", "加强急难社会救助", "measure"),
        ("1", "发展居家社区养老服务", "measure"), ("2", "提升机构养老服务能力", "measure"),
        ("3", "推进医养康养结合", "measure"),
        (None, "街道综合养老服务中心建设工程", "box"), (None, "特困人员供养服务设施提质改造工程", "box"),
        (None, "居家适老化改造工程", "box"),
        ("（一）", "加强组织领导", "safeguard"), ("（二）", "强化资金保障", "safeguard"),
    ]
    assert doc.measures[0].section_path == ["主要任务", "健全分层分类社会救助体系"]
    assert all(not any("形势" in p or "成就" in p for p in m.section_path) for m in doc.measures)


# -- 实施方案, GB18030, CRLF, page furniture, role lines ------------------------------

def test_guiyang(docs):
    doc = docs["guiyang_yanglao_fangan.txt"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued) == (
        "贵阳市推进基本养老服务体系建设实施方案（2023—2025年）", "筑府办发〔2023〕12号", "贵阳市人民政府办公厅", "2023-06-20")
    assert (m.period_start, m.period_end, m.plan_type) == (2023, 2025, "实施方案")
    # page furniture: the page lines and the running header next to them
    dropped = [(d.reason, d.text.strip()) for d in doc.dropped if d.reason.startswith("page")]
    assert ("page_number", "第 2 页 共 5 页") in dropped and ("page_number", "第 3 页 共 5 页") in dropped
    assert sum(1 for r, t in dropped if t == "贵阳市推进基本养老服务体系建设实施方案") == 2
    assert "第 3 页" not in doc.text
    assert [(m.number, m.title) for m in doc.measures] == [
        ("1", "制定基本养老服务清单"), ("2", "建立老年人能力综合评估制度"),
        ("1", "加强特困人员供养服务"), ("2", "落实经济困难老年人补贴制度"),
        ("（1）", "优化公办养老机构功能"), ("（2）", "推进公建民营"),
        ("2", "发展社区居家养老服务"),
        ("（一）", "加强组织领导"), ("（二）", "强化监督考核"),
    ]
    r = _resp(doc)
    # separate 牵头单位 / 责任单位 lines: the lead is the 牵头单位 (the known bug gave 市财政局)
    assert r["制定基本养老服务清单"] == (["市民政局"], ["市财政局", "市卫生健康局", "各区（市、县）人民政府"])
    assert r["建立老年人能力综合评估制度"] == (["市民政局"], ["市卫生健康局", "市医保局"])
    assert r["加强特困人员供养服务"] == (["市民政局"], ["各区（市、县）人民政府"])
    # 责任单位：… closing a paragraph, without brackets
    assert r["落实经济困难老年人补贴制度"] == (["市民政局"], ["市财政局", "市残联"])
    # 配合单位 line before the 牵头单位 line
    assert r["发展社区居家养老服务"] == (["市民政局"], ["市商务局", "市住房城乡建设局"])
    # a numbered item is a sibling of the numbered heading before it, not its child
    last = doc.measures[6]
    assert last.section_path == ["重点任务", "提升基本养老服务能力"]
    assert doc.measures[4].section_path == ["重点任务", "提升基本养老服务能力", "推进公办养老机构改革"]
    assert [m.kind for m in doc.measures[-2:]] == ["safeguard", "safeguard"]
    assert not any("实施方案" in s.title for s in doc.sections)


# -- 实施意见: salutation, signature, 抄送/印发, — n — page numbers ------------------------

def test_tianjin(docs):
    doc = docs["tianjin_yinfa_yijian.txt"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued, m.plan_type) == (
        "天津市人民政府关于加快发展银发经济增进老年人福祉的实施意见", "津政发〔2024〕9号", "天津市人民政府", "2024-03-20", "实施意见")
    assert m.validity == "2024-03-20 to 2029-03-31"
    assert (m.period_start, m.period_end) == (None, None)
    assert [d.text.strip() for d in doc.dropped if d.reason == "page_number"] == ["— 1 —", "— 2 —", "— 3 —"]
    # back matter stays in the text (it is the document's) but is no measure
    assert "抄送：市委各部门" in doc.text and "2024年3月21日印发" in doc.text
    assert [s.title for s in doc.sections] == ["发展民生事业，解决急难愁盼", "扩大产品供给，提升产业发展质量", "强化要素保障"]
    assert [(m.number, m.title, m.kind) for m in doc.measures] == [
        ("（一）", "扩大老年助餐服务", "measure"), ("（二）", "拓展居家助老服务", "measure"),
        ("（三）", "发展社区便民服务", "measure"), ("（一）", "培育银发经济经营主体", "measure"),
        ("（二）", "推进产业集群发展", "measure"), ("（一）", "加大金融支持", "safeguard"),
        ("（二）", "加强人才培养", "safeguard"),
    ]
    for mm in doc.measures:
        assert not any(x in mm.text for x in ("抄送", "印发", "各区人民政府，市各委", "此件", "— 2 —"))
    r = _resp(doc)
    assert r["扩大老年助餐服务"] == (["市民政局"], ["市商务局"])
    assert r["拓展居家助老服务"] == (["市民政局"], ["市卫生健康委", "各区人民政府"])
    assert r["推进产业集群发展"] == (["市发展改革委"], ["各区人民政府"])
    assert r["加大金融支持"] == (["天津金融监管局"], ["人民银行天津市分行"])


# -- traditional script, Big5, full-width digits --------------------------------------

def test_shunde_traditional_fullwidth(docs):
    doc = docs["shunde_wenlv_fangan.txt"][1]
    m = doc.meta
    assert m.script == "traditional"
    assert (m.title, m.doc_number, m.issuer, m.issued) == (
        "顺德区促进文旅消费提质扩容实施方案（2023—2025年）", "顺府办发〔2023〕21号", "佛山市顺德区人民政府办公室", "2023-08-15")
    assert (m.period_start, m.period_end) == (2023, 2025)
    assert "２" not in doc.text and "３０００万人次" not in doc.original and "3000万人次" in doc.text
    assert "順德區" in doc.original and "顺德区" in doc.text
    assert [(m.number, m.title) for m in doc.measures] == [
        ("1", "打造美食文化品牌"), ("2", "发展夜间经济"), ("1", "完善交通服务设施"), ("2", "提升服务品质"),
        ("（一）", "加强组织协调"), ("（二）", "加大资金支持"),
    ]
    assert doc.measures[0].section_path == ["主要任务", "丰富文旅消费供给"]
    r = _resp(doc)
    assert r["打造美食文化品牌"] == (["区文广旅体局"], ["区商务局", "各镇人民政府", "街道办事处"])
    assert r["发展夜间经济"] == (["区商务局"], ["区文广旅体局", "区公安局"])
    assert r["完善交通服务设施"] == (["区交通运输局"], [])
    assert r["提升服务品质"] == (["区文广旅体局"], [])
    assert not any(mm.section_path[:1] == ["工作目标"] for mm in doc.measures)


# -- 十四五 plan, UTF-16: 第X章/第X节, measures under 节, 专栏 of short lines -------------

def test_chengdu(docs):
    doc = docs["chengdu_jiaotong_14th.txt"][1]
    m = doc.meta
    assert (m.title, m.issuer, m.issued, m.period_start, m.period_end, m.plan_type) == (
        "成都市“十四五”综合交通运输发展规划", "成都市人民政府", None, 2021, 2025, "规划")
    assert [s.title for s in doc.sections if s.level == 1] == [
        "发展环境", "总体要求", "建设国际航空枢纽", "打造轨道上的都市圈", "保障措施"]
    # the running header next to the page number goes; the title line at the top stays
    assert [d.reason for d in doc.dropped if "综合交通运输发展规划" in d.text] == ["page_header"]
    assert doc.text.startswith("成都市“十四五”综合交通运输发展规划\n")
    assert [(m.number, m.title, m.kind, m.section_path) for m in doc.measures] == [
        ("1", "构建“两场一体”运营格局", "measure", ["建设国际航空枢纽", "提升航空枢纽功能"]),
        ("2", "加快临空经济发展", "measure", ["建设国际航空枢纽", "提升航空枢纽功能"]),
        ("第二节", "完善机场集疏运体系", "measure", ["建设国际航空枢纽", "完善机场集疏运体系"]),
        ("1", "推进市域铁路建设", "measure", ["打造轨道上的都市圈", "加快轨道交通建设"]),
        ("2", "优化城市轨道交通网络", "measure", ["打造轨道上的都市圈", "加快轨道交通建设"]),
        (None, "成都至眉山市域铁路", "box", ["打造轨道上的都市圈", "加快轨道交通建设"]),
        (None, "成都至德阳市域铁路", "box", ["打造轨道上的都市圈", "加快轨道交通建设"]),
        (None, "城市轨道交通第四期建设规划项目", "box", ["打造轨道上的都市圈", "加快轨道交通建设"]),
        (None, "地铁27号线一期", "box", ["打造轨道上的都市圈", "加快轨道交通建设"]),
        ("第一节", "加强组织领导", "safeguard", ["保障措施", "加强组织领导"]),
        ("第二节", "强化要素保障", "safeguard", ["保障措施", "强化要素保障"]),
    ]
    assert "１" not in doc.text and "1小时通勤圈" in doc.text


# -- HTML page of another site, GB18030 declared gb2312, table with a 2-row header --------

def test_zhengding(docs):
    doc = docs["zhengding_lvyou_fangan.html"][1]
    m = doc.meta
    assert (m.title, m.published, m.period_start, m.period_end, m.plan_type) == (
        "正定县全域旅游高质量发展行动方案（2023-2025年）", "2023-04-12", 2023, 2025, "行动方案")
    assert m.issuer is None            # 来源：县文化广电和旅游局 is the page's source, not the issuer
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.title == "正定县全域旅游发展主要指标"           # the <caption>
    assert t.columns == ["序号", "指标", "单位", "目标值 2023年", "目标值 2025年"]   # group label kept
    assert t.rows == [["1", "接待游客人次", "万人次", "2000", "2500"],
                      ["2", "旅游总收入", "亿元", "200", "260"],
                      ["3", "A级旅游景区数量", "个", "12", None]]
    assert doc.text[t.start:t.end].startswith("正定县全域旅游发展主要指标\n序号")
    assert [(m.number, m.title, m.kind) for m in doc.measures] == [
        ("（一）", "提升古城文化旅游品质", "measure"), ("（二）", "丰富旅游产品供给", "measure"),
        ("（三）", "完善旅游公共服务", "measure"), ("（一）", "加强组织领导", "safeguard"),
        ("（二）", "加强宣传推介", "safeguard"),
    ]
    r = _resp(doc)
    assert r["提升古城文化旅游品质"] == (["县文化广电和旅游局"], ["县住房和城乡建设局", "县自然资源和规划局"])
    assert r["丰富旅游产品供给"] == (["县文化广电和旅游局"], ["县农业农村局"])
    assert r["完善旅游公共服务"] == (["县文化广电和旅游局"], ["县交通运输局", "县城市管理综合行政执法局"])
    assert {"扫一扫在手机打开当前页", "正定县人民政府网 | 网站地图 | 繁体版"} <= {d.text.strip() for d in doc.dropped}


# -- .docx: 牵头单位/责任单位/配合单位 lines, 各区、市 ------------------------------------

def test_qingdao_docx(docs):
    doc = docs["qingdao_icv_fangan.docx.txt"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued, m.plan_type) == (
        "青岛市促进智能网联汽车产业发展实施方案", "青政办字〔2024〕5号", "青岛市人民政府办公厅", "2024-02-02", "实施方案")
    assert [(m.number, m.title, m.kind) for m in doc.measures] == [
        ("（一）", "壮大整车制造规模", "measure"), ("（二）", "突破关键零部件", "measure"),
        ("（三）", "拓展示范应用场景", "measure"), ("（一）", "强化政策支持", "safeguard"),
        ("（二）", "加强人才引育", "safeguard"),
    ]
    r = _resp(doc)
    assert r["壮大整车制造规模"] == (["市工业和信息化局"], ["市发展改革委", "市商务局", "各区、市人民政府"])
    assert r["突破关键零部件"] == (["市科技局"], ["市工业和信息化局"])
    assert r["拓展示范应用场景"] == (["市交通运输局"], ["市公安局"])
    assert "抄送" not in doc.measures[-1].text and "印发" not in doc.measures[-1].text
    assert "2024年2月2日印发" in doc.text


def test_qingdao_docx_table(docs):
    """A Word table: w:vMerge (category, and a 2-row header) and w:gridSpan (目标值)."""
    doc = docs["qingdao_icv_fangan.docx.txt"][1]
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.title == "表1 青岛市智能网联汽车产业发展主要指标"
    assert t.columns == ["类别", "指标", "单位", "目标值 2023年", "目标值 2026年"]   # w:gridSpan group label kept
    assert t.rows == [["产业规模", "智能网联汽车产业规模", "亿元", "420", "1000"],
                      ["产业规模", "L2级及以上辅助驾驶新车装配率", "%", "45", "70"],
                      ["基础设施", "车联网路侧单元", "套", "800", "2000"]]
    span = doc.text[t.start:t.end]
    assert span.startswith("表1 青岛市") and span.endswith("2000")
    assert not any(m.start < t.end and t.start < m.end for m in doc.measures)
    assert [s.title for s in doc.sections] == ["发展目标", "重点任务", "保障措施"]


# -- 行动方案 page with an attachment: task-assignment table -> measures ------------------

def test_huichang_task_table(docs):
    doc = docs["huichang_shangye_fangan.html"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued, m.published) == (
        "会昌县县域商业体系建设三年行动方案（2023—2025年）", "会府办字〔2023〕18号", "会昌县人民政府办公室", "2023-05-26", "2023-05-30")
    assert (m.period_start, m.period_end, m.plan_type) == (2023, 2025, "行动方案")
    t = doc.tables[0]
    assert t.title == "会昌县县域商业体系建设重点任务分工表"
    assert t.columns == ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
    assert [r[2] for r in t.rows] == ["县商务局", "县商务局", "县农业农村局"]         # rowspan in 牵头单位
    # the table closes the page: it is body, the site footer after it is not
    assert doc.text.endswith("持续推进")
    assert {d.reason for d in doc.dropped if "ICP" in d.text or "主办单位" in d.text} == {"copyright"}
    assert [s.path for s in doc.sections][-1] == ["附件"]
    assert [(m.number, m.title, m.kind, m.section_path) for m in doc.measures] == [
        ("（一）", "完善县城商业设施", "measure", ["重点任务"]),
        ("（二）", "健全农村物流体系", "measure", ["重点任务"]),
        ("（一）", "加强组织领导", "safeguard", ["保障措施"]),
        ("（二）", "强化资金保障", "safeguard", ["保障措施"]),
        ("1", "建设县级物流配送中心", "measure", ["附件"]),
        ("2", "改造提升乡镇商贸中心", "measure", ["附件"]),
        ("3", "发展农村电子商务", "measure", ["附件"]),
    ]
    r = _resp(doc)
    assert r["完善县城商业设施"] == (["县商务局"], ["县住建局", "县市场监管局"])
    assert r["健全农村物流体系"] == (["县交通运输局"], ["县商务局", "县邮政分公司"])
    assert r["建设县级物流配送中心"] == (["县商务局"], ["县交通运输局", "县邮政分公司"])
    assert r["改造提升乡镇商贸中心"] == (["县商务局"], ["各乡（镇）人民政府"])
    assert r["发展农村电子商务"] == (["县农业农村局"], ["县商务局", "县供销社"])
    row = doc.measures[4]
    assert row.text.split("\n")[:2] == ["1", "建设县级物流配送中心"] and "2024年底" in row.text


@pytest.mark.parametrize("raw, lead, involved", [
    ("（责任单位：市发展改革委（牵头）、市财政局、市自然资源局）", ["市发展改革委"], ["市财政局", "市自然资源局"]),
    ("责任单位：市民政局、市财政局；完成时限：2024年底前", ["市民政局"], ["市财政局"]),
    ("（牵头单位：市民政局；责任单位：市财政局、市人社局；完成时间：2025年12月）", ["市民政局"], ["市财政局", "市人社局"]),
    ("〔责任单位：区住建局（牵头），区城管局（配合），各街道办事处〕", ["区住建局"], ["区城管局", "各街道办事处"]),
    ("（市民政局牵头，市财政局配合；2024年底前完成）", ["市民政局"], ["市财政局"]),
    ("配合单位：市商务局\n牵头单位：市民政局", ["市民政局"], ["市商务局"]),
    ("牵头单位：市工业和信息化局\n责任单位：市发展改革委，各区、市人民政府", ["市工业和信息化局"], ["市发展改革委", "各区、市人民政府"]),
])
def test_responsibility_forms(raw, lead, involved):
    from loaders.responsibility import parse
    r = parse(raw, 0)
    assert (r.lead, r.involved) == (lead, involved)


@pytest.mark.parametrize("line", ["第 3 页 共 12 页", "共12页 第3页", "— 3 —", "- 12 -", "· 3 ·", "Page 3 of 12",
                                  "赣ICP备05004113号", "主办单位：某市人民政府办公室"])
def test_page_and_site_furniture_lines(line):
    from loaders.junk import pattern_reason
    assert pattern_reason(line) is not None


@pytest.mark.parametrize("line", ["协办单位：市商务局", "3", "第三章 保障措施", "2025年", "牵头单位：市民政局"])
def test_plan_lines_are_not_furniture(line):
    from loaders.junk import pattern_reason
    assert pattern_reason(line) is None


# -- text extracted from a PDF: hard wraps, 第一章 on its own line, page breaks mid-sentence --

def test_xiangyang_pdf_text(docs):
    doc = docs["xiangyang_nongye_14th_pdf.txt"][1]
    m = doc.meta
    assert (m.title, m.issuer, m.period_start, m.period_end, m.plan_type) == (
        "襄阳市“十四五”农业农村现代化规划", "襄阳市人民政府", 2021, 2025, "规划")
    lines = doc.text.split("\n")
    # paragraphs whole again, across the page break (page number and running header gone)
    assert "“十三五”时期，全市粮食总产量稳定在90亿斤以上，农产品加工业产值与农业总产值之比达到3.2:1，农村居民人均可支配收入年均增长8.5%，脱贫攻坚目标任务全面完成。" in lines
    assert any(ln.startswith("2.推进高标准农田建设。") and ln.endswith("（市农业农村局、市财政局按职责分工负责）") for ln in lines)
    assert "防止“非粮化”" in doc.text and "“\n" not in doc.text
    assert sum(1 for d in doc.dropped if d.reason == "page_header") == 2
    assert sum(1 for d in doc.dropped if d.reason == "line_wrap") >= 8
    assert [(s.number, s.path) for s in doc.sections] == [
        ("第一章", ["发展基础"]), ("第二章", ["主要任务"]),
        ("第一节", ["主要任务", "提升粮食和重要农产品供给保障能力"]),
        ("第二节", ["主要任务", "推进农村一二三产业融合发展"]),
        ("第三章", ["保障措施"]), ("第一节", ["保障措施", "加强组织领导"]),
    ]
    assert [(m.number, m.title, m.kind) for m in doc.measures] == [
        ("1", "稳定粮食播种面积", "measure"), ("2", "推进高标准农田建设", "measure"),
        ("1", "做强农产品加工业", "measure"), ("2", "发展乡村休闲旅游", "measure"),
        ("1", "农产品加工园区提升工程", "box"), ("2", "现代农业产业园建设工程", "box"),
        ("3", "美丽休闲乡村创建工程", "box"), ("第一节", "加强组织领导", "safeguard"),
    ]
    r = _resp(doc)
    assert r["稳定粮食播种面积"] == (["市农业农村局"], ["市发展改革委", "市自然资源和规划局"])
    assert r["推进高标准农田建设"] == (["市农业农村局"], ["市财政局"])


def test_paragraph_per_line_text_is_not_rewrapped():
    """Lines that merely lack a full stop (headings, table cells) are not wraps."""
    from loaders.pipeline import parse_text
    src = ("某市规划\n一、总体要求\n" + "坚持以人民为中心的发展思想，推动高质量发展，到2025年基本建成现代化体系。" * 3 + "\n"
           "二、主要任务\n（一）完善基础设施\n" + "推进交通、水利、能源等重大基础设施建设，提升城市综合承载能力和服务水平。" * 3 + "\n"
           "（二）发展现代产业\n" + "培育壮大战略性新兴产业，推动先进制造业和现代服务业深度融合发展。" * 3 + "\n")
    doc = parse_text(src, {"file": "x.txt", "region": "某市", "region_en": "M", "level": "prefecture"})
    assert not [d for d in doc.dropped if d.reason == "line_wrap"]
    assert doc.text == src.strip()


# -- HTML table shapes seen on other sites ----------------------------------------------

_HMETA = {"file": "x.html", "region": "某市", "region_en": "M", "level": "prefecture"}


def _html(body: str):
    from loaders.pipeline import parse_text
    src = f"<html><body>{body}</body></html>"
    doc = parse_text(src, _HMETA, "x.html", is_html=True)
    assert unaccounted(src, doc) == [] and misplaced_drops(src, doc) == []
    return doc


def test_html_table_title_row_and_note_row():
    doc = _html('<p>某市生态环境保护“十四五”规划</p><p>一、主要目标</p><p>到2025年，生态环境质量持续改善，主要指标见下表。</p>'
                '<table><tr><td colspan="5">表1　某市生态环境保护“十四五”主要指标</td></tr>'
                '<tr><td>序号</td><td>指标</td><td>2020年</td><td>2025年</td><td>属性</td></tr>'
                '<tr><td>1</td><td>PM2.5平均浓度（微克/立方米）</td><td>38</td><td>33</td><td>约束性</td></tr>'
                '<tr><td>2</td><td>空气质量优良天数比率（%）</td><td>85.2</td><td>88</td><td>约束性</td></tr>'
                '<tr><td colspan="5">注：带*号指标为新增指标。</td></tr></table>'
                '<p>二、主要任务</p><p>（一）深入打好蓝天保卫战。加强细颗粒物和臭氧协同控制。（市生态环境局牵头）</p>')
    [t] = doc.tables
    assert t.title == "表1 某市生态环境保护“十四五”主要指标"
    assert t.columns == ["序号", "指标", "2020年", "2025年", "属性"]
    assert t.rows == [["1", "PM2.5平均浓度（微克/立方米）", "38", "33", "约束性"],
                      ["2", "空气质量优良天数比率（%）", "85.2", "88", "约束性"]]
    assert [m.title for m in doc.measures] == ["深入打好蓝天保卫战"]


def test_html_layout_table_is_not_data():
    doc = _html('<table width="100%"><tr><td><div>当前位置：首页 > 文件</div>'
                '<p>某市教育事业发展“十四五”规划</p><p>一、发展目标</p><p>到2025年，全市教育现代化水平显著提升，主要指标如下。</p>'
                '<TABLE border=1><TR><TH>指标<TH>2020年<TH>2025年<TH>属性'
                '<TR><TD>学前三年毛入园率（%）<TD>92<TD>95<TD>预期性'
                '<TR><TD>义务教育巩固率（%）<TD>98.5<TD>99<TD>约束性</TABLE>'
                '<p>二、主要任务</p><p>（一）扩大学前教育资源。新建改扩建幼儿园30所。（市教育局牵头，市财政局配合）</p>'
                '</td></tr></table>')
    [t] = doc.tables           # the inner table only; unclosed <TR>/<TD> and upper case tags
    assert t.columns == ["指标", "2020年", "2025年", "属性"]
    assert t.rows[1] == ["义务教育巩固率（%）", "98.5", "99", "约束性"]
    assert t.title == ""       # the line before is a sentence, not a title
    assert [(m.title, m.responsibility.lead) for m in doc.measures] == [("扩大学前教育资源", ["市教育局"])]


def _slow_offset_map(state):
    """Reference implementation of ``htmltables.cleaned_offset_map``: bisection over source_pos."""
    n = len(state.text)

    class _Key:
        def __getitem__(self, p):
            return state.source_pos(p)

        def __len__(self):
            return n + 1

    key = _Key()
    return lambda p_src: min(n, bisect_left(key, p_src))


@pytest.mark.parametrize("name", ["zhuzhou_minzheng_14th.html", "zhengding_lvyou_fangan.html", "huichang_shangye_fangan.html"])
def test_offset_map_matches_reference(name, monkeypatch):
    """The piece-map inverse used for HTML tables equals the bisection over source_pos."""
    import loaders.htmltables as H
    real = H.cleaned_offset_map
    seen = []

    def checked(state):
        fast, slow = real(state), _slow_offset_map(state)
        seen.append(all(fast(p) == slow(p) for p in range(0, len(state.text) * 3 + 10)))
        return fast
    monkeypatch.setattr(H, "cleaned_offset_map", checked)
    parse_plan(HELD / name, _meta(name, "某市", "M"))
    assert seen and all(seen)


# -- 办法 in articles: 第一章 总则 … 第X条 …, 附则 ------------------------------------------

def test_hefei_articles(docs):
    doc = docs["hefei_zhuanjingtexin_banfa.txt"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued, m.plan_type, m.validity) == (
        "合肥市专精特新中小企业培育办法", "合政办〔2023〕21号", "合肥市人民政府办公室", "2023-12-05", "办法",
        "2024-01-01 to 2026-12-31")                      # 自2024年1月1日起施行，有效期3年
    assert [(s.number, s.title) for s in doc.sections] == [
        ("第一章", "总则"), ("第二章", "培育措施"), ("第三章", "服务保障"), ("第四章", "附则")]   # 总　则 -> 总则
    # 总则 (purpose, definition, scope) and 附则 (interpretation, entry into force) are no measures
    assert [(m.number, m.title, m.kind, m.section_path) for m in doc.measures] == [
        ("第四条", "梯度培育", "measure", ["培育措施"]),                 # 【梯度培育】 heading
        ("第五条", "支持企业加大研发投入", "measure", ["培育措施"]),      # first sentence
        ("第六条", "对首次认定的企业给予一次性奖励", "measure", ["培育措施"]),
        ("第七条", "融资支持", "measure", ["培育措施"]),                 # （融资支持） heading
        ("第八条", "建立服务专员制度", "safeguard", ["服务保障"]),        # first clause
        ("第九条", "市财政每年安排专项资金", "safeguard", ["服务保障"]),
    ]
    art6 = doc.measures[2]
    assert art6.text.endswith("（三）市级专精特新中小企业，奖励10万元。")   # its enumeration is its text
    r = _resp(doc)
    assert r["梯度培育"] == (["市经济和信息化局"], [])
    assert r["支持企业加大研发投入"] == (["市科技局"], ["市财政局"])
    assert r["融资支持"] == (["市地方金融监管局"], ["市财政局"])          # a bare 牵头/配合 line
    assert r["建立服务专员制度"] == (["市经济和信息化局"], ["各县（市）区人民政府"])
    assert "抄送" not in doc.measures[-1].text


# -- 实施细则: articles without chapters, 二〇 signature, 附件 after it with a tab table ------

def test_lanzhou_articles_and_tab_table(docs):
    doc = docs["lanzhou_huizhan_xize.txt"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued, m.plan_type) == (
        "兰州市促进会展业发展实施细则", "兰商发〔2023〕56号", "兰州市商务局", "2023-11-20", "实施细则")
    assert [(m.number, m.title, m.kind, m.section_path) for m in doc.measures] == [
        ("第二条", "支持举办大型展会", "measure", []),
        ("第三条", "对首次引进的国际性、全国性品牌展会", "measure", []),
        ("第四条", "申报程序", "measure", []),                        # a short heading; （一）… are its text
            # 第五条 (同一展会…符合多项支持条款的，就高不重复) is a rule on combining aid: a formal clause since 38d97b8 (structure_formal_clauses.txt), no measure
        ("1", "建设国际会展中心二期", "measure", ["附件"]),
        ("2", "培育本土会展企业", "measure", ["附件"]),
        ("3", "完善会展配套服务", "measure", ["附件"]),
    ]
    assert "（三）评审结果公示" in doc.measures[2].text and "附件：" not in doc.measures[3].text
    assert "二〇二三年十一月二十日" not in "".join(m.text for m in doc.measures)
    [t] = doc.tables
    assert t.title == "兰州市促进会展业发展重点任务分工表"
    assert t.columns == ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
    assert t.rows[0] == ["1", "建设国际会展中心二期", "市商务局", "市发展改革委、兰州新区管委会", "2025年底前"]
    assert doc.text.endswith("3 完善会展配套服务 市文化和旅游局 市交通运输局、市公安局 2024年底前")   # rows not wrapped together
    r = _resp(doc)
    assert r["建设国际会展中心二期"] == (["市商务局"], ["市发展改革委", "兰州新区管委会"])
    assert r["完善会展配套服务"] == (["市文化和旅游局"], ["市交通运输局", "市公安局"])


# -- 若干措施: numbered short measures, closing item, 注：① note, flattened 分工表 ---------

def test_nanning_cuoshi_and_flat_task_table(docs):
    doc = docs["nanning_zhaoshang_cuoshi.txt"][1]
    m = doc.meta
    assert (m.title, m.doc_number, m.issuer, m.issued, m.plan_type, m.validity) == (
        "南宁市关于进一步加大招商引资力度的若干措施", "南府规〔2023〕9号", "南宁市人民政府", "2023-08-15", "措施",
        "2023-08-15 to 2025-12-31")
    assert [(m.number, m.title, m.section_path) for m in doc.measures] == [
        ("一", "加大重大项目奖励力度", []), ("二", "支持总部企业落户", []), ("三", "强化用地要素保障", []),
        ("四", "实行招商项目全程代办", []), ("五", "建立招商引资激励机制", []),   # 六、本措施自印发之日起施行 is none
        ("1", "开展产业链精准招商，每年引进亿元以上项目不少于100个", ["附件"]),
        ("2", "举办中国—东盟博览会专题招商活动", ["附件"]),
        ("3", "建立招商引资项目库", ["附件"]),
    ]
    assert not any("注：" in m.text for m in doc.measures)
    [t] = doc.tables
    assert (t.title, t.columns) == ("南宁市招商引资重点任务分工表", ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"])
    assert t.rows[1] == ["2", "举办中国—东盟博览会专题招商活动", "市商务局", "各县（市、区）人民政府", "每年9月"]
    assert doc.text[t.start:t.end].endswith("2023年10月底前")        # the 注： line after it is not a row
    r = _resp(doc)
    assert r["加大重大项目奖励力度"] == (["市投资促进局"], ["市财政局"])
    assert r["实行招商项目全程代办"] == (["市行政审批局"], ["各县〔市、区〕人民政府", "开发区管委会"])
    assert r["开展产业链精准招商，每年引进亿元以上项目不少于100个"] == (["市投资促进局"], ["市工业和信息化局", "市商务局"])
    assert r["建立招商引资项目库"] == (["市投资促进局"], ["市发展改革委"])


# -- 行动计划 page: two-row header with a group label, bold measure titles, 注： paragraph ---

def test_kunming_group_header_and_bold_titles(docs):
    doc = docs["kunming_shuzi_jihua.html"][1]
    m = doc.meta
    assert (m.title, m.published, m.period_start, m.period_end, m.plan_type) == (
        "昆明市数字经济发展三年行动计划（2023—2025年）", "2023-06-21", 2023, 2025, "行动计划")
    [t] = doc.tables
    assert t.title == "表1 昆明市数字经济发展主要指标"
    assert t.columns == ["序号", "指标名称", "单位", "2022年基期值", "目标值 2024年", "目标值 2025年", "属性"]
    assert t.rows == [["1", "数字经济核心产业增加值", "亿元", "420", "560", "650", "预期性"],
                      ["2", "5G基站数量", "万个", "1.8", "2.6", "3.2", "预期性"]]
    assert [(m.number, m.title, m.kind) for m in doc.measures] == [
        ("（一）", "加快数字基础设施建设", "measure"), ("（二）", "壮大数字核心产业", "measure"),
        ("（三）", "推进产业数字化转型", "measure"),       # title paragraph of its own, text after it
        ("（一）", "加强统筹协调", "safeguard"), ("（二）", "加大资金支持", "safeguard"),
    ]
    third = doc.measures[2]
    assert third.text.startswith("（三）推进产业数字化转型。\n实施制造业") and "注：" not in third.text
    r = _resp(doc)
    assert r["推进产业数字化转型"] == (["市工业和信息化局"], ["各县（市、区）人民政府"])
    assert r["壮大数字核心产业"] == (["市工业和信息化局"], ["市科技局", "市投资促进局"])


def test_html_three_row_header_group_labels():
    doc = _html('<p>某市“十四五”主要指标</p>'
                '<table><tr><td rowspan="3">指标</td><td colspan="4">目标值</td></tr>'
                '<tr><td colspan="2">2023年</td><td colspan="2">2025年</td></tr>'
                '<tr><td>全市</td><td>城区</td><td>全市</td><td>城区</td></tr>'
                '<tr><td>污水处理率（%）</td><td>95</td><td>98</td><td>97</td><td>99</td></tr></table>')
    [t] = doc.tables
    assert t.columns == ["指标", "目标值 2023年 全市", "目标值 2023年 城区", "目标值 2025年 全市", "目标值 2025年 城区"]
    assert t.rows == [["污水处理率（%）", "95", "98", "97", "99"]]


def test_cuoshi_title_paragraph_then_text_and_closing_item():
    doc = _html('<p>某市关于促进民营经济发展的若干措施</p><p>为进一步激发民营经济活力，制定以下措施。</p>'
                '<p><b>一、加大财政支持力度。</b></p><p>对新认定的专精特新企业给予10万元奖励。（责任单位：市财政局、市工信局）</p>'
                '<p><b>二、降低融资成本。</b>对民营企业贷款给予贴息，贴息比例不超过50%。</p>'
                '<p>三、本措施自2024年1月1日起施行，由市发展改革委负责解释。</p>'
                '<p>某市人民政府办公室</p><p>二〇二三年十二月二十日</p>')
    assert [(m.number, m.title) for m in doc.measures] == [("一", "加大财政支持力度"), ("二", "降低融资成本")]
    first = doc.measures[0]
    assert first.text.endswith("（责任单位：市财政局、市工信局）")
    assert (first.responsibility.lead, first.responsibility.involved) == (["市财政局"], ["市工信局"])
    assert doc.meta.issued == "2023-12-20"


def test_flat_task_table_wrapped_and_missing_cells():
    from loaders.pipeline import parse_text
    src = "\n".join([
        "某市优化营商环境工作方案", "一、工作目标", "到2025年，营商环境便利度进入全省前列。", "二、重点任务",
        "（一）提升政务服务效能。推行“一网通办”，压减办理时限。（市政务服务局牵头）",
        "附件", "某市优化营商环境重点任务分工表", "序号", "工作任务", "牵头单位", "配合单位", "完成时限",
        "1", "推行企业开办“一日办结”，", "实现全流程网上办理", "市市场监管局", "市税务局、市公安局", "2024年6月",
        "2", "建设“免证办”服务场景", "市政务服务局", "持续推进",
        "3", "开展营商环境评价", "市发展改革委", "各县（市、区）人民政府", "2024年底前", ""])
    doc = parse_text(src, _HMETA | {"file": "x.txt"}, "x.txt")
    assert unaccounted(src, doc) == []
    [t] = doc.tables
    assert t.rows == [["1", "推行企业开办“一日办结”，实现全流程网上办理", "市市场监管局", "市税务局、市公安局", "2024年6月"],
                      ["2", "建设“免证办”服务场景", "市政务服务局", None, "持续推进"],     # empty 配合单位 cell
                      ["3", "开展营商环境评价", "市发展改革委", "各县（市、区）人民政府", "2024年底前"]]
    assert [(m.number, m.section_path) for m in doc.measures] == [("（一）", ["重点任务"]), ("1", ["附件"]), ("2", ["附件"]), ("3", ["附件"])]
    assert doc.measures[3].responsibility.involved == ["各县（市、区）人民政府"]


@pytest.mark.parametrize("flat", [True, False])
def test_task_table_category_rows(flat):
    """Category rows (一、…) between the rows of a plain-text 分工表 are no cells; a one-line
    row with more names than columns keeps them in the last role column."""
    from loaders.pipeline import parse_text
    head = ["某市工作方案", "一、重点任务", "（一）提升政务服务效能。推行“一网通办”，压减办理时限。（市政务服务局牵头）",
            "附件", "某市重点任务分工表"]
    if flat:
        body = ["序号", "重点任务", "责任单位", "完成时限", "一、优化政务服务", "1", "推行企业开办“一日办结”",
                "市市场监管局、市税务局", "2024年6月", "二、强化要素保障", "2", "建设人才公寓", "市住建局、市财政局", "持续推进"]
    else:
        body = ["序号  重点任务  责任单位  完成时限", "一、优化政务服务", "1  推行企业开办“一日办结”  市市场监管局、市税务局  2024年6月",
                "二、强化要素保障", "2\t建设人才公寓\t市住建局 市财政局\t持续推进"]
    src = "\n".join(head + body)
    doc = parse_text(src, _HMETA | {"file": "x.txt"}, "x.txt")
    assert unaccounted(src, doc) == []
    [t] = doc.tables
    assert t.columns == ["序号", "重点任务", "责任单位", "完成时限"]
    assert t.rows == [["1", "推行企业开办“一日办结”", "市市场监管局、市税务局", "2024年6月"],
                      ["2", "建设人才公寓", "市住建局、市财政局", "持续推进"]]
    assert [(m.number, m.title, m.responsibility.lead, m.responsibility.involved) for m in doc.measures[1:]] == [
        ("1", "推行企业开办“一日办结”", ["市市场监管局"], ["市税务局"]), ("2", "建设人才公寓", ["市住建局"], ["市财政局"])]


def test_footnotes_are_not_items():
    """``①…`` under a paragraph carrying the mark ① is a footnote; ①② items under a heading stay items."""
    from loaders.pipeline import parse_text
    src = "\n".join(["某市工作方案", "一、重点任务",
                     "（一）支持总部企业落户。对新落户的总部企业①，按贡献给予奖励②。（市商务局负责）",
                     "①总部企业指在本市设立的具有独立法人资格的企业。", "②奖励标准另行制定。",
                     "（二）强化要素保障。优先安排用地指标。（市自然资源局负责）", "（三）培育新兴产业",
                     "①发展人工智能。建设算力中心①。", "②发展生物医药。建设产业园。"])
    doc = parse_text(src, _HMETA | {"file": "x.txt"}, "x.txt")
    assert [(m.number, m.title) for m in doc.measures] == [
        ("（一）", "支持总部企业落户"), ("（二）", "强化要素保障"), ("①", "发展人工智能"), ("②", "发展生物医药")]
    assert doc.measures[0].text.endswith("（市商务局负责）")


def test_html_task_table_grouped_role_header():
    """责任分工 over 牵头单位/配合单位: the group label is kept and the roles are still read."""
    doc = _html('<p>某市工作方案</p><p>一、重点任务</p><p>（一）提升政务服务效能。推行一网通办。（市政务服务局牵头）</p>'
                '<p>附件</p><p>重点任务分工表</p>'
                '<table><tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任分工</td><td rowspan="2">完成时限</td></tr>'
                '<tr><td>牵头单位</td><td>配合单位</td></tr>'
                '<tr><td>1</td><td>建设人才公寓</td><td>市住建局</td><td>市财政局、市人社局</td><td>2024年底</td></tr>'
                '<tr><td>2</td><td>开展营商环境评价</td><td>市发展改革委</td><td>市统计局</td><td>持续推进</td></tr></table>')
    [t] = doc.tables
    assert t.columns == ["序号", "重点任务", "责任分工 牵头单位", "责任分工 配合单位", "完成时限"]
    assert [(m.number, m.title, m.responsibility.lead, m.responsibility.involved) for m in doc.measures[1:]] == [
        ("1", "建设人才公寓", ["市住建局"], ["市财政局", "市人社局"]), ("2", "开展营商环境评价", ["市发展改革委"], ["市统计局"])]


def test_article_with_colon():
    from loaders.pipeline import parse_text
    src = "某市办法\n第一章 总则\n第一条：为规范管理，制定本办法。\n第二章 支持政策\n第二条：对新建项目给予补助。（市财政局负责）\n第三条:鼓励企业上市。"
    doc = parse_text(src, _HMETA | {"file": "x.txt"}, "x.txt")
    assert [(m.number, m.title, m.section_path) for m in doc.measures] == [
        ("第二条", "对新建项目给予补助", ["支持政策"]), ("第三条", "鼓励企业上市", ["支持政策"])]


def test_cuoshi_title_line_takes_following_paragraphs():
    from loaders.pipeline import parse_text
    src = ("某市若干措施\n为支持发展，制定以下措施。\n一、加大财政支持力度。\n对新认定的企业给予奖励，最高100万元。\n"
           "奖励资金由市、区按1:1比例承担，具体办法另行制定。\n二、降低融资成本。\n对贷款给予贴息，贴息比例不超过50%。\n"
           "三、本措施自印发之日起施行。")
    doc = parse_text(src, _HMETA | {"file": "x.txt"}, "x.txt")
    assert [(m.number, m.title) for m in doc.measures] == [("一", "加大财政支持力度"), ("二", "降低融资成本")]
    assert doc.measures[0].text.endswith("具体办法另行制定。") and not doc.sections
