"""Reviewer actions on claims: the methods of `Project` that append to the log (boundary
actions, `set_span`, `create_claim`, `merge_with_next`: `claims.boundaries`).

Each action resolves its claim, then inside one write transaction checks that the claim is
still what the reviewer saw (`claims.staleness`), builds its events from the state read in that
same transaction, and appends them (`Transaction.append_many`). Nothing is read outside the
transaction that writes, so two sessions can never act on each other's stale reads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claims import model
from claims.errors import ProjectError
from claims.model import (
    MAX_CLAIM_TEXT,
    MAX_RATIONALE,
    NOT_ONE_LINE,
    STATUSES,
    STRUCTURAL_EVENT_TYPES,
    ClaimState,
    Event,
    Source,
    blank,
    breaks_line,
    review_text_problems,
    source_url_key,
    too_long,
)
from claims.staleness import check_unjudged, current_claim
from claims.store import Transaction, new_event

if TYPE_CHECKING:
    from claims.labels import LabelScale
    from claims.model import Article
    from claims.store import Store

__all__ = [
    "MAX_CLAIM_TEXT",
    "ActionBase",
    "ActionResult",
    "ReviewActions",
    "Span",
    "Spec",
    "appended",
    "check_known_reviewers",
    "check_line",
    "check_reviewer",
    "describe",
    "first_error",
]

Span = tuple[int, int]
Spec = tuple[str, dict[str, Any], str | None]
"""An event to append on the action's claim: type, payload, other_id."""


@dataclass(frozen=True)
class ActionResult:
    event: Event
    changed: list[ClaimState] = field(default_factory=list)
    """Every claim whose state the action changed, as it now stands (hidden ones included)."""


def check_reviewer(name: str) -> str:
    name = name.strip()
    if not name:
        raise ProjectError("reviewer name is empty")
    if len(name) > 100:
        raise ProjectError("reviewer name is longer than 100 characters")
    if any(unicodedata.category(ch) in _NOT_IN_A_LINE for ch in name):
        raise ProjectError(f"reviewer name {name!r} contains control characters or line breaks")
    return name


def check_known_reviewers(names: Sequence[str], known: Collection[str]) -> None:
    """Refuse reviewer names (a `--reviewer` filter) that name nobody in the project, every
    one of them in one message with who is there: a typo would otherwise show nothing, as if
    that were the answer."""
    missing = [name for name in dict.fromkeys(names) if name not in known]
    if missing:
        listed = ", ".join(sorted(known)) or "none yet"
        raise ProjectError(f"--reviewer: no reviewer {', '.join(repr(n) for n in missing)} "
                           f"in this project ({listed})")


_NOT_IN_A_LINE = ("Cc", "Cf", "Cs", "Zl", "Zp")
"""Controls, format characters (bidi overrides, zero-width), surrogates, and the line and
paragraph separators (U+2028, U+2029: a line break to a terminal or an editor)."""


def check_line(what: str, text: str, limit: int) -> str:
    """A one-line text as typed, stripped (only whitespace is empty), or refused by `what`:
    over `limit`, or holding a line break or a control (`breaks_line`)."""
    text = text.strip()
    if problem := too_long(text, limit):
        raise ProjectError(f"{what} {problem}")
    if breaks_line(text):
        raise ProjectError(f"{what} {NOT_ONE_LINE}")
    return text


class ActionBase:
    """What every action of `Project` shares: resolving its claim, appending its events."""

    store: Store
    scale: LabelScale

    if TYPE_CHECKING:  # provided by `Project`

        def resolve_claim_id(self, ref: str) -> str: ...
        def claim(self, ref: str) -> ClaimState: ...
        def article(self, ref: str) -> Article: ...

    def _record(
        self,
        claim_ref: str,
        reviewer: str,
        build: Callable[[Transaction, ClaimState], Sequence[Spec]],
        *,
        seen: Span | None = None,
    ) -> ActionResult:
        """Append the events `build` makes from the claim's current state, in one transaction."""
        reviewer = check_reviewer(reviewer)
        claim_id = self.resolve_claim_id(claim_ref)
        with self.store.transaction() as tx:
            state = current_claim(tx, claim_id, seen)
            events = [
                new_event(type_, reviewer=reviewer, article_id=state.claim.article_id,
                          claim_id=claim_id, other_id=other_id, payload=payload)
                for type_, payload, other_id in build(tx, state)
            ]
            return appended(tx, events)


class ReviewActions(ActionBase):
    """Mixin of `Project`: the reviewer's review (verdict, status, sources, rationale, the claim
    as checked), the adjudication, and undo and redo of any action."""

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
        claim_text: str | None = None,
        seen: Span | None = None,
    ) -> ActionResult:
        """Several changes to one reviewer's review, checked first, committed as one."""
        specs: list[Spec] = []
        if verdict is not None or clear_verdict:
            label_id = self._label(verdict) if verdict is not None else None
            specs.append(("verdict", {"label": label_id}, None))
        if status is not None:
            if status not in STATUSES:
                raise ProjectError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
            specs.append(("status", {"status": status}, None))
        added = None
        if source is not None:
            added = _source(source)
            if added.accessed is None:  # unless told otherwise: read on the day it was added
                added = added.model_copy(update={"accessed": model.utc_now().date()})
            specs.append(("source_add", {"source": added.model_dump(mode="json")}, None))
        if rationale is not None:
            if blank(rationale):  # spaces or line breaks only say nothing: no rationale
                rationale = ""
            if problem := too_long(rationale, MAX_RATIONALE):
                raise ProjectError(f"the rationale {problem}; nothing saved")
            specs.append(("rationale", {"text": rationale}, None))
        if claim_text is not None:
            text = check_line("the claim as checked", claim_text, MAX_CLAIM_TEXT)
            specs.append(("claim_text", {"text": text}, None))
        if not specs:
            raise ProjectError("nothing to do")
        name = check_reviewer(reviewer)

        def build(tx: Transaction, state: ClaimState) -> list[Spec]:
            if added is not None:
                _refuse_repeated_source(state, name, added.url)
            return specs

        return self._record(claim_ref, name, build, seen=seen)

    def _label(self, verdict: str) -> str:
        try:
            return self.scale.resolve(str(verdict)).id
        except KeyError as exc:
            raise ProjectError(exc.args[0]) from None

    def set_verdict(
        self, claim_ref: str, reviewer: str, label: str | None, *, seen: Span | None = None
    ) -> ActionResult:
        """Give the claim a verdict of the scale (id, name or 1-based position); None clears."""
        return self.review(claim_ref, reviewer, verdict=label, clear_verdict=label is None,
                           seen=seen)

    def set_status(
        self, claim_ref: str, reviewer: str, status: str, *, seen: Span | None = None
    ) -> ActionResult:
        return self.review(claim_ref, reviewer, status=status, seen=seen)

    def accept(self, claim_ref: str, reviewer: str, *, seen: Span | None = None) -> ActionResult:
        return self.set_status(claim_ref, reviewer, "accepted", seen=seen)

    def reject(self, claim_ref: str, reviewer: str, *, seen: Span | None = None) -> ActionResult:
        return self.set_status(claim_ref, reviewer, "rejected", seen=seen)

    def toggle_reject(
        self, claim_ref: str, reviewer: str, *, seen: Span | None = None
    ) -> ActionResult:
        """Reject as not a claim, or restore a claim this reviewer had rejected."""
        name = check_reviewer(reviewer)

        def build(tx: Transaction, state: ClaimState) -> list[Spec]:
            review = state.review_by(name)
            rejected = review is not None and review.status == "rejected"
            return [("status", {"status": "proposed" if rejected else "rejected"}, None)]

        return self._record(claim_ref, name, build, seen=seen)

    def add_source(
        self, claim_ref: str, reviewer: str, source: Source | dict[str, Any],
        *, seen: Span | None = None,
    ) -> ActionResult:
        return self.review(claim_ref, reviewer, source=source, seen=seen)

    def remove_source(
        self, claim_ref: str, reviewer: str, index: int, *, seen: Span | None = None
    ) -> ActionResult:
        name = check_reviewer(reviewer)

        def build(tx: Transaction, state: ClaimState) -> list[Spec]:
            review = state.review_by(name)
            if review is None or not 0 <= index < len(review.sources):
                raise ProjectError(
                    f"claim {state.claim.id} has no source number {index + 1} by {name}"
                )
            return [("source_remove", {"index": index}, None)]

        return self._record(claim_ref, name, build, seen=seen)

    def set_rationale(
        self, claim_ref: str, reviewer: str, text: str, *, seen: Span | None = None
    ) -> ActionResult:
        return self.review(claim_ref, reviewer, rationale=text, seen=seen)

    def set_claim_text(
        self, claim_ref: str, reviewer: str, text: str, *, seen: Span | None = None
    ) -> ActionResult:
        """The claim as checked: the reviewer's standalone rewrite of it ("" clears)."""
        return self.review(claim_ref, reviewer, claim_text=text, seen=seen)

    def adjudicate(
        self,
        claim_ref: str,
        reviewer: str,
        verdict: str | None,
        note: str = "",
        *,
        seen: Span | None = None,
    ) -> ActionResult:
        """The claim's final verdict, given by an adjudicator (`reviewer`); None withdraws it."""
        label_id = self._label(verdict) if verdict is not None else None
        note = check_line("the adjudication note", note, MAX_CLAIM_TEXT)
        def build(tx: Transaction, state: ClaimState) -> list[Spec]:
            if label_id is None and state.adjudication is None:
                # Withdrawing nothing no longer applies (never given, or withdrawn already).
                raise ProjectError(f"claim {state.claim.id} has no adjudication to withdraw; "
                                   "nothing saved")
            return [("adjudicate", {"label": label_id, "note": note}, None)]

        return self._record(claim_ref, reviewer, build, seen=seen)

    # -- undo and redo --------------------------------------------------------------------

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
            if target.type in STRUCTURAL_EVENT_TYPES:
                later = tx.later_structural_change(target)
                if later is not None:
                    raise ProjectError(
                        f"cannot {kind} {describe(target)}: {later.reviewer} changed these claims "
                        f"since ({describe(later)} at {later.ts:%Y-%m-%d %H:%M:%S}); "
                        f"that change must be undone first"
                    )
                if kind == "redo" and target.type in ("span", "merge"):
                    states = [tx.claim_state(cid) for cid in target.touched_claims()]
                    check_unjudged([s for s in states if s is not None], reviewer,
                                   f"redoing {describe(target)}")
                judged = tx.later_judgement_by_others(target) if kind == "undo" else None
                if judged is not None:
                    raise ProjectError(
                        f"cannot undo {describe(target)}: {judged.reviewer} has judged claim "
                        f"{judged.claim_id} since ({describe(judged)} at "
                        f"{judged.ts:%Y-%m-%d %H:%M:%S}) as it stands; undoing would leave "
                        "that on text they never judged, so nothing was saved"
                    )
            return appended(tx, [
                new_event(kind, reviewer=reviewer, article_id=target.article_id,
                          claim_id=target.claim_id, other_id=target.id,
                          payload={"type": target.type})
            ])


def appended(tx: Transaction, events: Sequence[Event]) -> ActionResult:
    """Append an action's events (`Transaction.append_many`) and read back every claim they
    changed; the caller's transaction commits them."""
    stored = tx.append_many(events)
    return ActionResult(stored[-1], tx.claim_states(claim_ids=tx.touched, include_hidden=True))


def describe(event: Event) -> str:
    return {
        "span": f"the boundary edit of claim {event.claim_id}",
        "merge": f"the merge of claim {event.claim_id} with {event.other_id}",
        "claim_create": f"the drawing of claim {event.claim_id}",
    }.get(event.type, f"{event.type} on claim {event.claim_id}")


def _source(source: Source | dict[str, Any]) -> Source:
    """The source as it is saved: its title (one line) stripped, a quote of whitespace only
    empty; refused when a text is over its cap or the title holds a line break."""
    if not isinstance(source, Source):
        try:
            source = Source.model_validate(source)
        except ValueError as exc:
            raise ProjectError(first_error(exc)) from None
    title, quote = source.title.strip(), "" if blank(source.quote) else source.quote
    if (title, quote) != (source.title, source.quote):
        source = source.model_copy(update={"title": title, "quote": quote})
    for field_, problem in review_text_problems("", [(source.title, source.quote)]):
        raise ProjectError(f"the source {field_.rsplit('.', 1)[-1]} {problem}; nothing saved")
    return source


def _refuse_repeated_source(state: ClaimState, reviewer: str, url: str) -> None:
    """A reviewer cites a source once on a claim (a second press of save, a script run
    twice): the same URL again is refused, naming the source it repeats."""
    review = state.review_by(reviewer)
    if review is None:
        return
    key = source_url_key(url)
    for n, held in enumerate(review.sources, 1):
        if source_url_key(held.url) == key:
            raise ProjectError(
                f"claim {state.claim.id} already has {held.url[:200]} as source {n} by "
                f"{reviewer}; nothing saved (a review cites each source once: put both "
                "excerpts in one quote)"
            )


def first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        items = errors()
        if items:
            first = items[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            return f"{where}: {first.get('msg', '')}".strip(": ")
    return str(exc)
