#!/usr/bin/env bash
# Time from starting a server to its first 200: startup.sh URL RUNS -- COMMAND...
# Polls URL with curl every 5 ms from the moment COMMAND is started; prints one time per run in seconds.
set -euo pipefail
url=$1; runs=$2; shift 3
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$url" 2>/dev/null; do sleep 0.005; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f s\n", ns / 1e9 }'
  sleep 0.5
done
