"""A bounded load test on loopback: 50 logged-in users for 60 seconds on the main pages.

Run: uv run python bench/load.py [--users 50] [--seconds 60]

It builds the demo system (`fazhi demo --no-serve`) in a temporary FAZHI_DATA_DIR, serves
it with a multi-threaded WSGI server (wsgiref + ThreadingMixIn, in a child process) on
127.0.0.1, logs each simulated user in with its own session, then lets every user loop
over the home page, the due list, the reconsideration list and one case, and the
indicator dashboard until the time is up. Traffic goes to 127.0.0.1 only; the loop is
bounded by time and by a request cap, and everything stops by itself.

Prints requests, errors, throughput and p50/p95/p99 per page and overall; exit code 1
if any request failed. Speed targets live here, never in the tests (issue 10, point 10).
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MAX_REQUESTS_PER_USER = 100_000  # a hard cap besides the clock

SERVER = r"""
import os, socketserver, sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

class Threaded(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 256

from fazhi.wsgi import application
server = make_server("127.0.0.1", int(sys.argv[1]), application, server_class=Threaded, handler_class=Quiet)
print("ready", flush=True)
server.serve_forever()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def build_demo(env: dict[str, str]) -> str:
    """Create the demo database; return the coordinator's password."""
    out = subprocess.run(
        [sys.executable, "-m", "fazhi.cli", "demo", "--no-serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"用户名 coordinator\s+密码 (\S+)", out)
    if not match:
        raise SystemExit(f"演示系统输出中找不到 coordinator 的密码：\n{out}")
    return match.group(1)


class Client:
    """One user: its own cookies, one connection per request (wsgiref closes them)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: str | None = None
    ) -> tuple[int, str, dict[str, str]]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {"Host": f"{HOST}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            text = resp.read().decode("utf-8", "replace")
            for name, value in resp.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return resp.status, text, {k.lower(): v for k, v in resp.getheaders()}
        finally:
            conn.close()

    def login(self, username: str, password: str) -> None:
        from urllib.parse import urlencode

        status, page, _ = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            raise RuntimeError(f"登录页异常：HTTP {status}")
        form = urlencode(
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
        )
        status, _, headers = self.request("POST", "/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"登录失败：HTTP {status}")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fazhi-load-") as data_dir:
        env = {
            **os.environ,
            "FAZHI_DATA_DIR": data_dir,
            "FAZHI_DEMO": "1",
            "DJANGO_SETTINGS_MODULE": "fazhi.settings",
            "FAZHI_LOG_LEVEL": "WARNING",
        }
        env.pop("DATABASE_URL", None)
        started = time.monotonic()
        password = build_demo(env)
        print(f"演示数据已生成：{time.monotonic() - started:.1f} 秒")
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", SERVER, str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            if server.stdout is None or server.stdout.readline().strip() != "ready":
                raise SystemExit(f"服务未能启动：{server.stderr.read() if server.stderr else ''}")
            return run(port, password, args.users, args.seconds)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


def run(port: int, password: str, users: int, seconds: float) -> int:
    probe = Client(port)
    probe.login("coordinator", password)
    _, listing, _ = probe.request("GET", "/reconsideration/")
    case = re.search(r'href="(/reconsideration/\d+/)"', listing)
    pages = {
        "首页 /": "/",
        "到期清单 /deadlines/": "/deadlines/",
        "复议列表 /reconsideration/": "/reconsideration/",
        "复议详情": case.group(1) if case else "/reconsideration/",
        "指标看板 /indicators/dashboard/": "/indicators/dashboard/",
    }
    print(f"复议详情页：{pages['复议详情']}")

    clients = []
    login_started = time.monotonic()
    for _ in range(users):
        c = Client(port)
        c.login("coordinator", password)
        clients.append(c)
    print(f"{users} 个用户已分别登录（各自的会话）：{time.monotonic() - login_started:.1f} 秒")

    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    lock = threading.Lock()
    start_gate = threading.Barrier(users + 1)
    deadline = [0.0]

    def user(c: Client, offset: int) -> None:
        names = list(pages)
        start_gate.wait()
        i = offset
        for _ in range(MAX_REQUESTS_PER_USER):
            if time.monotonic() >= deadline[0]:
                return
            name = names[i % len(names)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, _, _ = c.request("GET", pages[name])
                problem = None if status == 200 else f"HTTP {status}"
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - t0
            with lock:
                times[name].append(elapsed)
                if problem:
                    errors[name].append(problem)

    threads = [
        threading.Thread(target=user, args=(c, n), daemon=True) for n, c in enumerate(clients)
    ]
    for t in threads:
        t.start()
    deadline[0] = time.monotonic() + seconds
    t0 = time.monotonic()
    start_gate.wait()
    for t in threads:
        t.join(timeout=seconds + 120)
    wall = time.monotonic() - t0

    all_times = [x for v in times.values() for x in v]
    total_errors = sum(len(v) for v in errors.values())
    print(
        f"\n{users} 个并发用户，{seconds:.0f} 秒（实际 {wall:.1f} 秒），目标 http://{HOST}:{port}/"
    )
    print(f"{'页面':<34}{'请求':>7}{'错误':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name in pages:
        v = times[name]
        print(
            f"{name:<34}{len(v):>7}{len(errors[name]):>6}{percentile(v, 50) * 1000:>9.0f}"
            f"{percentile(v, 95) * 1000:>9.0f}{percentile(v, 99) * 1000:>9.0f}"
        )
    print(
        f"{'合计':<34}{len(all_times):>7}{total_errors:>6}{percentile(all_times, 50) * 1000:>9.0f}"
        f"{percentile(all_times, 95) * 1000:>9.0f}{percentile(all_times, 99) * 1000:>9.0f}"
    )
    if all_times:
        print(
            f"吞吐 {len(all_times) / wall:.1f} 请求/秒，平均 {statistics.mean(all_times) * 1000:.0f} ms"
        )
    for name, problems in errors.items():
        if problems:
            print(f"错误 {name}：{problems[:3]}")
    return 1 if total_errors or not all_times else 0


if __name__ == "__main__":
    sys.exit(main())
