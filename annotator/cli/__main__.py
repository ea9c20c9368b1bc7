"""`python -m annotator.cli`: the same command as the `claims` script."""

from annotator.cli import main

main()
