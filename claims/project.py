"""The one door the command line, the annotator and the exporters use.

A `Project` is a database plus its label scale. Adding articles proposes claims through the
extractor; every reviewer action is one event appended and committed before the method returns,
and the method hands back the claims as they now stand so a screen can redraw just those.
"""

from __future__ import annotations

import errno
import getpass
import itertools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import IO, Any

import orjson

from claims.actions import ActionResult, ReviewActions, check_reviewer
from claims.errors import ProjectError, StaleAction
from claims.labels import DEFAULT_SCALE, LabelScale, preset
from claims.model import STATUSES, Article, Claim, ClaimState, Event, article_id_for
from claims.similar import SimilarClaims
from claims.store import ArticleSummary, OpenMode, Store, StoreError, open_store

__all__ = [
    "ActionResult",
    "AddResult",
    "Added",
    "Project",
    "ProjectError",
    "StaleAction",
    "check_reviewer",
    "default_reviewer",
]


@dataclass(frozen=True)
class AddResult:
    article: Article
    created: bool
    """False when the same text was already in the project (nothing changed)."""
    n_claims: int


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


def default_reviewer() -> str:
    name = os.environ.get("CLAIMS_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


class Project(ReviewActions, SimilarClaims):
    """A claims database and the rules for changing it (the actions: `claims.actions`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        name = store.get_meta("label_scale")
        self.scale: LabelScale = preset(name) if name else DEFAULT_SCALE

    @classmethod
    def open(
        cls, db: str | None = None, *, scale: str | None = None, blind: bool | None = None,
        mode: OpenMode = "create",
    ) -> Project:
        """Open the project at `db`; `scale` is only for a new project.

        `blind` sets the project's blind-review rule (None leaves it as it is). `mode`
        "create" makes a missing project, "write" needs it to exist, "read" opens it
        read-only and never creates or alters anything (see `claims.store.open_store`).
        """
        try:
            store = open_store(db, mode)
        except StoreError as exc:
            raise ProjectError(str(exc)) from exc
        if scale is not None:
            chosen = preset(scale)
            with store.transaction() as tx:
                current = tx.get_meta("label_scale") or DEFAULT_SCALE.name
                has_reviews = tx.last_seq() > 0
                if current == chosen.name or not has_reviews:
                    tx.set_meta("label_scale", chosen.name)
                    current = chosen.name
            if current != chosen.name:
                store.close()
                raise ProjectError(
                    f"{store.url}: the project already uses the {current} scale and has "
                    f"reviews; its scale cannot change to {chosen.name}"
                )
        if blind is not None:
            store.set_meta("blind", "1" if blind else "0")
        return cls(store)

    @property
    def blind(self) -> bool:
        """Blind review: a reviewer sees no other reviewer's verdict on a claim until they have
        given their own (adjudicators see all)."""
        return self.store.get_meta("blind") == "1"

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------

    def add_article(
        self,
        text: str,
        *,
        lang: str | None = None,
        title: str | None = None,
        url: str | None = None,
        published: date | None = None,
        external_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        claims: Sequence[Claim] | None = None,
    ) -> AddResult:
        """Add an article and its proposed claims in one transaction; a known text is a no-op."""
        article_id = article_id_for(text)
        with self.store.read() as tx:
            existing = tx.article(article_id)
        if existing is not None:
            return AddResult(existing, created=False, n_claims=0)
        from claims.extract import detect_language, extract  # deferred: lexicons load on use

        lang = lang or detect_language(text)
        article = Article(
            id=article_id,
            text=text,
            lang=lang,
            title=title,
            url=url,
            published=published,
            external_id=external_id,
            metadata=metadata or {},
        )
        proposed = list(claims) if claims is not None else extract(
            text, lang=lang, published=published, article_id=article_id
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
        results: list[Added] = []
        try:
            with _spool_file(self.store.spool_dir()) as spool:
                self._extract_to_spool(items, spool, results, progress, workers,
                                       defer_longer_than)
                spool.seek(0)
                skipped = _copy_spool(self.store, spool)
        except OSError as exc:  # the spool could not be written: nothing was added
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            raise StoreError(
                f"{self.store.url}: cannot write, the disk is full or failing "
                f"({exc.strerror or exc}); nothing was added" if full else
                f"{self.store.url}: cannot write the batch's spool file in "
                f"{self.store.spool_dir() or 'the temporary folder'} ({exc.strerror or exc}); "
                "nothing was added"
            ) from None
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

    # -- extraction after the article is stored -----------------------------------------

    def pending_extractions(self) -> dict[str, int]:
        """Articles whose claims are not all proposed yet, with the offset up to which they
        are (the marker is written with the article and each window's claims)."""
        with self.store.read() as tx:
            marks = tx.meta_with_prefix(PENDING)
        return {key[len(PENDING):]: int(value) for key, value in marks.items()}

    def extraction_pending(self, article_id: str) -> int | None:
        """The offset up to which the article's claims are proposed, or None when all are."""
        value = self.store.get_meta(PENDING + article_id)
        return int(value) if value is not None else None

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
        from claims.extract import EXTRACTOR_VERSION
        from claims.extract.stream import Article as ExtractionInput
        from claims.extract.stream import extract_windows

        done = self.extraction_pending(article_id)
        if done is None:
            return 0
        with self.store.read() as tx:
            article = tx.article(article_id)
        if article is None:
            return 0
        origin = f"extractor/{EXTRACTOR_VERSION}"
        key = PENDING + article_id
        added = 0
        job = ExtractionInput(0, article.id, article.text, article.lang, article.published,
                              from_offset=done)
        windows = extract_windows([job], workers=workers, background=background)
        try:
            for window in windows:
                for record in window.records:
                    record["article_id"] = article.id
                    record["origin"] = origin
                if pace is not None:
                    pace()
                with self.store.transaction() as tx:
                    if tx.get_meta(key) is None:  # completed by another process meanwhile
                        return added
                    if window.records:
                        tx.insert_claims(window.records)
                    if window.last:
                        tx.delete_meta(key)
                    else:
                        tx.set_meta(key, str(window.end))
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

    def _extract_to_spool(
        self,
        items: Iterable[dict[str, Any]],
        spool: IO[bytes],
        results: list[Added],
        progress: Callable[[int], object] | None,
        workers: int,
        defer: int | None,
    ) -> int:
        """Extract the new articles of `items` into `spool`, appending one `Added` per item to
        `results` in input order; the number of new articles."""
        new = self._new_articles(items, spool, results, defer)
        first = next(new, None)
        if first is None:  # nothing to extract: the extractor is not even imported
            return 0
        from claims.extract import EXTRACTOR_VERSION
        from claims.extract.stream import Article as ExtractionInput
        from claims.extract.stream import extract_windows

        origin = f"extractor/{EXTRACTOR_VERSION}"
        counts: dict[int, int] = {}
        done = 0
        jobs = (ExtractionInput(*job) for job in itertools.chain([first], new))
        for window in extract_windows(jobs, workers=workers):
            key, records, last = window.key, window.records, window.last
            # The extractor's records are already the stored JSON shape: no model round trip.
            for record in records:
                record["article_id"] = results[key].id
                record["origin"] = origin
            if records:
                spool.write(b"C")
                spool.write(orjson.dumps(records, option=orjson.OPT_APPEND_NEWLINE))
            counts[key] = counts.get(key, 0) + len(records)
            if last:
                results[key] = replace(results[key], n_claims=counts.pop(key))
                done += 1
                if progress is not None:
                    progress(done)
        return done

    def _new_articles(
        self,
        items: Iterable[dict[str, Any]],
        spool: IO[bytes],
        results: list[Added],
        defer: int | None,
    ) -> Iterator[tuple[int, str, str, str, date | None]]:
        """The articles of `items` to extract, as (key, id, text, lang, published): those not
        yet in the project (nor earlier in `items`), written to the spool as they pass; every
        item gets its entry in `results`."""

        seen: set[str] = set()
        for chunk in _chunks(items, 64):
            ids = [article_id_for(item["text"]) for item in chunk]
            with self.store.read() as tx:
                known = {aid: tx.article_label(aid) for aid in set(ids)}
                unfinished = {aid for aid in known
                              if known[aid] is not None and tx.get_meta(PENDING + aid) is not None}
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
                text = item["text"]
                article = Article(
                    id=article_id,
                    text=text,
                    lang=item.get("lang") or _detect_language(text),
                    title=item.get("title"),
                    url=item.get("url"),
                    published=item.get("published"),
                    external_id=item.get("external_id"),
                    metadata=item.get("metadata") or {},
                )
                if "spans" in item:
                    # Annotations brought from another tool: their spans are the claims,
                    # drawn by `origin`, instead of the extractor's proposals.
                    drawn = _drawn_claims(article, item["spans"], item["origin"])
                    spool.write(b"A")
                    spool.write(orjson.dumps(article.model_dump(mode="json"),
                                             option=orjson.OPT_APPEND_NEWLINE))
                    if drawn:
                        spool.write(b"C")
                        spool.write(orjson.dumps(
                            [c.model_dump(mode="json", by_alias=True) for c in drawn],
                            option=orjson.OPT_APPEND_NEWLINE))
                    results.append(Added(article_id, article.title, article.external_id, True,
                                         len(drawn)))
                    continue
                later = defer is not None and len(text) > defer
                spool.write(b"P" if later else b"A")
                spool.write(orjson.dumps(article.model_dump(mode="json"),
                                         option=orjson.OPT_APPEND_NEWLINE))
                results.append(Added(article_id, article.title, article.external_id, True, 0,
                                     pending=later))
                if later:
                    continue
                yield len(results) - 1, article_id, text, article.lang, article.published
            del chunk

    def article(self, ref: str) -> Article:
        """An article by id, id prefix or external id."""
        if not ref.strip():
            raise ProjectError(f"unknown article {ref!r}")
        with self.store.read() as tx:
            matches = tx.find_articles(ref)
            if len(matches) != 1:
                raise ProjectError(
                    f"unknown article {ref!r}" if not matches else f"article id {ref!r} is ambiguous"
                )
            article = tx.article(matches[0])
        assert article is not None
        return article

    def articles(self, reviewer: str | None = None) -> list[ArticleSummary]:
        with self.store.read() as tx:
            return tx.article_summaries(reviewer)

    # -- claims -------------------------------------------------------------------------

    def claims(
        self,
        article_id: str | None = None,
        *,
        status: str | None = None,
        include_hidden: bool = False,
    ) -> list[ClaimState]:
        if status is not None and status not in STATUSES:
            raise ProjectError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
        with self.store.read() as tx:
            states = tx.claim_states(article_id=article_id, include_hidden=include_hidden)
        if status is not None:
            states = [s for s in states if s.status == status]
        return states

    def claim(self, ref: str) -> ClaimState:
        """A claim by id or unambiguous id prefix."""
        claim_id = self.resolve_claim_id(ref)
        with self.store.read() as tx:
            states = tx.claim_states(claim_ids=[claim_id], include_hidden=True)
        return states[0]

    def resolve_claim_id(self, ref: str) -> str:
        ref = ref.strip()
        if not ref:
            raise ProjectError("empty claim id")
        with self.store.read() as tx:
            matches = tx.find_claims(ref)
        if ref in matches:
            return ref
        if not matches:
            raise ProjectError(f"unknown claim {ref!r}")
        if len(matches) > 1:
            raise ProjectError(f"claim id {ref!r} is ambiguous; give more characters")
        return matches[0]

    # -- history ------------------------------------------------------------------------

    def history(
        self,
        claim_ref: str | None = None,
        *,
        reviewer: str | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[Event]:
        claim_id = self.resolve_claim_id(claim_ref) if claim_ref else None
        with self.store.read() as tx:
            return tx.events(
                claim_id=claim_id, reviewer=reviewer, limit=limit, newest_first=newest_first
            )

    def import_events(self, events: Sequence[Event]) -> int:
        """Append events made elsewhere (skipping ids already held) in one transaction.

        Returns how many were new. Every claim they touch is re-derived before commit.
        """
        with self.store.transaction() as tx:
            for event in events:
                if not tx.has_claim(event.claim_id) and not tx.has_event(event.id):
                    raise ProjectError(f"event {event.id}: unknown claim {event.claim_id}")
            return len(tx.append_many(events))

    # -- the live view ----------------------------------------------------------------------

    def last_seq(self) -> int:
        """The log's high-water mark: it moves exactly when someone commits an action."""
        with self.store.read() as tx:
            return tx.last_seq()

    def changes_since(
        self, seq: int, article_id: str | None = None, *, limit: int = 5000
    ) -> tuple[int, list[ClaimState]]:
        """The claims touched by actions after `seq`, as they now stand (hidden ones included),
        and the mark to ask from next time. At most `limit` events are read per call."""
        with self.store.read() as tx:
            events = tx.events_since(seq, limit=limit)
            touched: dict[str, None] = {}
            for event in events:
                touched.update(dict.fromkeys(tx.claims_touched_by(event)))
            states = tx.claim_states(claim_ids=list(touched), include_hidden=True)
        if article_id is not None:
            states = [s for s in states if s.claim.article_id == article_id]
        return (events[-1].seq or seq) if events else seq, states


def _detect_language(text: str) -> str:
    from claims.extract import detect_language  # deferred: the extractor costs ~0.3 s to load

    return detect_language(text)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _spool_file(folder: str | None) -> IO[bytes]:
    """An anonymous temporary file (gone when closed, or when the process dies)."""
    try:
        return tempfile.TemporaryFile(dir=folder, prefix=".claims-add-")
    except OSError:
        if folder is None:
            raise
        return tempfile.TemporaryFile(prefix="claims-add-")


ARRIVING_CHUNK = 200
"""Claims handed to `continue_extraction`'s `on_chunk` at a time."""

PENDING = "extraction_pending:"
"""Meta key prefix marking an article whose claims are proposed up to the offset it holds."""

SPOOL_CLAIMS = 2000
"""Claims inserted by one statement when a spool is copied into the store."""


def _copy_spool(store: Store, spool: IO[bytes]) -> set[str]:
    """Copy a spool of new articles and their claims into the store in one transaction; the
    ids of articles skipped because another process added them since."""
    skipped: set[str] = set()
    pending: list[dict[str, Any]] = []
    with store.transaction() as tx:
        while tag := spool.read(1):
            if tag in (b"A", b"P"):
                if pending:
                    tx.insert_claims(pending)
                    pending = []
                article = Article.model_validate(orjson.loads(spool.readline()))
                if tx.has_article(article.id):
                    skipped.add(article.id)
                else:
                    tx.insert_article(article, [])
                    if tag == b"P":  # its claims come later, window by window
                        tx.set_meta(PENDING + article.id, "0")
                del article
            else:
                records = orjson.loads(spool.readline())
                if records and records[0]["article_id"] in skipped:
                    continue
                pending.extend(records)
                if len(pending) >= SPOOL_CLAIMS:
                    tx.insert_claims(pending)
                    pending = []
        if pending:
            tx.insert_claims(pending)
    return skipped


def _drawn_claims(article: Article, spans: Sequence[Any], origin: str) -> list[Claim]:
    """Claims over `(start, end, labels)` spans of a new article, with the extractor's facets
    (the labels the other tool gave are the reasons; the kind is the extractor's)."""
    from claims.model import claim_id_for
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
