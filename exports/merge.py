"""Merging a batch of checked records into the project, inside the import's one transaction.

A batch is records of distinct claims (`exports.plan.RecordIn`). Each step asks the store once
for the whole batch (where the claims are, the reviews held here, the events the log has, the
adjudications) and plans one `review` event for each imported review that is newer than this
project's and says something else (`exports.plan`), and an `adjudicate` event for each newer
adjudication. Such an event sets its reviewer's review (or the claim's adjudication) whole, so
the state it leads to is worked out from the event alone, by the fold's own rule
(`claims.store.derive.whole_review`, applied where the line was checked: `ReviewIn`), with no
other event read; the events and that state are written in one go
(`Transaction.append_imported`). Lines are checked in order, so the first bad line is the
one named; the outcome equals merging the records one by one.
"""

from __future__ import annotations

from typing import Any

from claims.model import Article, Claim, Event, article_id_for
from claims.project import Project, ProjectError, check_reviewer
from claims.staleness import done_by, hidden_reason
from claims.store import ClaimPlace, EventRow, Transaction
from exports.plan import RecordIn, adjudication_plan, event_id, review_event, same_state

_EPOCH = "1970-01-01T00:00:00.000000Z"


class ImportFileError(ProjectError):
    """The file cannot be imported; the message names the file, the line and the field."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class BatchMerger:
    def __init__(self, project: Project, tx: Transaction, report: Any, name: str) -> None:
        self.project = project
        self.tx = tx
        self.report = report
        self.name = name
        self.known_articles: set[str] = set()
        self.text_cache: tuple[str, str] | None = None

    def fail(self, lineno: int, where: str, message: str) -> ImportFileError:
        return ImportFileError(f"{self.name}:{lineno}: {where}: {message}", lineno)

    def merge(self, batch: list[tuple[int, RecordIn]]) -> None:
        """Merge records of distinct claims (see the module docstring), each checked by every
        rule of `exports.checks.record_problems` (reviewer names, verdicts of its scale...)."""
        if not batch:
            return
        tx, report, scale = self.tx, self.report, self.project.scale
        ids = [record.claim_id for _, record in batch]
        places = tx.claim_places(ids)
        for lineno, record in batch:
            report.records += 1
            if record.label_scale != scale.name:
                raise self.fail(lineno, "label_scale",
                                f"the file uses the {record.label_scale} scale, this project "
                                f"the {scale.name} scale")
            self._ensure_article(lineno, record)
            self._ensure_claim(lineno, record, places.get(record.claim_id))
        local = tx.local_reviews(ids)
        plans = []
        for _, record in batch:
            mine_by = local.get(record.claim_id, {})
            for review in record.reviews:
                mine = mine_by.get(review.reviewer)
                if mine is not None:
                    if same_state(mine, review):
                        report.reviews_unchanged += 1
                        continue
                    if mine.updated_at >= review.ts:
                        report.reviews_kept += 1
                        continue
                plans.append((record, review, mine))
        # An import's event ids are made from the claim's id: only a claim with events here
        # can hold any of them, and on a first import most claims have none.
        held = tx.event_ids_of_claims(list(dict.fromkeys(r.claim_id for r, _, _ in plans))) \
            if plans else set()
        events: list[EventRow] = []
        review_rows: list[tuple[Any, ...]] = []
        changed: set[str] = set()
        for record, review, mine in plans:
            if review.event_id in held:  # imported before (and perhaps undone since)
                report.reviews_unchanged += 1
                continue
            claim_text = review.claim_text
            if claim_text is None:  # the record does not say: what is held here stays
                claim_text = mine.claim_text if mine is not None else ""
            review_rows.append((record.claim_id, review.reviewer, review.status, review.verdict,
                                review.sources_text, review.rationale, claim_text,
                                mine.created_at if mine is not None else review.ts, review.ts))
            event = review_event(record, review)
            events.append(event)
            changed.add(record.claim_id)
            report.events += 1
            report.reviews_added += 1
        adjudications = []
        for record, event in self._adjudication_events([r for _, r in batch]):
            if event.id in held:
                continue
            events.append(event)
            assert record.adjudication is not None
            adjudications.append((record.claim_id, record.adjudication))
            changed.add(record.claim_id)
            report.events += 1
        hidden = {cid for cid in changed if cid in places and not places[cid].live}
        moved = {record.claim_id for _, record in batch if record.claim_id in changed
                 and record.claim_id in places and record.claim_id not in hidden
                 and (places[record.claim_id].start, places[record.claim_id].end)
                 != (record.start, record.end)}
        if hidden or moved:
            self._refuse_elsewhere(batch, hidden, moved, events)
        if events:
            tx.append_imported(events, review_rows, adjudications)
            report.claims_changed += len(changed)

    def _refuse_elsewhere(self, batch: list[tuple[int, RecordIn]], hidden: set[str],
                          moved: set[str], events: list[EventRow]) -> None:
        """A review or adjudication bound for a claim hidden here would leave every export
        though the import said it was added; one bound for a claim whose span here is not the
        record's would put a judgement of one text on another. Either is refused by the first
        line that brings one."""
        lineno, cid, record = min((n, r.claim_id, r) for n, r in batch
                                  if r.claim_id in hidden or r.claim_id in moved)
        state = self.tx.claim_state(cid)
        assert state is not None  # (its place was read in this very transaction)
        if cid in hidden:
            raise self.fail(lineno, "claim_id",
                            f"{hidden_reason(self.tx, state)}; its reviews would be hidden from "
                            "every export, so nothing was imported (undo that here first, or "
                            "leave the line out)")
        claim = state.claim
        change = self.tx.last_structural_change(cid)
        where = (f"its span was changed here{done_by(change)}" if change is not None
                 else "its span was changed where the file was made")
        judges = sorted({e.reviewer for e in events if e.claim_id == cid})
        raise self.fail(
            lineno, "start" if claim.start != record.start else "end",
            f"claim {cid} covers [{claim.start}, {claim.end}) here, not the "
            f"[{record.start}, {record.end}) that {', '.join(judges)} judged ({where}); "
            "importing would put that judgement on text they never read, so nothing was "
            f"imported (give the claim that span here first, claims span {cid} "
            f"{record.start} {record.end}, or leave the line out)")

    # -- checks and creation, one record at a time -----------------------------------------

    def _adjudication_events(self, records: list[RecordIn]) -> list[tuple[RecordIn, EventRow]]:
        """The `adjudicate` events that bring the records' adjudications here (the others
        counted as unchanged or kept; see `adjudication_plan`), one query for all of them."""
        adjudicated = [r for r in records if r.adjudication is not None]
        if not adjudicated:
            return []
        state = self.tx.adjudication_state([r.claim_id for r in adjudicated])
        events: list[tuple[RecordIn, EventRow]] = []
        for record in adjudicated:
            local, latest = state.get(record.claim_id, (None, None))
            outcome = adjudication_plan(record, local, latest)
            if outcome == "unchanged":
                self.report.adjudications_unchanged += 1
            elif outcome == "kept":
                self.report.adjudications_kept += 1
            elif isinstance(outcome, EventRow):
                self.report.adjudications_added += 1
                events.append((record, outcome))
        return events

    def _article_text(self, article_id: str) -> str:
        if self.text_cache is None or self.text_cache[0] != article_id:
            self.text_cache = (article_id, self.tx.article_text(article_id))
        return self.text_cache[1]

    def _ensure_article(self, lineno: int, record: RecordIn) -> None:
        if record.article_id in self.known_articles:
            return
        if not self.tx.has_article(record.article_id):
            ref = record.record().article
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
        self.known_articles.add(record.article_id)

    def _ensure_claim(self, lineno: int, record: RecordIn, place: ClaimPlace | None) -> None:
        """Check the record's claim against this project's (`place`, None when it is not
        here), or create it."""
        if place is not None:
            if place.article_id != record.article_id:
                raise self.fail(lineno, "claim_id",
                                f"claim {record.claim_id} belongs to article {place.article_id} "
                                f"here, not {record.article_id}")
            if (place.start, place.end) != (record.start, record.end):
                self.report.spans_differ += 1
            return
        text = self._article_text(record.article_id)
        if record.end > len(text) or text[record.start : record.end] != record.text:
            raise self.fail(
                lineno, "claim_id",
                f"claim {record.claim_id} is not in this project and its text is not "
                f"[{record.start}, {record.end}) of article {record.article_id} here",
            )
        full = record.record()
        claim = Claim(
            id=full.claim_id, article_id=full.article.id, start=full.start,
            end=full.end, text=full.text, kind=full.kind, score=full.score,
            reasons=list(full.reasons), quantities=list(full.quantities),
            dates=list(full.dates), speaker=full.speaker, origin=full.origin,
        )
        drawn_by = record.origin[len("reviewer:"):] if record.origin.startswith("reviewer:") \
            else None
        self.tx.insert_claim(claim, live=drawn_by is None)
        if drawn_by:
            try:
                drawn_by = check_reviewer(drawn_by)
            except ProjectError as exc:
                raise self.fail(lineno, "origin", str(exc)) from None
            stamps = [r.ts for r in record.reviews]
            ts = min(stamps) if stamps else _EPOCH
            event = _claim_create(record, drawn_by, ts)
            if not self.tx.has_event(event.id):
                self.report.events += 1
            self.tx.append(event)
        self.report.claims_created += 1


def _claim_create(record: RecordIn, reviewer: str, ts: str) -> Event:
    """The `claim_create` event of a claim a reviewer drew, as the log holds it."""
    from datetime import datetime

    payload = {"start": record.start, "end": record.end}
    return Event.model_construct(
        seq=None, id=event_id(record.claim_id, reviewer, "claim_create", payload, ts),
        ts=datetime.fromisoformat(ts.replace("Z", "+00:00")), reviewer=reviewer,
        type="claim_create", article_id=record.article_id, claim_id=record.claim_id,
        other_id=None, payload=payload,
    )


__all__ = ["BatchMerger", "ImportFileError"]
