"""End to end: the real `claims annotate` in a pseudo-terminal, killed with SIGKILL.

What the screen showed as done must be in the database after `kill -9`, and an article full
of escape sequences must reach the terminal as inert text (no OSC title or clipboard write).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from claims.project import Project
from tests.tui.tui_helpers import ARTICLE_ONE, HOSTILE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


_CONTROL = re.compile(
    r"\x1b\[(?P<csi>[0-?]*)[ -/]*(?P<final>[@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\^_]"
    r"|(?P<text>[^\x1b\r\n]+)|(?P<cr>\r)|(?P<lf>\n)"
)


class Screen:
    """Just enough of a terminal to read what Textual draws: cursor moves, text, CR/LF."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.width, self.height = width, height
        self.cells = [[" "] * width for _ in range(height)]
        self.row = self.col = 0

    def feed(self, data: str) -> None:
        from rich.cells import cell_len

        for m in _CONTROL.finditer(data):
            if m.group("final") == "H":
                parts = (m.group("csi") or "").split(";")
                self.row = int(parts[0] or 1) - 1
                self.col = int(parts[1] or 1) - 1 if len(parts) > 1 else 0
            elif m.group("text") is not None:
                for ch in m.group("text"):
                    if 0 <= self.row < self.height and 0 <= self.col < self.width:
                        self.cells[self.row][self.col] = ch
                    self.col += cell_len(ch) or 1
            elif m.group("cr"):
                self.col = 0
            elif m.group("lf"):
                self.row += 1

    def text(self) -> str:
        return "\n".join("".join(r) for r in self.cells)


class Terminal:
    def __init__(self, args: list[str], cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor",
               "TEXTUAL_ANIMATIONS": "none"}
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                                     env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.fd = master
        self.raw = b""
        self.screen = Screen()
        self._fed = 0

    def read_until(self, pattern: str | re.Pattern[str], timeout: float = 30.0) -> object:
        """Wait until the screen shows `pattern`."""
        deadline = time.monotonic() + timeout
        while True:
            decoded = self.raw.decode("utf-8", "ignore")
            self.screen = Screen()
            self.screen.feed(decoded)
            text = self.screen.text()
            if isinstance(pattern, re.Pattern):
                m = pattern.search(text)
                if m:
                    return m
            elif pattern in text:
                return pattern
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{pattern!r} never appeared; tail: {text[-2000:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.2))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk and self.proc.poll() is not None:
                    raise AssertionError(f"program exited; tail: {text[-2000:]!r}")
                self.raw += chunk

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def kill9(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        os.close(self.fd)


def claims_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from annotator.cli import main; main()", *args]


PROGRESS = re.compile(r"(\d+)/(\d+) reviewed")


def wait_progress(term: Terminal, done: int) -> None:
    term.read_until(re.compile(rf"\b{done}/\d+ reviewed"))


def test_review_kill9_reopen_finds_everything(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # One key, one effect: the queue's auto-advance is tested with Pilot.
    config = tmp_path / "config.toml"
    config.write_text("[annotator]\nauto_advance = false\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMS_CONFIG", str(config))
    article = tmp_path / "article.fr.txt"
    article.write_text(ARTICLE_ONE, encoding="utf-8")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "claims.db"
    term = Terminal(claims_command("annotate", str(article), str(hostile), "--lang", "fr",
                                   "--published", "2024-03-05", "--reviewer", "bob",
                                   "--db", str(db)), tmp_path)
    try:
        term.read_until("Plus de 300 ouvriers")
        term.read_until(re.compile(r"0/\d+ reviewed"))
        term.send("1")
        wait_progress(term, 1)
        term.send("j")
        term.send("2")
        wait_progress(term, 2)
        term.send("j")
        term.send("x")
        wait_progress(term, 3)
    finally:
        term.kill9()  # right after the screen showed the last key's effect

    with Project.open(str(db)) as project:
        first = project.articles()[0]
        states = project.claims(first.id)
        reviews = [s.review_by("bob") for s in states[:3]]
        assert [r.verdict if r else None for r in reviews] == ["supported", "refuted", None]
        assert reviews[2] is not None and reviews[2].status == "rejected"
        assert len(project.articles()) == 2

    # Reopen: the same file is not added twice, the work shows; then the hostile article.
    term = Terminal(claims_command("annotate", str(article), "--reviewer", "bob",
                                   "--db", str(db)), tmp_path)
    try:
        term.read_until(re.compile(r"3/\d+ reviewed"))
        term.send("]")
        term.read_until("news [bold red]not")
        term.read_until("markup[/] from")
        term.read_until("\u241b]0;PWNED-TITLE\u2407")
        term.read_until("\u241b]52;c;")
    finally:
        term.kill9()
    assert b"\x1b]0;PWNED" not in term.raw
    assert b"\x1b]52;c;ZXZp" not in term.raw
    assert b"\x1b[2J\x1b[H screen" not in term.raw
    with Project.open(str(db)) as project:
        assert len(project.articles()) == 2
