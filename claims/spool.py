"""The spool of a batch of new articles: written while their claims are extracted, then copied
into the store in one transaction.

A batch never sits whole in memory, and the write lock is held only for the copy, never during
extraction. The spool is an anonymous temporary file beside the database (gone when closed, or
when the process dies), one record a line after a one-byte tag: ``A`` an article, ``P`` an
article whose claims come later (`claims.deferred`), ``C`` a list of claims in the stored JSON
shape.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

import orjson

from claims.model import Article

if TYPE_CHECKING:
    from claims.store import Store

__all__ = ["SPOOL_CLAIMS", "Spool", "copy_spool"]

SPOOL_CLAIMS = 2000
"""Claims inserted by one statement when a spool is copied into the store."""


class Spool:
    """The spool file of one batch; a context manager that closes (and so deletes) it."""

    def __init__(self, folder: str | None) -> None:
        self.file = _temporary_file(folder)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def add_article(self, article: Article, *, pending: bool = False) -> None:
        """An article to store (`pending`: without its claims, marked for later extraction)."""
        self._write(b"P" if pending else b"A", article.model_dump(mode="json"))

    def add_claims(self, records: Sequence[dict[str, Any]]) -> None:
        """Claims of the article spooled last, in the stored JSON shape (`article_id` set)."""
        if records:
            self._write(b"C", list(records))

    def _write(self, tag: bytes, value: Any) -> None:
        self.file.write(tag)
        self.file.write(orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE))


def _temporary_file(folder: str | None) -> IO[bytes]:
    """An anonymous temporary file in `folder`, else in the system's temporary folder."""
    try:
        return tempfile.TemporaryFile(dir=folder, prefix=".claims-add-")
    except OSError:
        if folder is None:
            raise
        return tempfile.TemporaryFile(prefix="claims-add-")


def copy_spool(store: Store, spool: Spool) -> set[str]:
    """Copy a spool of new articles and their claims into the store in one transaction; the
    ids of articles skipped because another process added them since."""
    file = spool.file
    file.seek(0)
    skipped: set[str] = set()
    pending: list[dict[str, Any]] = []
    with store.transaction() as tx:
        while tag := file.read(1):
            if tag in (b"A", b"P"):
                if pending:
                    tx.insert_claims(pending)
                    pending = []
                article = Article.model_validate(orjson.loads(file.readline()))
                if tx.has_article(article.id):
                    skipped.add(article.id)
                else:
                    tx.insert_article(article, [])
                    if tag == b"P":  # its claims come later, window by window
                        tx.mark_extraction(article.id, 0)
                del article
            else:
                records = orjson.loads(file.readline())
                if records and records[0]["article_id"] in skipped:
                    continue
                pending.extend(records)
                if len(pending) >= SPOOL_CLAIMS:
                    tx.insert_claims(pending)
                    pending = []
        if pending:
            tx.insert_claims(pending)
    return skipped
