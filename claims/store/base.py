"""The store: an append-only event log plus the state materialised from it.

Every reviewer action goes through `Store.append`, which in one transaction appends the event
and re-derives the state of the claims it touches. The transaction commits before `append`
returns, so a caller that hears "done" can tell the user "done": a crash after that point loses
nothing. Backends (SQLite, PostgreSQL) differ only in how they connect, lock and spell a few
SQL types; the queries here are shared and written with `?` placeholders.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

import orjson

from claims.model import (
    ACTION_TYPES,
    Article,
    Claim,
    ClaimState,
    DateSpan,
    Event,
    KnownClaim,
    Quantity,
    Review,
    Source,
    utc_now,
)
from claims.store.schema import SCHEMA_VERSION, pending_statements


class StoreError(Exception):
    """A store operation failed in a way the user should hear about (disk full, locked...)."""


class SchemaTooNew(StoreError):
    pass


class Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


REVIEW_EVENT_TYPES = ("verdict", "status", "source_add", "source_remove", "rationale")
CLAIM_EVENT_TYPES = ("span", "claim_create", "merge")

_CLAIM_COLUMNS = (
    "id, article_id, span_start, span_end, text, kind, score, reasons, quantities, dates, "
    "speaker, origin"
)
_EVENT_COLUMNS = "seq, id, ts, reviewer, type, article_id, claim_id, other_id, payload"
_ACTIVE = (
    "(SELECT COUNT(*) FROM events t WHERE t.other_id = e.id AND t.type IN ('undo', 'redo')) "
    "% 2 = 0"
)


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _ts(value: datetime) -> str:
    return value.isoformat(timespec="microseconds").replace("+00:00", "Z")


def _parse_ts(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str | None
    lang: str
    published: date | None
    url: str | None
    n_claims: int
    n_reviewed: int
    """Claims the asking reviewer (or anyone, when none is given) has decided on."""
    ord: int


class Store:
    """Backend-independent logic; subclasses provide `_connect` and the transaction lock."""

    dialect: str = "sqlite"
    url: str = ""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._conn: Any = None

    # -- connection and transactions (backends override) ------------------------------

    def _begin(self, cur: Any) -> None:
        raise NotImplementedError

    def _translate(self, sql: str) -> str:
        return sql

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[_Tx]:
        """One atomic unit of work, committed when the block ends without an exception.

        `write=False` opens a read snapshot that never blocks writers.
        """
        raise NotImplementedError
        yield  # pragma: no cover

    def read(self) -> AbstractContextManager[_Tx]:
        return self.transaction(write=False)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------

    def _migrate(self) -> None:
        with self.transaction() as tx:
            tx.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = tx.one("SELECT value FROM meta WHERE key = 'schema_version'")
            current = int(row[0]) if row else 0
            if current > SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"{self.url}: database schema version {current} is newer than this "
                    f"program's ({SCHEMA_VERSION}); upgrade claims"
                )
            for version, statements in pending_statements(current, self.dialect):
                for statement in statements:
                    tx.execute(statement)
                tx.set_meta("schema_version", str(version))

    def schema_version(self) -> int:
        with self.read() as tx:
            value = tx.get_meta("schema_version")
        return int(value) if value else 0

    def get_meta(self, key: str) -> str | None:
        with self.read() as tx:
            return tx.get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.set_meta(key, value)


class _Tx:
    """A transaction handle: typed helpers over one cursor, used inside `Store.transaction`."""

    def __init__(self, store: Store, cur: Any) -> None:
        self.store = store
        self.cur = cur

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.cur.execute(self.store._translate(sql), tuple(params))
        return self.cur

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self.execute(sql, params).fetchall())

    # -- meta ---------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- articles and proposed claims -------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def insert_article(
        self, article: Article, claims: Sequence[Claim] | Sequence[dict[str, Any]]
    ) -> None:
        """Insert an article and its proposed claims: `Claim` models, or the extractor's
        JSON-shaped records (with `article_id` and `origin` set), which skip a model round trip.
        """
        published = article.published.isoformat() if article.published else None
        args = [
            article.id,
            article.text,
            article.lang,
            article.title,
            article.url,
            published,
            article.external_id,
            _dumps(article.metadata),
            _ts(utc_now()),
        ]
        if self.store.dialect == "postgres":
            self.execute(
                "INSERT INTO articles (id, text, lang, title, url, published, external_id, "
                "metadata, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                args,
            )
        else:
            row = self.one("SELECT COALESCE(MAX(ord), 0) + 1 FROM articles")
            self.execute(
                "INSERT INTO articles (id, ord, text, lang, title, url, published, "
                "external_id, metadata, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [args[0], row[0], *args[1:]],
            )
        records = [c for c in claims if isinstance(c, dict)]
        for claim in claims:
            if not isinstance(claim, dict):
                self.insert_claim(claim)
        if records:
            self.cur.executemany(
                self.store._translate(
                    f"INSERT INTO claims ({_CLAIM_COLUMNS}, base, live) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING"
                ),
                [_record_row(r) for r in records],
            )

    def insert_claim(self, claim: Claim, *, live: bool = True) -> None:
        base = claim.model_dump(mode="json", by_alias=True)
        self.execute(
            f"INSERT INTO claims ({_CLAIM_COLUMNS}, base, live) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (*_claim_row(claim), _dumps(base), 1 if live else 0),
        )

    def article(self, article_id: str) -> Article | None:
        row = self.one(
            "SELECT id, text, lang, title, url, published, external_id, metadata "
            "FROM articles WHERE id = ?",
            (article_id,),
        )
        return _article_from_row(row) if row else None

    # -- events ------------------------------------------------------------------------

    def insert_event(self, event: Event) -> Event:
        """Append `event` unless an event with its id is already in the log."""
        self.execute(
            "INSERT INTO events (id, ts, reviewer, type, article_id, claim_id, other_id, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (
                event.id,
                _ts(event.ts),
                event.reviewer,
                event.type,
                event.article_id,
                event.claim_id,
                event.other_id,
                _dumps(event.payload),
            ),
        )
        row = self.one("SELECT seq FROM events WHERE id = ?", (event.id,))
        return event.model_copy(update={"seq": int(row[0])})

    def event(self, event_id: str) -> Event | None:
        row = self.one(f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,))
        return _event_from_row(row) if row else None

    def is_active(self, event_id: str) -> bool:
        row = self.one(
            "SELECT COUNT(*) FROM events WHERE other_id = ? AND type IN ('undo', 'redo')",
            (event_id,),
        )
        return int(row[0]) % 2 == 0

    def undo_target(self, reviewer: str) -> Event | None:
        """The reviewer's latest action that is still in effect."""
        types = ", ".join(f"'{t}'" for t in ACTION_TYPES)
        row = self.one(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE reviewer = ? AND type IN ({types}) "
            f"AND {_ACTIVE} ORDER BY seq DESC LIMIT 1",
            (reviewer,),
        )
        return _event_from_row(row) if row else None

    def redo_target(self, reviewer: str) -> Event | None:
        """The action the reviewer's latest undo took back, if no new action came since."""
        types = ", ".join(f"'{t}'" for t in ACTION_TYPES)
        last = self.one(
            f"SELECT COALESCE(MAX(seq), 0) FROM events WHERE reviewer = ? AND type IN ({types})",
            (reviewer,),
        )
        rows = self.all(
            "SELECT other_id FROM events WHERE reviewer = ? AND type = 'undo' AND seq > ? "
            "ORDER BY seq DESC",
            (reviewer, last[0]),
        )
        for (target_id,) in rows:
            if not self.is_active(target_id):
                return self.event(target_id)
        return None

    def later_structural_change(self, target: Event) -> Event | None:
        """An active boundary change (span, merge, drawing) made after `target` to the claims
        `target` touches, by anyone: undoing or redoing `target` under it would overlap or hide
        text."""
        claims = [target.claim_id]
        if target.type == "merge" and target.other_id:
            claims.append(target.other_id)
        marks = ", ".join("?" for _ in claims)
        row = self.one(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE seq > ? AND id != ? "
            "AND type IN ('span', 'merge', 'claim_create') "
            f"AND (claim_id IN ({marks}) OR (type = 'merge' AND other_id IN ({marks}))) "
            f"AND {_ACTIVE} ORDER BY seq DESC LIMIT 1",
            (target.seq, target.id, *claims, *claims),
        )
        return _event_from_row(row) if row else None

    def events(
        self,
        *,
        claim_id: str | None = None,
        reviewer: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[Event]:
        where, params = [], []
        if claim_id is not None:
            where.append(
                "(claim_id = ? OR (type = 'merge' AND other_id = ?) OR (type IN ('undo', 'redo') "
                "AND other_id IN (SELECT m.id FROM events m WHERE m.type = 'merge' "
                "AND m.other_id = ?)))"
            )
            params += [claim_id, claim_id, claim_id]
        if reviewer is not None:
            where.append("reviewer = ?")
            params.append(reviewer)
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC" if newest_first else " ORDER BY seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_event_from_row(row) for row in self.all(sql, params)]

    def active_events_touching(self, claim_id: str) -> list[Event]:
        rows = self.all(
            f"SELECT {_EVENT_COLUMNS} FROM events e "
            "WHERE (claim_id = ? OR (type = 'merge' AND other_id = ?)) "
            f"AND type NOT IN ('undo', 'redo') AND {_ACTIVE} ORDER BY seq",
            (claim_id, claim_id),
        )
        return [_event_from_row(row) for row in rows]

    # -- derived state -------------------------------------------------------------------

    def rederive(self, claim_id: str) -> None:
        """Recompute the claim's span and every review of it from the active events."""
        row = self.one("SELECT base, article_id FROM claims WHERE id = ?", (claim_id,))
        if row is None:
            return
        claim = Claim.model_validate(orjson.loads(row[0]))
        article_text: str | None = None
        events = self.active_events_touching(claim_id)
        live = not claim.origin.startswith("reviewer:")
        merged_into: str | None = None
        reviews: dict[str, dict[str, Any]] = {}
        for event in events:
            p = event.payload
            if event.type == "claim_create":
                live = True
            elif event.type in ("span", "merge") and event.claim_id == claim_id:
                if article_text is None:
                    article_text = self.one("SELECT text FROM articles WHERE id = ?", (row[1],))[0]
                start, end = int(p["start"]), int(p["end"])
                extra = [Quantity.model_validate(q) for q in p.get("quantities", [])]
                extra_dates = [DateSpan.model_validate(d) for d in p.get("dates", [])]
                claim = _respan(claim, article_text, start, end, extra, extra_dates)
                if event.type == "span" and "speaker" in p:
                    claim = claim.model_copy(update={"speaker": p["speaker"]})
            elif event.type == "merge":
                merged_into = event.claim_id
            elif event.type in REVIEW_EVENT_TYPES:
                review = reviews.setdefault(
                    event.reviewer,
                    {"status": "proposed", "verdict": None, "sources": [], "rationale": "",
                     "created_at": event.ts, "updated_at": event.ts, "explicit": False},
                )
                review["updated_at"] = event.ts
                if event.type == "verdict":
                    review["verdict"] = p.get("label")
                elif event.type == "status":
                    review["status"] = p["status"]
                    review["explicit"] = p["status"] != "proposed"
                elif event.type == "source_add":
                    review["sources"].append(p["source"])
                elif event.type == "source_remove":
                    index = int(p["index"])
                    if 0 <= index < len(review["sources"]):
                        review["sources"].pop(index)
                elif event.type == "rationale":
                    review["rationale"] = p.get("text", "")
                if not review["explicit"]:
                    # A verdict implies the claim is kept; clearing it takes that back.
                    review["status"] = "accepted" if review["verdict"] is not None else "proposed"
        self.execute(
            "UPDATE claims SET span_start = ?, span_end = ?, text = ?, quantities = ?, dates = ?, "
            "speaker = ?, merged_into = ?, live = ? WHERE id = ?",
            (
                claim.start,
                claim.end,
                claim.text,
                _dumps([q.model_dump(mode="json") for q in claim.quantities]),
                _dumps([d.model_dump(mode="json", by_alias=True) for d in claim.dates]),
                claim.speaker,
                merged_into,
                1 if live and merged_into is None else 0,
                claim_id,
            ),
        )
        self.execute("DELETE FROM reviews WHERE claim_id = ?", (claim_id,))
        for reviewer, r in reviews.items():
            self.execute(
                "INSERT INTO reviews (claim_id, reviewer, status, verdict, sources, rationale, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    claim_id,
                    reviewer,
                    r["status"],
                    r["verdict"],
                    _dumps(r["sources"]),
                    r["rationale"],
                    _ts(r["created_at"]),
                    _ts(r["updated_at"]),
                ),
            )

    # -- reads --------------------------------------------------------------------------

    def claim_states(
        self,
        *,
        article_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        include_hidden: bool = False,
    ) -> list[ClaimState]:
        where, params = [], []
        if article_id is not None:
            where.append("c.article_id = ?")
            params.append(article_id)
        if claim_ids is not None:
            if not claim_ids:
                return []
            where.append(f"c.id IN ({', '.join('?' for _ in claim_ids)})")
            params += list(claim_ids)
        if not include_hidden:
            where.append("c.live = 1")
        sql = (
            f"SELECT c.{_CLAIM_COLUMNS.replace(', ', ', c.')}, c.live FROM claims c"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY c.span_start, c.span_end, c.id"
        )
        rows = self.all(sql, params)
        claims = [_claim_from_row(row) for row in rows]
        reviews = self.reviews_for([c.id for c in claims]) if claims else {}
        return [
            ClaimState.model_construct(claim=c, reviews=reviews.get(c.id, []), live=bool(row[12]))
            for c, row in zip(claims, rows, strict=True)
        ]

    def reviews_for(self, claim_ids: Sequence[str]) -> dict[str, list[Review]]:
        out: dict[str, list[Review]] = {}
        for chunk_start in range(0, len(claim_ids), 500):
            chunk = claim_ids[chunk_start : chunk_start + 500]
            rows = self.all(
                "SELECT claim_id, reviewer, status, verdict, sources, rationale, created_at, "
                f"updated_at FROM reviews WHERE claim_id IN ({', '.join('?' for _ in chunk)}) "
                "ORDER BY claim_id, reviewer",
                chunk,
            )
            for row in rows:
                out.setdefault(row[0], []).append(_review_from_row(row))
        return out

    def article_summaries(self, reviewer: str | None = None) -> list[ArticleSummary]:
        counts = {
            row[0]: int(row[1])
            for row in self.all(
                "SELECT article_id, COUNT(*) FROM claims WHERE live = 1 GROUP BY article_id"
            )
        }
        reviewed_sql = (
            "SELECT c.article_id, COUNT(DISTINCT c.id) FROM claims c JOIN reviews r "
            "ON r.claim_id = c.id WHERE c.live = 1 "
            "AND (r.status != 'proposed' OR r.verdict IS NOT NULL)"
        )
        params: list[Any] = []
        if reviewer is not None:
            reviewed_sql += " AND r.reviewer = ?"
            params.append(reviewer)
        reviewed = {
            row[0]: int(row[1]) for row in self.all(reviewed_sql + " GROUP BY c.article_id", params)
        }
        rows = self.all("SELECT id, title, lang, published, url, ord FROM articles ORDER BY ord")
        return [
            ArticleSummary(
                id=r[0],
                title=r[1],
                lang=r[2],
                published=date.fromisoformat(r[3]) if r[3] else None,
                url=r[4],
                n_claims=counts.get(r[0], 0),
                n_reviewed=reviewed.get(r[0], 0),
                ord=int(r[5]),
            )
            for r in rows
        ]

    def find_claims(self, prefix: str) -> list[str]:
        """Claim ids equal to, or else starting with, `prefix` (at most 3); index lookups only."""
        if self.one("SELECT 1 FROM claims WHERE id = ?", (prefix,)) is not None:
            return [prefix]
        return self._ids_with_prefix("claims", prefix)

    def _ids_with_prefix(self, table: str, prefix: str) -> list[str]:
        if self.store.dialect == "postgres":
            # A range on a collated text column is not a prefix match under every locale.
            pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self.all(
                f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 3",
                (pattern,),
            )
        else:
            # SQLite compares text bytewise: this range is exactly the prefix, on the index.
            rows = self.all(
                f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
                (prefix, prefix + "\uffff"),
            )
        return [r[0] for r in rows]

    # -- reference claims (published fact-checks) -----------------------------------------

    def insert_known(self, known: Sequence[KnownClaim]) -> int:
        """Add reference claims; one already held (same id) is left as it is. Returns how many
        were new."""
        added = 0
        now = _ts(utc_now())
        for k in known:
            if self.one("SELECT 1 FROM known_claims WHERE id = ?", (k.id,)) is not None:
                continue
            self.execute(
                "INSERT INTO known_claims (id, text, rating, rating_value, best_rating, "
                "worst_rating, publisher, url, claimant, reviewed_on, lang, origin, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (k.id, k.text, k.rating, k.rating_value, k.best_rating, k.worst_rating,
                 k.publisher, k.url, k.claimant,
                 k.reviewed_on.isoformat() if k.reviewed_on else None, k.lang, k.origin, now),
            )
            added += 1
        return added

    def known_claims(self) -> list[KnownClaim]:
        rows = self.all(
            "SELECT id, text, rating, rating_value, best_rating, worst_rating, publisher, url, "
            "claimant, reviewed_on, lang, origin FROM known_claims ORDER BY added_at, id"
        )
        return [
            KnownClaim.model_construct(
                id=r[0], text=r[1], rating=r[2], rating_value=r[3], best_rating=r[4],
                worst_rating=r[5], publisher=r[6], url=r[7], claimant=r[8],
                reviewed_on=date.fromisoformat(r[9]) if r[9] else None, lang=r[10], origin=r[11],
            )
            for r in rows
        ]

    def checked_claims(self) -> list[tuple[str, str, str, str | None, str, str, str | None]]:
        """Live claims some reviewer gave a verdict (rejections aside), with their article:
        (claim id, text, article id, article title, lang, reviewer, verdict) per review."""
        # Articles are read apart: their title and language sit after the text in the row,
        # and a join would read every article's whole text once per review.
        articles = {
            r[0]: (r[1], r[2]) for r in self.all("SELECT id, title, lang FROM articles")
        }
        rows = self.all(
            "SELECT c.id, c.text, c.article_id, r.reviewer, r.verdict "
            "FROM reviews r JOIN claims c ON c.id = r.claim_id "
            "WHERE r.verdict IS NOT NULL AND r.status != 'rejected' AND c.live = 1 "
            "ORDER BY c.id, r.reviewer"
        )
        return [
            (r[0], r[1], r[2], *articles.get(r[2], (None, "und")), r[3], r[4]) for r in rows
        ]

    def find_articles(self, ref: str) -> list[str]:
        """Article ids equal to or starting with `ref`, or whose external id is `ref`."""
        if self.one("SELECT 1 FROM articles WHERE id = ?", (ref,)) is not None:
            return [ref]
        rows = self.all(
            "SELECT id FROM articles WHERE external_id = ? ORDER BY ord LIMIT 3", (ref,)
        )
        if rows:
            return [r[0] for r in rows]
        return self._ids_with_prefix("articles", ref)


def new_event(
    type_: str,
    *,
    reviewer: str,
    article_id: str,
    claim_id: str,
    other_id: str | None = None,
    payload: dict[str, Any] | None = None,
) -> Event:
    return Event(
        id=uuid.uuid4().hex,
        ts=utc_now(),
        reviewer=reviewer,
        type=type_,
        article_id=article_id,
        claim_id=claim_id,
        other_id=other_id,
        payload=payload or {},
    )


def _respan(
    claim: Claim,
    text: str,
    start: int,
    end: int,
    extra_quantities: list[Quantity],
    extra_dates: list[DateSpan],
) -> Claim:
    """The claim moved to `[start, end)`, keeping only the facets that still lie inside it."""
    quantities = [q for q in [*claim.quantities, *extra_quantities] if start <= q.start and q.end <= end]
    dates = [d for d in [*claim.dates, *extra_dates] if start <= d.start and d.end <= end]
    return claim.model_copy(
        update={
            "start": start,
            "end": end,
            "text": text[start:end],
            "quantities": _unique(quantities),
            "dates": _unique(dates),
        }
    )


def _unique(items: list[Any]) -> list[Any]:
    seen, out = set(), []
    for item in items:
        key = (item.start, item.end, item.text)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


_RECORD_KEYS = (
    "id", "article_id", "start", "end", "text", "kind", "score", "reasons", "quantities",
    "dates", "speaker", "origin",
)


def _record_row(record: dict[str, Any]) -> tuple[Any, ...]:
    base = {key: record[key] for key in _RECORD_KEYS}
    return (
        record["id"],
        record["article_id"],
        record["start"],
        record["end"],
        record["text"],
        record["kind"],
        float(record["score"]),
        _dumps(record["reasons"]),
        _dumps(record["quantities"]),
        _dumps(record["dates"]),
        record["speaker"],
        record["origin"],
        _dumps(base),
    )


def _claim_row(claim: Claim) -> tuple[Any, ...]:
    return (
        claim.id,
        claim.article_id,
        claim.start,
        claim.end,
        claim.text,
        claim.kind,
        claim.score,
        _dumps(claim.reasons),
        _dumps([q.model_dump(mode="json") for q in claim.quantities]),
        _dumps([d.model_dump(mode="json", by_alias=True) for d in claim.dates]),
        claim.speaker,
        claim.origin,
    )


def _claim_from_row(row: Sequence[Any]) -> Claim:
    return Claim.model_construct(
        id=row[0],
        article_id=row[1],
        start=int(row[2]),
        end=int(row[3]),
        text=row[4],
        kind=row[5],
        score=float(row[6]),
        reasons=orjson.loads(row[7]),
        quantities=[Quantity.model_construct(**q) for q in orjson.loads(row[8])],
        dates=[
            DateSpan.model_construct(
                from_=date.fromisoformat(d["from"]) if d.get("from") else None,
                to=date.fromisoformat(d["to"]) if d.get("to") else None,
                text=d["text"],
                start=d["start"],
                end=d["end"],
            )
            for d in orjson.loads(row[9])
        ],
        speaker=row[10],
        origin=row[11],
    )


def _review_from_row(row: Sequence[Any]) -> Review:
    return Review.model_construct(
        claim_id=row[0],
        reviewer=row[1],
        status=row[2],
        verdict=row[3],
        sources=[Source.model_validate(s) for s in orjson.loads(row[4])],
        rationale=row[5],
        created_at=_parse_ts(row[6]),
        updated_at=_parse_ts(row[7]),
    )


def _article_from_row(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        text=row[1],
        lang=row[2],
        title=row[3],
        url=row[4],
        published=date.fromisoformat(row[5]) if row[5] else None,
        external_id=row[6],
        metadata=orjson.loads(row[7]),
    )


def _event_from_row(row: Sequence[Any]) -> Event:
    return Event.model_construct(
        seq=int(row[0]),
        id=row[1],
        ts=_parse_ts(row[2]),
        reviewer=row[3],
        type=row[4],
        article_id=row[5],
        claim_id=row[6],
        other_id=row[7],
        payload=orjson.loads(row[8]),
    )
