"""`claims agree | stats`: how far reviewers agree, and what each one did, from a shell.

Both only read the project (opened read-only): a missing database is an error, never created. The figures are
computed in the domain (`claims.agreement`, `claims.reviewer_stats`); this module prints them,
as a table or as one JSON object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click

from annotator.cli.common import NumberRange, cell, db_option, escape_json, handle_errors, say, visible

if TYPE_CHECKING:
    from claims.agreement import AgreementReport, Figure
    from claims.project import Project
    from claims.reviewer_stats import StatsReport


class _Report(Protocol):
    def to_json(self) -> Any: ...


R = TypeVar("R", bound=_Report)


def open_for_reading(db: str | None) -> Project:
    """The project at `db`, opened read-only: never created, migrated or written."""
    from claims.project import Project

    return Project.open(db, mode="read")


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _echo_json(data: object) -> None:
    import orjson

    # Exact JSON, terminal controls in names and titles escaped (\u), as `claims list` does.
    click.echo(escape_json(orjson.dumps(data, option=orjson.OPT_INDENT_2)).decode())


# The ceilings are the domain's (kept in step by the tests), written here so that `--help`
# loads neither the agreement nor the statistics modules.
MAX_MIN_ITEMS = 1_000_000_000
MAX_BREAK_SECONDS = 366 * 86_400

min_items_option = click.option(
    "--min-items", type=click.IntRange(min=1, max=MAX_MIN_ITEMS), default=None, metavar="N",
    help="Fewest items a figure may rest on (default 2, at most 1,000,000,000); fewer print "
         "'too few items'.",
)


@click.command()
@click.option("--article", "articles", multiple=True, metavar="ID",
              help="Only this article (id, id prefix or external id); repeat for more.")
@click.option("--reviewer", "reviewers", multiple=True, metavar="NAME",
              help="Only this reviewer; repeat for more (default: everyone who reviewed).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@min_items_option
@db_option
@handle_errors
def agree(articles: tuple[str, ...], reviewers: tuple[str, ...], fmt: str,
          min_items: int | None, db: str | None) -> None:
    """Agreement between reviewers on verdicts, on claim/not-a-claim and on claim spans.

    Krippendorff's alpha (nominal) over all reviewers and Cohen's kappa for each pair, with the
    number of claims each rests on, overall, per article and per label; boundary precision,
    recall and F1 between reviewers who drew or edited claims. A figure resting on fewer than
    --min-items claims, on one reviewer, or on ratings that never vary says "too few items".
    Reads the project only.
    """
    from claims.agreement import DEFAULT_MIN_ITEMS, project_agreement

    _report(db, fmt, lambda project: project_agreement(
        project, articles=articles, reviewers=reviewers,
        min_items=min_items or DEFAULT_MIN_ITEMS), _agree_table)


def _report(db: str | None, fmt: str, compute: Callable[[Project], R],
            table: Callable[[R, dict[str, str]], list[str]]) -> None:
    """Compute a report over the project read-only, then print it as JSON or as a table."""
    with open_for_reading(db) as project:
        report = compute(project)
        names = {label.id: label.name for label in project.scale.labels}
    if fmt == "json":
        _echo_json(report.to_json())
        return
    say("\n".join(table(report, names)))


def _agree_table(report: AgreementReport, names: dict[str, str]) -> list[str]:
    who = ", ".join(visible(r) for r in report.reviewers) or "nobody"
    lines = [
        f"Agreement of {len(report.reviewers)} reviewer(s) ({who}) on {report.claims} claim(s) "
        f"of {report.articles} article(s); a figure needs {report.min_items}+ items.",
        "",
        "Verdicts",
        *_figure_lines(report.verdict, names),
        "",
        "Claim / not a claim",
        *_figure_lines(report.status, {"claim": "claim", "not-a-claim": "not a claim"}),
    ]
    if report.by_article:
        lines += ["", "By article (alpha, on items rated by 2+ reviewers)"]
        lines.append(f"  {'ARTICLE':<16}  {'VERDICT ALPHA':<24}  {'STATUS ALPHA':<24}  TITLE")
        for a in report.by_article:
            title = cell(a.title or "")
            if len(title) > 40:
                title = title[:39] + "…"
            lines.append(
                f"  {a.article_id:<16}  {_short(a.verdict):<24}  {_short(a.status):<24}  {title}"
            )
    lines += ["", "Spans (exact-boundary precision/recall/F1 of drawn or edited spans; "
              "char F1 on the characters they cover)"]
    if not report.spans:
        lines.append("  no pair of reviewers")
    for p in report.spans:
        pair = f"{visible(p.reviewers[0])} / {visible(p.reviewers[1])}"
        if p.f1 is None:
            lines.append(f"  {pair:<28}  {p.reason}")
        else:
            lines.append(
                f"  {pair:<28}  F1 {_num(p.f1)}  P {_num(p.precision)}  R {_num(p.recall)}  "
                f"char F1 {_num(p.char_f1)}  on {p.articles} article(s), "
                f"{p.spans[0]}+{p.spans[1]} spans, {p.exact} identical"
            )
    return lines


def _short(figure: Figure) -> str:
    if figure.alpha is None:
        return f"too few items ({figure.items})"
    return f"{figure.alpha:.3f} ({figure.items})"


def _figure_lines(figure: Figure, names: dict[str, str]) -> list[str]:
    lines = []
    rests = (f"on {figure.items} claim(s) rated by 2+ reviewers ({figure.values} ratings; "
             f"{figure.rated} rated at all)")
    if figure.alpha is None:
        lines.append(f"  Krippendorff's alpha (nominal)  {figure.reason}; {rests}")
    else:
        lines.append(
            f"  Krippendorff's alpha (nominal)  {figure.alpha:.3f}  {rests}; "
            f"observed {_num(figure.observed)}, expected {_num(figure.expected)}"
        )
    if figure.pairs:
        lines.append("  Cohen's kappa")
    for p in figure.pairs:
        pair = f"{visible(p.reviewers[0])} / {visible(p.reviewers[1])}"
        if p.kappa is None:
            lines.append(f"    {pair:<28}  {p.reason}")
        else:
            lines.append(
                f"    {pair:<28}  {p.kappa:.3f}  on {p.items} claim(s) both rated "
                f"(observed {_num(p.observed)}, expected {_num(p.expected)})"
            )
    if figure.labels:
        shown = [visible(names.get(label.label, label.label)) for label in figure.labels]
        width = max(26, *(len(s) for s in shown))
        lines.append(f"  {'Per label':<{width + 2}}  {'RATINGS':>7}  {'CLAIMS':>6}  "
                     f"{'OBSERVED':>8}  {'EXPECTED':>8}  ALPHA")
        for label, name in zip(figure.labels, shown, strict=True):
            alpha = _num(label.alpha) if label.alpha is not None else (
                "too few items" if label.values else "-")
            lines.append(
                f"    {name:<{width}}  {label.values:>7}  {label.items:>6}  "
                f"{_num(label.observed):>8}  {_num(label.expected):>8}  {alpha}"
            )
    return lines


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--break", "break_seconds", type=NumberRange(min=1, max=MAX_BREAK_SECONDS),
              default=None, metavar="SECONDS",
              help="A pause longer than this between two claims is a break (default 600, at "
                   "most a year: 31,622,400).")
@min_items_option
@db_option
@handle_errors
def stats(fmt: str, break_seconds: float | None, min_items: int | None, db: str | None) -> None:
    """Per reviewer: claims reviewed, accepted, rejected, verdicts per label, median seconds
    per claim (from the event log, breaks left out) and agreement with adjudicated verdicts.

    Reads the project only.
    """
    from claims.agreement import DEFAULT_MIN_ITEMS
    from claims.reviewer_stats import BREAK_SECONDS, project_stats

    _report(db, fmt, lambda project: project_stats(
        project, min_items=min_items or DEFAULT_MIN_ITEMS,
        break_seconds=break_seconds or BREAK_SECONDS), _stats_table)


def _stats_table(report: StatsReport, names: dict[str, str]) -> list[str]:
    if not report.reviewers:
        return ["no reviewer has done anything in this project yet"]
    header = (f"{'REVIEWER':<16}  {'REVIEWED':>8}  {'ACCEPTED':>8}  {'REJECTED':>8}  "
              f"{'S/CLAIM':>8}  {'TIMED':>5}  {'ADJ. AGREE':>10}  VERDICTS")
    lines = [header]
    for r in report.reviewers:
        verdicts = ", ".join(f"{visible(names.get(k, k))} {n}" for k, n in r.verdicts.items())
        agree = f"{r.agrees}/{r.adjudicated}" if r.adjudicated else "-"
        lines.append(
            f"{visible(r.reviewer):<16}  {r.reviewed:>8}  {r.accepted:>8}  {r.rejected:>8}  "
            f"{_num(r.median_seconds, 1):>8}  {r.timed:>5}  {agree:>10}  {verdicts or '-'}"
        )
    lines.append("")
    lines.append(
        f"S/CLAIM: median seconds per claim over TIMED visits (gaps over "
        f"{report.break_seconds:g} s are breaks). ADJ. AGREE: verdicts equal to the adjudicated "
        "one, of those adjudicated."
    )
    kappas = [r for r in report.reviewers if r.adjudicated]
    for r in kappas:
        value = _num(r.kappa) if r.kappa is not None else r.kappa_reason
        lines.append(f"  {visible(r.reviewer)}: kappa with adjudicated verdicts {value}")
    adjudicators = [r for r in report.reviewers if r.adjudications]
    for r in adjudicators:
        lines.append(f"  {visible(r.reviewer)} adjudicated {r.adjudications} claim(s)")
    return lines
