"""Extraction after the article is stored: a long article's claims, proposed window by window.

`Project.add_articles(defer_longer_than=...)` stores a long article at once, marked as pending
(`claims.store.pending`), so the annotator can show it before its claims exist;
`continue_extraction` then proposes them from where the marker says they stop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from claims.model import ClaimState

if TYPE_CHECKING:
    from claims.store import Store

__all__ = ["ARRIVING_CHUNK", "DeferredExtraction", "claim_records", "extractor_origin"]

ARRIVING_CHUNK = 200
"""Claims handed to `continue_extraction`'s `on_chunk` at a time."""


def extractor_origin() -> str:
    """The `origin` of the claims the extractor proposes: its name and version."""
    from claims.extract import EXTRACTOR_VERSION  # deferred: the extractor loads on use

    return f"extractor/{EXTRACTOR_VERSION}"


def claim_records(records: list[dict[str, Any]], article_id: str, origin: str) -> None:
    """Give the extractor's records (already the stored JSON shape: no model round trip) their
    article and origin, in place."""
    for record in records:
        record["article_id"] = article_id
        record["origin"] = origin


class DeferredExtraction:
    """Mixin of `Project`: the articles whose claims are still being proposed."""

    store: Store

    def pending_extractions(self) -> dict[str, int]:
        """Articles whose claims are not all proposed yet, with the offset up to which they
        are (the marker is written with the article and each window's claims)."""
        with self.store.read() as tx:
            return tx.pending_extractions()

    def extraction_pending(self, article_id: str) -> int | None:
        """The offset up to which the article's claims are proposed, or None when all are."""
        with self.store.read() as tx:
            return tx.extraction_offset(article_id)

    def continue_extraction(
        self,
        article_id: str,
        on_chunk: Callable[[list[ClaimState]], object] | None = None,
        *,
        workers: int = 1,
        background: bool = False,
        stop: Callable[[], bool] | None = None,
        pace: Callable[[], object] | None = None,
    ) -> int:
        """Propose the claims of a pending article, window by window from where they stop.

        Each window's claims and the new marker commit together, so a kill at any moment
        leaves the project consistent and the next call goes on from the last window stored.
        `on_chunk(states)` gets each window's new claims after its commit; `stop()` is asked
        between windows; `pace()` is called before each commit and each read of new claims
        (a screen waits there for a pause in the reviewer's typing). Returns how many claims
        were added; 0 when nothing was pending.
        """
        from claims.extract.stream import Article as ExtractionInput
        from claims.extract.stream import extract_windows

        done = self.extraction_pending(article_id)
        if done is None:
            return 0
        with self.store.read() as tx:
            article = tx.article(article_id)
        if article is None:
            return 0
        origin = extractor_origin()
        added = 0
        job = ExtractionInput(0, article.id, article.text, article.lang, article.published,
                              from_offset=done)
        windows = extract_windows([job], workers=workers, background=background)
        try:
            for window in windows:
                claim_records(window.records, article.id, origin)
                if pace is not None:
                    pace()
                with self.store.transaction() as tx:
                    if tx.extraction_offset(article.id) is None:  # completed meanwhile
                        return added
                    if window.records:
                        tx.insert_claims(window.records)
                    if window.last:
                        tx.finish_extraction(article.id)
                    else:
                        tx.mark_extraction(article.id, window.end)
                added += len(window.records)
                if on_chunk is not None:
                    # In small pieces: a screen adding them stays responsive between pieces.
                    ids = [r["id"] for r in window.records]
                    for at in range(0, len(ids), ARRIVING_CHUNK):
                        if pace is not None:
                            pace()
                        with self.store.read() as tx:
                            states = tx.claim_states(claim_ids=ids[at : at + ARRIVING_CHUNK])
                        on_chunk(states)
                if stop is not None and stop():
                    return added
        finally:
            close = getattr(windows, "close", None)
            if close is not None:
                close()
        return added
