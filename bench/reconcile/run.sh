#!/bin/sh
# Reconciler benchmarks (issue 6). Run as root on an idle machine, never while tests run: deleting a namespace
# with 1,000 bridges keeps the kernel busy for ~16 s in the background, so the script waits between scenarios.
#   bench/reconcile/run.sh                          all scenarios
#   bench/reconcile/run.sh cold-bridges 1000 first-apply   one scenario
set -eu
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -o compile dependency:build-classpath -pl daemon -am -Dmdep.outputFile=target/cp.txt
CP="daemon/target/classes:$(cat daemon/target/cp.txt)"
# Compiled ahead, not run as a single-file program: javac inside the measured JVM would compete with its JIT.
mkdir -p target/bench-reconcile
javac -nowarn -d target/bench-reconcile -cp "$CP" bench/reconcile/ReconcileBench.java
bench() {
    echo "== $*"
    # The JVM flags the daemon runs with (systemd/src/deb/bin/vlinkd): vlinkd is measured as it is deployed.
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "target/bench-reconcile:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ReconcileBench "$@"
}
if [ $# -gt 0 ]; then
    bench "$@"
    exit 0
fi
bench cold-bridges 1000; sleep 60
bench cold-bridges 1000 first-apply; sleep 60
bench cold-veths 1000; sleep 60
bench cold-veths 1000 first-apply; sleep 60
bench noop 5000; sleep 90
bench drift 100
