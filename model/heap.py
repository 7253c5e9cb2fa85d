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
