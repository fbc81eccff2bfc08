#!/usr/bin/env bash
# `pnpm bench`: makes sure a local MariaDB runs with the tests' user (as scripts/test.sh does, with
# apt-get when it is missing) and that shared/ and server/ are built, then runs the benchmark
# (scripts/bench/run.mjs; BENCH_QUICK=1 for a short run). With BENCH_MYSQL_URL set, that database
# server is used as it is.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/setup.sh"
source "$REPO_ROOT/scripts/lib/mariadb.sh"

if [ -z "${BENCH_MYSQL_URL:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    ensure_mariadb
  elif ! mariadb_ready; then
    echo "MariaDB is not running: run scripts/test.sh once as root, or set BENCH_MYSQL_URL" >&2
    exit 1
  fi
fi
if [ ! -f "$REPO_ROOT/shared/dist/index.js" ] || [ ! -f "$REPO_ROOT/server/dist/main.js" ]; then
  echo "==> building shared and server"
  (cd "$REPO_ROOT" && pnpm --filter @pass/shared build && pnpm --filter @pass/server build)
fi
exec node "$REPO_ROOT/scripts/bench/run.mjs" "$@"
