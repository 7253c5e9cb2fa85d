"""Handing freed heap back to the operating system: shared by the store's writes, the build and the
similarity search, each of which frees large numbers of small blocks that glibc would otherwise keep,
so that the next stage's peak stacks on top of them."""
from __future__ import annotations

import gc


def _malloc_trim() -> list:
    try:
        import ctypes

        return [ctypes.CDLL("libc.so.6").malloc_trim]
    except (OSError, AttributeError):
        return []


_TRIM = _malloc_trim()


def release_heap(collect: bool = True) -> None:
    """Give freed heap back to the operating system (glibc keeps it otherwise; elsewhere only a
    collection). ``collect=False`` skips the collection where nothing cyclic was freed and a full
    collection would cost more than it frees (inside the similarity search's probe loop)."""
    if collect:
        gc.collect()
    if _TRIM:
        _TRIM[0](0)


# A memo table at least this large is keyed by pieces of a plan's text (cells, names, lines); the
# lexicon and pattern loaders are memoised with maxsize 1..256 or without a bound, and stay.
MEMO_MIN_ENTRIES = 1024


def clear_text_memos(packages: tuple[str, ...] = ("loaders", "ontology", "linking")) -> int:
    """Empty the bounded memo tables (functools.lru_cache) of the modules of ``packages`` that are
    loaded: pure functions of a plan's text pieces, whose entries after a very large plan (up to
    200,000 each) are allocated all through its parse and mapping and would keep those heap pages
    from going back to the system. Results are unchanged (a memo only saves recomputing); the next
    plan fills them again. Returns how many tables were emptied."""
    import functools
    import sys

    n = 0
    for name, mod in list(sys.modules.items()):
        if mod is None or name.split(".")[0] not in packages:
            continue
        for obj in list(vars(mod).values()):
            if isinstance(obj, functools._lru_cache_wrapper):
                size = obj.cache_info().maxsize
                if size is not None and size >= MEMO_MIN_ENTRIES and obj.cache_info().currsize:
                    obj.cache_clear()
                    n += 1
    return n
