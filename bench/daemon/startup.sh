#!/usr/bin/env bash
# Start-up time to READY=1 for an N-interface config (default 100 bridges), and the daemon's idle RSS and CPU.
# Each run: a fresh network namespace, `bin/vlinkd` started with NOTIFY_SOCKET pointing at a datagram socket this
# script listens on; the time from exec to the READY=1 datagram is the start-up time (JVM start, config load,
# dump, plan, apply, verify). After the last run the daemon idles IDLE seconds: RSS from /proc, CPU from utime+stime.
# Usage (root, after `mvn -DskipTests package`): bench/daemon/startup.sh [N] [RUNS] [IDLE]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100}; runs=${2:-5}; idle=${3:-20}
[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
[ -f systemd/target/classpath.txt ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
out=bench/results; mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/etc"
{
  echo "interfaces:"
  for i in $(seq 1 "$n"); do
    printf '  - name: br%d\n    kind: bridge\n    state: up\n' "$i"
  done
} >"$work/etc/10-bench.yaml"
chmod 0644 "$work/etc/10-bench.yaml"; chmod 0755 "$work/etc"

times=()
for r in $(seq 1 "$runs"); do
  ns=vlinkd-bench-$$-$r
  ip netns add "$ns"
  rm -rf "$work/run" "$work/state" "$work/notify"
  # The receiver prints the seconds since its own start when READY=1 arrives, then exits.
  python3 - "$work/notify" >"$work/ready" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(120)
t0 = time.monotonic()
while True:
    msg = s.recv(4096).decode()
    if "READY=1" in msg.split("\n"):
        print(f"{time.monotonic() - t0:.3f}", flush=True)
        print(msg.replace("\n", " | "), flush=True)
        break
PY
  rpid=$!
  while [ ! -S "$work/notify" ]; do sleep 0.01; done
  ip netns exec "$ns" env NOTIFY_SOCKET="$work/notify" bin/vlinkd --no-watch --config-dir "$work/etc" \
      --state-dir "$work/state" --runtime-dir "$work/run" --log-level warn &
  dpid=$!
  wait "$rpid"
  t=$(head -1 "$work/ready"); status=$(sed -n 2p "$work/ready")
  links=$(ip -n "$ns" -o link show type bridge | wc -l)
  echo "run $r: READY=1 after $t s; $links bridges in the namespace; $status"
  times+=("$t")
  if [ "$r" -eq "$runs" ]; then
    pid=$(pgrep -P "$dpid" java || echo "$dpid")
    sleep 2
    hz=$(getconf CLK_TCK)
    c0=$(awk '{print $14+$15}' "/proc/$pid/stat")
    sleep "$idle"
    c1=$(awk '{print $14+$15}' "/proc/$pid/stat")
    rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
    cpu=$(echo "scale=3; 100 * ($c1 - $c0) / $hz / $idle" | bc)
    echo "idle over ${idle} s: RSS ${rss} KiB, CPU ${cpu} %"
  fi
  kill -TERM "$dpid"; wait "$dpid" || true
  ip netns del "$ns"
  # The kernel tears the namespace's bridges down in the background, holding the rtnl lock (~16 ms a bridge):
  # the next run must not start against that.
  sleep $(( n * 16 / 1000 + 2 ))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "median start-up to READY=1 for $n bridges over $runs runs: $median s" | tee "$out/daemon-startup-$n.txt"
