"""The one door the command line, the annotator and the exporters use.

A `Project` is a database plus its label scale. Adding articles proposes claims through the
extractor; every reviewer action is one event appended and committed before the method returns,
and the method hands back the claims as they now stand so a screen can redraw just those.
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from claims.labels import DEFAULT_SCALE, LabelScale, preset
from claims.model import (
    STATUSES,
    Article,
    Claim,
    ClaimState,
    Event,
    KnownClaim,
    Source,
    article_id_for,
    claim_id_for,
)
from claims.store import ArticleSummary, Store, StoreError, new_event, open_store

if TYPE_CHECKING:
    from claims.similar import Match, SimilarIndex


class ProjectError(Exception):
    """Something the user asked for cannot be done; the message says why, by name."""


@dataclass(frozen=True)
class AddResult:
    article: Article
    created: bool
    """False when the same text was already in the project (nothing changed)."""
    n_claims: int


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
    ) -> list[AddResult]:
        """Add many articles in one transaction: all of them or, on error, none.

        Claims are extracted on `workers` processes when the batch is large enough to pay for
        them. `progress(n)` is called after each article's claims are extracted.
        """
        from claims.extract import EXTRACTOR_VERSION, detect_language, extract_many

        items = list(items)
        new: dict[str, Article] = {}
        order: list[str] = []
        with self.store.read() as tx:
            known = {aid for aid in {article_id_for(i["text"]) for i in items} if tx.has_article(aid)}
            existing = {a.id: a for a in map(tx.article, known) if a is not None}
        for item in items:
            text = item["text"]
            article_id = article_id_for(text)
            order.append(article_id)
            if article_id in known or article_id in new:
                continue
            new[article_id] = Article(
                id=article_id,
                text=text,
                lang=item.get("lang") or detect_language(text),
                title=item.get("title"),
                url=item.get("url"),
                published=item.get("published"),
                external_id=item.get("external_id"),
                metadata=item.get("metadata") or {},
            )
        jobs = [
            {"id": a.id, "text": a.text, "lang": a.lang, "published": a.published}
            for a in new.values()
        ]
        origin = f"extractor/{EXTRACTOR_VERSION}"
        proposed: dict[str, list[dict[str, Any]]] = {}
        for n, (article, records) in enumerate(
            zip(new.values(), extract_many(jobs, workers=workers if len(jobs) > 32 else 1),
                strict=True),
            start=1,
        ):
            # The extractor's records are already the stored JSON shape: no model round trip.
            for record in records:
                record["article_id"] = article.id
                record["origin"] = origin
            proposed[article.id] = records
            if progress is not None:
                progress(n)
        with self.store.transaction() as tx:
            for article in new.values():
                if not tx.has_article(article.id):  # another process may have added it
                    tx.insert_article(article, proposed[article.id])
        results: list[AddResult] = []
        reported: set[str] = set()
        for article_id in order:
            if article_id in new and article_id not in reported:
                reported.add(article_id)
                results.append(AddResult(new[article_id], True, len(proposed[article_id])))
            else:
                article = new.get(article_id) or existing[article_id]
                results.append(AddResult(article, created=False, n_claims=0))
        return results

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

    # -- claims already checked -----------------------------------------------------------

    def add_known(self, known: Sequence[KnownClaim]) -> int:
        """Store published fact-checks as reference claims, all in one transaction; returns how
        many were new (one already held is not added twice)."""
        with self.store.transaction() as tx:
            return tx.insert_known(known)

    def known_claims(self) -> list[KnownClaim]:
        with self.store.read() as tx:
            return tx.known_claims()

    def similar_index(self) -> SimilarIndex:
        """Every claim some reviewer gave a verdict, and every reference claim, indexed."""
        from claims.similar import build_index

        return build_index(self.store)

    def similar(
        self, claim_ref: str, *, limit: int = 5, index: SimilarIndex | None = None
    ) -> list[Match]:
        """Checked claims (any article) and reference claims closest to the claim, best first."""
        state = self.claim(claim_ref)
        with self.store.read() as tx:
            row = tx.one("SELECT lang FROM articles WHERE id = ?", (state.claim.article_id,))
        index = index if index is not None else self.similar_index()
        return index.search(state.claim.text, row[0] if row else "und",
                            exclude=[state.claim.id], limit=limit)

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
        new = 0
        touched: set[str] = set()
        with self.store.transaction() as tx:
            for event in events:
                if tx.one("SELECT 1 FROM events WHERE id = ?", (event.id,)) is not None:
                    continue
                if tx.one("SELECT 1 FROM claims WHERE id = ?", (event.claim_id,)) is None:
                    raise ProjectError(f"event {event.id}: unknown claim {event.claim_id}")
                tx.insert_event(event)
                new += 1
                touched.add(event.claim_id)
                if event.type == "merge" and event.other_id:
                    touched.add(event.other_id)
                if event.type in ("undo", "redo") and event.other_id:
                    target = tx.event(event.other_id)
                    if target is not None and target.type == "merge" and target.other_id:
                        touched.add(target.other_id)
            for claim_id in sorted(touched):
                tx.rederive(claim_id)
        return new


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
