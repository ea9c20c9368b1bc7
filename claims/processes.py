"""Helpers for the worker processes claims starts (extraction pools, import checks)."""

from __future__ import annotations

import os

__all__ = ["die_with_parent"]


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to kill this worker when its parent dies, even by SIGKILL.

    Without it a worker of a killed command goes on working (or waits forever on its call
    queue), holding memory, a core and the command's pipes. `parent`: the pid the worker was
    started from (else it is taken to have died when this process was handed to pid 1).
    Elsewhere (no prctl) this does nothing.
    """
    import ctypes  # noqa: PLC0415 - only in workers
    import signal  # noqa: PLC0415

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1 or (parent is not None and os.getppid() != parent):
        os._exit(1)  # the parent died before prctl took effect
