#!/usr/bin/env bash
# The main job: builds vlinkd and provisions an example into a private network namespace, printing the result.
# Usage: sudo ./demo.sh
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
mvn -B -ntp -q -DskipTests package
exec bin/vlinkctl demo
