"""Flattened tables on the synthetic dev fixtures of tests/fixtures_tables (see
bench/eval_tables_dev.py for the spec format): each fixture's rows are rebuilt with every
cell in its column, and the task rows are measures with their agencies. The fixtures are
written for these tests in the shapes other provinces' task and indicator tables take when
scraped one cell per line (merged cells written once, cells over several lines, header
cells split over lines, names outside the lexicons, group rows and group columns)."""
from __future__ import annotations

import json

import pytest

from bench.eval_tables_dev import FIXTURES, build, evaluate
from loaders.pipeline import parse_text

NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))
# rows a fixture may still miss: f's row 4 wraps a task line 依法查处 that ends like a body (处) before
# its 责任单位; g's row 3 has two lead lines then one 配合 line, which no shape tells from one lead
# line then two 配合 lines (the later column takes the extra line); k's row 2 (a merged 重点任务 over a
# 具体工作 of two lines, 推动区图书馆、文化馆 / 总分馆制全覆盖) reads as a new 重点任务 and its rows 3-4
# carry it; m's group cell 污染减排 at the end of row 4 reads as row 4's 备注 (rows 4-6 miss)
ALLOWED_MISSES: dict[str, int] = {"f_split_header_town": 1, "g_restart_numbering_city": 1,
                                  "k_long_table_district": 3, "m_indicator_multirow_notes": 3,
                                  # s's row 3: a 牵头单位 merged from row 2 reads as row 3's own 牵头 with an
                                  # empty 配合单位 (both are common; no shape tells them apart)
                                  "s_long_involved_merged_lead": 1,
                                  # ai's row 5 leaves one of two targets empty beside a 权重 of 3: 3.2 | 3 reads as
                                  # both targets with the weight missing as well as one target and the weight
                                  "ai_place_target_headers_weights_city": 1,
                                  # bh's row 5: an indicator over two lines (每万人口高价值 / 发明专利拥有量) under a
                                  # 类别 merged from row 4 reads as a new 类别 and its indicator (both are short
                                  # text lines; no shape tells them apart)
                                  "bh_target_span_beside_base_year_county": 1}


# fresh fixtures not yet rebuilt (measured before any change; each leaves this set when a mechanism rebuilds it)
UNTUNED: set[str] = {"av_landuse_many_columns_two_row_header_district",
                     "ay_indicator_two_row_target_header_resp_district",
                     "bb_parking_sites_time_ranges_district"}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="untuned"))
                                  if n in UNTUNED else n for n in NAMES])
def test_rows_rebuilt_cell_by_cell(name):
    d = evaluate([name])["per_fixture"][name]
    assert d["rebuilt"] >= d["rows"] - ALLOWED_MISSES.get(name, 0), d
    assert d.get("false_measures", 0) == 0, d        # indicator / inventory / count rows are no measures
    if "agency_links" in d:
        assert d["measures"]["recall"] == 1.0, d
        assert d["agency_links"]["recall"] >= 0.9 and d["agency_links"]["precision"] >= 0.9, d


def _doc(name):
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    text, gold, _ = build(spec)
    return parse_text(text, dict(spec["meta"], file=name + ".txt"), name + ".txt"), gold


def test_merged_task_cell_is_carried_and_wrapped_cells_stay_in_their_column():
    doc, gold = _doc("a_yingshang_district")
    [t] = doc.tables
    assert t.rows[0][1:3] == ["深化“一网通办”改革", "推动高频事项实现“掌上办”，新增移动端办理事项不少于50项"]
    assert t.rows[2][1:3] == ["深化“一网通办”改革", "建设区级政务服务“好差评”分析平台，按月通报评价结果"]


def test_header_cells_split_over_lines_and_a_merged_agency_cell():
    doc, _ = _doc("f_split_header_town")
    [t] = doc.tables
    assert t.columns == ["序号", "主要任务", "责任单位", "完成时限", "备注"]
    assert t.title == ""
    assert t.rows[1][2] == "区绿化市容局"               # written once for rows 1 and 2
    assert t.cell_spans[1][2] == t.cell_spans[0][2]


def test_a_name_outside_the_lexicons_inside_the_header_run():
    doc, _ = _doc("c_xiangcun_county")
    [t] = doc.tables
    assert t.columns == ["类别", "序号", "重点工作", "责任领导", "责任单位", "完成时限"]
    assert t.roles == ["group", "number", "task", "other", "responsible", "deadline"]
    rows = [m for m in doc.measures if m.start >= t.start]
    assert rows[0].responsibility.lead == ["县农业农村局"] and "赵立强" not in rows[0].responsibility.involved


def test_bare_numeral_group_row_before_row_one_and_role_lines_in_a_cell():
    doc, _ = _doc("e_anquan_city")
    [t] = doc.tables
    assert t.columns == ["序号", "工作任务", "工作措施", "责任单位", "完成时间"]
    assert [(g.label, g.first_row) for g in t.groups][0] == ("一 强化源头管控", 0)
    rows = [m for m in doc.measures if m.start >= t.start]
    assert rows[2].responsibility.lead == ["市城市管理局"]
    assert rows[2].responsibility.involved == ["市住房城乡建设局", "市市场监管局"]


def test_deadline_over_two_lines_and_marked_leads_in_one_cell():
    doc, _ = _doc("j_bracket_lead_deadline_split")
    [t] = doc.tables
    assert t.rows[0][3:] == ["区民政局（牵头）、各街道办事处", "2025年12月底前"]
    assert t.rows[1][1:3] == ["完善社区养老设施", "推动养老服务设施与社区卫生服务中心毗邻建设"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert rows[0].deadline == "2025年12月底前"
    assert rows[1].responsibility.lead == ["区卫生健康委"] and rows[1].responsibility.involved == ["区民政局"]


def test_two_deadlines_over_lines_and_a_task_verb_that_is_no_deadline():
    doc, _ = _doc("k_long_table_district")
    [t] = doc.tables
    assert t.rows[3][2:4] == ["建设城市书房10个", "6月底前完成选址；12月底前建成开放"]
    doc, _ = _doc("e_anquan_city")
    [t] = doc.tables
    assert t.rows[2][1] == "推进城镇燃气安全整治"         # 推进 opens a task, no schedule


def test_a_list_of_sites_with_a_responsibility_column_gives_no_measures():
    doc, _ = _doc("n_sites_list_district")
    [t] = doc.tables
    assert t.columns[4] == "有效避难面积（平方米）" and t.roles[3] == "other"     # 场所类型 over 室内/室外
    assert t.rows[1][2] == "新华路与建设路交叉口东北侧"
    assert not any(t.start <= m.start < t.end for m in doc.measures)


def test_a_last_column_name_outside_the_lexicons_before_the_first_group_cell():
    doc, _ = _doc("p_renewal_group_column")
    [t] = doc.tables
    assert t.columns == ["类别", "序号", "项目名称", "实施主体", "推进计划"]
    assert t.roles == ["group", "number", "task", "responsible", "deadline"]
    assert t.rows[1][2:] == ["某里弄房屋保护性修缮", "区房管局、某宁街道", "2024年启动2026年完成"] or \
        t.rows[1][2:4] == ["某里弄房屋保护性修缮", "区房管局、某宁街道"]
    doc, _ = _doc("o_projects_townships")
    [t] = doc.tables
    assert t.roles[2] == "other"                              # 所在街镇: a place, no body


def test_a_lead_mark_on_a_line_of_its_own_inside_the_agency_cell():
    lines = ["某川区社区服务提升工作方案", "附件", "重点任务分工表", "序号", "重点任务", "责任单位", "完成时限",
             "1", "建设社区综合服务站", "区民政局", "（牵头）", "区财政局", "2025年底前",
             "2", "推进社区食堂建设", "区商务委", "（牵头）", "各街镇", "2025年9月底前",
             "3", "开展社区志愿服务", "区文明办", "持续推进"]
    doc = parse_text("\n\n".join(lines), {"file": "x.txt", "region": "某川区", "region_en": "Mouchuan",
                                          "level": "county"}, "x.txt")
    [t] = doc.tables
    assert t.rows[0] == ["1", "建设社区综合服务站", "区民政局（牵头）、区财政局", "2025年底前"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert rows[1].responsibility.lead == ["区商务委"] and rows[1].responsibility.involved == ["各街镇"]


@pytest.mark.parametrize("name", ["a_yingshang_district", "c_xiangcun_county", "d_zhibiao_district"])
def test_row_numbers_written_with_a_dot(name):
    # 1. 2. 3. in the 序号 column: the same tables, rebuilt the same way
    from bench import eval_structure as es
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    t = spec["tables"][0]
    at = t["roles"].index("number")
    for r in t["rows"]:
        if isinstance(r, list):
            r[at] += "."
    text, gold, _ = build(spec)
    doc = parse_text(text, dict(spec["meta"], file=name + ".txt"), name + ".txt")
    got = es.score_tables(gold, doc.tables, [])
    assert got["rebuilt"] == got["rows"]


def _without_numbers(name: str, period: bool = False):
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    t = spec["tables"][0]
    at = t["roles"].index("number")
    t["head_lines"] = [h for h in t["head_lines"] if h != "序号"]
    t["header"] = [h for j, h in enumerate(t["header"]) if j != at]
    t["roles"] = [r for j, r in enumerate(t["roles"]) if j != at]
    task = max(j for j, r in enumerate(t["roles"]) if r == "task")
    rows = []
    for r in t["rows"]:
        if isinstance(r, list):
            r = [c for j, c in enumerate(r) if j != at]
            if period and isinstance(r[task], str) and r[task] != "^":
                r[task] += "。"
        rows.append(r)
    t["rows"] = rows
    t.pop("agencies", None)
    return spec


@pytest.mark.parametrize("name,period", [("e_anquan_city", False), ("e_anquan_city", True),
                                         ("q_lead_then_resp_city", True), ("a_yingshang_district", False)])
def test_task_table_without_row_numbers(name, period):
    # no 序号 column: rows cut by a dynamic programme over row ends, sentences ending with 。 and
    # cells over several lines included, group rows 一、… kept as groups
    from bench import eval_structure as es
    spec = _without_numbers(name, period)
    text, gold, _ = build(spec)
    doc = parse_text(text, dict(spec["meta"], file=name + ".txt"), name + ".txt")
    got = es.score_tables(gold, doc.tables, [])
    assert got["rebuilt"] >= got["rows"] - 3, got
    [t] = [t for t in doc.tables if "task" in (t.roles or [])]
    assert len(t.rows) >= len(gold[0]["rows"]) - 1
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert len(rows) >= len(gold[0]["rows"]) - 1 and all(m.responsibility for m in rows)


def test_header_unit_lines_in_ascii_brackets_and_area_symbols():
    # 已建成面积 / (万m2): a unit line in ASCII brackets with an area symbol unit joins its name
    # (units m2, ㎡, 万m2 …); names and values with double spaces inside (街  镇, 社  区)
    doc, _ = _doc("aa_bracket_unit_lines_district")
    [t] = doc.tables
    assert t.columns == ["序号", "街镇", "类型", "已建成面积（万m2）", "2021年任务（万m2）", "2022年任务（万m2）",
                         "经费预算（万元）"]
    assert len(t.rows) == 7 and t.rows[-1][3:] == ["56.4", "15.4", "18.4", "3950"]


def test_group_rows_between_rows_of_a_category_column_table():
    # 任务类型 before 序号 with group rows 行动一：… / （一）…: a group row is a TableGroup, never the
    # category cell or the 推进单位 (a responsibility header outside the old lexicon), and it ends the
    # category cell merged above it (rows 1-2 and 8 have none)
    doc, _ = _doc("ac_groups_kind_before_serial_district")
    [t] = doc.tables
    assert t.roles == ["group", "number", "task", "responsible"]
    assert [r[0] for r in t.rows] == [None, None, "重点项目", "重点项目", "民生实事", "民生实事", "民生实事", None,
                                      "重点项目", "常规工作", "常规工作"]
    assert [r[3] for r in t.rows[4:7]] == ["区民政局"] * 3           # merged over rows 5-7, written once
    labels = {g.label: g.first_row for g in t.groups}
    assert labels["行动一：实施住宅小区综合治理"] == 0 and labels["（一）完善基础设施"] == 7
    assert labels["行动二：提升社区公共服务"] == 4 and labels["行动三：强化长效管理"] == 9


# header words of other provinces' tables outside the first lexicons (table_col_*.txt): the same fixture with a
# header cell renamed is rebuilt as well
HEADER_VARIANTS = [("e_anquan_city", "责任单位", "负责单位"), ("e_anquan_city", "工作任务", "主要工作"),
                   ("v_merged_resp_runs_district", "责任单位", "责任科室"), ("a_yingshang_district", "重点任务", "目标任务"),
                   ("d_zhibiao_district", "属性", "约束/预期"), ("l_dotted_serials_county", "时间节点", "完成节点")]


@pytest.mark.parametrize("name,old,new", HEADER_VARIANTS)
def test_header_words_outside_the_first_lexicons(name, old, new):
    from bench import eval_structure as es
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    for t in spec["tables"]:
        t["head_lines"] = [new if h == old else h for h in t["head_lines"]]
        t["header"] = [new if h == old else h for h in t["header"]]
    text, gold, _ = build(spec)
    doc = parse_text(text, dict(spec["meta"], file=name + ".txt"), name + ".txt")
    tb = es.score_tables(gold, doc.tables, [])
    assert tb["rebuilt"] >= tb["rows"] - ALLOWED_MISSES.get(name, 0), (old, new, tb)
