"""The `claims` command: a click group whose subcommands are imported only when used.

Each subcommand lives in its own module (`annotator/cli/*.py`); `LAZY_COMMANDS` maps a name
to `module:attribute`. `claims --help` and `claims list` never pay for importing Textual.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from claims import __version__

__all__ = ["COMMAND_HELP", "LAZY_COMMANDS", "LazyGroup", "main", "run"]

LAZY_COMMANDS: dict[str, str] = {
    "init": "annotator.cli.add:init",
    "add": "annotator.cli.add:add",
    "list": "annotator.cli.review:list_claims",
    "review": "annotator.cli.review:review",
    "undo": "annotator.cli.review:undo",
    "redo": "annotator.cli.review:redo",
    "log": "annotator.cli.review:log",
    "merge": "annotator.cli.team:merge",
    "span": "annotator.cli.team:span",
    "draw": "annotator.cli.team:draw",
    "adjudicate": "annotator.cli.team:adjudicate",
    "similar": "annotator.cli.similar:similar",
    "extract": "annotator.cli.extract:extract",
    "annotate": "annotator.cli.annotate:annotate",
    "export": "annotator.cli.export:export",
    "schema": "annotator.cli.export:schema",
    "validate": "annotator.cli.export:validate",
    "import": "annotator.cli.export:import_reviews",
    "agree": "annotator.cli.agree:agree",
    "stats": "annotator.cli.agree:stats",
}

COMMAND_HELP: dict[str, str] = {
    "init": "Create a project database and choose its label scale.",
    "add": "Add articles (.txt, .md, .jsonl) and propose their claims.",
    "list": "List claims with their status and verdicts.",
    "review": "Review one claim from a script: verdict, accept, reject, source, note.",
    "undo": "Take back a reviewer's latest action.",
    "redo": "Put back what the latest undo took back.",
    "log": "Show the event log, for a claim or the whole project.",
    "merge": "Merge a claim with the next one (the twin of the annotator's m).",
    "span": "Move a claim's boundaries (the twin of e).",
    "draw": "Draw a new claim over a span of an article (the twin of c).",
    "adjudicate": "Give a disputed claim its final verdict.",
    "similar": "Claims already checked, and published fact-checks, resembling a claim.",
    "extract": "Print the proposed claims of an article as JSONL (no database).",
    "annotate": "Open the keyboard-driven annotator.",
    "export": "Export reviewed claims as a dataset.",
    "schema": "Print the JSON Schema of exported JSONL records.",
    "validate": "Check a JSONL file against the export schema.",
    "import": "Merge reviews exported elsewhere into this project.",
    "agree": "Agreement between reviewers: alpha, kappa, per label, spans.",
    "stats": "Per reviewer: claims reviewed, verdicts, seconds per claim.",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *LAZY_COMMANDS]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module_name, attr = LAZY_COMMANDS[name].split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                return None
            command: click.Command = getattr(module, attr)
            return command
        return super().get_command(ctx, name)

    def main(
        self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        """click's main, except that its own messages (usage errors, unknown options and
        commands, bad values) also pass through the one output gate, so a hostile argument
        never reaches the terminal raw."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        import io
        import sys

        from annotator.cli.common import shown

        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            buffer = io.StringIO()
            exc.show(file=buffer)
            sys.stderr.write(shown(buffer.getvalue()))
            sys.stderr.flush()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listing help must not import every subcommand (and Textual with them).
        rows = [(name, COMMAND_HELP.get(name, "")) for name in LAZY_COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claims")
@click.option("--db", default=None, metavar="PATH|URL",
              help="SQLite file or postgresql:// URL, for any command (also after it).")
@click.option("--reviewer", default=None, metavar="NAME",
              help="Who is reviewing, for any command (also after it).")
@click.pass_context
def main(ctx: click.Context, db: str | None, reviewer: str | None) -> None:
    """Split news articles into checkable claims, review them from the keyboard, export datasets."""
    ctx.obj = {"db": db, "reviewer": reviewer}


def run(argv: list[str] | None = None) -> Any:
    return main.main(args=argv, prog_name="claims")

