"""What several formats share: the export settings, the final reviews and their sources."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from claims.labels import Label, LabelScale
from exports.reader import ArticleRow, ClaimRow, Filters, ReviewRow


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks (ClaimReview `author` and `url`)."""

    name: str
    url: str | None = None
    review_url: str | None = None
    """Template of a fact-check's address, with `{claim_id}`; default `<url>#claim-<id>`."""

    def url_for(self, claim_id: str) -> str | None:
        if self.review_url:
            return self.review_url.replace("{claim_id}", claim_id)
        if self.url:
            return f"{self.url}#claim-{claim_id}"
        return None


DISPUTED = "disputed (reviewers disagree, not adjudicated)"
REJECTED = "rejected as not a claim"
NO_VERDICT = "without a verdict"
ADJUDICATED_NONE = "adjudicated without a verdict"
UNKNOWN_LABEL = "verdict not in the project's scale"
FILTERED = "not selected by the filters"


@dataclass
class ExportReport:
    """What an export wrote and what it left out, for the one-line summary on stderr."""

    records: int = 0
    claims: int = 0
    """Claims looked at (after the article filter)."""
    left_out: Counter[str] = field(default_factory=Counter)
    """Reason -> claims left out for it."""
    warnings: dict[str, list[str]] = field(default_factory=dict)
    """Warning -> the ids of the claims it concerns, in export order."""

    def leave_out(self, reason: str) -> None:
        self.left_out[reason] += 1

    def warn(self, what: str, claim_id: str) -> None:
        self.warnings.setdefault(what, []).append(claim_id)

    @property
    def n_left_out(self) -> int:
        return sum(self.left_out.values())

    def summary(self, fmt: str, where: str) -> str:
        """'wrote 4 fever records to out.jsonl; left out 3 of 7 claims: 2 disputed (...), ...'"""
        line = f"wrote {self.records} {fmt} records to {where}"
        if not self.left_out:
            return line + f"; left out 0 of {self.claims} claims"
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(
            self.left_out.items(), key=lambda item: (-item[1], item[0])))
        return line + f"; left out {self.n_left_out} of {self.claims} claims: {reasons}"

    def warning_lines(self, limit: int = 5) -> list[str]:
        lines = []
        for what, ids in self.warnings.items():
            shown = ", ".join(ids[:limit]) + (f", ... ({len(ids) - limit} more)"
                                               if len(ids) > limit else "")
            lines.append(f"{len(ids)} {what}: {shown}")
        return lines


@dataclass(frozen=True)
class ExportContext:
    """Everything a format needs besides the rows: the project's scale, filters, publisher,
    and the report the formats count what they leave out in."""

    scale: LabelScale
    filters: Filters = field(default_factory=Filters)
    publisher: Publisher | None = None
    report: ExportReport = field(default_factory=ExportReport)


def final_verdict(claim: ClaimRow) -> str | None:
    """The claim's final verdict, the one every export writes: the adjudicated verdict when
    the claim was adjudicated, else the single reviewer's or the one all reviewers agree on.
    (`ClaimRow.verdict`; kept here so every format asks one function.)"""
    return claim.verdict


def final_label(ctx: ExportContext, claim: ClaimRow) -> Label | None:
    """The label of the claim's final verdict, or None after counting why it has none
    (no verdict, disputed and not adjudicated, rejected as not a claim) in the report."""
    verdict = final_verdict(claim)
    adjudicated = claim.adjudication is not None
    reason = None
    if verdict is None:
        if adjudicated:
            reason = ADJUDICATED_NONE
        elif claim.disputed:
            reason = DISPUTED
        elif claim.status == "rejected":
            reason = REJECTED
        else:
            reason = NO_VERDICT
    elif claim.status == "rejected" and not adjudicated:
        reason = REJECTED
    label = ctx.scale.get(verdict) if reason is None and verdict is not None else None
    if reason is None and label is None:
        reason = UNKNOWN_LABEL
    if reason is not None:
        ctx.report.leave_out(reason)
        return None
    return label


def final_reviews(claim: ClaimRow) -> list[ReviewRow]:
    """The reviews that give the final verdict (rejections left out), by reviewer. An
    adjudicated verdict nobody gave falls back on every review that kept the claim."""
    verdict = final_verdict(claim)
    kept = [r for r in claim.reviews if r.status != "rejected"]
    agreeing = [r for r in kept if r.verdict == verdict]
    if not agreeing and claim.adjudication is not None:
        return kept
    return agreeing


def checked_claim(claim: ClaimRow) -> str:
    """The claim as checked: a reviewer's standalone rewrite when there is one, else the
    article's words."""
    return claim.checked_text or claim.text


def final_sources(claim: ClaimRow) -> list[dict[str, Any]]:
    """Sources of the final reviews, in reviewer then entry order, each (url, quote) once."""
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    for review in final_reviews(claim):
        for source in review.source_list():
            key = (source.get("url", ""), source.get("quote", ""))
            if key not in seen:
                seen.add(key)
                out.append(source)
    return out


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if host and host.startswith("www."):
        host = host[4:]
    return host or None


def outlet_of(article: ArticleRow, *, host_fallback: bool = True) -> str | None:
    """The outlet that published the article: metadata `source`/`publisher`, else (with
    `host_fallback`) the URL's host name."""
    import orjson

    if article.metadata and article.metadata != "{}":
        meta = orjson.loads(article.metadata)
        for key in ("source", "publisher", "site_name", "outlet"):
            value = meta.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return host_of(article.url) if host_fallback else None
