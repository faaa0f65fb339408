#!/usr/bin/env bash
# The bench example's first seconds under load, as it is and with extra JVM options (a start-up trade such as
# raised JIT thresholds shows its price here):
#
#   mvn -q -DskipTests package && benchmarks/scripts/warmup-slices.sh [STARTS] [JVM OPTION...]
#   e.g.  benchmarks/scripts/warmup-slices.sh 4 -XX:CompileThresholdScaling=5
#
# Each variant runs on its own AppCDS archive, written by a training run (-Dbrisk.training=/json, the JDK 17
# recipe of docs/server.md). Then STARTS starts of each, interleaved: the server on core 0 (taskset), and from
# its first 200 on, wrk (one thread, 16 connections, on core 1) loads GET /json in SLICES (default 12)
# one-second slices back to back. Prints the requests answered in each slice of each start, then per variant
# the medians of the first second, the first five seconds, and the seconds after the fifth (per second).
set -euo pipefail
cd "$(dirname "$0")/../.."
starts=${1:-4}
shift || true
slices=${SLICES:-12}
jar=examples/target/brisk-examples.jar
port=8124
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in taskset wrk; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
[ "$(nproc)" -ge 2 ] || { echo "needs two cores (one for the server, one for wrk)" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: mvn -q -DskipTests package first" >&2; exit 1; }
source benchmarks/scripts/first-200.sh

variants=("" "$*")
[ $# -gt 0 ] || variants=("")
for v in "${!variants[@]}"; do
  # shellcheck disable=SC2086   # the options are words
  java -XX:ArchiveClassesAtExit="$work/$v.jsa" -Dbrisk.training=/json -Xms512m -Xmx512m ${variants[$v]} \
      -jar "$jar" bench --port "$port" >/dev/null 2>&1
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A first first5 after
for s in $(seq "$starts"); do
  for v in "${!variants[@]}"; do
    if { exec 7<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then exec 7<&-; echo "port $port is taken" >&2; exit 1; fi
    # shellcheck disable=SC2086
    taskset -c 0 java -XX:SharedArchiveFile="$work/$v.jsa" -Xshare:auto -Xms512m -Xmx512m ${variants[$v]} \
        -jar "$jar" bench --port "$port" >/dev/null 2>&1 &
    pid=$!
    first_200
    counts=()
    for _ in $(seq "$slices"); do
      counts+=("$(taskset -c 1 wrk -t1 -c16 -d1s "http://127.0.0.1:$port/json" | awk '/requests in/ { print $1 }')")
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    printf '%-40s start %d: %s\n' "[${variants[$v]:-as it is}]" "$s" "${counts[*]}"
    first[$v]+="${counts[0]} "
    first5[$v]+="$(printf '%s\n' "${counts[@]:0:5}" | awk '{ t += $1 } END { print t }') "
    after[$v]+="$(printf '%s\n' "${counts[@]:5}" | awk '{ t += $1 } END { if (NR) printf "%d", t / NR; else print 0 }') "
    sleep 0.5
  done
done
for v in "${!variants[@]}"; do
  printf '%-40s first second %s, first five %s, then %s per second (medians of %d starts)\n' "[${variants[$v]:-as it is}]" \
      "$(echo "${first[$v]}" | median)" "$(echo "${first5[$v]}" | median)" "$(echo "${after[$v]}" | median)" "$starts"
done
