"""A throwaway PostgreSQL server for the tests of the team backend.

Uses `CLAIMS_TEST_PG` (a postgresql:// URL of a server where databases may be created) when
set; otherwise starts a private cluster with the server binaries found on the machine, on a
Unix socket in a temporary folder, and stops it at the end. Without either, PostgreSQL tests
are skipped, unless `CLAIMS_REQUIRE_PG=1` (as in CI), where that is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _server_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextmanager
def postgres_server(*, durable: bool = False) -> Iterator[str]:
    """A server URL; `durable` keeps fsync on (benchmarks), the tests run without it."""
    url = os.environ.get("CLAIMS_TEST_PG")
    if url:
        yield url
        return
    bin_dir = _server_bin()
    if bin_dir is None:
        reason = "no PostgreSQL server binaries (initdb) and CLAIMS_TEST_PG is unset"
        if os.environ.get("CLAIMS_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="claims-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    subprocess.run(
        _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                      "--no-sync"]),
        check=True, capture_output=True,
    )
    fsync = "on" if durable else "off"
    options = f"-k {folder} -c listen_addresses='' -c fsync={fsync} -p 55432"
    subprocess.run(
        _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                      "-l", str(folder / "log"), "start"]),
        check=True, capture_output=True,
    )
    try:
        yield f"postgresql://postgres@/postgres?host={folder}&port=55432"
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    import psycopg

    name = "claims_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    if "/postgres?" in server_url:
        return server_url.replace("/postgres?", f"/{name}?")
    base, _, query = server_url.partition("?")
    base = base.rsplit("/", 1)[0]
    return f"{base}/{name}" + (f"?{query}" if query else "")
