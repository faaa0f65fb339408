#!/usr/bin/env bash
# CPU time a server's event-loop threads spend per request under wrk load, split into user (the
# server's own code) and system (the kernel: socket reads, writes, epoll). A steadier comparison of
# two servers' per-request cost than requests/second on a small shared machine, where the load
# generator and the scheduler move throughput from run to run.
#
#   benchmarks/scripts/cpu-per-request.sh PID THREAD_PREFIX URL [LUA_SCRIPT] [SECONDS] [CONNECTIONS]
#
#   PID            the server's process id
#   THREAD_PREFIX  the start of its event-loop threads' names as /proc shows them (15 characters at
#                  most): brisk-loop for Brisk, vert.x-eventloo for Vert.x
#   URL            what wrk requests; LUA_SCRIPT is passed to wrk -s (for POST bodies)
#
# Prints: requests/s, p99, user µs/request, system µs/request (summed over the matching threads).
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,13p' "$0"; exit 2; }
pid=$1 prefix=$2 url=$3 lua=${4:-} seconds=${5:-10} conns=${6:-64}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
ticks=$(getconf CLK_TCK)

cpu() { # user and system clock ticks of the matching threads
  local u=0 s=0 t f
  for t in /proc/"$pid"/task/*; do
    [[ "$(cat "$t/comm")" == "$prefix"* ]] || continue
    read -r -a f < <(sed 's/.*) //' "$t/stat")   # fields after the command name; utime, stime are 12th, 13th
    u=$((u + f[11])); s=$((s + f[12]))
  done
  echo "$u $s"
}

read -r u0 s0 < <(cpu)
args=(-t1 "-c$conns" "-d${seconds}s" --latency)
[ -n "$lua" ] && args+=(-s "$lua")
out=$(wrk "${args[@]}" "$url")
read -r u1 s1 < <(cpu)
n=$(awk '/requests in/{print $1}' <<<"$out")
[ "${n:-0}" -gt 0 ] || { echo "$out"; echo "no requests completed"; exit 1; }
awk -v n="$n" -v du=$((u1 - u0)) -v ds=$((s1 - s0)) -v hz="$ticks" \
    -v rps="$(awk '/Requests\/sec/{print $2}' <<<"$out")" -v p99="$(awk '/ 99%/{print $2}' <<<"$out")" \
    'BEGIN { printf "req/s %.0f  p99 %s  user %.2f us/req  system %.2f us/req\n", rps, p99, du * 1e6 / hz / n, ds * 1e6 / hz / n }'
