"""The annotator's bounded caches: `textual.cache.LRUCache`, where storing a key again replaces
its value.

Textual's `LRUCache.set` (and `cache[key] = value`) keeps the value a key already holds, which
suits its own render caches (a key names one value forever) but not a cache that is refreshed
in place, such as a claim's history extended by the event just committed."""

from __future__ import annotations

from typing import TypeVar

from textual import cache

__all__ = ["LRUCache"]

K = TypeVar("K")
V = TypeVar("V")


class LRUCache(cache.LRUCache[K, V]):
    """A least-recently-used cache of at most `maxsize` items; `cache[key] = value` replaces."""

    def set(self, key: K, value: V) -> None:
        self.discard(key)
        super().set(key, value)

    __setitem__ = set
