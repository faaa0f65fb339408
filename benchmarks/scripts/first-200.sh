# Sourced by the start-up scripts: first_200 waits for the first 200 from GET /json on 127.0.0.1:$port.
# It polls every 5 ms with bash builtins only (a connection through /dev/tcp, a read with a time-out as the
# pause): spawning curl and sleep for each poll costs ~8 ms of CPU per curl, ~0.16 s during one Brisk start
# (perf sched), taken from the server being measured on a two-core machine. POLLER=curl polls the old way,
# for comparison with the figures recorded before 2026-12-01 18:30 UTC. Needs $work (a directory) and $port.
mkfifo "$work/pause"
exec 9<>"$work/pause"
first_200() {
  if [ "${POLLER:-}" = curl ]; then
    until curl -fs -o /dev/null "http://127.0.0.1:$port/json" 2>/dev/null; do sleep 0.005; done
    return
  fi
  local line
  while :; do
    if { exec 8<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&8
      line=
      read -r -t 5 line <&8 || true
      exec 8<&-
      [[ $line == "HTTP/1.1 200"* ]] && return
    fi
    read -r -t 0.005 -u 9 || true
  done
}
