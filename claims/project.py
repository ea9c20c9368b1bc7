"""The one door the command line, the annotator and the exporters use.

A `Project` is a database plus its label scale. Adding articles proposes claims through the
extractor; every reviewer action is one event appended and committed before the method returns,
and the method hands back the claims as they now stand so a screen can redraw just those.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claims.actions import ActionResult, ReviewActions, check_reviewer
from claims.errors import ProjectError, StaleAction
from claims.labels import DEFAULT_SCALE, LabelScale, preset
from claims.model import STATUSES, Article, Claim, ClaimState, Event, article_id_for
from claims.similar import SimilarClaims
from claims.store import ArticleSummary, OpenMode, Store, StoreError, open_store

__all__ = [
    "ActionResult",
    "AddResult",
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
        # Items with `spans` (annotations brought from another tool) get those as claims,
        # drawn by `origin`, instead of the extractor's proposals.
        drawn: dict[str, list[Claim]] = {}
        for item in items:
            article = new.get(article_id_for(item["text"]))
            if article is not None and "spans" in item and article.id not in drawn:
                drawn[article.id] = _drawn_claims(article, item["spans"], item["origin"])
        extracted = [a for a in new.values() if a.id not in drawn]
        jobs = [
            {"id": a.id, "text": a.text, "lang": a.lang, "published": a.published}
            for a in extracted
        ]
        origin = f"extractor/{EXTRACTOR_VERSION}"
        proposed: dict[str, list[Any]] = dict(drawn)
        for n, (article, records) in enumerate(
            zip(extracted, extract_many(jobs, workers=workers if len(jobs) > 32 else 1),
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
                touched.update(dict.fromkeys(event.touched_claims()))
                if event.type in ("undo", "redo") and event.other_id:
                    target = tx.event(event.other_id)
                    if target is not None:
                        touched.update(dict.fromkeys(target.touched_claims()))
            states = tx.claim_states(claim_ids=list(touched), include_hidden=True)
        if article_id is not None:
            states = [s for s in states if s.claim.article_id == article_id]
        return (events[-1].seq or seq) if events else seq, states


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
