"""The label mapping tables (scale label -> FEVER, AVeriTeC, ClaimReview rating) as Markdown,
generated from `claims/labels.py` so the documentation cannot drift from the code.

`python -m exports.labels_table` prints them; `exports/LABELS.md` is that output, and a test
checks it is up to date.
"""

from __future__ import annotations

from claims.labels import PRESETS, LabelScale


def scale_table(scale: LabelScale) -> str:
    best = max(label.rating for label in scale.labels)
    worst = min(label.rating for label in scale.labels)
    lines = [
        f"### `{scale.name}` scale",
        "",
        "| Key | Label id | Name | FEVER | AVeriTeC | ClaimReview rating |",
        "|---|---|---|---|---|---|",
    ]
    for n, label in enumerate(scale.labels, 1):
        lines.append(
            f"| {n} | `{label.id}` | {label.name} | {label.fever} | {label.averitec} | "
            f"{label.rating} of {worst}-{best} |"
        )
    return "\n".join(lines)


def label_table_markdown() -> str:
    intro = (
        "## Label scales and how they map onto datasets\n\n"
        "Each project has one label scale. Every label maps onto a FEVER label, an AVeriTeC "
        "label and a position on the ClaimReview numeric scale (`ratingValue`, with "
        "`worstRating` 1 meaning false and `bestRating` the most accurate). The FEVER and "
        "AVeriTeC exports write only claims with a final verdict: a claim reviewers disagree "
        "on, or rejected as not a claim, is left out.\n"
    )
    return intro + "\n" + "\n\n".join(scale_table(s) for s in PRESETS.values()) + "\n"


if __name__ == "__main__":
    print(label_table_markdown(), end="")
