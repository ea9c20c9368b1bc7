"""`claims init | add`: a project made and articles added from a shell or a script.

`add` reads every file before it writes anything (`article_files`), proposes claims with
the extractor (long articles in the background, see `claims extract`) and, with `--known`,
stores published fact-checks that `claims similar` and the annotator compare claims with.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from annotator.cli.common import (
    InputError,
    db_option,
    handle_errors,
    open_project,
    parse_date,
    publisher_name,
    say,
    visible,
)
from claims.labels import PRESETS

if TYPE_CHECKING:
    from annotator.cli.article_files import ArticleFiles
    from claims.project import Added, Project

__all__ = ["add", "init"]


@click.command()
@click.option(
    "--scale",
    type=click.Choice(sorted(PRESETS), case_sensitive=False),
    default=None,
    help="Label scale reviewers choose verdicts from (a new project: averitec).",
)
@click.option("--publisher", default=None, metavar="NAME",
              help="Organisation publishing the fact-checks (ClaimReview author).")
@click.option("--publisher-url", default=None, metavar="URL",
              help="Site of the fact-checks; ClaimReview urls become URL#claim-<id>.")
@click.option("--blind/--no-blind", default=None,
              help="Blind review: reviewers see no other verdict on a claim before giving theirs.")
@db_option
@handle_errors
def init(
    scale: str | None, publisher: str | None, publisher_url: str | None, blind: bool | None,
    db: str | None,
) -> None:
    """Create a project database (or set the scale of one without reviews)."""
    publisher = publisher_name(publisher)
    if publisher_url is not None:
        from claims.model import check_http_url

        try:
            publisher_url = check_http_url(publisher_url)
        except ValueError as exc:
            raise InputError(f"--publisher-url: {exc}") from None
    with open_project(db, "create", scale, blind=blind) as project:
        if publisher is not None:
            project.store.set_meta("publisher_name", publisher)
        if publisher_url is not None:
            project.store.set_meta("publisher_url", publisher_url)
        labels = ", ".join(f"{i}={label.id}" for i, label in enumerate(project.scale.labels, 1))
        blind_note = ", blind review" if project.blind else ""
        say(f"{project.store.url}: {project.scale.name} scale ({labels}){blind_note}")


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["fr", "en", "auto"]), default=None,
              help="Language of the articles (default: detected).")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date; weekdays and partial dates resolve against it.")
@click.option("--title", default=None, help="Title (one file only).")
@click.option("--url", default=None, help="URL of the article (one file only).")
@click.option("--encoding", default=None, help="Encoding of the files when not UTF-8.")
@click.option("--from", "from_tool", type=click.Choice(["prodigy", "doccano", "label-studio"]),
              default=None,
              help="FILES are span exports of this tool: their spans become the claims.")
@click.option("--known", is_flag=True,
              help="FILES are published fact-checks (ClaimReview JSON-LD: one object, a list, "
                   "a DataFeed, an @graph or JSON Lines), kept as reference claims that the "
                   "project's claims are matched against (claims similar).")
@db_option
@handle_errors
def add(
    files: tuple[str, ...],
    lang: str | None,
    published: str | None,
    title: str | None,
    url: str | None,
    encoding: str | None,
    from_tool: str | None,
    known: bool,
    db: str | None,
) -> None:
    """Add articles from .txt, .md or .jsonl FILES and propose their claims.

    With --from, FILES are Prodigy, doccano or Label Studio exports: each annotated text
    becomes an article and its spans its claims (origin import:TOOL), with no extraction.
    All files are read and checked first: a bad file or line refuses the whole command and
    nothing is added. Adding the same text again changes nothing. With --known, FILES are
    fact-checks already published (ours from `claims export --format claimreview`, or a
    fact-checker's feed).
    """
    if known:
        if lang or published or title or url:
            raise click.UsageError("--lang, --published, --title and --url describe articles, "
                                   "not --known fact-checks")
        _add_known(files, encoding, db)
        return
    from annotator.cli.article_files import ArticleFiles

    if (title or url) and len(files) > 1:
        raise click.UsageError("--title and --url apply to a single file")
    date = parse_date(published)
    items: ArticleFiles | list[dict[str, Any]]
    skipped = 0
    if from_tool is None:
        items = ArticleFiles(files, lang=lang, published=date, title=title, url=url,
                             encoding=encoding)
    else:
        from claims.files import Limits, input_name, read_bytes
        from exports.foreign import read_foreign

        items = []
        for path in files:
            # A whole export of many tasks: bounded like a JSONL file's lines, each text
            # like one article (checked by the reader).
            data = read_bytes(path, Limits.from_env().line_bytes, what="file",
                              variable="CLAIMS_MAX_LINE_BYTES")
            found, n_skipped = read_foreign(data, input_name(path), from_tool)
            skipped += n_skipped
            for item in found:
                item.setdefault("lang", lang)
                item.setdefault("published", date)
                if title is not None:
                    item["title"] = title
                if url is not None:
                    item["url"] = url
            items.extend(found)
    if url is not None:
        from claims.model import check_http_url

        try:
            check_http_url(url)
        except ValueError as exc:
            raise InputError(f"--url: {exc}") from None
    with open_project(db, "create") as project:
        results = _add_with_progress(project, items)
    created = [r for r in results if r.created]
    for r in results:
        state = "added" if r.created else "completed" if r.resumed else "already present"
        label = visible(r.title or r.external_id or "")
        say(f"{r.id}  {state:<15}  {r.n_claims:>5} claims  {label}")
    verb = f"drawn by {from_tool}" if from_tool else "proposed"
    say(
        f"{len(created)} article(s) added, {sum(r.n_claims for r in created)} claims {verb}; "
        f"{len(results) - len(created)} already present"
        + (f"; {skipped} rejected, ignored or cancelled task(s) skipped" if skipped else ""),
        err=True,
    )


def _add_known(files: tuple[str, ...], encoding: str | None, db: str | None) -> None:
    from annotator.cli.common import decode_bytes
    from claims.files import input_name, read_bytes, size_from_env
    from exports.known import KnownFileError, parse_claimreviews

    limit = size_from_env("CLAIMS_MAX_KNOWN_BYTES", 256 * 1024 * 1024)
    loaded = []
    for path in files:
        data = read_bytes(path, limit, what="fact-check file", variable="CLAIMS_MAX_KNOWN_BYTES")
        name = input_name(path)
        text = decode_bytes(data, name, encoding)
        try:
            loaded.append((name, parse_claimreviews(text, name)))
        except KnownFileError as exc:
            raise InputError(f"{exc}; nothing was added") from None
    with open_project(db, "create") as project:
        added = project.add_known([k for _, items in loaded for k in items])
    total = sum(len(items) for _, items in loaded)
    for path, items in loaded:
        say(f"{path}: {len(items)} fact-check(s)")
    say(f"{added} reference claim(s) added, {total - added} already present", err=True)


def _add_with_progress(
    project: Project, items: ArticleFiles | list[dict[str, Any]]
) -> list[Added]:
    if len(items) < 20 or not sys.stderr.isatty():
        return project.add_articles(items)
    from rich.progress import Progress  # deferred: only large batches show a bar

    with Progress(transient=True) as progress:
        task = progress.add_task("Extracting claims", total=len(items))
        return project.add_articles(items, progress=lambda n: progress.update(task, completed=n))
