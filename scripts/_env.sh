# Sourced by scripts/demo and scripts/test: make sure uv is there, then sync the lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
UV_VERSION=0.13.9
if ! python3 -m uv --version >/dev/null 2>&1; then
  echo "安装 uv ${UV_VERSION}（Python 包管理器）…"
  python3 -m pip install --quiet "uv==${UV_VERSION}"
fi
uv() { python3 -m uv "$@"; }
uv sync --locked --quiet
