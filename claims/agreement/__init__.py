"""Agreement between reviewers: how far their verdicts, claim/not-a-claim calls and spans match.

Figures are computed over the claims as they now stand (live claims) from each reviewer's own
review, so reviewers never overwrite each other's ratings:

- **verdict**: a reviewer's verdict on a claim, unless that reviewer rejected it as not a
  claim (a rejected claim has no verdict to agree on);
- **status**: "claim" when the reviewer accepted the claim (a verdict implies it) and
  "not-a-claim" when they rejected it; a claim the reviewer has not decided on is not rated.

For each, Krippendorff's alpha (nominal) over every selected reviewer, computed by the
`krippendorff` package, Cohen's kappa for each pair of reviewers, and per label the observed
and expected agreement from the coincidence matrix (with the label's own alpha, "this label
against every other", which equals ``(observed - expected) / (1 - expected)``, given when the
label occurs on at least `min_items` of the items).

Spans are compared where reviewers drew, edited or merged claims (see `span_pairs`): exact
boundary precision, recall and F1 between two reviewers' spans, plus a character-level F1.

**Too few items.** A figure is given only when it rests on at least `min_items` items (claims
rated by two or more of the reviewers; for a pair, claims both rated; for spans, distinct spans
drawn by either) from at least two reviewers, and when the ratings vary (chance agreement is
below 1; when every rating is the same label, alpha and kappa are undefined). Otherwise the
figure is None and `reason` says which of these failed.

The parts: `claims.agreement.figures` (alpha, kappa, per-label figures over any ratings),
`claims.agreement.spans` (boundaries) and `claims.agreement.report` (the report of a project).
"""

from __future__ import annotations

from claims.agreement.figures import (
    DEFAULT_MIN_ITEMS,
    MAX_MIN_ITEMS,
    Figure,
    LabelFigure,
    PairFigure,
    Ratings,
    cohen_kappa,
    measure,
    too_few,
)
from claims.agreement.report import (
    STATUS_VALUES,
    AgreementReport,
    ArticleAgreement,
    agreement_report,
    project_agreement,
)
from claims.agreement.spans import SpanEvent, SpanPair, span_pairs

__all__ = [
    "DEFAULT_MIN_ITEMS",
    "MAX_MIN_ITEMS",
    "STATUS_VALUES",
    "AgreementReport",
    "ArticleAgreement",
    "Figure",
    "LabelFigure",
    "PairFigure",
    "Ratings",
    "SpanEvent",
    "SpanPair",
    "agreement_report",
    "cohen_kappa",
    "measure",
    "project_agreement",
    "span_pairs",
    "too_few",
]
