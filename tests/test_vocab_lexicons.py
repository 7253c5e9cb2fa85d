"""The phrase-lexicon loader: file format, header rule and the alternation order."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ontology import vocab


@pytest.fixture
def lexicon_file():
    made = []

    def make(name: str, text: str):
        path = vocab.LEXICON_DIR / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        made.append(path)
        vocab.lexicon.cache_clear()
        vocab.lexicon_regex.cache_clear()
        vocab.lexicon_pattern.cache_clear()
        return name

    yield make
    for p in made:
        p.unlink()
    vocab.lexicon.cache_clear()
    vocab.lexicon_regex.cache_clear()
    vocab.lexicon_pattern.cache_clear()


def test_phrases_comments_and_regex(lexicon_file):
    name = lexicon_file("_t_roles", "# what it decides\n\n单位\n责任单位  # the longer one\n# a comment\nre:\\d+年\n")
    assert vocab.lexicon(name) == ("单位", "责任单位", r"re:\d+年")
    pat = vocab.lexicon_pattern(name)
    assert pat.match("责任单位：").group(0) == "责任单位"  # longest literal first
    assert pat.fullmatch("2025年")
    assert not re.fullmatch(vocab.lexicon_regex(name), "单")


def test_header_required_and_missing_file(lexicon_file):
    name = lexicon_file("_t_noheader", "单位\n")
    with pytest.raises(vocab.LexiconError, match="header"):
        vocab.lexicon(name)
    with pytest.raises(vocab.LexiconError, match="does not exist"):
        vocab.lexicon("_t_absent")


def test_every_shipped_lexicon_has_a_header():
    for path in sorted(vocab.LEXICON_DIR.glob("*.txt")):
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        assert first and first[0].startswith("#"), f"{path.name} has no '#' header"
        assert vocab.lexicon(path.stem), f"{path.name} has no phrases"


# -- many phrases in one pass (pyahocorasick): the same answers as the loops it replaces ----------

SEEDS = Path(__file__).resolve().parent.parent / "data" / "plans"


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_phrase_counts_are_findall_counts():
    keywords = tuple(k for d in vocab.domains() for k in d.keywords if not k.startswith("re:"))
    automaton = vocab.phrase_automaton(keywords)
    texts = _seed_texts() + ["养老养老养老", "aaaa", ""]
    for text in texts:
        want = {k: n for k in set(keywords) if (n := len(re.findall(re.escape(k), text)))}
        assert vocab.phrase_counts(automaton, text) == want
    overlapping = vocab.phrase_automaton(("aa", "aaa"))
    assert vocab.phrase_counts(overlapping, "aaaaa") == {"aa": 2, "aaa": 1}


def test_phrases_in_and_any_phrase_in_are_the_in_loops():
    from ontology.responsibility import function_of
    lines = [ln for t in _seed_texts() for ln in t.splitlines() if ln.strip()]

    def old_function_of(name):
        return next((f for f in vocab.agency_functions() if any(p in name for p in f.patterns)), None)

    assert all(function_of(ln) == old_function_of(ln) for ln in lines)
    assert sum(old_function_of(ln) is not None for ln in lines) > 50      # the check is not vacuous
    for name in ("target_table_unit_words", "target_table_baseline_words", "target_table_indicator_words"):
        automaton = vocab.lexicon_automaton(name)
        assert all(vocab.any_phrase_in(automaton, ln) == any(w in ln for w in vocab.lexicon(name)) for ln in lines)
    assert vocab.phrase_automaton(()) is None and not vocab.any_phrase_in(None, "x")


def test_lexicon_automaton_refuses_regular_expressions():
    with_re = next(n for n in sorted(p.stem for p in vocab.LEXICON_DIR.glob("*.txt"))
                   if any(x.startswith("re:") for x in vocab.lexicon(n)))
    with pytest.raises(vocab.LexiconError, match="regular expressions"):
        vocab.lexicon_automaton(with_re)
