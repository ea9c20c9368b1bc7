"""Errors the project raises for things a user asked for and cannot have; messages say why."""

from __future__ import annotations

__all__ = ["ProjectError", "StaleAction"]


class ProjectError(Exception):
    """Something the user asked for cannot be done; the message says why, by name."""


class StaleAction(ProjectError):
    """An action named a claim that is no longer live, or no longer what the reviewer saw.

    Nothing was recorded. `successor` is the claim that now stands where the reviewer was
    looking (the claim it was merged into, the same claim with its new boundaries, the live
    claim over the same text), or None when there is none.
    """

    def __init__(self, message: str, claim_id: str, successor: str | None) -> None:
        super().__init__(message)
        self.claim_id = claim_id
        self.successor = successor
