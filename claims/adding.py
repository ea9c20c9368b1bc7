"""Adding articles: one at a time, or a batch streamed through extraction into one transaction.

`Project.add_articles` reads its items as a stream: new articles go through the extractor (on
worker processes when the batch pays for them) into a spool file (`claims.spool`), and one
write transaction copies the spool into the store. Annotations brought from another tool
(items with `spans`) become drawn claims instead of the extractor's proposals; a long article
may be stored at once and its claims proposed later (`claims.deferred`).
"""

from __future__ import annotations

import errno
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from claims.deferred import DeferredExtraction, claim_records, extractor_origin
from claims.model import Article, Claim, article_id_for, claim_id_for
from claims.spool import Spool, copy_spool
from claims.store import StoreError

if TYPE_CHECKING:
    from claims.store import Store

__all__ = ["AddResult", "Added", "ArticleAdding", "ArticleFields"]


class ArticleFields(TypedDict, total=False):
    """What may be said of an article besides its text; a language not given is detected."""

    lang: str | None
    title: str | None
    url: str | None
    published: date | None
    external_id: str | None
    """The id the article had where it came from."""
    metadata: dict[str, Any] | None


@dataclass(frozen=True)
class AddResult:
    """What `Project.add_article` did."""

    article: Article
    """The article as stored (the one already held, when `created` is False)."""
    created: bool
    """False when the same text was already in the project (nothing changed)."""
    n_claims: int
    """Claims proposed with it."""


@dataclass(frozen=True)
class Added:
    """One article of a batch given to `Project.add_articles` (without its text)."""

    id: str
    title: str | None
    external_id: str | None
    created: bool
    """False when the same text was already in the project, or earlier in the batch."""
    n_claims: int
    pending: bool = False
    """Stored without its claims yet: extraction goes on later (`continue_extraction`)."""
    resumed: bool = False
    """Already here but its extraction was unfinished (a session ended mid-way): the batch
    completed it, and `n_claims` counts the claims it added."""


@dataclass
class _Batch:
    """One call of `add_articles` under way."""

    spool: Spool
    defer: int | None
    """Articles longer than this are stored without their claims (`claims.deferred`)."""
    results: list[Added] = field(default_factory=list)
    """One per item read so far, in input order."""


class ArticleAdding(DeferredExtraction):
    """Mixin of `Project`: the ways articles and their proposed claims come in."""

    store: Store

    def add_article(
        self, text: str, *, claims: Sequence[Claim] | None = None, **fields: Unpack[ArticleFields]
    ) -> AddResult:
        """Add an article and its proposed claims (the extractor's unless `claims` are given) in
        one transaction; a known text is a no-op."""
        article_id = article_id_for(text)
        with self.store.read() as tx:
            existing = tx.article(article_id)
        if existing is not None:
            return AddResult(existing, created=False, n_claims=0)
        from claims.extract import extract  # deferred: lexicons load on use

        article = _article(article_id, text, fields)
        proposed = list(claims) if claims is not None else extract(
            text, lang=article.lang, published=article.published, article_id=article_id
        )
        with self.store.transaction() as tx:
            if tx.has_article(article_id):  # another process added it meanwhile
                return AddResult(article, created=False, n_claims=0)
            tx.insert_article(article, proposed)
        return AddResult(article, created=True, n_claims=len(proposed))

    def add_articles(
        self,
        items: Iterable[dict[str, Any]],
        progress: Callable[[int], object] | None = None,
        *,
        workers: int = 2,
        defer_longer_than: int | None = None,
        resume: bool = True,
    ) -> list[Added]:
        """Add many articles in one transaction: all of them or, on error, none.

        `items` is consumed as a stream and never held whole: articles go through extraction
        (on `workers` processes when the batch is large enough to pay for them, a long article
        in windows) into a spool file beside the database, and one write transaction then
        copies the spool into the store. Memory stays flat in the size of the batch, and the
        write lock is held only for that copy, not during extraction. An exception from
        `items` (a bad line of a file) or from extraction leaves the project unchanged.
        `progress(n)` is called after each new article's claims are extracted.

        An article longer than `defer_longer_than` characters is stored without its claims,
        marked as pending extraction (`continue_extraction` proposes them later, window by
        window: the annotator shows such an article at once). An article whose extraction an
        earlier session left unfinished is completed here (unless `resume` is False: the
        caller completes it, as the annotator does in the background).
        """
        try:
            with Spool(self.store.spool_dir()) as spool:
                batch = _Batch(spool, defer_longer_than)
                self._extract_to_spool(items, batch, progress, workers)
                skipped = copy_spool(self.store, spool)
        except OSError as exc:  # the spool could not be written: nothing was added
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            raise StoreError(
                f"{self.store.url}: cannot write, the disk is full or failing "
                f"({exc.strerror or exc}); nothing was added" if full else
                f"{self.store.url}: cannot write the batch's spool file in "
                f"{self.store.spool_dir() or 'the temporary folder'} ({exc.strerror or exc}); "
                "nothing was added"
            ) from None
        results = batch.results
        if skipped:  # another process added some of them meanwhile
            results = [
                replace(r, created=False, n_claims=0, pending=False)
                if r.created and r.id in skipped else r
                for r in results
            ]
        for i, r in enumerate(results):
            if r.resumed and resume:
                results[i] = replace(r, n_claims=self.continue_extraction(r.id, workers=workers))
        return results

    def _extract_to_spool(
        self, items: Iterable[dict[str, Any]], batch: _Batch,
        progress: Callable[[int], object] | None, workers: int,
    ) -> int:
        """Extract the new articles of `items` into the batch's spool, with one `Added` per item
        in its `results`, in input order; the number of new articles."""
        results = batch.results
        new = self._new_articles(items, batch)
        first = next(new, None)
        if first is None:  # nothing to extract: the extractor is not even imported
            return 0
        from claims.extract.stream import Article as ExtractionInput
        from claims.extract.stream import extract_windows

        origin = extractor_origin()
        counts: dict[int, int] = {}
        done = 0
        jobs = (ExtractionInput(*job) for job in itertools.chain([first], new))
        for window in extract_windows(jobs, workers=workers):
            key, records = window.key, window.records
            claim_records(records, results[key].id, origin)
            batch.spool.add_claims(records)
            counts[key] = counts.get(key, 0) + len(records)
            if window.last:
                results[key] = replace(results[key], n_claims=counts.pop(key))
                done += 1
                if progress is not None:
                    progress(done)
        return done

    def _new_articles(
        self, items: Iterable[dict[str, Any]], batch: _Batch
    ) -> Iterator[tuple[int, str, str, str, date | None]]:
        """The articles of `items` to extract, as (key, id, text, lang, published): those not
        yet in the project (nor earlier in `items`), written to the spool as they pass; every
        item gets its entry in the batch's `results`."""
        spool, results, defer = batch.spool, batch.results, batch.defer
        seen: set[str] = set()
        for chunk in _chunks(items, 64):
            ids = [article_id_for(item["text"]) for item in chunk]
            with self.store.read() as tx:
                known = {aid: tx.article_label(aid) for aid in set(ids)}
                unfinished = {aid for aid in known if known[aid] is not None
                              and tx.extraction_offset(aid) is not None}
            for item, article_id in zip(chunk, ids, strict=True):
                label = known.get(article_id)
                if label is not None or article_id in seen:
                    title, external_id = label or (item.get("title"), item.get("external_id"))
                    resume = article_id in unfinished and article_id not in seen
                    seen.add(article_id)
                    results.append(Added(article_id, title, external_id, False, 0,
                                         resumed=resume))
                    continue
                seen.add(article_id)
                article = _article(article_id, item["text"], item)
                if "spans" in item:
                    # Annotations brought from another tool: their spans are the claims,
                    # drawn by `origin`, instead of the extractor's proposals.
                    drawn = _drawn_claims(article, item["spans"], item["origin"])
                    spool.add_article(article)
                    spool.add_claims([c.model_dump(mode="json", by_alias=True) for c in drawn])
                    results.append(Added(article_id, article.title, article.external_id, True,
                                         len(drawn)))
                    continue
                later = defer is not None and len(article.text) > defer
                spool.add_article(article, pending=later)
                results.append(Added(article_id, article.title, article.external_id, True, 0,
                                     pending=later))
                if later:
                    continue
                yield len(results) - 1, article_id, article.text, article.lang, article.published
            del chunk


def _article(article_id: str, text: str, fields: Mapping[str, Any]) -> Article:
    """A new article from the fields given for it (`lang` detected when not given)."""
    return Article(
        id=article_id,
        text=text,
        lang=fields.get("lang") or _detect_language(text),
        title=fields.get("title"),
        url=fields.get("url"),
        published=fields.get("published"),
        external_id=fields.get("external_id"),
        metadata=fields.get("metadata") or {},
    )


def _detect_language(text: str) -> str:
    from claims.extract import detect_language  # deferred: the extractor costs ~0.3 s to load

    return detect_language(text)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _drawn_claims(article: Article, spans: Sequence[Any], origin: str) -> list[Claim]:
    """Claims over `(start, end, labels)` spans of a new article, with the extractor's facets
    (the labels the other tool gave are the reasons; the kind is the extractor's)."""
    from claims.spans import check_span, span_facets

    claims: list[Claim] = []
    for start, end, labels in spans:
        start, end = check_span(article, int(start), int(end))
        facets = span_facets(article, start, end)
        claims.append(Claim.model_validate({
            "id": claim_id_for(article.id, start, end), "article_id": article.id,
            "start": start, "end": end, "text": article.text[start:end],
            "kind": facets.get("kind", "other"), "score": 1.0,
            "reasons": [str(label) for label in labels] or [origin], "origin": origin,
            "quantities": facets["quantities"], "dates": facets["dates"],
            "speaker": facets["speaker"],
        }))
    unique = {c.id: c for c in claims}
    return sorted(unique.values(), key=lambda c: (c.start, c.end))
