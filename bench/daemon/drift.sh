#!/usr/bin/env bash
# Drift repair latency of the running daemon (issue 14): vlinkd owns N bridges in a fresh network namespace; M times
# one of them is deleted behind its back (an RTM_DELLINK from another socket, as `ip link del` sends), and a monitor
# subscribed to the namespace's link notifications times the kernel's RTM_DELLINK of that bridge (and the first
# notification of its deletion: the bridge going down) to the RTM_NEWLINK of its re-creation by the daemon. The
# monitor runs at real-time priority so that its clock reads each notification when it comes. Deletions are 0.3 s
# apart (the daemon verifies each repair). The daemon runs as deployed (bin/vlinkd: serial GC, C1 only) with
# --no-watch, warmed by 20 repairs that are not counted (a daemon that has run a while has compiled its repair path).
# VLINKD_BENCH_LOG=debug logs the daemon in detail; VLINKD_BENCH_KEEP_LOG=FILE keeps its log.
# Usage (root, after `mvn -DskipTests package`, on an idle machine): bench/daemon/drift.sh [N] [M]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}; m=${2:-50}
[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
[ -f systemd/target/classpath.txt ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
ns=vlinkd-drift-$$
cleanup() {
  [ -n "${dpid:-}" ] && kill "$dpid" 2>/dev/null && wait "$dpid" 2>/dev/null
  # Kept on failure too (a repair that never came is what the log has to explain).
  [ -z "${VLINKD_BENCH_KEEP_LOG:-}" ] || cp "$work/log" "$VLINKD_BENCH_KEEP_LOG" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/etc"
{
  echo "interfaces:"
  for i in $(seq 1 "$n"); do
    printf '  - name: br%d\n    kind: bridge\n' "$i"
  done
} >"$work/etc/10-bench.yaml"
chmod 0644 "$work/etc/10-bench.yaml"; chmod 0755 "$work/etc"
ip netns add "$ns"
ip netns exec "$ns" bin/vlinkd --no-watch --config-dir "$work/etc" --state-dir "$work/state" \
    --runtime-dir "$work/run" --log-level "${VLINKD_BENCH_LOG:-warn}" >"$work/log" 2>&1 &
dpid=$!
for _ in $(seq 1 600); do
  [ "$(ip -n "$ns" -o link show type bridge | wc -l)" -ge "$n" ] && [ -S "$work/run/control.sock" ] && break
  sleep 0.2
done
sleep 2 # the verify after the first apply
# The monitor runs at real-time priority so that it reads each notification when it comes, not when the daemon
# (which it would otherwise compete with for the CPU) has already answered it.
ip netns exec "$ns" chrt -f 50 python3 - "$n" "$m" <<'PY'
import socket, struct, sys, threading, time
n, m = int(sys.argv[1]), int(sys.argv[2])
RTM_NEWLINK, RTM_DELLINK, IFLA_IFNAME = 16, 17, 3
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
s.bind((0, 1))  # RTMGRP_LINK

def events(deadline):
    """Yields (monotonic time, type, name) of link notifications until the deadline."""
    while time.monotonic() < deadline:
        s.settimeout(max(0.001, deadline - time.monotonic()))
        try:
            data = s.recv(1 << 16)
        except socket.timeout:
            return
        t = time.monotonic()
        off = 0
        while off + 16 <= len(data):
            length, typ = struct.unpack_from("=IH", data, off)
            if typ in (RTM_NEWLINK, RTM_DELLINK):
                family = data[off + 16]
                a = off + 32
                name = None
                while a + 4 <= off + length:
                    alen, atype = struct.unpack_from("=HH", data, a)
                    if alen < 4:
                        break
                    if atype == IFLA_IFNAME:
                        name = data[a + 4:a + alen].split(b"\0")[0].decode()
                    a += (alen + 3) & ~3
                if family != 7:  # AF_BRIDGE port records are not the link
                    yield t, typ, name
            off += (length + 3) & ~3

vandal = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
vandal.bind((0, 0))

def delete(name):
    """
    Sends RTM_DELLINK by name from another thread and returns at once. The kernel deletes the link in the sender's
    send() (several ms for a bridge: it waits for RCU), and emits the notifications meanwhile: the monitor must be
    reading then, not blocked in that send.
    """
    attr = name.encode() + b"\0"
    attr = struct.pack("=HH", 4 + len(attr), IFLA_IFNAME) + attr + b"\0" * ((4 - len(attr) % 4) % 4)
    body = struct.pack("=BxHiII", 0, 0, 0, 0, 0) + attr
    msg = struct.pack("=IHHII", 16 + len(body), RTM_DELLINK, 0x1 | 0x4, 1, 0) + body
    threading.Thread(target=vandal.send, args=(msg,), daemon=True).start()

def one(victim):
    """(ms from RTM_DELLINK, ms from the first notification of the deletion) to the re-creation's RTM_NEWLINK."""
    delete(victim)
    first = deleted = None
    for t, typ, name in events(time.monotonic() + 10):
        if name != victim:
            continue
        first = first or t
        if typ == RTM_DELLINK and deleted is None:
            deleted = t
        elif typ == RTM_NEWLINK and deleted is not None:
            return (t - deleted) * 1000, (t - first) * 1000
    raise SystemExit(f"{victim} was not re-created within 10 s")

for i in range(20):
    one(f"br{1 + i % n}")
    time.sleep(0.3)
lat, full = [], []
for i in range(m):
    a, b = one(f"br{1 + (20 + i * 37) % n}")
    lat.append(a)
    full.append(b)
    time.sleep(0.3)  # the daemon verifies its repair: a deletion during that is another drift, not this one

def line(xs, what):
    xs.sort()
    print(f"  from {what}: median {xs[len(xs)//2]:.2f} ms, worst {xs[-1]:.2f} ms, best {xs[0]:.2f} ms")

print(f"drift repair, {n} owned bridges, {m} deletions, to the RTM_NEWLINK of the re-created bridge:")
line(lat, "its RTM_DELLINK")
# The bridge goes down first (RTM_NEWLINK without IFF_UP); the daemon starts its repair then, and its create waits
# in the kernel for the deletion to finish.
line(full, "the first notification of its deletion (it went down)")
PY
echo "daemon log lines at warn or above: $(grep -c . "$work/log")"; head -5 "$work/log"
