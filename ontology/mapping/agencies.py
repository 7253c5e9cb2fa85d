"""Responsible agencies: names as written -> Agency nodes named in full with their region.

Plans write agencies relative to themselves (市民政局, 民政局, 区民政局, 自治区民政厅); the
graph needs them absolute (扬州市民政局) and comparable across places, so each gets the
region its prefix points to and a function from vocab/agency_functions.csv.  Agencies of
a function that is unique per region share one id whatever the spelling (民政局 and
市民政局 in one city are one node).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from model.ids import short_hash
from ontology import responsibility, vocab
from ontology.mapping.plans import RegionRef


@dataclass(frozen=True)
class AgencyRef:
    id: str
    name: str            # full name with region, e.g. 扬州市民政局
    short_name: str      # as written, e.g. 民政局
    function: str | None
    region: RegionRef


# the level word a plan of a 自治州 / 盟 / 旗 / 地区 writes before its own bodies (州民政局, 盟行政公署)
_LEVEL_WORD = re.compile(rf"^({vocab.lexicon_regex('region_level_words')})(?![级直内外域])")
_NOT_LEVEL = re.compile(rf"(?:{vocab.lexicon_regex('agency_not_level_prefix')})")
# 市场监管局 / 市监局 / 市容局: a 市 that belongs to the name, not the city prefix (市市场监管局 has both)
_NOT_CITY = re.compile(rf"(?:{vocab.lexicon_regex('agency_not_city_prefix')})")
_SUFFIX = re.compile(rf"(?:{vocab.lexicon_regex('region_suffixes')})$")
clean_name = responsibility.clean_name
function_of = responsibility.function_of


def short_region_name(full: str) -> str:
    s = _SUFFIX.sub("", full)
    return s if len(s) >= 2 else full


def resolve(raw: str, chain: list[RegionRef]) -> AgencyRef | None:
    """An agency name as written in a plan of the chain's first region -> an absolute AgencyRef."""
    name = clean_name(raw)
    if len(name) < 2 or responsibility.is_placeholder(name):
        return None
    own = chain[0]
    by_level = {r.level: r for r in chain}
    region, core, prefixed = own, name, True
    known_places = [r.name for r in chain] + [short_region_name(r.name) for r in chain]
    if any(name.startswith(p) for p in (r.name for r in chain)):
        prefixed = False
        region = next(r for r in chain if name.startswith(r.name))
        if len(name) > len(region.name) + 1:
            core = name[len(region.name):]   # 虹口区街道办事处 and 街道办事处 in a 虹口区 plan are one body
    elif any(p in name for p in known_places) or re.search(r"人民银行|人行", name):
        prefixed = False  # names that already carry a place (人行扬州中心支行)
    elif name.startswith(("自治区", "省")):
        region = by_level.get("province", own)
        core = name[3:] if name.startswith("自治区") else name[1:]
    elif name.startswith("市") and not _NOT_CITY.match(name):
        region = own if own.level != "county" else by_level.get("prefecture", own)
        core = name[1:]
    elif name[0] in "区县" and own.level == "county" and not _NOT_LEVEL.match(name):
        core = name[1:]
    elif (lv := _LEVEL_WORD.match(name)) and any(r.name.endswith(lv.group(1)) for r in chain):
        # 州民政局 / 盟发改委 / 旗教育局 / 地区财政局: the body of the chain's 自治州, 盟, 旗 or 地区
        region = next(r for r in chain if r.name.endswith(lv.group(1)))
        core = name[len(lv.group(1)):]
    full = f"{region.name}{core}" if prefixed else name
    league = re.fullmatch(r"团([市区县])委", name)
    if league:  # 团市委 is the Youth League committee of the city: 共青团扬州市委
        region = own if league.group(1) != "市" or own.level != "county" else by_level.get("prefecture", own)
        core, full = name, f"共青团{region.name}委"
    func = function_of(name)
    tier = responsibility.generic_local_government(core)
    if tier is not None:
        # 各区政府 / 相关区政府 / 各县（市、区）人民政府: one agency, all of the region's lower governments
        func = next(f for f in vocab.agency_functions() if f.id == "local_government")
        aid = f"agency:{region.slug}:local_governments_{tier}"
    elif func is not None and func.unique:
        aid = f"agency:{region.slug}:{func.id}"
    else:
        aid = f"agency:{region.slug}:{short_hash(core)}"
    if func is None:
        func = _OTHER  # a body of no known function: said so explicitly
    return AgencyRef(aid, full, name, func.id if func else None, region)


_OTHER = next((f for f in vocab.agency_functions() if f.id == "other"), None)
