# Shared by the README's two commands and CI: install what the workspace needs on a fresh machine.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PNPM_VERSION=12.21.0
# better-sqlite3 has no prebuilt binary reachable here; node-gyp compiles it against Node's headers.
export npm_config_nodedir=/usr

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
    echo "==> installing pnpm $PNPM_VERSION"
    npm install -g --silent "pnpm@$PNPM_VERSION"
  fi
}

install_dependencies() {
  ensure_pnpm
  echo "==> installing dependencies (the first time compiles better-sqlite3, about 2 minutes)"
  local log
  log="$(mktemp)"
  if ! (cd "$REPO_ROOT" && pnpm install --frozen-lockfile >"$log" 2>&1); then
    tail -n 60 "$log" >&2
    echo "pnpm install failed (full log: $log)" >&2
    exit 1
  fi
}

ensure_test_tools() {
  # Debian's Chromium for the browser tests, CJK fonts so screenshots show Chinese (not boxes), and the
  # independent QR decoder and PDF rasteriser the pass-document tests check our output with.
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'CJK' \
    || ! command -v zbarimg >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    echo "==> installing Chromium, CJK fonts, zbar-tools and poppler-utils"
    apt_install chromium fonts-noto-cjk zbar-tools poppler-utils
  fi
}

build_workspace() {
  echo "==> building shared, server and the H5 app"
  (cd "$REPO_ROOT" && pnpm run build)
}
