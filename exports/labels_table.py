"""The label mapping tables (scale label -> FEVER, AVeriTeC, ClaimReview rating) as Markdown,
generated from `claims/labels.py` so the documentation cannot drift from the code.

`python -m exports.labels_table` prints them; `exports/LABELS.md` is that output, and a test
checks it is up to date.
"""

from __future__ import annotations

from claims.labels import PRESETS, LabelScale


def scale_table(scale: LabelScale) -> str:
    worst, best = scale.rating_range or (0, 0)
    lines = [
        f"### `{scale.name}` scale",
        "",
        "| Key | Label id | Name | FEVER | AVeriTeC | ClaimReview rating |",
        "|---|---|---|---|---|---|",
    ]
    for n, label in enumerate(scale.labels, 1):
        rating = f"{label.rating} of {worst}-{best}" if label.rating is not None else \
            "none (not on the truth scale)"
        lines.append(
            f"| {n} | `{label.id}` | {label.name} | {label.fever} | {label.averitec} | "
            f"{rating} |"
        )
    return "\n".join(lines)


def label_table_markdown() -> str:
    intro = (
        "## Label scales and how they map onto datasets\n\n"
        "Each project has one label scale. Every label maps onto a FEVER label, an AVeriTeC "
        "label and a position on the ClaimReview numeric scale (`ratingValue`, with "
        "`worstRating` 1 meaning false and `bestRating` the most accurate). A label that says "
        "nothing of how true the claim is (not enough evidence, conflicting, unverifiable) has "
        "no rating: its ClaimReview carries only the label's name, so sorting by `ratingValue` "
        "never ranks it. The FEVER, AVeriTeC and ClaimReview exports write only claims with a "
        "final verdict (an adjudicated one, or one all reviewers agree on): a disputed claim "
        "that was not adjudicated, or one rejected as not a claim, is left out.\n"
    )
    return intro + "\n" + "\n\n".join(scale_table(s) for s in PRESETS.values()) + "\n"


if __name__ == "__main__":
    print(label_table_markdown(), end="")
