"""model.ids: one slug for every id, so one place is one node whichever plan names it."""
from __future__ import annotations

import pytest

from loaders import parse_plan
from model import ids
from ontology.mapping import map_document

_TEXT = "{title}\n\n一、主要任务\n（一）发展社区养老服务。建设社区养老服务中心，到2025年实现街道全覆盖。\n"


def _regions(tmp_path, name: str, meta: dict) -> dict[str, str]:
    path = tmp_path / name
    path.write_text(_TEXT.format(title=meta["title"]), encoding="utf-8")
    records = map_document(parse_plan(path, meta))
    return {n.id: n.properties.get("name") for n in records.nodes if n.label == "Region"}


def test_city_and_district_plans_share_the_city_region(tmp_path):
    xj = {"province": "新疆维吾尔自治区", "province_en": "Xinjiang"}
    city = _regions(tmp_path, "city.txt", {"file": "city.txt", "region": "乌鲁木齐市", "region_en": "Ürümqi",
                                           "level": "prefecture", "title": "乌鲁木齐市养老服务实施方案", **xj})
    district = _regions(tmp_path, "district.txt", {"file": "district.txt", "region": "天山区", "region_en": "Tianshan",
                                                   "level": "county", "parent": "乌鲁木齐市", "parent_en": "Ürümqi",
                                                   "title": "天山区养老服务实施方案", **xj})
    assert city.get("region:urumqi") == district.get("region:urumqi") == "乌鲁木齐市"
    assert "region:xinjiang" in city and "region:xinjiang" in district
    assert set(district) == {"region:tianshan", "region:urumqi", "region:xinjiang"}


@pytest.mark.parametrize("text,expected", [
    ("Yangzhou", "yangzhou"), ("Xi'an", "xi-an"), ("Inner Mongolia", "inner-mongolia"),
    (" Wuxing  District ", "wuxing-district"), ("Ürümqi", "urumqi"), ("嘉兴市", "嘉兴市"), ("", ""),
])
def test_slug(text, expected):
    assert ids.slug(text) == expected


def test_region_slug_falls_back_to_the_chinese_name():
    assert ids.region_slug(None, "湖州市") == ids.region_slug("", "湖州市") == "湖州市"
    assert ids.region_slug("Huzhou", "湖州市") == "huzhou"


def test_ids_have_their_prefixes():
    pid = ids.plan_id("Yangzhou", "扬府办发〔2022〕80号", 2022, 2025, "yangzhou")
    assert pid == "plan:yangzhou:2022-80"
    assert ids.policy_id(pid, "m-1") == "policy:yangzhou:2022-80:m-1"
    assert ids.target_id(pid, 1, 2).startswith("target:yangzhou:2022-80:")
    assert ids.agency_id("yangzhou", "civil_affairs") == "agency:yangzhou:civil_affairs"
    assert ids.indicator_id("x") == "indicator:x" and ids.region_id("yangzhou") == "region:yangzhou"
