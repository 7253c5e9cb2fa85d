"""Year scope and historic detection over whole synthetic plans (tests/fixtures_targets/, written for these
tests in the shapes of other provinces' plans): review sections (发展基础, a heading naming an earlier period),
block leads (到2025年…具体目标如下：), bullet goal lines, indicator tables with 〔cumulative〕 cells, norms of
grants without a year, yearly and five-year quantities."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.eval_targets import targets_of
from loaders import parse_plan
from ontology.mapping import map_document

FIX = Path(__file__).resolve().parent / "fixtures_targets"


def targets(name):
    meta = {"file": name, "region": "某某县", "region_en": "Mou", "level": "county", "parent": "某某市",
            "province": "某某省"}
    recs = map_document(parse_plan(FIX / name, meta))
    return {(t["indicator_text"], t["value"]): t for t in targets_of(recs) if t.get("value") is not None}


@pytest.fixture(scope="module")
def county():
    return targets("county_yanglao_14th.txt")


@pytest.fixture(scope="module")
def city():
    return targets("city_gengxin_15th.txt")


def ys(t):
    return t["year"], t["year_source"], t["kind"]


def test_review_section_figures_are_historic_for_the_previous_period(county, city):
    assert ys(county[("社区养老服务中心", 28.0)]) == (2020, "block", "historic")
    assert ys(county[("护理型床位占比", 45.0)]) == (2020, "sentence", "historic")
    # a heading naming the last period (“十四五”规划实施情况) is a review, whatever its words
    assert ys(city[("新增公园绿地", 860.0)]) == (2025, "block", "historic")
    assert ys(city[("绿道", 310.0)]) == (2025, "block", "historic")


def test_block_lead_governs_bullet_lines_and_bullets_leave_the_name(county, city):
    assert ys(county[("社区养老服务设施覆盖率", 100.0)]) == (2025, "block", "target")
    assert county[("每千名老年人拥有养老床位数", 38.0)]["comparator"] == ">="
    assert ys(city[("新增口袋公园", 120.0)]) == (2030, "block", "target")
    assert ys(county[("老年人满意度", 95.0)]) == (2035, "sentence", "target")


def test_table_header_years_and_cumulative_cells(county):
    assert ys(county[("养老机构数量", 30.0)]) == (2025, "table_header", "target")
    t = county[("老年大学学员人数", 3000.0)]
    assert ys(t) == (2025, "table_header", "target") and t["change_type"] == "cumulative"


def test_grant_norms_have_no_year_even_inside_a_dated_paragraph(city, county):
    t = city[("加装电梯的住宅补贴标准", 15.0)]
    assert (t["unit"], t["year"], t["year_source"], t["kind"]) == ("万元/台", None, "none", "standard")
    assert (city[("单台补贴上限", 20.0)]["year"]) is None
    assert county[("新建养老机构建设补贴标准", 5000.0)]["unit"] == "元/张"


def test_yearly_and_five_year_quantities(county, city):
    assert ys(county[("新增养老床位", 300.0)]) == (None, "none", "target")
    assert county[("培训养老护理员", 2000.0)]["change_type"] == "cumulative"
    assert ys(city[("新建绿道", 40.0)]) == (None, "none", "target")
    assert ys(city[("街道社区公园覆盖率", 100.0)]) == (2030, "sentence", "coverage")


def test_no_targets_from_document_numbers_dates_or_phones(city):
    assert not any(v in (8.0, 10.0, 2026.0) or v >= 1e6 for _, v in city)


@pytest.fixture(scope="module")
def wenlv():
    return targets("city_wenlv_15th.txt")


def test_vision_section_led_by_its_first_paragraph(wenlv):
    assert ys(wenlv[("旅游总收入", 900.0)]) == (2035, "block", "target")
    assert ys(wenlv[("旅游总收入", 600.0)]) == (2030, "block", "target")  # 2030年目标 heading
    assert ys(wenlv[("旅游总收入", 380.0)]) == (2025, "sentence", "historic")


def test_multiples_respectively_and_grant_conditions(wenlv):
    assert not [k for k in wenlv if wenlv[k]["unit"] == "倍"]  # 分别是2020年的1.6倍和1.8倍
    assert not [k for k in wenlv if k[1] == 1.0 and wenlv[k]["unit"] == "亿元"]  # 首次突破1亿元的企业: a condition
    # a bare grant word takes what the grant is given for (对…的文旅企业)
    assert ys(wenlv[("文旅企业一次性奖励", 50.0)]) == (None, "none", "standard")


@pytest.fixture(scope="module")
def zhibiao():
    return targets("county_zhibiao_14th.txt")


def test_indicator_table_with_a_baseline_year_column_and_a_growth_column(zhibiao):
    t = zhibiao[("地区生产总值", 760.0)]
    assert ys(t) == (2025, "table_header", "target") and (t["baseline_value"], t["baseline_year"]) == (520.0, 2020)
    g = zhibiao[("地区生产总值年均增长", 8.0)]
    assert (g["unit"], g["comparator"], g["year"], g["change_type"]) == ("%", "approx", 2025, "annual_average")
    assert zhibiao[("单位地区生产总值能耗降低", 14.0)]["change_type"] == "cumulative"
    assert zhibiao[("空气质量优良天数比率", 88.0)]["comparator"] == ">"
    assert not [k for k in zhibiao if k[1] == 8.0 and zhibiao[k]["unit"] == "亿元"]
