"""`claims annotate [FILE ...]`: import the files given, then open the keyboard annotator.

Files are read and checked before anything is written (a bad one refuses the command with its
name); an article already in the project is not added twice. Textual is imported only here,
after the arguments are checked, so a mistake on the command line costs no startup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from annotator.cli.common import (
    UserError,
    db_option,
    handle_errors,
    parse_date,
    reviewer_option,
)

__all__ = ["LONG_ARTICLE", "annotate"]


def _progress(total: int) -> Callable[[int], None] | None:
    """A one-line counter on stderr while a big batch is extracted (the UI is not up yet)."""
    if total < 20 or not sys.stderr.isatty():
        return None

    def show(done: int) -> None:
        end = "\n" if done >= total else ""
        click.echo(f"\rclaims: proposing claims for {done}/{total} articles", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show


LONG_ARTICLE = 64_000
"""Characters beyond which a new article opens before its claims are proposed: more than one
extraction window (`claims.extract.stream.WINDOW`, not imported here: the extractor costs
~0.3 s to load, paid in the background instead)."""


@click.command(
    epilog="Keys: j/k or arrows move, J/K next/previous claim to review (check-worthy "
    "first; a verdict or x moves on by itself), f filters, 1-9 verdict, 0 clears, x rejects, "
    "a accepts, s source, "
    "n rationale, r the claim as checked, y copies, u/ctrl+r undo/redo, / search (> < step), "
    "e boundaries, c new claim, m merge, "
    "]/[ next/previous article, o articles, ctrl+p commands, ? every key, q quits. "
    "Remap keys in $CLAIMS_CONFIG or ~/.config/claims/config.toml ([keymap] id = \"keys\")."
)
@click.argument("files", nargs=-1)
@click.option("--lang", type=click.Choice(["fr", "en", "auto"]), default="auto",
              show_default=True, help="Language of the files given.")
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date of the files given (dates resolve against it).")
@click.option("--encoding", default=None, help="Text encoding of the files (default: UTF-8).")
@click.option("--scale", default=None, help="Label scale, for a new project only.")
@db_option
@reviewer_option
@handle_errors
def annotate(
    files: tuple[str, ...],
    lang: str,
    published: str | None,
    encoding: str | None,
    scale: str | None,
    db: str | None,
    reviewer: str | None,
) -> None:
    """Open the keyboard-driven annotator on the project, adding FILES first."""
    from annotator.cli.article_files import ArticleFiles
    from claims.project import Project, check_reviewer, default_reviewer

    name = check_reviewer(reviewer if reviewer is not None else default_reviewer())
    date = parse_date(published)
    items = ArticleFiles(files, lang=None if lang == "auto" else lang, published=date,
                         encoding=encoding)
    try:
        project = Project.open(db, scale=scale)  # annotate creates a project when none exists
    except KeyError as exc:  # unknown --scale preset
        raise UserError(str(exc.args[0])) from None
    try:
        # A long new article is stored at once and its claims arrive while it is on screen.
        results = project.add_articles(items, _progress(len(items)),
                                       defer_longer_than=LONG_ARTICLE, resume=False) \
            if items else []
        first = results[0].id if results else None
        pending = sorted(project.pending_extractions(), key=lambda aid: aid != first)

        from annotator.app import ClaimsApp  # deferred: Textual costs ~0.3 s to import
        from annotator.config import load_config

        ClaimsApp(project, name, open_article=first, config=load_config(),
                  extract=pending).run()
    finally:
        project.close()
