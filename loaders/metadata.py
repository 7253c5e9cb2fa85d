"""Plan metadata: read from the text, merged with the plans.toml entry, checked.

Text facts come from general patterns: site metadata blocks (文件编号 / 发布机构 /
成文日期 / 生成日期 / 公开日期 / 效力状况 lines, before they are dropped as furniture),
document numbers (``扬府办发〔2022〕80号``), titles (``《…》`` or the title line,
unwrapped from a ``关于印发…的通知`` cover), periods (``(2022-2025年)``,
``规划期限为2021－2025年``, ``十四五``), signature blocks (issuer line followed by a
date line) and validity sentences (``自2025年4月1日起实施，有效期至2030年12月31日``).

Precedence (recorded in ``PlanMeta.checks`` whenever the two disagree): the
metadata file wins for the region (a user decision); the text wins for title,
document number, issuer, dates and period when present, because the text is the
document itself and the metadata entry may be a hand-typed summary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import cn2an

from model.document import LoaderError, PlanMeta, RegionMeta
from model.ids import doc_id, plan_id  # noqa: F401 (doc_id: this module's API)
from ontology import vocab
from ontology.regions import region_slug  # noqa: F401 (this module's API: the one region-id rule)
from ontology.script import char_t2s

CJK = r"\u3400-\u9fff\uf900-\ufaff"
# A number in brackets right after a quoted title cites another document
# (根据《…的通知》（新政办发〔2022〕34号）精神): it is not this plan's number.
_CITED = re.compile(r"》\s*[（(]\s*$")
_DOCNO = re.compile(rf"([{CJK}]{{1,10}}\s*[〔\[［【(（]\s*(\d{{4}})\s*[〕\]］】)）]\s*(\d{{1,4}})\s*号)")


def _rx(phrase: str) -> str:
    return phrase[3:] if phrase.startswith("re:") else re.escape(phrase)


# site metadata keys (lexicon metadata_site_keys: "<field> <key>"), in file order
_SITE_KEYS = tuple((line.split(None, 1)[0], re.compile(_rx(line.split(None, 1)[1])))
                   for line in vocab.lexicon("metadata_site_keys"))
_SITE_KV = re.compile("(" + "|".join(rx.pattern for _, rx in _SITE_KEYS) + r")\s*[:：]?\s*")
_DATE = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?")
_CN_DATE_LINE = re.compile(r"^[（(]?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[）)]?$")
_PERIOD = re.compile(r"(20\d{2}|19\d{2})\s*(?:年)?\s*[-－—–~～至到]{1,2}\s*(20\d{2}|19\d{2})\s*年")
_PERIOD_BRACKET = re.compile(r"[（(]\s*(20\d{2}|19\d{2})\s*[-－—–~～至到]{1,2}\s*(20\d{2}|19\d{2})\s*年?\s*[）)]")
_FYP = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
        "十五五": (2026, 2030)}
PLAN_TYPES = vocab.lexicon("plan_types")
_TITLE_WORDS = "(" + "|".join(re.escape(w) for w in PLAN_TYPES + vocab.lexicon("plan_title_other_endings")) + ")"
_TITLE_LINE = re.compile(rf"^[^。；;，,]{{6,120}}{_TITLE_WORDS}([（(][^（）()]*[）)])?$")
# A document-sharing site names the file: 某市…规划（2021-2025年）（17页）.pdf
_FILE_CARD = re.compile(r"(?:[（(]\d{1,4}页[）)])?\.(?:pdf|docx?|wps|txt)$", re.I)
_WRAPPER = re.compile(rf"^.*?(?:关于)?(?:{vocab.lexicon_regex('metadata_cover_verbs')})\s*"
                      r"(?:市[^《]{0,10}?(?=关于))?《?(.+?)》?\s*的通知$")
_CITATION_AFTER = re.compile(r"\s*[（(][^（）()]{0,20}[〔\[［]\s*\d{4}")
# a numbered heading (二、实施… / （一）… / 3.…) is a section of the body, never the plan's title
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
                               r"|\d{1,2}[.、．](?!\d))")
_CITED_BEFORE = re.compile(rf"(?:{vocab.lexicon_regex('metadata_cited_before')})(?:(?:19|20)\d\d\s*年度?)?$")
_LONG_RUNNING_LINE = 150    # a paragraph this long that is no cover sentence only cites documents
_WRAPPED_GUANYU = re.compile(r"^[^，。；：:,《》]{2,30}关于$")
_BOOK = re.compile(r"《([^《》]{6,120})》")
_REGION = re.compile(rf"^([{CJK}]{{1,10}}?(?:{vocab.lexicon_regex('metadata_region_endings')}))")
_ISSUER_LINE = re.compile(rf"^[{CJK}（）()]{{3,30}}({vocab.lexicon_regex('metadata_issuer_endings')})$")
_FROM_EVENT = re.compile(rf"自\s*(?:{vocab.lexicon_regex('metadata_validity_from')})之日")
_VALIDITY = re.compile(r"(自\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                       rf"|(?:{vocab.lexicon_regex('metadata_validity_from')})之日)"
                       rf"\s*起(?:{vocab.lexicon_regex('metadata_validity_verbs')})[^。]*?有效期[至到为\d一二三四五][^。]*)")
_COVER_SENTENCE = vocab.lexicon_pattern("metadata_cover_sentence_words")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}   # ０-９ -> 0-9


@dataclass
class TextFacts:
    """What the text itself says; every field optional."""
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued: str | None = None
    published: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    validity: str | None = None
    site_title: str | None = None      # the site's own 标题： key (a line of its own)
    region: str | None = None
    plan_type: str | None = None
    script: str | None = None
    notes: list[str] = field(default_factory=list)


_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_CN_DATE = re.compile(r"^[（(]?([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
                      r"(?:([一二三四五六七八九十]{1,3})日)?[）)]?$")


def _cn_small(s: str) -> int:
    """十二 -> 12 (a month or a day), by cn2an."""
    try:
        return int(cn2an.cn2an(s, "strict"))
    except (ValueError, KeyError, IndexError, TypeError):
        return 0


def _cn_date(s: str) -> tuple[int, int, int | None] | None:
    """``二〇二一年十二月`` -> (2021, 12, None); ``二〇二三年五月六日`` -> (2023, 5, 6)."""
    m = _CN_DATE.match(s)
    if not m:
        return None
    y = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))  # digit by digit (二〇二一): cn2an reads ○/O as nothing
    return y, _cn_small(m.group(2)), (_cn_small(m.group(3)) if m.group(3) else None)


def _month_date(s: str) -> tuple[int, int, None] | None:
    """``2022年1月`` (a cover's date) -> (2022, 1, None)."""
    m = re.match(r"^[（(]?(\d{4})年(\d{1,2})月[）)]?$", s)
    return (int(m.group(1)), int(m.group(2)), None) if m else None


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        import datetime
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _simp(s: str) -> str:
    return char_t2s(s)


def extract(decoded: str, body_lines: list[str] | None = None) -> TextFacts:
    """Read metadata facts from the (decoded, tag-stripped) text, simplified view."""
    f = TextFacts()
    lines = [re.sub(r"[ \t\u3000\u00a0]+", " ", _simp(ln).translate(_FULLWIDTH)).strip() for ln in decoded.split("\n")]
    lines = [ln for ln in lines if ln]
    head = lines[:60]
    # 1. site metadata key/value blocks (only near the top: that is where sites put them)
    for k, ln in enumerate(head):
        for m in _SITE_KV.finditer(ln):
            key = next(fld for fld, rx in _SITE_KEYS if rx.fullmatch(m.group(1)))
            rest = ln[m.end():]
            nxt = _SITE_KV.search(rest)
            val = (rest[:nxt.start()] if nxt else rest).strip()
            if not val and not nxt and k + 1 < len(head) and not _SITE_KV.match(head[k + 1]):
                val = head[k + 1]      # a metadata grid: the key and its value in cells of their own
            if not val:
                continue
            if key == "issued":
                d = _DATE.search(val)
                if d and not f.issued:
                    f.issued = _iso(*d.groups())
            elif key == "published":
                d = _DATE.search(val)
                if d and not f.published:
                    f.published = _iso(*d.groups())
            elif key == "doc_number":
                d = _DOCNO.search(val)
                if d and not f.doc_number:
                    f.doc_number = _norm_docno(d.group(1))
            elif key == "issuer":
                if not f.issuer and re.match(rf"[{CJK}]", val):
                    f.issuer = val.split()[0]
            elif key == "validity":
                f.validity = val.split()[0]
            elif key == "title":
                if not f.site_title and not ln[:m.start()].strip(" -•·●▪◆") and len(val) >= 6:
                    f.site_title = val.replace(" ", "")
    site_issuer, site_issued = f.issuer, f.issued
    # signature block (issuer line directly followed by a date line) beats the site's
    # metadata block: it is part of the document itself.
    for i, ln in enumerate(lines[:-1]):
        nxt_ln = lines[i + 1].replace(" ", "")
        d = _CN_DATE_LINE.match(nxt_ln)
        cn = None if d else (_cn_date(nxt_ln) or _month_date(nxt_ln))
        if (d or cn) and _ISSUER_LINE.match(ln.replace(" ", "")):
            f.issuer = ln.replace(" ", "")
            if d:
                f.issued = _iso(*d.groups()) or f.issued
            elif cn is not None and cn[2]:
                f.issued = _iso(*map(str, cn)) or f.issued
            else:
                continue      # a cover (成都市人民政府 / 二〇二一年十二月): no day, keep looking
            if site_issuer and _loose(site_issuer) != _loose(f.issuer):
                f.notes.append(f"issuer: signature says {f.issuer!r}, site metadata says {site_issuer!r}; "
                               "using signature")
            if site_issued and site_issued != f.issued:
                f.notes.append(f"issued: signature date {f.issued}, site metadata date {site_issued}; using signature")
            break
    # 2. document number anywhere near the top
    if not f.doc_number:
        for ln in head:
            d = next((m for m in _DOCNO.finditer(ln) if not _CITED.search(ln[: m.start()])), None)
            if d:
                f.doc_number = _norm_docno(d.group(1))
                break
    # 3. title
    f.title = _site_title(f.site_title, head) if f.site_title else _find_title(head)
    # 5. period
    text_s = "\n".join(lines)
    for src in ([f.title] if f.title else []) + [text_s[:5000]]:
        pm = _PERIOD.search(src)
        if pm and int(pm.group(1)) <= int(pm.group(2)):
            f.period_start, f.period_end = int(pm.group(1)), int(pm.group(2))
            break
    if f.period_start is None and f.title:
        # 某某市综合交通发展规划（2026-2030）: the title's own bracketed span without 年 (not one of a plan it cites
        # in 《》)
        bm = _PERIOD_BRACKET.search(f.title)
        if bm and f.title.rfind("《", 0, bm.start()) <= f.title.rfind("》", 0, bm.start()) \
                and int(bm.group(1)) < int(bm.group(2)):
            f.period_start, f.period_end = int(bm.group(1)), int(bm.group(2))
    if f.period_start is None and f.title:
        for fyp, (a, b) in _FYP.items():
            long = "第" + fyp[:-1] + "个五年"
            if fyp in f.title or long in f.title:
                f.period_start, f.period_end = a, b
                break
    if f.period_start is None and f.title:
        # one year's programme (某某区2025年民生实事项目): the year named once before a programme word
        years = set(re.findall(r"((?:19|20)\d\d)\s*年", f.title))
        if len(years) == 1 and (
                re.search(rf"(?:19|20)\d\d\s*年度?(?!{vocab.lexicon_regex('year_heading_open_after')})"
                          rf"[\u4e00-\u9fff]{{0,16}}?"
                          rf"(?:{vocab.lexicon_regex('metadata_single_year_plan_nouns')})", f.title)
                or re.search(rf"(?:19|20)\d\d\s*年度[\u4e00-\u9fff（）()、]{{0,24}}?"
                             rf"(?:{vocab.lexicon_regex('metadata_annual_programme_endings')})$", f.title)):
            f.period_start = f.period_end = int(years.pop())
    vm = _VALIDITY.search(text_s)
    if vm:
        v = vm.group(1)
        ds: list[str] = [x for x in (_iso(*y) for y in _DATE.findall(v)) if x]
        if len(ds) == 1 and _FROM_EVENT.match(v) and f.issued:
            ds = [f.issued] + ds      # 自印发之日起施行，有效期至…: from the issue date
        n_years = re.search(r"有效期为?\s*(\d{1,2}|[一二三四五])\s*年", v)
        if len(ds) == 1 and n_years:
            # 自2024年1月1日起施行，有效期3年 -> 2024-01-01 to 2026-12-31
            n = int(n_years.group(1)) if n_years.group(1).isdigit() else "一二三四五".index(n_years.group(1)) + 1
            start = ds[0] if not _FROM_EVENT.match(v) else f.issued
            if start:
                import datetime as _dt
                d0 = _dt.date.fromisoformat(start)
                try:
                    d1 = d0.replace(year=d0.year + n) - _dt.timedelta(days=1)
                except ValueError:          # 29 February
                    d1 = d0.replace(year=d0.year + n, day=28)
                ds = [start, d1.isoformat()]
        f.validity = (f.validity + "; " if f.validity else "") + (" to ".join(ds) if len(ds) == 2 else v)
    # 6. region and plan type from the title (or issuer)
    for rsrc in (f.title, f.issuer):
        if rsrc:
            r = _REGION.match(rsrc)
            if r and not r.group(1).startswith(vocab.lexicon("metadata_region_not_starts")):
                f.region = r.group(1)
                break
    if f.title:
        # the document type is what the title ends with: …规划和…远景目标纲要 is a 纲要
        found = [(f.title.rfind(t) + len(t), len(t), t) for t in PLAN_TYPES if t in f.title]
        if found:
            f.plan_type = max(found)[2]
    return f


def _norm_docno(s: str) -> str:
    s = re.sub(r"\s", "", s)
    s = re.sub(r"[\[［【(（](\d{4})[\]］】)）]", r"〔\1〕", s)
    return s


def _site_title(title: str, head: list[str]) -> str:
    """The site's 标题： value is the document's own title; a cover notice's (关于印发《X》的通知) names the plan X."""
    return (_find_title([title] + head) or title) if _WRAPPER.match(title) else title


def _find_title(head: list[str]) -> str | None:
    cands = []
    # a title wrapped right after its 关于 (省人民政府关于 / 进一步…的若干意见): one line
    head = [ln + head[i + 1] if i + 1 < len(head) and _WRAPPED_GUANYU.match(ln) else ln
            for i, ln in enumerate(head)]
    for ln in head:
        if len(ln) > 150:
            continue
        s = _FILE_CARD.sub("", ln.strip().replace(" ", ""))
        if _TITLE_LINE.match(s) and not _DOCNO.match(s) and not _NUMBERED_HEADING.match(s):
            cands.append(s)
    # unwrap 关于印发/转发《X》的通知 covers; prefer an unwrapped title that also
    # occurs as a line of its own
    for s in cands:
        w = _WRAPPER.match(s)
        if w:
            inner = w.group(1).strip("《》 ")
            for t in cands:
                if t != s and _loose(t) == _loose(inner):
                    return t
            # 市政府印发关于X的通知 drops the region the title line carries: 某市关于X
            key = _loose(inner).replace("的", "")
            for t in cands:
                k = _loose(t).replace("的", "")
                if t != s and not _WRAPPER.match(t) and k.endswith(key) and len(k) - len(key) <= 12:
                    return t
            return inner
    # a 《title》 in a cover sentence (现将《X》印发给你们) names the plan; one in running
    # text (根据《省…规划》) names another document, so a title line of its own wins
    books = []
    for ln in head:
        for b in _BOOK.finditer(ln):
            inner = _FILE_CARD.sub("", b.group(1))     # 《某分解表.docx》 on a document-sharing site
            if not re.search(_TITLE_WORDS, inner) or "通知" in inner[-3:]:
                continue
            if _CITATION_AFTER.match(ln[b.end():]) or ln[: b.start()].endswith("印发的"):
                continue  # 《…意见》（中办发〔2022〕42号）, 国务院办公厅印发的《…》: another document
            if _COVER_SENTENCE.search(ln):
                return inner
            if _CITED_BEFORE.search(ln[: b.start()]) or re.match(rf"[{CJK}]", ln[b.end():b.end() + 1]) \
                    or len(ln) > _LONG_RUNNING_LINE:
                continue  # 根据…审议通过的《政府工作报告》 (running text), 《政府工作报告》目标任务分解表: no title
            books.append(inner)
            break
    if cands:
        return cands[0]
    return books[0] if books else None


def _loose(s: str | None) -> str:
    """Comparison key: simplified, without quotes, brackets, spaces or punctuation width."""
    if not s:
        return ""
    s = _simp(s)
    return re.sub(r"[\s“”\"'‘’《》「」()（）〔〕\[\]【】]", "", s)


def _level_for(name: str) -> str:
    if name.endswith(_level_endings("province")) or name in vocab.lexicon("region_province_cities"):
        return "province"
    if name.endswith(_level_endings("county")):
        return "county"
    return "prefecture"


def _level_endings(level: str) -> tuple[str, ...]:
    return tuple(p.split(None, 1)[1] for p in vocab.lexicon("region_level_endings") if p.split(None, 1)[0] == level)


def merge(meta: dict | None, facts: TextFacts, source_file: str, stem: str) -> PlanMeta:
    """Combine the metadata entry and the text facts; record disagreements."""
    meta = dict(meta or {})
    checks: list[str] = list(facts.notes)
    # region: the metadata file wins
    if meta.get("region"):
        region_name = meta["region"]
        if (facts.region and _loose(facts.region) != _loose(region_name)
                and not _loose(region_name).startswith(_loose(facts.region))):
            checks.append(f"region: text suggests {facts.region!r}, metadata says {region_name!r}; using metadata")
        name_en = meta.get("region_en") or ""
        level = meta.get("level") or _level_for(region_name)
    elif facts.region:
        region_name = facts.region
        name_en = ""
        level = _level_for(region_name)
        checks.append(f"region: no metadata entry; {region_name!r} inferred from the text")
    else:
        raise LoaderError(f"{source_file}: region cannot be determined (no plans.toml entry and no region name "
                          "in the title or issuer)")
    slug = region_slug(name_en, region_name)
    region = RegionMeta(name=region_name, name_en=name_en, level=level,
                        province=meta.get("province"), province_en=meta.get("province_en"),
                        parent=meta.get("parent") or (meta.get("province") if level == "prefecture" else None),
                        parent_en=meta.get("parent_en") or (meta.get("province_en") if level == "prefecture" else None),
                        slug=slug)

    def pick(key: str, text_val, loose=True):
        meta_val = meta.get(key)
        if text_val is None or text_val == "":
            return meta_val
        if meta_val is None or meta_val == "":
            return text_val
        same = (_loose(str(text_val)) == _loose(str(meta_val))) if loose else text_val == meta_val
        if not same:
            checks.append(f"{key}: text says {text_val!r}, metadata says {meta_val!r}; using text")
        return text_val

    from .normalize import inline
    title = inline(pick("title", facts.title))
    doc_number = inline(pick("doc_number", facts.doc_number))
    issuer = inline(pick("issuer", facts.issuer))
    issued = pick("issued", facts.issued, loose=False)
    published = pick("published", facts.published, loose=False)
    period_start = pick("period_start", facts.period_start, loose=False)
    period_end = pick("period_end", facts.period_end, loose=False)
    validity = pick("validity", facts.validity)
    plan_type = meta.get("plan_type") or facts.plan_type
    if (meta.get("plan_type") and facts.plan_type and facts.plan_type not in meta["plan_type"]
            and meta["plan_type"] not in facts.plan_type):
        checks.append(f"plan_type: title suggests {facts.plan_type!r}, metadata says {meta['plan_type']!r}; "
                      "using metadata")
    script = meta.get("script") or facts.script
    if meta.get("script") and facts.script and meta["script"] != facts.script:
        checks.append(f"script: text looks {facts.script}, metadata says {meta['script']}; using metadata")
    pid = plan_id(name_en or region_name, doc_number, period_start, period_end, stem)
    return PlanMeta(plan_id=pid, source_file=source_file, region=region, title=title,
                    doc_number=doc_number, issuer=issuer, issued=issued, published=published,
                    period_start=period_start, period_end=period_end, validity=validity,
                    plan_type=plan_type, script=script, checks=checks)
