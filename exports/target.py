"""Where an export may be written: never over the project, never into a device or a pipe.

`claims export -o FILE` replaces FILE atomically (a temporary file in the same folder, then a
rename). Before anything is written the target is checked:

- it is not the project's database, nor its `-wal`, `-shm` or `-journal` file, by path (after
  resolving symlinks) and by inode (a hard link or another name for the same file);
- it is a new name or an existing regular file; a device node (`/dev/null`, a disk), a FIFO,
  a socket or a directory is refused, and so is a symlink to one. A symlink to a regular file
  is followed: the file it points to is replaced, the link stays.

Temporary files are named `.NAME.PID.RANDOM.tmp`; one left behind by an export that was
killed (its process no longer exists) is removed by the next export to the same target.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from claims.project import ProjectError

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class ExportTargetError(ProjectError):
    """The export cannot be written where asked; the message names the path and why."""


def database_files(store: object) -> list[Path]:
    """The files a SQLite project lives in (none for PostgreSQL)."""
    path = getattr(store, "path", None)
    if path is None:
        return []
    return [Path(f"{path}{suffix}") for suffix in DATABASE_COMPANIONS]


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def resolve_target(path: str | os.PathLike[str], protected: Iterable[Path] = ()) -> Path:
    """The file to replace for `path`, or ExportTargetError saying why it must not be."""
    given = Path(path)
    target = given
    if given.is_symlink():
        try:
            target = given.resolve(strict=True)
        except (OSError, RuntimeError):
            raise ExportTargetError(f"{given}: a symlink to nothing (or a loop); give a file "
                                    "name") from None
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ExportTargetError(f"{given}: cannot use ({exc.strerror or exc})") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = ("a directory; give a file name" if stat.S_ISDIR(st.st_mode)
                else "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        via = f" (through the symlink {given})" if target != given else ""
        if stat.S_ISDIR(st.st_mode):
            raise ExportTargetError(f"{given}: is {kind}{via}")
        raise ExportTargetError(
            f"{given}: is {kind}{via}; exports replace regular files only "
            "(use -o - to write to standard output)"
        )
    resolved = target.resolve()
    for db in protected:
        same = resolved == db.resolve()
        if not same and st is not None:
            with contextlib.suppress(OSError):
                same = _same_file(st, os.stat(db))
        if same:
            raise ExportTargetError(
                f"{given}: is the project's database file ({db.name}); exporting there would "
                "destroy the project. Give another file name"
            )
    return target


def remove_stale_temporaries(target: Path) -> int:
    """Delete temporary files of earlier exports to `target` whose process is gone."""
    removed = 0
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text = name[len(prefix):-len(".tmp")].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OverflowError:
        return False
    return True


def temporary_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


__all__ = [
    "ExportTargetError",
    "database_files",
    "remove_stale_temporaries",
    "resolve_target",
    "temporary_prefix",
]
