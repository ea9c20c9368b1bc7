"""Which database a `--db` value names, and how to speak of it without leaking its password.

A value is PostgreSQL when it is a URL whose scheme is `postgresql` or `postgres` in any case,
with or without a driver suffix (`postgresql+psycopg://`, as SQLAlchemy writes it), or a libpq
`key=value` connection string (`host=db dbname=claims password=...`); surrounding spaces are
ignored. Anything else is a SQLite path, except a name holding `password=`, which is refused:
such a value is a connection string typed wrong, and creating a file named after it would
write the password into a directory listing; and a URL of any other scheme (`mysql://`,
`sqlite:///`), which is refused by name rather than taken for a folder `mysql:`.

Every password seen in a connection value is remembered for the life of the process, and
`redact` masks it (and anything shaped like a password) in any message, so no error, summary
or log line ever shows one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claims.store.base import StoreError

__all__ = ["LIBPQ_KEYWORDS", "Target", "parse_target", "redact", "remember_password"]

_URL = re.compile(r"^(postgres(?:ql)?)(\+[a-z0-9_]+)?://", re.IGNORECASE)
_KEYWORD = re.compile(r"^([A-Za-z_]+)\s*=")
_OTHER_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
"""Any other URL (`mysql://`, `sqlite:///`, `https://`): never a file name (a one-letter scheme
is a Windows drive)."""

LIBPQ_KEYWORDS = frozenset(
    [
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "password",
        "passfile",
        "require_auth",
        "channel_binding",
        "connect_timeout",
        "client_encoding",
        "options",
        "application_name",
        "fallback_application_name",
        "keepalives",
        "keepalives_idle",
        "keepalives_interval",
        "keepalives_count",
        "tcp_user_timeout",
        "replication",
        "gssencmode",
        "sslmode",
        "requiressl",
        "sslcompression",
        "sslcert",
        "sslkey",
        "sslpassword",
        "sslcertmode",
        "sslrootcert",
        "sslcrl",
        "sslcrldir",
        "sslsni",
        "requirepeer",
        "ssl_min_protocol_version",
        "ssl_max_protocol_version",
        "krbsrvname",
        "gsslib",
        "gssdelegation",
        "service",
        "target_session_attrs",
        "load_balance_hosts",
        "sslnegotiation",
    ]
)
"""The connection keywords of libpq (PostgreSQL 16/17), which psycopg passes through."""

_SECRETS: set[str] = set()

# user:password@host in a URL; the password runs to the last '@' before the path, since an
# unencoded '@' inside it is common (and libpq would cut it at the first one).
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^/\s]*@")
# password=... in a key=value string (quoted or not) or in a URL's query string.
_KV_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    kind: Literal["sqlite", "postgres"]
    value: str
    """A SQLite path, or a connection string psycopg accepts (URL or key=value)."""

    @property
    def shown(self) -> str:
        """How messages name this database: the path, or the connection string redacted."""
        return redact(self.value)


def parse_target(db: str) -> Target:
    """The database `db` names; StoreError for a value that can only be a mistake."""
    stripped = db.strip()
    match = _URL.match(stripped)
    if match:
        value = "postgresql://" + _encode_userinfo(stripped[match.end() :])
        remember_password(value)
        return Target("postgres", value)
    keyword = _KEYWORD.match(stripped)
    if keyword and keyword.group(1).lower() in LIBPQ_KEYWORDS:
        remember_password(stripped)
        return Target("postgres", stripped)
    if "password=" in db.lower():
        remember_password(stripped)
        raise StoreError(
            f"{redact(db)}: looks like a PostgreSQL connection string but is not one "
            "(give postgresql://USER:PASSWORD@HOST/DB or host=... dbname=... password=...); "
            "no file was created"
        )
    other = _OTHER_URL.match(stripped)
    if other:
        raise StoreError(
            f"{redact(stripped)}: {other.group()[:-3]} is not a database claims speaks; give a "
            "SQLite file path or a postgresql:// URL; no file was created"
        )
    return Target("sqlite", db)


def _encode_userinfo(rest: str) -> str:
    """An unencoded '@' in the user or password percent-encoded: the host follows the last '@'.

    libpq cuts at the first '@', which would send the rest of the password as a host name
    (and print it in its error); users type passwords as they are.
    """
    end = len(rest)
    for stop in "/?":
        index = rest.find(stop)
        if index != -1:
            end = min(end, index)
    authority = rest[:end]
    if authority.count("@") < 2:
        return rest
    userinfo, host = authority.rsplit("@", 1)
    return userinfo.replace("@", "%40") + "@" + host + rest[end:]


def remember_password(value: str) -> None:
    """Remember the password of a connection value so `redact` masks it wherever it appears."""
    for match in _KV_PASSWORD.finditer(value):
        secret = match.group(2).strip("'")
        if secret:
            _SECRETS.add(secret)
    url = _URL_PASSWORD.search(value)
    if url:
        secret = url.group(0)[len(url.group(1)) : -1]
        if secret:
            _SECRETS.add(secret)
    try:
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        return
    try:
        secret = conninfo_to_dict(value).get("password")
    except Exception:  # noqa: BLE001 - any parse failure: the regexes above still apply
        return
    if isinstance(secret, str) and secret:
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """`text` with every password (known or shaped like one) replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    text = _KV_PASSWORD.sub(r"\1***", text)
    for secret in sorted(_SECRETS, key=len, reverse=True):
        if len(secret) >= 4:  # shorter ones would mask ordinary words; the patterns cover them
            text = text.replace(secret, "***")
    return text
