#!/usr/bin/env bash
# Runs every test: unit tests (no root), then, as root, the namespace lane against this kernel.
# Usage: sudo ./test.sh
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
mvn -B -ntp verify
