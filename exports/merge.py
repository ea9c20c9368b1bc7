"""Merging a batch of checked records into the project, inside the import's one transaction.

A batch is records of distinct claims. Each step asks the store once for the whole batch (where
the claims are, the reviews held here, the events the log has, the adjudications), plans the
events each record needs (`exports.plan`), folds every touched claim's new state in memory from
the events it had and the planned ones, and appends the events with that state in one go
(`Transaction.append_derived`). Lines are checked in order, so the first bad line is the one
named; the outcome equals merging the records one by one.
"""

from __future__ import annotations

from typing import Any

from claims.model import Article, Claim, Event, article_id_for
from claims.project import Project, ProjectError, check_reviewer
from claims.store import ClaimPlace, EventRow, LocalReview, Transaction
from claims.store.materialise import folding_event
from exports.plan import (
    adjudication_plan,
    event_id,
    review_events,
    same_state,
    status_fix,
    utc_text,
)
from exports.records import ExportRecord, ReviewRecord

_EPOCH = "1970-01-01T00:00:00.000000Z"


class ImportFileError(ProjectError):
    """The file cannot be imported; the message names the file, the line and the field."""


class BatchMerger:
    def __init__(self, project: Project, tx: Transaction, report: Any, name: str) -> None:
        self.project = project
        self.tx = tx
        self.report = report
        self.name = name
        self.known_articles: set[str] = set()
        self.text_cache: tuple[str, str] | None = None
        self.good_reviewers: set[str] = set()

    def fail(self, lineno: int, where: str, message: str) -> ImportFileError:
        return ImportFileError(f"{self.name}:{lineno}: {where}: {message}")

    def merge(self, batch: list[tuple[int, ExportRecord]]) -> None:
        """Merge records of distinct claims (see the module docstring)."""
        if not batch:
            return
        tx, report, scale = self.tx, self.report, self.project.scale
        ids = [record.claim_id for _, record in batch]
        places = tx.claim_places(ids)
        checked: list[ExportRecord] = []
        for lineno, record in batch:
            report.records += 1
            if record.label_scale != scale.name:
                raise self.fail(lineno, "label_scale",
                                f"the file uses the {record.label_scale} scale, this project "
                                f"the {scale.name} scale")
            self._ensure_article(lineno, record)
            self._ensure_claim(lineno, record, places.get(record.claim_id))
            self._check_reviews(lineno, record)
            checked.append(record)
        local = tx.local_reviews(ids)
        plans: list[tuple[ExportRecord, ReviewRecord, LocalReview | None, str,
                          list[EventRow]]] = []
        for record in checked:
            mine_by = local.get(record.claim_id, {})
            for review in record.reviews:
                ts = utc_text(review.updated_at)
                mine = mine_by.get(review.reviewer)
                if mine is not None and mine.updated_at >= ts:
                    if same_state(mine, review):
                        report.reviews_unchanged += 1
                    else:
                        report.reviews_kept += 1
                    continue
                plans.append((record, review, mine, ts, review_events(record, review, mine, ts)))
        # An import's event ids are made from the claim's id: only a claim with events here
        # can hold any of them, and on a first import most claims have none.
        held = tx.event_ids_of_claims(list(dict.fromkeys(r.claim_id for r, *_ in plans))) \
            if plans else set()
        new: dict[str, list[EventRow]] = {}
        # claim id -> its new events in order (what the fold adds), and all of them in the
        # log's order: the reviews' events, then the adjudications', then the status fixes.
        ordered: list[EventRow] = []
        reviewers: dict[str, set[str]] = {}
        check: list[tuple[ExportRecord, ReviewRecord, str]] = []
        for record, review, mine, ts, events in plans:
            fresh = [e for e in events if e.id not in held]
            if not fresh:
                report.reviews_unchanged += 1
                continue
            new.setdefault(record.claim_id, []).extend(fresh)
            ordered += fresh
            reviewers.setdefault(record.claim_id, set()).add(review.reviewer)
            report.events += len(fresh)
            report.reviews_added += 1
            # For a new review the plan's status is exact; otherwise check it once folded.
            if mine is not None or len(fresh) != len(events):
                check.append((record, review, ts))
        for event in self._adjudication_events(checked):
            new.setdefault(event.claim_id, []).append(event)
            ordered.append(event)
            report.events += 1
        if not new:
            return
        inputs = tx.derivation_inputs(list(new))
        folds = {cid: inputs.fold(cid, map(folding_event, rows)) for cid, rows in new.items()}
        # A verdict set or cleared can move an implicit status; say the imported one explicitly.
        fixes = [
            status_fix(record, review, ts)
            for record, review, ts in check
            if (state := folds[record.claim_id].reviews.get(review.reviewer)) is None
            or state.status != review.status
        ]
        fixes = [e for e in fixes if e.id not in held]
        for fix in fixes:
            new[fix.claim_id].append(fix)
            ordered.append(fix)
            report.events += 1
        for cid in dict.fromkeys(fix.claim_id for fix in fixes):
            folds[cid] = inputs.fold(cid, map(folding_event, new[cid]))
        tx.append_derived(ordered, inputs, folds, reviewers)
        report.claims_changed += len(new)

    # -- checks and creation, one record at a time -----------------------------------------

    def _adjudication_events(self, records: list[ExportRecord]) -> list[EventRow]:
        """The `adjudicate` events that bring the records' adjudications here (the others
        counted as unchanged or kept; see `adjudication_plan`), one query for all of them."""
        adjudicated = [r for r in records if r.adjudication is not None]
        if not adjudicated:
            return []
        state = self.tx.adjudication_state([r.claim_id for r in adjudicated])
        events: list[EventRow] = []
        for record in adjudicated:
            local, latest = state.get(record.claim_id, (None, None))
            outcome = adjudication_plan(record, local, latest)
            if outcome == "unchanged":
                self.report.adjudications_unchanged += 1
            elif outcome == "kept":
                self.report.adjudications_kept += 1
            elif isinstance(outcome, EventRow):
                self.report.adjudications_added += 1
                events.append(outcome)
        return events

    def _article_text(self, article_id: str) -> str:
        if self.text_cache is None or self.text_cache[0] != article_id:
            self.text_cache = (article_id, self.tx.article_text(article_id))
        return self.text_cache[1]

    def _ensure_article(self, lineno: int, record: ExportRecord) -> None:
        ref = record.article
        if ref.id in self.known_articles:
            return
        if not self.tx.has_article(ref.id):
            if ref.text is None:
                title = f" ({ref.title!r})" if ref.title else ""
                raise self.fail(
                    lineno, "article",
                    f"article {ref.id}{title} is not in this project and the file does not "
                    "carry its text; add the article first or export with --with-articles",
                )
            if article_id_for(ref.text) != ref.id:
                raise self.fail(lineno, "article.text",
                                f"the text does not match article id {ref.id}")
            article = Article(
                id=ref.id, text=ref.text, lang=ref.lang, title=ref.title, url=ref.url,
                published=ref.published, external_id=ref.external_id,
                metadata=ref.metadata or {},
            )
            self.tx.insert_article(article, [])
            self.report.articles_created += 1
        self.known_articles.add(ref.id)

    def _ensure_claim(self, lineno: int, record: ExportRecord, place: ClaimPlace | None) -> None:
        """Check the record's claim against this project's (`place`, None when it is not
        here), or create it."""
        if place is not None:
            if place.article_id != record.article.id:
                raise self.fail(lineno, "claim_id",
                                f"claim {record.claim_id} belongs to article {place.article_id} "
                                f"here, not {record.article.id}")
            if (place.start, place.end) != (record.start, record.end):
                self.report.spans_differ += 1
            return
        text = self._article_text(record.article.id)
        if record.end > len(text) or text[record.start : record.end] != record.text:
            raise self.fail(
                lineno, "claim_id",
                f"claim {record.claim_id} is not in this project and its text is not "
                f"[{record.start}, {record.end}) of article {record.article.id} here",
            )
        claim = Claim(
            id=record.claim_id, article_id=record.article.id, start=record.start,
            end=record.end, text=record.text, kind=record.kind, score=record.score,
            reasons=list(record.reasons), quantities=list(record.quantities),
            dates=list(record.dates), speaker=record.speaker, origin=record.origin,
        )
        drawn_by = record.origin[len("reviewer:"):] if record.origin.startswith("reviewer:") \
            else None
        self.tx.insert_claim(claim, live=drawn_by is None)
        if drawn_by:
            try:
                drawn_by = check_reviewer(drawn_by)
            except ProjectError as exc:
                raise self.fail(lineno, "origin", str(exc)) from None
            stamps = [utc_text(r.updated_at) for r in record.reviews]
            ts = min(stamps) if stamps else _EPOCH
            event = _claim_create(record, drawn_by, ts)
            if not self.tx.has_event(event.id):
                self.report.events += 1
            self.tx.append(event)
        self.report.claims_created += 1

    def _check_reviews(self, lineno: int, record: ExportRecord) -> None:
        scale = self.project.scale
        seen: set[str] = set()
        for i, review in enumerate(record.reviews):
            where = f"reviews.{i}"
            if review.reviewer not in self.good_reviewers:
                try:
                    check_reviewer(review.reviewer)
                except ProjectError as exc:
                    raise self.fail(lineno, f"{where}.reviewer", str(exc)) from None
                self.good_reviewers.add(review.reviewer)
            if review.reviewer in seen:
                raise self.fail(lineno, f"{where}.reviewer",
                                f"{review.reviewer!r} has two reviews of this claim")
            seen.add(review.reviewer)
            if review.verdict is not None and scale.get(review.verdict) is None:
                raise self.fail(lineno, f"{where}.verdict",
                                f"{review.verdict!r} is not a label of the {scale.name} scale "
                                f"({', '.join(scale.ids)})")
            if review.status == "proposed" and review.verdict is not None:
                raise self.fail(lineno, f"{where}.status",
                                "a review with a verdict is accepted or rejected, not proposed")


def _claim_create(record: ExportRecord, reviewer: str, ts: str) -> Event:
    """The `claim_create` event of a claim a reviewer drew, as the log holds it."""
    from datetime import datetime

    payload = {"start": record.start, "end": record.end}
    return Event.model_construct(
        seq=None, id=event_id(record.claim_id, reviewer, "claim_create", payload, ts),
        ts=datetime.fromisoformat(ts.replace("Z", "+00:00")), reviewer=reviewer,
        type="claim_create", article_id=record.article.id, claim_id=record.claim_id,
        other_id=None, payload=payload,
    )


__all__ = ["BatchMerger", "ImportFileError"]
