"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, a free port on
127.0.0.1 and a unix socket in that folder, stopped and removed afterwards.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (Debian's
package creates it) or as `nobody`. Without the server binaries the tests that need them are
skipped with the reason, except in CI (CI set), where they must run: .ci/run installs Debian's
postgresql package.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORD = "s3cret-Pw"  # the auditor role's; a test checks it never shows in any output


def _binaries() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").is_file() and Path(folder, "pg_ctl").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


def _unprivileged() -> tuple[list[str], int, int]:
    """A command prefix that drops root, and the uid/gid the server's files must belong to."""
    if os.geteuid() != 0:
        return [], os.getuid(), os.getgid()
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        user = pwd.getpwnam("nobody")
    prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
    return prefix, user.pw_uid, user.pw_gid


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    folder: Path
    port: int

    def admin(self, dbname: str = "postgres"):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(
            host=str(self.folder), port=self.port, user="postgres", dbname=dbname, autocommit=True
        )

    def url(self, dbname: str = "erp", password: str = PASSWORD) -> str:
        return f"postgresql://auditor:{password}@127.0.0.1:{self.port}/{dbname}"

    def database(self, name: str, setup: str) -> str:
        """A fresh database with this SQL run in it; the auditor may read it. Its URL."""
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        with self.admin(name) as connection:
            connection.execute(setup)
            connection.execute("GRANT USAGE ON SCHEMA public TO auditor")
            for (schema,) in connection.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' "
                "AND nspname <> 'information_schema'"
            ).fetchall():
                connection.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO auditor')
                connection.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO auditor')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    binaries = _binaries()
    if binaries is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the PostgreSQL tests; .ci/run installs it)")
        pytest.skip(reason)
    prefix, uid, gid = _unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="compliance-pg-"))
    os.chown(folder, uid, gid)
    data, log = folder / "data", folder / "server.log"
    port = _free_port()

    def run(*command: str) -> None:
        subprocess.run(
            [*prefix, *command], check=True, cwd=folder, capture_output=True, timeout=120
        )

    try:
        run(
            str(binaries / "initdb"),
            "-D", str(data), "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync",
            "--auth-local=trust", "--auth-host=scram-sha-256",
        )  # fmt: skip
        run(
            str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
            "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip
    except subprocess.CalledProcessError as error:
        details = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {error.stderr.decode(errors='replace')}{details}")
    server = Server(folder, port)
    try:
        with server.admin() as connection:
            connection.execute(f"CREATE ROLE auditor LOGIN PASSWORD '{PASSWORD}'")
        yield server
    finally:
        subprocess.run(
            [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            cwd=folder, capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
