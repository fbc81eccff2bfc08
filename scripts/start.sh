#!/usr/bin/env bash
# README command (1): install everything on a fresh machine and run the product — the server with
# the H5 app at http://127.0.0.1:3000/, on the embedded SQLite database (./data), with demo accounts.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

install_dependencies
build_workspace

cd "$REPO_ROOT"
export NODE_ENV="${NODE_ENV:-development}"
export DATA_DIR="${DATA_DIR:-$REPO_ROOT/data}"
export H5_DIR="${H5_DIR:-$REPO_ROOT/miniapp/dist/h5}"
# A bound on the old generation: V8 lets garbage grow to about 4× the live heap otherwise (docs/scaling.md §1).
exec node --max-old-space-size=1024 server/dist/main.js
