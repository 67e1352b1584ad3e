#!/usr/bin/env bash
# Runs every test: unit tests (no root), then, as root, the namespace lane against this kernel.
# Usage: sudo ./test.sh
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
mvn -B -ntp verify
# Then the full-kernel lanes under qemu (integration-tests/vm/: every kind, systemd as PID 1); VLINKD_VM_LANE=0 skips.
[ "${VLINKD_VM_LANE:-1}" = 0 ] || scripts/test-vm-lane all
# Then the container lane: the image under Docker with CAP_NET_ADMIN only (installs/starts dockerd; SKIPPED without).
scripts/test-container-lane
