"""The one door the command line, the annotator and the exporters use.

A `Project` is a database plus its label scale. Adding articles proposes claims through the
extractor; every reviewer action is one event appended and committed before the method returns,
and the method hands back the claims as they now stand so a screen can redraw just those.
"""

from __future__ import annotations

import getpass
import itertools
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import IO, TYPE_CHECKING, Any

import orjson

from claims.labels import DEFAULT_SCALE, LabelScale, preset
from claims.model import (
    STATUSES,
    Article,
    Claim,
    ClaimState,
    Event,
    Source,
    article_id_for,
    claim_id_for,
)
from claims.store import ArticleSummary, Store, StoreError, new_event, open_store

if TYPE_CHECKING:
    from claims.extract.stream import Article as ExtractionInput


class ProjectError(Exception):
    """Something the user asked for cannot be done; the message says why, by name."""


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


@dataclass(frozen=True)
class ActionResult:
    event: Event
    changed: list[ClaimState] = field(default_factory=list)
    """Every claim whose state the action changed, as it now stands (hidden ones included)."""


def default_reviewer() -> str:
    name = os.environ.get("CLAIMS_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def check_reviewer(name: str) -> str:
    name = name.strip()
    if not name:
        raise ProjectError("reviewer name is empty")
    if len(name) > 100:
        raise ProjectError("reviewer name is longer than 100 characters")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in name):
        raise ProjectError(f"reviewer name {name!r} contains control characters")
    return name


class Project:
    """A claims database and the rules for changing it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        name = store.get_meta("label_scale")
        self.scale: LabelScale = preset(name) if name else DEFAULT_SCALE

    @classmethod
    def open(cls, db: str | None = None, *, scale: str | None = None) -> Project:
        """Open (creating if needed) the project at `db`; `scale` is only for a new project."""
        try:
            store = open_store(db)
        except StoreError as exc:
            raise ProjectError(str(exc)) from exc
        if scale is not None:
            chosen = preset(scale)
            with store.transaction() as tx:
                current = tx.get_meta("label_scale") or DEFAULT_SCALE.name
                has_reviews = tx.one("SELECT 1 FROM events LIMIT 1") is not None
                if current == chosen.name or not has_reviews:
                    tx.set_meta("label_scale", chosen.name)
                    current = chosen.name
            if current != chosen.name:
                store.close()
                raise ProjectError(
                    f"{store.url}: the project already uses the {current} scale and has "
                    f"reviews; its scale cannot change to {chosen.name}"
                )
        return cls(store)

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
        with _spool_file(self.store.spool_dir()) as spool:
            self._extract_to_spool(items, spool, results, progress, workers, defer_longer_than)
            spool.seek(0)
            skipped = _copy_spool(self.store, spool)
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
            rows = tx.all("SELECT key, value FROM meta WHERE key LIKE ?", (PENDING + "%",))
        return {key[len(PENDING):]: int(value) for key, value in rows}

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
    ) -> int:
        """Propose the claims of a pending article, window by window from where they stop.

        Each window's claims and the new marker commit together, so a kill at any moment
        leaves the project consistent and the next call goes on from the last window stored.
        `on_chunk(states)` gets each window's new claims after its commit; `stop()` is asked
        between windows. Returns how many claims were added; 0 when nothing was pending.
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
                with self.store.transaction() as tx:
                    if tx.get_meta(key) is None:  # completed by another process meanwhile
                        return added
                    if window.records:
                        tx.insert_claim_records(window.records)
                    if window.last:
                        tx.execute("DELETE FROM meta WHERE key = ?", (key,))
                    else:
                        tx.set_meta(key, str(window.end))
                added += len(window.records)
                if on_chunk is not None and window.records:
                    with self.store.read() as tx:
                        states = tx.claim_states(claim_ids=[r["id"] for r in window.records])
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
        from claims.extract import EXTRACTOR_VERSION
        from claims.extract.stream import extract_windows

        origin = f"extractor/{EXTRACTOR_VERSION}"
        counts: dict[int, int] = {}
        done = 0
        for window in extract_windows(
            self._new_articles(items, spool, results, defer), workers=workers
        ):
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
    ) -> Iterator[ExtractionInput]:
        """The articles of `items` not yet in the project (nor earlier in `items`), written to
        the spool as they pass; every item gets its entry in `results`."""
        from claims.extract import detect_language
        from claims.extract.stream import Article as ExtractionInput

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
                    lang=item.get("lang") or detect_language(text),
                    title=item.get("title"),
                    url=item.get("url"),
                    published=item.get("published"),
                    external_id=item.get("external_id"),
                    metadata=item.get("metadata") or {},
                )
                later = defer is not None and len(text) > defer
                spool.write(b"P" if later else b"A")
                spool.write(orjson.dumps(article.model_dump(mode="json"),
                                         option=orjson.OPT_APPEND_NEWLINE))
                results.append(Added(article_id, article.title, article.external_id, True, 0,
                                     pending=later))
                if later:
                    continue
                yield ExtractionInput(len(results) - 1, article_id, text, article.lang,
                                      article.published)
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

    # -- reviewer actions ---------------------------------------------------------------

    def _act(
        self,
        type_: str,
        claim_ref: str,
        reviewer: str,
        payload: dict[str, Any],
        *,
        other_id: str | None = None,
    ) -> ActionResult:
        return self._act_many(claim_ref, reviewer, [(type_, payload, other_id)])

    def _act_many(
        self,
        claim_ref: str,
        reviewer: str,
        actions: Sequence[tuple[str, dict[str, Any], str | None]],
    ) -> ActionResult:
        """Append several events on one claim in one transaction: all of them or none."""
        reviewer = check_reviewer(reviewer)
        claim_id = self.resolve_claim_id(claim_ref)
        with self.store.transaction() as tx:
            row = tx.one("SELECT article_id FROM claims WHERE id = ?", (claim_id,))
            touched = [claim_id]
            event = None
            for type_, payload, other_id in actions:
                event = tx.insert_event(
                    new_event(
                        type_,
                        reviewer=reviewer,
                        article_id=row[0],
                        claim_id=claim_id,
                        other_id=other_id,
                        payload=payload,
                    )
                )
                if other_id and type_ == "merge" and other_id not in touched:
                    touched.append(other_id)
            assert event is not None, "no action given"
            for cid in touched:
                tx.rederive(cid)
            changed = tx.claim_states(claim_ids=touched, include_hidden=True)
        return ActionResult(event, changed)

    def review(
        self,
        claim_ref: str,
        reviewer: str,
        *,
        verdict: str | None = None,
        clear_verdict: bool = False,
        status: str | None = None,
        source: Source | dict[str, Any] | None = None,
        rationale: str | None = None,
    ) -> ActionResult:
        """Several changes to one reviewer's review, checked first, committed as one."""
        actions: list[tuple[str, dict[str, Any], str | None]] = []
        if verdict is not None or clear_verdict:
            label_id = None
            if verdict is not None:
                try:
                    label_id = self.scale.resolve(str(verdict)).id
                except KeyError as exc:
                    raise ProjectError(exc.args[0]) from None
            actions.append(("verdict", {"label": label_id}, None))
        if status is not None:
            if status not in STATUSES:
                raise ProjectError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
            actions.append(("status", {"status": status}, None))
        if source is not None:
            actions.append(("source_add", {"source": _source(source).model_dump(mode="json")}, None))
        if rationale is not None:
            actions.append(("rationale", {"text": rationale}, None))
        if not actions:
            raise ProjectError("nothing to do")
        return self._act_many(claim_ref, reviewer, actions)

    def set_verdict(self, claim_ref: str, reviewer: str, label: str | None) -> ActionResult:
        """Give the claim a verdict of the scale (id, name or 1-based position); None clears."""
        return self.review(claim_ref, reviewer, verdict=label, clear_verdict=label is None)

    def set_status(self, claim_ref: str, reviewer: str, status: str) -> ActionResult:
        return self.review(claim_ref, reviewer, status=status)

    def accept(self, claim_ref: str, reviewer: str) -> ActionResult:
        return self.set_status(claim_ref, reviewer, "accepted")

    def reject(self, claim_ref: str, reviewer: str) -> ActionResult:
        return self.set_status(claim_ref, reviewer, "rejected")

    def toggle_reject(self, claim_ref: str, reviewer: str) -> ActionResult:
        """Reject as not a claim, or restore a claim this reviewer had rejected."""
        review = self.claim(claim_ref).review_by(check_reviewer(reviewer))
        if review is not None and review.status == "rejected":
            return self.set_status(claim_ref, reviewer, "proposed")
        return self.reject(claim_ref, reviewer)

    def add_source(self, claim_ref: str, reviewer: str, source: Source | dict[str, Any]) -> ActionResult:
        return self.review(claim_ref, reviewer, source=source)

    def remove_source(self, claim_ref: str, reviewer: str, index: int) -> ActionResult:
        review = self.claim(claim_ref).review_by(check_reviewer(reviewer))
        if review is None or not 0 <= index < len(review.sources):
            raise ProjectError(f"claim {claim_ref} has no source number {index + 1} by {reviewer}")
        return self._act("source_remove", claim_ref, reviewer, {"index": index})

    def set_rationale(self, claim_ref: str, reviewer: str, text: str) -> ActionResult:
        return self.review(claim_ref, reviewer, rationale=text)

    def set_span(self, claim_ref: str, reviewer: str, start: int, end: int) -> ActionResult:
        """Move the claim's boundaries to `[start, end)` of its article."""
        state = self.claim(claim_ref)
        article = self.article(state.claim.article_id)
        start, end = _check_span(article, start, end)
        facets = _facets(article, start, end)
        return self._act("span", state.claim.id, reviewer, {"start": start, "end": end, **facets})

    def create_claim(
        self, article_ref: str, reviewer: str, start: int, end: int, kind: str = "other"
    ) -> ActionResult:
        """Draw a new claim over `[start, end)` of the article."""
        reviewer = check_reviewer(reviewer)
        article = self.article(article_ref)
        start, end = _check_span(article, start, end)
        claim_id = claim_id_for(article.id, start, end)
        facets = _facets(article, start, end)
        claim = Claim.model_validate(
            {
                "id": claim_id,
                "article_id": article.id,
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "kind": kind,
                "score": 1.0,
                "reasons": ["drawn by reviewer"],
                "origin": f"reviewer:{reviewer}",
                **facets,
            }
        )
        with self.store.transaction() as tx:
            same = tx.one(
                "SELECT id FROM claims WHERE article_id = ? AND live = 1 AND span_start = ? "
                "AND span_end = ?",
                (article.id, start, end),
            )
            if same is not None:
                raise ProjectError(f"a claim already covers exactly [{start}, {end}): {same[0]}")
            existing = tx.one(
                "SELECT live, merged_into, span_start, span_end FROM claims WHERE id = ?",
                (claim_id,),
            )
            if existing is not None and existing[1] is not None:
                raise ProjectError(
                    f"[{start}, {end}) is claim {claim_id}, merged into {existing[1]}; "
                    "undo that merge to bring it back"
                )
            if existing is not None and existing[0]:
                raise ProjectError(
                    f"claim {claim_id} was first proposed at [{start}, {end}) and now covers "
                    f"[{existing[2]}, {existing[3]}); edit its boundaries instead"
                )
            if existing is None:
                tx.insert_claim(claim, live=False)
            event = tx.insert_event(
                new_event(
                    "claim_create",
                    reviewer=reviewer,
                    article_id=article.id,
                    claim_id=claim_id,
                    payload={"start": start, "end": end},
                )
            )
            tx.rederive(claim_id)
            changed = tx.claim_states(claim_ids=[claim_id], include_hidden=True)
        return ActionResult(event, changed)

    def merge_with_next(self, claim_ref: str, reviewer: str) -> ActionResult:
        """Merge the claim with the next live claim of its article (the next one is hidden).

        The claim's liveness and its neighbour are read inside the write transaction, so two
        reviewers merging at once cannot merge into a claim the other just hid.
        """
        reviewer = check_reviewer(reviewer)
        claim_id = self.resolve_claim_id(claim_ref)
        with self.store.transaction() as tx:
            (state,) = tx.claim_states(claim_ids=[claim_id], include_hidden=True)
            c = state.claim
            if not state.live:
                raise ProjectError(f"claim {c.id} is not live; it cannot be merged")
            row = tx.one(
                "SELECT id FROM claims WHERE article_id = ? AND live = 1 AND id != ? AND "
                "(span_start > ? OR (span_start = ? AND (span_end > ? OR "
                "(span_end = ? AND id > ?)))) ORDER BY span_start, span_end, id LIMIT 1",
                (c.article_id, c.id, c.start, c.start, c.end, c.end, c.id),
            )
            if row is None:
                raise ProjectError(f"claim {c.id} is the last of its article")
            (following,) = tx.claim_states(claim_ids=[row[0]])
            nxt = following.claim
            payload = {
                "start": c.start,
                "end": max(c.end, nxt.end),
                "quantities": [q.model_dump(mode="json") for q in nxt.quantities],
                "dates": [d.model_dump(mode="json", by_alias=True) for d in nxt.dates],
            }
            event = tx.insert_event(
                new_event("merge", reviewer=reviewer, article_id=c.article_id, claim_id=c.id,
                          other_id=nxt.id, payload=payload)
            )
            for cid in (c.id, nxt.id):
                tx.rederive(cid)
            changed = tx.claim_states(claim_ids=[c.id, nxt.id], include_hidden=True)
        return ActionResult(event, changed)

    def undo(self, reviewer: str) -> ActionResult | None:
        """Take back the reviewer's latest action still in effect; None when nothing is left."""
        return self._toggle(reviewer, "undo")

    def redo(self, reviewer: str) -> ActionResult | None:
        """Put back what the reviewer's latest undo took back; None when there is nothing."""
        return self._toggle(reviewer, "redo")

    def _toggle(self, reviewer: str, kind: str) -> ActionResult | None:
        reviewer = check_reviewer(reviewer)
        with self.store.transaction() as tx:
            target = tx.undo_target(reviewer) if kind == "undo" else tx.redo_target(reviewer)
            if target is None:
                return None
            if target.type in STRUCTURAL_TYPES:
                later = tx.later_structural_change(target)
                if later is not None:
                    raise ProjectError(
                        f"cannot {kind} {_what(target)}: {later.reviewer} changed these claims "
                        f"since ({_what(later)} at {later.ts:%Y-%m-%d %H:%M:%S}); "
                        f"that change must be undone first"
                    )
            event = tx.insert_event(
                new_event(
                    kind,
                    reviewer=reviewer,
                    article_id=target.article_id,
                    claim_id=target.claim_id,
                    other_id=target.id,
                    payload={"type": target.type},
                )
            )
            touched = [target.claim_id]
            if target.type == "merge" and target.other_id:
                touched.append(target.other_id)
            for cid in touched:
                tx.rederive(cid)
            changed = tx.claim_states(claim_ids=touched, include_hidden=True)
        return ActionResult(event, changed)

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

        Returns how many were new. Every claim they touch is re-derived before commit; the
        events go in with one statement and the claims are re-derived together.
        """
        touched: set[str] = set()
        with self.store.transaction() as tx:
            ids = list(dict.fromkeys(e.id for e in events))
            held = _present(tx, "events", ids)
            known = _present(tx, "claims", list(dict.fromkeys(e.claim_id for e in events)))
            fresh: list[Event] = []
            for event in events:
                if event.id in held:
                    continue
                if event.claim_id not in known:
                    raise ProjectError(f"event {event.id}: unknown claim {event.claim_id}")
                held.add(event.id)
                fresh.append(event)
                touched.add(event.claim_id)
                if event.type == "merge" and event.other_id:
                    touched.add(event.other_id)
            tx.insert_events(fresh)
            for event in fresh:
                if event.type in ("undo", "redo") and event.other_id:
                    target = tx.event(event.other_id)
                    if target is not None and target.type == "merge" and target.other_id:
                        touched.add(target.other_id)
            tx.rederive_many(sorted(touched))
        return len(fresh)


def _present(tx: Any, table: str, ids: list[str]) -> set[str]:
    """The ids of `ids` that `table` holds, 500 to a query."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = tx.all(f"SELECT id FROM {table} WHERE id IN ({', '.join('?' for _ in chunk)})",
                      chunk)
        found.update(row[0] for row in rows)
    return found


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
                    tx.insert_claim_records(pending)
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
                    tx.insert_claim_records(pending)
                    pending = []
        if pending:
            tx.insert_claim_records(pending)
    return skipped


def _check_span(article: Article, start: int, end: int) -> tuple[int, int]:
    if not 0 <= start < end <= len(article.text):
        raise ProjectError(
            f"span [{start}, {end}) is outside article {article.id} (length {len(article.text)})"
        )
    # Never start or end on whitespace: a claim's text is what a reviewer would quote.
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ProjectError(f"span [{start}, {end}) holds only whitespace")
    return start, end


def _facets(article: Article, start: int, end: int) -> dict[str, Any]:
    """Quantities, dates and speaker the extractor finds inside `[start, end)`."""
    from claims.extract import extract

    quantities: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    speaker = None
    for claim in extract(
        article.text[start:end], lang=article.lang, published=article.published,
        article_id=article.id,
    ):
        for q in claim.quantities:
            quantities.append(
                q.model_copy(update={"start": q.start + start, "end": q.end + start}).model_dump(
                    mode="json"
                )
            )
        for d in claim.dates:
            dates.append(
                d.model_copy(update={"start": d.start + start, "end": d.end + start}).model_dump(
                    mode="json", by_alias=True
                )
            )
        speaker = speaker or claim.speaker
    return {"quantities": quantities, "dates": dates, "speaker": speaker}


STRUCTURAL_TYPES = ("span", "merge", "claim_create")
"""Actions that move claim boundaries; later ones build on earlier ones."""


def _what(event: Event) -> str:
    return {
        "span": f"the boundary edit of claim {event.claim_id}",
        "merge": f"the merge of claim {event.claim_id} with {event.other_id}",
        "claim_create": f"the drawing of claim {event.claim_id}",
    }.get(event.type, f"{event.type} on claim {event.claim_id}")


def _source(source: Source | dict[str, Any]) -> Source:
    if isinstance(source, Source):
        return source
    try:
        return Source.model_validate(source)
    except ValueError as exc:
        raise ProjectError(_first_error(exc)) from None


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        items = errors()
        if items:
            first = items[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            return f"{where}: {first.get('msg', '')}".strip(": ")
    return str(exc)
