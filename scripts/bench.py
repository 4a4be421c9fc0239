"""make bench: our assistant, the same on 2 replicas (the production profile of
scripts/cluster.py) and a stock `rasa init` bot under the same load, side by side.

Starts each server, times it from start to its first answer, plays whole conversations
with Locust (headless, `--users` patients at once, no pause between messages) while
sampling the memory of each process, and writes reports/bench/ (report.md, results.json).
The stock bot is made with `rasa init` and trained in a temporary folder in the same run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cluster  # noqa: E402  (scripts/cluster.py)
from tests.running_assistant import free_port  # noqa: E402

PY = sys.executable
# Our processes, by a word of their command line.
OURS_PROCESSES = {"Rasa server": "--enable-api", "action server": "run actions"}
LOCUST = str(Path(PY).with_name("locust"))


@dataclass
class Result:
    name: str
    started_seconds: float  # from start to the first answer
    messages: int = 0
    messages_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per process
    profile: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # hottest code


class PeakMemory:
    """Samples the resident memory of a process tree, per process, in the background."""

    def __init__(self, root: psutil.Process, names: dict[str, str]) -> None:
        self.root, self.names = root, names  # label: a word of the process's command line
        self.peaks = dict.fromkeys(names, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _labelled(self) -> list[tuple[str, psutil.Process]]:
        """Each running process of the tree whose command line has a label's word."""
        labelled = []
        for process in [self.root, *self.root.children(recursive=True)]:
            try:
                command = " ".join(process.cmdline())
            except psutil.Error:
                continue
            labelled += [(label, process) for label, word in self.names.items() if word in command]
        return labelled

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            for label, process in self._labelled():
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[label] = max(self.peaks[label], rss / 2**20)

    def found(self) -> list[tuple[str, int]]:
        """Each labelled process that is running: (label, pid)."""
        return [(label, process.pid) for label, process in self._labelled()]

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {label: round(mb) for label, mb in self.peaks.items()}


def first_answer(url: str, process: subprocess.Popen, limit: float = 600) -> None:
    """Waits until the REST channel answers a greeting."""
    body = json.dumps({"sender": "bench-start", "message": "hi"}).encode()
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited while starting ({process.args})")
        request = urllib.request.Request(
            f"{url}/webhooks/rest/webhook",
            body,
            {"Content-Type": "application/json",
             "X-Channel-Token": os.environ.get("RASA_API_TOKEN", "")},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if json.load(response):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"no answer within {limit:.0f} s")


def load(url: str, script: str, users: int, seconds: int, folder: Path) -> dict:
    """Runs Locust against `url`; returns its figures for single messages."""
    prefix = folder / script
    subprocess.run(
        [LOCUST, "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--only-summary",
         "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", url,
         "--csv", str(prefix), "--stop-timeout", "30", "--exit-code-on-error", "0"],
        cwd=ROOT, env={**os.environ, "BENCH_SCRIPT": script, "PYTHONPATH": str(ROOT)},
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    rows = list(csv.DictReader((folder / f"{script}_stats.csv").open()))
    message = next(row for row in rows if row["Name"] == "message")
    return {
        "messages": int(message["Request Count"]),
        "messages_per_second": round(float(message["Requests/s"]), 1),
        "p50_ms": float(message["50%"]),
        "p95_ms": float(message["95%"]),
        "p99_ms": float(message["99%"]),
        "errors": sum(int(row["Failure Count"]) for row in rows if row["Name"] != "Aggregated"),
    }


def stacks_file(args: argparse.Namespace, name: str, label: str) -> Path:
    return Path(args.out) / f"{name}-{label.replace(' ', '-')}-stacks.txt"


def profile(pid: int, stacks: Path, args: argparse.Namespace) -> subprocess.Popen:
    """py-spy samples the process while the load runs (stacks kept beside the report, one
    line per stack, for flame graph tools)."""
    return subprocess.Popen(
        [str(Path(PY).with_name("py-spy")), "record", "--pid", str(pid), "--format", "raw",
         "--duration", str(args.seconds), "--rate", "50", "--nonblocking", "-o", str(stacks)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


# Frames of the servers' own loops, on nearly every stack: they say nothing.
SERVING = ("runpy.py", "sanic/", "__main__.py", "rasa/cli/", "rasa/api.py", "rasa/core/run.py",
           "rasa_sdk/endpoint.py", "connection_task", "handle_request", "asyncio/")  # fmt: skip


def hottest(stacks: Path, top: int = 25) -> list[tuple[str, float]]:
    """The functions most often on the stack (share of samples, callees included)."""
    total, counts = 0, Counter[str]()
    for line in stacks.read_text().splitlines():
        frames, _, samples = line.rpartition(" ")
        total += int(samples)
        for frame in set(frames.split(";")):
            if not any(word in frame for word in SERVING):
                counts[frame] += int(samples)
    return [(frame, round(n / total, 3)) for frame, n in counts.most_common(top)] if total else []


def loaded(
    name: str, url: str, started: float, memory: PeakMemory, script: str,
    args: argparse.Namespace, folder: Path,
) -> Result:  # fmt: skip
    """The figures of a server that has just answered for the first time."""
    result = Result(name, round(time.monotonic() - started, 1))
    print(f"{name}: first answer after {result.started_seconds} s; loading...", flush=True)
    recorders = {
        label: profile(pid, stacks_file(args, name, label), args)
        for label, pid in (memory.found() if args.profile else [])
    }
    for key, value in load(url, script, args.users, args.seconds, folder).items():
        setattr(result, key, value)
    for label, recorder in recorders.items():
        recorder.wait()
        result.profile[label] = hottest(stacks_file(args, name, label))
    return result


def measure(
    name: str, command: list[str], cwd: Path, env: dict, url: str, script: str,
    processes: dict[str, str], args: argparse.Namespace, folder: Path,
) -> Result:  # fmt: skip
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    memory = PeakMemory(psutil.Process(process.pid), processes)
    try:
        first_answer(url, process)
        result = loaded(name, url, started, memory, script, args, folder)
    finally:
        peaks = memory.stop()
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    result.peak_rss_mb = peaks
    return result


def ours(args: argparse.Namespace, folder: Path) -> Result:
    port = free_port()
    env = {
        **os.environ,
        "RASA_PORT": str(port),
        "ACTION_SERVER_PORT": str(free_port()),
        "WEB_PORT": str(free_port()),
        "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
    }
    command = [PY, "scripts/with_env.py", PY, "scripts/run.py"]
    url = f"http://127.0.0.1:{port}"
    return measure("ours", command, ROOT, env, url, "patient", OURS_PROCESSES, args, folder)


def two_replicas(args: argparse.Namespace, folder: Path) -> Result:
    """Ours in the production profile: 2 replicas behind nginx, Redis locks, PostgreSQL."""
    started = time.monotonic()
    memory = PeakMemory(psutil.Process(), OURS_PROCESSES)  # peaks over the replicas
    try:
        with cluster.start(folder / "cluster", replicas=2, throwaway=True) as running:
            first_answer(running.url, running.processes["nginx"])
            result = loaded("ours, 2 replicas", running.url, started, memory, "patient",
                            args, folder)  # fmt: skip
    finally:
        peaks = memory.stop()
    result.peak_rss_mb = peaks
    return result


def stock(args: argparse.Namespace, folder: Path) -> Result:
    bot = folder / "stock"
    bot.mkdir()  # rasa init only writes into a folder that exists
    print("stock: rasa init (trains the stock bot)...", flush=True)
    subprocess.run(
        [PY, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(bot)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    port = free_port()
    command = [PY, "-m", "rasa", "run", "--port", str(port), "--interface", "127.0.0.1"]
    processes = {"Rasa server": "rasa run"}
    url = f"http://127.0.0.1:{port}"
    return measure("stock", command, bot, dict(os.environ), url, "fixed", processes, args, folder)


def report(results: list[Result], args: argparse.Namespace, out: Path) -> str:
    rows = [
        ("messages/s", lambda r: f"{r.messages_per_second:.1f}"),
        ("latency p50 (ms)", lambda r: f"{r.p50_ms:.0f}"),
        ("latency p95 (ms)", lambda r: f"{r.p95_ms:.0f}"),
        ("latency p99 (ms)", lambda r: f"{r.p99_ms:.0f}"),
        ("messages", lambda r: str(r.messages)),
        ("errors", lambda r: str(r.errors)),
        ("start to first answer (s)", lambda r: f"{r.started_seconds:.1f}"),
        *[
            (f"peak RSS, {label} (MB)", lambda r, label=label: str(r.peak_rss_mb.get(label, "-")))
            for label in ("Rasa server", "action server")
        ],
    ]
    table = ["| figure | " + " | ".join(r.name for r in results) + " |"]
    table.append("|---|" + "---|" * len(results))
    table += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    text = "\n".join(table)
    machine = f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB"
    profiles = [
        f"\n## Where {r.name}'s {label} spends its time (py-spy, share of samples)\n\n"
        + "\n".join(f"- {share:.1%} {frame}" for frame, share in hottest_frames)
        for r in results
        for label, hottest_frames in r.profile.items()
    ]
    (out / "report.md").write_text(
        f"# Under load\n\n{args.users} patients at once, no pause between messages, "
        f"{args.seconds} s per server, Locust on the same machine ({machine}).\n\n{text}\n"
        + "\n".join(profiles)
    )
    (out / "results.json").write_text(json.dumps([asdict(r) for r in results], indent=2))
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--only", choices=("ours", "cluster", "stock"))
    parser.add_argument("--profile", action="store_true", help="py-spy each server under load")
    parser.add_argument("--out", default=str(ROOT / "reports" / "bench"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = Path(tmp)
        runs = {"ours": ours, "cluster": two_replicas, "stock": stock}
        results = [run(args, folder) for name, run in runs.items() if args.only in (None, name)]
    print(report(results, args, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
