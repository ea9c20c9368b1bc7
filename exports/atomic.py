"""Writing an export file atomically: a temporary file in the target's folder, fsynced, then
renamed over the target, so a reader never sees half a file and a failed export leaves the old
file as it was. Which targets are allowed at all is `exports.target`'s business.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from claims.project import ProjectError
from exports.target import (
    ExportTargetError,
    remove_stale_temporaries,
    resolve_target,
    temporary_prefix,
)


class ExportError(ProjectError):
    """The export cannot be written where asked; the message names the path."""


def check_writable(path: str | os.PathLike[str], protected: Sequence[Path] = ()) -> Path:
    """The file to replace, or ExportError saying why it cannot or must not be written.

    `protected` are files an export must never replace (the project's database and its
    companions); see `exports.target` for the rules.
    """
    try:
        target = resolve_target(path, protected)
    except ExportTargetError as exc:
        raise ExportError(str(exc)) from None
    folder = target.parent
    if not folder.exists():
        raise ExportError(f"{target}: folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"{target}: {folder} is not a folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"{target}: the file is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{target}: folder {folder} is not writable")
    return target


@contextmanager
def atomic_output(
    path: str | os.PathLike[str], protected: Sequence[Path] = ()
) -> Iterator[IO[bytes]]:
    """A binary file that replaces `path` only if the block ends without an exception."""
    target = check_writable(path, protected)
    remove_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(target), suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc}); nothing written") \
            from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before threads start.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["ExportError", "atomic_output", "check_writable"]
