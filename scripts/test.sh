#!/usr/bin/env bash
# README command (2): install everything on a fresh machine and run every check and test:
# format/lint, typecheck, both mini-program builds, shared unit tests, server tests on a real
# MariaDB, browser tests in real Chromium, and the bench on a tiny volume (scripts/bench/run.smoke.mjs,
# which measures the builds made here before the tests).
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
source "$REPO_ROOT/scripts/lib/mariadb.sh"

install_dependencies
ensure_mariadb
ensure_test_tools
build_workspace

echo "==> building the WeChat mini-program"
(cd "$REPO_ROOT" && pnpm run build:weapp >/dev/null)
node "$REPO_ROOT/scripts/weapp-size.mjs"
echo "==> QR code size of the largest national pass (must stay within version 13 at level Q)"
node "$REPO_ROOT/scripts/qr-size.mjs"

cd "$REPO_ROOT"
echo "==> lint and typecheck"
pnpm run lint
pnpm run typecheck
echo "==> tests"
mkdir -p artifacts
status=0
pnpm run test --ci --json --outputFile=artifacts/jest-results.json "$@" || status=$?
# One plain closing line for whoever reads the log (CI counts it).
node -e 'const r = require(process.argv[1]); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' \
  "$REPO_ROOT/artifacts/jest-results.json" 2>/dev/null || true
exit "$status"
