"""Issue 11, 2d: the dashboard and the busiest list pages on the synthetic province,
50 concurrent users on loopback, served by gunicorn.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi_synth \\
        uv run python bench/dashboard_load.py [--users 50] [--seconds 60] [--workers 5] [--think 0]

Needs the database of `fazhi synth` (see BENCHMARKS.md). The script adds (or resets) one
account, `bench-load`, a coordinator of the first county, with a random password; the
second factor is switched off for the server it starts (FAZHI_REQUIRE_2FA=0), nothing
else changes. It starts `gunicorn fazhi.wsgi:application` with `--workers` sync workers
on a free port of 127.0.0.1, logs every simulated user in through the login form (its
own session), then each user loops over the pages below until the time is up, waiting
`--think` seconds (exponentially distributed, mean given) between requests, each user
starting at a random moment within the first think time (as people arrive, not all at
one instant); `--think 0` is the closed loop with no waiting at all, every user at once. Everything stops by itself; exit code 1 on
any error (non-200 or connection failure).

Pages: the indicator dashboard, the due list, the enforcement case list, the mediation
dispute list, the disclosure request list and the proactive-disclosure item list, each the
first page a user sees.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from load import HOST, Client, percentile  # noqa: E402

PAGES = {
    "指标看板 /indicators/dashboard/": "/indicators/dashboard/",
    "到期清单 /deadlines/": "/deadlines/",
    "执法案件 /enforcement/": "/enforcement/",
    "矛盾纠纷 /mediation/": "/mediation/",
    "依申请公开 /disclosure/": "/disclosure/",
    "主动公开 /disclosure/items/": "/disclosure/items/",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def make_account() -> tuple[str, str, str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone

    from fazhi.org.models import Role, Unit, UnitKind, User

    county = Unit.objects.filter(kind=UnitKind.COUNTY).order_by("path").first()
    if county is None:
        raise SystemExit("数据库中没有县：请先运行 fazhi synth（见 BENCHMARKS.md）。")
    password = secrets.token_urlsafe(16)
    user, _ = User.objects.get_or_create(username="bench-load", defaults={"unit": county, "role": Role.COORDINATOR})
    user.unit, user.role, user.is_active = county, Role.COORDINATOR, True
    user.set_password(password)
    if hasattr(user, "password_changed_at"):
        user.password_changed_at = timezone.now()
    user.save()
    return user.username, password, county.name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--think", type=float, default=0.0, help="mean think time between requests, seconds")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("请设置 DATABASE_URL 指向 fazhi synth 生成的 PostgreSQL 数据库。")
    username, password, county = make_account()
    from _common import machine

    print(f"machine: {machine()}")
    print("command: DATABASE_URL=… uv run python bench/dashboard_load.py " + " ".join(sys.argv[1:]))
    port = free_port()
    env = {**os.environ, "FAZHI_REQUIRE_2FA": "0", "FAZHI_LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "fazhi.settings"}
    env.setdefault("FAZHI_SECRET_KEY", secrets.token_urlsafe(40))
    server = subprocess.Popen(  # noqa: S603 - gunicorn from our own environment
        [
            sys.executable, "-m", "gunicorn", "fazhi.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(args.workers),
            "--backlog", "256", "--timeout", "120", "--log-level", "warning",
        ],
        cwd=ROOT, env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, port), timeout=1):
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("gunicorn 未能启动")
        return run(port, username, password, county, args)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def run(port: int, username: str, password: str, county: str, args: argparse.Namespace) -> int:
    clients = []
    for _ in range(args.users):
        c = Client(port)
        c.login(username, password)
        clients.append(c)
    # Warm every worker's imports and templates once (not measured).
    for c in clients[: args.workers * 2]:
        for path in PAGES.values():
            c.request("GET", path)
    print(f"{args.users} users logged in as {username} ({county}); gunicorn {args.workers} workers on {HOST}:{port}")
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    lock = threading.Lock()
    gate = threading.Barrier(args.users + 1)
    stop = [0.0]

    def user(c: Client, offset: int) -> None:
        rng = random.Random(offset)
        names = list(PAGES)
        gate.wait()
        i = offset
        if args.think:  # users arrive at random, not all at the same instant
            time.sleep(rng.uniform(0, args.think))
        while time.monotonic() < stop[0]:
            name = names[i % len(names)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, _, _ = c.request("GET", PAGES[name])
                problem = None if status == 200 else f"HTTP {status}"
            except OSError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - t0
            with lock:
                times[name].append(elapsed)
                if problem:
                    errors[name].append(problem)
            if args.think:
                pause = min(rng.expovariate(1 / args.think), 10 * args.think)
                time.sleep(max(0.0, min(pause, stop[0] - time.monotonic())))

    threads = [threading.Thread(target=user, args=(c, n), daemon=True) for n, c in enumerate(clients)]
    for t in threads:
        t.start()
    stop[0] = time.monotonic() + args.seconds
    t0 = time.monotonic()
    gate.wait()
    for t in threads:
        t.join(timeout=args.seconds + 180)
    wall = time.monotonic() - t0
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    every = [x for v in times.values() for x in v]
    n_err = sum(len(v) for v in errors.values())
    print(f"{args.users} users, think {args.think:g} s, {args.seconds:.0f} s (wall {wall:.1f} s); load average after: {load}")
    print(f"{'page':<34}{'requests':>9}{'errors':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name in PAGES:
        v = times[name]
        print(
            f"{name:<34}{len(v):>9}{len(errors[name]):>7}{percentile(v, 50) * 1000:>9.0f}"
            f"{percentile(v, 95) * 1000:>9.0f}{percentile(v, 99) * 1000:>9.0f}"
        )
    print(
        f"{'all':<34}{len(every):>9}{n_err:>7}{percentile(every, 50) * 1000:>9.0f}"
        f"{percentile(every, 95) * 1000:>9.0f}{percentile(every, 99) * 1000:>9.0f}"
    )
    if every:
        print(f"throughput {len(every) / wall:.1f} requests/s (target: p95 ≤ 300 ms, zero errors)")
    for name, problems in errors.items():
        if problems:
            print(f"errors on {name}: {problems[:3]}")
    return 1 if n_err or not every else 0


if __name__ == "__main__":
    sys.exit(main())
