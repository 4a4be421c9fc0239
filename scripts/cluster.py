"""make run-cluster: the production profile on this machine.

Several Rasa server replicas behind nginx, Rasa's Redis lock store so that one
conversation's messages stay in order whichever replica takes them, conversations and
bookings in PostgreSQL, and the action servers behind nginx too (scaled apart). PostgreSQL,
Redis and nginx are Debian's packages (scripts/install_cluster.sh installs what is missing)
and run as this project's own instances under `var/cluster/` (PostgreSQL's files where its
user may write them), on free ports, with nothing to configure.

The integration test (tests/test_cluster.py) and `make bench` start the same cluster with
`start()`. Run through scripts/with_env.py so that the settings are loaded.
Usage: python scripts/cluster.py [--replicas 2] [--action-servers 1]
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import shutil
import socket
import string
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from migrate import migrate  # noqa: E402
from model import model_path  # noqa: E402
from run import stop_all, supervise  # noqa: E402

from tests.running_assistant import free_port  # noqa: E402

PY = sys.executable
RASA = [PY, "-m", "rasa"]


@dataclass
class Cluster:
    """The running profile: where to reach it, and its processes (label -> process)."""

    url: str  # nginx in front of the Rasa replicas
    replica_urls: list[str]
    database_url: str
    redis_port: int
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)


def wait_for_port(port: int, process: subprocess.Popen, limit: float = 300) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited while starting ({process.args})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {limit:.0f} s")


def postgres_binaries() -> tuple[str, str]:
    """initdb and postgres: on the PATH, or where Debian's packages put them."""
    for folder in [None, *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        initdb, server = shutil.which("initdb", path=folder), shutil.which("postgres", path=folder)
        if initdb and server:
            return initdb, server
    raise RuntimeError("PostgreSQL is not installed: run scripts/install_cluster.sh")


def ensure_installed() -> None:
    """Installs Debian's PostgreSQL, Redis and nginx when one is missing (the script checks)."""
    subprocess.run(["bash", str(ROOT / "scripts" / "install_cluster.sh")], check=True)


def _as_postgres() -> list[str]:
    # PostgreSQL refuses to run as root; it then runs as its own user.
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def postgres_folder(folder: Path) -> Path:
    """Where this cluster's PostgreSQL keeps its files: under `folder`, or in the postgres
    user's home when running as root (that user may not be able to reach `folder`)."""
    if os.geteuid() != 0:
        return folder / "postgres"
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
    return Path(os.path.expanduser("~postgres")) / f"clinic-{name}"


def start_postgres(folder: Path, port: int) -> tuple[subprocess.Popen, str]:
    """Starts (creating on first use) the database; returns it and its SQLAlchemy URL."""
    initdb, server = postgres_binaries()
    data = postgres_folder(folder)
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        if _as_postgres():
            shutil.chown(data, "postgres")
        subprocess.run([*_as_postgres(), initdb, "-D", str(data), "-A", "trust", "-U", "clinic"],
                       check=True, capture_output=True)  # fmt: skip
    process = subprocess.Popen(
        [*_as_postgres(), server, "-D", str(data), "-p", str(port), "-k", str(data),
         "-h", "127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=(folder / "postgres.log").open("ab"),
    )  # fmt: skip
    wait_for_port(port, process)
    import sqlalchemy as sa

    admin = sa.create_engine(f"postgresql://clinic@127.0.0.1:{port}/postgres",
                             isolation_level="AUTOCOMMIT")  # fmt: skip
    deadline = time.monotonic() + 30
    while True:  # the port opens a moment before connections are accepted
        try:
            with admin.connect() as connection:
                exists = connection.exec_driver_sql(
                    "SELECT 1 FROM pg_database WHERE datname = 'clinic'"
                ).scalar()
                if not exists:
                    connection.exec_driver_sql("CREATE DATABASE clinic")
            break
        except sa.exc.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    admin.dispose()
    return process, f"postgresql://clinic@127.0.0.1:{port}/clinic"


def start_redis(folder: Path, port: int) -> subprocess.Popen:
    # Locks live for one message: nothing to save to disk.
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=(folder / "redis.log").open("ab"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    wait_for_port(port, process)
    return process


def nginx_config(folder: Path, port: int, action_port: int, replicas: list[int],
                 action_servers: list[int]) -> Path:  # fmt: skip
    template = string.Template((ROOT / "cluster" / "nginx.conf").read_text())
    text = template.safe_substitute(
        FOLDER=str(folder),
        RASA_PORT=port,
        ACTION_SERVER_PORT=action_port,
        RASA_SERVERS="\n".join(f"        server 127.0.0.1:{p};" for p in replicas),
        ACTION_SERVERS="\n".join(f"        server 127.0.0.1:{p};" for p in action_servers),
    )
    path = folder / "nginx.conf"
    path.write_text(text)
    return path


def _stop(processes: dict[str, subprocess.Popen]) -> None:
    stop_all(list(reversed(processes.values())), timeout=20)  # the last started first


@contextmanager
def start(
    folder: Path, replicas: int = 2, action_servers: int = 1, rasa_port: int | None = None,
    action_port: int | None = None, with_web: bool = False, throwaway: bool = False,
) -> Iterator[Cluster]:  # fmt: skip
    """Starts the whole profile and stops it on leaving the block (a `throwaway` one, for
    tests and benchmarks, also deletes its database)."""
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    rasa_port, action_port = rasa_port or free_port(), action_port or free_port()
    processes: dict[str, subprocess.Popen] = {}
    try:
        processes["postgres"], database_url = start_postgres(folder, free_port())
        redis_port = free_port()
        processes["redis"] = start_redis(folder, redis_port)
        migrate(database_url)
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(redis_port),
            "ACTION_SERVER_PORT": str(action_port),
            "RASA_PORT": str(rasa_port),
        }
        action_ports = [free_port() for _ in range(action_servers)]
        for i, port in enumerate(action_ports):
            processes[f"action server {i + 1}"] = subprocess.Popen(
                [*RASA, "run", "actions", "--actions", "actions", "--port", str(port)],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                stderr=(folder / f"actions-{i + 1}.log").open("ab"),
            )  # fmt: skip
        replica_ports = [free_port() for _ in range(replicas)]
        for i, port in enumerate(replica_ports):
            processes[f"Rasa replica {i + 1}"] = subprocess.Popen(
                [PY, "scripts/rasa_server.py", "--model", str(model_path()),
                 "--interface", "127.0.0.1", "--port", str(port), "--enable-api",
                 "--cors", *env["RASA_CORS_ORIGINS"].split(), "--credentials",
                 "credentials.yml", "--endpoints", "cluster/endpoints.yml"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                stderr=(folder / f"rasa-{i + 1}.log").open("ab"),
            )  # fmt: skip
        config = nginx_config(folder, rasa_port, action_port, replica_ports, action_ports)
        processes["nginx"] = subprocess.Popen(
            ["nginx", "-c", str(config), "-p", str(folder)],
            stdout=subprocess.DEVNULL, stderr=(folder / "nginx-error.log").open("ab"),
        )  # fmt: skip
        if with_web:
            for name, command in (("notices", [PY, "scripts/send_notices.py"]),
                                  ("retention", [PY, "scripts/retention.py", "--daily"]),
                                  ("web", [PY, "-m", "web"])):  # fmt: skip
                processes[name] = subprocess.Popen(command, cwd=ROOT, env=env)
        for label, process in processes.items():
            if label.startswith(("Rasa replica", "action server")):
                port = int(process.args[process.args.index("--port") + 1])
                wait_for_port(port, process)
        wait_for_port(rasa_port, processes["nginx"])
        yield Cluster(
            url=f"http://127.0.0.1:{rasa_port}",
            replica_urls=[f"http://127.0.0.1:{p}" for p in replica_ports],
            database_url=database_url,
            redis_port=redis_port,
            processes=processes,
        )
    finally:
        _stop(processes)
        if throwaway:
            shutil.rmtree(postgres_folder(folder), ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=1)
    args = parser.parse_args()
    if not model_path().exists():
        sys.exit("No trained model for the current data: run `make run-cluster` (it trains).")
    ensure_installed()
    ports = {"rasa_port": int(os.environ["RASA_PORT"]),
             "action_port": int(os.environ["ACTION_SERVER_PORT"])}  # fmt: skip
    folder = ROOT / "var" / "cluster"
    with start(folder, args.replicas, args.action_servers, **ports, with_web=True) as cluster:
        print(
            f"The clinic's page: http://127.0.0.1:{os.environ['WEB_PORT']}/ ({args.replicas} "
            f"Rasa replicas behind nginx on {cluster.url}, PostgreSQL and Redis; Ctrl-C stops)",
            flush=True,
        )
        stopping = supervise(cluster.processes)  # any process stopping stops them all
    return 0 if stopping else 1


if __name__ == "__main__":
    sys.exit(main())
