"""Responsible agencies: names as written -> Agency nodes named in full with their region.

Plans write agencies relative to themselves (市民政局, 民政局, 区民政局, 自治区民政厅); the
graph needs them absolute (扬州市民政局) and comparable across places, so each gets the
region its prefix points to and a function from vocab/agency_functions.csv.  Agencies of
a function that is unique per region share one id whatever the spelling (民政局 and
市民政局 in one city are one node).  Every spelling of one body meets in one id: the chain's full
names are stripped (上海市虹口区金融办 = 虹口区金融办 = 区金融办), a higher body's branch for a lower
region is that region's (上海市公安局虹口分局 = 区公安分局), and a leading 市 is the nearest city of the
chain (a district's province-level city, a 县级市 plan's own city).  A name no function pattern names
gets one from a domain word when it ends like a body (lexicon agency_function_stems), else ``other``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from model.ids import region_id, short_hash
from ontology import responsibility, vocab
from ontology.mapping.plans import RegionRef
from ontology.regions import region_slug


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
# a body's branch for a lower region: 公安局 + 虹口 + 分局 (the head word before the place is dropped from the key)
_BRANCH_HEAD = vocab.lexicon_regex("agency_branch_heads")
_BRANCH_TAIL = vocab.lexicon_regex("agency_branch_endings")
_BUREAU = re.compile(rf"(?:{vocab.lexicon_regex('agency_bureau_endings')})$")
# 区水务管理所 / 区财政事务中心: a unit under a bureau, of the bureau's function but not the bureau
_UNIT = re.compile(rf"(?:{vocab.lexicon_regex('agency_unit_endings')})[)）]?$")
# 中共 / 国网 before a place: the owner's word that a body's short form leaves out
_OWNER = re.compile(rf"^(?:{vocab.lexicon_regex('agency_owner_prefixes')})")
clean_name = responsibility.clean_name
function_of = responsibility.function_of


def short_region_name(full: str) -> str:
    s = _SUFFIX.sub("", full)
    return s if len(s) >= 2 else full


def _city_region(chain: list[RegionRef]) -> RegionRef:
    """The region a leading 市 points to: the nearest region of the chain whose name is a city (…市) --
    the plan's own city (a prefecture, a 县级市, a province-level city), else the city above a district or
    county (a prefecture, or the province-level city of a district: 市民政局 in a 虹口区 plan is 上海市's);
    else the prefecture of a county plan, else the plan's own region."""
    own = chain[0]
    city = next((r for r in chain if r.name.endswith("市") and len(r.name) > 1), None)
    if city is not None:
        return city
    return own if own.level != "county" else next((r for r in chain if r.level == "prefecture"), own)


def _strip_places(name: str, chain: list[RegionRef]) -> tuple[RegionRef, str] | None:
    """A name that opens with chain regions' names (上海市虹口区金融办, 虹口区金融办, 上海市金融办; or a
    short name before a body, 某宝供电公司, 虹口公安分局): the innermost region named and what follows it;
    None when it opens with none."""
    region, rest = None, name

    def opening(r: RegionRef, s: str) -> int:
        if s.startswith(r.name) and len(s) > len(r.name):   # 某山区委: a one-character body too
            return len(r.name)
        short = short_region_name(r.name)
        tail = s[len(short):]
        if (short != r.name and len(short) >= 2 and s.startswith(short) and len(tail) >= 2
                and (not _SUFFIX.match(tail[:1]) or _NOT_CITY.match(tail)) and responsibility.is_agency_name(tail)):
            return len(short)
        return 0
    while True:
        hits = [(opening(r, rest), r) for r in chain if region is None or chain.index(r) < chain.index(region)]
        n, hit = max(hits, key=lambda h: h[0], default=(0, None))
        if hit is None or n == 0:
            break
        region, rest = hit, rest[n:]
    if region is None:
        return None
    return region, rest


def _branch(core: str, region: RegionRef, chain: list[RegionRef]) -> tuple[RegionRef, str] | None:
    """公安局虹口分局 / 税务局某浦分局 in the name of a higher region's body: the branch that serves a lower
    region of the chain (the district's 公安分局), keyed as that region writes it (公安分局)."""
    for r in chain[:chain.index(region)]:
        short = short_region_name(r.name)
        m = re.fullmatch(rf"(.+?)(?:{_BRANCH_HEAD})?(?:{re.escape(r.name)}|{re.escape(short)})({_BRANCH_TAIL})", core)
        if m:
            return r, m.group(1) + m.group(2)
    return None


@cache
def _foreign_rows() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = vocab.lexicon("agency_foreign_place_not")
    return (tuple(r for r in rows if not r.startswith("after:")),
            tuple(r[len("after:"):] for r in rows if r.startswith("after:")))


_LEVEL_ENDINGS = sorted(((r.split(None, 1)[0], r.split(None, 1)[1]) for r in vocab.lexicon("region_level_endings")),
                        key=lambda x: -len(x[1]))
# the place is Chinese characters only (负责单位：市… is a label, not a place)
_FOREIGN = re.compile(r"^(?P<place>(?:(?![各全本我该其相有])[\u4e00-\u9fff]){2,8}?"
                      rf"(?:{vocab.lexicon_regex('region_suffixes')}))(?P<rest>.+)$")


def foreign_place(name: str, chain: list[RegionRef]) -> tuple[RegionRef, str] | None:
    """A name opening with a place of no region of the chain -- a sibling district (某川区商务局 in a 某渡区
    plan), a county-level city or county of the plan's city (某泉市人民政府 in a 某水市 plan), another city of the
    province (某沙市人民政府 in a province plan): that place's region (minted from its Chinese name, below the
    chain region it belongs to) and the body's name after it. Zone words and words the ending starts are no
    places (lexicon agency_foreign_place_not)."""
    m = _FOREIGN.match(name)
    if m is None:
        return None
    place, rest = m.group("place"), m.group("rest")
    ends, after = _foreign_rows()
    if (place.endswith(ends) or rest.startswith(after) or _NOT_CITY.match(place[-1] + rest)
            or not responsibility.is_agency_name(rest) or len(rest) < 2 or responsibility.generic_local_government(name)
            or any(place == r.name or place.startswith(r.name) for r in chain)):
        return None
    own = chain[0]
    by_level = {r.level: r for r in chain}
    # the level its ending says (lexicon region_level_endings; 市, 自治州, 盟 … a prefecture), except a 市 named in
    # a prefecture's plan: one of its county-level cities
    level = next((lv for lv, e in _LEVEL_ENDINGS if place.endswith(e)), "prefecture")
    if level == "prefecture" and place.endswith("市") and own.level == "prefecture":
        level = "county"
    if level == "province":
        parent = None
    elif level == "prefecture":
        parent = by_level.get("province")
    else:
        parent = own if own.level != "county" else by_level.get("prefecture", by_level.get("province"))
    slug = region_slug(None, place)
    return RegionRef(region_id(slug), place, None, level, slug, parent.id if parent else None), rest


def resolve(raw: str, chain: list[RegionRef]) -> AgencyRef | None:
    """An agency name as written in a plan of the chain's first region -> an absolute AgencyRef."""
    name = responsibility.round_qualifier(clean_name(raw))   # 各乡〔镇〕人民政府 is 各乡（镇）人民政府
    if len(name) < 2 or responsibility.is_placeholder(name):
        return None
    owner = _OWNER.match(name)
    if owner and any(name[owner.end():].startswith((r.name, short_region_name(r.name))) for r in chain):
        # 中共某山区委 / 国网某临供电公司: the body of the name without the owner's word (区委, 市供电公司)
        inner = resolve(name[owner.end():], chain)
        if inner is not None:
            return AgencyRef(inner.id, owner.group(0) + inner.name, name, inner.function, inner.region)
    own = chain[0]
    by_level = {r.level: r for r in chain}
    region, core, prefixed = own, name, True
    written = name
    known_places = [r.name for r in chain] + [short_region_name(r.name) for r in chain]
    placed = _strip_places(name, chain)
    if placed is not None or any(name.startswith(r.name) for r in chain):
        # 虹口区街道办事处 and 街道办事处 in a 虹口区 plan are one body; so are 上海市虹口区金融办 and 区金融办
        prefixed = False
        if placed is not None:
            region, core = placed
        else:
            region = next(r for r in chain if name.startswith(r.name))
    elif any(p in name for p in known_places) or re.search(r"人民银行|人行", name):
        prefixed = False  # names that already carry a place (人行扬州中心支行)
    elif name.startswith(("自治区", "省")):
        region = by_level.get("province", own)
        core = name[3:] if name.startswith("自治区") else name[1:]
    elif name.startswith("市") and not _NOT_CITY.match(name):
        region = _city_region(chain)
        core = name[1:]
    elif name[0] in "区县" and (own.level == "county" or own.name.endswith(name[0])) and not _NOT_LEVEL.match(name):
        # 区民政局 in a 某东区 plan: the level word of the plan's own region, whatever level label the region has
        core = name[1:]
    elif (lv := _LEVEL_WORD.match(name)) and any(r.name.endswith(lv.group(1)) for r in chain):
        # 州民政局 / 盟发改委 / 旗教育局 / 地区财政局: the body of the chain's 自治州, 盟, 旗 or 地区
        region = next(r for r in chain if r.name.endswith(lv.group(1)))
        core = name[len(lv.group(1)):]
    elif (foreign := foreign_place(name, chain)) is not None:
        # 某川区商务局 in a 某渡区 plan: the sibling district's body, not the plan's own (nor its 商务局); a place
        # below the plan's region (滨海新区政府 in a 天津市 plan) keeps the plan's name before it in the full name
        region, core = foreign
        prefixed = False
        written = f"{own.name}{name}" if region.parent_id == own.id else name
    if region in chain and (branch := _branch(core, region, chain)) is not None:
        region, core = branch
    full = f"{region.name}{core}" if prefixed else written
    league = re.fullmatch(r"团([市区县])委", name)
    if league:  # 团市委 is the Youth League committee of the city: 共青团扬州市委
        region = _city_region(chain) if league.group(1) == "市" else own
        core, full = name, f"共青团{region.name}委"
    func = responsibility.pattern_function(name)
    by_stem = False
    if func is None:
        func = responsibility.stem_function(core)
        by_stem = func is not None and not _BUREAU.search(core)   # 区文化馆 is not the region's 文化旅游局
    tier = responsibility.generic_local_government(core)
    if tier is not None:
        # 各区政府 / 相关区政府 / 各县（市、区）人民政府: one agency, all of the region's lower governments
        func = next(f for f in vocab.agency_functions() if f.id == "local_government")
        aid = f"agency:{region.slug}:local_governments_{tier}"
    elif func is not None and func.unique and not by_stem and not _UNIT.search(_short_form(core)):
        aid = f"agency:{region.slug}:{func.id}"
    else:
        aid = f"agency:{region.slug}:{short_hash(_short_form(core))}"
    if func is None:
        func = _OTHER  # a body of no known function: said so explicitly
    return AgencyRef(aid, full, name, func.id if func else None, region)


@cache
def _short_forms() -> tuple[tuple[str, str], ...]:
    rows = (row.split() for row in vocab.lexicon("agency_short_forms"))
    return tuple(sorted(((r[0], r[1]) for r in rows if len(r) == 2), key=lambda r: len(r[0]), reverse=True))


def _short_form(core: str) -> str:
    """The key a body's name is hashed by: full words replaced by their known short form (lexicon
    agency_short_forms: 人民政府 -> 政府, 人民检察院 -> 检察院), so both spellings give one id."""
    for full, short in _short_forms():
        core = core.replace(full, short)
    return core


_OTHER = next((f for f in vocab.agency_functions() if f.id == "other"), None)
