#!/usr/bin/env bash
# What Brisk's Jackson mapper costs a cold start, step by step (JacksonStartSteps), on the class-data archive
# of a first run, as a start-up with AppCDS pays it: the CPU time of each step, RUNS times.
#
#   mvn -q -DskipTests package && benchmarks/scripts/jackson-start-steps.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=benchmarks/target/brisk-benchmarks.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -XX:ArchiveClassesAtExit="$work/steps.jsa" -cp "$jar" dev.brisk.bench.JacksonStartSteps >/dev/null 2>&1
for r in $(seq "$runs"); do
  echo "run $r:"
  java -XX:SharedArchiveFile="$work/steps.jsa" -Xshare:auto -cp "$jar" dev.brisk.bench.JacksonStartSteps
done
