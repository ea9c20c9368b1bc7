"""`claims similar CLAIM_ID`: claims already checked that resemble this one.

Lists the claims of the project (any article) that a reviewer gave a verdict, and the
published fact-checks loaded with `claims add --known`, closest first (see `claims.similar`).
"""

from __future__ import annotations

import click

from annotator.cli.common import cell, db_option, echo_jsonl, handle_errors, say


@click.command()
@click.argument("claim_id")
@click.option("--limit", type=click.IntRange(min=1, max=100), default=5, show_default=True,
              help="How many matches at most.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@db_option
@handle_errors
def similar(claim_id: str, limit: int, fmt: str, db: str | None) -> None:
    """Claims already checked (in any article) and published fact-checks that resemble CLAIM_ID.

    Texts are compared with accents, case, punctuation and the spelling of numbers folded
    ("1 200", "1,200" and "mille deux cents" are one number). The score is 0-100.
    """
    from claims.project import Project

    with Project.open(db, mode="read") as project:
        state = project.claim(claim_id)
        matches = project.similar(state.claim.id, limit=limit)
        scale = project.scale
    if fmt == "jsonl":
        echo_jsonl({"of": state.claim.id, **m.as_record()} for m in matches)
        return
    for m in matches:
        if m.kind == "claim":
            if m.verdict is not None:
                label = scale.get(m.verdict)
                verdict = label.name if label else m.verdict
            else:
                verdict = "disputed: " + " / ".join(dict.fromkeys(m.verdicts))
            where = f"claim {m.key}"
            detail = f"article: {m.article_title or m.article_id}"
        else:
            verdict = m.rating or "-"
            where = "published"
            detail = ", ".join(x for x in (m.publisher, m.url) if x) or "(no publisher given)"
        text = cell(m.text)
        if len(text) > 90:
            text = text[:89] + "…"
        say(f"{m.score:5.1f}  {where:<19}  {cell(verdict)[:28]:<28}  {text}")
        say(f"{'':5}  {cell(detail)}")
    say(f"{len(matches)} similar claim(s) to {state.claim.id}", err=True)
