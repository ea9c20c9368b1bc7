"""The one door the command line, the annotator and the exporters use.

A `Project` is a database plus its label scale. Adding articles proposes claims through the
extractor (`claims.adding`, `claims.deferred`); every reviewer action (`claims.actions`) is one
event appended and committed before the method returns, and the method hands back the claims as
they now stand so a screen can redraw just those. Claims already checked: `claims.similar`.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence

from claims.actions import ActionResult, ReviewActions, check_reviewer
from claims.adding import Added, AddResult, ArticleAdding
from claims.boundaries import BoundaryActions
from claims.errors import ProjectError, StaleAction
from claims.labels import DEFAULT_SCALE, LabelScale, preset
from claims.model import STATUSES, Article, ClaimState, Event
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


def default_reviewer() -> str:
    name = os.environ.get("CLAIMS_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


class Project(ArticleAdding, ReviewActions, BoundaryActions, SimilarClaims):
    """A claims database and the rules for changing it: its parts are mixins (adding articles:
    `claims.adding`, extraction after the article is stored: `claims.deferred`, reviewer
    actions: `claims.actions` and `claims.boundaries`, claims already checked:
    `claims.similar`)."""

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
        chosen = preset(scale) if scale is not None else None  # a bad name creates nothing
        try:
            store = open_store(db, mode)
        except StoreError as exc:
            raise ProjectError(str(exc)) from exc
        if chosen is not None:
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
