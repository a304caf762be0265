#!/usr/bin/env bash
# JMH benchmarks of the hot functions (src/test/java/.../calendar/internal/CalendarBenchmarks.java):
# planning a week and a season of a series, writing a feed of 100 series. Compiles the tests (JMH's
# annotation processor generates the harness), then runs JMH with the test classpath.
# Usage: bench/jmh.sh [JMH options, e.g. -wi 5 -i 10 or a benchmark name pattern]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  "${@:-Benchmarks}"
