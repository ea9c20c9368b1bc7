"""Where an article stored before all its claims records how far its extraction has gone.

A long article can be stored at once and its claims proposed later, window by window
(`claims.deferred`). Its marker holds the offset up to which claims are proposed; it is written
with the article, moved with each window's claims in the same transaction, and removed with the
last window's, so a kill at any moment leaves the marker and the claims consistent.
"""

from __future__ import annotations

from claims.store.cursor import Cursor

__all__ = ["PENDING", "PendingExtractions"]

PENDING = "extraction_pending:"
"""Meta key prefix of the markers: the key is the prefix and the article's id."""


class PendingExtractions(Cursor):
    def pending_extractions(self) -> dict[str, int]:
        """Articles whose claims are not all proposed yet, with the offset up to which they are."""
        marks = self.meta_with_prefix(PENDING)
        return {key[len(PENDING):]: int(value) for key, value in marks.items()}

    def extraction_offset(self, article_id: str) -> int | None:
        """The offset up to which the article's claims are proposed, or None when all are."""
        value = self.get_meta(PENDING + article_id)
        return int(value) if value is not None else None

    def mark_extraction(self, article_id: str, offset: int) -> None:
        """The article's claims are proposed up to `offset` (0: none yet)."""
        self.set_meta(PENDING + article_id, str(offset))

    def finish_extraction(self, article_id: str) -> None:
        """Every claim of the article is proposed."""
        self.delete_meta(PENDING + article_id)
