#!/bin/sh
# Reconciler benchmarks (issue 6). Run as root on an idle machine, never while tests run: deleting a namespace
# with 1,000 bridges keeps the kernel busy for ~16 s in the background, so the script waits between scenarios.
#   bench/reconcile/run.sh            all scenarios
#   bench/reconcile/run.sh noop 5000  one scenario
set -eu
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -o compile dependency:build-classpath -pl daemon -am -Dmdep.outputFile=target/cp.txt
CP="daemon/target/classes:$(cat daemon/target/cp.txt)"
bench() {
    echo "== $*"
    java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/reconcile/ReconcileBench.java "$@"
}
if [ $# -gt 0 ]; then
    bench "$@"
    exit 0
fi
bench cold-bridges 1000; sleep 90
bench cold-veths 1000; sleep 30
bench noop 5000; sleep 90
bench drift 100
