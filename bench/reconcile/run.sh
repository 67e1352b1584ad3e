#!/bin/sh
# Reconciler benchmarks (issue 6). Run as root on an idle machine, never while tests run: deleting a namespace
# with 1,000 bridges keeps the kernel busy for ~16 s in the background, so the script waits between scenarios.
#   bench/reconcile/run.sh                          all scenarios
#   bench/reconcile/run.sh cold-bridges 1000 first-apply   one scenario
set -eu
cd "$(dirname "$0")/../.."
# The in-memory kernel that warms the JVM (FakeKernel) is test code: it comes from the daemon's test-jar.
mvn -B -ntp -q -o package dependency:build-classpath -pl daemon -am -DskipTests -Dmdep.outputFile=target/cp.txt
V=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
CP="daemon/target/vlinkd-daemon-$V.jar:daemon/target/vlinkd-daemon-$V-tests.jar:$(cat daemon/target/cp.txt)"
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
